/**
 * A planned visit's form (issue 19): a new plan or one to edit — procedure, site, system, day,
 * work-order number, purpose and the data the site allows to carry away. A plan still planned
 * can be started or cancelled (with a reason, kept with it); a started or cancelled one is a
 * record, shown as such and no longer editable. Its actions are in a bar at its top that stays
 * in sight while the form scrolls. Problems are said at the field at fault, and
 * focus goes to the first of them.
 */
import { useState, type SubmitEvent } from 'react';
import {
  Button,
  Field,
  Input,
  Link,
  MessageBar,
  MessageBarBody,
  Spinner,
  Text,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { CalendarCancel20Regular, Play20Regular, Save20Regular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../components/ErrorState';
import { PageHeading } from '../../components/PageHeading';
import { StickyActionBar } from '../../components/StickyActionBar';
import { addDays, formatCalendarDate, todayInJapan } from '../../lib/calendar-date';
import { ReasonDialog } from './ReasonDialog';
import { VisitPlaceFields, useVisitPlace } from './VisitPlaceFields';
import { VisitsBreadcrumb } from './VisitsBreadcrumb';
import { useVisitTexts } from './use-visit-texts';
import { useCancelPlannedVisit, useSavePlannedVisit, type PlannedVisit } from './use-planned-visits';
import type { VisitTemplate } from './use-visits';
import { hrefOf, useVisitsRoute } from './visits-route';
import { DateField } from '../../components/DateField';
import { VisitPlaceData } from './VisitPlaceData';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXL, maxWidth: '52em' },
  pair: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(18em, 1fr))', gap: tokens.spacingHorizontalL },
});

export function PlanView({ planId }: { planId: string | null }) {
  const { t } = useTranslation();
  const title = planId === null ? t('visits.plans.form.titleNew') : t('visits.plans.form.titleEdit');
  return (
    <>
      <VisitsBreadcrumb
        crumbs={[
          { label: t('visits.title'), href: hrefOf({ view: 'list' }) },
          { label: title, href: null },
        ]}
      />
      <PageHeading>{title}</PageHeading>
      <VisitPlaceData planId={planId}>
        {(choices) => <PlanForm templates={choices.templates} sites={choices.sites} plan={choices.plan} />}
      </VisitPlaceData>
    </>
  );
}

