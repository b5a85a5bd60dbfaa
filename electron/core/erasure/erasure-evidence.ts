/**
 * The evidence of a finished erasure job (10-1), as the certificate service needs it: method
 * in NIST SP 800-88 terms (Rev. 1 Appendix G / Rev. 2 §4.6 fields), tool, times, per-target
 * summaries, every entry with its SHA-256 before erasure and what was done to it, exceptions
 * with their codes, and the residual risks stated plainly. Nothing is reported erased that was
 * not overwritten by every pass AND read back in full — the rule is applied here, from the
 * journal's numbers, not taken from its state alone.
 */
import type { VaultDatabase } from '../../db/open-vault-database';
import { describePasses, passPatterns, type ErasureMethod } from './erasure-methods';
import { ErasureError, exceptionDescriptions, type ExceptionCode, type Observation } from './erasure-exceptions';
import { getJob, listJobItems, type ErasureItem, type ErasureScope, type ItemKind, type ItemState } from './erasure-journal';
import type { ReadBack } from './direct-io';

export const ERASURE_EVIDENCE_SCHEMA = 'fieldguard/erasure-evidence/1';
export const STREAM_DESCRIPTION = 'AES-256-CTR keystream, per-job random key, not stored';
export const CACHED_VERIFICATION = 'read-back (may be served from the OS cache)';
export const DIRECT_VERIFICATION = 'read-back with O_DIRECT, bypassing the OS page cache (the device’s own cache may still have answered)';
export const VOLUME_STATEMENT =
  'file-level erasure plus free-space overwrite: the most a file-level tool can do; remapped/over-provisioned flash blocks are not reached (NIST SP 800-88: Clear at best)';

/** Filled in by the caller from the volume list (model, serial, file system…); this module leaves it null. */
export interface MediaInfo {
  readonly description?: string;
  readonly model?: string;
  readonly serialNumber?: string;
  readonly fileSystem?: string;
  readonly capacityBytes?: number;
  readonly removable?: boolean;
  readonly mountPath?: string;
}

export type ItemOutcome = 'erased' | 'removed' | 'exception' | 'not-erased';

export interface EvidenceItem {
  readonly seq: number;
  readonly path: string;
  readonly kind: ItemKind;
  readonly size: number;
  readonly sha256Before: string | null;
  readonly state: ItemState;
  readonly outcome: ItemOutcome;
  readonly passes: number;
  readonly bytesWritten: number;
  readonly bytesVerified: number;
  readonly readBack: ReadBack | null;
  readonly exceptionCode: ExceptionCode | null;
  readonly observations: readonly Observation[];
  readonly startedAt: string | null;
  readonly finishedAt: string | null;
}

export interface TargetSummary {
  readonly path: string;
  readonly files: number;
  readonly folders: number;
  readonly links: number;
  readonly bytes: number;
  readonly filesErased: number;
  readonly bytesErased: number;
  readonly exceptions: number;
}

export interface ErasureEvidence {
  readonly schema: typeof ERASURE_EVIDENCE_SCHEMA;
  readonly jobId: string;
  readonly status: 'erased' | 'erased-with-exceptions' | 'aborted';
  readonly scope: ErasureScope;
  readonly siteReference: string | null;
  readonly tool: { readonly name: 'FieldGuard'; readonly version: string };
  readonly method: {
    readonly id: ErasureMethod;
    /** NIST SP 800-88 category. */
    readonly category: 'Clear';
    /** File-level erasure sanitizes part of a medium, never all of it. */
    readonly sanitization: 'partial';
    readonly technique: 'overwrite';
    readonly passes: number;
    readonly pattern: string;
    readonly prng: typeof STREAM_DESCRIPTION | null;
    readonly verification: string;
  };
  readonly startedAt: string | null;
  readonly finishedAt: string | null;
  readonly durationSeconds: number | null;
  /** 1, or more when the job was interrupted and resumed (each run under a new key). */
  readonly runs: number;
  readonly targets: readonly TargetSummary[];
  readonly items: readonly EvidenceItem[];
  readonly exceptions: ReadonlyArray<{ readonly seq: number; readonly path: string; readonly kind: ItemKind; readonly code: ExceptionCode; readonly description: string }>;
  readonly freeSpace: { readonly bytesWritten: number; readonly bytesVerified: number; readonly outcome: ItemOutcome; readonly readBack: ReadBack | null } | null;
  readonly totals: {
    readonly files: number;
    readonly filesErased: number;
    readonly bytesErased: number;
    readonly bytesWritten: number;
    readonly bytesVerified: number;
    readonly entriesRemoved: number;
    readonly exceptions: number;
    readonly notErased: number;
  };
  readonly media: MediaInfo | null;
  readonly residualRisks: readonly string[];
  readonly notes: readonly string[];
}

