/**
 * One erasure, from plan to evidence, the same for the Erasure screen and `fieldguard erase`:
 * plan and audit the start, run the job in a worker thread, then build the evidence and audit
 * the end. The caller adds what only it knows (the screen's confirmation and vault items, the
 * CLI's output) around these steps. Files and folders are resolved again right before they
 * are planned (resolve-targets.ts): what was checked when it was chosen may since have been
 * replaced by a link or emptied, and nothing is planned or audited for a refused target.
 */
import type { SiteDetails } from '../../shared/erasure';
import { databasePath, type VaultSession } from '../vault/vault-session';
import { planVolumeErasure } from './erase-removable-volume';
import { erasureEvidence, type ErasureEvidence } from './erasure-evidence';
import type { ReadMedium } from './medium';
import type { ErasureMethod } from './erasure-methods';
import { planErasure } from './plan-erasure';
import { resolveTargets } from './resolve-targets';
import { runErasureJobInWorker } from './run-erasure-in-worker';
import type { ErasureRunSummary, RunOptions } from './run-erasure-job';

/** Runs a planned or interrupted job of the session's vault to its end; the app and the CLI run it in a worker. */
export type ErasureRunner = (session: VaultSession, erasureJobId: string, options?: RunOptions) => Promise<ErasureRunSummary>;

export function workerErasureRunner(entry: URL): ErasureRunner {
  return (session, erasureJobId, options) =>
    runErasureJobInWorker(entry, { path: databasePath(session.dataDir), key: session.keys.database }, erasureJobId, options);
}

export type ErasureTargets = { readonly paths: readonly string[] } | { readonly volume: string };

/** Plans the erasure of files and folders, or of a whole removable volume, and audits its start. */
export async function planAndAuditErasure(
  session: VaultSession,
  targets: ErasureTargets,
  options: { method: ErasureMethod; site: SiteDetails; files?: number; readMedium: ReadMedium },
): Promise<string> {
  const siteReference = JSON.stringify(options.site);
  const { method, readMedium } = options;
  const erasureJobId =
    'volume' in targets
      ? await planVolumeErasure(session.db, targets.volume, { method, siteReference, readMedium })
      : await planErasure(session.db, {
          targets: (await resolveTargets(targets.paths)).map((t) => t.path),
          method,
          siteReference,
          readMedium,
        });
  auditErasureStart(session, erasureJobId, {
    method: options.method,
    targets: 'volume' in targets ? 1 : targets.paths.length,
    files: options.files,
    site: options.site,
  });
  return erasureJobId;
}

export function auditErasureStart(
  session: VaultSession,
  erasureJobId: string,
  details: { method: ErasureMethod; targets: number; files?: number; site: SiteDetails },
): void {
  session.audit.append('erasure.started', session.actor(), {
    erasureJobId,
    method: details.method,
    targets: details.targets,
    ...(details.files === undefined ? {} : { files: details.files }),
    site: details.site.hospital,
  });
}

/** The site a job was planned for, from its journal (the JSON of SiteDetails the workflow records). */
export function siteFromReference(reference: string | null): SiteDetails {
  try {
    const parsed = JSON.parse(reference ?? '') as Partial<SiteDetails>;
    const site = {
      hospital: parsed.hospital ?? '',
      department: parsed.department ?? '',
      administrator: parsed.administrator ?? '',
      reference: parsed.reference ?? '',
    };
    return parsed.mediumAfter ? { ...site, mediumAfter: parsed.mediumAfter } : site;
  } catch {
    return { hospital: '', department: '', administrator: '', reference: reference ?? '' };
  }
}

/** The evidence of a finished (or cancelled) job, with its end in the audit log. */
export function auditErasureEnd(session: VaultSession, erasureJobId: string, options: { toolVersion: string }): ErasureEvidence {
  const evidence = erasureEvidence(session.db, erasureJobId, { toolVersion: options.toolVersion });
  session.audit.append('erasure.finished', session.actor(), {
    erasureJobId,
    status: evidence.status,
    filesErased: evidence.totals.filesErased,
    exceptions: evidence.totals.exceptions,
  });
  return evidence;
}
