/**
 * One run: its reference, procedure, site and system, its steps as a stepper with the open
 * step's panel, and at the end completing it (to the signed report, saved as a PDF) or
 * abandoning it with a reason. Everything shown comes from `visits.get`, so a run looks
 * the same after a reload or a restart; after every change it is read again.
 */
import { useEffect, useRef, useState } from 'react';
import {
  Button,
  Link,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Subtitle1,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { ArrowDownload20Regular, Certificate20Regular, Dismiss20Regular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../components/ErrorState';
import { FactList } from '../../components/FactList';
import { PageHeading } from '../../components/PageHeading';
import { QueryView } from '../../components/QueryView';
import { ReasonDialog } from './ReasonDialog';
import { RunStatusBadge } from './StatusBadges';
import { StepList } from './StepList';
import { VisitsBreadcrumb } from './VisitsBreadcrumb';
import { useVisitTexts } from './use-visit-texts';
import { useExportReport, useRun, useRunMutations, type VisitRun } from './use-visits';
import { hrefOf } from './visits-route';

const useStyles = makeStyles({
  section: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    marginBottom: tokens.spacingVerticalXXL,
    maxWidth: '1040px',
  },
  heading: { margin: 0 },
  status: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'center', flexWrap: 'wrap' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalM, flexWrap: 'wrap', alignItems: 'center' },
});

export function RunView({ runId }: { runId: string }) {
  const { t } = useTranslation();
  const texts = useVisitTexts();
  const run = useRun(runId);
  const title = run.data ? `${texts.templateTitle(run.data.templateId)} ${run.data.reference}` : t('visits.title');
  return (
    <>
      <VisitsBreadcrumb
        crumbs={[
          { label: t('visits.title'), href: hrefOf({ view: 'list' }) },
          { label: run.data?.reference ?? t('visits.run.loading'), href: null },
        ]}
      />
      <PageHeading>{title}</PageHeading>
      <QueryView query={run} loadingLabelKey="visits.run.loading">
        {(data) => <RunBody run={data} />}
      </QueryView>
    </>
  );
}

/** The steps' statuses in one string: when it changes, a step was closed (or reopened). */
const statusesOf = (run: VisitRun) => run.steps.map((s) => s.status).join(',');

function RunBody({ run }: { run: VisitRun }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const texts = useVisitTexts();
  const mutations = useRunMutations(run.id);
  const statuses = statusesOf(run);
  // The steps the engineer opened or closed, while the steps stay as they were; then the current step alone.
  const [chosen, setChosen] = useState<{ openStepIds: readonly string[]; statuses: string } | null>(null);
  const openStepIds = chosen && chosen.statuses === statuses ? chosen.openStepIds : run.currentStepId ? [run.currentStepId] : [];
  const toggle = (stepId: string) =>
    setChosen({
      statuses,
      openStepIds: openStepIds.includes(stepId) ? openStepIds.filter((id) => id !== stepId) : [...openStepIds, stepId],
    });
  const lastStatuses = useRef(statuses);

  useEffect(() => {
    if (lastStatuses.current === statuses) return;
    lastStatuses.current = statuses;
    // A step was closed: keyboard and screen-reader focus go to the next one.
    const next = run.currentStepId ?? 'visit-complete';
    document.getElementById(run.currentStepId ? `visit-step-title-${next}` : 'visit-complete-heading')?.focus();
  }, [statuses, run.currentStepId]);

  const facts: Array<readonly [string, string]> = [
    [t('visits.run.facts.reference'), run.reference],
    [t('visits.run.facts.procedure'), texts.templateTitle(run.templateId)],
    [t('visits.run.facts.items'), texts.items(run.template.items)],
    [t('visits.run.facts.site'), run.siteName],
    [t('visits.run.facts.system'), run.systemName ?? t('visits.run.facts.noSystem')],
    [t('visits.run.facts.started'), texts.dateTime(run.startedAt)],
    [t('visits.run.facts.progress'), t('visits.progress', { done: run.stepsDone, total: run.stepsTotal })],
    ...(run.closedAt
      ? [
          [
            t(run.status === 'abandoned' ? 'visits.run.facts.abandoned' : 'visits.run.facts.completed'),
            texts.dateTime(run.closedAt),
          ] as const,
        ]
      : []),
    [t('visits.run.facts.vaultFolder'), run.reference],
  ];

  return (
    <>
      <section className={styles.section} aria-labelledby="visit-summary-heading">
        <Subtitle1 as="h2" id="visit-summary-heading" className={styles.heading}>
          {t('visits.run.summary')}
        </Subtitle1>
        <div className={styles.status}>
          <RunStatusBadge status={run.status} />
        </div>
        <FactList facts={facts} />
      </section>

      <section className={styles.section} aria-labelledby="visit-steps-heading">
        <Subtitle1 as="h2" id="visit-steps-heading" className={styles.heading}>
          {t('visits.run.steps')}
        </Subtitle1>
        {run.status === 'in-progress' && <Text>{t('visits.run.stepsIntro')}</Text>}
        <StepList run={run} openStepIds={openStepIds} onToggle={toggle} mutations={mutations} />
      </section>

      <CompleteSection run={run} mutations={mutations} />
    </>
  );
}

