/** The System page: this laptop and what FieldGuard is running on (moved here from the dashboard), and its mounted volumes. */
import { Subtitle1, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { FactList } from '../../components/FactList';
import { PageHeading } from '../../components/PageHeading';
import { QueryView } from '../../components/QueryView';
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
        <Subtitle1 as="h2" id="system-app-heading" block>
          {t('system.app.title')}
        </Subtitle1>
        <QueryView query={info}>
          {(app) => (
            <FactList
              facts={[
                [t('system.app.host'), app.hostname],
                [t('system.app.version'), app.version],
                [t('system.app.platform'), `${app.platform} (${app.arch})`],
                [t('system.app.electron'), app.versions.electron ?? notElectron],
                [t('system.app.chrome'), app.versions.chrome ?? notElectron],
                [t('system.app.node'), app.versions.node],
                [t('system.app.dataDir'), app.dataDir],
                [t('system.app.sbom'), app.sbomPath ?? t('system.app.sbomNotIncluded')],
              ]}
            />
          )}
        </QueryView>
      </section>
      <section className={styles.section} aria-labelledby="system-volumes-heading">
        <Subtitle1 as="h2" id="system-volumes-heading" block>
          {t('system.volumes.title')}
        </Subtitle1>
        <VolumeTable headingId="system-volumes-heading" />
      </section>
    </>
  );
}
