/**
 * The Sites screen's first view: what is kept here and why, warnings about the maintenance
 * accounts, the buttons to add a site and to review the accounts, and the sites on record.
 */
import { Button, Subtitle1, Text, makeStyles, tokens } from '@fluentui/react-components';
import { Add20Regular, ClipboardTaskListLtr20Regular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import { PageHeading } from '../../components/PageHeading';
import { QueryView } from '../../components/QueryView';
import { countBySite } from './account-counts';
import { AccountWarningsBar } from './AccountWarningsBar';
import { SitesEmptyState } from './SitesEmptyState';
import { SitesTable } from './SitesTable';
import { useSitesRoute } from './sites-route';
import { useAccounts, useSites, useSystems } from './use-sites';

const useStyles = makeStyles({
  intro: { display: 'block', maxWidth: '60em', marginBottom: tokens.spacingVerticalL },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, marginBottom: tokens.spacingVerticalXXL },
  actions: { display: 'flex', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  heading: { margin: 0 },
});

export function SiteListView() {
  const styles = useStyles();
  const { t } = useTranslation();
  const { go } = useSitesRoute();
  const sites = useSites();
  const systems = useSystems();
  const accounts = useAccounts();
  const counts = systems.data && accounts.data ? countBySite(systems.data.systems, accounts.data.accounts) : null;

  return (
    <>
      <PageHeading>{t('sites.title')}</PageHeading>
      <Text className={styles.intro}>{t('sites.intro')}</Text>
      <div className={styles.section}>
        <AccountWarningsBar onReview={() => go({ view: 'review' })} />
        <div className={styles.actions}>
          <Button appearance="primary" icon={<Add20Regular />} onClick={() => go({ view: 'new-site' })}>
            {t('sites.list.add')}
          </Button>
          <Button icon={<ClipboardTaskListLtr20Regular />} onClick={() => go({ view: 'review' })}>
            {t('sites.list.review')}
          </Button>
        </div>
      </div>
      <section className={styles.section} aria-labelledby="sites-list-heading">
        <Subtitle1 as="h2" id="sites-list-heading" className={styles.heading}>
          {t('sites.list.title')}
        </Subtitle1>
        <QueryView query={sites}>
          {({ sites: list }) =>
            list.length === 0 ? <SitesEmptyState /> : <SitesTable sites={list} counts={counts} labelledBy="sites-list-heading" />
          }
        </QueryView>
      </section>
    </>
  );
}
