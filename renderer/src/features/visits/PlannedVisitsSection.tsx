/**
 * The plans on the Visits screen (issue 19): every visit still planned, by day — overdue ones
 * marked in words — each with its edit link and the button that starts the visit from it.
 * Loading, empty and failed states are each said; the table's action buttons name their plan
 * for screen readers.
 */
import {
  Badge,
  Button,
  Link,
  Subtitle1,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { CalendarAdd20Regular, Play16Regular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import { QueryView } from '../../components/QueryView';
import { formatCalendarDate, todayInJapan } from '../../lib/calendar-date';
import { useVisitTexts } from './use-visit-texts';
import { usePlannedVisits } from './use-planned-visits';
import { hrefOf, useVisitsRoute } from './visits-route';
import { strictLineBreaking } from '../../components/table-cells';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, marginBottom: tokens.spacingVerticalXXL },
  heading: { margin: 0 },
  intro: { maxWidth: '60em' },
  wrap: { overflowX: 'auto' },
  cell: { ...strictLineBreaking, paddingBlock: tokens.spacingVerticalS },
  date: { width: '9.5em', whiteSpace: 'nowrap' },
  procedure: { width: '11em' },
  actions: { width: '11em' },
  dateCell: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: tokens.spacingVerticalXXS },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center' },
});

export function PlannedVisitsSection() {
  const styles = useStyles();
  const { t } = useTranslation();
  const texts = useVisitTexts();
  const { go } = useVisitsRoute();
  const plans = usePlannedVisits('planned');
  const today = todayInJapan();
  return (
    <section className={styles.section} aria-labelledby="visits-plans-heading" data-testid="planned-visits">
      <Subtitle1 as="h2" id="visits-plans-heading" className={styles.heading}>
        {t('visits.plans.title')}
      </Subtitle1>
      <Text className={styles.intro}>{t('visits.plans.intro')}</Text>
      <div>
        <Button icon={<CalendarAdd20Regular />} onClick={() => go({ view: 'plan', planId: null })}>
          {t('visits.plans.create')}
        </Button>
      </div>
      <QueryView query={plans} loadingLabelKey="visits.plans.loading">
        {({ visits }) =>
          visits.length === 0 ? (
            <Text role="status" data-testid="planned-visits-empty">
              {t('visits.plans.none')}
            </Text>
          ) : (
            <div className={styles.wrap}>
              <Table size="small" aria-labelledby="visits-plans-heading" style={{ minWidth: '880px' }}>
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell className={styles.date}>{t('visits.plans.columns.date')}</TableHeaderCell>
                    <TableHeaderCell>{t('visits.plans.columns.site')}</TableHeaderCell>
                    <TableHeaderCell>{t('visits.plans.columns.system')}</TableHeaderCell>
                    <TableHeaderCell className={styles.procedure}>{t('visits.plans.columns.procedure')}</TableHeaderCell>
                    <TableHeaderCell>{t('visits.plans.columns.purpose')}</TableHeaderCell>
                    <TableHeaderCell className={styles.actions}>{t('visits.plans.columns.actions')}</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {visits.map((plan) => {
                    const date = formatCalendarDate(plan.date, texts.language);
                    const site = plan.department ? `${plan.siteName}（${plan.department}）` : plan.siteName;
                    return (
                      <TableRow key={plan.id} data-planned-visit-id={plan.id}>
                        <TableCell className={styles.cell}>
                          <span className={styles.dateCell}>
                            <Text className={styles.date}>{date}</Text>
                            {plan.date < today && (
                              <Badge appearance="tint" color="warning" shape="rounded">
                                {t('visits.plans.overdue')}
                              </Badge>
                            )}
                          </span>
                        </TableCell>
                        <TableCell className={styles.cell}>{site}</TableCell>
                        <TableCell className={styles.cell}>{plan.systemName ?? '—'}</TableCell>
                        <TableCell className={styles.cell}>{texts.templateTitle(plan.templateId)}</TableCell>
                        <TableCell className={styles.cell}>{plan.purpose}</TableCell>
                        <TableCell className={styles.cell}>
                          <span className={styles.row}>
                            <Button
                              as="a"
                              size="small"
                              appearance="primary"
                              icon={<Play16Regular />}
                              href={hrefOf({ view: 'start', plannedVisitId: plan.id })}
                              aria-label={t('visits.plans.startLabel', { date, site: plan.siteName })}
                            >
                              {t('visits.plans.start')}
                            </Button>
                            <Link
                              href={hrefOf({ view: 'plan', planId: plan.id })}
                              aria-label={t('visits.plans.editLabel', { date, site: plan.siteName })}
                            >
                              {t('visits.plans.edit')}
                            </Link>
                          </span>
                        </TableCell>
                      </TableRow>
                    );
                  })}
                </TableBody>
              </Table>
            </div>
          )
        }
      </QueryView>
    </section>
  );
}
