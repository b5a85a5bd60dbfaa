/**
 * The next visit's site's maintenance accounts: vendor-default passwords still in use (8-5) and
 * reviews due (14-7), counted for that site's systems only, with the way to the site to act.
 */
import { Link, Text } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { hrefOf as sitesHrefOf } from '../../sites/sites-route';
import type { NextVisit } from '../../visits/use-planned-visits';
import { ChecklistItem } from './ChecklistItem';

export function AccountsItem({ siteId, accounts }: { siteId: string; accounts: NextVisit['accounts'] }) {
  const { t } = useTranslation();
  const clear = accounts.vendorDefaults === 0 && accounts.reviewsDue === 0;
  return (
    <ChecklistItem
      testId="next-visit-accounts"
      state={clear ? 'done' : 'todo'}
      action={<Link href={sitesHrefOf({ view: 'site', siteId })}>{t('dashboard.next.accounts.open')}</Link>}
    >
      {clear && <Text>{t('dashboard.next.accounts.ok')}</Text>}
      {accounts.vendorDefaults > 0 && <Text>{t('dashboard.next.accounts.vendorDefaults', { count: accounts.vendorDefaults })}</Text>}
      {accounts.reviewsDue > 0 && <Text>{t('dashboard.next.accounts.reviewsDue', { count: accounts.reviewsDue })}</Text>}
    </ChecklistItem>
  );
}