function PlanForm({
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
  const texts = useVisitTexts();
  const { go } = useVisitsRoute();
  const save = useSavePlannedVisit();
  const place = useVisitPlace(templates, sites, plan);
  const today = todayInJapan();
  const [date, setDate] = useState(plan?.date ?? addDays(today, 1));
  const [workOrder, setWorkOrder] = useState(plan?.workOrder ?? '');
  const [purpose, setPurpose] = useState(plan?.purpose ?? '');
  const [dataToCarry, setDataToCarry] = useState(plan?.dataToCarry ?? '');
  const [checked, setChecked] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  const editable = plan === null || plan.status === 'planned';
  // An overdue plan keeps its day while other fields are edited; a new day is never in the past (the main process says the same).
  const dateValid = /^\d{4}-\d{2}-\d{2}$/.test(date) && (date >= today || date === plan?.date);
  const problems = [
    ...(place.problem ? [`plan-${place.problem}`] : []),
    ...(dateValid ? [] : ['plan-date']),
    ...(purpose.trim() === '' ? ['plan-purpose'] : []),
  ];

  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    setChecked(true);
    const first = problems[0];
    if (first !== undefined) {
      document.getElementById(first)?.focus();
      return;
    }
    if (save.isPending || !editable) return;
    save.mutate(
      {
        ...(plan ? { id: plan.id } : {}),
        templateId: place.templateId,
        siteId: place.siteId,
        systemId: place.systemId === '' ? null : place.systemId,
        date,
        workOrder: workOrder.trim(),
        purpose: purpose.trim(),
        dataToCarry: dataToCarry.trim(),
      },
      { onSuccess: () => go({ view: 'list' }) },
    );
  };

  return (
    <form
      className={styles.form}
      onSubmit={submit}
      noValidate
      aria-label={t(plan ? 'visits.plans.form.titleEdit' : 'visits.plans.form.titleNew')}
      data-testid="plan-form"
    >
      {/* At the form's top and kept in sight: a 1366×768 laptop showed 保存 only after a scroll (issue 19). */}
      <StickyActionBar>
        {editable && (
          <Button
            type="submit"
            appearance="primary"
            icon={save.isPending ? <Spinner size="tiny" /> : <Save20Regular />}
            disabledFocusable={save.isPending}
          >
            {save.isPending ? t('visits.plans.form.saving') : t('visits.plans.form.save')}
          </Button>
        )}
        {plan?.status === 'planned' && (
          <Button as="a" href={hrefOf({ view: 'start', plannedVisitId: plan.id })} icon={<Play20Regular />}>
            {t('visits.plans.form.startFromPlan')}
          </Button>
        )}
        {plan?.status === 'planned' && (
          <Button icon={<CalendarCancel20Regular />} onClick={() => setCancelling(true)}>
            {t('visits.plans.form.cancelPlan')}
          </Button>
        )}
        <Button onClick={() => go({ view: 'list' })}>{t('visits.plans.form.back')}</Button>
      </StickyActionBar>
      {save.isError && <ErrorState error={save.error} />}
      {plan?.status === 'started' && (
        <MessageBar intent="info" layout="multiline" data-testid="plan-started">
          <MessageBarBody>
            {t('visits.plans.form.started', { reference: plan.runReference ?? '' })}{' '}
            {plan.runId && <Link href={hrefOf({ view: 'run', runId: plan.runId })}>{t('visits.plans.form.openRun')}</Link>}
          </MessageBarBody>
        </MessageBar>
      )}
      {plan?.status === 'cancelled' && (
        <MessageBar intent="warning" layout="multiline" data-testid="plan-cancelled">
          <MessageBarBody>{t('visits.plans.form.cancelled', { reason: plan.cancelReason ?? '' })}</MessageBarBody>
        </MessageBar>
      )}
      <VisitPlaceFields templates={templates} sites={sites} place={place} checked={checked} idPrefix="plan" locked={!editable} />
      <div className={styles.pair}>
        <Field
          label={t('visits.plans.form.date')}
          required
          hint={dateValid ? t('visits.plans.form.dateHint', { date: formatCalendarDate(date, texts.language) }) : undefined}
          validationState={checked && !dateValid ? 'error' : 'none'}
          validationMessage={checked && !dateValid ? t('visits.plans.form.dateProblem') : undefined}
        >
          <DateField id="plan-date" value={date} disabled={!editable} onChange={setDate} />
        </Field>
        <Field label={t('visits.plans.form.workOrder')} hint={t('visits.plans.form.workOrderHint')}>
          <Input value={workOrder} maxLength={100} autoComplete="off" readOnly={!editable} onChange={(_e, d) => setWorkOrder(d.value)} />
        </Field>
      </div>
      <Field
        label={t('visits.plans.form.purpose')}
        required
        hint={t('visits.plans.form.purposeHint')}
        validationState={checked && purpose.trim() === '' ? 'error' : 'none'}
        validationMessage={checked && purpose.trim() === '' ? t('visits.plans.form.purposeProblem') : undefined}
      >
        <Textarea
          id="plan-purpose"
          value={purpose}
          maxLength={500}
          rows={2}
          resize="vertical"
          readOnly={!editable}
          onChange={(_e, d) => setPurpose(d.value)}
        />
      </Field>
      <Field label={t('visits.plans.form.dataToCarry')} hint={t('visits.plans.form.dataToCarryHint')}>
        <Textarea
          value={dataToCarry}
          maxLength={1000}
          rows={3}
          resize="vertical"
          readOnly={!editable}
          onChange={(_e, d) => setDataToCarry(d.value)}
        />
      </Field>
      {cancelling && plan && <CancelPlanDialog plan={plan} onDone={() => setCancelling(false)} />}
    </form>
  );
}

function CancelPlanDialog({ plan, onDone }: { plan: PlannedVisit; onDone: () => void }) {
  const { t } = useTranslation();
  const cancel = useCancelPlannedVisit(plan.id);
  return (
    <ReasonDialog
      title={t('visits.plans.cancel.title')}
      reasonLabel={t('visits.plans.cancel.reason')}
      confirmLabel={t('visits.plans.cancel.confirm')}
      pendingLabel={t('visits.plans.cancel.pending')}
      destructive
      pending={cancel.isPending}
      error={cancel.error}
      onConfirm={(reason) => cancel.mutate(reason, { onSuccess: onDone })}
      onCancel={onDone}
      testId="plan-cancel-dialog"
    >
      <Text block>{t('visits.plans.cancel.body')}</Text>
    </ReasonDialog>
  );
}
