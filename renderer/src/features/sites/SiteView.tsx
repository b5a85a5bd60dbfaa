/**
 * One site: its details (or the form to edit them), its systems with the button to add one
 * from the vendor's standard profile, and removal. A site that still has systems cannot be
 * removed: the screen says so and takes the engineer to the systems to remove first.
 */
import { useState } from 'react';
import { Button, Subtitle1, Text, makeStyles, tokens, useRestoreFocusTarget } from '@fluentui/react-components';
import { Add20Regular, Delete20Regular, Edit20Regular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import { PageHeading } from '../../components/PageHeading';
import { QueryView } from '../../components/QueryView';
import { countBySystem } from './account-counts';
import { BlockedNotice } from './BlockedNotice';
import { NotFound } from './NotFound';
import { RemoveDialog } from './RemoveDialog';
import { SiteDetails } from './SiteDetails';
import { SiteForm } from './SiteForm';
import { SitesBreadcrumb } from './SitesBreadcrumb';
import { SystemsTable } from './SystemsTable';
import { refusedWith } from './sites-errors';
import { hrefOf, useSitesRoute } from './sites-route';
import { useAccounts, useRemoveSite, useSites, useSystems, type Site } from './use-sites';

const useStyles = makeStyles({
  section: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    marginBottom: tokens.spacingVerticalXXL,
  },
  actions: { display: 'flex', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  heading: { margin: 0, outline: 'none' },
});

export function SiteView({ siteId }: { siteId: string }) {
  const { t } = useTranslation();
  const sites = useSites();
  const site = sites.data?.sites.find((candidate) => candidate.id === siteId);
  return (
    <>
      <SitesBreadcrumb
        crumbs={[
          { label: t('sites.title'), href: hrefOf({ view: 'list' }) },
          { label: site?.name ?? t('sites.site.loading'), href: null },
        ]}
      />
      <PageHeading>{site?.name ?? t('sites.title')}</PageHeading>
      <QueryView query={sites}>{() => (site ? <SiteBody site={site} /> : <NotFound messageKey="sites.site.notFound" />)}</QueryView>
    </>
  );
}

function SiteBody({ site }: { site: Site }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const { go } = useSitesRoute();
  const systems = useSystems(site.id);
  const accounts = useAccounts();
  const remove = useRemoveSite();
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [blocked, setBlocked] = useState(false);
  // When the confirmation closes, focus goes back to the button that opened it.
  const restoreFocus = useRestoreFocusTarget();
  const systemCount = systems.data?.systems.length ?? 0;
  const counts = accounts.data ? countBySystem(accounts.data.accounts) : null;

  const askRemove = () => {
    remove.reset();
    // Known systems block the removal before asking; the main process would refuse it anyway.
    if (systemCount > 0) setBlocked(true);
    else setConfirming(true);
  };
  const confirmRemove = () =>
    remove.mutate(site.id, {
      onSuccess: () => go({ view: 'list' }, { replace: true }),
      onError: (error) => {
        if (!refusedWith(error, 'SITE_HAS_SYSTEMS')) return;
        setConfirming(false);
        setBlocked(true);
      },
    });

  return (
    <>
      <section className={styles.section} aria-labelledby="site-details-heading">
        <Subtitle1 as="h2" id="site-details-heading" className={styles.heading}>
          {t(editing ? 'sites.site.editTitle' : 'sites.site.detailsTitle')}
        </Subtitle1>
        {editing ? (
          <SiteForm site={site} label={t('sites.site.editTitle')} onSaved={() => setEditing(false)} onCancel={() => setEditing(false)} />
        ) : (
          <>
            <SiteDetails site={site} />
            <div className={styles.actions}>
              <Button icon={<Edit20Regular />} onClick={() => setEditing(true)}>
                {t('sites.site.edit')}
              </Button>
              <Button {...restoreFocus} icon={<Delete20Regular />} onClick={askRemove}>
                {t('sites.site.remove')}
              </Button>
            </div>
          </>
        )}
        {blocked && (
          <BlockedNotice
            title={t('sites.site.blockedTitle')}
            body={t('sites.site.blockedBody', { count: Math.max(systemCount, 1) })}
            actionLabel={t('sites.site.blockedAction')}
            onAction={() => document.getElementById('site-systems-heading')?.focus()}
            dismissLabel={t('sites.blocked.dismiss')}
            onDismiss={() => setBlocked(false)}
          />
        )}
      </section>

      <section className={styles.section} aria-labelledby="site-systems-heading">
        <Subtitle1 as="h2" id="site-systems-heading" tabIndex={-1} className={styles.heading}>
          {t('sites.systems.title')}
        </Subtitle1>
        <Text>{t('sites.systems.intro')}</Text>
        <div className={styles.actions}>
          <Button appearance="primary" icon={<Add20Regular />} onClick={() => go({ view: 'new-system', siteId: site.id })}>
            {t('sites.systems.add')}
          </Button>
        </div>
        <QueryView query={systems}>
          {({ systems: list }) =>
            list.length === 0 ? (
              <Text role="status">{t('sites.systems.empty')}</Text>
            ) : (
              <SystemsTable systems={list} counts={counts} labelledBy="site-systems-heading" />
            )
          }
        </QueryView>
      </section>

      {confirming && (
        <RemoveDialog
          title={t('sites.site.removeTitle', { name: site.name })}
          confirmLabel={t('sites.site.removeConfirm')}
          pending={remove.isPending}
          error={remove.error}
          onConfirm={confirmRemove}
          onCancel={() => setConfirming(false)}
          testId="site-remove-dialog"
        >
          <Text>{t('sites.site.removeBody')}</Text>
        </RemoveDialog>
      )}
    </>
  );
}
