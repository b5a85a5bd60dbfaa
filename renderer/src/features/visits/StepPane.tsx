/**
 * The right pane of a visit run: the step chosen in the list (the current one on arrival) with
 * its number and title, kind, required or optional, guideline items and status (icon and word)
 * — then its panel: the form or check while it is open, what was recorded (and by whom, when)
 * once closed. The heading takes focus when the step is opened from the list or becomes current.
 */
import { Badge, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { StepStatusBadge } from './StatusBadges';
import { StepPanel } from './StepPanel';
import { useVisitTexts } from './use-visit-texts';
import type { VisitRun, useRunMutations } from './use-visits';

const useStyles = makeStyles({
  pane: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  title: {
    margin: 0,
    outline: 'none',
    fontSize: tokens.fontSizeBase500,
    lineHeight: tokens.lineHeightBase500,
    fontWeight: tokens.fontWeightSemibold,
  },
  meta: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center', color: tokens.colorNeutralForeground2 },
});

/** The id of a step's heading in the right pane: what focus moves to. */
export const stepHeadingId = (stepId: string) => `visit-step-title-${stepId}`;

export function StepPane({ run, stepId, mutations }: { run: VisitRun; stepId: string; mutations: ReturnType<typeof useRunMutations> }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const texts = useVisitTexts();
  const index = run.template.steps.findIndex((s) => s.id === stepId);
  const step = run.template.steps[index];
  const state = run.steps.find((s) => s.stepId === stepId);
  if (!step || !state) return null;
  const isCurrent = run.currentStepId === step.id;
  const optionalNow = state.status === 'open' && !step.required && !isCurrent;

  return (
    <section className={styles.pane} aria-labelledby={stepHeadingId(step.id)} data-testid="visit-step-panel" data-step-id={step.id}>
      <h2 id={stepHeadingId(step.id)} className={styles.title} tabIndex={-1}>
        {t('visits.step.number', { n: index + 1 })} {texts.stepTitle(run.templateId, step.id)}
      </h2>
      <div className={styles.meta}>
        <StepStatusBadge status={state.status} locked={false} lockedLabel={t('visits.step.locked')} />
        <Badge appearance="outline" shape="rounded" color="brand">
          {texts.kindName(step.kind)}
        </Badge>
        <Badge appearance="outline" shape="rounded" color={step.required ? 'important' : 'informative'}>
          {t(step.required ? 'visits.step.required' : 'visits.step.optional')}
        </Badge>
        <Text size={200}>{t('visits.step.items', { items: texts.items(step.items) })}</Text>
      </div>
      {optionalNow && <Text>{t('visits.step.optionalAvailable')}</Text>}
      <StepPanel key={`${step.id}-${state.status}`} run={run} step={step} state={state} mutations={mutations} />
    </section>
  );
}
