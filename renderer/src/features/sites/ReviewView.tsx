/**
 * The periodic account review (14-7, by default every 6 months): every maintenance account
 * across sites with a decision for each — keep, disable or delete — and a note; recording is
 * possible only once every account has a decision, and is confirmed first. Below, the
 * reviews recorded before.
 */
import { useState } from 'react';
import { Button, MessageBar, MessageBarBody, Subtitle1, Text, makeStyles, tokens, useRestoreFocusTarget } from '@fluentui/react-components';
import { ClipboardTaskListLtr20Regular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '@shared/format-date';
import type { Language } from '@shared/locale';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { FactList } from '../../components/FactList';
import { PageHeading } from '../../components/PageHeading';
import { QueryView } from '../../components/QueryView';
import { ErrorState } from '../../components/ErrorState';
import { ReviewHistory, countDecisions } from './ReviewHistory';
import { ReviewTable, type ReviewRow, type RowChoice } from './ReviewTable';
import { SitesBreadcrumb } from './SitesBreadcrumb';
import { hrefOf } from './sites-route';
import {
  useAccountReviews,
  useAccounts,
  useAccountWarnings,
  useRecordReview,
  useSites,
  useSystems,
  type Decision,
  type ReviewDecision,
} from './use-sites';

const useStyles = makeStyles({
  intro: { display: 'block', maxWidth: '60em', marginBottom: tokens.spacingVerticalL },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, marginBottom: tokens.spacingVerticalXXL },
  heading: { margin: 0 },
  actions: { display: 'flex', gap: tokens.spacingHorizontalL, alignItems: 'center', flexWrap: 'wrap' },
  message: { maxWidth: '60em' },
  progress: { fontVariantNumeric: 'tabular-nums' },
});

export function ReviewView() {
  const styles = useStyles();
  const { t } = useTranslation();
  const reviews = useAccountReviews();
  return (
    <>
      <SitesBreadcrumb
        crumbs={[
          { label: t('sites.title'), href: hrefOf({ view: 'list' }) },
          { label: t('sites.review.title'), href: null },
        ]}
      />
      <PageHeading>{t('sites.review.title')}</PageHeading>
      <Text className={styles.intro}>{t('sites.review.intro')}</Text>
      <ReviewDue />
      <ReviewForm />
      <section className={styles.section} aria-labelledby="review-history-heading">
        <Subtitle1 as="h2" id="review-history-heading" className={styles.heading}>
          {t('sites.history.title')}
        </Subtitle1>
        <QueryView query={reviews}>
          {({ reviews: list }) =>
            list.length === 0 ? <Text role="status">{t('sites.history.empty')}</Text> : <ReviewHistory reviews={list} />
          }
        </QueryView>
      </section>
    </>
  );
}

/** When the next review is due, and how many accounts are already past it. */
function ReviewDue() {
  const styles = useStyles();
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const warnings = useAccountWarnings();
  const data = warnings.data;
  if (!data || data.nextReviewAt === null) return null;
  return (
    <div className={styles.section} data-testid="review-due">
      <FactList
        facts={[
          [t('sites.review.nextDue'), formatDateTime(data.nextReviewAt, language)],
          [t('sites.review.overdue'), t('sites.review.overdueCount', { count: data.reviewsDue })],
        ]}
      />
    </div>
  );
}

