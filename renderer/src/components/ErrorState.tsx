/**
 * The error state every screen shows: what went wrong in words (the translated message of the
 * error code, with what the caller adds), a retry, and the raw code folded behind 「詳細」 — a
 * support desk needs it, the engineer does not, and a bare code reads as an unfinished app.
 */
import type { ReactNode } from 'react';
import { Button, MessageBar, MessageBarActions, MessageBarBody, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { dynamicKey } from '../i18n/text-key';
import { BridgeError } from '../lib/bridge';

const useStyles = makeStyles({
  details: { marginTop: tokens.spacingVerticalXS },
  summary: {
    cursor: 'pointer',
    width: 'fit-content',
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, borderRadius: tokens.borderRadiusSmall },
  },
  code: { fontFamily: tokens.fontFamilyMonospace, userSelect: 'all' },
});

/** The error code of any error a screen may catch: INTERNAL for one that did not come from the main process. */
export function errorCodeOf(error: unknown): string {
  return error instanceof BridgeError ? error.code : 'INTERNAL';
}

/** The folded 「詳細」: the error code, selectable for a support request. A native disclosure, so Enter and Space open it. */
export function ErrorDetails({ code }: { code: string }) {
  const styles = useStyles();
  const { t } = useTranslation();
  return (
    <details className={styles.details}>
      <summary className={styles.summary}>{t('common.errorDetails')}</summary>
      {t('common.errorCode')}
      <span className={styles.code}>{code}</span>
    </details>
  );
}

/** What joins two sentences: nothing after 。 in Japanese, a space in English. */
export function useSentenceGap(): string {
  const { i18n } = useTranslation();
  return i18n.language === 'ja' ? '' : ' ';
}

export function ErrorState({ error, onRetry, children }: { error: unknown; onRetry?: () => void; children?: ReactNode }) {
  const { t } = useTranslation();
  const gap = useSentenceGap();
  const messageKey = error instanceof BridgeError ? error.messageKey : 'errors.INTERNAL';
  const params = error instanceof BridgeError ? error.params : {};
  const code = errorCodeOf(error);
  return (
    <MessageBar intent="error" role="alert" layout="multiline" data-error-code={code}>
      <MessageBarBody>
        {t(dynamicKey(messageKey), params)}
        {children && (
          <>
            {gap}
            {children}
          </>
        )}
        <ErrorDetails code={code} />
      </MessageBarBody>
      {onRetry && (
        <MessageBarActions>
          <Button onClick={onRetry}>{t('common.retry')}</Button>
        </MessageBarActions>
      )}
    </MessageBar>
  );
}
