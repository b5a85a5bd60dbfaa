/**
 * An editable table of a system profile's rows (GUIDELINE.md §5) under a legend and hint:
 * one editor per cell, a remove button per row and an add button below. Every control is
 * named with its row; the row just added takes focus on its first editor, and after a row is
 * removed focus goes to the add button.
 */
import { useRef, useState, type ReactNode } from 'react';
import {
  Button,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  tokens,
  type TableRowProps,
} from '@fluentui/react-components';
import { Add20Regular, Delete20Regular } from '@fluentui/react-icons';
import { PolicyFieldset } from '../settings/PolicyFieldset';
import { systemLimits } from './system-draft';

const useStyles = makeStyles({
  wrap: { overflowX: 'auto' },
  table: { minWidth: '720px' },
  actions: { width: '60px' },
  cell: { paddingBlock: tokens.spacingVerticalXS, verticalAlign: 'top' },
  // Inputs fill their cell: the columns, not the inputs' default widths, set the layout.
  fill: { width: '100%', minWidth: 0 },
  add: { alignSelf: 'flex-start' },
});

/** What a column's editor is given for its row. */
export interface EditableCell<Row> {
  readonly row: Row;
  /** The row's number as the texts take it: `{ row: 1 }` for the first. */
  readonly n: { readonly row: number };
  /** Whether this is the row just added (its first editor takes focus). */
  readonly added: boolean;
  /** The class that makes an input fill its cell. */
  readonly fill: string;
  readonly update: (change: Partial<Row>) => void;
}

export interface EditableColumn<Row> {
  readonly header: string;
  /** The header cell's class, mostly its width; a column without one takes what is left. */
  readonly className?: string;
  readonly cell: (cell: EditableCell<Row>) => ReactNode;
}

export interface EditableRowsTableProps<Row extends { readonly key: string }> {
  readonly legend: string;
  readonly hint: string;
  readonly testId: string;
  readonly columns: readonly EditableColumn<Row>[];
  readonly actionsHeader: string;
  readonly rows: readonly Row[];
  /** The `data-*` attributes of a row, for tests and tools to find it by. */
  readonly rowData: (row: Row) => TableRowProps;
  readonly newRow: () => Row;
  readonly addLabel: string;
  readonly removeLabel: (n: { readonly row: number }) => string;
  readonly onChange: (rows: Row[]) => void;
}

export function EditableRowsTable<Row extends { readonly key: string }>({
  legend,
  hint,
  testId,
  columns,
  actionsHeader,
  rows,
  rowData,
  newRow,
  addLabel,
  removeLabel,
  onChange,
}: EditableRowsTableProps<Row>) {
  const styles = useStyles();
  const addRef = useRef<HTMLButtonElement>(null);
  // The row just added takes focus, so typing can start at once.
  const [added, setAdded] = useState<string | null>(null);
  const update = (key: string, change: Partial<Row>) => onChange(rows.map((row) => (row.key === key ? { ...row, ...change } : row)));
  const add = () => {
    const row = newRow();
    setAdded(row.key);
    onChange([...rows, row]);
  };
  const remove = (key: string) => {
    onChange(rows.filter((row) => row.key !== key));
    addRef.current?.focus();
  };

  return (
    <PolicyFieldset legend={legend} hint={<span>{hint}</span>}>
      <div className={styles.wrap}>
        <Table className={styles.table} size="small" aria-label={legend} data-testid={testId}>
          <TableHeader>
            <TableRow>
              {columns.map((column) => (
                <TableHeaderCell key={column.header} className={column.className}>
                  {column.header}
                </TableHeaderCell>
              ))}
              <TableHeaderCell className={styles.actions}>{actionsHeader}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map((row, index) => {
              const cell: EditableCell<Row> = {
                row,
                n: { row: index + 1 },
                added: row.key === added,
                fill: styles.fill,
                update: (change) => update(row.key, change),
              };
              return (
                <TableRow key={row.key} {...rowData(row)}>
                  {columns.map((column) => (
                    <TableCell key={column.header} className={styles.cell}>
                      {column.cell(cell)}
                    </TableCell>
                  ))}
                  <TableCell className={styles.cell}>
                    <Button
                      appearance="subtle"
                      icon={<Delete20Regular />}
                      aria-label={removeLabel(cell.n)}
                      onClick={() => remove(row.key)}
                    />
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </div>
      <Button ref={addRef} className={styles.add} icon={<Add20Regular />} disabled={rows.length >= systemLimits.rows} onClick={add}>
        {addLabel}
      </Button>
    </PolicyFieldset>
  );
}
