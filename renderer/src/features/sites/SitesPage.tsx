/**
 * The Sites screen (10-3, 14-2, 8-5, 14-7): the hospitals and clinics serviced, their
 * systems with the port and data-location profile, each system's dedicated maintenance
 * accounts, and the periodic account review. The view is read from the address; moving
 * between views puts keyboard and screen-reader focus on the new view's heading, as moving
 * between screens does.
 */
import { useFocusHeadingOnViewChange } from '../../lib/use-focus-heading-on-view-change';
import { NewSiteView } from './NewSiteView';
import { NewSystemView } from './NewSystemView';
import { ReviewView } from './ReviewView';
import { SiteListView } from './SiteListView';
import { SiteView } from './SiteView';
import { SystemView } from './SystemView';
import { useSitesRoute } from './sites-route';

export function SitesPage() {
  const { route } = useSitesRoute();
  useFocusHeadingOnViewChange();

  switch (route.view) {
    case 'list':
      return <SiteListView />;
    case 'new-site':
      return <NewSiteView />;
    case 'site':
      return <SiteView key={route.siteId} siteId={route.siteId} />;
    case 'new-system':
      return <NewSystemView key={route.siteId} siteId={route.siteId} />;
    case 'system':
      // Keyed by system: a password shown for one system never stays on screen for another.
      return <SystemView key={route.systemId} siteId={route.siteId} systemId={route.systemId} />;
    case 'review':
      return <ReviewView />;
  }
}
