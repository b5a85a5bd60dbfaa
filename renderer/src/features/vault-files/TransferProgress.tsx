/**
 * The progress of long work on files (import, export, erasure): a bar, files and bytes done
 * out of the total, for an erasure the pass, speed and time left, and a Cancel button. Until the first progress event (the file dialog is still open, or the
 * files are being listed) the bar is indeterminate.
 */
import { Button, Card, Field, ProgressBar, Text, makeStyles, tokens } from '@fluentui/react-components';
import { Dismiss20Regular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import { formatBytes } from '@shared/format-bytes';
import type { Language } from '@shared/locale';
import type { JobState } from '../../lib/use-job';

const useStyles = makeStyles({
  card: { marginBottom: tokens.spacingVerticalL, maxWidth: '640px' },
  row: { display: 'flex', alignItems: 'flex-end', gap: tokens.spacingHorizontalL },
  field: { flexGrow: 1 },
  counts: { fontVariantNumeric: 'tabular-nums' },
});

export function TransferProgress({ kind, job, onCancel }: { kind: 'import' | 'export' | 'erase'; job: JobState; onCancel: () => void }) {
  const styles = useStyles();
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const progress = job.progress;
  const counts = progress
    ? t('vaultFiles.progress.counts', {
        filesDone: progress.filesDone,
        filesTotal: progress.filesTotal,
        bytesDone: formatBytes(progress.bytesDone, language),
        bytesTotal: formatBytes(progress.bytesTotal, language),
      })
    : t(`vaultFiles.progress.waiting.${kind}`);
  const detail =
    progress?.passes !== undefined && progress.passes > 0
      ? t('vaultFiles.progress.erasure', {
          pass: progress.currentPass ?? 0,
          passes: progress.passes,
          speed: formatBytes(progress.throughputBytesPerSecond ?? 0, language),
          left: progress.secondsLeft == null ? '—' : String(Math.ceil(progress.secondsLeft)),
        })
      : null;
  const fraction = progress && progress.bytesTotal > 0 ? progress.bytesDone / progress.bytesTotal : progress && progress.filesTotal > 0 ? progress.filesDone / progress.filesTotal : undefined;

  return (
    <Card className={styles.card} appearance="filled-alternative" data-testid="transfer-progress">
      <div className={styles.row}>
        <Field
          className={styles.field}
          label={t(job.cancelRequested ? 'vaultFiles.progress.cancelling' : `vaultFiles.progress.title.${kind}`)}
          hint={<Text className={styles.counts}>{detail ? `${counts} ${detail}` : counts}</Text>}
        >
          <ProgressBar value={fraction} max={1} thickness="large" aria-valuetext={counts} />
        </Field>
        <Button icon={<Dismiss20Regular />} onClick={onCancel} disabled={job.cancelRequested}>
          {t('vaultFiles.progress.cancel')}
        </Button>
      </div>
    </Card>
  );
}
