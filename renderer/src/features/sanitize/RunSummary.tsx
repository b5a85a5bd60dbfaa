/**
 * The outcome of a run at the top of its results: whether everything may be handed over or
 * how many files were blocked, the count of each verdict, when it ran (JST), the output
 * folder, and the anti-virus engine with its signature database — where it is, how old, how
 * many signatures — with the policy's warnings about it. Without a usable engine nothing can
 * pass (fail closed), and the screen says so in words: the cause the engine gave and what to do.
 */
import { MessageBar, MessageBarBody, MessageBarTitle, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '@shared/format-date';
import type { Language } from '@shared/locale';
import { databaseVersionText, signatureCount } from '@shared/sanitize-engine-texts';
import { FactList } from '../../components/FactList';
import { verdicts, type SanitizationRun, type SanitizeVerdict } from './use-sanitize';
import { VerdictBadge } from './VerdictBadge';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  tiles: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  tile: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    minWidth: '180px',
  },
  count: { fontVariantNumeric: 'tabular-nums' },
});

export function countVerdicts(run: SanitizationRun): Record<SanitizeVerdict, number> {
  const counts: Record<SanitizeVerdict, number> = { passed: 0, sanitized: 0, blocked: 0 };
  for (const file of run.files) counts[file.verdict] += 1;
  return counts;
}

export function RunSummary({ run }: { run: SanitizationRun }) {
  const styles = useStyles();
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const counts = countVerdicts(run);
  const engine = run.engine;
  // Custom ClamAV signatures are counted in words of the screen's language, not as the engine's English.
  const databaseVersion = databaseVersionText(engine, language);
  const facts: Array<[string, string]> = [
    [t('sanitize.result.checkedAt'), formatDateTime(run.finishedAt, language)],
    [t('sanitize.result.output'), run.outputName],
    [
      t('sanitize.result.engine'),
      engine ? `${engine.engine} ${engine.version ?? ''}`.trim() : t('sanitize.result.engineUnavailable', { engine: run.engineName }),
    ],
    [
      t('sanitize.result.database'),
      databaseVersion
        ? t('sanitize.result.databaseValue', {
            version: databaseVersion,
            date: engine?.databaseDate ? formatDateTime(engine.databaseDate, language) : '—',
          })
        : '—',
    ],
  ];
  // Runs before issue 15 have none of these facts; each line is shown only when known.
  if (engine?.databasePath) facts.push([t('sanitize.result.databaseFolder'), engine.databasePath]);
  if (engine && engine.databaseAgeDays !== undefined && engine.databaseAgeDays !== null)
    facts.push([
      t('sanitize.result.databaseAge'),
      t('sanitizeTexts.engine.age', { count: engine.databaseAgeDays, days: engine.databaseAgeDays }),
    ]);
  if (engine && engine.signatures !== undefined) {
    facts.push([
      t('sanitize.result.signatures'),
      typeof engine.signatures === 'number'
        ? t('sanitizeTexts.engine.signatures', { count: engine.signatures, n: signatureCount(engine.signatures, language) })
        : t('sanitizeTexts.engine.signaturesUnknown'),
    ]);
  }
  const warnings = run.engineWarnings ?? [];
  const problem = run.engineProblem;

  return (
    <div className={styles.root}>
      <MessageBar intent={counts.blocked > 0 ? 'warning' : 'success'} layout="multiline" role="status" data-testid="sanitize-summary">
        <MessageBarBody>
          <MessageBarTitle>
            {counts.blocked > 0 ? t('sanitize.result.someBlocked', { count: counts.blocked }) : t('sanitize.result.allClear')}
          </MessageBarTitle>
          {t(counts.blocked > 0 ? 'sanitize.result.deliveredSome' : 'sanitize.result.deliveredAll', {
            count: counts.passed + counts.sanitized,
            output: run.outputName,
          })}
        </MessageBarBody>
      </MessageBar>
      {!engine && (
        <MessageBar intent="error" layout="multiline" data-testid="sanitize-engine-problem">
          <MessageBarBody>
            {t('sanitize.result.noEngine', { engine: run.engineName })}
            {problem && (
              <>
                <Text
                  block
                >{`${t(`sanitizeTexts.engine.problem.${problem.code}`, { defaultValue: problem.code })}${problem.detail ? `（${problem.detail}）` : ''}`}</Text>
                <Text block>{t(`sanitizeTexts.engine.advice.${problem.code}`, { defaultValue: '' })}</Text>
              </>
            )}
          </MessageBarBody>
        </MessageBar>
      )}
      {warnings.length > 0 && (
        <MessageBar intent="warning" layout="multiline" data-testid="sanitize-engine-warnings">
          <MessageBarBody>
            {warnings.map((warning) => (
              <Text block key={warning.code}>
                {t(`sanitizeTexts.engine.warning.${warning.code}`, { replace: warning.params, defaultValue: warning.code })}
              </Text>
            ))}
          </MessageBarBody>
        </MessageBar>
      )}
      <ul className={styles.tiles} aria-label={t('sanitize.result.countsLabel')} data-testid="sanitize-counts">
        {verdicts.map((verdict) => (
          <li key={verdict} className={styles.tile} data-verdict={verdict}>
            <VerdictBadge verdict={verdict} />
            <Text size={500} weight="semibold" className={styles.count}>
              {t('sanitize.result.count', { count: counts[verdict] })}
            </Text>
          </li>
        ))}
      </ul>
      <FactList facts={facts} />
    </div>
  );
}
