/**
 * The data locations of a system's profile (GUIDELINE.md §5) — where images, backups, logs
 * and the database are kept — editable because sites differ. The path is required; what it
 * holds is a short description. Rows can be added and removed.
 */
import { useRef, useState } from 'react';
import { Button, Field, Input, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, makeStyles, tokens } from '@fluentui/react-components';
import { Add20Regular, Delete20Regular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import { PolicyFieldset } from '../settings/PolicyFieldset';
import { locationRow, systemLimits, type LocationRow } from './system-draft';

const useStyles = makeStyles({
  wrap: { overflowX: 'auto' },
  table: { minWidth: '720px' },
  // What a location holds is the longer text: it gets the larger share.
  path: { width: '38%' },
  actions: { width: '60px' },
  cell: { paddingBlock: tokens.spacingVerticalXS, verticalAlign: 'top' },
  code: { fontFamily: tokens.fontFamilyMonospace },
  // Inputs fill their cell: the columns, not the inputs' default widths, set the layout.
  fill: { width: '100%', minWidth: 0 },
  add: { alignSelf: 'flex-start' },
});

export interface LocationsEditorProps {
  readonly rows: readonly LocationRow[];
  readonly problems: ReadonlySet<string>;
  readonly showProblems: boolean;
  readonly onChange: (rows: LocationRow[]) => void;
}

export function LocationsEditor({ rows, problems, showProblems, onChange }: LocationsEditorProps) {
  const styles = useStyles();
  const { t } = useTranslation();
  const addRef = useRef<HTMLButtonElement>(null);
  const [added, setAdded] = useState<string | null>(null);
  const update = (key: string, change: Partial<LocationRow>) => onChange(rows.map((row) => (row.key === key ? { ...row, ...change } : row)));
  const add = () => {
    const row = locationRow();
    setAdded(row.key);
    onChange([...rows, row]);
  };
  const remove = (key: string) => {
    onChange(rows.filter((row) => row.key !== key));
    addRef.current?.focus();
  };

  return (
    <PolicyFieldset legend={t('sites.locations.title')} hint={<span>{t('sites.locations.hint')}</span>}>
      <div className={styles.wrap}>
        <Table className={styles.table} size="small" aria-label={t('sites.locations.title')} data-testid="locations-editor">
          <TableHeader>
            <TableRow>
              <TableHeaderCell className={styles.path}>{t('sites.locations.columns.path')}</TableHeaderCell>
              <TableHeaderCell>{t('sites.locations.columns.holds')}</TableHeaderCell>
              <TableHeaderCell className={styles.actions}>{t('sites.locations.columns.actions')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map((row, index) => {
              const n = { row: index + 1 };
              const problem = showProblems && problems.has(row.key);
              return (
                <TableRow key={row.key} data-path={row.path}>
                  <TableCell className={styles.cell}>
                    <Field validationState={problem ? 'error' : 'none'} validationMessage={problem ? t('sites.locations.pathRequired') : undefined}>
                      <Input
                        aria-label={t('sites.locations.pathFor', n)}
                        className={styles.fill}
                        input={{ className: styles.code }}
                        value={row.path}
                        maxLength={systemLimits.path}
                        autoFocus={row.key === added}
                        onChange={(_event, data) => update(row.key, { path: data.value })}
                      />
                    </Field>
                  </TableCell>
                  <TableCell className={styles.cell}>
                    <Input className={styles.fill} aria-label={t('sites.locations.holdsFor', n)} value={row.holds} maxLength={systemLimits.holds} onChange={(_event, data) => update(row.key, { holds: data.value })} />
                  </TableCell>
                  <TableCell className={styles.cell}>
                    <Button appearance="subtle" icon={<Delete20Regular />} aria-label={t('sites.locations.removeRow', n)} onClick={() => remove(row.key)} />
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </div>
      <Button ref={addRef} className={styles.add} icon={<Add20Regular />} disabled={rows.length >= systemLimits.rows} onClick={add}>
        {t('sites.locations.add')}
      </Button>
    </PolicyFieldset>
  );
}
