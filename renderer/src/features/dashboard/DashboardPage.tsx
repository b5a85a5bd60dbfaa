/** The dashboard: this laptop at a glance. Later features add their cards here. */
import { Card, CardHeader, Spinner, Text, makeStyles, tokens, Link } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { FactList } from '../../components/FactList';
import { ErrorState } from '../../components/ErrorState';
import { PageHeading } from '../../components/PageHeading';
import { useAppInfo, useVolumes } from '../system/use-system';

const useStyles = makeStyles({
  grid: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(320px, 1fr))', gap: tokens.spacingHorizontalL },
  intro: { display: 'block', marginBottom: tokens.spacingVerticalL },
});

export function DashboardPage() {
  const styles = useStyles();
  const { t } = useTranslation();
  const info = useAppInfo();
  const volumes = useVolumes();
  const removable = volumes.data?.volumes.filter((v) => v.removable === true).length ?? 0;

  return (
    <>
      <PageHeading>{t('dashboard.title')}</PageHeading>
      <Text className={styles.intro}>{t('dashboard.intro')}</Text>
      <div className={styles.grid}>
        <Card aria-labelledby="dashboard-device-title">
          <CardHeader header={<Text as="h2" id="dashboard-device-title" weight="semibold">{t('dashboard.device.title')}</Text>} />
          {info.isPending && <Spinner size="small" label={t('app.loading')} />}
          {info.isError && <ErrorState error={info.error} onRetry={() => void info.refetch()} />}
          {info.data && (
            <FactList
              facts={[
                [t('dashboard.device.host'), info.data.hostname],
                [t('dashboard.device.os'), `${info.data.platform} (${info.data.arch})`],
                [t('dashboard.device.version'), info.data.version],
              ]}
            />
          )}
        </Card>
        <Card aria-labelledby="dashboard-media-title">
          <CardHeader header={<Text as="h2" id="dashboard-media-title" weight="semibold">{t('dashboard.media.title')}</Text>} />
          {volumes.isPending && <Spinner size="small" label={t('system.volumes.loading')} />}
          {volumes.isError && <ErrorState error={volumes.error} onRetry={() => void volumes.refetch()} />}
          {volumes.data && (
            <>
              <Text>{t('dashboard.media.summary', { count: volumes.data.volumes.length, removable })}</Text>
              {removable > 0 && <Text weight="semibold">{t('dashboard.media.removableHint')}</Text>}
            </>
          )}
          <Link as="a" href="#/system">{t('dashboard.media.open')}</Link>
        </Card>
      </div>
    </>
  );
}
