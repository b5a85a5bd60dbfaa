/**
 * Where the vault's data folder is, and whether anything may copy it (issue 14). A
 * crypto-erase destroys keys; a copy of the folder made before (Time Machine, File History,
 * shadow copies, a roaming profile, a synced folder) still opens with the same password. So
 * the engineer sees the folder, each backup or sync tool found and its state, and a warning
 * when one may copy the folder or could not be checked — the same facts a crypto-erase
 * certificate records and grades.
 */
import {
  Button,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Subtitle1,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { ArrowClockwise20Regular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import { BACKUP_STATE_LABELS, BACKUP_TOOL_LABELS, type DataFolderReport } from '@shared/data-folder';
import { formatDateTime } from '@shared/format-date';
import type { Language } from '@shared/locale';
import { FactList } from '../../components/FactList';
import { QueryView } from '../../components/QueryView';
import { useDataFolder } from './use-data-folder';
import { strictLineBreaking } from '../../components/table-cells';

const useStyles = makeStyles({
  description: { display: 'block', marginBottom: tokens.spacingVerticalM, maxWidth: '60em' },
  body: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '60em' },
  path: { fontFamily: tokens.fontFamilyMonospace, ...strictLineBreaking },
  tools: {
    margin: 0,
    paddingInlineStart: tokens.spacingHorizontalXL,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  state: { fontWeight: tokens.fontWeightSemibold },
});

type Verdict = 'mayCopy' | 'unknown' | 'noCopy';

/** The worst of the folder's place and every tool's state: one copy is enough to defeat a crypto-erase. */
function verdictOf(report: DataFolderReport): Verdict {
  if (report.local === false || report.backups.some((b) => b.state === 'may-copy')) return 'mayCopy';
  if (report.local === null || report.backups.some((b) => b.state === 'unknown')) return 'unknown';
  return 'noCopy';
}

const INTENT = { mayCopy: 'warning', unknown: 'info', noCopy: 'success' } as const;

export function DataFolderSection({ className }: { className: string }) {
  const styles = useStyles();
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const report = useDataFolder();

  return (
    <section className={className} aria-labelledby="settings-data-folder-heading" data-testid="settings-data-folder">
      <Subtitle1 as="h2" id="settings-data-folder-heading" block>
        {t('settings.dataFolder.title')}
      </Subtitle1>
      <Text className={styles.description}>{t('settings.dataFolder.description')}</Text>
      <QueryView query={report} loadingLabelKey="settings.dataFolder.checking">
        {(current) => {
          const verdict = verdictOf(current);
          return (
            <div className={styles.body}>
              <MessageBar intent={INTENT[verdict]} layout="multiline" data-testid={`data-folder-${verdict}`}>
                <MessageBarBody>
                  <MessageBarTitle>{t(`settings.dataFolder.verdict.${verdict}.title`)}</MessageBarTitle>
                  {t(`settings.dataFolder.verdict.${verdict}.body`)}
                </MessageBarBody>
              </MessageBar>
              <FactList
                facts={[
                  [
                    t('settings.dataFolder.location'),
                    <span key="path" className={styles.path}>
                      {current.dataDir}
                    </span>,
                  ],
                  [
                    t('settings.dataFolder.disk'),
                    t(`settings.dataFolder.local.${current.local === null ? 'unknown' : current.local ? 'local' : 'network'}`),
                  ],
                  [t('settings.dataFolder.checkedAt'), formatDateTime(current.observedAt, language)],
                ]}
              />
              {current.backups.length === 0 ? (
                <Text>{t('settings.dataFolder.noTools')}</Text>
              ) : (
                <ul className={styles.tools} aria-label={t('settings.dataFolder.toolsLabel')}>
                  {current.backups.map((finding) => (
                    <li key={finding.tool}>
                      <Text className={styles.state}>
                        {t('settings.dataFolder.toolState', {
                          tool: BACKUP_TOOL_LABELS[finding.tool][language],
                          state: BACKUP_STATE_LABELS[finding.state][language],
                        })}
                      </Text>
                      <br />
                      <Text>{finding.detail[language]}</Text>
                    </li>
                  ))}
                </ul>
              )}
              <div>
                <Button
                  icon={report.isFetching ? <Spinner size="tiny" /> : <ArrowClockwise20Regular />}
                  disabledFocusable={report.isFetching}
                  onClick={() => void report.refetch()}
                >
                  {t('settings.dataFolder.checkAgain')}
                </Button>
              </div>
            </div>
          );
        }}
      </QueryView>
    </section>
  );
}
