/**
 * The account review's table (14-7): every account across sites — the user name with its
 * state, the site and system, when its password last changed (JST) — and for each a
 * decision (keep, disable, delete) with a note below it. Each control is named with its
 * account, site and system.
 */
import { Input, Radio, RadioGroup, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { ReviewDecision as ReviewDecisionSchema } from '@shared/sites';
import { formatDateTime } from '@shared/format-date';
import type { Language } from '@shared/locale';
import { reviewDue } from './account-counts';
import { DisabledBadge, ReviewDueBadge, VendorDefaultBadge } from './AccountBadges';
import { decisions, type Decision, type MaintenanceAccount, type Site, type SiteSystem } from './use-sites';

const NOTE_MAX = ReviewDecisionSchema.shape.note.maxLength ?? 500;

const useStyles = makeStyles({
  wrap: { overflowX: 'auto' },
  table: { minWidth: '880px' },
  user: { width: '20%' },
  where: { width: '24%' },
  time: { width: '200px' },
  cell: { paddingBlock: tokens.spacingVerticalS, verticalAlign: 'top', overflowWrap: 'anywhere' },
  // A time split over two lines is easy to misread.
  nowrap: { whiteSpace: 'nowrap' },
  name: { fontFamily: tokens.fontFamilyMonospace, fontWeight: tokens.fontWeightSemibold },
  stack: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: tokens.spacingVerticalXS },
  badges: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS },
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
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  return (
    <div className={styles.wrap}>
      <Table aria-labelledby={labelledBy} className={styles.table} size="small" data-testid="review-table">
        <TableHeader>
          <TableRow>
            <TableHeaderCell className={styles.user}>{t('sites.review.columns.account')}</TableHeaderCell>
            <TableHeaderCell className={styles.where}>{t('sites.review.columns.where')}</TableHeaderCell>
            <TableHeaderCell className={styles.time}>{t('sites.review.columns.lastChanged')}</TableHeaderCell>
            <TableHeaderCell>{t('sites.review.columns.decision')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map(({ account, site, system }) => {
            const choice = choices[account.id] ?? { decision: null, note: '' };
            const label = { user: account.userName, site: site?.name ?? '—', system: system?.product ?? '—' };
            const due = reviewDue(account.nextReviewAt);
            return (
              <TableRow
                key={account.id}
                className={markUndecided && choice.decision === null ? styles.undecided : undefined}
                data-account-id={account.id}
                data-user={account.userName}
                data-decision={choice.decision ?? ''}
              >
                <TableCell className={styles.cell}>
                  <div className={styles.stack}>
                    <span className={styles.name}>{account.userName}</span>
                    {(account.vendorDefault || account.disabled || due) && (
                      <div className={styles.badges}>
                        {account.vendorDefault && <VendorDefaultBadge />}
                        {account.disabled && <DisabledBadge />}
                        {due && <ReviewDueBadge />}
                      </div>
                    )}
                  </div>
                </TableCell>
                <TableCell className={styles.cell}>
                  <div className={styles.stack}>
                    <Text>{label.site}</Text>
                    <Text size={200} className={styles.muted}>{label.system}</Text>
                  </div>
                </TableCell>
                <TableCell className={mergeClasses(styles.cell, styles.nowrap)}>
                  {account.lastChangedAt ? formatDateTime(account.lastChangedAt, language) : <Text className={styles.muted}>{t('sites.accounts.neverChanged')}</Text>}
                </TableCell>
                <TableCell className={styles.cell}>
                  <div className={styles.decide}>
                    <RadioGroup
                      className={styles.radios}
                      layout="horizontal"
                      aria-label={t('sites.review.decisionFor', label)}
                      value={choice.decision ?? ''}
                      onChange={(_event, data) => onChoice(account.id, { ...choice, decision: decisions.find((decision) => decision === data.value) ?? null })}
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
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </div>
  );
}
