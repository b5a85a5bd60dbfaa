/**
 * What needs attention on the dashboard from procedures: the runs still in progress, and the
 * visit data still held in the vault (10-1) — each vault folder with its size and the days
 * since its oldest import, red once that is more than the engineer's limit (default 7 days).
 */
import { DEFAULT_HELD_DATA_WARN_DAYS, type HeldVisitData, type VisitsAttention } from '../../shared/visits';
import { heldCollections } from '../vault/vault-items';
import type { VaultSession } from '../vault/vault-session';
import { readSetting, writeSetting } from '../vault/vault-settings';
import { findRunByReference } from './run-store';
import { listRuns } from './visit-service';

const DAY_MS = 24 * 60 * 60 * 1000;
const WARN_DAYS_KEY = 'held_data_warn_days';

export function heldDataWarnDays(session: VaultSession): number {
  const value = readSetting(session.db, WARN_DAYS_KEY);
  const days = value !== null ? Number(value) : DEFAULT_HELD_DATA_WARN_DAYS;
  return Number.isInteger(days) && days >= 1 && days <= 365 ? days : DEFAULT_HELD_DATA_WARN_DAYS;
}

export function setHeldDataWarnDays(session: VaultSession, days: number): number {
  const before = heldDataWarnDays(session);
  session.db.transaction(() => {
    writeSetting(session.db, WARN_DAYS_KEY, String(days));
    session.audit.append('settings.changed', session.actor(), { setting: 'heldDataWarnDays', from: before, to: days });
  })();
  return days;
}

export function heldVisitData(session: VaultSession, now: Date): HeldVisitData[] {
  const warnAfterDays = heldDataWarnDays(session);
  return heldCollections(session).map((row) => {
    const ageMs = now.getTime() - Date.parse(row.oldest);
    return {
      collection: row.collection,
      items: row.items,
      bytes: row.bytes,
      oldestImportAt: row.oldest,
      days: Math.max(0, Math.floor(ageMs / DAY_MS)),
      overdue: ageMs > warnAfterDays * DAY_MS,
      runId: findRunByReference(session.db, row.collection)?.id ?? null,
    };
  });
}

export function visitsAttention(session: VaultSession, now: Date): VisitsAttention {
  return { inProgress: listRuns(session, 'in-progress'), heldData: heldVisitData(session, now), warnAfterDays: heldDataWarnDays(session) };
}
