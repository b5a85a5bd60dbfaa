/**
 * An automatic step: FieldGuard checks the real state itself. The Check button runs it; the
 * finding is shown with what to do when it does not pass — run the self-check (or go ahead
 * with a reason that is printed in the report), change a vendor-default password, issue a
 * sanitization report, or erase the visit's data or the system's data locations on the
 * Erasure screen with a certificate — then check again.
 */
import { useState } from 'react';
import { Button, Link, MessageBar, MessageBarBody, MessageBarTitle, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowSync20Regular, Warning20Regular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../components/ErrorState';
import { hrefOf as sitesHrefOf } from '../sites/sites-route';
import { ReasonDialog } from './ReasonDialog';
import { useVisitTexts } from './use-visit-texts';
import type { VisitRun, StepState, StepTemplate, useRunMutations } from './use-visits';
import { strictLineBreaking } from '../../components/table-cells';

const useStyles = makeStyles({
  area: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '56em' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalM, flexWrap: 'wrap', alignItems: 'center' },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalXL, ...strictLineBreaking },
});

export interface AutomaticPanelProps {
  readonly run: VisitRun;
  readonly step: StepTemplate;
  readonly state: StepState;
  readonly mutations: ReturnType<typeof useRunMutations>;
}

export function AutomaticPanel({ run, step, state, mutations }: AutomaticPanelProps) {
  const styles = useStyles();
  const { t } = useTranslation();
  const texts = useVisitTexts();
  const [overriding, setOverriding] = useState(false);
  const check = mutations.runCheck;
  const override = mutations.overrideReadiness;
  const outcome = state.check;
  const failed = outcome !== null && !outcome.passed;
  const missing = outcome?.facts.missing;

  return (
    <div className={styles.area}>
      <div className={styles.actions}>
        <Button
          appearance="primary"
          icon={check.isPending ? <Spinner size="tiny" /> : <ArrowSync20Regular />}
          disabledFocusable={check.isPending}
          onClick={() => check.mutate(step.id)}
        >
          {check.isPending ? t('visits.check.running') : t(outcome ? 'visits.check.again' : 'visits.check.run')}
        </Button>
      </div>
      {check.isError && check.variables === step.id && <ErrorState error={check.error} />}
      {failed && (
        <MessageBar intent="warning" layout="multiline" role="status" data-testid="visit-check-finding" data-passed="false">
          <MessageBarBody>
            <MessageBarTitle>{t('visits.check.notPassed')}</MessageBarTitle>
            {texts.checkFinding(outcome)}
            <Text block size={200}>
              {t('visits.check.checkedAt', { time: texts.dateTime(outcome.checkedAt) })}
            </Text>
          </MessageBarBody>
        </MessageBar>
      )}
      {failed && step.check === 'dataLocationsErased' && Array.isArray(missing) && missing.length > 0 && (
        <section aria-labelledby={`visit-missing-${step.id}`}>
          <Text as="h4" style={{ margin: 0 }} id={`visit-missing-${step.id}`} weight="semibold">
            {t('visits.check.missingLocations')}
          </Text>
          <ul className={styles.list} data-testid="visit-missing-locations">
            {missing.map((location) => (
              <li key={location}>{location}</li>
            ))}
          </ul>
        </section>
      )}
      {failed && (
        <div className={styles.actions}>
          {step.check === 'readiness' && (
            <>
              <Link href="#/self-check">{t('visits.check.openSelfCheck')}</Link>
              <Button
                icon={<Warning20Regular />}
                onClick={() => {
                  override.reset();
                  setOverriding(true);
                }}
              >
                {t('visits.override.open')}
              </Button>
            </>
          )}
          {step.check === 'defaultPasswords' && run.systemId && (
            <Link href={sitesHrefOf({ view: 'system', siteId: run.siteId, systemId: run.systemId })}>{t('visits.check.openAccounts')}</Link>
          )}
          {step.check === 'sanitizationReport' && (
            <Link href={`#/sanitize?${new URLSearchParams({ visit: run.id }).toString()}`}>{t('visits.check.openSanitize')}</Link>
          )}
          {step.check === 'visitDataErased' && (
            <Link href={`#/erasure?${new URLSearchParams({ collection: run.reference, visit: run.id }).toString()}`}>
              {t('visits.check.openErasureForVisit', { collection: run.reference })}
            </Link>
          )}
          {step.check === 'dataLocationsErased' && (
            <Link href={`#/erasure?${new URLSearchParams({ visit: run.id }).toString()}`}>{t('visits.check.openErasure')}</Link>
          )}
        </div>
      )}
      {failed && <Text size={200}>{t('visits.check.thenAgain')}</Text>}
      {overriding && (
        <ReasonDialog
          title={t('visits.override.title')}
          reasonLabel={t('visits.override.reason')}
          confirmLabel={t('visits.override.confirm')}
          pendingLabel={t('visits.override.pending')}
          destructive
          pending={override.isPending}
          error={override.error}
          onConfirm={(reason) => override.mutate({ stepId: step.id, reason }, { onSuccess: () => setOverriding(false) })}
          onCancel={() => setOverriding(false)}
          testId="visit-override-dialog"
        >
          <Text block>{t('visits.override.body')}</Text>
        </ReasonDialog>
      )}
    </div>
  );
}
