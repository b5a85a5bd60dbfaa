/**
 * 「ログを保存」 (issue 18): when something went wrong on site, support asks for the app's log.
 * The log holds event names and counts only — never a password, a path or a patient's name —
 * so it can be saved with the vault locked and sent as it is.
 */
import { Button, MessageBar, MessageBarBody, Spinner, Subtitle1, Text, makeStyles, tokens } from '@fluentui/react-components';
import { DocumentSave20Regular } from '@fluentui/react-icons';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../components/ErrorState';
import { invoke } from '../../lib/bridge';

const useStyles = makeStyles({
  description: { display: 'block', marginBottom: tokens.spacingVerticalM, maxWidth: '60em' },
  body: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: tokens.spacingVerticalM, maxWidth: '60em' },
});

export function SupportLogSection({ className }: { className: string }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const save = useMutation({ mutationFn: () => invoke('app.saveLog', {}) });

  return (
    <section className={className} aria-labelledby="settings-support-log-heading" data-testid="settings-support-log">
      <Subtitle1 as="h2" id="settings-support-log-heading" block>
        {t('settings.supportLog.title')}
      </Subtitle1>
      <Text className={styles.description}>{t('settings.supportLog.description')}</Text>
      <div className={styles.body}>
        <Button
          icon={save.isPending ? <Spinner size="tiny" /> : <DocumentSave20Regular />}
          disabled={save.isPending}
          onClick={() => save.mutate()}
        >
          {t('settings.supportLog.save')}
        </Button>
        {save.isSuccess && (
          <MessageBar intent={save.data.saved ? 'success' : 'info'} role="status">
            <MessageBarBody>{t(save.data.saved ? 'settings.supportLog.saved' : 'settings.supportLog.cancelled')}</MessageBarBody>
          </MessageBar>
        )}
        {save.isError && <ErrorState error={save.error} />}
      </div>
    </section>
  );
}
