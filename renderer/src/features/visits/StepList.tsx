/**
 * The run's steps in the template's order, as a stepper: each with its number, title, kind,
 * guideline items, required or optional, status (icon and word), and when and by whom it was
 * closed. A step can be worked on once every required step before it is closed; the steps
 * after the current one are shown but locked, saying which step they wait for. The current
 * step is open; the engineer may open others beside it (a closed step shows what was recorded).
 */
import { Badge, Button, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { ChevronDown20Regular, ChevronRight20Regular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import { StepStatusBadge } from './StatusBadges';
import { StepPanel } from './StepPanel';
import { useVisitTexts } from './use-visit-texts';
import type { VisitRun, useRunMutations } from './use-visits';

const useStyles = makeStyles({
  list: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    maxWidth: '1040px',
  },
  item: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  current: { border: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}` },
  locked: { backgroundColor: tokens.colorNeutralBackground2 },
  header: {
    display: 'grid',
    gridTemplateColumns: 'auto 1fr auto',
    gap: tokens.spacingHorizontalM,
    alignItems: 'start',
    padding: tokens.spacingHorizontalM,
  },
  number: {
    display: 'inline-flex',
    alignItems: 'center',
    justifyContent: 'center',
    width: '28px',
    height: '28px',
    borderRadius: tokens.borderRadiusCircular,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    fontVariantNumeric: 'tabular-nums',
    fontWeight: tokens.fontWeightSemibold,
  },
  main: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, minWidth: 0 },
  title: {
    margin: 0,
    outline: 'none',
    fontSize: tokens.fontSizeBase400,
    lineHeight: tokens.lineHeightBase400,
    fontWeight: tokens.fontWeightSemibold,
  },
  meta: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center', color: tokens.colorNeutralForeground2 },
  muted: { color: tokens.colorNeutralForeground2 },
  /** Read by screen readers, not shown: the circle shows the number. */
  hidden: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clipPath: 'inset(50%)', whiteSpace: 'nowrap' },
  side: { display: 'flex', flexDirection: 'column', alignItems: 'flex-end', gap: tokens.spacingVerticalS },
  panel: { padding: `0 ${tokens.spacingHorizontalL} ${tokens.spacingVerticalL} calc(28px + ${tokens.spacingHorizontalM} * 2)` },
});

export interface StepListProps {
  readonly run: VisitRun;
  /** The steps shown open. */
  readonly openStepIds: readonly string[];
  readonly onToggle: (stepId: string) => void;
  readonly mutations: ReturnType<typeof useRunMutations>;
}

export function StepList({ run, openStepIds, onToggle, mutations }: StepListProps) {
  const styles = useStyles();
  const { t } = useTranslation();
  const texts = useVisitTexts();
  const inProgress = run.status === 'in-progress';
  const steps = run.template.steps;

  return (
    <ol className={styles.list} aria-label={t('visits.run.stepsLabel')} data-testid="visit-steps">
      {steps.map((step, index) => {
        const state = run.steps.find((s) => s.stepId === step.id);
        if (!state) return null;
        // The first required step before this one that is still open: what this one waits for.
        const blockerIndex = steps
          .slice(0, index)
          .findIndex((s) => s.required && run.steps.find((x) => x.stepId === s.id)?.status === 'open');
        const blocker = blockerIndex >= 0 ? steps[blockerIndex] : undefined;
        const locked = state.status === 'open' && (!inProgress || blocker !== undefined);
        const isCurrent = run.currentStepId === step.id;
        const open = openStepIds.includes(step.id) && !locked;
        const title = texts.stepTitle(run.templateId, step.id);
        const panelId = `visit-step-panel-${step.id}`;
        const headingId = `visit-step-title-${step.id}`;
        return (
          <li
            key={step.id}
            className={mergeClasses(styles.item, isCurrent && styles.current, locked && styles.locked)}
            data-step-id={step.id}
            data-status={locked ? 'locked' : state.status}
            aria-current={isCurrent ? 'step' : undefined}
            aria-labelledby={headingId}
          >
            <div className={styles.header}>
              <span className={styles.number} aria-hidden>
                {index + 1}
              </span>
              <div className={styles.main}>
                <h3 id={headingId} className={styles.title} tabIndex={-1}>
                  <span className={styles.hidden}>{t('visits.step.number', { n: index + 1 })} </span>
                  {title}
                </h3>
                <div className={styles.meta}>
                  <Badge appearance="outline" shape="rounded" color="brand">
                    {texts.kindName(step.kind)}
                  </Badge>
                  <Badge appearance="outline" shape="rounded" color={step.required ? 'important' : 'informative'}>
                    {t(step.required ? 'visits.step.required' : 'visits.step.optional')}
                  </Badge>
                  <Text size={200}>{t('visits.step.items', { items: texts.items(step.items) })}</Text>
                  {isCurrent && (
                    <Text size={200} weight="semibold">
                      {t('visits.step.current')}
                    </Text>
                  )}
                </div>
                {state.closedAt && (
                  <Text size={200} className={styles.muted}>
                    {t('visits.step.closedBy', { time: texts.dateTime(state.closedAt), who: state.closedBy ?? '' })}
                  </Text>
                )}
                {locked && inProgress && blocker && (
                  <Text size={200} data-testid="visit-step-locked">
                    {t('visits.step.lockedBecause', { n: blockerIndex + 1, title: texts.stepTitle(run.templateId, blocker.id) })}
                  </Text>
                )}
                {!locked && state.status === 'open' && !step.required && inProgress && !open && (
                  <Text size={200}>{t('visits.step.optionalAvailable')}</Text>
                )}
              </div>
              <div className={styles.side}>
                <StepStatusBadge status={state.status} locked={locked && inProgress} lockedLabel={t('visits.step.locked')} />
                {!locked && (
                  <Button
                    size="small"
                    appearance={open ? 'subtle' : state.status === 'open' ? 'primary' : 'secondary'}
                    icon={open ? <ChevronDown20Regular /> : <ChevronRight20Regular />}
                    aria-expanded={open}
                    aria-controls={open ? panelId : undefined}
                    aria-label={t(
                      open ? 'visits.step.closeLabel' : state.status === 'open' ? 'visits.step.doLabel' : 'visits.step.showLabel',
                      { title },
                    )}
                    onClick={() => onToggle(step.id)}
                  >
                    {t(open ? 'visits.step.close' : state.status === 'open' ? 'visits.step.do' : 'visits.step.show')}
                  </Button>
                )}
              </div>
            </div>
            {open && (
              <div id={panelId} className={styles.panel} role="region" aria-labelledby={headingId} data-testid="visit-step-panel">
                <StepPanel key={`${step.id}-${state.status}`} run={run} step={step} state={state} mutations={mutations} />
              </div>
            )}
          </li>
        );
      })}
    </ol>
  );
}
