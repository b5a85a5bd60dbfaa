/**
 * The sanitization pipeline (10-5, 8-1), fail closed. For every chosen file: its SHA-256, its
 * true type and active content (analyze/), the vendor policy, and the anti-virus engine's
 * own result — the engine scans the whole batch in one call while the analysis runs, so the
 * pipeline costs little more than the bare scan. Then:
 * - passed: copied byte for byte to the output folder, hashed while written; a copy whose
 *   hash differs from the scanned file's (it changed meanwhile) is removed and blocked;
 * - sanitized: a DICOM file's copy with its 128-byte preamble zeroed, both hashes recorded;
 * - blocked: imported into the vault's encrypted quarantine, never written to the output.
 * Originals are never modified. A cancelled run removes what it wrote to the output.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, readdir, rm, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../app-error';
import { copyAndHash } from '../files/copy-and-hash';
import { hashFile } from '../files/hash-file';
import { walkFiles, UnreadableSourceError, type FoundFile } from '../files/walk-files';
import { importPaths } from '../vault/vault-items';
import type { VaultSession } from '../vault/vault-session';
import { decideVerdict } from './decide-verdict';
import type { SanitizePolicy } from './sanitize-policy';
import type { AntivirusEngine, ContentAnalysis, EngineInfo, Finding, ScanResult, Verdict } from './sanitize-types';

export interface SanitizedFile {
  /** Relative to what was chosen, POSIX-style: the same path in the output folder. */
  readonly path: string;
  readonly size: number;
  readonly sha256Before: string | null;
  /** Of the delivered copy; null when nothing was delivered. */
  readonly sha256After: string | null;
  readonly type: string;
  readonly innerTypes: readonly string[];
  readonly verdict: Verdict;
  readonly findings: readonly Finding[];
  /** The vault item holding a blocked file, encrypted. */
  readonly quarantineItemId: string | null;
}

export interface SanitizationResult {
  readonly id: string;
  readonly startedAt: string;
  readonly finishedAt: string;
  /** The output folder's name (its full path stays on this laptop). */
  readonly outputName: string;
  readonly engine: EngineInfo | null;
  readonly engineName: string;
  readonly policy: { readonly allowedTypes: readonly string[]; readonly releases: number };
  readonly files: readonly SanitizedFile[];
}

export interface SanitizeProgress {
  readonly filesDone: number;
  readonly filesTotal: number;
  readonly bytesDone: number;
  readonly bytesTotal: number;
}

export type Analyze = (file: string, name: string, options?: { signal?: AbortSignal }) => Promise<ContentAnalysis>;
export type ZeroPreamble = (source: string, target: string) => Promise<void>;

export interface SanitizeDeps {
  readonly engine: AntivirusEngine;
  readonly policy: SanitizePolicy;
  readonly analyze: Analyze;
  readonly now?: () => Date;
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: SanitizeProgress) => void;
}

const UNKNOWN_TYPE = { id: 'unknown', mime: null, extensions: [] } as const;

