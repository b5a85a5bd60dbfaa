/**
 * Earlier runs, newest first: when (JST), the verdict, how many checks ended in each status,
 * the policy, and the signed report's number. Any row can be opened to show that run.
 */
import { useTranslation } from 'react-i18next';
import type { SelfCheckRunSummary } from '@shared/self-check';
import { RunHistoryTable, type RunHistoryColumn, type RunHistoryProps } from '../../components/RunHistoryTable';
import { usePolicyName } from './policy-name';
import { StatusBadge } from './StatusBadge';

export type HistoryTableProps = RunHistoryProps<SelfCheckRunSummary>;

export function HistoryTable(props: HistoryTableProps) {
  const { t } = useTranslation();
  const policyName = usePolicyName();
  const columns: readonly RunHistoryColumn<SelfCheckRunSummary>[] = [
    {
      key: 'overall',
      header: t('selfCheck.history.columns.overall'),
      width: '96px',
      render: (run) => <StatusBadge status={run.overall} />,
    },
    {
      key: 'counts',
      header: t('selfCheck.history.columns.counts'),
      width: '240px',
      render: (run) => t('selfCheck.history.counts', { ...run.counts }),
    },
    { key: 'policy', header: t('selfCheck.history.columns.policy'), render: (run) => policyName(run.policyName) },
  ];
  return (
    <RunHistoryTable
      {...props}
      testId="self-check-history"
      textsKey="selfCheck.history"
      columns={columns}
      widths={{ time: '180px', report: '180px', actions: '72px' }}
    />
  );
}
