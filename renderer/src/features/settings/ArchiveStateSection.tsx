/**
 * The company archive's state and 「会社へ保管」 (issue 20): when the last sync was, how many
 * documents wait, which failed and why in words, an incident when the archive's anchor is ahead
 * of this vault (a data folder put back from an older copy), and the sync itself with progress
 * and cancel. The button says why it cannot be pressed: no archive set, or a visit in progress
 * (the laptop may be on the hospital's network; the main process refuses it too).
 */
import {
  Button,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Field,
  Subtitle1,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { CloudArrowUp20Regular, Dismiss20Regular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '@shared/format-date';
import type { Language } from '@shared/locale';
import { ErrorState, errorCodeOf } from '../../components/ErrorState';
import { FactList } from '../../components/FactList';
import { QueryView } from '../../components/QueryView';
import { errorMessageKey } from '@shared/errors';
import { useJob } from '../../lib/use-job';
import { useArchiveStatus, useArchiveSync } from './use-archive';

const useStyles = makeStyles({
  description: { display: 'block', marginBottom: tokens.spacingVerticalM, maxWidth: '60em' },
  block: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '60em' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'center', flexWrap: 'wrap' },
  failures: { margin: 0, paddingInlineStart: tokens.spacingHorizontalXL },
});

export function ArchiveStateSection({ className }: { className: string }) {
  const styles = useStyles();
  const { t, i18n } = useTranslation();
  const status = useArchiveStatus();
  const job = useJob();
  const sync = useArchiveSync(job);
  const progress = job.current?.progress ?? null;
  // Cancel is what the engineer asked for: said as such, not as an error.
  const cancelled = sync.error !== null && errorCodeOf(sync.error) === 'JOB_CANCELLED';

  return (
    <section className={className} aria-labelledby="settings-archive-state-heading" data-testid="settings-archive-state">
      <Subtitle1 as="h2" id="settings-archive-state-heading" block>
        {t('archive.state.title')}
      </Subtitle1>
      <Text className={styles.description}>{t('archive.state.description')}</Text>
      <QueryView query={status}>
        {(state) => {
          const blocked = !state.configured ? 'notConfigured' : state.visitInProgress ? 'visitInProgress' : null;
          const progressText = progress
            ? t('archive.sync.progress', { done: progress.filesDone, total: progress.filesTotal })
            : t('archive.sync.starting');
          return (
            <div className={styles.block}>
              {state.incident && (
                <MessageBar intent="error" layout="multiline" data-testid="archive-incident">
                  <MessageBarBody>
                    <MessageBarTitle>{t('archive.incident.title')}</MessageBarTitle>
                    {t('archive.incident.body', {
                      at: formatDateTime(state.incident.detectedAt, i18n.language as Language),
                      archiveSeq: state.incident.archiveSeq,
                      localSeq: state.incident.localSeq,
                    })}
                  </MessageBarBody>
                </MessageBar>
              )}
              <FactList
                facts={[
                  [
                    t('archive.state.target'),
                    state.settings ? `${state.settings.bucket}/${state.settings.prefix}` : t('archive.state.notConfigured'),
                  ],
                  [
                    t('archive.state.lastSync'),
                    state.lastSyncAt ? formatDateTime(state.lastSyncAt, i18n.language as Language) : t('archive.state.never'),
                  ],
                  [t('archive.state.waiting'), t('archive.state.count', { count: state.waiting })],
                  [t('archive.state.archived'), t('archive.state.count', { count: state.archived })],
                  ...(state.refused > 0 ? [[t('archive.state.refused'), t('archive.state.count', { count: state.refused })] as const] : []),
                ]}
              />
              {state.failed.length > 0 && (
                <div>
                  <Text weight="semibold">{t('archive.state.failedTitle')}</Text>
                  <ul className={styles.failures}>
                    {state.failed.map((f) => (
                      <li key={f.number}>
                        {f.number}
                        {t('archive.state.failedSeparator')}
                        {t(errorMessageKey(f.error))}
                      </li>
                    ))}
                  </ul>
                </div>
              )}
              {blocked && (
                <MessageBar intent={blocked === 'notConfigured' ? 'info' : 'warning'} data-testid="archive-sync-blocked">
                  <MessageBarBody>{t(`archive.sync.blocked.${blocked}`)}</MessageBarBody>
                </MessageBar>
              )}
              <div className={styles.actions}>
                <Button
                  appearance="primary"
                  icon={<CloudArrowUp20Regular />}
                  disabled={blocked !== null || sync.isPending}
                  onClick={() => {
                    sync.reset();
                    sync.mutate();
                  }}
                >
                  {t('archive.sync.button')}
                </Button>
                {sync.isPending && (
                  <Button icon={<Dismiss20Regular />} disabled={job.current?.cancelRequested === true} onClick={job.cancel}>
                    {t('archive.sync.cancel')}
                  </Button>
                )}
              </div>
              {sync.isPending && (
                <Field label={t('archive.sync.progressLabel')} hint={progressText}>
                  <ProgressBar
                    value={progress && progress.filesTotal > 0 ? progress.filesDone / progress.filesTotal : undefined}
                    max={1}
                    thickness="large"
                    aria-valuetext={progressText}
                  />
                </Field>
              )}
              {sync.data && (
                <MessageBar
                  intent={sync.data.result.refused.length + sync.data.result.failed.length > 0 ? 'warning' : 'success'}
                  layout="multiline"
                  role="status"
                >
                  <MessageBarBody>
                    {t('archive.sync.done', { count: sync.data.result.archived })}
                    {sync.data.result.refused.length > 0 && <> {t('archive.sync.refused', { count: sync.data.result.refused.length })}</>}
                    {sync.data.result.failed.length > 0 && <> {t('archive.sync.failed', { count: sync.data.result.failed.length })}</>}
                  </MessageBarBody>
                </MessageBar>
              )}
              {cancelled && (
                <MessageBar intent="info" role="status">
                  <MessageBarBody>{t('archive.sync.cancelled')}</MessageBarBody>
                </MessageBar>
              )}
              {sync.error && !cancelled && <ErrorState error={sync.error} />}
            </div>
          );
        }}
      </QueryView>
    </section>
  );
}
