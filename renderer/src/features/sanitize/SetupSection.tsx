/**
 * What to sanitize and where the cleared copies go: files or folders chosen in a native
 * dialog, an output folder chosen the same way (shown by its name), and the start button,
 * which stays disabled until both are chosen. Originals are only read, never changed.
 */
import { Button, Subtitle1, Text, makeStyles, tokens } from '@fluentui/react-components';
import { DocumentAdd20Regular, FolderAdd20Regular, FolderOpen20Regular, ShieldTask20Regular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import { formatBytes } from '@shared/format-bytes';
import type { Language } from '@shared/locale';
import { ErrorState } from '../../components/ErrorState';
import { QueryView } from '../../components/QueryView';
import { SourcesTable } from './SourcesTable';
import { strictLineBreaking } from '../../components/table-cells';
import { useSelection, useSelectionChanges } from './use-sanitize';

const useStyles = makeStyles({
  actions: { display: 'flex', gap: tokens.spacingHorizontalM, flexWrap: 'wrap', alignItems: 'center' },
  step: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  output: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'center', flexWrap: 'wrap' },
  // The output folder by its name: a name, so it breaks like other text, never inside a word.
  folder: { ...strictLineBreaking, fontWeight: tokens.fontWeightSemibold },
  muted: { color: tokens.colorNeutralForeground3 },
});

export function SetupSection({ className, running, onStart }: { className: string; running: boolean; onStart: () => void }) {
  const styles = useStyles();
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const selection = useSelection();
  const { addSources, removeSource, chooseOutput } = useSelectionChanges();
  const changeError = addSources.error ?? removeSource.error ?? chooseOutput.error;

  return (
    <section className={className} aria-labelledby="sanitize-setup-heading">
      <Subtitle1 as="h2" id="sanitize-setup-heading">
        {t('sanitize.sources.title')}
      </Subtitle1>
      <QueryView query={selection}>
        {({ sources, output }) => {
          const files = sources.reduce((sum, source) => sum + source.files, 0);
          const bytes = sources.reduce((sum, source) => sum + source.bytes, 0);
          return (
            <>
              <div className={styles.step}>
                <div className={styles.actions}>
                  <Button icon={<DocumentAdd20Regular />} disabledFocusable={running} onClick={() => addSources.mutate('files')}>
                    {t('sanitize.sources.addFiles')}
                  </Button>
                  <Button icon={<FolderAdd20Regular />} disabledFocusable={running} onClick={() => addSources.mutate('folder')}>
                    {t('sanitize.sources.addFolder')}
                  </Button>
                </div>
                {sources.length === 0 ? (
                  <Text role="status">{t('sanitize.sources.empty')}</Text>
                ) : (
                  <>
                    <SourcesTable
                      sources={sources}
                      labelledBy="sanitize-setup-heading"
                      disabled={running}
                      onRemove={(id) => removeSource.mutate(id)}
                    />
                    <Text role="status">{t('sanitize.sources.total', { count: files, bytes: formatBytes(bytes, language) })}</Text>
                  </>
                )}
              </div>
              <div className={styles.output} data-testid="sanitize-output">
                <Text>
                  {t('sanitize.output.label')}
                  {output ? (
                    <span className={styles.folder}>{output}</span>
                  ) : (
                    <span className={styles.muted}>{t('sanitize.output.none')}</span>
                  )}
                </Text>
                <Button icon={<FolderOpen20Regular />} disabledFocusable={running} onClick={() => chooseOutput.mutate()}>
                  {output ? t('sanitize.output.change') : t('sanitize.output.choose')}
                </Button>
              </div>
              <Text size={200} className={styles.muted}>
                {t('sanitize.output.hint')}
              </Text>
              {changeError && <ErrorState error={changeError} />}
              <div className={styles.actions}>
                <Button
                  appearance="primary"
                  icon={<ShieldTask20Regular />}
                  disabled={sources.length === 0 || output === null || running}
                  onClick={onStart}
                >
                  {t('sanitize.start')}
                </Button>
                {(sources.length === 0 || output === null) && <Text className={styles.muted}>{t('sanitize.startHint')}</Text>}
              </div>
            </>
          );
        }}
      </QueryView>
    </section>
  );
}
