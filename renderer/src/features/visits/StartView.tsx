/**
 * Starting a procedure: which one (each with what it is for and the guideline items it
 * serves), at which site, on which of its systems — required for a visit and a
 * decommissioning. Without a site on record the view says so and leads to the Sites screen.
 * Started from a planned visit (issue 19), the plan's procedure, site and system are shown as
 * chosen and cannot change here, its day, purpose and data to carry are shown above them, and
 * the visit is started as that plan's. 開始 is in a bar at the form's top that stays in sight.
 */
import { useState, type SubmitEvent } from 'react';
import { Button, Link, MessageBar, MessageBarBody, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { Play20Regular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../components/ErrorState';
import { PageHeading } from '../../components/PageHeading';
import { StickyActionBar } from '../../components/StickyActionBar';
import { PlanSummary } from './PlanSummary';
import { VisitPlaceFields, useVisitPlace } from './VisitPlaceFields';
import { VisitsBreadcrumb } from './VisitsBreadcrumb';
import type { PlannedVisit } from './use-planned-visits';
import { useStartRun, type VisitTemplate } from './use-visits';
import { hrefOf, useVisitsRoute } from './visits-route';
import { VisitPlaceData } from './VisitPlaceData';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXL, maxWidth: '52em' },
});

export function StartView({ plannedVisitId }: { plannedVisitId: string | null }) {
  const { t } = useTranslation();
  return (
    <>
      <VisitsBreadcrumb
        crumbs={[
          { label: t('visits.title'), href: hrefOf({ view: 'list' }) },
          { label: t('visits.start.title'), href: null },
        ]}
      />
      <PageHeading>{t('visits.start.title')}</PageHeading>
      <VisitPlaceData planId={plannedVisitId}>
        {(choices) => <StartForm templates={choices.templates} sites={choices.sites} plan={choices.plan} />}
      </VisitPlaceData>
    </>
  );
}

function StartForm({
  templates,
  sites,
  plan,
}: {
  templates: readonly VisitTemplate[];
  sites: ReadonlyArray<{ id: string; name: string; department: string }>;
  plan: PlannedVisit | null;
}) {
  const styles = useStyles();
  const { t } = useTranslation();
  const { go } = useVisitsRoute();
  const start = useStartRun();
  const place = useVisitPlace(templates, sites, plan);
  const [checked, setChecked] = useState(false);
  const closed = plan !== null && plan.status !== 'planned';

  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    setChecked(true);
    if (place.problem) {
      document.getElementById(place.problem === 'site' ? 'visit-start-site' : 'visit-start-system')?.focus();
      return;
    }
    if (start.isPending || closed) return;
    start.mutate(
      {
        templateId: place.templateId,
        siteId: place.siteId,
        systemId: place.systemId === '' ? null : place.systemId,
        ...(plan ? { plannedVisitId: plan.id } : {}),
      },
      { onSuccess: (run) => go({ view: 'run', runId: run.id }, { replace: true }) },
    );
  };

  return (
    <form className={styles.form} onSubmit={submit} noValidate aria-label={t('visits.start.title')} data-testid="visit-start-form">
      {/* At the form's top and kept in sight: under a plan's summary 開始 was below a 1366×768 laptop's first viewport (issue 19). */}
      <StickyActionBar>
        {!closed && (
          <Button
            type="submit"
            appearance="primary"
            icon={start.isPending ? <Spinner size="tiny" /> : <Play20Regular />}
            disabledFocusable={start.isPending}
          >
            {start.isPending ? t('visits.start.starting') : t('visits.start.submit')}
          </Button>
        )}
        <Button onClick={() => go({ view: 'list' })}>{t('visits.start.cancel')}</Button>
      </StickyActionBar>
      {start.isError && <ErrorState error={start.error} />}
      {plan && <PlanSummary plan={plan} />}
      {plan && !closed && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            {t('visits.start.fixedByPlan')} <Link href={hrefOf({ view: 'plan', planId: plan.id })}>{t('visits.start.editPlan')}</Link>
          </MessageBarBody>
        </MessageBar>
      )}
      {closed && (
        <MessageBar intent="warning" layout="multiline" data-testid="visit-start-plan-closed">
          <MessageBarBody>{t('visits.start.planClosed')}</MessageBarBody>
        </MessageBar>
      )}
      <VisitPlaceFields templates={templates} sites={sites} place={place} checked={checked} idPrefix="visit-start" locked={plan !== null} />
    </form>
  );
}
