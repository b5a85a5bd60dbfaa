/** Adding a site: the form on its own view; once saved, the new site opens. */
import { useTranslation } from 'react-i18next';
import { PageHeading } from '../../components/PageHeading';
import { SiteForm } from './SiteForm';
import { SitesBreadcrumb } from './SitesBreadcrumb';
import { hrefOf, useSitesRoute } from './sites-route';

export function NewSiteView() {
  const { t } = useTranslation();
  const { go } = useSitesRoute();
  return (
    <>
      <SitesBreadcrumb
        crumbs={[
          { label: t('sites.title'), href: hrefOf({ view: 'list' }) },
          { label: t('sites.newSite.title'), href: null },
        ]}
      />
      <PageHeading>{t('sites.newSite.title')}</PageHeading>
      <SiteForm
        site={null}
        label={t('sites.newSite.title')}
        onSaved={(site) => go({ view: 'site', siteId: site.id }, { replace: true })}
        onCancel={() => go({ view: 'list' })}
      />
    </>
  );
}
