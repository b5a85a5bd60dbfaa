/**
 * The progress of long work on files (import, export, erasure, sanitization): a bar, files and
 * bytes done out of the total, for an erasure the pass, speed and time left, and a Cancel
 * button. Until the first progress event (the file dialog is still open, or the files are
 * being listed) the bar is indeterminate. A sanitization reads every byte twice, so its texts
 * speak of the amount processed.
 */
import { Button, Card, Field, ProgressBar, Text, makeStyles, tokens } from '@fluentui/react-components';
import { Dismiss20Regular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import { formatBytes } from '@shared/format-bytes';
import type { Language } from '@shared/locale';
import type { TextKey } from '../../i18n/text-key';
import type { JobState } from '../../lib/use-job';

const useStyles = makeStyles({
  card: { marginBottom: tokens.spacingVerticalL, maxWidth: '640px' },
  row: { display: 'flex', alignItems: 'flex-end', gap: tokens.spacingHorizontalL },
  field: { flexGrow: 1 },
  counts: { fontVariantNumeric: 'tabular-nums' },
});

type TransferKind = 'import' | 'export' | 'erase' | 'sanitize';

/** The i18n keys of each kind's texts: the vault's and erasure's share theirs, sanitization has its own. */
interface TransferTextKeys {
  readonly title: TextKey;
  readonly waiting: TextKey;
  readonly counts: TextKey;
  readonly cancelling: TextKey;
  readonly cancel: TextKey;
  readonly testId: string;
}

function textKeys(kind: TransferKind): TransferTextKeys {
  if (kind === 'sanitize') {
    const base = 'sanitize.progress';
    return {
      title: `${base}.title`,
      waiting: `${base}.waiting`,
      counts: `${base}.counts`,
      cancelling: `${base}.cancelling`,
      cancel: `${base}.cancel`,
      testId: 'sanitize-progress',
    };
  }
  const base = 'vaultFiles.progress';
  return {
    title: `${base}.title.${kind}`,
    waiting: `${base}.waiting.${kind}`,
    counts: `${base}.counts`,
    cancelling: `${base}.cancelling`,
    cancel: `${base}.cancel`,
    testId: 'transfer-progress',
  };
}

export function TransferProgress({ kind, job, onCancel }: { kind: TransferKind; job: JobState; onCancel: () => void }) {
  const styles = useStyles();
  const keys = textKeys(kind);
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const progress = job.progress;
  const counts = progress
    ? t(keys.counts, {
        filesDone: progress.filesDone,
        filesTotal: progress.filesTotal,
        bytesDone: formatBytes(progress.bytesDone, language),
        bytesTotal: formatBytes(progress.bytesTotal, language),
      })
    : t(keys.waiting);
  const detail =
    progress?.passes !== undefined && progress.passes > 0
      ? t('vaultFiles.progress.erasure', {
          pass: progress.currentPass ?? 0,
          passes: progress.passes,
          speed: formatBytes(progress.throughputBytesPerSecond ?? 0, language),
          left: progress.secondsLeft == null ? '—' : String(Math.ceil(progress.secondsLeft)),
        })
      : null;
  const fraction =
    progress && progress.bytesTotal > 0
      ? progress.bytesDone / progress.bytesTotal
      : progress && progress.filesTotal > 0
        ? progress.filesDone / progress.filesTotal
        : undefined;

  return (
    <Card className={styles.card} appearance="filled-alternative" data-testid={keys.testId}>
      <div className={styles.row}>
        <Field
          className={styles.field}
          label={t(job.cancelRequested ? keys.cancelling : keys.title)}
          hint={<Text className={styles.counts}>{detail ? `${counts} ${detail}` : counts}</Text>}
        >
          <ProgressBar value={fraction} max={1} thickness="large" aria-valuetext={counts} />
        </Field>
        <Button icon={<Dismiss20Regular />} onClick={onCancel} disabled={job.cancelRequested}>
          {t(keys.cancel)}
        </Button>
      </div>
    </Card>
  );
}
