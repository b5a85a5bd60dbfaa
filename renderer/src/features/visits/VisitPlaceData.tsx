/**
 * What a form about a visit's place needs before it can show: the procedures, the sites and,
 * when one is named, the planned visit — each with its loading and error state — or, with no
 * site on record, a warning that leads to the Sites screen. Starting a visit and planning one
 * both ask for it.
 */
import type { ReactNode } from 'react';
import { Link, MessageBar, MessageBarBody } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { QueryView } from '../../components/QueryView';
import { hrefOf as sitesHrefOf } from '../sites/sites-route';
import { useSites } from '../sites/use-sites';
import { usePlannedVisit, type PlannedVisit } from './use-planned-visits';
import { useTemplates, type VisitTemplate } from './use-visits';

export interface VisitPlaceChoices {
  readonly templates: readonly VisitTemplate[];
  readonly sites: ReadonlyArray<{ id: string; name: string; department: string }>;
  readonly plan: PlannedVisit | null;
}

export function VisitPlaceData({ planId, children }: { planId: string | null; children: (choices: VisitPlaceChoices) => ReactNode }) {
  const { t } = useTranslation();
  const templates = useTemplates();
  const sites = useSites();
  const plan = usePlannedVisit(planId);
  return (
    <QueryView query={templates}>
      {({ templates: list }) => (
        <QueryView query={sites}>
          {({ sites: siteList }) =>
            siteList.length === 0 ? (
              <MessageBar intent="warning" layout="multiline" data-testid="visits-no-sites">
                <MessageBarBody>
                  {t('visits.start.noSites')} <Link href={sitesHrefOf({ view: 'list' })}>{t('visits.start.openSites')}</Link>
                </MessageBarBody>
              </MessageBar>
            ) : planId === null ? (
              children({ templates: list, sites: siteList, plan: null })
            ) : (
              <QueryView query={plan}>{(found) => children({ templates: list, sites: siteList, plan: found })}</QueryView>
            )
          }
        </QueryView>
      )}
    </QueryView>
  );
}
