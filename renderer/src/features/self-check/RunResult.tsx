/**
 * One run on screen: the one banner with the verdict (and until when a pass counts), the
 * signed-report action, the overview of every check, then every check — the ones that need
 * attention first, only the first of them opened. A tile of the overview opens its check and
 * scrolls to it. (Keyed by run where it is used: another run starts folded again.)
 */
import { useState } from 'react';
import { makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { CheckId, SelfCheckRun } from '@shared/self-check';
import { failingFirst } from '@shared/self-check-order';
import { CheckOverviewGrid } from './CheckOverviewGrid';
import { CheckResultItem } from './CheckResultItem';
import { IssueReportAction, type IssuedReport } from './IssueReportAction';
import { OverallBanner } from './OverallBanner';

const useStyles = makeStyles({
  result: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  checks: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

export interface RunResultProps {
  readonly run: SelfCheckRun;
  readonly issued: IssuedReport | null;
  readonly running: boolean;
  readonly onRecheck: () => void;
  /** The main process's clock (from the readiness gate), for "valid until today/tomorrow"; null while unknown. */
  readonly now: string | null;
}

export function RunResult({ run, issued, running, onRecheck, now }: RunResultProps) {
  const styles = useStyles();
  const { t } = useTranslation();
  const checks = failingFirst(run.checks);
  const first = checks[0];
  const [openIds, setOpenIds] = useState<ReadonlySet<CheckId>>(
    () => new Set(first && first.status !== 'pass' && first.status !== 'notApplicable' ? [first.id] : []),
  );
  const toggle = (id: CheckId) =>
    setOpenIds((ids) => {
      const next = new Set(ids);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  const openAndShow = (id: CheckId) => {
    setOpenIds((ids) => new Set([...ids, id]));
    // The app routes by the URL's hash: jump by scrolling, not by an #anchor; focus follows for keyboard users.
    const heading = document.getElementById(`self-check-${id}`);
    heading?.scrollIntoView({ block: 'start' });
    heading?.querySelector('button')?.focus({ preventScroll: true });
  };
  return (
    <div className={styles.result} data-run-id={run.id}>
      <OverallBanner run={run} now={now} />
      {/* Keyed by run: an issue in progress for one run never shows on another. Under the verdict it
          documents, above the overview: in sight on a 1366×768 laptop (issue 19). */}
      <IssueReportAction key={run.id} runId={run.id} issued={issued} />
      <CheckOverviewGrid checks={checks} onOpen={openAndShow} />
      <ul className={styles.checks} aria-label={t('selfCheck.result.checksLabel')} data-testid="self-check-checks">
        {checks.map((check) => (
          <CheckResultItem
            key={check.id}
            check={check}
            os={run.os}
            running={running}
            onRecheck={onRecheck}
            open={openIds.has(check.id)}
            onToggle={() => toggle(check.id)}
          />
        ))}
      </ul>
    </div>
  );
}
