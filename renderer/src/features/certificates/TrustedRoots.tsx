/**
 * The company roots this vault trusts (issue 13). Trust is given to a company's root — the
 * one whose fingerprint is printed on the maintenance contract — never to a single engineer:
 * every certificate the company issues then verifies as 「正規」. A root is added from a file
 * (the root certificate, or a document whose chain names it) only after the engineer typed
 * the contract's fingerprint; removing one is asked first. The company's revocation lists
 * (CRLs) are imported here too.
 */
import { useRef, useState } from 'react';
import {
  Button,
  MessageBar,
  MessageBarBody,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { Certificate24Regular, Delete20Regular, DocumentDismiss20Regular, ShieldAdd20Regular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import type { TrustedRoot } from '@shared/certificates';
import { formatDateTime } from '@shared/format-date';
import type { Language } from '@shared/locale';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { EmptyState, EmptyStateText } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { QueryView } from '../../components/QueryView';
import { commonName } from './certificate-text';
import { Fingerprint } from './Fingerprint';
import { TrustRootDialog, type RootCandidate } from './TrustRootDialog';
import { useImportRevocationList, usePreviewRoot, useTrustedRoots, useUntrustRoot } from './use-certificates';
import { useActionNotice } from '../../lib/use-action-notice';

const useStyles = makeStyles({
  section: { marginBottom: tokens.spacingVerticalXXL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  intro: { display: 'block', maxWidth: '60em' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  message: { maxWidth: '60em' },
  tableWrap: { overflowX: 'auto' },
  table: { minWidth: '880px' },
  nowrap: { whiteSpace: 'nowrap' },
  heading: { outline: 'none' },
});

type Notice =
  | { readonly key: 'added' | 'alreadyTrusted' | 'removed'; readonly name: string }
  | { readonly key: 'crlImported'; readonly count: number }
  | { readonly key: 'cancelled' };

export function TrustedRoots() {
  const styles = useStyles();
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const roots = useTrustedRoots();
  const preview = usePreviewRoot();
  const untrust = useUntrustRoot();
  const importCrl = useImportRevocationList();
  const [candidate, setCandidate] = useState<RootCandidate | null>(null);
  const [removing, setRemoving] = useState<TrustedRoot | null>(null);
  const { notice, setNotice, beginAction } = useActionNotice<Notice>(preview, importCrl, untrust);
  // Where focus goes when the row whose button opened the removal is gone.
  const heading = useRef<HTMLHeadingElement>(null);
  const busy = preview.isPending || importCrl.isPending;
  const error = preview.error ?? importCrl.error;

  const addFromFile = () => {
    beginAction();
    preview.mutate(undefined, {
      onSuccess: (result) => {
        if (!result.candidate) setNotice({ key: 'cancelled' });
        else if (result.candidate.alreadyTrusted) setNotice({ key: 'alreadyTrusted', name: commonName(result.candidate.label) });
        else setCandidate(result.candidate);
      },
    });
  };

  const importRevocationList = () => {
    beginAction();
    importCrl.mutate(undefined, {
      onSuccess: (result) => setNotice(result.cancelled ? { key: 'cancelled' } : { key: 'crlImported', count: result.revoked }),
    });
  };

  const noticeText = (shown: Notice) => {
    switch (shown.key) {
      case 'cancelled':
        return t('certificates.roots.cancelled');
      case 'crlImported':
        return t('certificates.roots.crlImported', { count: shown.count });
      case 'added':
      case 'alreadyTrusted':
      case 'removed':
        return t(`certificates.roots.${shown.key}`, { name: shown.name });
    }
  };

  return (
    <section className={styles.section} aria-labelledby="certificates-roots-heading" data-testid="trusted-roots">
      {/* Subtitle1's look, as a Text that takes a ref. */}
      <Text as="h2" size={500} weight="semibold" id="certificates-roots-heading" ref={heading} tabIndex={-1} className={styles.heading}>
        {t('certificates.roots.title')}
      </Text>
      <Text className={styles.intro}>{t('certificates.roots.intro')}</Text>
      <div className={styles.actions}>
        <Button icon={<ShieldAdd20Regular />} onClick={addFromFile} disabledFocusable={busy}>
          {t('certificates.roots.add')}
        </Button>
        <Button icon={<DocumentDismiss20Regular />} onClick={importRevocationList} disabledFocusable={busy}>
          {importCrl.isPending ? t('certificates.roots.crlWorking') : t('certificates.roots.importCrl')}
        </Button>
      </div>
      {notice && (
        <MessageBar
          className={styles.message}
          intent={notice.key === 'cancelled' || notice.key === 'alreadyTrusted' ? 'info' : 'success'}
          role="status"
          layout="multiline"
        >
          <MessageBarBody>{noticeText(notice)}</MessageBarBody>
        </MessageBar>
      )}
      {error && (
        <div className={styles.message}>
          <ErrorState error={error} />
        </div>
      )}
      <QueryView query={roots}>
        {({ roots: list }) =>
          list.length === 0 ? (
            <EmptyState
              icon={Certificate24Regular}
              title={t('certificates.roots.empty.title')}
              headingLevel="h3"
              testId="trusted-roots-empty"
            >
              <EmptyStateText>{t('certificates.roots.empty.why')}</EmptyStateText>
              <EmptyStateText>{t('certificates.roots.empty.how')}</EmptyStateText>
            </EmptyState>
          ) : (
            <div className={styles.tableWrap}>
              <Table aria-labelledby="certificates-roots-heading" className={styles.table} size="small">
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell style={{ width: '28%' }}>{t('certificates.roots.columns.name')}</TableHeaderCell>
                    <TableHeaderCell>{t('certificates.roots.columns.fingerprint')}</TableHeaderCell>
                    <TableHeaderCell style={{ width: '190px' }}>{t('certificates.roots.columns.notAfter')}</TableHeaderCell>
                    <TableHeaderCell style={{ width: '150px' }}>{t('certificates.roots.columns.actions')}</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {list.map((root) => {
                    const name = commonName(root.label);
                    return (
                      <TableRow key={root.fingerprint} data-fingerprint={root.fingerprint}>
                        <TableCell>{name}</TableCell>
                        <TableCell>
                          <Fingerprint value={root.fingerprint} small />
                        </TableCell>
                        <TableCell className={styles.nowrap}>{formatDateTime(root.notAfter, language)}</TableCell>
                        <TableCell>
                          <Button
                            size="small"
                            icon={<Delete20Regular />}
                            aria-label={t('certificates.roots.removeOne', { name })}
                            onClick={() => {
                              beginAction();
                              setRemoving(root);
                            }}
                          >
                            {t('certificates.roots.remove')}
                          </Button>
                        </TableCell>
                      </TableRow>
                    );
                  })}
                </TableBody>
              </Table>
            </div>
          )
        }
      </QueryView>

      {candidate && (
        <TrustRootDialog
          candidate={candidate}
          onClose={() => setCandidate(null)}
          onTrusted={(name) => {
            setCandidate(null);
            setNotice({ key: 'added', name });
          }}
        />
      )}
      {removing && (
        <ConfirmDialog
          title={t('certificates.roots.removeDialog.title', { name: commonName(removing.label) })}
          confirmLabel={t('certificates.roots.removeDialog.confirm')}
          pendingLabel={t('certificates.roots.removeDialog.pending')}
          cancelLabel={t('certificates.roots.removeDialog.cancel')}
          destructive
          describedBy="children"
          pending={untrust.isPending}
          error={untrust.error}
          testId="untrust-root-dialog"
          onCancel={() => {
            setRemoving(null);
            untrust.reset();
          }}
          onConfirm={() =>
            untrust.mutate(removing.fingerprint, {
              onSuccess: () => {
                setNotice({ key: 'removed', name: commonName(removing.label) });
                setRemoving(null);
                // After the dialog has gone and handed focus back to a button that is gone too.
                window.setTimeout(() => heading.current?.focus(), 0);
              },
            })
          }
        >
          <Text block>{t('certificates.roots.removeDialog.body')}</Text>
          <Text block>
            <Fingerprint value={removing.fingerprint} />
          </Text>
        </ConfirmDialog>
      )}
    </section>
  );
}
