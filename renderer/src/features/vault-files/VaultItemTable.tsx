/**
 * The files in the vault, with a checkbox per row (and one for all rows) to choose what to
 * export or erase. The SHA-256 is shown shortened; its button opens the full value in a
 * read-only field to select and copy (the app grants no clipboard permission).
 */
import {
  Button,
  Field,
  Popover,
  PopoverSurface,
  PopoverTrigger,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  TableSelectionCell,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { formatBytes } from '@shared/format-bytes';
import { formatDateTime } from '@shared/format-date';
import type { Language } from '@shared/locale';
import type { VaultItem } from '@shared/vault';
import { NumericCell, NumericHeaderCell, PathCell, TextCell } from '../../components/table-cells';

const useStyles = makeStyles({
  wrap: { overflowX: 'auto' },
  table: { minWidth: '960px' },
  select: { width: '44px' },
  name: { width: '15%' },
  path: { width: '19%' },
  collection: { width: '14%' },
  size: { width: '88px' },
  time: { width: '14%' },
  origin: { width: '18%' },
  hash: { width: '128px' },
  text: { paddingBlock: tokens.spacingVerticalXS },
  hashButton: {
    fontFamily: tokens.fontFamilyMonospace,
    fontWeight: tokens.fontWeightRegular,
    minWidth: 0,
    paddingInline: tokens.spacingHorizontalXS,
    whiteSpace: 'nowrap',
  },
  hashField: { width: '34em', maxWidth: '80vw' },
  hashValue: { fontFamily: tokens.fontFamilyMonospace },
});

export function VaultItemTable({
  items,
  selected,
  onSelectedChange,
  labelledBy,
}: {
  items: readonly VaultItem[];
  selected: ReadonlySet<string>;
  onSelectedChange: (next: Set<string>) => void;
  labelledBy: string;
}) {
  const styles = useStyles();
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const selectedCount = items.filter((item) => selected.has(item.id)).length;
  const all = selectedCount === items.length && items.length > 0;

  const toggleAll = () => onSelectedChange(all ? new Set() : new Set(items.map((item) => item.id)));
  const toggle = (id: string) => {
    const next = new Set(selected);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    onSelectedChange(next);
  };

  return (
    <div className={styles.wrap}>
      <Table aria-labelledby={labelledBy} className={styles.table} data-testid="vault-items">
        <TableHeader>
          <TableRow>
            <TableSelectionCell
              className={styles.select}
              checked={all ? true : selectedCount > 0 ? 'mixed' : false}
              onClick={toggleAll}
              checkboxIndicator={{ 'aria-label': t('vaultFiles.table.selectAll') }}
            />
            <TableHeaderCell className={styles.name}>{t('vaultFiles.table.columns.name')}</TableHeaderCell>
            <TableHeaderCell className={styles.path}>{t('vaultFiles.table.columns.relativePath')}</TableHeaderCell>
            <TableHeaderCell className={styles.collection}>{t('vaultFiles.table.columns.collection')}</TableHeaderCell>
            <NumericHeaderCell className={styles.size}>{t('vaultFiles.table.columns.size')}</NumericHeaderCell>
            <TableHeaderCell className={styles.time}>{t('vaultFiles.table.columns.importedAt')}</TableHeaderCell>
            <TableHeaderCell className={styles.origin}>{t('vaultFiles.table.columns.origin')}</TableHeaderCell>
            <TableHeaderCell className={styles.hash}>{t('vaultFiles.table.columns.sha256')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {items.map((item) => {
            const isSelected = selected.has(item.id);
            return (
              <TableRow key={item.id} aria-selected={isSelected} appearance={isSelected ? 'brand' : 'none'} data-item-id={item.id}>
                <TableSelectionCell
                  checked={isSelected}
                  onClick={() => toggle(item.id)}
                  checkboxIndicator={{ 'aria-label': t('vaultFiles.table.selectRow', { name: item.relativePath }) }}
                />
                <TextCell className={styles.text} data-column="name">
                  {item.name}
                </TextCell>
                <PathCell className={styles.text} data-column="relativePath" value={item.relativePath} />
                <TextCell className={styles.text} data-column="collection">
                  {item.collection}
                </TextCell>
                <NumericCell data-column="size" data-bytes={item.size}>
                  {formatBytes(item.size, language)}
                </NumericCell>
                <TextCell className={styles.text} data-column="importedAt">
                  {formatDateTime(item.importedAt, language)}
                </TextCell>
                <PathCell className={styles.text} data-column="origin" value={item.origin} />
                <TableCell data-column="sha256" data-sha256={item.sha256}>
                  <HashButton name={item.relativePath} sha256={item.sha256} />
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </div>
  );
}

function HashButton({ name, sha256 }: { name: string; sha256: string }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const short = `${sha256.slice(0, 10)}…`;
  return (
    <Popover withArrow trapFocus positioning="below-end">
      <PopoverTrigger disableButtonEnhancement>
        <Button appearance="subtle" size="small" className={styles.hashButton} aria-label={t('vaultFiles.table.showHash', { name, short })}>
          {short}
        </Button>
      </PopoverTrigger>
      <PopoverSurface aria-label={t('vaultFiles.table.hashTitle', { name })}>
        <Field label={t('vaultFiles.table.hashLabel', { name })} hint={t('vaultFiles.table.hashHint')} className={styles.hashField}>
          <Textarea
            readOnly
            value={sha256}
            rows={2}
            resize="none"
            textarea={{ className: styles.hashValue, onFocus: (event) => event.currentTarget.select() }}
          />
        </Field>
      </PopoverSurface>
    </Popover>
  );
}