/** Erased means: every pass written over the whole length, that length read back and matched, and the entry gone. */
function outcomeOf(item: ErasureItem, passes: number): ItemOutcome {
  if (item.state === 'exception') return 'exception';
  if (item.state !== 'removed') return 'not-erased';
  if (item.kind === 'link' || item.kind === 'folder') return 'removed';
  const fullyWritten = item.passesDone === passes && item.bytesWritten === item.bytesVerified * passes;
  return fullyWritten && item.readBack !== null ? 'erased' : 'not-erased';
}

function verificationOf(items: readonly ErasureItem[]): string {
  const readBacks = items.map((i) => i.readBack).filter((r): r is ReadBack => r !== null);
  const cached = readBacks.filter((r) => r === 'cached').length;
  if (cached === 0) return DIRECT_VERIFICATION;
  if (cached === readBacks.length) return CACHED_VERIFICATION;
  return `${CACHED_VERIFICATION} for ${cached} of ${readBacks.length} entries; the others: ${DIRECT_VERIFICATION}`;
}

function residualRisks(scope: ErasureScope, status: ErasureEvidence['status'], items: readonly ErasureItem[]): string[] {
  const risks = [
    'NIST SP 800-88: overwriting through the file system is Clear at best, and erasing chosen files is partial sanitization of the medium.',
    'SSDs, USB flash drives and memory cards write to other cells than the ones addressed (wear levelling) and keep remapped and over-provisioned blocks that an overwrite cannot reach; earlier copies of the data may survive there.',
    'Journaling and copy-on-write file systems can keep other copies: ext4 with data=journal writes file content to its journal first; btrfs, ZFS and APFS write changed blocks elsewhere instead of in place, and their snapshots keep the old ones; NTFS stores small files inside their MFT record and logs changes in $LogFile and the USN journal. The overwrite reaches the blocks the file system assigns to each file now.',
    'File names can remain in file-system metadata: every entry was renamed to a random name of the same length before removal, but directory blocks and the file-system journal may still hold the old name.',
    'Verification read back every byte of the last pass and compared it with the expected pattern: it proves the file system returned the new content for each file’s current blocks, not that no other copy exists.',
  ];
  if (items.some((i) => i.readBack === 'cached')) risks.push(`Some read-backs may have been served from the operating system’s cache (${CACHED_VERIFICATION}): they prove what the cache held after the flush, not what the device returned.`);
  if (items.some((i) => i.observations.includes('sparse-filled'))) risks.push('Sparse files were written over their whole logical size; blocks they had released before cannot be found from the file.');
  if (scope === 'removable-volume') {
    risks.push(VOLUME_STATEMENT);
    risks.push('Space the file system keeps for itself (metadata, its journal, and blocks reserved for the administrator when run without admin rights) is not overwritten.');
  } else {
    risks.push('Only the listed entries were erased: copies elsewhere (backups, synchronised folders, the recycle bin, temporary and thumbnail files, swap and hibernation files) and space freed earlier by other deletions are outside this job.');
  }
  if (status === 'aborted') risks.push('The job was cancelled: entries marked not erased still hold their data, possibly partly overwritten.');
  return risks;
}

export interface EvidenceOptions {
  /** FieldGuard's version, from package.json, as the caller knows it. */
  readonly toolVersion: string;
  readonly media?: MediaInfo | null;
}

