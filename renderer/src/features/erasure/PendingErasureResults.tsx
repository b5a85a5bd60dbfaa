/**
 * The erasure results still waiting for their certificate (issue 19): each finished erasure is
 * kept in the vault until its certificate is issued, so one left behind — the screen left, the
 * app locked — is listed here with the one action that issues it (a whole device by its name,
 * with no count of files). The dashboard reads the same
 * list (erasure.pendingResults).
 */
import { Button, Subtitle1, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { PendingErasureResult } from '@shared/erasure';
import { formatDateTime } from '@shared/format-date';
import type { Language } from '@shared/locale';
import { ErrorState } from '../../components/ErrorState';
import { deviceName } from './device-name';
import { NumericCell, NumericHeaderCell, TextCell, useTableCellStyles } from '../../components/table-cells';
import { useErasureStyles } from './erasure-styles';
import { usePendingErasureResults } from './use-erasure';

export function PendingErasureResults({
  openId,
  onOpen,
}: {
  /** The result open in the result view, left out of the list. */
  openId: string | null;
  onOpen: (result: PendingErasureResult) => void;
}) {
  const styles = useErasureStyles();
  const cells = useTableCellStyles();
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const pending = usePendingErasureResults();
  const results = (pending.data?.results ?? []).filter((r) => r.summary.erasureJobId !== openId);

  if (pending.isError) return <ErrorState error={pending.error} onRetry={() => void pending.refetch()} />;
  if (results.length === 0) return null;
  return (
    <section className={styles.section} aria-labelledby="erasure-pending-heading" data-testid="erasure-pending">
      <Subtitle1 as="h2" id="erasure-pending-heading">
        {t('erasure.pending.title')}
      </Subtitle1>
      <Text>{t('erasure.pending.intro')}</Text>
      <Table aria-labelledby="erasure-pending-heading">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{t('erasure.pending.columns.finishedAt')}</TableHeaderCell>
            <TableHeaderCell>{t('erasure.pending.columns.site')}</TableHeaderCell>
            <TableHeaderCell>{t('erasure.pending.columns.result')}</TableHeaderCell>
            <NumericHeaderCell>{t('erasure.pending.columns.files')}</NumericHeaderCell>
            <TableHeaderCell>{t('erasure.pending.columns.actions')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {results.map((result) => {
            const time = formatDateTime(result.finishedAt, language);
            const site = [result.site.hospital, result.site.department].filter(Boolean).join(' ') || '—';
            return (
              <TableRow key={result.summary.erasureJobId}>
                <TableCell className={cells.nowrap}>{time}</TableCell>
                <TextCell>{site}</TextCell>
                <TextCell>
                  {t(`erasure.result.status.${result.summary.status}`)}
                  {result.device && <> — {deviceName(result.device)}</>}
                </TextCell>
                <NumericCell>{result.device ? '—' : result.summary.filesErased}</NumericCell>
                <TableCell>
                  <Button
                    appearance="primary"
                    size="small"
                    aria-label={t('erasure.pending.openLabel', { site, time })}
                    onClick={() => onOpen(result)}
                  >
                    {t('erasure.pending.open')}
                  </Button>
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </section>
  );
}
