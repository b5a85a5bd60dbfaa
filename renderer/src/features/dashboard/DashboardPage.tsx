/**
 * The dashboard: this laptop at a glance. Later features add their cards here. Cards that
 * read the vault (the self-check, the maintenance accounts) show only while it is unlocked:
 * VaultGate shows no screen otherwise, and the check here keeps a card from asking a locked
 * vault during a lock.
 */
import { Card, CardHeader, Link, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { FactList } from '../../components/FactList';
import { PageHeading } from '../../components/PageHeading';
import { QueryView } from '../../components/QueryView';
import { useAppInfo, useVolumes } from '../system/use-system';
import { useVaultStatus } from '../vault/use-vault';
import { AccountWarningsCard } from './AccountWarningsCard';
import { ArchiveIncidentCard } from './ArchiveIncidentCard';
import { LedgerCard } from './LedgerCard';
import { RollbackNotice } from './RollbackNotice';
import { SelfCheckCard } from './SelfCheckCard';
import { VisitsCard } from './VisitsCard';

const useStyles = makeStyles({
  grid: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(320px, 1fr))', gap: tokens.spacingHorizontalL },
  intro: { display: 'block', marginBottom: tokens.spacingVerticalL },
  notice: { marginBottom: tokens.spacingVerticalL },
});

export function DashboardPage() {
  const styles = useStyles();
  const { t } = useTranslation();
  const info = useAppInfo();
  const volumes = useVolumes();
  const status = useVaultStatus().data;
  const unlocked = status?.state === 'unlocked';

  return (
    <>
      <PageHeading>{t('dashboard.title')}</PageHeading>
      <Text className={styles.intro}>{t('dashboard.intro')}</Text>
      {unlocked && status.rollback && (
        <div className={styles.notice}>
          <RollbackNotice rollback={status.rollback} />
        </div>
      )}
      {unlocked && <ArchiveIncidentCard />}
      <div className={styles.grid}>
        {unlocked && <SelfCheckCard />}
        {unlocked && <VisitsCard />}
        {unlocked && <AccountWarningsCard />}
        {unlocked && <LedgerCard />}
        <Card aria-labelledby="dashboard-device-title">
          <CardHeader
            header={
              <Text as="h2" id="dashboard-device-title" weight="semibold">
                {t('dashboard.device.title')}
              </Text>
            }
          />
          <QueryView query={info}>
            {(app) => (
              <FactList
                facts={[
                  [t('dashboard.device.host'), app.hostname],
                  [t('dashboard.device.os'), `${app.platform} (${app.arch})`],
                  [t('dashboard.device.version'), app.version],
                ]}
              />
            )}
          </QueryView>
        </Card>
        <Card aria-labelledby="dashboard-media-title">
          <CardHeader
            header={
              <Text as="h2" id="dashboard-media-title" weight="semibold">
                {t('dashboard.media.title')}
              </Text>
            }
          />
          <QueryView query={volumes} loadingLabelKey="system.volumes.loading">
            {(list) => {
              const removable = list.volumes.filter((v) => v.removable === true).length;
              return (
                <>
                  <Text>{t('dashboard.media.summary', { count: list.volumes.length, removable })}</Text>
                  {removable > 0 && <Text weight="semibold">{t('dashboard.media.removableHint')}</Text>}
                </>
              );
            }}
          </QueryView>
          <Link as="a" href="#/system">
            {t('dashboard.media.open')}
          </Link>
        </Card>
      </div>
    </>
  );
}