function CompleteSection({ run, mutations }: { run: VisitRun; mutations: ReturnType<typeof useRunMutations> }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const texts = useVisitTexts();
  const [abandoning, setAbandoning] = useState(false);
  const exportReport = useExportReport();
  const { complete, abandon } = mutations;
  const openRequired = run.template.steps.filter((s) => s.required && run.steps.find((x) => x.stepId === s.id)?.status === 'open');
  const current = run.template.steps.findIndex((s) => s.id === run.currentStepId);

  return (
    <section className={styles.section} aria-labelledby="visit-complete-heading" data-testid="visit-complete">
      <Subtitle1 as="h2" id="visit-complete-heading" tabIndex={-1} className={styles.heading} style={{ outline: 'none' }}>
        {t('visits.complete.title')}
      </Subtitle1>
      {run.status === 'in-progress' && (
        <>
          <Text id="visit-complete-explain">
            {run.currentStepId === null
              ? t('visits.complete.ready')
              : t('visits.complete.openSteps', {
                  count: openRequired.length,
                  n: current + 1,
                  title: texts.stepTitle(run.templateId, run.currentStepId),
                })}
          </Text>
          {complete.isError && <ErrorState error={complete.error} />}
          <div className={styles.actions}>
            <Button
              appearance="primary"
              icon={complete.isPending ? <Spinner size="tiny" /> : <Certificate20Regular />}
              disabled={run.currentStepId !== null}
              disabledFocusable={complete.isPending}
              aria-describedby="visit-complete-explain"
              onClick={() => complete.mutate()}
            >
              {complete.isPending ? t('visits.complete.completing') : t('visits.complete.button')}
            </Button>
            <Button
              icon={<Dismiss20Regular />}
              onClick={() => {
                abandon.reset();
                setAbandoning(true);
              }}
            >
              {t('visits.abandon.open')}
            </Button>
          </div>
        </>
      )}
      {run.status === 'completed' && (
        <MessageBar intent="success" layout="multiline" role="status" data-testid="visit-report">
          <MessageBarBody>
            <MessageBarTitle>{t('visits.complete.done')}</MessageBarTitle>
            {t('visits.complete.reportNumber', { number: run.reportNumber ?? '' })}
          </MessageBarBody>
        </MessageBar>
      )}
      {run.status === 'completed' && run.reportId && (
        <div className={styles.actions}>
          <Button
            appearance="primary"
            icon={exportReport.isPending ? <Spinner size="tiny" /> : <ArrowDownload20Regular />}
            disabledFocusable={exportReport.isPending}
            onClick={() => run.reportId && exportReport.mutate(run.reportId)}
          >
            {t('visits.complete.savePdf')}
          </Button>
          <Link href="#/certificates">{t('visits.complete.openCertificates')}</Link>
        </div>
      )}
      {exportReport.isError && <ErrorState error={exportReport.error} />}
      {exportReport.data && <Text role="status">{t(exportReport.data.saved ? 'visits.complete.saved' : 'visits.complete.notSaved')}</Text>}
      {run.status === 'abandoned' && (
        <MessageBar intent="warning" layout="multiline" role="status" data-testid="visit-abandoned">
          <MessageBarBody>
            <MessageBarTitle>{t('visits.abandon.done')}</MessageBarTitle>
            {t('visits.abandon.reasonShown', { reason: run.abandonReason ?? '' })}
          </MessageBarBody>
        </MessageBar>
      )}
      {abandoning && (
        <ReasonDialog
          title={t('visits.abandon.title', { reference: run.reference })}
          reasonLabel={t('visits.abandon.reason')}
          confirmLabel={t('visits.abandon.confirm')}
          pendingLabel={t('visits.abandon.pending')}
          destructive
          pending={abandon.isPending}
          error={abandon.error}
          onConfirm={(reason) => abandon.mutate(reason, { onSuccess: () => setAbandoning(false) })}
          onCancel={() => setAbandoning(false)}
          testId="visit-abandon-dialog"
        >
          <Text block>{t('visits.abandon.body')}</Text>
        </ReasonDialog>
      )}
    </section>
  );
}
