/** One page of audit entries, newest first: number, time (JST), type, actor, details — in the shared table cells (table-cells.tsx). */
import {
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '@shared/audit';
import { formatDateTime } from '@shared/format-date';
import type { Language } from '@shared/locale';
import { NumericCell, NumericHeaderCell, TextCell } from '../../components/table-cells';
import { describeDetails } from './audit-details';

const useStyles = makeStyles({
  wrap: { overflowX: 'auto' },
  table: { minWidth: '900px' },
  seq: { width: '64px' },
  time: { width: '176px' },
  type: { width: '160px' },
  actor: { width: '150px' },
  cell: { verticalAlign: 'top', paddingBlock: tokens.spacingVerticalS },
  when: { fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' },
  details: { margin: 0, display: 'flex', flexDirection: 'column', rowGap: '2px' },
  term: { display: 'inline', color: tokens.colorNeutralForeground3 },
  value: { display: 'inline', margin: 0 },
  code: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200 },
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
            <NumericHeaderCell className={styles.seq}>{t('audit.table.columns.seq')}</NumericHeaderCell>
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
                <NumericCell className={styles.cell}>#{entry.seq}</NumericCell>
                <TableCell className={mergeClasses(styles.cell, styles.when)}>{formatDateTime(entry.time, language)}</TableCell>
                <TextCell className={styles.cell}>{t(`audit.types.${entry.type}`)}</TextCell>
                <TextCell className={styles.cell}>{entry.actor}</TextCell>
                <TextCell className={styles.cell}>
                  {lines.length === 0 ? (
                    <span className={styles.none}>—</span>
                  ) : (
                    <dl className={styles.details}>
                      {lines.map((line) => (
                        <div key={line.key}>
                          <dt className={styles.term}>
                            {line.label}
                            {t('audit.details.separator')}
                          </dt>
                          <dd className={line.code ? `${styles.value} ${styles.code}` : styles.value}>{line.value}</dd>
                        </div>
                      ))}
                    </dl>
                  )}
                </TextCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </div>
  );
}
