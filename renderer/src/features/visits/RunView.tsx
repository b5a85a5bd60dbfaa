/**
 * One run, laid out so the engineer never scrolls to find what to do next (a 1366×768 laptop
 * shows it all): the summary as one header line, a closed run's outcome (and 報告書を保存)
 * at the top, then two panes — the compact step list on the left, the current step opened on
 * the right — and, once every required step is closed, completing it (to the signed report) in
 * the right pane; abandoning with a reason from the header. Everything shown comes from `visits.get`, so a run looks
 * the same after a reload or a restart; after every change it is read again.
 */
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Button, Link, MessageBar, MessageBarBody, MessageBarTitle, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { Certificate20Regular, Dismiss20Regular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../components/ErrorState';
import { PageHeading } from '../../components/PageHeading';
import { QueryView } from '../../components/QueryView';
import { ReasonDialog } from './ReasonDialog';
import { RunStatusBadge } from './StatusBadges';
import { COMPLETE_ITEM, StepList } from './StepList';
import { StepPane, stepHeadingId } from './StepPane';
import { VisitsBreadcrumb } from './VisitsBreadcrumb';
import { useVisitTexts } from './use-visit-texts';
import { useRun, useRunMutations, type VisitRun } from './use-visits';
import { hrefOf } from './visits-route';
import { SavePdfAction } from '../../components/SavePdf';

const useStyles = makeStyles({
  header: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalM,
    marginBottom: tokens.spacingVerticalL,
    maxWidth: '1280px',
  },
  facts: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
  },
  fact: { display: 'inline-flex', gap: tokens.spacingHorizontalXS, alignItems: 'baseline' },
  /** Read by screen readers, not shown. */
  hidden: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clipPath: 'inset(50%)', whiteSpace: 'nowrap' },
  term: { color: tokens.colorNeutralForeground2 },
  value: { margin: 0, fontWeight: tokens.fontWeightSemibold },
  outcome: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    marginBottom: tokens.spacingVerticalL,
    maxWidth: '1280px',
  },
  actions: { display: 'flex', gap: tokens.spacingHorizontalM, flexWrap: 'wrap', alignItems: 'center' },
  panes: {
    display: 'grid',
    gridTemplateColumns: 'minmax(240px, 340px) minmax(0, 1fr)',
    gap: tokens.spacingHorizontalXXL,
    alignItems: 'start',
    maxWidth: '1280px',
  },
  right: {
    padding: tokens.spacingHorizontalL,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    minWidth: 0,
  },
  completeTitle: {
    margin: 0,
    outline: 'none',
    fontSize: tokens.fontSizeBase500,
    lineHeight: tokens.lineHeightBase500,
    fontWeight: tokens.fontWeightSemibold,
  },
  completeBody: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
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

/** What the right pane shows on arrival and after a step is closed: the current step, else the completion (or the first step of a closed run). */
function defaultItem(run: VisitRun): string {
  if (run.currentStepId) return run.currentStepId;
  return run.status === 'in-progress' ? COMPLETE_ITEM : (run.template.steps[0]?.id ?? COMPLETE_ITEM);
}

const headingOf = (item: string) => (item === COMPLETE_ITEM ? 'visit-complete-heading' : stepHeadingId(item));

function RunBody({ run }: { run: VisitRun }) {
  const styles = useStyles();
  const mutations = useRunMutations(run.id);
  const statuses = statusesOf(run);
  // The item the engineer opened from the list, while the steps stay as they were; then the current step again.
  const [chosen, setChosen] = useState<{ item: string; statuses: string } | null>(null);
  const selected = chosen && chosen.statuses === statuses ? chosen.item : defaultItem(run);
  const lastStatuses = useRef(statuses);
  const focusPending = useRef(false);

  useEffect(() => {
    if (lastStatuses.current === statuses) return;
    lastStatuses.current = statuses;
    // A step was closed: keyboard and screen-reader focus go to the next one, opened on the right.
    document.getElementById(headingOf(defaultItem(run)))?.focus();
  }, [statuses, run]);

  useEffect(() => {
    if (!focusPending.current) return;
    focusPending.current = false;
    document.getElementById(headingOf(selected))?.focus();
  }, [selected]);

  const open = (item: string) => {
    setChosen({ item, statuses });
    // Opening the item already shown only moves focus to it; another one is focused once shown.
    if (item === selected) document.getElementById(headingOf(item))?.focus();
    else focusPending.current = true;
  };

  return (
    <>
      <RunHeader run={run} mutations={mutations} />
      <RunOutcome run={run} />
      <div className={styles.panes}>
        <StepList run={run} selected={selected} onOpen={open} />
        <div id="visit-step-pane" className={styles.right}>
          {selected === COMPLETE_ITEM ? (
            <CompletePane run={run} mutations={mutations} />
          ) : (
            <StepPane run={run} stepId={selected} mutations={mutations} />
          )}
        </div>
      </div>
    </>
  );
}

