/**
 * One system at a site: what it is (product, version, serial, host name), its maintenance
 * accounts, and its profile of ports and data locations; editing replaces all of it with the
 * form. A system that still has accounts cannot be removed: the screen says so and takes the
 * engineer to the accounts to remove first.
 */
import { useState } from 'react';
import { Button, Subtitle1, Text, makeStyles, tokens, useRestoreFocusTarget } from '@fluentui/react-components';
import { Delete20Regular, Edit20Regular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import { FactList } from '../../components/FactList';
import { PageHeading } from '../../components/PageHeading';
import { QueryView } from '../../components/QueryView';
import { AccountsSection } from './AccountsSection';
import { BlockedNotice } from './BlockedNotice';
import { NotFound } from './NotFound';
import { RemoveDialog } from './RemoveDialog';
import { SitesBreadcrumb } from './SitesBreadcrumb';
import { SystemForm } from './SystemForm';
import { SystemProfile } from './SystemProfile';
import { refusedWith } from './sites-errors';
import { hrefOf, useSitesRoute } from './sites-route';
import { valuesOf } from './system-draft';
import { useAccounts, useRemoveSystem, useSites, useSystems, type Site, type SiteSystem } from './use-sites';

const useStyles = makeStyles({
  section: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    marginBottom: tokens.spacingVerticalXXL,
  },
  // The accounts table has five columns: it may use the whole width of the screen.
  wide: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, marginBottom: tokens.spacingVerticalXXL },
  actions: { display: 'flex', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  heading: { margin: 0, outline: 'none' },
});

export function SystemView({ siteId, systemId }: { siteId: string; systemId: string }) {
  const { t } = useTranslation();
  const sites = useSites();
  const systems = useSystems(siteId);
  const site = sites.data?.sites.find((candidate) => candidate.id === siteId);
  const system = systems.data?.systems.find((candidate) => candidate.id === systemId);
  return (
    <>
      <SitesBreadcrumb
        crumbs={[
          { label: t('sites.title'), href: hrefOf({ view: 'list' }) },
          { label: site?.name ?? t('sites.site.loading'), href: hrefOf({ view: 'site', siteId }) },
          { label: system?.product ?? t('sites.system.loading'), href: null },
        ]}
      />
      <PageHeading>{system?.product ?? t('sites.title')}</PageHeading>
      <QueryView query={sites}>
        {() => (
          <QueryView query={systems}>
            {() => (site && system ? <SystemBody site={site} system={system} /> : <NotFound messageKey="sites.system.notFound" />)}
          </QueryView>
        )}
      </QueryView>
    </>
  );
}

function SystemBody({ site, system }: { site: Site; system: SiteSystem }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const { go } = useSitesRoute();
  const accounts = useAccounts(system.id);
  const remove = useRemoveSystem();
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [blocked, setBlocked] = useState(false);
  // When the confirmation closes, focus goes back to the button that opened it.
  const restoreFocus = useRestoreFocusTarget();
  const accountCount = accounts.data?.accounts.length ?? 0;
  const or = (value: string) => (value === '' ? '—' : value);

  const askRemove = () => {
    remove.reset();
    // Known accounts block the removal before asking; the main process would refuse it anyway.
    if (accountCount > 0) setBlocked(true);
    else setConfirming(true);
  };
  const confirmRemove = () =>
    remove.mutate(system.id, {
      onSuccess: () => go({ view: 'site', siteId: site.id }, { replace: true }),
      onError: (error) => {
        if (!refusedWith(error, 'SYSTEM_HAS_ACCOUNTS')) return;
        setConfirming(false);
        setBlocked(true);
      },
    });

  if (editing) {
    return (
      <section className={styles.section} aria-labelledby="system-edit-heading">
        <Subtitle1 as="h2" id="system-edit-heading" className={styles.heading}>
          {t('sites.system.editTitle')}
        </Subtitle1>
        <SystemForm
          siteId={site.id}
          systemId={system.id}
          initial={valuesOf(system)}
          label={t('sites.system.editTitle')}
          onSaved={() => setEditing(false)}
          onCancel={() => setEditing(false)}
        />
      </section>
    );
  }

  return (
    <>
      <section className={styles.section} aria-labelledby="system-details-heading">
        <Subtitle1 as="h2" id="system-details-heading" className={styles.heading}>
          {t('sites.system.detailsTitle')}
        </Subtitle1>
        <FactList
          facts={[
            [t('sites.system.site'), site.name],
            [t('sites.systemForm.version'), or(system.version)],
            [t('sites.systemForm.serial'), or(system.serial)],
            [t('sites.systemForm.hostName'), or(system.hostName)],
          ]}
        />
        <div className={styles.actions}>
          <Button icon={<Edit20Regular />} onClick={() => setEditing(true)}>
            {t('sites.system.edit')}
          </Button>
          <Button {...restoreFocus} icon={<Delete20Regular />} onClick={askRemove}>
            {t('sites.system.remove')}
          </Button>
        </div>
        {blocked && (
          <BlockedNotice
            title={t('sites.system.blockedTitle')}
            body={t('sites.system.blockedBody', { count: Math.max(accountCount, 1) })}
            actionLabel={t('sites.system.blockedAction')}
            onAction={() => document.getElementById('system-accounts-heading')?.focus()}
            dismissLabel={t('sites.blocked.dismiss')}
            onDismiss={() => setBlocked(false)}
          />
        )}
      </section>

      <section className={styles.wide} aria-labelledby="system-accounts-heading">
        <Subtitle1 as="h2" id="system-accounts-heading" tabIndex={-1} className={styles.heading}>
          {t('sites.accounts.title')}
        </Subtitle1>
        <AccountsSection system={system} accounts={accounts} labelledBy="system-accounts-heading" />
      </section>

      <section className={styles.section} aria-labelledby="system-profile-heading">
        <Subtitle1 as="h2" id="system-profile-heading" className={styles.heading}>
          {t('sites.system.profileTitle')}
        </Subtitle1>
        <Text>{t('sites.system.profileIntro')}</Text>
        <SystemProfile system={system} />
      </section>

      {confirming && (
        <RemoveDialog
          title={t('sites.system.removeTitle', { name: system.product })}
          confirmLabel={t('sites.system.removeConfirm')}
          pending={remove.isPending}
          error={remove.error}
          onConfirm={confirmRemove}
          onCancel={() => setConfirming(false)}
          testId="system-remove-dialog"
        >
          <Text>{t('sites.system.removeBody', { site: site.name })}</Text>
        </RemoveDialog>
      )}
    </>
  );
}
