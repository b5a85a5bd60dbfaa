/** How many accounts, and how many of them still on a vendor-default password, per system and per site. */
import type { MaintenanceAccount, SiteSystem } from './use-sites';

export interface AccountCount {
  readonly accounts: number;
  readonly vendorDefaults: number;
}

const none: AccountCount = { accounts: 0, vendorDefaults: 0 };

function add(count: AccountCount | undefined, account: MaintenanceAccount): AccountCount {
  const base = count ?? none;
  return { accounts: base.accounts + 1, vendorDefaults: base.vendorDefaults + (account.vendorDefault ? 1 : 0) };
}

export function countBySystem(accounts: readonly MaintenanceAccount[]): ReadonlyMap<string, AccountCount> {
  const counts = new Map<string, AccountCount>();
  for (const account of accounts) counts.set(account.systemId, add(counts.get(account.systemId), account));
  return counts;
}

export function countBySite(
  systems: readonly SiteSystem[],
  accounts: readonly MaintenanceAccount[],
): ReadonlyMap<string, AccountCount & { readonly systems: number }> {
  const bySystem = countBySystem(accounts);
  const counts = new Map<string, AccountCount & { readonly systems: number }>();
  for (const system of systems) {
    const site = counts.get(system.siteId) ?? { ...none, systems: 0 };
    const own = bySystem.get(system.id) ?? none;
    counts.set(system.siteId, {
      systems: site.systems + 1,
      accounts: site.accounts + own.accounts,
      vendorDefaults: site.vendorDefaults + own.vendorDefaults,
    });
  }
  return counts;
}

/** Whether a review date has passed. */
export function reviewDue(nextReviewAt: string, now = Date.now()): boolean {
  return Date.parse(nextReviewAt) <= now;
}