/** The summary as one line — status, site, system, when started (and closed) — and abandoning while in progress. */
function RunHeader({ run, mutations }: { run: VisitRun; mutations: ReturnType<typeof useRunMutations> }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const texts = useVisitTexts();
  const [abandoning, setAbandoning] = useState(false);
  const { abandon } = mutations;
  // The procedure and reference are the page title; each step shows its own guideline items.
  const facts: Array<readonly [string, ReactNode, boolean?]> = [
    [t('visits.run.facts.status'), <RunStatusBadge key="status" status={run.status} />, true],
    [t('visits.run.facts.site'), run.siteName],
    [t('visits.run.facts.system'), run.systemName ?? t('visits.run.facts.noSystem')],
    [t('visits.run.facts.started'), texts.dateTime(run.startedAt)],
    ...(run.closedAt
      ? [
          [
            t(run.status === 'abandoned' ? 'visits.run.facts.abandoned' : 'visits.run.facts.completed'),
            texts.dateTime(run.closedAt),
          ] as const,
        ]
      : []),
  ];
  return (
    <section className={styles.header} aria-label={t('visits.run.summary')} data-testid="visit-summary">
      <dl className={styles.facts}>
        {facts.map(([term, value, termHidden]) => (
          <div key={term} className={styles.fact}>
            {/* The badge says what it is; its term is for screen readers. */}
            <dt className={termHidden ? styles.hidden : styles.term}>{term}</dt>
            <dd className={styles.value}>{value}</dd>
          </div>
        ))}
      </dl>
      {run.status === 'in-progress' && (
        <Button
          icon={<Dismiss20Regular />}
          onClick={() => {
            abandon.reset();
            setAbandoning(true);
          }}
        >
          {t('visits.abandon.open')}
        </Button>
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

/** A closed run's outcome at the top: completed with its report and 報告書を保存, or abandoned with the reason. */
function RunOutcome({ run }: { run: VisitRun }) {
  const styles = useStyles();
  const { t } = useTranslation();
  if (run.status === 'in-progress') return null;
  return (
    <div className={styles.outcome}>
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
          <SavePdfAction
            certificateId={run.reportId}
            number={run.reportNumber ?? ''}
            appearance="primary"
            label={t('visits.complete.savePdf')}
          />
          <Link href="#/certificates">{t('visits.complete.openCertificates')}</Link>
        </div>
      )}
      {run.status === 'abandoned' && (
        <MessageBar intent="warning" layout="multiline" role="status" data-testid="visit-abandoned">
          <MessageBarBody>
            <MessageBarTitle>{t('visits.abandon.done')}</MessageBarTitle>
            {t('visits.abandon.reasonShown', { reason: run.abandonReason ?? '' })}
          </MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}

/** The right pane once every required step is closed: what completing does, and the button that issues the report. */
function CompletePane({ run, mutations }: { run: VisitRun; mutations: ReturnType<typeof useRunMutations> }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const { complete } = mutations;
  if (run.status !== 'in-progress') return null;
  return (
    <section className={styles.completeBody} aria-labelledby="visit-complete-heading" data-testid="visit-complete">
      <h2 id="visit-complete-heading" tabIndex={-1} className={styles.completeTitle}>
        {t('visits.complete.title')}
      </h2>
      <Text id="visit-complete-explain">{t('visits.complete.ready')}</Text>
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
      </div>
    </section>
  );
}
