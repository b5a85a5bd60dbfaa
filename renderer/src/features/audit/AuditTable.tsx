/** One page of audit entries, newest first: number, time (JST), type, actor, details. */
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '@shared/audit';
import { formatDateTime } from '@shared/format-date';
import type { Language } from '@shared/locale';
import { describeDetails } from './audit-details';

const useStyles = makeStyles({
  wrap: { overflowX: 'auto' },
  table: { minWidth: '900px' },
  seq: { width: '72px' },
  time: { width: '190px' },
  type: { width: '180px' },
  actor: { width: '170px' },
  cell: { verticalAlign: 'top', paddingBlock: tokens.spacingVerticalS, overflowWrap: 'anywhere' },
  numeric: { fontVariantNumeric: 'tabular-nums' },
  details: { display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: tokens.spacingHorizontalM, rowGap: '2px', margin: 0 },
  term: { color: tokens.colorNeutralForeground3 },
  value: { margin: 0, overflowWrap: 'anywhere' },
  none: { color: tokens.colorNeutralForeground3 },
});

export function AuditTable({ entries, labelledBy }: { entries: readonly AuditEntry[]; labelledBy: string }) {
  const styles = useStyles();
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;

  return (
    <div className={styles.wrap}>
      <Table aria-labelledby={labelledBy} className={styles.table} data-testid="audit-entries" size="small">
        <TableHeader>
          <TableRow>
            <TableHeaderCell className={styles.seq}>{t('audit.table.columns.seq')}</TableHeaderCell>
            <TableHeaderCell className={styles.time}>{t('audit.table.columns.time')}</TableHeaderCell>
            <TableHeaderCell className={styles.type}>{t('audit.table.columns.type')}</TableHeaderCell>
            <TableHeaderCell className={styles.actor}>{t('audit.table.columns.actor')}</TableHeaderCell>
            <TableHeaderCell>{t('audit.table.columns.details')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {entries.map((entry) => {
            const lines = describeDetails(entry.details, t, language);
            return (
              <TableRow key={entry.seq} data-seq={entry.seq} data-type={entry.type}>
                <TableCell className={`${styles.cell} ${styles.numeric}`}>#{entry.seq}</TableCell>
                <TableCell className={`${styles.cell} ${styles.numeric}`}>{formatDateTime(entry.time, language)}</TableCell>
                <TableCell className={styles.cell}>{t(`audit.types.${entry.type}`)}</TableCell>
                <TableCell className={styles.cell}>{entry.actor}</TableCell>
                <TableCell className={styles.cell}>
                  {lines.length === 0 ? (
                    <span className={styles.none}>—</span>
                  ) : (
                    <dl className={styles.details}>
                      {lines.map((line) => (
                        <div key={line.key} style={{ display: 'contents' }}>
                          <dt className={styles.term}>{line.label}</dt>
                          <dd className={styles.value}>{line.value}</dd>
                        </div>
                      ))}
                    </dl>
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
