/**
 * The Visits screen's first view: what a procedure is, the button to start one, the planned
 * visits (issue 19), the runs in progress, and below them those completed or abandoned.
 */
import { Button, Subtitle1, Text, makeStyles, tokens } from '@fluentui/react-components';
import { Add20Regular, ClipboardTaskListLtr24Regular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import { EmptyState, EmptyStateText } from '../../components/EmptyState';
import { PageHeading } from '../../components/PageHeading';
import { QueryView } from '../../components/QueryView';
import { PlannedVisitsSection } from './PlannedVisitsSection';
import { RunsTable } from './RunsTable';
import { useRuns } from './use-visits';
import { useVisitsRoute } from './visits-route';

const useStyles = makeStyles({
  intro: { display: 'block', maxWidth: '60em', marginBottom: tokens.spacingVerticalL },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, marginBottom: tokens.spacingVerticalXXL },
  heading: { margin: 0 },
});

export function VisitListView() {
  const styles = useStyles();
  const { t } = useTranslation();
  const { go } = useVisitsRoute();
  const runs = useRuns();

  return (
    <>
      <PageHeading>{t('visits.title')}</PageHeading>
      <Text className={styles.intro}>{t('visits.list.intro')}</Text>
      <div className={styles.section}>
        <div>
          <Button appearance="primary" icon={<Add20Regular />} onClick={() => go({ view: 'start' })}>
            {t('visits.list.start')}
          </Button>
        </div>
      </div>
      <PlannedVisitsSection />
      <QueryView query={runs} loadingLabelKey="visits.list.loading">
        {({ runs: list }) => {
          if (list.length === 0) {
            return (
              <EmptyState icon={ClipboardTaskListLtr24Regular} title={t('visits.empty.title')} headingLevel="h2" testId="visits-empty">
                <EmptyStateText>{t('visits.empty.body')}</EmptyStateText>
              </EmptyState>
            );
          }
          const inProgress = list.filter((run) => run.status === 'in-progress');
          const closed = list.filter((run) => run.status !== 'in-progress');
          return (
            <>
              <section className={styles.section} aria-labelledby="visits-in-progress-heading">
                <Subtitle1 as="h2" id="visits-in-progress-heading" className={styles.heading}>
                  {t('visits.list.inProgress')}
                </Subtitle1>
                {inProgress.length === 0 ? (
                  <Text role="status">{t('visits.list.noneInProgress')}</Text>
                ) : (
                  <RunsTable runs={inProgress} labelledBy="visits-in-progress-heading" testId="visits-in-progress" />
                )}
              </section>
              <section className={styles.section} aria-labelledby="visits-closed-heading">
                <Subtitle1 as="h2" id="visits-closed-heading" className={styles.heading}>
                  {t('visits.list.closed')}
                </Subtitle1>
                {closed.length === 0 ? (
                  <Text role="status">{t('visits.list.noneClosed')}</Text>
                ) : (
                  <RunsTable runs={closed} labelledBy="visits-closed-heading" testId="visits-closed" />
                )}
              </section>
            </>
          );
        }}
      </QueryView>
    </>
  );
}
