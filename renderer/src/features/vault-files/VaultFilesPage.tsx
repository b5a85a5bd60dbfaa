/**
 * The vault's files (7-3): import files or a folder for a visit or case, see what is stored
 * with size, origin and SHA-256, export decrypted copies, and erase cryptographically (10-1).
 * Import and export run as jobs with progress and a Cancel button.
 */
import { useState } from 'react';
import {
  Field,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Select,
  Subtitle1,
  Text,
  Toolbar,
  ToolbarButton,
  ToolbarDivider,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { ArrowExport20Regular, Delete20Regular, DocumentArrowUp20Regular, FolderArrowUp20Regular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import { formatBytes } from '@shared/format-bytes';
import type { Language } from '@shared/locale';
import type { VaultItem } from '@shared/vault';
import { ErrorState } from '../../components/ErrorState';
import { PageHeading } from '../../components/PageHeading';
import { QueryView } from '../../components/QueryView';
import { CollectionDialog } from './CollectionDialog';
import { EraseDialog } from './EraseDialog';
import { TransferProgress } from './TransferProgress';
import { useJob } from '../../lib/use-job';
import { useEraseItems, useExportItems, useImportItems, useVaultItems } from './use-vault-items';
import { VaultEmptyState } from './VaultEmptyState';
import { VaultItemTable } from './VaultItemTable';
import type { TextKey } from '../../i18n/text-key';

const useStyles = makeStyles({
  intro: { display: 'block', marginBottom: tokens.spacingVerticalL, maxWidth: '60em' },
  toolbar: { marginBottom: tokens.spacingVerticalM, paddingInline: 0, flexWrap: 'wrap' },
  messages: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    marginBottom: tokens.spacingVerticalL,
    maxWidth: '60em',
  },
  listHeader: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-end',
    gap: tokens.spacingHorizontalXL,
    marginBottom: tokens.spacingVerticalM,
  },
  listTitle: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, flexGrow: 1 },
  filter: { minWidth: '240px' },
  selection: { minHeight: '1.5em', display: 'block', marginBottom: tokens.spacingVerticalS },
});

/** Kept as i18n keys, not text, so that a notice follows a change of language. */
type Notice =
  | {
      readonly kind: 'message';
      readonly intent: 'success' | 'info' | 'warning';
      readonly key: TextKey;
      readonly values?: Readonly<Record<string, string | number>>;
      readonly detailKey?: TextKey;
    }
  | { readonly kind: 'error'; readonly error: unknown };

type OpenDialog =
  | { readonly kind: 'collection'; readonly pick: 'files' | 'folder' }
  | { readonly kind: 'erase'; readonly items: readonly VaultItem[] }
  | null;

/** The last visit or case imported into, for this run of the app only (see CollectionDialog). */
let lastCollection = '';

