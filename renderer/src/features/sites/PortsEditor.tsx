/**
 * The ports of a system's profile (GUIDELINE.md §5), editable because sites differ: direction,
 * number, what it is for, and whether it is used at this site (the image viewer's optional
 * ports may be off). Rows can be added and removed; every control is named with its row.
 */
import { useRef, useState } from 'react';
import { Button, Field, Input, Select, Switch, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, makeStyles, tokens } from '@fluentui/react-components';
import { Add20Regular, Delete20Regular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import { PolicyFieldset } from '../settings/PolicyFieldset';
import { portRow, systemLimits, type PortProblem, type PortRow } from './system-draft';

const useStyles = makeStyles({
  wrap: { overflowX: 'auto' },
  table: { minWidth: '720px' },
  direction: { width: '150px' },
  port: { width: '130px' },
  enabled: { width: '90px' },
  actions: { width: '60px' },
  cell: { paddingBlock: tokens.spacingVerticalXS, verticalAlign: 'top' },
  // Inputs fill their cell: the columns, not the inputs' default widths, set the layout.
  fill: { width: '100%', minWidth: 0 },
  add: { alignSelf: 'flex-start' },
});

export interface PortsEditorProps {
  readonly rows: readonly PortRow[];
  readonly problems: ReadonlyMap<string, PortProblem>;
  readonly showProblems: boolean;
  readonly onChange: (rows: PortRow[]) => void;
}

export function PortsEditor({ rows, problems, showProblems, onChange }: PortsEditorProps) {
  const styles = useStyles();
  const { t } = useTranslation();
  const addRef = useRef<HTMLButtonElement>(null);
  // The row just added takes focus, so typing can start at once.
  const [added, setAdded] = useState<string | null>(null);
  const update = (key: string, change: Partial<PortRow>) => onChange(rows.map((row) => (row.key === key ? { ...row, ...change } : row)));
  const add = () => {
    const row = portRow();
    setAdded(row.key);
    onChange([...rows, row]);
  };
  const remove = (key: string) => {
    onChange(rows.filter((row) => row.key !== key));
    addRef.current?.focus();
  };

  return (
    <PolicyFieldset legend={t('sites.ports.title')} hint={<span>{t('sites.ports.hint')}</span>}>
      <div className={styles.wrap}>
        <Table className={styles.table} size="small" aria-label={t('sites.ports.title')} data-testid="ports-editor">
          <TableHeader>
            <TableRow>
              <TableHeaderCell className={styles.direction}>{t('sites.ports.columns.direction')}</TableHeaderCell>
              <TableHeaderCell className={styles.port}>{t('sites.ports.columns.port')}</TableHeaderCell>
              <TableHeaderCell>{t('sites.ports.columns.use')}</TableHeaderCell>
              <TableHeaderCell className={styles.enabled}>{t('sites.ports.columns.enabled')}</TableHeaderCell>
              <TableHeaderCell className={styles.actions}>{t('sites.ports.columns.actions')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map((row, index) => {
              const n = { row: index + 1 };
              const problem = showProblems ? problems.get(row.key) : undefined;
              return (
                <TableRow key={row.key} data-port={row.port}>
                  <TableCell className={styles.cell}>
                    <Select
                      aria-label={t('sites.ports.directionFor', n)}
                      value={row.direction}
                      autoFocus={row.key === added}
                      onChange={(_event, data) => update(row.key, { direction: data.value === 'outbound' ? 'outbound' : 'inbound' })}
                    >
                      <option value="inbound">{t('sites.ports.direction.inbound')}</option>
                      <option value="outbound">{t('sites.ports.direction.outbound')}</option>
                    </Select>
                  </TableCell>
                  <TableCell className={styles.cell}>
                    <Field validationState={problem ? 'error' : 'none'} validationMessage={problem ? t(`sites.ports.problem.${problem}`) : undefined}>
                      <Input className={styles.fill} aria-label={t('sites.ports.portFor', n)} value={row.port} inputMode="numeric" maxLength={5} onChange={(_event, data) => update(row.key, { port: data.value })} />
                    </Field>
                  </TableCell>
                  <TableCell className={styles.cell}>
                    <Input className={styles.fill} aria-label={t('sites.ports.useFor', n)} value={row.use} maxLength={systemLimits.use} onChange={(_event, data) => update(row.key, { use: data.value })} />
                  </TableCell>
                  <TableCell className={styles.cell}>
                    <Switch aria-label={t('sites.ports.enabledFor', n)} checked={row.enabled} onChange={(_event, data) => update(row.key, { enabled: data.checked })} />
                  </TableCell>
                  <TableCell className={styles.cell}>
                    <Button appearance="subtle" icon={<Delete20Regular />} aria-label={t('sites.ports.removeRow', n)} onClick={() => remove(row.key)} />
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </div>
      <Button ref={addRef} className={styles.add} icon={<Add20Regular />} disabled={rows.length >= systemLimits.rows} onClick={add}>
        {t('sites.ports.add')}
      </Button>
    </PolicyFieldset>
  );
}
