/** The error state every screen shows: the translated message of the error code, and a retry. */
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { BridgeError } from '../lib/bridge';

export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const messageKey = error instanceof BridgeError ? error.messageKey : 'errors.INTERNAL';
  const params = error instanceof BridgeError ? error.params : {};
  const code = error instanceof BridgeError ? error.code : 'INTERNAL';
  return (
    <MessageBar intent="error" role="alert" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{t('common.errorTitle')}</MessageBarTitle>
        {t(messageKey, params)} <span data-error-code={code}>({code})</span>
      </MessageBarBody>
      {onRetry && (
        <MessageBarActions>
          <Button onClick={onRetry}>{t('common.retry')}</Button>
        </MessageBarActions>
      )}
    </MessageBar>
  );
}
