/**
 * Earlier runs, newest first: when (JST), the output folder, how many files got each verdict,
 * and the signed report's number. Any row can be opened to show that run.
 */
import { useTranslation } from 'react-i18next';
import { RunHistoryTable, type RunHistoryColumn, type RunHistoryProps } from '../../components/RunHistoryTable';
import type { SanitizationSummary } from './use-sanitize';

export type HistoryTableProps = RunHistoryProps<SanitizationSummary>;

export function HistoryTable(props: HistoryTableProps) {
  const { t } = useTranslation();
  const columns: readonly RunHistoryColumn<SanitizationSummary>[] = [
    { key: 'output', header: t('sanitize.history.columns.output'), path: (run) => run.outputName, render: (run) => run.outputName },
    {
      key: 'counts',
      header: t('sanitize.history.columns.counts'),
      width: '250px',
      render: (run) => t('sanitize.counts', { ...run.counts }),
    },
  ];
  return (
    <RunHistoryTable
      {...props}
      testId="sanitize-history"
      textsKey="sanitize.history"
      columns={columns}
      widths={{ time: '190px', report: '210px', actions: '88px' }}
    />
  );
}
