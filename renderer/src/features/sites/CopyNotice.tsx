/**
 * What the engineer sees after copying a password: that it was copied and that the clipboard
 * is cleared in 30 seconds, with the seconds counting down, then that it was cleared. The
 * sentence is announced once to screen readers; the counter beside it is not re-announced
 * every second. Keyed by the copy, so that a new copy starts a new count.
 */
import { MessageBar, MessageBarBody, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { useSecondsLeft } from './use-seconds-left';

const useStyles = makeStyles({
  bar: { maxWidth: '60em' },
  countdown: { marginInlineStart: tokens.spacingHorizontalS, fontVariantNumeric: 'tabular-nums' },
});

export interface CopiedPassword {
  readonly userName: string;
  readonly seconds: number;
  /** When the main process will clear the clipboard, in ms since the epoch. */
  readonly clearsAt: number;
}

export function CopyNotice({ copied }: { copied: CopiedPassword }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const left = useSecondsLeft(copied.clearsAt);
  return (
    <MessageBar
      className={styles.bar}
      intent={left > 0 ? 'success' : 'info'}
      layout="multiline"
      data-testid="account-copied"
      data-seconds-left={left}
    >
      <MessageBarBody>
        <span role="status">
          {left > 0
            ? t('sites.accounts.copied', { user: copied.userName, count: copied.seconds })
            : t('sites.accounts.cleared', { user: copied.userName })}
        </span>
        {left > 0 && <Text className={styles.countdown}>{t('sites.accounts.clearsIn', { count: left })}</Text>}
      </MessageBarBody>
    </MessageBar>
  );
}
