/**
 * A sanitization in progress: a bar, files finished out of all and the amount read, and a
 * Cancel button. Every byte is read twice (checked, then copied or quarantined), so the
 * amount counts to twice the size of the files. Until the first progress event (the files
 * are still being listed) the bar is indeterminate.
 */
import { Button, Card, Field, ProgressBar, Text, makeStyles, tokens } from '@fluentui/react-components';
import { Dismiss20Regular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import { formatBytes } from '@shared/format-bytes';
import type { Language } from '@shared/locale';
import type { JobState } from '../../lib/use-job';

const useStyles = makeStyles({
  card: { maxWidth: '640px' },
  row: { display: 'flex', alignItems: 'flex-end', gap: tokens.spacingHorizontalL },
  field: { flexGrow: 1 },
  counts: { fontVariantNumeric: 'tabular-nums' },
});

export function SanitizeProgress({ job, onCancel }: { job: JobState; onCancel: () => void }) {
  const styles = useStyles();
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const progress = job.progress;
  const counts = progress
    ? t('sanitize.progress.counts', {
        filesDone: progress.filesDone,
        filesTotal: progress.filesTotal,
        bytesDone: formatBytes(progress.bytesDone, language),
        bytesTotal: formatBytes(progress.bytesTotal, language),
      })
    : t('sanitize.progress.waiting');
  const fraction = progress && progress.bytesTotal > 0 ? progress.bytesDone / progress.bytesTotal : progress && progress.filesTotal > 0 ? progress.filesDone / progress.filesTotal : undefined;

  return (
    <Card className={styles.card} appearance="filled-alternative" data-testid="sanitize-progress">
      <div className={styles.row}>
        <Field className={styles.field} label={t(job.cancelRequested ? 'sanitize.progress.cancelling' : 'sanitize.progress.title')} hint={<Text className={styles.counts}>{counts}</Text>}>
          <ProgressBar value={fraction} max={1} thickness="large" aria-valuetext={counts} />
        </Field>
        <Button icon={<Dismiss20Regular />} onClick={onCancel} disabled={job.cancelRequested}>
          {t('sanitize.progress.cancel')}
        </Button>
      </div>
    </Card>
  );
}
