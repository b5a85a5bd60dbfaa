/** Runs as a table: reference (opens the run), procedure, site, system, started (JST), progress and status. */
import { Link, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { RunStatusBadge } from './StatusBadges';
import { useVisitTexts } from './use-visit-texts';
import type { RunSummary } from './use-visits';
import { hrefOf } from './visits-route';

const useStyles = makeStyles({
  wrap: { overflowX: 'auto' },
  cell: { overflowWrap: 'break-word', paddingBlock: tokens.spacingVerticalS },
  reference: { width: '9.5em' },
  procedure: { width: '11em' },
  time: { width: '12.5em' },
  progress: { width: '5.5em' },
  // Wide enough for the longest status badge in English ("In progress", "Completed" with its icon).
  status: { width: '8.5em' },
  numeric: { fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' },
});

export function RunsTable({ runs, labelledBy, testId }: { runs: readonly RunSummary[]; labelledBy: string; testId: string }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const texts = useVisitTexts();
  return (
    <div className={styles.wrap}>
      <Table size="small" aria-labelledby={labelledBy} style={{ minWidth: '880px' }} data-testid={testId}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell className={styles.reference}>{t('visits.list.columns.reference')}</TableHeaderCell>
            <TableHeaderCell className={styles.procedure}>{t('visits.list.columns.procedure')}</TableHeaderCell>
            <TableHeaderCell>{t('visits.list.columns.site')}</TableHeaderCell>
            <TableHeaderCell>{t('visits.list.columns.system')}</TableHeaderCell>
            <TableHeaderCell className={styles.time}>{t('visits.list.columns.started')}</TableHeaderCell>
            <TableHeaderCell className={styles.progress}>{t('visits.list.columns.progress')}</TableHeaderCell>
            <TableHeaderCell className={styles.status}>{t('visits.list.columns.status')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {runs.map((run) => (
            <TableRow key={run.id} data-run-id={run.id} data-reference={run.reference}>
              <TableCell className={styles.cell}>
                <Link href={hrefOf({ view: 'run', runId: run.id })}>{run.reference}</Link>
              </TableCell>
              <TableCell className={styles.cell}>{texts.templateTitle(run.templateId)}</TableCell>
              <TableCell className={styles.cell}>{run.siteName}</TableCell>
              <TableCell className={styles.cell}>{run.systemName ?? '—'}</TableCell>
              <TableCell className={styles.cell}>{texts.dateTime(run.startedAt)}</TableCell>
              <TableCell className={`${styles.cell} ${styles.numeric}`}>
                {t('visits.progress', { done: run.stepsDone, total: run.stepsTotal })}
              </TableCell>
              <TableCell className={styles.cell}>
                <RunStatusBadge status={run.status} />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
