/**
 * The account review's table (14-7): every account across sites — the user name with its
 * state, the site and system, when its password last changed (JST) — and for each a
 * decision (keep, disable, delete) with a note below it. Each control is named with its
 * account, site and system.
 */
import { Input, Radio, RadioGroup, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { ReviewDecision as ReviewDecisionSchema } from '@shared/sites';
import { AccountName, LastChanged } from './AccountCells';
import { RecordsTable, type RecordsColumn } from './RecordsTable';
import { decisions, type Decision, type MaintenanceAccount, type Site, type SiteSystem } from './use-sites';

const NOTE_MAX = ReviewDecisionSchema.shape.note.maxLength ?? 500;

const useStyles = makeStyles({
  user: { width: '20%' },
  where: { width: '24%' },
  time: { width: '200px' },
  cell: { paddingBlock: tokens.spacingVerticalS },
  // A time split over two lines is easy to misread.
  nowrap: { whiteSpace: 'nowrap' },
  stack: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: tokens.spacingVerticalXS },
  muted: { color: tokens.colorNeutralForeground3 },
  decide: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  radios: { flexWrap: 'wrap' },
  note: { width: '100%', maxWidth: '32em', minWidth: 0 },
  // Once a record was attempted, rows still without a decision stand out (the count below says how many).
  undecided: { backgroundColor: tokens.colorStatusWarningBackground1 },
});

export interface ReviewRow {
  readonly account: MaintenanceAccount;
  readonly site: Site | undefined;
  readonly system: SiteSystem | undefined;
}

export interface RowChoice {
  readonly decision: Decision | null;
  readonly note: string;
}

export interface ReviewTableProps {
  readonly rows: readonly ReviewRow[];
  readonly choices: Readonly<Record<string, RowChoice>>;
  readonly markUndecided: boolean;
  readonly labelledBy: string;
  readonly onChoice: (accountId: string, choice: RowChoice) => void;
}

export function ReviewTable({ rows, choices, markUndecided, labelledBy, onChoice }: ReviewTableProps) {
  const styles = useStyles();
  const { t } = useTranslation();
  const choiceOf = (account: MaintenanceAccount): RowChoice => choices[account.id] ?? { decision: null, note: '' };
  const labelOf = ({ account, site, system }: ReviewRow) => ({
    user: account.userName,
    site: site?.name ?? '—',
    system: system?.product ?? '—',
  });
  const columns: RecordsColumn<ReviewRow>[] = [
    {
      id: 'account',
      header: t('sites.review.columns.account'),
      headerClassName: styles.user,
      cellClassName: styles.cell,
      cell: ({ account }) => <AccountName account={account} />,
    },
    {
      id: 'where',
      header: t('sites.review.columns.where'),
      headerClassName: styles.where,
      cellClassName: styles.cell,
      cell: (row) => {
        const label = labelOf(row);
        return (
          <div className={styles.stack}>
            <Text>{label.site}</Text>
            <Text size={200} className={styles.muted}>
              {label.system}
            </Text>
          </div>
        );
      },
    },
    {
      id: 'lastChanged',
      header: t('sites.review.columns.lastChanged'),
      headerClassName: styles.time,
      cellClassName: mergeClasses(styles.cell, styles.nowrap),
      cell: ({ account }) => <LastChanged account={account} />,
    },
    {
      id: 'decision',
      header: t('sites.review.columns.decision'),
      cellClassName: styles.cell,
      cell: (row) => {
        const { account } = row;
        const choice = choiceOf(account);
        const label = labelOf(row);
        return (
          <div className={styles.decide}>
            <RadioGroup
              className={styles.radios}
              layout="horizontal"
              aria-label={t('sites.review.decisionFor', label)}
              value={choice.decision ?? ''}
              onChange={(_event, data) =>
                onChoice(account.id, { ...choice, decision: decisions.find((decision) => decision === data.value) ?? null })
              }
            >
              {decisions.map((decision) => (
                <Radio key={decision} value={decision} label={t(`sites.review.decision.${decision}`)} />
              ))}
            </RadioGroup>
            <Input
              className={styles.note}
              size="small"
              placeholder={t('sites.review.notePlaceholder')}
              aria-label={t('sites.review.noteFor', label)}
              value={choice.note}
              maxLength={NOTE_MAX}
              onChange={(_event, data) => onChoice(account.id, { ...choice, note: data.value })}
            />
          </div>
        );
      },
    },
  ];
  return (
    <RecordsTable
      labelledBy={labelledBy}
      testId="review-table"
      minWidth="880px"
      columns={columns}
      rows={rows}
      rowKey={({ account }) => account.id}
      rowProps={({ account }) => {
        const decision = choiceOf(account).decision;
        return {
          className: markUndecided && decision === null ? styles.undecided : undefined,
          'data-account-id': account.id,
          'data-user': account.userName,
          'data-decision': decision ?? '',
        };
      }}
    />
  );
}
