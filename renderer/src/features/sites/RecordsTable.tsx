/**
 * The skeleton of the feature's record tables (sites, systems, accounts, the review): a
 * scrolling wrapper, a small table named by its section's heading, a header row and one row
 * per record, each column with its header and the cell it renders — text cells broken the
 * Japanese way (never inside a word, a long unbroken name only where nothing else fits).
 */
import type { ReactNode } from 'react';
import { Table, TableBody, TableHeader, TableHeaderCell, TableRow, makeStyles, type TableRowProps } from '@fluentui/react-components';
import { TextCell } from '../../components/table-cells';

const useStyles = makeStyles({
  wrap: { overflowX: 'auto' },
});

export interface RecordsColumn<Row> {
  /** Tells the columns apart (React's key). */
  readonly id: string;
  readonly header: ReactNode;
  /** The header cell's class, mostly its width; a column without one takes what is left. */
  readonly headerClassName?: string;
  readonly cellClassName?: string;
  readonly cell: (row: Row) => ReactNode;
}

export interface RecordsTableProps<Row> {
  readonly labelledBy: string;
  readonly testId: string;
  /** Below this the table scrolls sideways rather than squeeze its columns. */
  readonly minWidth: string;
  readonly columns: readonly RecordsColumn<Row>[];
  readonly rows: readonly Row[];
  readonly rowKey: (row: Row) => string;
  /** A row's `data-*` attributes and class. */
  readonly rowProps?: (row: Row) => TableRowProps;
}

export function RecordsTable<Row>({ labelledBy, testId, minWidth, columns, rows, rowKey, rowProps }: RecordsTableProps<Row>) {
  const styles = useStyles();
  return (
    <div className={styles.wrap}>
      <Table aria-labelledby={labelledBy} style={{ minWidth }} size="small" data-testid={testId}>
        <TableHeader>
          <TableRow>
            {columns.map((column) => (
              <TableHeaderCell key={column.id} className={column.headerClassName}>
                {column.header}
              </TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((row) => (
            <TableRow key={rowKey(row)} {...rowProps?.(row)}>
              {columns.map((column) => (
                <TextCell key={column.id} className={column.cellClassName}>
                  {column.cell(row)}
                </TextCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
