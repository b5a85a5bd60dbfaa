/**
 * The sites feature's data (10-3, 14-2, 8-5, 14-7): sites, their systems, the maintenance
 * accounts as listed (never a password), the dashboard's warnings and the account reviews.
 * What each change makes stale (the audit log too) is declared with its channel in
 * `@shared/ipc/cache-effects`. Calls that carry a password are not here: see `account-secrets.ts`.
 */
import type { RequestOf, ResponseOf } from '@shared/contract';
import { useChannelMutation, useChannelQuery } from '../../lib/use-channel';

export type Site = ResponseOf<'sites.list'>['sites'][number];
export type SiteSystem = ResponseOf<'systems.list'>['systems'][number];
export type MaintenanceAccount = ResponseOf<'accounts.list'>['accounts'][number];
export type AccountReview = ResponseOf<'accounts.reviews'>['reviews'][number];
export type ReviewDecision = RequestOf<'accounts.recordReview'>['decisions'][number];
export type Decision = ReviewDecision['decision'];
export type SiteDraft = RequestOf<'sites.save'>['site'];
export type SystemDraft = RequestOf<'systems.save'>['system'];
export type PortRule = SiteSystem['ports'][number];
export type DataLocation = SiteSystem['dataLocations'][number];

export const decisions: readonly Decision[] = ['keep', 'disable', 'delete'];

export function useSites() {
  return useChannelQuery('sites.list', {});
}

/** One site's systems, or every system when `siteId` is left out. */
export function useSystems(siteId?: string) {
  return useChannelQuery('systems.list', siteId === undefined ? {} : { siteId });
}

/** One system's accounts, or every account when `systemId` is left out. */
export function useAccounts(systemId?: string) {
  return useChannelQuery('accounts.list', systemId === undefined ? {} : { systemId });
}

export function useDefaultProfile() {
  // The vendor's standard profile is part of the app: it does not change while it runs.
  return useChannelQuery('systems.defaultProfile', {}, { staleTime: Infinity });
}

export function useAccountWarnings() {
  // Review dates depend on the clock: read again whenever a screen showing them opens.
  return useChannelQuery('accounts.warnings', {}, { staleTime: 0 });
}

export function useAccountReviews() {
  return useChannelQuery('accounts.reviews', {});
}

export function useSaveSite() {
  return useChannelMutation('sites.save', (send, site: SiteDraft) => send({ site }));
}

export function useRemoveSite() {
  return useChannelMutation('sites.remove', (send, id: string) => send({ id }));
}

export function useSaveSystem() {
  return useChannelMutation('systems.save', (send, system: SystemDraft) => send({ system }));
}

export function useRemoveSystem() {
  return useChannelMutation('systems.remove', (send, id: string) => send({ id }));
}

export function useRemoveAccount() {
  return useChannelMutation('accounts.remove', (send, id: string) => send({ id }));
}

export function useRecordReview() {
  return useChannelMutation('accounts.recordReview', (send, list: ReviewDecision[]) => send({ decisions: list }));
}
