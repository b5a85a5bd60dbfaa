/**
 * The dashboard's first card, full width (issue 19): the next planned visit — day, site,
 * system, purpose, the data the site allows to carry away — with the button that starts it,
 * and below it what to check before leaving, each line with the one action that fixes it. The
 * lines that are not the visit's own (the self-check, visit data still held, certificates and
 * reports not yet issued) show also when no visit is planned: they are due before any trip.
 */
import { Badge, Button, Card, Link, Subtitle2, Text, makeStyles, tokens } from '@fluentui/react-components';
import { CalendarAdd20Regular, Play20Regular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import type { Language } from '@shared/locale';
import { formatCalendarDate } from '../../../lib/calendar-date';
import { hrefOf } from '../../visits/visits-route';
import { useNextVisit, type NextVisit } from '../../visits/use-planned-visits';
import { useVisitTexts } from '../../visits/use-visit-texts';
import { AccountsItem } from './AccountsItem';
import { ChecklistPending } from './ChecklistItem';
import { HeldDataItem } from './HeldDataItem';
import { MediaItem } from './MediaItem';
import { SelfCheckItem } from './SelfCheckItem';
import { UnissuedItem } from './UnissuedItem';

const useStyles = makeStyles({
  card: { gridColumn: '1 / -1', padding: tokens.spacingHorizontalXL, gap: tokens.spacingVerticalM },
  top: { display: 'flex', flexWrap: 'wrap', justifyContent: 'space-between', alignItems: 'flex-start', gap: tokens.spacingHorizontalL },
  visit: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, minWidth: 0, flex: '1 1 30em' },
  heading: { margin: 0 },
  when: { display: 'flex', alignItems: 'center', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  muted: { color: tokens.colorNeutralForeground2 },
  actions: { display: 'flex', flexDirection: 'column', alignItems: 'flex-end', gap: tokens.spacingVerticalS },
  links: { display: 'flex', gap: tokens.spacingHorizontalL, flexWrap: 'wrap' },
  list: { listStyle: 'none', margin: 0, padding: 0 },
});

export function NextVisitChecklist() {
  const styles = useStyles();
  const { t } = useTranslation();
  const next = useNextVisit();
  return (
    <Card className={styles.card} aria-labelledby="dashboard-next-visit-title" data-testid="dashboard-next-visit">
      {next.isSuccess && next.data.visit ? (
        <VisitHeader next={next.data} visit={next.data.visit} />
      ) : (
        <div className={styles.top}>
          <div className={styles.visit}>
            <Subtitle2 as="h2" id="dashboard-next-visit-title" className={styles.heading}>
              {next.isSuccess ? t('dashboard.next.noneTitle') : t('dashboard.next.title')}
            </Subtitle2>
            {next.isSuccess && <Text className={styles.muted}>{t('dashboard.next.noneBody')}</Text>}
          </div>
          {next.isSuccess && (
            <Button as="a" href={hrefOf({ view: 'plan', planId: null })} appearance="primary" icon={<CalendarAdd20Regular />}>
              {t('dashboard.next.create')}
            </Button>
          )}
        </div>
      )}
      <Text as="h3" weight="semibold" id="dashboard-next-visit-checklist" className={styles.heading}>
        {t('dashboard.next.checklist')}
      </Text>
      <ul className={styles.list} aria-labelledby="dashboard-next-visit-checklist" data-testid="next-visit-checklist">
        <SelfCheckItem />
        {!next.isSuccess && <ChecklistPending testId="next-visit-plan" query={next} />}
        {next.data?.visit && <MediaItem media={next.data.media} carriesData={next.data.visit.dataToCarry !== ''} />}
        {next.data?.visit && <AccountsItem siteId={next.data.visit.siteId} accounts={next.data.accounts} />}
        <HeldDataItem />
        <UnissuedItem />
      </ul>
    </Card>
  );
}

function VisitHeader({ next, visit }: { next: NextVisit; visit: NonNullable<NextVisit['visit']> }) {
  const styles = useStyles();
  const { t, i18n } = useTranslation();
  const texts = useVisitTexts();
  const language: Language = i18n.language === 'en' ? 'en' : 'ja';
  const site = visit.department ? `${visit.siteName}（${visit.department}）` : visit.siteName;
  return (
    <div className={styles.top} data-planned-visit-id={visit.id}>
      <div className={styles.visit}>
        <Text className={styles.muted}>{t('dashboard.next.title')}</Text>
        <div className={styles.when}>
          <Subtitle2 as="h2" id="dashboard-next-visit-title" className={styles.heading}>
            {t('dashboard.next.when', { date: formatCalendarDate(visit.date, language), site })}
          </Subtitle2>
          {visit.date === next.today && (
            <Badge appearance="tint" color="brand" shape="rounded">
              {t('dashboard.next.today')}
            </Badge>
          )}
          {visit.date < next.today && (
            <Badge appearance="tint" color="warning" shape="rounded" data-testid="next-visit-overdue">
              {t('dashboard.next.overdue')}
            </Badge>
          )}
        </div>
        <Text>{texts.templateTitle(visit.templateId)}</Text>
        {visit.systemName && <Text>{t('dashboard.next.system', { system: visit.systemName })}</Text>}
        <Text>{t('dashboard.next.purpose', { purpose: visit.purpose })}</Text>
        {visit.dataToCarry !== '' && <Text className={styles.muted}>{t('dashboard.next.dataToCarry', { data: visit.dataToCarry })}</Text>}
      </div>
      <div className={styles.actions}>
        <Button
          as="a"
          href={hrefOf({ view: 'start', plannedVisitId: visit.id })}
          appearance="primary"
          icon={<Play20Regular />}
          data-testid="next-visit-start"
        >
          {t('dashboard.next.start')}
        </Button>
        <div className={styles.links}>
          <Link href={hrefOf({ view: 'plan', planId: visit.id })}>{t('dashboard.next.editPlan')}</Link>
          <Link href={hrefOf({ view: 'list' })}>{t('dashboard.next.openPlans')}</Link>
        </div>
        {next.laterCount > 0 && (
          <Text size={200} className={styles.muted}>
            {t('dashboard.next.later', { count: next.laterCount })}
          </Text>
        )}
      </div>
    </div>
  );
}
