/**
 * The Visits screen (作業): guided procedures at a site — the on-site maintenance visit, the
 * decommissioning of a system, the incident response — each a run of steps in the guideline's
 * order, to a signed report. The view is read from the address; moving between views puts
 * keyboard and screen-reader focus on the new view's heading, as moving between screens does.
 */
import { useFocusHeadingOnViewChange } from '../../lib/use-focus-heading-on-view-change';
import { PlanView } from './PlanView';
import { RunView } from './RunView';
import { StartView } from './StartView';
import { VisitListView } from './VisitListView';
import { useVisitsRoute } from './visits-route';

export function VisitsPage() {
  const { route } = useVisitsRoute();
  useFocusHeadingOnViewChange();

  switch (route.view) {
    case 'list':
      return <VisitListView />;
    case 'start':
      return <StartView key={route.plannedVisitId ?? ''} plannedVisitId={route.plannedVisitId ?? null} />;
    case 'plan':
      return <PlanView key={route.planId ?? 'new'} planId={route.planId} />;
    case 'run':
      return <RunView key={route.runId} runId={route.runId} />;
  }
}