function isInside(child: string, parent: string): boolean {
  const relative = path.relative(parent, child);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/** The output folder: new or empty, and neither inside a source nor containing one. */
async function prepareOutput(outputDir: string, sources: readonly string[]): Promise<void> {
  const output = path.resolve(outputDir);
  if (sources.some((s) => isInside(output, path.resolve(s)) || isInside(path.resolve(s), output))) throw new AppError('SANITIZE_OUTPUT_OVERLAPS');
  await mkdir(output, { recursive: true });
  if ((await readdir(output)).length > 0) throw new AppError('SANITIZE_OUTPUT_NOT_EMPTY');
}

export async function runSanitization(session: VaultSession, sources: readonly string[], outputDir: string, deps: SanitizeDeps): Promise<SanitizationResult> {
  const now = deps.now ?? (() => new Date());
  const id = randomUUID();
  const startedAt = now().toISOString();
  if (sources.length === 0) throw new AppError('SANITIZE_NOTHING_CHOSEN');
  await prepareOutput(outputDir, sources);
  let found: Awaited<ReturnType<typeof walkFiles>>;
  try {
    found = await walkFiles(sources);
  } catch (error) {
    if (error instanceof UnreadableSourceError) throw new AppError('VAULT_SOURCE_UNREADABLE');
    throw error;
  }
  // Every byte is read twice: analysed (hash, type, content) and delivered (copied) or quarantined.
  const bytesTotal = 2 * found.files.reduce((sum, f) => sum + f.size, 0);
  let bytesDone = 0;
  let filesDone = 0;
  const report = () => deps.onProgress?.({ filesDone, filesTotal: found.files.length, bytesDone, bytesTotal });
  report();

  // The engine reads the files itself, in parallel with the analysis below.
  const scanning = deps.engine.scan(
    found.files.map((f) => f.absolute),
    { signal: deps.signal },
  ).catch(() => new Map<string, ScanResult>());
  const engineInfo = await deps.engine.info().catch(() => null);

  const analyzed: { file: FoundFile; sha256: string | null; analysis: ContentAnalysis }[] = [];
  for (const file of found.files) {
    deps.signal?.throwIfAborted();
    try {
      const { sha256 } = await hashFile(file.absolute, { signal: deps.signal });
      const analysis = await deps.analyze(file.absolute, path.posix.basename(file.relativePath), { signal: deps.signal });
      analyzed.push({ file, sha256, analysis });
    } catch (error) {
      if (deps.signal?.aborted) throw error;
      analyzed.push({ file, sha256: null, analysis: { type: UNKNOWN_TYPE, findings: [{ code: 'UNREADABLE' }], transform: null, innerTypes: [] } });
    }
    bytesDone += file.size;
    report();
  }
  const scans = await scanning;
  deps.signal?.throwIfAborted();

  const written: string[] = [];
  const results: SanitizedFile[] = [];
  try {
    for (const { file, sha256, analysis } of analyzed) {
      deps.signal?.throwIfAborted();
      // A file to be changed (a PE/DICOM polyglot) is judged by the engine on its changed copy,
      // below: the original's preamble is what the change removes.
      const originalScan = engineInfo ? (scans.get(file.absolute) ?? null) : null;
      const decision = decideVerdict(analysis, analysis.transform && engineInfo ? { status: 'clean' } : originalScan, deps.engine.name, sha256 ?? '', deps.policy);
      const target = path.join(path.resolve(outputDir), ...file.relativePath.split('/'));
      let verdict = decision.verdict;
      let findings = decision.findings;
      let sha256After: string | null = null;
      if (verdict !== 'blocked') {
        await mkdir(path.dirname(target), { recursive: true });
        written.push(target);
        const copied = await deliver(file.absolute, target, analysis.transform, deps.signal);
        const copyScan = analysis.transform ? ((await deps.engine.scan([target], { signal: deps.signal }).catch(() => null))?.get(target) ?? null) : null;
        if (verdict === 'passed' && copied.sha256 !== sha256) {
          await unlink(target);
          verdict = 'blocked';
          findings = [...findings, { code: 'CHANGED_DURING_SCAN' }];
        } else if (analysis.transform && copyScan?.status !== 'clean') {
          await unlink(target);
          verdict = 'blocked';
          findings = [...findings, copyScan?.status === 'infected' ? { code: 'MALWARE', params: { name: copyScan.name, engine: deps.engine.name } } : { code: 'SCAN_FAILED', params: { engine: deps.engine.name } }];
        } else {
          sha256After = copied.sha256;
        }
      }
      let quarantineItemId: string | null = null;
      if (verdict === 'blocked' && sha256 !== null) {
        const [item] = await importPaths(session, [file.absolute], `quarantine/${id}`);
        quarantineItemId = item?.id ?? null;
      }
      results.push({ path: file.relativePath, size: file.size, sha256Before: sha256, sha256After, type: analysis.type.id, innerTypes: analysis.innerTypes, verdict, findings, quarantineItemId });
      bytesDone += file.size;
      filesDone += 1;
      report();
    }
  } catch (error) {
    // Cancelled or failed: nothing half-delivered stays in the output folder.
    await Promise.all(written.map((file) => rm(file, { force: true })));
    throw error;
  }
  for (const other of found.others) {
    results.push({ path: other.relativePath, size: 0, sha256Before: null, sha256After: null, type: other.kind, innerTypes: [], verdict: 'blocked', findings: [{ code: 'NOT_A_REGULAR_FILE' }], quarantineItemId: null });
  }
  return {
    id,
    startedAt,
    finishedAt: now().toISOString(),
    outputName: path.basename(path.resolve(outputDir)),
    engine: engineInfo,
    engineName: deps.engine.name,
    policy: { allowedTypes: deps.policy.allowedTypes, releases: deps.policy.releases.length },
    files: results.sort((a, b) => a.path.localeCompare(b.path)),
  };
}

/** Writes the delivered copy: byte for byte, or with the DICOM preamble (bytes 0–127) zeroed. */
async function deliver(source: string, target: string, transform: ContentAnalysis['transform'], signal?: AbortSignal): Promise<{ sha256: string }> {
  if (transform === 'dicom-zero-preamble') {
    return copyAndHash(source, target, {
      signal,
      transform: (chunk, offset) => {
        if (offset < 128) chunk.fill(0, 0, Math.min(128 - offset, chunk.length));
      },
    });
  }
  return copyAndHash(source, target, { signal });
}

/** Used by tests and the CLI: the folder exists and is empty. */
export async function isEmptyFolder(folder: string): Promise<boolean> {
  const info = await stat(folder).catch(() => null);
  return info?.isDirectory() === true && (await readdir(folder)).length === 0;
}
