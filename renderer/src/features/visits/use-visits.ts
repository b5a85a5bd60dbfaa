/**
 * The visits feature's data: the procedure templates, the runs, one run with its steps, and
 * every change to a run. Each change is audited and may change the dashboard's attention list,
 * so after every mutation the run, the list, the attention list and the audit log are read again.
 */
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { RequestOf, ResponseOf } from '@shared/contract';
import { invoke } from '../../lib/bridge';
import { auditListKey } from '../audit/use-audit';

export type ProcedureRun = ResponseOf<'procedures.get'>;
export type RunSummary = ResponseOf<'procedures.list'>['runs'][number];
export type ProcedureTemplate = ResponseOf<'procedures.templates'>['templates'][number];
export type StepTemplate = ProcedureTemplate['steps'][number];
export type FieldTemplate = StepTemplate['fields'][number];
export type StepState = ProcedureRun['steps'][number];
export type CompleteStepInput = Omit<RequestOf<'procedures.completeStep'>, 'runId' | 'stepId'>;

const templatesKey = ['procedures.templates'] as const;
export const runsKey = ['procedures.list'] as const;
const runRoot = ['procedures.get'] as const;
export const attentionKey = ['procedures.attention'] as const;
const runKey = (runId: string) => [...runRoot, runId] as const;

export function useTemplates() {
  // The templates are part of the app: they do not change while it runs.
  return useQuery({ queryKey: templatesKey, queryFn: () => invoke('procedures.templates', {}), staleTime: Infinity });
}

export function useRuns() {
  return useQuery({ queryKey: runsKey, queryFn: () => invoke('procedures.list', {}) });
}

export function useRun(runId: string) {
  return useQuery({ queryKey: runKey(runId), queryFn: () => invoke('procedures.get', { runId }) });
}

export function useAttention() {
  // Days since import depend on the clock: read again whenever a screen showing them opens.
  return useQuery({ queryKey: attentionKey, queryFn: () => invoke('procedures.attention', {}), staleTime: 0 });
}

/** After a run changed: the run itself (from the reply, then read again), the list, the dashboard and the audit log. */
function refreshRuns(client: QueryClient, run?: ProcedureRun): void {
  if (run) client.setQueryData(runKey(run.id), run);
  void client.invalidateQueries({ queryKey: runRoot });
  void client.invalidateQueries({ queryKey: runsKey });
  void client.invalidateQueries({ queryKey: attentionKey });
  void client.invalidateQueries({ queryKey: auditListKey });
}

export function useStartRun() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (request: RequestOf<'procedures.start'>) => invoke('procedures.start', request),
    onSuccess: (run) => refreshRuns(client, run),
  });
}

/** Every change to one run's steps or state, each a mutation of its own so that its pending state and error stay with its control. */
export function useRunMutations(runId: string) {
  const client = useQueryClient();
  const settle = {
    onSuccess: (run: ProcedureRun) => refreshRuns(client, run),
    onError: () => refreshRuns(client),
  };
  return {
    completeStep: useMutation({
      mutationFn: ({ stepId, ...input }: CompleteStepInput & { stepId: string }) => invoke('procedures.completeStep', { runId, stepId, ...input }),
      ...settle,
    }),
    runCheck: useMutation({ mutationFn: (stepId: string) => invoke('procedures.runCheck', { runId, stepId }), ...settle }),
    overrideReadiness: useMutation({
      mutationFn: ({ stepId, reason }: { stepId: string; reason: string }) => invoke('procedures.overrideReadiness', { runId, stepId, reason }),
      ...settle,
    }),
    markNotApplicable: useMutation({
      mutationFn: ({ stepId, reason }: { stepId: string; reason: string }) => invoke('procedures.markNotApplicable', { runId, stepId, reason }),
      ...settle,
    }),
    complete: useMutation({
      mutationFn: () => invoke('procedures.complete', { runId }),
      onSuccess: (run: ProcedureRun) => {
        refreshRuns(client, run);
        void client.invalidateQueries({ queryKey: ['certificates.list'] });
      },
      onError: settle.onError,
    }),
    abandon: useMutation({ mutationFn: (reason: string) => invoke('procedures.abandon', { runId, reason }), ...settle }),
  };
}

export function useExportReport() {
  return useMutation({ mutationFn: (id: string) => invoke('certificates.export', { id }) });
}

export function useSetHeldDataWarnDays() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (days: number) => invoke('procedures.setHeldDataWarnDays', { days }),
    onSettled: () => {
      void client.invalidateQueries({ queryKey: attentionKey });
      void client.invalidateQueries({ queryKey: auditListKey });
    },
  });
}
