/**
 * The sanitization pipeline (10-5, 8-1), fail closed. For every chosen file: its SHA-256, its
 * true type and active content (analyze/), the vendor policy, and the anti-virus engine's
 * own result — the engine scans the whole batch in one call while the copies are staged,
 * analysed and rebuilt, so the pipeline costs little more than the bare scan. Then:
 * - passed: copied byte for byte to the output folder, hashed while written; a copy whose
 *   hash differs from the scanned file's (it changed meanwhile) is removed and blocked;
 * - sanitized: a DICOM file's copy with its 128-byte preamble zeroed, both hashes recorded;
 * - blocked: imported into the vault's encrypted quarantine, never written to the output.
 * Originals are never modified. A cancelled run removes what it wrote to the output.
 *
 * Where files go: chosen paths are resolved on disk first (walk-sources.ts), each delivered
 * name is made safe and unique and its path proved to stay inside the output folder
 * (delivered-path.ts), and nothing there is ever replaced: a target is created exclusively,
 * and a name taken meanwhile gets a numbered one. The result maps original to delivered names.
 * The engine is judged too: its database's age and size against the policy
 * (antivirus-database-policy.ts), and when it cannot scan, the cause it found is kept.
 */
import { randomUUID } from 'node:crypto';
import { link, mkdir, open, readdir, realpath, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../app-error';
import { isInside } from '../path-inside';
import { copyAndHash } from '../files/copy-and-hash';
import { hashFile } from '../files/hash-file';
import { eraseItem, importPaths, quarantineCollection } from '../vault/vault-items';
import type { VaultSession } from '../vault/vault-session';
import {
  assessDatabase,
  DEFAULT_ANTIVIRUS_DATABASE_POLICY,
  type AntivirusDatabasePolicy,
  type EngineWarning,
} from './antivirus-database-policy';
import { decideVerdict } from './decide-verdict';
import { escapeName } from './delivered-name';
import { DeliveredPaths, targetInside } from './delivered-path';
import { disarmStaged, withExtension, type StagedDisarm } from './rebuild/disarm-staged';
import { openStagingRun, stagingRoot } from './sanitize-staging';
import type { RemovedObject } from './rebuild/rebuild-types';
import type { SanitizePolicy } from './sanitize-policy';
import type {
  AntivirusEngine,
  ContentAnalysis,
  EngineCheck,
  EngineInfo,
  EngineProblem,
  Finding,
  ScanResult,
  Verdict,
} from './sanitize-types';
import { resolveChosen, walkSources, type FoundFile } from './walk-sources';

export interface SanitizedFile {
  /**
   * POSIX-style, relative to the output folder: where the file was delivered. For a file not
   * delivered, its path relative to what was chosen, in printable form (escapeName).
   */
  readonly path: string;
  /** Present only when the delivered path differs: the original one, in printable form (`invoice<U+202E>fdp.txt`). */
  readonly originalPath?: string;
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
  /** A file rebuilt by content disarm (rebuild/): every object removed. */
  readonly removed?: readonly RemovedObject[];
}

export interface SanitizationResult {
  readonly id: string;
  readonly startedAt: string;
  readonly finishedAt: string;
  /** The output folder's name (its full path stays on this laptop). */
  readonly outputName: string;
  /** With the database's age in whole days at the start of the run (null: the engine gives no date). */
  readonly engine: (EngineInfo & { readonly databaseAgeDays?: number | null }) | null;
  readonly engineName: string;
  /** The database judged against the policy: too old, date unknown, too few signatures. */
  readonly engineWarnings?: readonly EngineWarning[];
  /** Why the engine could not scan (then nothing passed): the adapter's own finding. */
  readonly engineProblem?: EngineProblem;
  readonly policy: {
    readonly allowedTypes: readonly string[];
    readonly releases: number;
    readonly antivirusDatabase?: AntivirusDatabasePolicy;
  };
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
  /** A folder on this laptop's own disk for the copies being checked (default: `staging` in the vault's data folder, swept at start). */
  readonly stagingDir?: string;
}

const UNKNOWN_TYPE = { id: 'unknown', mime: null, extensions: [] } as const;

/**
 * The output folder, by its real path: new or empty, and neither inside a source nor
 * containing one (compared by real paths, so `src/sub/..` is `src`).
 */
async function prepareOutput(outputDir: string, sources: readonly string[]): Promise<string> {
  const resolvedSources = await Promise.all(sources.map(resolveChosen));
  const overlaps = (output: string) => resolvedSources.some((s) => isInside(output, s) || isInside(s, output));
  if (overlaps(path.resolve(outputDir))) throw new AppError('SANITIZE_OUTPUT_OVERLAPS');
  await mkdir(outputDir, { recursive: true });
  const output = await realpath(outputDir);
  if (overlaps(output)) throw new AppError('SANITIZE_OUTPUT_OVERLAPS');
  if ((await readdir(output)).length > 0) throw new AppError('SANITIZE_OUTPUT_NOT_EMPTY');
  return output;
}

/** The engine's own check, never thrown: an engine that fails to answer cannot scan. */
async function checkEngine(engine: AntivirusEngine): Promise<EngineCheck> {
  try {
    return await engine.check();
  } catch (error) {
    return { ok: false, problem: { code: 'ENGINE_FAILED', detail: error instanceof Error ? error.message : String(error) } };
  }
}

export async function runSanitization(
  session: VaultSession,
  sources: readonly string[],
  outputDir: string,
  deps: SanitizeDeps,
): Promise<SanitizationResult> {
  const now = deps.now ?? (() => new Date());
  const id = randomUUID();
  const startedAt = now().toISOString();
  if (sources.length === 0) throw new AppError('SANITIZE_NOTHING_CHOSEN');
  const outputRoot = await prepareOutput(outputDir, sources);
  const found = await walkSources(sources);
  // Every byte is read twice: copied to staging (hashed on the way) and analysed there.
  const bytesTotal = 2 * found.files.reduce((sum, f) => sum + f.size, 0);
  let bytesDone = 0;
  let filesDone = 0;
  const report = () => deps.onProgress?.({ filesDone, filesTotal: found.files.length, bytesDone, bytesTotal });
  report();

  // The engine reads the originals itself, in parallel with the staging and analysis below.
  const scanning = deps.engine
    .scan(
      found.files.map((f) => f.absolute),
      { signal: deps.signal },
    )
    .catch(() => new Map<string, ScanResult>());
  const engineCheck = await checkEngine(deps.engine);
  const engineInfo = engineCheck.ok ? engineCheck.info : null;
  const databasePolicy = deps.policy.antivirusDatabase ?? DEFAULT_ANTIVIRUS_DATABASE_POLICY;
  const database = engineInfo ? assessDatabase(engineInfo, databasePolicy, new Date(startedAt)) : null;
  const deliveredPaths = new DeliveredPaths();
  const stagingRun = await openStagingRun(deps.stagingDir ?? stagingRoot(session.dataDir), id);
  const staging = stagingRun.folder;
  const written: string[] = [];
  const quarantined: string[] = [];
  const prepared = new PreparedCopies(deps.signal);
  try {
    const staged = await stageAnalyzeAndDisarm(found.files, staging, deps, prepared, (bytes) => {
      bytesDone += bytes;
      report();
    });
    const scans = await scanning;
    deps.signal?.throwIfAborted();
    // The cause when the engine could not scan at all: its check's, or what its scan found (a database it refused).
    const engineProblem = engineCheck.ok
      ? [...scans.values()].map((s) => (s.status === 'error' ? s.problem : undefined)).find((p) => p !== undefined)
      : engineCheck.problem;

    const results: SanitizedFile[] = [];
    for (const { file, copy, sha256, analysis: originalAnalysis, disarm: disarmed } of staged) {
      deps.signal?.throwIfAborted();
      // Content disarm: a rebuilt copy is judged on its own analysis (and the original's scan) and delivered instead.
      let disarm = disarmed;
      const scan = engineInfo ? (scans.get(file.absolute) ?? null) : null;
      const original = { file, copy, sha256, analysis: originalAnalysis };
      let judged = disarm.kind === 'rebuilt' ? { file, copy: disarm.copy, sha256, analysis: disarm.analysis } : original;
      let outcome = await settle(judged, scan, engineInfo !== null, deps, prepared);
      if (disarm.kind === 'rebuilt' && outcome.verdict === 'blocked') {
        // Not delivered anyway (the engine named the original, a type not allowed…): reported for what the original holds.
        disarm = { kind: 'kept' };
        judged = original;
        outcome = await settle(judged, scan, engineInfo !== null, deps, prepared);
      }
      const { analysis } = judged;
      let { verdict, sha256After } = outcome;
      const { findings } = outcome;
      if (disarm.kind === 'rebuilt' && verdict !== 'blocked') {
        verdict = 'sanitized';
        // settle() gives the original's hash for an unchanged copy; the rebuilt file has its own.
        sha256After = await prepared.sha256(disarm.copy);
      }
      if (disarm.kind === 'failed' && verdict === 'blocked') findings.push(disarm.finding);
      // An unfit database under a blocking policy: nothing it "cleared" is delivered.
      if (verdict !== 'blocked' && database && database.blockingFindings.length > 0) {
        verdict = 'blocked';
        sha256After = null;
        findings.splice(0, findings.length, ...findings.filter((f) => f.code !== 'DICOM_PREAMBLE_ZEROED'), ...database.blockingFindings);
      }
      let deliveredPath: string | null = null;
      if (verdict !== 'blocked' && judged.copy !== null) {
        const named = disarm.kind === 'rebuilt' ? withExtension(file.relativePath, disarm.extension) : file.relativePath;
        const delivered = await deliver(
          judged.copy,
          outputRoot,
          deliveredPaths.assign(named),
          deliveredPaths,
          sha256After ?? '',
          written,
          deps.signal,
        );
        deliveredPath = delivered.path;
        if (delivered.sha256 !== sha256After) {
          await rm(targetInside(outputRoot, delivered.path), { force: true });
          verdict = 'blocked';
          sha256After = null;
          deliveredPath = null;
          findings.push({ code: 'CHANGED_DURING_SCAN' });
        }
      }
      let quarantineItemId: string | null = null;
      if (verdict === 'blocked' && sha256 !== null) {
        const [item] = await importPaths(session, [file.absolute], quarantineCollection(id));
        quarantineItemId = item?.id ?? null;
        if (quarantineItemId) quarantined.push(quarantineItemId);
      }
      const printable = escapeName(file.relativePath);
      const naming =
        deliveredPath === null
          ? { path: printable }
          : { path: deliveredPath, ...(deliveredPath !== file.relativePath ? { originalPath: printable } : {}) };
      const removed = disarm.kind === 'rebuilt' && verdict === 'sanitized' ? { removed: disarm.removed } : {};
      results.push({
        ...naming,
        size: file.size,
        sha256Before: sha256,
        sha256After,
        type: analysis.type.id,
        innerTypes: analysis.innerTypes,
        verdict,
        findings,
        quarantineItemId,
        ...removed,
      });
      bytesDone += file.size;
      filesDone += 1;
      report();
    }
    for (const skipped of found.skipped) {
      const finding: Finding =
        skipped.reason === 'NAME_NOT_UTF8'
          ? { code: 'NAME_NOT_UTF8', params: { name: path.posix.basename(skipped.relativePath) } }
          : { code: skipped.reason };
      results.push({
        path: escapeName(skipped.relativePath),
        size: 0,
        sha256Before: null,
        sha256After: null,
        type: skipped.kind,
        innerTypes: [],
        verdict: 'blocked',
        findings: [finding],
        quarantineItemId: null,
      });
    }
    return {
      id,
      startedAt,
      finishedAt: now().toISOString(),
      outputName: path.basename(outputRoot),
      engine: engineInfo && { ...engineInfo, databaseAgeDays: database?.ageDays ?? null },
      engineName: deps.engine.name,
      engineWarnings: database?.warnings ?? [],
      ...(engineProblem ? { engineProblem } : {}),
      policy: { allowedTypes: deps.policy.allowedTypes, releases: deps.policy.releases.length, antivirusDatabase: databasePolicy },
      files: results.sort((a, b) => a.path.localeCompare(b.path)),
    };
  } catch (error) {
    // Cancelled or failed: the output folder is left as empty as it was found (so a retry can
    // use it), and what this run put into the quarantine is erased: no run will point to it.
    for (const entry of written.reverse()) await rm(entry, { recursive: true, force: true });
    for (const itemId of quarantined) await eraseItem(session, itemId).catch(() => undefined);
    throw error;
  } finally {
    await prepared.settled();
    // Plaintext copies of the site's files: overwritten, not just unlinked (a crash leaves them to the sweep at start).
    await stagingRun.discard();
  }
}

interface Staged {
  readonly file: FoundFile;
  /** The staged copy that was analysed and will be delivered; null when the file could not be read. */
  readonly copy: string | null;
  readonly sha256: string | null;
  readonly analysis: ContentAnalysis;
  /** Content disarm of the copy: what is judged and delivered instead of it, if anything. */
  readonly disarm: StagedDisarm;
}

/**
 * What a staged copy needs before it can be delivered — the DICOM preamble zeroed, the hash of
 * what will be delivered — done at most once per copy. It is started while the engine is still
 * scanning (the work that used to follow the scan was a sixth of the whole run, issue 15) and
 * awaited when the verdict is given; a copy that ends up blocked is never delivered, so
 * preparing it early changes nothing.
 */
class PreparedCopies {
  private readonly zeroed = new Map<string, Promise<string>>();
  private readonly hashed = new Map<string, Promise<string>>();

  constructor(private readonly signal?: AbortSignal) {}

  /** The SHA-256 of the copy as it is (a rebuilt file, which nothing changes afterwards). */
  sha256(copy: string): Promise<string> {
    return once(this.hashed, copy, async () => (await hashFile(copy, { signal: this.signal })).sha256);
  }

  /** Zeroes the copy's DICOM preamble and gives the SHA-256 of the result. */
  zeroedPreambleSha256(copy: string): Promise<string> {
    return once(this.zeroed, copy, async () => {
      await zeroPreambleInPlace(copy);
      return (await hashFile(copy, { signal: this.signal })).sha256;
    });
  }

  /** Waits for everything started, failed or not (before the staging folder is removed). */
  async settled(): Promise<void> {
    await Promise.allSettled([...this.zeroed.values(), ...this.hashed.values()]);
  }

  /** Starts what the copy will need if it is delivered, judged by `analysis`. */
  prepare(copy: string, analysis: ContentAnalysis, rebuilt: boolean): Promise<unknown> {
    if (analysis.transform === 'dicom-zero-preamble') return this.zeroedPreambleSha256(copy);
    return rebuilt ? this.sha256(copy) : Promise.resolve();
  }
}

function once<T>(started: Map<string, Promise<T>>, key: string, work: () => Promise<T>): Promise<T> {
  let promise = started.get(key);
  if (!promise) {
    promise = work();
    started.set(key, promise);
  }
  return promise;
}

/**
 * Copies each file to the local staging folder, hashing the bytes on the way, analyses the
 * copy, rebuilds it when content disarm applies (in the rebuild worker) and prepares what will
 * be delivered — all while the engine scans the originals: what is delivered later is exactly
 * what was hashed and analysed, and delivering it to a folder on the same disk is a rename.
 */
async function stageAnalyzeAndDisarm(
  files: readonly FoundFile[],
  staging: string,
  deps: SanitizeDeps,
  prepared: PreparedCopies,
  onBytes: (bytes: number) => void,
): Promise<Staged[]> {
  const staged: Staged[] = [];
  for (const [index, file] of files.entries()) {
    deps.signal?.throwIfAborted();
    const copy = path.join(staging, String(index));
    const name = path.posix.basename(file.relativePath);
    let analysis: ContentAnalysis;
    let sha256: string;
    try {
      ({ sha256 } = await copyAndHash(file.absolute, copy, { signal: deps.signal, sync: false }));
      analysis = await deps.analyze(copy, name, { signal: deps.signal });
    } catch (error) {
      if (deps.signal?.aborted) throw error;
      staged.push({
        file,
        copy: null,
        sha256: null,
        analysis: { type: UNKNOWN_TYPE, findings: [{ code: 'UNREADABLE' }], transform: null, innerTypes: [] },
        disarm: { kind: 'kept' },
      });
      onBytes(file.size);
      continue;
    }
    const disarm = await disarmStaged(copy, name, analysis, {
      analyze: deps.analyze,
      blockTypes: deps.policy.rebuildBlockTypes,
      signal: deps.signal,
    });
    // Only what would be delivered: the rebuilt file, or else the copy itself. A failure here
    // surfaces where the verdict awaits it, as it did when the work came after the scan.
    void prepared
      .prepare(
        disarm.kind === 'rebuilt' ? disarm.copy : copy,
        disarm.kind === 'rebuilt' ? disarm.analysis : analysis,
        disarm.kind === 'rebuilt',
      )
      .catch(() => undefined);
    staged.push({ file, copy, sha256, analysis, disarm });
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
async function settle(
  staged: Omit<Staged, 'disarm'>,
  originalScan: ScanResult | null,
  engineWorks: boolean,
  deps: SanitizeDeps,
  prepared: PreparedCopies,
): Promise<{ verdict: Verdict; findings: Finding[]; sha256After: string | null }> {
  const { file, copy, sha256, analysis } = staged;
  const changed = await stat(file.absolute).then(
    (info) => info.size !== file.size || info.mtime.toISOString() !== file.modifiedAt,
    () => true,
  );
  const rescan = analysis.transform !== null && engineWorks && originalScan?.status !== 'clean';
  const decision = decideVerdict(analysis, rescan ? { status: 'clean' } : originalScan, deps.engine.name, sha256 ?? '', deps.policy);
  const findings = [...decision.findings];
  if (changed)
    return {
      verdict: 'blocked',
      findings: [...findings.filter((f) => f.code !== 'DICOM_PREAMBLE_ZEROED'), { code: 'CHANGED_DURING_SCAN' }],
      sha256After: null,
    };
  if (decision.verdict === 'blocked' || copy === null) return { verdict: 'blocked', findings, sha256After: null };
  if (analysis.transform === 'dicom-zero-preamble') {
    const zeroedSha256 = await prepared.zeroedPreambleSha256(copy);
    if (rescan) {
      const copyScan = (await deps.engine.scan([copy], { signal: deps.signal }).catch(() => null))?.get(copy) ?? null;
      if (copyScan?.status !== 'clean') {
        const finding: Finding =
          copyScan?.status === 'infected'
            ? { code: 'MALWARE', params: { name: copyScan.name, engine: deps.engine.name } }
            : { code: 'SCAN_FAILED', params: { engine: deps.engine.name } };
        return {
          verdict: 'blocked',
          findings: [...findings.filter((f) => f.code !== 'DICOM_PREAMBLE_ZEROED'), finding],
          sha256After: null,
        };
      }
    }
    return { verdict: decision.verdict, findings, sha256After: zeroedSha256 };
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
    if (
      await stat(dir).then(
        () => true,
        () => false,
      )
    )
      break;
    created.unshift(dir);
  }
  await mkdir(folder, { recursive: true });
  return created;
}

/**
 * Puts the staged copy at `delivered` (inside `root`), never replacing anything: a name found
 * taken on disk gets the next numbered one. Every folder and file it creates is added to
 * `written` (for the clean-up of a cancelled run); a file that was there already never is.
 */
async function deliver(
  staged: string,
  root: string,
  first: string,
  names: DeliveredPaths,
  stagedSha256: string,
  written: string[],
  signal?: AbortSignal,
): Promise<{ path: string; sha256: string }> {
  for (let delivered = first; ; delivered = names.reassign(delivered)) {
    const target = targetInside(root, delivered);
    written.push(...(await mkdirTracked(path.dirname(target), root)));
    // Proved on disk too: a folder swapped for a link meanwhile must not lead outside.
    if (!isInside(await realpath(path.dirname(target)), root)) throw new AppError('SANITIZE_OUTPUT_OUTSIDE');
    try {
      const sha256 = await moveOrCopy(staged, target, stagedSha256, signal);
      written.push(target);
      return { path: delivered, sha256 };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
        // A partial copy is ours (O_EXCL created it): removed with the rest.
        written.push(target);
        throw error;
      }
    }
  }
}

/**
 * Delivers the staged copy: a hard link when the output is on the same disk (then the
 * staged name is removed), else a copy hashed as it is written, flushed. Both fail with
 * EEXIST rather than replace a file. Returns the SHA-256 of what is now in the output folder.
 */
async function moveOrCopy(staged: string, target: string, stagedSha256: string, signal?: AbortSignal): Promise<string> {
  try {
    // The staging folder is ours alone (mode 0700): the linked file is the one that was hashed.
    // link(), not rename(): rename() silently replaces an existing target.
    await link(staged, target);
    await rm(staged);
    // Flushed as the copy path is: the engineer may unplug the medium right after.
    const handle = await open(target, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
    return stagedSha256;
  } catch (error) {
    // Another disk (EXDEV), or a volume without hard links (FAT, exFAT: EPERM, ENOTSUP…): copy.
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw error;
    return (await copyAndHash(staged, target, { signal })).sha256;
  }
}
