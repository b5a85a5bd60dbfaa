/**
 * What the Erasure screen will erase: files or folders picked in a native dialog, a removable
 * volume from the volume list, or a vault folder (a visit's screen links here with its folder
 * chosen already: `#/erasure?collection=V-…`), listed with their file counts and sizes.
 */
import { useState } from 'react';
import {
  Button,
  Field,
  Select,
  Subtitle1,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
} from '@fluentui/react-components';
import { Delete20Regular, DocumentAdd20Regular, FolderAdd20Regular, UsbStick20Regular, Vault20Regular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { ErasureTarget } from '@shared/erasure';
import { formatBytes } from '@shared/format-bytes';
import type { Language } from '@shared/locale';
import { ErrorState } from '../../components/ErrorState';
import { NumericCell, NumericHeaderCell, PathCell } from '../../components/table-cells';
import { useVolumes } from '../system/use-system';
import { useErasureStyles } from './erasure-styles';
import { useTargetChanges, useVaultCollections } from './use-erasure';

// The path takes what the other columns leave, on one line (issue 19, "Tables"); these fit their longest word.
const useColumnStyles = makeStyles({
  kind: { width: '13em' },
  files: { width: '7em' },
  bytes: { width: '8em' },
  actions: { width: '5em' },
});

export function ErasureTargets({ targets }: { targets: readonly ErasureTarget[] }) {
  const styles = useErasureStyles();
  const columns = useColumnStyles();
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const volumes = useVolumes();
  const collections = useVaultCollections();
  const { addTargets, addVolume, addCollection, removeTarget } = useTargetChanges();
  const [searchParams] = useSearchParams();
  const [collection, setCollection] = useState(() => searchParams.get('collection') ?? '');
  const removable = (volumes.data?.volumes ?? []).filter((v) => v.removable === true);

  return (
    <section className={styles.section} aria-labelledby="erasure-targets-heading">
      <Subtitle1 as="h2" id="erasure-targets-heading">
        {t('erasure.targets.title')}
      </Subtitle1>
      <div className={styles.actions}>
        <Button icon={<DocumentAdd20Regular />} onClick={() => addTargets.mutate('files')}>
          {t('erasure.targets.addFiles')}
        </Button>
        <Button icon={<FolderAdd20Regular />} onClick={() => addTargets.mutate('folder')}>
          {t('erasure.targets.addFolder')}
        </Button>
        {removable.map((volume) => (
          <Button key={volume.mount} icon={<UsbStick20Regular />} onClick={() => addVolume.mutate(volume.mount)}>
            {t('erasure.targets.addVolume', { mount: volume.mount, size: formatBytes(volume.sizeBytes, language) })}
          </Button>
        ))}
      </div>
      {collections.length > 0 && (
        <div className={styles.actions}>
          <Field label={t('erasure.targets.vaultCollection')}>
            <Select value={collection} onChange={(_e, d) => setCollection(d.value)}>
              <option value="">{t('erasure.targets.chooseCollection')}</option>
              {collections.map((name) => (
                <option key={name} value={name}>
                  {name}
                </option>
              ))}
            </Select>
          </Field>
          <Button
            icon={<Vault20Regular />}
            disabled={!collection}
            onClick={() => addCollection.mutate(collection)}
            style={{ alignSelf: 'flex-end' }}
          >
            {t('erasure.targets.addCollection')}
          </Button>
        </div>
      )}
      {(addTargets.isError || addVolume.isError || addCollection.isError) && (
        <ErrorState error={addTargets.error ?? addVolume.error ?? addCollection.error} />
      )}
      {targets.length === 0 ? (
        <Text role="status">{t('erasure.targets.empty')}</Text>
      ) : (
        <Table aria-labelledby="erasure-targets-heading" data-testid="erasure-targets">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t('erasure.targets.columns.target')}</TableHeaderCell>
              <TableHeaderCell className={columns.kind}>{t('erasure.targets.columns.kind')}</TableHeaderCell>
              <NumericHeaderCell className={columns.files}>{t('erasure.targets.columns.files')}</NumericHeaderCell>
              <NumericHeaderCell className={columns.bytes}>{t('erasure.targets.columns.bytes')}</NumericHeaderCell>
              <TableHeaderCell className={columns.actions}>{t('erasure.targets.columns.actions')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {targets.map((target) => (
              <TableRow key={target.id}>
                <PathCell value={target.label} />
                <TableCell>{t(`erasure.targets.kinds.${target.kind}`)}</TableCell>
                <NumericCell>{target.files}</NumericCell>
                <NumericCell>{formatBytes(target.bytes, language)}</NumericCell>
                <TableCell>
                  <Button
                    size="small"
                    icon={<Delete20Regular />}
                    aria-label={t('erasure.targets.remove', { target: target.label })}
                    onClick={() => removeTarget.mutate(target.id)}
                  />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </section>
  );
}
