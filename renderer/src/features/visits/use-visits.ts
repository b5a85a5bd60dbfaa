/**
 * The visits feature's data: the procedure templates, the runs, one run with its steps, and
 * every change to a run. Each change is audited and may change the dashboard's attention list:
 * the run channels declare the run, the list, the attention list and the audit log as changed
 * (`@shared/ipc/cache-effects`), and all of them are read again after every change.
 */
import type { RequestOf, ResponseOf } from '@shared/contract';
import { useChannelMutation, useChannelQuery } from '../../lib/use-channel';

export type ProcedureRun = ResponseOf<'procedures.get'>;
export type RunSummary = ResponseOf<'procedures.list'>['runs'][number];
export type ProcedureTemplate = ResponseOf<'procedures.templates'>['templates'][number];
export type StepTemplate = ProcedureTemplate['steps'][number];
export type FieldTemplate = StepTemplate['fields'][number];
export type StepState = ProcedureRun['steps'][number];
export type CompleteStepInput = Omit<RequestOf<'procedures.completeStep'>, 'runId' | 'stepId'>;

export function useTemplates() {
  // The templates are part of the app: they do not change while it runs.
  return useChannelQuery('procedures.templates', {}, { staleTime: Infinity });
}

export function useRuns() {
  return useChannelQuery('procedures.list', {});
}

export function useRun(runId: string) {
  return useChannelQuery('procedures.get', { runId });
}

export function useAttention() {
  // Days since import depend on the clock: read again whenever a screen showing them opens.
  return useChannelQuery('procedures.attention', {}, { staleTime: 0 });
}

export function useStartRun() {
  return useChannelMutation('procedures.start', (send, request: RequestOf<'procedures.start'>) => send(request));
}

/** Every change to one run's steps or state, each a mutation of its own so that its pending state and error stay with its control. */
export function useRunMutations(runId: string) {
  return {
    completeStep: useChannelMutation('procedures.completeStep', (send, { stepId, ...input }: CompleteStepInput & { stepId: string }) =>
      send({ runId, stepId, ...input }),
    ),
    runCheck: useChannelMutation('procedures.runCheck', (send, stepId: string) => send({ runId, stepId })),
    overrideReadiness: useChannelMutation('procedures.overrideReadiness', (send, { stepId, reason }: { stepId: string; reason: string }) =>
      send({ runId, stepId, reason }),
    ),
    markNotApplicable: useChannelMutation('procedures.markNotApplicable', (send, { stepId, reason }: { stepId: string; reason: string }) =>
      send({ runId, stepId, reason }),
    ),
    complete: useChannelMutation('procedures.complete', (send) => send({ runId })),
    abandon: useChannelMutation('procedures.abandon', (send, reason: string) => send({ runId, reason })),
  };
}

export { useExportCertificate as useExportReport } from '../certificates/use-certificates';

export function useSetHeldDataWarnDays() {
  return useChannelMutation('procedures.setHeldDataWarnDays', (send, days: number) => send({ days }));
}