function ReviewForm() {
  const styles = useStyles();
  const { t } = useTranslation();
  const sites = useSites();
  const systems = useSystems();
  const accounts = useAccounts();
  const record = useRecordReview();
  const [choices, setChoices] = useState<Readonly<Record<string, RowChoice>>>({});
  const [attempted, setAttempted] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [recorded, setRecorded] = useState<number | null>(null);
  // When the confirmation closes, focus goes back to the record button.
  const restoreFocus = useRestoreFocusTarget();

  return (
    <section className={styles.section} aria-labelledby="review-accounts-heading">
      <Subtitle1 as="h2" id="review-accounts-heading" className={styles.heading}>
        {t('sites.review.accountsTitle')}
      </Subtitle1>
      {recorded !== null && (
        <MessageBar className={styles.message} intent="success" role="status" data-testid="review-recorded">
          <MessageBarBody>{t('sites.review.recorded', { count: recorded })}</MessageBarBody>
        </MessageBar>
      )}
      <QueryView query={accounts}>
        {({ accounts: list }) => {
          if (list.length === 0) return <Text role="status">{t('sites.review.noAccounts')}</Text>;
          const siteById = new Map((sites.data?.sites ?? []).map((site) => [site.id, site]));
          const systemById = new Map((systems.data?.systems ?? []).map((system) => [system.id, system]));
          const rows: ReviewRow[] = list
            .map((account) => {
              const system = systemById.get(account.systemId);
              return { account, system, site: system ? siteById.get(system.siteId) : undefined };
            })
            // Grouped as the engineer thinks of them: by site, then system, then user name.
            .sort(
              (a, b) =>
                (a.site?.name ?? '').localeCompare(b.site?.name ?? '', 'ja') ||
                (a.system?.product ?? '').localeCompare(b.system?.product ?? '', 'ja') ||
                a.account.userName.localeCompare(b.account.userName),
            );
          const chosen: ReviewDecision[] = rows.flatMap(({ account }) => {
            const choice = choices[account.id];
            return choice?.decision ? [{ accountId: account.id, decision: choice.decision, note: choice.note.trim() }] : [];
          });
          const complete = chosen.length === rows.length;
          const counts = countDecisions(chosen);
          const ask = () => {
            setAttempted(true);
            if (!complete || record.isPending) return;
            record.reset();
            setConfirming(true);
          };
          const confirm = () =>
            record.mutate(chosen, {
              onSuccess: (review) => {
                setConfirming(false);
                setChoices({});
                setAttempted(false);
                setRecorded(review.decisions.length);
              },
            });

          return (
            <>
              <ReviewTable
                rows={rows}
                choices={choices}
                markUndecided={attempted}
                labelledBy="review-accounts-heading"
                onChoice={(accountId, choice) => {
                  setRecorded(null);
                  setChoices((current) => ({ ...current, [accountId]: choice }));
                }}
              />
              <div className={styles.actions}>
                <Button
                  {...restoreFocus}
                  appearance="primary"
                  icon={<ClipboardTaskListLtr20Regular />}
                  disabledFocusable={!complete || record.isPending}
                  onClick={ask}
                >
                  {t('sites.review.record')}
                </Button>
                <Text className={styles.progress} role="status" data-testid="review-progress">
                  {complete
                    ? t('sites.review.allDecided', { count: rows.length })
                    : t('sites.review.progress', { done: chosen.length, count: rows.length })}
                </Text>
              </div>
              {confirming && (
                <ConfirmDialog
                  title={t('sites.review.confirm.title')}
                  confirmLabel={t('sites.review.confirm.submit')}
                  pendingLabel={t('sites.review.confirm.recording')}
                  destructive={counts.delete > 0}
                  cancelLabel={t('sites.confirm.cancel')}
                  describedBy="content"
                  pending={record.isPending}
                  error={record.error}
                  onConfirm={confirm}
                  onCancel={() => setConfirming(false)}
                  testId="review-confirm-dialog"
                >
                  <ReviewSummary counts={counts} />
                </ConfirmDialog>
              )}
            </>
          );
        }}
      </QueryView>
      {record.isError && !confirming && <ErrorState error={record.error} />}
    </section>
  );
}

/** What recording will do, in the confirmation: the count of each decision, and what disable and delete mean. */
function ReviewSummary({ counts }: { counts: Record<Decision, number> }) {
  const { t } = useTranslation();
  return (
    <>
      <Text>{t('sites.review.confirm.body')}</Text>
      <FactList
        facts={(['keep', 'disable', 'delete'] as const).map(
          (decision) => [t(`sites.review.decision.${decision}`), t('sites.review.confirm.count', { count: counts[decision] })] as const,
        )}
      />
      {counts.disable > 0 && <Text>{t('sites.review.confirm.disable', { count: counts.disable })}</Text>}
      {counts.delete > 0 && <Text weight="semibold">{t('sites.review.confirm.delete', { count: counts.delete })}</Text>}
    </>
  );
}
