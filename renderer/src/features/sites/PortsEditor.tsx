/**
 * The ports of a system's profile (GUIDELINE.md §5), editable because sites differ: direction,
 * number, what it is for, and whether it is used at this site (the image viewer's optional
 * ports may be off). Rows can be added and removed; every control is named with its row.
 */
import { Field, Input, Select, Switch, makeStyles } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { EditableRowsTable, type EditableColumn } from './EditableRowsTable';
import { portRow, systemLimits, type PortProblem, type PortRow } from './system-draft';

const useStyles = makeStyles({
  direction: { width: '150px' },
  port: { width: '130px' },
  enabled: { width: '90px' },
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
  const columns: EditableColumn<PortRow>[] = [
    {
      header: t('sites.ports.columns.direction'),
      className: styles.direction,
      cell: ({ row, n, added, update }) => (
        <Select
          aria-label={t('sites.ports.directionFor', n)}
          value={row.direction}
          autoFocus={added}
          onChange={(_event, data) => update({ direction: data.value === 'outbound' ? 'outbound' : 'inbound' })}
        >
          <option value="inbound">{t('sites.ports.direction.inbound')}</option>
          <option value="outbound">{t('sites.ports.direction.outbound')}</option>
        </Select>
      ),
    },
    {
      header: t('sites.ports.columns.port'),
      className: styles.port,
      cell: ({ row, n, fill, update }) => {
        const problem = showProblems ? problems.get(row.key) : undefined;
        return (
          <Field validationState={problem ? 'error' : 'none'} validationMessage={problem ? t(`sites.ports.problem.${problem}`) : undefined}>
            <Input
              className={fill}
              aria-label={t('sites.ports.portFor', n)}
              value={row.port}
              inputMode="numeric"
              maxLength={5}
              onChange={(_event, data) => update({ port: data.value })}
            />
          </Field>
        );
      },
    },
    {
      header: t('sites.ports.columns.use'),
      cell: ({ row, n, fill, update }) => (
        <Input
          className={fill}
          aria-label={t('sites.ports.useFor', n)}
          value={row.use}
          maxLength={systemLimits.use}
          onChange={(_event, data) => update({ use: data.value })}
        />
      ),
    },
    {
      header: t('sites.ports.columns.enabled'),
      className: styles.enabled,
      cell: ({ row, n, update }) => (
        <Switch
          aria-label={t('sites.ports.enabledFor', n)}
          checked={row.enabled}
          onChange={(_event, data) => update({ enabled: data.checked })}
        />
      ),
    },
  ];

  return (
    <EditableRowsTable
      legend={t('sites.ports.title')}
      hint={t('sites.ports.hint')}
      testId="ports-editor"
      columns={columns}
      actionsHeader={t('sites.ports.columns.actions')}
      rows={rows}
      rowData={(row) => ({ 'data-port': row.port })}
      newRow={portRow}
      addLabel={t('sites.ports.add')}
      removeLabel={(n) => t('sites.ports.removeRow', n)}
      onChange={onChange}
    />
  );
}
