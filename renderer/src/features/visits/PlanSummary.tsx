/**
 * A planned visit as facts: its day, work-order number, purpose and the data the site allows to
 * carry away — shown where a visit starts from it, so the engineer reads what was agreed.
 */
import { Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { FactList } from '../../components/FactList';
import { formatCalendarDate } from '../../lib/calendar-date';
import { useVisitTexts } from './use-visit-texts';
import type { PlannedVisit } from './use-planned-visits';

const useStyles = makeStyles({
  box: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  heading: { margin: 0 },
});

export function PlanSummary({ plan }: { plan: PlannedVisit }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const texts = useVisitTexts();
  return (
    <section className={styles.box} aria-labelledby="plan-summary-heading" data-testid="plan-summary">
      <Subtitle2 as="h2" id="plan-summary-heading" className={styles.heading}>
        {t('visits.start.fromPlan')}
      </Subtitle2>
      <FactList
        facts={[
          [t('visits.plans.form.date'), formatCalendarDate(plan.date, texts.language)],
          ...(plan.workOrder === '' ? [] : [[t('visits.plans.form.workOrder'), plan.workOrder] as const]),
          [t('visits.plans.form.purpose'), plan.purpose],
          [t('visits.plans.form.dataToCarry'), plan.dataToCarry === '' ? '—' : plan.dataToCarry],
        ]}
      />
    </section>
  );
}
