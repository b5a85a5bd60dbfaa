/** The System page: what FieldGuard is running on, and this laptop's mounted volumes. */
import { Spinner, Subtitle1, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { FactList } from '../../components/FactList';
import { ErrorState } from '../../components/ErrorState';
import { PageHeading } from '../../components/PageHeading';
import { useAppInfo } from './use-system';
import { VolumeTable } from './VolumeTable';

const useStyles = makeStyles({
  section: { marginBottom: tokens.spacingVerticalXXL },
});

export function SystemPage() {
  const styles = useStyles();
  const { t } = useTranslation();
  const info = useAppInfo();
  const notElectron = t('system.app.notElectron');

  return (
    <>
      <PageHeading>{t('system.title')}</PageHeading>
      <section className={styles.section} aria-labelledby="system-app-heading">
        <Subtitle1 as="h2" id="system-app-heading" block>{t('system.app.title')}</Subtitle1>
        {info.isPending && <Spinner size="small" label={t('app.loading')} />}
        {info.isError && <ErrorState error={info.error} onRetry={() => void info.refetch()} />}
        {info.data && (
          <FactList
            facts={[
              [t('system.app.version'), info.data.version],
              [t('system.app.platform'), `${info.data.platform} (${info.data.arch})`],
              [t('system.app.electron'), info.data.versions.electron ?? notElectron],
              [t('system.app.chrome'), info.data.versions.chrome ?? notElectron],
              [t('system.app.node'), info.data.versions.node],
              [t('system.app.dataDir'), info.data.dataDir],
            ]}
          />
        )}
      </section>
      <section className={styles.section} aria-labelledby="system-volumes-heading">
        <Subtitle1 as="h2" id="system-volumes-heading" block>{t('system.volumes.title')}</Subtitle1>
        <VolumeTable headingId="system-volumes-heading" />
      </section>
    </>
  );
}