/** The evidence of a completed or aborted job; a job still planned or running has none yet. */
export function erasureEvidence(db: VaultDatabase, jobId: string, options: EvidenceOptions): ErasureEvidence {
  const job = getJob(db, jobId);
  if (!job) throw new ErasureError('ERASURE_JOB_NOT_FOUND');
  if (job.state !== 'completed' && job.state !== 'aborted') throw new ErasureError('ERASURE_JOB_NOT_FINISHED');
  const passes = passPatterns(job.method);
  const rows = listJobItems(db, jobId);
  const items: EvidenceItem[] = rows.map((row) => ({
    seq: row.seq,
    path: row.path,
    kind: row.kind,
    size: row.size,
    sha256Before: row.sha256Before,
    state: row.state,
    outcome: outcomeOf(row, passes.length),
    passes: row.passesDone,
    bytesWritten: row.bytesWritten,
    bytesVerified: row.bytesVerified,
    readBack: row.readBack,
    exceptionCode: row.exceptionCode,
    observations: row.observations,
    startedAt: row.startedAt,
    finishedAt: row.finishedAt,
  }));
  const exceptions = items
    .filter((i): i is EvidenceItem & { exceptionCode: ExceptionCode } => i.exceptionCode !== null)
    .map((i) => ({ seq: i.seq, path: i.path, kind: i.kind, code: i.exceptionCode, description: exceptionDescriptions[i.exceptionCode] }));
  const status: ErasureEvidence['status'] = job.state === 'aborted' ? 'aborted' : exceptions.length > 0 ? 'erased-with-exceptions' : 'erased';
  const files = items.filter((i) => i.kind === 'file');
  const erasedFiles = files.filter((i) => i.outcome === 'erased');
  const freeSpaceItem = items.find((i) => i.kind === 'free-space');
  const targetOf = new Map(rows.map((row) => [row.seq, row.targetIndex]));
  const targets: TargetSummary[] = job.targets.map((target, index) => {
    const mine = items.filter((i) => i.kind !== 'free-space' && targetOf.get(i.seq) === index);
    const mineFiles = mine.filter((i) => i.kind === 'file');
    return {
      path: target,
      files: mineFiles.length,
      folders: mine.filter((i) => i.kind === 'folder').length,
      links: mine.filter((i) => i.kind === 'link').length,
      bytes: mineFiles.reduce((sum, i) => sum + i.size, 0),
      filesErased: mineFiles.filter((i) => i.outcome === 'erased').length,
      bytesErased: mineFiles.filter((i) => i.outcome === 'erased').reduce((sum, i) => sum + i.size, 0),
      exceptions: mine.filter((i) => i.outcome === 'exception').length,
    };
  });
  const startedMs = job.startedAt ? Date.parse(job.startedAt) : NaN;
  const finishedMs = job.finishedAt ? Date.parse(job.finishedAt) : NaN;
  const notes: string[] = [];
  if (job.runs > 1) notes.push(`The job was interrupted and resumed (${job.runs} runs); entries in progress at an interruption were overwritten again from the start under the new run’s key.`);
  const madeWritable = items.filter((i) => i.observations.includes('made-writable')).length;
  if (madeWritable > 0) notes.push(`${madeWritable} read-only file(s) were made writable (chmod) before being overwritten.`);
  return {
    schema: ERASURE_EVIDENCE_SCHEMA,
    jobId: job.id,
    status,
    scope: job.scope,
    siteReference: job.siteReference,
    tool: { name: 'FieldGuard', version: options.toolVersion },
    method: {
      id: job.method,
      category: 'Clear',
      sanitization: 'partial',
      technique: 'overwrite',
      passes: passes.length,
      pattern: describePasses(job.method),
      prng: passes.includes('random') ? STREAM_DESCRIPTION : null,
      verification: verificationOf(rows),
    },
    startedAt: job.startedAt,
    finishedAt: job.finishedAt,
    durationSeconds: Number.isFinite(startedMs) && Number.isFinite(finishedMs) ? (finishedMs - startedMs) / 1000 : null,
    runs: job.runs,
    targets,
    items,
    exceptions,
    freeSpace: freeSpaceItem
      ? { bytesWritten: freeSpaceItem.bytesWritten, bytesVerified: freeSpaceItem.bytesVerified, outcome: freeSpaceItem.outcome, readBack: freeSpaceItem.readBack }
      : null,
    totals: {
      files: files.length,
      filesErased: erasedFiles.length,
      bytesErased: erasedFiles.reduce((sum, i) => sum + i.size, 0),
      bytesWritten: items.reduce((sum, i) => sum + i.bytesWritten, 0),
      bytesVerified: items.reduce((sum, i) => sum + i.bytesVerified, 0),
      entriesRemoved: items.filter((i) => i.outcome === 'removed').length,
      exceptions: exceptions.length,
      notErased: items.filter((i) => i.outcome === 'not-erased').length,
    },
    media: options.media ?? null,
    residualRisks: residualRisks(job.scope, status, rows),
    notes,
  };
}
