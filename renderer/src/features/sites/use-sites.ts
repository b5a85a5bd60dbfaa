/**
 * The sites feature's data (10-3, 14-2, 8-5, 14-7): sites, their systems, the maintenance
 * accounts as listed (never a password), the dashboard's warnings and the account reviews.
 * Whatever changes them also writes to the audit log, so the log is read again too. Calls
 * that carry a password are not here: see `account-secrets.ts`.
 */
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { RequestOf, ResponseOf } from '@shared/contract';
import { invoke } from '../../lib/bridge';
import { auditListKey } from '../audit/use-audit';

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

export const sitesKey = ['sites.list'] as const;
const systemsRoot = ['systems.list'] as const;
const accountsRoot = ['accounts.list'] as const;
export const warningsKey = ['accounts.warnings'] as const;
export const reviewsKey = ['accounts.reviews'] as const;
const profileKey = ['systems.defaultProfile'] as const;
/** Lists of every site's systems (or every system's accounts) are keyed 'all'. */
const systemsKey = (siteId: string | undefined) => [...systemsRoot, siteId ?? 'all'] as const;
const accountsKey = (systemId: string | undefined) => [...accountsRoot, systemId ?? 'all'] as const;

export function useSites() {
  return useQuery({ queryKey: sitesKey, queryFn: () => invoke('sites.list', {}) });
}

/** One site's systems, or every system when `siteId` is left out. */
export function useSystems(siteId?: string) {
  return useQuery({ queryKey: systemsKey(siteId), queryFn: () => invoke('systems.list', siteId === undefined ? {} : { siteId }) });
}

/** One system's accounts, or every account when `systemId` is left out. */
export function useAccounts(systemId?: string) {
  return useQuery({ queryKey: accountsKey(systemId), queryFn: () => invoke('accounts.list', systemId === undefined ? {} : { systemId }) });
}

export function useDefaultProfile() {
  // The vendor's standard profile is part of the app: it does not change while it runs.
  return useQuery({ queryKey: profileKey, queryFn: () => invoke('systems.defaultProfile', {}), staleTime: Infinity });
}

export function useAccountWarnings() {
  // Review dates depend on the clock: read again whenever a screen showing them opens.
  return useQuery({ queryKey: warningsKey, queryFn: () => invoke('accounts.warnings', {}), staleTime: 0 });
}

export function useAccountReviews() {
  return useQuery({ queryKey: reviewsKey, queryFn: () => invoke('accounts.reviews', {}) });
}

/** After an account changed: every list of accounts, the dashboard's warnings and the audit log. */
export function refreshAccounts(client: QueryClient): void {
  void client.invalidateQueries({ queryKey: accountsRoot });
  void client.invalidateQueries({ queryKey: warningsKey });
  void client.invalidateQueries({ queryKey: auditListKey });
}

export function useSaveSite() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (site: SiteDraft) => invoke('sites.save', { site }),
    onSettled: () => {
      void client.invalidateQueries({ queryKey: sitesKey });
      void client.invalidateQueries({ queryKey: auditListKey });
    },
  });
}

export function useRemoveSite() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => invoke('sites.remove', { id }),
    onSettled: () => {
      void client.invalidateQueries({ queryKey: sitesKey });
      void client.invalidateQueries({ queryKey: auditListKey });
    },
  });
}

export function useSaveSystem() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (system: SystemDraft) => invoke('systems.save', { system }),
    onSettled: () => {
      void client.invalidateQueries({ queryKey: systemsRoot });
      void client.invalidateQueries({ queryKey: auditListKey });
    },
  });
}

export function useRemoveSystem() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => invoke('systems.remove', { id }),
    onSettled: () => {
      void client.invalidateQueries({ queryKey: systemsRoot });
      void client.invalidateQueries({ queryKey: auditListKey });
    },
  });
}

export function useRemoveAccount() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => invoke('accounts.remove', { id }),
    onSettled: () => refreshAccounts(client),
  });
}

export function useRecordReview() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (list: ReviewDecision[]) => invoke('accounts.recordReview', { decisions: list }),
    onSettled: () => {
      // A review may disable or delete accounts, and it moves their next review date.
      void client.invalidateQueries({ queryKey: reviewsKey });
      refreshAccounts(client);
    },
  });
}
