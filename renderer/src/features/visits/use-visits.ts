/**
 * The visits feature's data: the procedure templates, the runs, one run with its steps, and
 * every change to a run. Each change is audited and may change the dashboard's attention list:
 * the run channels declare the run, the list, the attention list and the audit log as changed
 * (`@shared/ipc/cache-effects`), and all of them are read again after every change.
 */
import type { RequestOf, ResponseOf } from '@shared/contract';
import { useChannelMutation, useChannelQuery } from '../../lib/use-channel';

export type VisitRun = ResponseOf<'visits.get'>;
export type RunSummary = ResponseOf<'visits.list'>['runs'][number];
export type VisitTemplate = ResponseOf<'visits.templates'>['templates'][number];
export type StepTemplate = VisitTemplate['steps'][number];
export type FieldTemplate = StepTemplate['fields'][number];
export type StepState = VisitRun['steps'][number];
export type CompleteStepInput = Omit<RequestOf<'visits.completeStep'>, 'runId' | 'stepId'>;

export function useTemplates() {
  // The templates are part of the app: they do not change while it runs.
  return useChannelQuery('visits.templates', {}, { staleTime: Infinity });
}

export function useRuns() {
  return useChannelQuery('visits.list', {});
}

export function useRun(runId: string) {
  return useChannelQuery('visits.get', { runId });
}

export function useAttention() {
  // Days since import depend on the clock: read again whenever a screen showing them opens.
  return useChannelQuery('visits.attention', {}, { staleTime: 0 });
}

export function useStartRun() {
  return useChannelMutation('visits.start', (send, request: RequestOf<'visits.start'>) => send(request));
}

/** Every change to one run's steps or state, each a mutation of its own so that its pending state and error stay with its control. */
export function useRunMutations(runId: string) {
  return {
    completeStep: useChannelMutation('visits.completeStep', (send, { stepId, ...input }: CompleteStepInput & { stepId: string }) =>
      send({ runId, stepId, ...input }),
    ),
    runCheck: useChannelMutation('visits.runCheck', (send, stepId: string) => send({ runId, stepId })),
    overrideReadiness: useChannelMutation('visits.overrideReadiness', (send, { stepId, reason }: { stepId: string; reason: string }) =>
      send({ runId, stepId, reason }),
    ),
    markNotApplicable: useChannelMutation('visits.markNotApplicable', (send, { stepId, reason }: { stepId: string; reason: string }) =>
      send({ runId, stepId, reason }),
    ),
    complete: useChannelMutation('visits.complete', (send) => send({ runId })),
    abandon: useChannelMutation('visits.abandon', (send, reason: string) => send({ runId, reason })),
  };
}

export function useSetHeldDataWarnDays() {
  return useChannelMutation('visits.setHeldDataWarnDays', (send, days: number) => send({ days }));
}
