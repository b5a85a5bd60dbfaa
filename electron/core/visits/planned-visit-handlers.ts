/**
 * The `plannedVisits.*` channels (issue 19): plans of visits, made before the trip, and the
 * dashboard's next visit. Requests are validated by the contract; what a plan may become (a
 * day not in the past, a system of its site, no change once started or cancelled) is checked
 * in `planned-visits.ts`.
 */
import type { Handlers } from '../ipc/router';
import type { VaultService } from '../vault/vault-service';
import { cancelPlannedVisit, getPlannedVisit, listPlannedVisits, nextVisit, savePlannedVisit } from './planned-visits';

type PlannedVisitsChannel = Extract<keyof Handlers, `plannedVisits.${string}`>;

export interface PlannedVisitsPorts {
  readonly vault: VaultService;
  readonly now: () => Date;
}

export function createPlannedVisitsHandlers(ports: PlannedVisitsPorts): Pick<Handlers, PlannedVisitsChannel> {
  const session = () => ports.vault.session();
  return {
    'plannedVisits.list': ({ status }) => ({ visits: listPlannedVisits(session(), status) }),
    'plannedVisits.get': ({ id }) => getPlannedVisit(session(), id),
    'plannedVisits.save': ({ visit }) => savePlannedVisit(session(), visit, ports.now()),
    'plannedVisits.cancel': ({ id, reason }) => cancelPlannedVisit(session(), id, reason, ports.now()),
    'plannedVisits.next': () => nextVisit(session(), ports.now()),
  };
}
