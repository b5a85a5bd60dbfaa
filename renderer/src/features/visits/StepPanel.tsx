/**
 * The open step's panel by its kind — *confirm* (its text, a confirming checkbox and Done),
 * *record*, *evidence* and *signature* (the form), *automatic* (the check) — with "not
 * applicable" where the template allows it; or, for a closed step, what was recorded.
 */
import { useState } from 'react';
import { Button, Checkbox, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { Checkmark20Regular, SubtractCircle20Regular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../components/ErrorState';
import { AutomaticPanel } from './AutomaticPanel';
import { ReasonDialog } from './ReasonDialog';
import { StepForm } from './StepForm';
import { StepRecordView } from './StepRecordView';
import { useVisitTexts } from './use-visit-texts';
import type { VisitRun, StepState, StepTemplate, useRunMutations } from './use-visits';

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  help: { display: 'block', maxWidth: '56em' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalM, flexWrap: 'wrap', alignItems: 'center' },
  notApplicable: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    alignItems: 'flex-start',
    paddingTop: tokens.spacingVerticalM,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
});

export interface StepPanelProps {
  readonly run: VisitRun;
  readonly step: StepTemplate;
  readonly state: StepState;
  readonly mutations: ReturnType<typeof useRunMutations>;
}

export function StepPanel({ run, step, state, mutations }: StepPanelProps) {
  const styles = useStyles();
  const { t } = useTranslation();
  const texts = useVisitTexts();
  const [notApplicable, setNotApplicable] = useState(false);
  const markNotApplicable = mutations.markNotApplicable;
  const title = texts.stepTitle(run.templateId, step.id);

  if (state.status !== 'open') return <StepRecordView run={run} step={step} state={state} />;

  return (
    <div className={styles.panel}>
      {step.kind !== 'confirm' && <Text className={styles.help}>{texts.stepHelp(run.templateId, step.id)}</Text>}
      {step.kind === 'confirm' && <ConfirmPanel run={run} step={step} mutations={mutations} />}
      {(step.kind === 'record' || step.kind === 'evidence' || step.kind === 'signature') && (
        <StepForm run={run} step={step} mutations={mutations} />
      )}
      {step.kind === 'automatic' && <AutomaticPanel run={run} step={step} state={state} mutations={mutations} />}
      {step.notApplicable && (
        <div className={styles.notApplicable}>
          <Text size={200}>{t('visits.notApplicable.hint')}</Text>
          <Button
            icon={<SubtractCircle20Regular />}
            onClick={() => {
              markNotApplicable.reset();
              setNotApplicable(true);
            }}
          >
            {t('visits.notApplicable.open')}
          </Button>
        </div>
      )}
      {notApplicable && (
        <ReasonDialog
          title={t('visits.notApplicable.title', { title })}
          reasonLabel={t('visits.notApplicable.reason')}
          confirmLabel={t('visits.notApplicable.confirm')}
          pendingLabel={t('visits.notApplicable.pending')}
          pending={markNotApplicable.isPending}
          error={markNotApplicable.error}
          onConfirm={(reason) => markNotApplicable.mutate({ stepId: step.id, reason }, { onSuccess: () => setNotApplicable(false) })}
          onCancel={() => setNotApplicable(false)}
          testId="visit-not-applicable-dialog"
        >
          <Text block>{t('visits.notApplicable.body')}</Text>
        </ReasonDialog>
      )}
    </div>
  );
}

function ConfirmPanel({ run, step, mutations }: { run: VisitRun; step: StepTemplate; mutations: ReturnType<typeof useRunMutations> }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const texts = useVisitTexts();
  const [confirmed, setConfirmed] = useState(false);
  const complete = mutations.completeStep;
  return (
    <div className={styles.panel}>
      <Checkbox
        checked={confirmed}
        onChange={(_e, d) => setConfirmed(d.checked === true)}
        label={texts.stepHelp(run.templateId, step.id)}
      />
      {complete.isError && complete.variables.stepId === step.id && <ErrorState error={complete.error} />}
      <div className={styles.actions}>
        <Button
          appearance="primary"
          icon={complete.isPending ? <Spinner size="tiny" /> : <Checkmark20Regular />}
          disabled={!confirmed}
          disabledFocusable={complete.isPending}
          onClick={() => complete.mutate({ stepId: step.id })}
        >
          {complete.isPending ? t('visits.step.saving') : t('visits.step.submitConfirm')}
        </Button>
        {!confirmed && <Text size={200}>{t('visits.step.confirmFirst')}</Text>}
      </div>
    </div>
  );
}