export function VaultFilesPage() {
  const styles = useStyles();
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const items = useVaultItems();
  const job = useJob();
  const importItems = useImportItems(job);
  const exportItems = useExportItems(job);
  const eraseItems = useEraseItems();
  const [collection, setCollection] = useState('');
  const [selected, setSelected] = useState<Set<string>>(() => new Set());
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const [notice, setNotice] = useState<Notice | null>(null);

  const all = items.data?.items ?? [];
  const collections = [...new Set(all.map((item) => item.collection))].sort((a, b) => a.localeCompare(b, language));
  const shownCollection = collections.includes(collection) ? collection : '';
  const visible = shownCollection === '' ? all : all.filter((item) => item.collection === shownCollection);
  const chosen = visible.filter((item) => selected.has(item.id));
  const busy = job.current !== null || eraseItems.isPending;
  const jobKind = importItems.isPending ? 'import' : 'export';

  const startImport = (pick: 'files' | 'folder', name: string) => {
    lastCollection = name;
    setDialog(null);
    setNotice(null);
    importItems.mutate(
      { collection: name, pick },
      {
        onSuccess: ({ result, cancelRequested }) => {
          if (result.cancelled) {
            setNotice({
              kind: 'message',
              intent: 'info',
              key: cancelRequested ? 'vaultFiles.results.importCancelled' : 'vaultFiles.results.importNotChosen',
            });
          } else if (result.items.length === 0) {
            setNotice({ kind: 'message', intent: 'warning', key: 'vaultFiles.results.importedNone' });
          } else {
            setCollection(name);
            setNotice({
              kind: 'message',
              intent: 'success',
              key: 'vaultFiles.results.imported',
              values: { count: result.items.length, collection: name },
            });
          }
        },
        onError: (error) => setNotice({ kind: 'error', error }),
      },
    );
  };

  const startExport = (targets: readonly VaultItem[]) => {
    setNotice(null);
    exportItems.mutate(
      targets.map((item) => item.id),
      {
        onSuccess: ({ result, cancelRequested }) => {
          if (result.cancelled) {
            setNotice({
              kind: 'message',
              intent: 'info',
              key: cancelRequested ? 'vaultFiles.results.exportCancelled' : 'vaultFiles.results.exportNotChosen',
            });
          } else {
            setNotice({
              kind: 'message',
              intent: 'success',
              key: 'vaultFiles.results.exported',
              values: { count: result.files, destination: result.destination ?? '' },
              detailKey: 'vaultFiles.results.exportedWarning',
            });
          }
        },
        onError: (error) => setNotice({ kind: 'error', error }),
      },
    );
  };

  const confirmErase = (targets: readonly VaultItem[]) => {
    eraseItems.mutate(
      targets.map((item) => item.id),
      {
        onSuccess: ({ erased }) => {
          setDialog(null);
          setSelected(new Set());
          setNotice({ kind: 'message', intent: 'success', key: 'vaultFiles.results.erased', values: { count: erased } });
        },
      },
    );
  };

  const totalBytes = visible.reduce((sum, item) => sum + item.size, 0);

  return (
    <>
      <PageHeading>{t('vaultFiles.title')}</PageHeading>
      <Text className={styles.intro}>{t('vaultFiles.intro')}</Text>

      <Toolbar aria-label={t('vaultFiles.toolbar.label')} className={styles.toolbar}>
        <ToolbarButton
          appearance="primary"
          icon={<DocumentArrowUp20Regular />}
          disabled={busy || !items.isSuccess}
          onClick={() => setDialog({ kind: 'collection', pick: 'files' })}
        >
          {t('vaultFiles.toolbar.importFiles')}
        </ToolbarButton>
        <ToolbarButton
          icon={<FolderArrowUp20Regular />}
          disabled={busy || !items.isSuccess}
          onClick={() => setDialog({ kind: 'collection', pick: 'folder' })}
        >
          {t('vaultFiles.toolbar.importFolder')}
        </ToolbarButton>
        <ToolbarDivider />
        <ToolbarButton icon={<ArrowExport20Regular />} disabled={busy || chosen.length === 0} onClick={() => startExport(chosen)}>
          {t('vaultFiles.toolbar.export')}
        </ToolbarButton>
        <ToolbarButton
          icon={<Delete20Regular />}
          disabled={busy || chosen.length === 0}
          onClick={() => {
            eraseItems.reset();
            setDialog({ kind: 'erase', items: chosen });
          }}
        >
          {t('vaultFiles.toolbar.erase')}
        </ToolbarButton>
      </Toolbar>

      {job.current && <TransferProgress kind={jobKind} job={job.current} onCancel={job.cancel} />}

      {notice && (
        <div className={styles.messages}>
          {notice.kind === 'error' ? (
            <ErrorState error={notice.error} />
          ) : (
            <MessageBar intent={notice.intent} layout="multiline" role="status">
              <MessageBarBody>
                {notice.detailKey ? <MessageBarTitle>{t(notice.key, notice.values)}</MessageBarTitle> : t(notice.key, notice.values)}
                {notice.detailKey && t(notice.detailKey)}
              </MessageBarBody>
            </MessageBar>
          )}
        </div>
      )}

      <QueryView query={items} loadingLabelKey="vaultFiles.loading">
        {() =>
          all.length === 0 ? (
            <VaultEmptyState />
          ) : (
            <section aria-labelledby="vault-items-heading">
              <div className={styles.listHeader}>
                <div className={styles.listTitle}>
                  <Subtitle1 as="h2" id="vault-items-heading">
                    {t('vaultFiles.table.title')}
                  </Subtitle1>
                  <Text>{t('vaultFiles.table.summary', { count: visible.length, size: formatBytes(totalBytes, language) })}</Text>
                </div>
                <Field label={t('vaultFiles.filter.label')} className={styles.filter}>
                  <Select value={shownCollection} onChange={(_event, data) => setCollection(data.value)}>
                    <option value="">{t('vaultFiles.filter.all')}</option>
                    {collections.map((name) => (
                      <option key={name} value={name}>
                        {name}
                      </option>
                    ))}
                  </Select>
                </Field>
              </div>
              <Text className={styles.selection} aria-live="polite">
                {chosen.length > 0 ? t('vaultFiles.selection.count', { count: chosen.length }) : t('vaultFiles.selection.none')}
              </Text>
              <VaultItemTable items={visible} selected={selected} onSelectedChange={setSelected} labelledBy="vault-items-heading" />
            </section>
          )
        }
      </QueryView>

      {dialog?.kind === 'collection' && (
        <CollectionDialog
          pick={dialog.pick}
          collections={collections}
          initialValue={lastCollection}
          onSubmit={(name) => startImport(dialog.pick, name)}
          onDismiss={() => setDialog(null)}
        />
      )}
      {dialog?.kind === 'erase' && (
        <EraseDialog
          items={dialog.items}
          pending={eraseItems.isPending}
          error={eraseItems.error}
          onConfirm={() => confirmErase(dialog.items)}
          onDismiss={() => setDialog(null)}
        />
      )}
    </>
  );
}
