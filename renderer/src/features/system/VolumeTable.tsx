/** The mounted volumes as a table, with loading, empty and error states and a refresh. */
import {
  Button,
  Spinner,
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
import { ArrowClockwise20Regular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import { formatBytes } from '@shared/format-bytes';
import { formatDateTime } from '@shared/format-date';
import type { Language } from '@shared/locale';
import { ErrorState } from '../../components/ErrorState';
import { useVolumes } from './use-system';

const useStyles = makeStyles({
  toolbar: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM, marginBottom: tokens.spacingVerticalM },
  numeric: { textAlign: 'end', fontVariantNumeric: 'tabular-nums' },
});

export function VolumeTable({ headingId }: { headingId: string }) {
  const styles = useStyles();
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const volumes = useVolumes();

  return (
    <>
      <div className={styles.toolbar}>
        <Button icon={<ArrowClockwise20Regular />} onClick={() => void volumes.refetch()} disabledFocusable={volumes.isFetching}>
          {t('system.volumes.refresh')}
        </Button>
        {volumes.isFetching && <Spinner size="tiny" label={t('system.volumes.loading')} />}
        {volumes.data && !volumes.isFetching && (
          <Text>{t('system.volumes.readAt', { time: formatDateTime(volumes.data.readAt, language) })}</Text>
        )}
      </div>
      {volumes.isError && <ErrorState error={volumes.error} onRetry={() => void volumes.refetch()} />}
      {volumes.data && volumes.data.volumes.length === 0 && <Text role="status">{t('system.volumes.empty')}</Text>}
      {volumes.data && volumes.data.volumes.length > 0 && (
        <Table aria-labelledby={headingId} data-testid="volume-table">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t('system.volumes.columns.mount')}</TableHeaderCell>
              <TableHeaderCell>{t('system.volumes.columns.device')}</TableHeaderCell>
              <TableHeaderCell>{t('system.volumes.columns.fileSystem')}</TableHeaderCell>
              <TableHeaderCell>{t('system.volumes.columns.label')}</TableHeaderCell>
              <TableHeaderCell className={styles.numeric}>{t('system.volumes.columns.size')}</TableHeaderCell>
              <TableHeaderCell className={styles.numeric}>{t('system.volumes.columns.free')}</TableHeaderCell>
              <TableHeaderCell>{t('system.volumes.columns.removable')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {volumes.data.volumes.map((volume) => (
              <TableRow key={`${volume.device}|${volume.mount}`}>
                <TableCell data-column="mount">{volume.mount}</TableCell>
                <TableCell>{volume.device}</TableCell>
                <TableCell>{volume.fileSystem ?? t('common.unknown')}</TableCell>
                <TableCell>{volume.label ?? '—'}</TableCell>
                <TableCell className={styles.numeric} data-bytes={volume.sizeBytes}>
                  {formatBytes(volume.sizeBytes, language)}
                </TableCell>
                <TableCell className={styles.numeric} data-bytes={volume.freeBytes}>
                  {formatBytes(volume.freeBytes, language)}
                </TableCell>
                <TableCell>
                  {volume.removable === null ? t('common.unknown') : volume.removable ? t('common.yes') : t('common.no')}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </>
  );
}
