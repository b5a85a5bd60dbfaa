/**
 * The data locations of a system's profile (GUIDELINE.md §5) — where images, backups, logs
 * and the database are kept — editable because sites differ. The path is required; what it
 * holds is a short description. Rows can be added and removed.
 */
import { Field, Input, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { EditableRowsTable, type EditableColumn } from './EditableRowsTable';
import { locationRow, systemLimits, type LocationRow } from './system-draft';

const useStyles = makeStyles({
  // What a location holds is the longer text: it gets the larger share.
  path: { width: '38%' },
  code: { fontFamily: tokens.fontFamilyMonospace },
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
  const columns: EditableColumn<LocationRow>[] = [
    {
      header: t('sites.locations.columns.path'),
      className: styles.path,
      cell: ({ row, n, added, fill, update }) => {
        const problem = showProblems && problems.has(row.key);
        return (
          <Field validationState={problem ? 'error' : 'none'} validationMessage={problem ? t('sites.locations.pathRequired') : undefined}>
            <Input
              aria-label={t('sites.locations.pathFor', n)}
              className={fill}
              input={{ className: styles.code }}
              value={row.path}
              maxLength={systemLimits.path}
              autoFocus={added}
              onChange={(_event, data) => update({ path: data.value })}
            />
          </Field>
        );
      },
    },
    {
      header: t('sites.locations.columns.holds'),
      cell: ({ row, n, fill, update }) => (
        <Input
          className={fill}
          aria-label={t('sites.locations.holdsFor', n)}
          value={row.holds}
          maxLength={systemLimits.holds}
          onChange={(_event, data) => update({ holds: data.value })}
        />
      ),
    },
  ];

  return (
    <EditableRowsTable
      legend={t('sites.locations.title')}
      hint={t('sites.locations.hint')}
      testId="locations-editor"
      columns={columns}
      actionsHeader={t('sites.locations.columns.actions')}
      rows={rows}
      rowData={(row) => ({ 'data-path': row.path })}
      newRow={locationRow}
      addLabel={t('sites.locations.add')}
      removeLabel={(n) => t('sites.locations.removeRow', n)}
      onChange={onChange}
    />
  );
}
