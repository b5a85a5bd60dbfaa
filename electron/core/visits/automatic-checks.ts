/**
 * The checks FieldGuard makes by itself for `automatic` steps. Each reads the real state of the
 * vault — the self-check history, the accounts, the certificates actually issued, what is still
 * in the visit's folder and what the audit log says was ever imported into it — and never the
 * engineer's word for it. The facts go into the signed report; they hold counts, numbers and
 * ids, never a password or a file's contents.
 */
import type { VaultDatabase } from '../../db/open-vault-database';
import type { AutomaticCheck, CheckOutcome } from '../../shared/visits';
import type { SiteSystem } from '../../shared/sites';
import { loadPolicySetting } from '../self-check/self-check-policy-store';
import { readiness } from '../self-check/readiness-gate';
import { certificatesIssuedSince } from '../certificates/certificate-store';
import { listAccounts } from '../sites/account-store';
import { itemsEverImported, listItems } from '../vault/vault-items';
import type { VaultSession } from '../vault/vault-session';
import { locationCovered } from './data-location-match';
import type { RunRow } from './run-store';

export interface CheckContext {
  readonly session: VaultSession;
  readonly run: RunRow;
  readonly system: SiteSystem | null;
  readonly now: Date;
}

type Facts = CheckOutcome['facts'];

interface IssuedCertificate {
  readonly id: string;
  readonly number: string;
  /** The visit it was issued for (the certificates' visit-reference column); null when it names none. */
  readonly visitReference: string | null;
  readonly facts: Record<string, unknown>;
}

/** Certificates of a kind issued since the run started, with their signed facts. */
function certificatesSince(db: VaultDatabase, kind: 'erasure' | 'sanitization', since: string): IssuedCertificate[] {
  return certificatesIssuedSince(db, kind, since).map((row) => {
    const evidence = JSON.parse(row.evidenceJson) as { payload?: { facts?: Record<string, unknown> } };
    return { id: row.id, number: row.number, visitReference: row.visitReference, facts: evidence.payload?.facts ?? {} };
  });
}

function readinessCheck({ session, now }: CheckContext): [boolean, string, Facts] {
  const gate = readiness(session.db, loadPolicySetting(session).policy, now);
  return [
    gate.ready,
    gate.reason,
    { selfCheckRunId: gate.latestRun?.id ?? null, selfCheckAt: gate.latestRun?.finishedAt ?? null, maxAgeHours: gate.maxAgeHours },
  ];
}

function defaultPasswordsCheck({ session, system }: CheckContext): [boolean, string, Facts] {
  const accounts = system ? listAccounts(session.db, system.id).filter((a) => !a.disabled) : [];
  const defaults = accounts.filter((a) => a.vendorDefault);
  if (accounts.length === 0) return [true, 'noAccounts', { accounts: 0 }];
  return defaults.length === 0
    ? [true, 'none', { accounts: accounts.length }]
    : [false, 'vendorDefaults', { accounts: accounts.length, vendorDefaults: defaults.length }];
}

function sanitizationCheck({ session, run }: CheckContext): [boolean, string, Facts] {
  // A report issued for another visit handed files over elsewhere: it says nothing of this one.
  const reports = certificatesSince(session.db, 'sanitization', run.startedAt).filter(
    (report) => report.visitReference === null || report.visitReference === run.reference,
  );
  return reports.length > 0 ? [true, 'issued', { reports: reports.map((r) => r.number) }] : [false, 'noReport', {}];
}

function visitDataErasedCheck({ session, run }: CheckContext): [boolean, string, Facts] {
  const held = listItems(session, run.reference);
  if (held.length > 0) return [false, 'stillHeld', { items: held.length }];
  const imported = itemsEverImported(session.db, run.reference);
  if (imported.length === 0) return [true, 'nothingImported', { items: 0 }];
  // Which certificate records each crypto-erased item (the first, if two do).
  const certifiedBy = new Map<string, string>();
  for (const certificate of certificatesSince(session.db, 'erasure', run.startedAt)) {
    for (const item of (certificate.facts.cryptoErase as { itemId: string }[] | undefined) ?? [])
      if (!certifiedBy.has(item.itemId)) certifiedBy.set(item.itemId, certificate.number);
  }
  const uncertified = imported.filter((id) => !certifiedBy.has(id));
  if (uncertified.length > 0) return [false, 'erasedWithoutCertificate', { items: imported.length, uncertified: uncertified.length }];
  return [true, 'erased', { items: imported.length, certificates: [...new Set(imported.map((id) => certifiedBy.get(id) as string))] }];
}

interface ErasedTarget {
  readonly path: string;
  readonly status: string;
  readonly number: string;
}

function dataLocationsErasedCheck({ session, run, system }: CheckContext): [boolean, string, Facts] {
  const locations = system?.dataLocations ?? [];
  if (locations.length === 0) return [false, 'noLocations', {}];
  const targets: ErasedTarget[] = certificatesSince(session.db, 'erasure', run.startedAt).flatMap((c) => {
    const evidence = c.facts.erasure as { status?: string; targets?: { path: string }[] } | null | undefined;
    return (evidence?.targets ?? []).map((t) => ({ path: t.path, status: evidence?.status ?? 'aborted', number: c.number }));
  });
  const missing: string[] = [];
  const numbers = new Set<string>();
  for (const location of locations) {
    // Only a complete erasure counts: "erased with exceptions" left something readable (E.3 d).
    const covering = targets.find((t) => t.status === 'erased' && locationCovered(location.path, t.path));
    if (covering) numbers.add(covering.number);
    else missing.push(location.path);
  }
  if (missing.length > 0) return [false, 'locationsLeft', { locations: locations.length, missing }];
  return [true, 'erased', { locations: locations.length, certificates: [...numbers] }];
}

const checks: Readonly<Record<AutomaticCheck, (context: CheckContext) => [boolean, string, Facts]>> = {
  readiness: readinessCheck,
  defaultPasswords: defaultPasswordsCheck,
  sanitizationReport: sanitizationCheck,
  visitDataErased: visitDataErasedCheck,
  dataLocationsErased: dataLocationsErasedCheck,
};

export function runAutomaticCheck(check: AutomaticCheck, context: CheckContext): CheckOutcome {
  const [passed, reason, facts] = checks[check](context);
  return { check, passed, reason, facts, checkedAt: context.now.toISOString() };
}
