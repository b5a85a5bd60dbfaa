/**
 * 「診断データを保存」: saves the raw answers of every probe of this laptop (masked of user and
 * host names, SSIDs and serials) into a folder the engineer picks, to send to the developers
 * when a result looks wrong. The same as `fieldguard selfcheck --record DIR`.
 */
import { Button, MessageBar, MessageBarBody, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { FolderArrowRight20Regular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../components/ErrorState';
import { useSaveDiagnostics } from './use-self-check';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, alignItems: 'flex-start', maxWidth: '60em' },
});

export function SaveDiagnosticsAction() {
  const styles = useStyles();
  const { t } = useTranslation();
  const save = useSaveDiagnostics();
  return (
    <div className={styles.root} data-testid="self-check-diagnostics">
      <Text>{t('selfCheck.diagnostics.intro')}</Text>
      <Button
        icon={save.isPending ? <Spinner size="tiny" /> : <FolderArrowRight20Regular />}
        disabled={save.isPending}
        onClick={() => save.mutate()}
      >
        {save.isPending ? t('selfCheck.diagnostics.saving') : t('selfCheck.diagnostics.save')}
      </Button>
      {save.isSuccess && (
        <MessageBar intent={save.data.saved ? 'success' : 'info'} role="status">
          <MessageBarBody>
            {save.data.saved
              ? t('selfCheck.diagnostics.saved', { count: save.data.files, folder: save.data.folder ?? '' })
              : t('selfCheck.diagnostics.cancelled')}
          </MessageBarBody>
        </MessageBar>
      )}
      {save.isError && <ErrorState error={save.error} onRetry={() => save.mutate()} />}
    </div>
  );
}
