/**
 * An account's password in its row: hidden unless asked for. "Show" fetches it from the vault
 * into this component's state only, and it is hidden again by "Hide", after 30 seconds, or
 * when the row leaves the screen (another view, the vault locked): the state goes with the
 * component. "Copy" hands the copying to the main process, which clears the clipboard again.
 */
import { useEffect, useState } from 'react';
import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import { Copy20Regular, Eye20Regular, EyeOff20Regular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../components/ErrorState';
import { revealPassword, useSecretCall } from './account-secrets';
import { useSecondsLeft } from './use-seconds-left';
import type { MaintenanceAccount } from './use-sites';

/** How long a shown password stays on screen. */
export const SHOW_SECONDS = 30;

const useStyles = makeStyles({
  cell: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    alignItems: 'flex-start',
    paddingBlock: tokens.spacingVerticalXS,
  },
  value: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase300, overflowWrap: 'anywhere', userSelect: 'all' },
  masked: { fontFamily: tokens.fontFamilyMonospace, color: tokens.colorNeutralForeground3, letterSpacing: '0.1em' },
  buttons: { display: 'flex', gap: tokens.spacingHorizontalXS, flexWrap: 'wrap' },
  muted: { color: tokens.colorNeutralForeground3 },
  hidden: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clipPath: 'inset(50%)', whiteSpace: 'nowrap' },
});

export interface PasswordCellProps {
  readonly account: MaintenanceAccount;
  readonly copying: boolean;
  readonly onCopy: (account: MaintenanceAccount) => void;
}

export function PasswordCell({ account, copying, onCopy }: PasswordCellProps) {
  const styles = useStyles();
  const { t } = useTranslation();
  const [secret, setSecret] = useState<string | null>(null);
  const [hideAt, setHideAt] = useState<number | null>(null);
  const reveal = useSecretCall(revealPassword);
  const user = { user: account.userName };

  useEffect(() => {
    if (hideAt === null) return;
    const timer = setTimeout(
      () => {
        setSecret(null);
        setHideAt(null);
      },
      Math.max(0, hideAt - Date.now()),
    );
    return () => clearTimeout(timer);
  }, [hideAt]);

  if (!account.hasSecret) return <Text className={styles.muted}>{t('sites.accounts.noSecret')}</Text>;

  const hide = () => {
    setSecret(null);
    setHideAt(null);
  };
  const show = async () => {
    const value = await reveal.run(account.id);
    if (value === undefined) return;
    setSecret(value);
    setHideAt(Date.now() + SHOW_SECONDS * 1000);
  };

  return (
    <div className={styles.cell}>
      {secret === null ? (
        <span>
          <span className={styles.masked} aria-hidden>
            ••••••••
          </span>
          <span className={styles.hidden}>{t('sites.accounts.passwordHidden')}</span>
        </span>
      ) : (
        <span className={styles.value} data-testid="account-secret">
          {secret}
        </span>
      )}
      <div className={styles.buttons}>
        {secret === null ? (
          <Button
            size="small"
            icon={<Eye20Regular />}
            disabledFocusable={reveal.pending}
            aria-label={t('sites.accounts.showFor', user)}
            onClick={() => void show()}
          >
            {t('sites.accounts.show')}
          </Button>
        ) : (
          <Button size="small" icon={<EyeOff20Regular />} aria-label={t('sites.accounts.hideFor', user)} onClick={hide}>
            {t('sites.accounts.hide')}
          </Button>
        )}
        <Button
          size="small"
          icon={<Copy20Regular />}
          disabledFocusable={copying}
          aria-label={t('sites.accounts.copyFor', user)}
          onClick={() => onCopy(account)}
        >
          {t('sites.accounts.copy')}
        </Button>
      </div>
      {hideAt !== null && <HidesIn key={hideAt} at={hideAt} />}
      {reveal.error !== null && <ErrorState error={reveal.error} />}
    </div>
  );
}

/** How long the shown password stays, counting down. */
function HidesIn({ at }: { at: number }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const left = useSecondsLeft(at);
  return (
    <Text size={200} className={styles.muted}>
      {t('sites.accounts.hidesIn', { count: left })}
    </Text>
  );
}
