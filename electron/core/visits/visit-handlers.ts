/**
 * The `visits.*` channels: templates, runs and their steps, the dashboard's attention
 * list. Requests are validated by the contract; what a step needs beyond its shape (the
 * template's fields, the order, the kind) is checked by the engine.
 */
import type { Handlers } from '../ipc/router';
import type { VaultService } from '../vault/vault-service';
import { visitsAttention, setHeldDataWarnDays } from './held-visit-data';
import {
  abandonRun,
  completeRun,
  completeStep,
  listRuns,
  loadRun,
  markNotApplicable,
  overrideReadiness,
  runCheck,
  startRun,
} from './visit-service';
import { templates } from './templates/index';

type VisitsChannel = Extract<keyof Handlers, `visits.${string}`>;

export interface VisitsPorts {
  readonly vault: VaultService;
  readonly now: () => Date;
  readonly fontPath?: string;
}

export function createVisitsHandlers(ports: VisitsPorts): Pick<Handlers, VisitsChannel> {
  const session = () => ports.vault.session();
  return {
    'visits.templates': () => ({ templates: Object.values(templates) }),
    'visits.start': (request) => startRun(session(), request, ports.now()),
    'visits.list': ({ status }) => ({ runs: listRuns(session(), status) }),
    'visits.get': ({ runId }) => loadRun(session(), runId),
    'visits.completeStep': ({ runId, stepId, ...input }) => completeStep(session(), runId, stepId, input, ports.now()),
    'visits.runCheck': ({ runId, stepId }) => runCheck(session(), runId, stepId, ports.now()),
    'visits.overrideReadiness': ({ runId, stepId, reason }) => overrideReadiness(session(), runId, stepId, reason, ports.now()),
    'visits.markNotApplicable': ({ runId, stepId, reason }) => markNotApplicable(session(), runId, stepId, reason, ports.now()),
    'visits.complete': ({ runId }) => completeRun(session(), runId, ports.now(), ports.fontPath),
    'visits.abandon': ({ runId, reason }) => abandonRun(session(), runId, reason, ports.now()),
    'visits.attention': () => visitsAttention(session(), ports.now()),
    'visits.setHeldDataWarnDays': ({ days }) => ({ warnAfterDays: setHeldDataWarnDays(session(), days) }),
  };
}
