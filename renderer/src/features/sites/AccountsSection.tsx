/**
 * The maintenance accounts of one system (10-3, 14-2, 8-5): why they are kept here, the
 * button to add one, the table, what copying did to the clipboard, and the dialogs to add,
 * edit and remove an account. Only the dedicated maintenance account belongs here — never a
 * shared or administrator account.
 */
import { useState } from 'react';
import { Button, MessageBar, MessageBarBody, Text, makeStyles, tokens, useRestoreFocusTarget } from '@fluentui/react-components';
import { PersonAdd20Regular } from '@fluentui/react-icons';
import type { UseQueryResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../components/ErrorState';
import { QueryView } from '../../components/QueryView';
import { copyPassword, useSecretCall } from './account-secrets';
import { AccountDialog } from './AccountDialog';
import { AccountsTable } from './AccountsTable';
import { CopyNotice, type CopiedPassword } from './CopyNotice';
import { RemoveDialog } from './RemoveDialog';
import { useRemoveAccount, type MaintenanceAccount, type SiteSystem } from './use-sites';

const useStyles = makeStyles({
  intro: { display: 'block', maxWidth: '60em' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  message: { maxWidth: '60em' },
});

export interface AccountsSectionProps {
  readonly system: SiteSystem;
  readonly accounts: UseQueryResult<{ accounts: MaintenanceAccount[] }>;
  readonly labelledBy: string;
}

/** The last thing done here, said once in a status message. */
type Notice = { readonly kind: 'saved' | 'removed'; readonly user: string };

export function AccountsSection({ system, accounts, labelledBy }: AccountsSectionProps) {
  const styles = useStyles();
  const { t } = useTranslation();
  const [editing, setEditing] = useState<MaintenanceAccount | 'new' | null>(null);
  const [removing, setRemoving] = useState<MaintenanceAccount | null>(null);
  const [copied, setCopied] = useState<CopiedPassword | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const copy = useSecretCall(copyPassword);
  const remove = useRemoveAccount();
  // When a dialog closes, focus goes back to the button that opened it.
  const restoreFocus = useRestoreFocusTarget();

  const copyFor = async (account: MaintenanceAccount) => {
    setNotice(null);
    const seconds = await copy.run(account.id);
    if (seconds !== undefined) setCopied({ userName: account.userName, seconds, clearsAt: Date.now() + seconds * 1000 });
  };
  const confirmRemove = (account: MaintenanceAccount) =>
    remove.mutate(account.id, {
      onSuccess: () => {
        setRemoving(null);
        setNotice({ kind: 'removed', user: account.userName });
      },
    });

  return (
    <>
      <Text className={styles.intro}>{t('sites.accounts.intro')}</Text>
      <div className={styles.actions}>
        <Button
          {...restoreFocus}
          appearance="primary"
          icon={<PersonAdd20Regular />}
          onClick={() => {
            setNotice(null);
            setEditing('new');
          }}
        >
          {t('sites.accounts.add')}
        </Button>
      </div>
      <QueryView query={accounts}>
        {({ accounts: list }) =>
          list.length === 0 ? (
            <Text role="status">{t('sites.accounts.empty')}</Text>
          ) : (
            <AccountsTable
              accounts={list}
              labelledBy={labelledBy}
              copying={copy.pending}
              onCopy={(account) => void copyFor(account)}
              onEdit={(account) => {
                setNotice(null);
                setEditing(account);
              }}
              onRemove={(account) => {
                remove.reset();
                setRemoving(account);
              }}
            />
          )
        }
      </QueryView>
      {copied && <CopyNotice key={copied.clearsAt} copied={copied} />}
      {copy.error !== null && (
        <div className={styles.message}>
          <ErrorState error={copy.error} />
        </div>
      )}
      {notice && (
        <MessageBar className={styles.message} intent="success" role="status" data-testid="account-notice">
          <MessageBarBody>{t(`sites.accounts.notice.${notice.kind}`, { user: notice.user })}</MessageBarBody>
        </MessageBar>
      )}

      {editing !== null && (
        <AccountDialog
          systemId={system.id}
          account={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={(account) => {
            setEditing(null);
            setNotice({ kind: 'saved', user: account.userName });
          }}
        />
      )}
      {removing && (
        <RemoveDialog
          title={t('sites.accounts.removeTitle', { user: removing.userName })}
          confirmLabel={t('sites.accounts.removeConfirm')}
          pending={remove.isPending}
          error={remove.error}
          onConfirm={() => confirmRemove(removing)}
          onCancel={() => setRemoving(null)}
          testId="account-remove-dialog"
        >
          <Text>{t('sites.accounts.removeBody', { system: system.product })}</Text>
        </RemoveDialog>
      )}
    </>
  );
}
