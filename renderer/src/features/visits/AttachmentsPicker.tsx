/**
 * Files for a step, from the visit's own vault folder (named by the run's reference, so that
 * they are erased and certified with the visit's data): import files or a folder into it —
 * with progress and Cancel, as on the Vault screen — then tick which of its files to attach.
 * Files just imported are ticked.
 */
import { useState } from 'react';
import {
  Button,
  Checkbox,
  MessageBar,
  MessageBarBody,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { DocumentArrowUp20Regular, FolderArrowUp20Regular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import { formatBytes } from '@shared/format-bytes';
import { ErrorState } from '../../components/ErrorState';
import { QueryView } from '../../components/QueryView';
import { useJob } from '../../lib/use-job';
import { TransferProgress } from '../vault-files/TransferProgress';
import { useImportItems, useVaultItems } from '../vault-files/use-vault-items';
import { useVisitTexts } from './use-visit-texts';
import type { TextKey } from '../../i18n/text-key';
import { strictLineBreaking } from '../../components/table-cells';

const useStyles = makeStyles({
  area: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '56em' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  wrap: { overflowX: 'auto' },
  select: { width: '72px' },
  size: { width: '104px' },
  time: { width: '15em' },
  name: { ...strictLineBreaking, paddingBlock: tokens.spacingVerticalXS },
  numeric: { textAlign: 'end', fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' },
});

type Notice = { readonly key: TextKey; readonly intent: 'success' | 'info' | 'warning'; readonly count?: number };

export interface AttachmentsPickerProps {
  /** The run's reference: the visit's vault folder. */
  readonly collection: string;
  readonly stepId: string;
  readonly required: boolean;
  readonly selected: ReadonlySet<string>;
  readonly onSelectedChange: (next: Set<string>) => void;
  /** An i18n key when the engineer tried to go on without a file where one is required. */
  readonly problem: TextKey | null;
}

export function AttachmentsPicker({ collection, stepId, required, selected, onSelectedChange, problem }: AttachmentsPickerProps) {
  const styles = useStyles();
  const { t } = useTranslation();
  const texts = useVisitTexts();
  const items = useVaultItems(collection);
  const job = useJob();
  const importItems = useImportItems(job);
  const [notice, setNotice] = useState<Notice | null>(null);
  const headingId = `visit-attachments-${stepId}`;

  const startImport = (pick: 'files' | 'folder') => {
    setNotice(null);
    importItems.mutate(
      { collection, pick },
      {
        onSuccess: ({ result, cancelRequested }) => {
          if (result.cancelled)
            setNotice({
              key: cancelRequested ? 'visits.attachments.importCancelled' : 'visits.attachments.importNotChosen',
              intent: 'info',
            });
          else if (result.items.length === 0) setNotice({ key: 'visits.attachments.importedNone', intent: 'warning' });
          else {
            setNotice({ key: 'visits.attachments.imported', intent: 'success', count: result.items.length });
            onSelectedChange(new Set([...selected, ...result.items.map((item) => item.id)]));
          }
          void items.refetch();
        },
      },
    );
  };

  const toggle = (id: string, checked: boolean) => {
    const next = new Set(selected);
    if (checked) next.add(id);
    else next.delete(id);
    onSelectedChange(next);
  };

  return (
    <section className={styles.area} aria-labelledby={headingId} data-testid="visit-attachments">
      <Text as="h4" style={{ margin: 0 }} id={headingId} weight="semibold" size={400}>
        {t(required ? 'visits.attachments.titleRequired' : 'visits.attachments.titleOptional')}
      </Text>
      <Text>{t('visits.attachments.intro', { collection })}</Text>
      <div className={styles.actions}>
        <Button icon={<DocumentArrowUp20Regular />} disabled={job.current !== null} onClick={() => startImport('files')}>
          {t('visits.attachments.importFiles')}
        </Button>
        <Button icon={<FolderArrowUp20Regular />} disabled={job.current !== null} onClick={() => startImport('folder')}>
          {t('visits.attachments.importFolder')}
        </Button>
      </div>
      {job.current && <TransferProgress kind="import" job={job.current} onCancel={job.cancel} />}
      {importItems.isError && <ErrorState error={importItems.error} />}
      {notice && (
        <MessageBar intent={notice.intent} role="status">
          <MessageBarBody>{t(notice.key, { count: notice.count ?? 0, collection })}</MessageBarBody>
        </MessageBar>
      )}
      <QueryView query={items}>
        {({ items: list }) =>
          list.length === 0 ? (
            <Text role="status">{t('visits.attachments.empty')}</Text>
          ) : (
            <div className={styles.wrap}>
              <Table size="small" aria-labelledby={headingId} style={{ minWidth: '560px' }} data-testid="visit-attachments-table">
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell className={styles.select}>{t('visits.attachments.columns.attach')}</TableHeaderCell>
                    <TableHeaderCell>{t('visits.attachments.columns.name')}</TableHeaderCell>
                    <TableHeaderCell className={styles.size}>{t('visits.attachments.columns.size')}</TableHeaderCell>
                    <TableHeaderCell className={styles.time}>{t('visits.attachments.columns.importedAt')}</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {list.map((item) => (
                    <TableRow key={item.id} data-item-id={item.id}>
                      <TableCell className={styles.select}>
                        <Checkbox
                          checked={selected.has(item.id)}
                          aria-label={t('visits.attachments.attach', { name: item.relativePath })}
                          onChange={(_e, d) => toggle(item.id, d.checked === true)}
                        />
                      </TableCell>
                      <TableCell className={styles.name}>{item.relativePath}</TableCell>
                      <TableCell className={styles.numeric}>{formatBytes(item.size, texts.language)}</TableCell>
                      <TableCell>{texts.dateTime(item.importedAt)}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </div>
          )
        }
      </QueryView>
      <Text
        aria-live="polite"
        role={problem ? 'alert' : undefined}
        style={problem ? { color: tokens.colorPaletteRedForeground1 } : undefined}
      >
        {problem ? t(problem) : t('visits.attachments.selected', { count: selected.size })}
      </Text>
    </section>
  );
}
