/**
 * A table of earlier runs, newest first, for any feature that keeps a history of signed runs.
 * It owns what every such table has: the time the run finished (JST), the signed report's
 * number (or a muted "not issued"), and a last column that either marks the run on show or
 * offers a button to open it, named after the run's time for screen readers. The shown row is
 * highlighted and marked `aria-current`. The columns in between come from the caller.
 *
 * Cells follow the shared table rules (table-cells.tsx): Japanese line breaking, numbers and
 * their headers right-aligned, paths on one line with the middle left out.
 *
 * The texts are read under `textsKey` (e.g. `sanitize.history`), which must hold
 * `columns.finishedAt`, `columns.report`, `columns.actions`, `notIssued`, `shown`, `open` and
 * `openFor` (with `{{time}}`).
 */
import type { ReactNode } from 'react';
import {
  Button,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '@shared/format-date';
import type { Language } from '@shared/locale';
import type { TextPrefixWith } from '../i18n/text-key';
import { NumericCell, NumericHeaderCell, PathCell, TextCell, useTableCellStyles } from './table-cells';

const useStyles = makeStyles({
  wrap: { overflowX: 'auto' },
  table: { minWidth: '880px' },
  // Counts said in words ("合格 13・注意 0") keep their digits lined up from row to row.
  tabular: { fontVariantNumeric: 'tabular-nums' },
  shown: { backgroundColor: tokens.colorNeutralBackground1Selected },
  muted: { color: tokens.colorNeutralForeground3 },
});

/** What every row needs; the feature's own columns read the rest. */
export interface RunHistoryRow {
  readonly id: string;
  readonly finishedAt: string;
  readonly certificateNumber: string | null;
}

/** One of the caller's columns, shown between the time and the report number. */
export interface RunHistoryColumn<Row> {
  readonly key: string;
  readonly header: string;
  /** A CSS width for the column, e.g. `250px`; without it the column takes what is left. */
  readonly width?: string;
  /** A number: right-aligned under a right-aligned header. */
  readonly numeric?: boolean;
  /** A path or folder name: one line, the middle left out, the whole in a tooltip with a copy button (`render` is not used). */
  readonly path?: (row: Row) => string;
  readonly render: (row: Row) => ReactNode;
}

/** Widths of the columns the table owns. */
export interface RunHistoryWidths {
  readonly time: string;
  readonly report: string;
  readonly actions: string;
}

/** What the page gives a feature's history table. */
export interface RunHistoryProps<Row extends RunHistoryRow> {
  readonly runs: readonly Row[];
  readonly shownId: string | null;
  readonly labelledBy: string;
  readonly onOpen: (id: string) => void;
}

/** The table's own texts, each under the feature's `textsKey`. */
type RunHistoryText = 'columns.finishedAt' | 'columns.report' | 'columns.actions' | 'notIssued' | 'shown' | 'openFor' | 'open';

/** What the feature adds: its test id, texts, columns and widths. */
export interface RunHistoryTableProps<Row extends RunHistoryRow> extends RunHistoryProps<Row> {
  readonly testId: string;
  readonly textsKey: TextPrefixWith<RunHistoryText>;
  readonly columns: readonly RunHistoryColumn<Row>[];
  readonly widths: RunHistoryWidths;
}

const widthStyle = (width: string | undefined) => (width === undefined ? undefined : { width });

export function RunHistoryTable<Row extends RunHistoryRow>({
  runs,
  shownId,
  labelledBy,
  onOpen,
  testId,
  textsKey,
  columns,
  widths,
}: RunHistoryTableProps<Row>) {
  const styles = useStyles();
  const cells = useTableCellStyles();
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const text = (key: RunHistoryText, options?: Record<string, string>) => t(`${textsKey}.${key}`, options);
  return (
    <div className={styles.wrap}>
      <Table aria-labelledby={labelledBy} className={styles.table} size="small" data-testid={testId}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell style={widthStyle(widths.time)}>{text('columns.finishedAt')}</TableHeaderCell>
            {columns.map((column) =>
              column.numeric ? (
                <NumericHeaderCell key={column.key} style={widthStyle(column.width)}>
                  {column.header}
                </NumericHeaderCell>
              ) : (
                <TableHeaderCell key={column.key} style={widthStyle(column.width)}>
                  {column.header}
                </TableHeaderCell>
              ),
            )}
            <TableHeaderCell style={widthStyle(widths.report)}>{text('columns.report')}</TableHeaderCell>
            <TableHeaderCell style={widthStyle(widths.actions)}>{text('columns.actions')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {runs.map((row) => {
            const time = formatDateTime(row.finishedAt, language);
            const shown = row.id === shownId;
            return (
              <TableRow
                key={row.id}
                className={shown ? styles.shown : undefined}
                aria-current={shown ? 'true' : undefined}
                data-run-id={row.id}
              >
                <TableCell className={mergeClasses(styles.tabular, cells.nowrap)}>{time}</TableCell>
                {columns.map((column) =>
                  column.numeric ? (
                    <NumericCell key={column.key}>{column.render(row)}</NumericCell>
                  ) : column.path ? (
                    <PathCell key={column.key} value={column.path(row)} />
                  ) : (
                    <TextCell key={column.key} className={styles.tabular}>
                      {column.render(row)}
                    </TextCell>
                  ),
                )}
                <TableCell className={cells.nowrap}>
                  {row.certificateNumber ?? <Text className={styles.muted}>{text('notIssued')}</Text>}
                </TableCell>
                <TableCell>
                  {shown ? (
                    <Text weight="semibold">{text('shown')}</Text>
                  ) : (
                    <Button size="small" onClick={() => onOpen(row.id)} aria-label={text('openFor', { time })}>
                      {text('open')}
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
