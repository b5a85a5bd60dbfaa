/** The chosen files and folders: where, how many files and how large, and a button to take each one off the list. */
import { Button, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, makeStyles } from '@fluentui/react-components';
import { NumericCell, NumericHeaderCell, PathCell } from '../../components/table-cells';
import { Delete20Regular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import { formatBytes } from '@shared/format-bytes';
import type { Language } from '@shared/locale';
import type { SanitizeSelection } from './use-sanitize';

const useStyles = makeStyles({
  numeric: { width: '120px' },
  actions: { width: '72px', verticalAlign: 'top' },
});

export interface SourcesTableProps {
  readonly sources: SanitizeSelection['sources'];
  readonly labelledBy: string;
  readonly disabled: boolean;
  readonly onRemove: (id: string) => void;
}

export function SourcesTable({ sources, labelledBy, disabled, onRemove }: SourcesTableProps) {
  const styles = useStyles();
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  return (
    <Table aria-labelledby={labelledBy} size="small" data-testid="sanitize-sources">
      <TableHeader>
        <TableRow>
          <TableHeaderCell>{t('sanitize.sources.columns.source')}</TableHeaderCell>
          <NumericHeaderCell className={styles.numeric}>{t('sanitize.sources.columns.files')}</NumericHeaderCell>
          <NumericHeaderCell className={styles.numeric}>{t('sanitize.sources.columns.bytes')}</NumericHeaderCell>
          <TableHeaderCell className={styles.actions}>{t('sanitize.sources.columns.actions')}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {sources.map((source) => (
          <TableRow key={source.id}>
            {/* A full path, long and without spaces: on one line, its middle left out, rather than over several lines. */}
            <PathCell value={source.label} />
            <NumericCell className={styles.numeric}>{source.files}</NumericCell>
            <NumericCell className={styles.numeric}>{formatBytes(source.bytes, language)}</NumericCell>
            <TableCell className={styles.actions}>
              <Button
                size="small"
                icon={<Delete20Regular />}
                disabledFocusable={disabled}
                aria-label={t('sanitize.sources.remove', { source: source.label })}
                onClick={() => onRemove(source.id)}
              />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
