/**
 * Earlier runs, newest first: when (JST), the verdict, how many checks ended in each status,
 * the policy, and the signed report's number. Any row can be opened to show that run.
 */
import { Button, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '@shared/format-date';
import type { Language } from '@shared/locale';
import type { SelfCheckRunSummary } from '@shared/posture';
import { StatusBadge } from './StatusBadge';

const useStyles = makeStyles({
  wrap: { overflowX: 'auto' },
  table: { minWidth: '880px' },
  numeric: { fontVariantNumeric: 'tabular-nums' },
  // A time split over two lines is easy to misread; the breakdown may wrap.
  nowrap: { whiteSpace: 'nowrap' },
  time: { width: '180px' },
  overall: { width: '96px' },
  counts: { width: '240px' },
  report: { width: '180px' },
  actions: { width: '72px' },
  shown: { backgroundColor: tokens.colorNeutralBackground1Selected },
  muted: { color: tokens.colorNeutralForeground3 },
});

export interface HistoryTableProps {
  readonly runs: readonly SelfCheckRunSummary[];
  readonly shownId: string | null;
  readonly labelledBy: string;
  readonly onOpen: (id: string) => void;
}

export function HistoryTable({ runs, shownId, labelledBy, onOpen }: HistoryTableProps) {
  const styles = useStyles();
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  return (
    <div className={styles.wrap}>
      <Table aria-labelledby={labelledBy} className={styles.table} size="small" data-testid="self-check-history">
        <TableHeader>
          <TableRow>
            <TableHeaderCell className={styles.time}>{t('selfCheck.history.columns.finishedAt')}</TableHeaderCell>
            <TableHeaderCell className={styles.overall}>{t('selfCheck.history.columns.overall')}</TableHeaderCell>
            <TableHeaderCell className={styles.counts}>{t('selfCheck.history.columns.counts')}</TableHeaderCell>
            <TableHeaderCell>{t('selfCheck.history.columns.policy')}</TableHeaderCell>
            <TableHeaderCell className={styles.report}>{t('selfCheck.history.columns.report')}</TableHeaderCell>
            <TableHeaderCell className={styles.actions}>{t('selfCheck.history.columns.actions')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {runs.map((run) => {
            const time = formatDateTime(run.finishedAt, language);
            const shown = run.id === shownId;
            return (
              <TableRow key={run.id} className={shown ? styles.shown : undefined} aria-current={shown ? 'true' : undefined} data-run-id={run.id}>
                <TableCell className={mergeClasses(styles.numeric, styles.nowrap)}>{time}</TableCell>
                <TableCell><StatusBadge status={run.overall} /></TableCell>
                <TableCell className={styles.numeric}>
                  {t('selfCheck.history.counts', { ...run.counts })}
                </TableCell>
                <TableCell>{run.policyName}</TableCell>
                <TableCell>{run.certificateNumber ?? <Text className={styles.muted}>{t('selfCheck.history.notIssued')}</Text>}</TableCell>
                <TableCell>
                  {shown ? (
                    <Text weight="semibold">{t('selfCheck.history.shown')}</Text>
                  ) : (
                    <Button size="small" onClick={() => onOpen(run.id)} aria-label={t('selfCheck.history.openFor', { time })}>
                      {t('selfCheck.history.open')}
                    </Button>
                  )}
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </div>
  );
}
