/**
 * Adding a system to a site: the form starts from the vendor's standard profile (ports and
 * data locations, GUIDELINE.md §5); once saved, the new system opens.
 */
import { Text, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { PageHeading } from '../../components/PageHeading';
import { QueryView } from '../../components/QueryView';
import { NotFound } from './NotFound';
import { SitesBreadcrumb } from './SitesBreadcrumb';
import { SystemForm } from './SystemForm';
import { valuesOf } from './system-draft';
import { hrefOf, useSitesRoute } from './sites-route';
import { useDefaultProfile, useSites } from './use-sites';

const useStyles = makeStyles({
  intro: { display: 'block', maxWidth: '60em', marginBottom: tokens.spacingVerticalL },
});

export function NewSystemView({ siteId }: { siteId: string }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const { go } = useSitesRoute();
  const sites = useSites();
  const profile = useDefaultProfile();
  const site = sites.data?.sites.find((candidate) => candidate.id === siteId);
  return (
    <>
      <SitesBreadcrumb
        crumbs={[
          { label: t('sites.title'), href: hrefOf({ view: 'list' }) },
          { label: site?.name ?? t('sites.site.loading'), href: hrefOf({ view: 'site', siteId }) },
          { label: t('sites.newSystem.title'), href: null },
        ]}
      />
      <PageHeading>{t('sites.newSystem.title')}</PageHeading>
      <Text className={styles.intro}>{t('sites.newSystem.intro', { site: site?.name ?? '' })}</Text>
      <QueryView query={sites}>
        {() =>
          site ? (
            <QueryView query={profile}>
              {(standard) => (
                <SystemForm
                  siteId={siteId}
                  systemId={undefined}
                  initial={valuesOf(standard)}
                  label={t('sites.newSystem.title')}
                  onSaved={(system) => go({ view: 'system', siteId, systemId: system.id }, { replace: true })}
                  onCancel={() => go({ view: 'site', siteId })}
                />
              )}
            </QueryView>
          ) : (
            <NotFound messageKey="sites.site.notFound" />
          )
        }
      </QueryView>
    </>
  );
}
