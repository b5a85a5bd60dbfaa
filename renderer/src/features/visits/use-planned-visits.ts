/**
 * Planned visits' data (issue 19): the plans, one plan, the dashboard's next visit, and the
 * two changes — saving and cancelling. Each change refreshes what `@shared/ipc/cache-effects`
 * declares: the plans, the next visit and the audit log.
 */
import type { RequestOf, ResponseOf } from '@shared/contract';
import type { PlannedVisitStatus } from '@shared/planned-visits';
import { useChannelMutation, useChannelQuery } from '../../lib/use-channel';

export type PlannedVisit = ResponseOf<'plannedVisits.get'>;
export type PlannedVisitDraft = RequestOf<'plannedVisits.save'>['visit'];
export type NextVisit = ResponseOf<'plannedVisits.next'>;

export function usePlannedVisits(status?: PlannedVisitStatus) {
  return useChannelQuery('plannedVisits.list', status === undefined ? {} : { status });
}

export function usePlannedVisit(id: string | null) {
  return useChannelQuery('plannedVisits.get', { id: id ?? '' }, { enabled: id !== null });
}

export function useNextVisit() {
  // "Today" and "overdue" depend on the clock: read again whenever the dashboard opens.
  return useChannelQuery('plannedVisits.next', {}, { staleTime: 0 });
}

export function useSavePlannedVisit() {
  return useChannelMutation('plannedVisits.save', (send, visit: PlannedVisitDraft) => send({ visit }));
}

export function useCancelPlannedVisit(id: string) {
  return useChannelMutation('plannedVisits.cancel', (send, reason: string) => send({ id, reason }));
}
