/**
 * Visits at a glance (10-1, 7-3): runs in progress, each a link to its steps, and visit data
 * still held in the vault per visit folder — items, size and days since import, in red with
 * an icon and words once past the configured number of days — with the way to the Erasure
 * screen. A failure to read it is shown, never taken for "all well".
 */
import { Badge, Card, CardHeader, Link, Text, makeStyles, tokens, Subtitle2 } from '@fluentui/react-components';
import { CheckmarkCircle16Filled, Clock16Regular, Warning16Filled } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import { formatBytes } from '@shared/format-bytes';
import { ErrorState } from '../../components/ErrorState';
import { useVisitTexts } from '../visits/use-visit-texts';
import { useAttention } from '../visits/use-visits';
import { hrefOf } from '../visits/visits-route';

const useStyles = makeStyles({
  body: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  item: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: tokens.spacingVerticalXXS },
  subheading: { margin: 0 },
  overdue: { color: tokens.colorPaletteRedForeground1 },
  muted: { color: tokens.colorNeutralForeground3 },
});

export function VisitsCard() {
  const styles = useStyles();
  const { t } = useTranslation();
  const texts = useVisitTexts();
  const attention = useAttention();
  if (attention.isPending) return null;
  const data = attention.data;
  const allWell = data && data.inProgress.length === 0 && data.heldData.length === 0;

  return (
    <Card aria-labelledby="dashboard-visits-title" data-testid="dashboard-visits">
      <CardHeader
        header={
          <Subtitle2 as="h2" id="dashboard-visits-title">
            {t('visits.card.title')}
          </Subtitle2>
        }
      />
      <div className={styles.body}>
        {attention.isError && <ErrorState error={attention.error} onRetry={() => void attention.refetch()} />}
        {data && data.inProgress.length > 0 && (
          <section aria-labelledby="dashboard-visits-progress" className={styles.item}>
            <Text as="h3" id="dashboard-visits-progress" weight="semibold" size={300} className={styles.subheading}>
              {t('visits.card.inProgress', { count: data.inProgress.length })}
            </Text>
            <ul className={styles.list} data-testid="dashboard-visits-in-progress">
              {data.inProgress.map((run) => (
                <li key={run.id} className={styles.item}>
                  <Link href={hrefOf({ view: 'run', runId: run.id })}>
                    {t('visits.card.run', { reference: run.reference, title: texts.templateTitle(run.templateId) })}
                  </Link>
                  <Text size={200} className={styles.muted}>
                    {t('visits.card.runDetail', { site: run.siteName, done: run.stepsDone, total: run.stepsTotal })}
                  </Text>
                </li>
              ))}
            </ul>
          </section>
        )}
        {data && data.heldData.length > 0 && (
          <section aria-labelledby="dashboard-visits-held" className={styles.item}>
            <Text as="h3" id="dashboard-visits-held" weight="semibold" size={300} className={styles.subheading}>
              {t('visits.card.held')}
            </Text>
            <ul className={styles.list} data-testid="dashboard-visits-held">
              {data.heldData.map((held) => (
                <li key={held.collection} className={styles.item} data-collection={held.collection} data-overdue={held.overdue}>
                  {held.overdue ? (
                    <Badge appearance="filled" color="danger" shape="rounded" size="large" icon={<Warning16Filled />}>
                      {t('visits.card.overdue', { collection: held.collection })}
                    </Badge>
                  ) : (
                    <Badge appearance="tint" color="informative" shape="rounded" size="large" icon={<Clock16Regular />}>
                      {held.collection}
                    </Badge>
                  )}
                  <Text size={200} className={held.overdue ? styles.overdue : undefined}>
                    {t('visits.card.heldDetail', { items: held.items, size: formatBytes(held.bytes, texts.language), count: held.days })}
                  </Text>
                </li>
              ))}
            </ul>
            <Text size={200} className={styles.muted}>
              {t('visits.card.limit', { count: data.warnAfterDays })}
            </Text>
            <Link href="#/erasure">{t('visits.card.openErasure')}</Link>
          </section>
        )}
        {allWell && (
          <div className={styles.item}>
            <Badge appearance="tint" color="success" shape="rounded" size="large" icon={<CheckmarkCircle16Filled />}>
              {t('visits.card.allWell')}
            </Badge>
          </div>
        )}
        <Link href={hrefOf({ view: 'list' })}>{t('visits.card.open')}</Link>
      </div>
    </Card>
  );
}
