/**
 * Earlier runs, newest first: when (JST), the output folder, how many files got each verdict,
 * and the signed report's number. Any row can be opened to show that run.
 */
import { Button, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '@shared/format-date';
import type { Language } from '@shared/locale';
import type { SanitizationSummary } from './use-sanitize';

const useStyles = makeStyles({
  wrap: { overflowX: 'auto' },
  table: { minWidth: '880px' },
  numeric: { fontVariantNumeric: 'tabular-nums' },
  // A time split over two lines is easy to misread.
  nowrap: { whiteSpace: 'nowrap' },
  time: { width: '190px' },
  counts: { width: '250px' },
  report: { width: '210px' },
  actions: { width: '88px' },
  folder: { overflowWrap: 'anywhere' },
  shown: { backgroundColor: tokens.colorNeutralBackground1Selected },
  muted: { color: tokens.colorNeutralForeground3 },
});

export interface HistoryTableProps {
  readonly runs: readonly SanitizationSummary[];
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
      <Table aria-labelledby={labelledBy} className={styles.table} size="small" data-testid="sanitize-history">
        <TableHeader>
          <TableRow>
            <TableHeaderCell className={styles.time}>{t('sanitize.history.columns.finishedAt')}</TableHeaderCell>
            <TableHeaderCell>{t('sanitize.history.columns.output')}</TableHeaderCell>
            <TableHeaderCell className={styles.counts}>{t('sanitize.history.columns.counts')}</TableHeaderCell>
            <TableHeaderCell className={styles.report}>{t('sanitize.history.columns.report')}</TableHeaderCell>
            <TableHeaderCell className={styles.actions}>{t('sanitize.history.columns.actions')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {runs.map((run) => {
            const time = formatDateTime(run.finishedAt, language);
            const shown = run.id === shownId;
            return (
              <TableRow key={run.id} className={shown ? styles.shown : undefined} aria-current={shown ? 'true' : undefined} data-run-id={run.id}>
                <TableCell className={mergeClasses(styles.numeric, styles.nowrap)}>{time}</TableCell>
                <TableCell className={styles.folder}>{run.outputName}</TableCell>
                <TableCell className={styles.numeric}>{t('sanitize.counts', { ...run.counts })}</TableCell>
                <TableCell>{run.certificateNumber ?? <Text className={styles.muted}>{t('sanitize.history.notIssued')}</Text>}</TableCell>
                <TableCell>
                  {shown ? (
                    <Text weight="semibold">{t('sanitize.history.shown')}</Text>
                  ) : (
                    <Button size="small" onClick={() => onOpen(run.id)} aria-label={t('sanitize.history.openFor', { time })}>
                      {t('sanitize.history.open')}
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
