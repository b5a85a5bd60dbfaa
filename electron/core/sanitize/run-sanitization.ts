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
import { mkdir, open, readdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../app-error';
import { copyAndHash } from '../files/copy-and-hash';
import { hashFile } from '../files/hash-file';
import { walkFiles, type FoundFile } from '../files/walk-files';
import { eraseItem, importPaths, quarantineCollection } from '../vault/vault-items';
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

export interface SanitizeDeps {
  readonly engine: AntivirusEngine;
  readonly policy: SanitizePolicy;
  readonly analyze: Analyze;
  readonly now?: () => Date;
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: SanitizeProgress) => void;
  /** A folder on this laptop's own disk for the copies being checked (default: the vault's data folder). */
  readonly stagingDir?: string;
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
  const found = await walkFiles(sources);
  // Every byte is read twice: copied to staging (hashed on the way) and analysed there.
  const bytesTotal = 2 * found.files.reduce((sum, f) => sum + f.size, 0);
  let bytesDone = 0;
  let filesDone = 0;
  const report = () => deps.onProgress?.({ filesDone, filesTotal: found.files.length, bytesDone, bytesTotal });
  report();

  // The engine reads the originals itself, in parallel with the staging and analysis below.
  const scanning = deps.engine.scan(found.files.map((f) => f.absolute), { signal: deps.signal }).catch(() => new Map<string, ScanResult>());
  const engineInfo = await deps.engine.info().catch(() => null);
  const staging = path.join(deps.stagingDir ?? path.join(session.dataDir, 'staging'), id);
  await mkdir(staging, { recursive: true, mode: 0o700 });
  const written: string[] = [];
  const quarantined: string[] = [];
  try {
    const staged = await stageAndAnalyze(found.files, staging, deps, (bytes) => {
      bytesDone += bytes;
      report();
    });
    const scans = await scanning;
    deps.signal?.throwIfAborted();

    const results: SanitizedFile[] = [];
    for (const { file, copy, sha256, analysis } of staged) {
      deps.signal?.throwIfAborted();
      const outcome = await settle({ file, copy, sha256, analysis }, engineInfo ? (scans.get(file.absolute) ?? null) : null, engineInfo !== null, deps);
      let { verdict, sha256After } = outcome;
      const { findings } = outcome;
      if (verdict !== 'blocked' && copy !== null) {
        const target = path.join(path.resolve(outputDir), ...file.relativePath.split('/'));
        written.push(...(await mkdirTracked(path.dirname(target), path.resolve(outputDir))));
        written.push(target);
        if ((await moveOrCopy(copy, target, sha256After ?? '', deps.signal)) !== sha256After) {
          await rm(target, { force: true });
          verdict = 'blocked';
          sha256After = null;
          findings.push({ code: 'CHANGED_DURING_SCAN' });
        }
      }
      let quarantineItemId: string | null = null;
      if (verdict === 'blocked' && sha256 !== null) {
        const [item] = await importPaths(session, [file.absolute], quarantineCollection(id));
        quarantineItemId = item?.id ?? null;
        if (quarantineItemId) quarantined.push(quarantineItemId);
      }
      results.push({ path: file.relativePath, size: file.size, sha256Before: sha256, sha256After, type: analysis.type.id, innerTypes: analysis.innerTypes, verdict, findings, quarantineItemId });
      bytesDone += file.size;
      filesDone += 1;
      report();
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
  } catch (error) {
    // Cancelled or failed: the output folder is left as empty as it was found (so a retry can
    // use it), and what this run put into the quarantine is erased: no run will point to it.
    for (const entry of written.reverse()) await rm(entry, { recursive: true, force: true });
    for (const itemId of quarantined) await eraseItem(session, itemId).catch(() => undefined);
    throw error;
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

interface Staged {
  readonly file: FoundFile;
  /** The staged copy that was analysed and will be delivered; null when the file could not be read. */
  readonly copy: string | null;
  readonly sha256: string | null;
  readonly analysis: ContentAnalysis;
}

/**
 * Copies each file to the local staging folder, hashing the bytes on the way, and analyses the
 * copy: what is delivered later is exactly what was hashed and analysed, and delivering it to
 * a folder on the same disk is a rename.
 */
async function stageAndAnalyze(files: readonly FoundFile[], staging: string, deps: SanitizeDeps, onBytes: (bytes: number) => void): Promise<Staged[]> {
  const staged: Staged[] = [];
  for (const [index, file] of files.entries()) {
    deps.signal?.throwIfAborted();
    const copy = path.join(staging, String(index));
    try {
      const { sha256 } = await copyAndHash(file.absolute, copy, { signal: deps.signal, sync: false });
      const analysis = await deps.analyze(copy, path.posix.basename(file.relativePath), { signal: deps.signal });
      staged.push({ file, copy, sha256, analysis });
    } catch (error) {
      if (deps.signal?.aborted) throw error;
      staged.push({ file, copy: null, sha256: null, analysis: { type: UNKNOWN_TYPE, findings: [{ code: 'UNREADABLE' }], transform: null, innerTypes: [] } });
    }
    onBytes(file.size);
  }
  return staged;
}

/**
 * The verdict, and the staged copy made ready to deliver: a file that changed since it was
 * chosen is blocked (the engine may have read other bytes than were staged); a DICOM file's
 * copy gets its preamble zeroed — and when the engine objected to the original (a PE/DICOM
 * polyglot's preamble is a "broken executable" to ClamAV), the changed copy is scanned again.
 */
async function settle(staged: Staged, originalScan: ScanResult | null, engineWorks: boolean, deps: SanitizeDeps): Promise<{ verdict: Verdict; findings: Finding[]; sha256After: string | null }> {
  const { file, copy, sha256, analysis } = staged;
  const changed = await stat(file.absolute).then(
    (info) => info.size !== file.size || info.mtime.toISOString() !== file.modifiedAt,
    () => true,
  );
  const rescan = analysis.transform !== null && engineWorks && originalScan?.status !== 'clean';
  const decision = decideVerdict(analysis, rescan ? { status: 'clean' } : originalScan, deps.engine.name, sha256 ?? '', deps.policy);
  const findings = [...decision.findings];
  if (changed) return { verdict: 'blocked', findings: [...findings.filter((f) => f.code !== 'DICOM_PREAMBLE_ZEROED'), { code: 'CHANGED_DURING_SCAN' }], sha256After: null };
  if (decision.verdict === 'blocked' || copy === null) return { verdict: 'blocked', findings, sha256After: null };
  if (analysis.transform === 'dicom-zero-preamble') {
    await zeroPreambleInPlace(copy);
    if (rescan) {
      const copyScan = (await deps.engine.scan([copy], { signal: deps.signal }).catch(() => null))?.get(copy) ?? null;
      if (copyScan?.status !== 'clean') {
        const finding: Finding = copyScan?.status === 'infected' ? { code: 'MALWARE', params: { name: copyScan.name, engine: deps.engine.name } } : { code: 'SCAN_FAILED', params: { engine: deps.engine.name } };
        return { verdict: 'blocked', findings: [...findings.filter((f) => f.code !== 'DICOM_PREAMBLE_ZEROED'), finding], sha256After: null };
      }
    }
    return { verdict: decision.verdict, findings, sha256After: (await hashFile(copy, { signal: deps.signal })).sha256 };
  }
  return { verdict: decision.verdict, findings, sha256After: sha256 };
}

/** Bytes 0–127 of a DICOM file set to zero (CVE-2019-11687); the rest stays byte for byte. */
async function zeroPreambleInPlace(file: string): Promise<void> {
  const handle = await open(file, 'r+');
  try {
    await handle.write(Buffer.alloc(128), 0, 128, 0);
  } finally {
    await handle.close();
  }
}

/** The folders from `folder` up to (not including) `root` that did not exist and were created. */
async function mkdirTracked(folder: string, root: string): Promise<string[]> {
  const created: string[] = [];
  for (let dir = folder; dir !== root && isInside(dir, root); dir = path.dirname(dir)) {
    if (await stat(dir).then(() => true, () => false)) break;
    created.unshift(dir);
  }
  await mkdir(folder, { recursive: true });
  return created;
}

/**
 * Delivers the staged copy: a rename when the output is on the same disk, else a copy hashed
 * as it is written, flushed. Returns the SHA-256 of what is now in the output folder.
 */
async function moveOrCopy(staged: string, target: string, stagedSha256: string, signal?: AbortSignal): Promise<string> {
  try {
    // The staging folder is ours alone (mode 0700): the renamed file is the one that was hashed.
    await rename(staged, target);
    // Flushed as the copy path is: the engineer may unplug the medium right after.
    const handle = await open(target, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
    return stagedSha256;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    return (await copyAndHash(staged, target, { signal })).sha256;
  }
}
