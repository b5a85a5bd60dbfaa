/**
 * The `procedures.*` channels: templates, runs and their steps, the dashboard's attention
 * list. Requests are validated by the contract; what a step needs beyond its shape (the
 * template's fields, the order, the kind) is checked by the engine.
 */
import type { Handlers } from '../ipc/router';
import type { VaultService } from '../vault/vault-service';
import { proceduresAttention, setHeldDataWarnDays } from './held-visit-data';
import { abandonRun, completeRun, completeStep, listRuns, loadRun, markNotApplicable, overrideReadiness, runCheck, startRun } from './procedure-service';
import { templates } from './templates/index';

type ProceduresChannel = Extract<keyof Handlers, `procedures.${string}`>;

export interface ProceduresPorts {
  readonly vault: VaultService;
  readonly now: () => Date;
  readonly fontPath?: string;
}

export function createProceduresHandlers(ports: ProceduresPorts): Pick<Handlers, ProceduresChannel> {
  const session = () => ports.vault.session();
  return {
    'procedures.templates': () => ({ templates: Object.values(templates) }),
    'procedures.start': (request) => startRun(session(), request, ports.now()),
    'procedures.list': ({ status }) => ({ runs: listRuns(session(), status) }),
    'procedures.get': ({ runId }) => loadRun(session(), runId),
    'procedures.completeStep': ({ runId, stepId, ...input }) => completeStep(session(), runId, stepId, input, ports.now()),
    'procedures.runCheck': ({ runId, stepId }) => runCheck(session(), runId, stepId, ports.now()),
    'procedures.overrideReadiness': ({ runId, stepId, reason }) => overrideReadiness(session(), runId, stepId, reason, ports.now()),
    'procedures.markNotApplicable': ({ runId, stepId, reason }) => markNotApplicable(session(), runId, stepId, reason, ports.now()),
    'procedures.complete': ({ runId }) => completeRun(session(), runId, ports.now(), ports.fontPath),
    'procedures.abandon': ({ runId, reason }) => abandonRun(session(), runId, reason, ports.now()),
    'procedures.attention': () => proceduresAttention(session(), ports.now()),
    'procedures.setHeldDataWarnDays': ({ days }) => ({ warnAfterDays: setHeldDataWarnDays(session(), days) }),
  };
}
