/**
 * ClamAV as the sanitization pipeline's anti-virus engine on Linux and macOS (10-5, 8-1).
 *
 * Why it is built this way:
 * - One `clamscan` process per batch. Loading the official signatures takes most of a scan's
 *   time (seconds to tens of seconds); a process per file would pay that for every file.
 * - File names go through `--file-list` in a private temp file, never on the command line: a
 *   name starting with "-" would be read as an option, and names with spaces or Japanese are
 *   passed byte for byte. A name with a line break cannot be listed and is an error.
 * - Every input gets its own result from its own output line (clamscan-output.ts); anything
 *   else (no line, a warning, a killed run, exit 2) is an error, so the pipeline fails closed.
 * - The database is always named with `--database` (the directory we read the headers of), so what
 *   `info()` reports is what the scan used. No database → `info()` is null and scans are errors.
 * - Heuristic alerts, chosen with the other analyzers in mind (see SCAN_OPTIONS).
 * - clamd (`clamdscan`) avoids the signature load altogether but scans with clamd.conf's
 *   settings, not ours, so it is used only when the caller names `clamdscanPath` (asserting
 *   that clamd is configured like SCAN_OPTIONS: AlertExceedsMax, MaxFileSize/MaxScanSize 2047M,
 *   AlertEncrypted, AlertOLE2Macros, AlertBrokenExecutables), with `--fdpass` so clamd reads
 *   the files with our permissions; a clamd that does not answer falls back to clamscan.
 */
import { constants as fsConstants } from 'node:fs';
import { access, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { AntivirusEngine, EngineCheck, EngineInfo, EngineProblem, ScanResult } from '../../core/sanitize/sanitize-types';
import { runProbeCommand } from '../self-check/run-probe-command';
import { readClamavDatabase } from './clamav-database';
import { clamscanResults } from './clamscan-output';
import { runScanner, type ScannerRun } from './run-scanner';

export interface ClamavEngineOptions {
  /** The signature database directory; default: the first of DEFAULT_DATABASE_DIRS that has signatures. */
  readonly databaseDir?: string;
  /** Default: `clamscan` from PATH or the usual install folders (an app started from the macOS Finder has no Homebrew in PATH). */
  readonly clamscanPath?: string;
  /** Opt-in: scan through a running clamd with this clamdscan (see the module comment). */
  readonly clamdscanPath?: string;
  /** Time limit for one batch; default 30 minutes. */
  readonly timeoutMs?: number;
}

/** Debian/Ubuntu/Fedora, Homebrew on Apple silicon, Homebrew on Intel, MacPorts. */
export const DEFAULT_DATABASE_DIRS = [
  '/var/lib/clamav',
  '/opt/homebrew/var/lib/clamav',
  '/usr/local/var/lib/clamav',
  '/opt/local/share/clamav',
];
const EXTRA_BIN_DIRS = ['/usr/bin', '/usr/local/bin', '/opt/homebrew/bin', '/opt/local/bin'];
const DEFAULT_TIMEOUT_MS = 30 * 60_000;

/**
 * Options for every scan, and why:
 * - `--alert-exceeds-max` with limits raised to what libclamav can scan (2 GiB − 1): by
 *   default clamscan silently reports OK for the unscanned rest of a file over 100 MB
 *   (a multi-frame DICOM file can be), and for a file over the limit. With the raised limits a large
 *   file is scanned to its end, and only a file ClamAV truly cannot scan is flagged
 *   (Heuristics.Limits.Exceeded.*). Measured with ClamAV 1.4.6: an archive *entry* over the
 *   limit is still cut silently (a 300 MB entry under the default 100 MB limit came back OK),
 *   and a Zip64 archive came back OK without being unpacked, which is why the archive
 *   analyzer, not ClamAV, enforces expansion limits and reads archives itself.
 * - `--alert-encrypted`: an encrypted archive or document is content no engine looked at. The
 *   archive analyzer blocks encrypted zip entries; this also covers formats it does not open
 *   (RAR, 7z, encrypted PDF that ClamAV cannot decrypt).
 * - `--alert-macros`: the Office analyzer reports OFFICE_MACRO for the formats it parses;
 *   ClamAV can also find VBA in OLE2 containers nested where that analyzer does not look.
 * - `--alert-broken`: a malformed PE/ELF is blocked as an executable anyway; flagging it costs
 *   nothing and still holds when an executable is hidden in a container ClamAV unpacks.
 * Each of these can only turn a clean result into a detection, never the other way.
 * Not used: `--alert-broken-media` (damaged JPEG/PNG/TIFF/GIF; too many real-world images are
 * slightly broken), the phishing alerts (mail only).
 */
export const SCAN_OPTIONS: readonly string[] = [
  '--no-summary',
  '--stdout',
  '--alert-exceeds-max=yes',
  '--max-filesize=2047M',
  '--max-scansize=2047M',
  '--alert-encrypted=yes',
  '--alert-macros=yes',
  '--alert-broken=yes',
];

export function createClamavEngine(options: ClamavEngineOptions = {}): AntivirusEngine {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;

  async function databaseDir(): Promise<string | null> {
    if (options.databaseDir !== undefined) return path.resolve(options.databaseDir);
    for (const dir of DEFAULT_DATABASE_DIRS) if (await readClamavDatabase(dir)) return dir;
    return null;
  }

  async function check(): Promise<EngineCheck> {
    const clamscan = await findExecutable(options.clamscanPath, 'clamscan');
    if (clamscan === null) return { ok: false, problem: notInstalled(options.clamscanPath) };
    const dir = await databaseDir();
    const database = dir === null ? null : await readClamavDatabase(dir);
    if (database === null) return { ok: false, problem: noDatabase(dir) };
    const answer = await runProbeCommand(clamscan, ['--version'], { timeoutMs: 15_000 });
    const version = answer.ok ? parseClamscanVersion(answer.stdout) : null;
    // A clamscan that cannot say what it is cannot be trusted to scan either.
    if (version === null)
      return {
        ok: false,
        problem: {
          code: 'ENGINE_BROKEN',
          detail: `${clamscan} --version did not print a ClamAV version${answer.ok ? '' : ` (${answer.problem})`}`,
        },
      };
    return {
      ok: true,
      info: {
        engine: 'ClamAV',
        version,
        databaseVersion: database.description || null,
        customSignatures: database.customSignatures,
        databaseDate: database.date,
        databasePath: database.directory,
        signatures: database.signatures,
      },
    };
  }

  /** With a named folder, that folder; else every default folder looked in. */
  function noDatabase(dir: string | null): EngineProblem {
    const where = options.databaseDir !== undefined ? path.resolve(options.databaseDir) : (dir ?? DEFAULT_DATABASE_DIRS.join(', '));
    return { code: 'DATABASE_MISSING', detail: `no ClamAV signature database (.cvd/.cld or signature files) in ${where}` };
  }

  return {
    name: 'ClamAV',

    async info(): Promise<EngineInfo | null> {
      const checked = await check();
      return checked.ok ? checked.info : null;
    },

    check,

    async scan(files, scanOptions = {}) {
      const signal = scanOptions.signal;
      signal?.throwIfAborted();
      if (files.length === 0) return new Map();
      const clamscan = await findExecutable(options.clamscanPath, 'clamscan');
      if (clamscan === null) return allErrors(files, 'clamscan is not installed', notInstalled(options.clamscanPath));
      const dir = await databaseDir();
      if (dir === null || (await readClamavDatabase(dir)) === null) {
        return allErrors(files, `no ClamAV signature database${dir === null ? '' : ` in ${dir}`}`, noDatabase(dir));
      }

      const prepared = await prepareInputs(files);
      const results = new Map<string, ScanResult>(prepared.rejected);
      if (prepared.sizes.size > 0) {
        const scanned = await scanListed(prepared.sizes, { clamscan, dir, timeoutMs, signal, clamdscan: options.clamdscanPath });
        for (const [original, resolved] of prepared.resolvedOf) {
          results.set(original, scanned.get(resolved) ?? { status: 'error', detail: 'no result' });
        }
      }
      // In the caller's order, exactly one entry per distinct input.
      return new Map(files.map((file) => [file, results.get(file) ?? { status: 'error', detail: 'no result' }]));
    },
  };
}

interface Prepared {
  /** Resolved path → size, for the files to hand to the scanner. */
  readonly sizes: Map<string, number>;
  /** Input as given → resolved path. */
  readonly resolvedOf: Map<string, string>;
  /** Inputs refused before scanning, with why. */
  readonly rejected: Map<string, ScanResult>;
}

/**
 * Resolves each input and checks it is a regular file we can name in a file list. A
 * directory would be scanned recursively (results for files we did not ask about); a FIFO
 * could block the scanner forever.
 */
async function prepareInputs(files: readonly string[]): Promise<Prepared> {
  const prepared: Prepared = { sizes: new Map(), resolvedOf: new Map(), rejected: new Map() };
  for (const file of new Set(files)) {
    const resolved = path.resolve(file);
    if (/[\n\r]/.test(resolved)) {
      prepared.rejected.set(file, { status: 'error', detail: 'the file name contains a line break and cannot be passed to clamscan' });
      continue;
    }
    try {
      const info = await stat(resolved);
      if (!info.isFile()) {
        prepared.rejected.set(file, { status: 'error', detail: 'not a regular file' });
        continue;
      }
      prepared.sizes.set(resolved, info.size);
      prepared.resolvedOf.set(file, resolved);
    } catch (error) {
      prepared.rejected.set(file, {
        status: 'error',
        detail: `cannot read the file: ${(error as NodeJS.ErrnoException).code ?? String(error)}`,
      });
    }
  }
  return prepared;
}

interface ListedScan {
  readonly clamscan: string;
  readonly clamdscan: string | undefined;
  readonly dir: string;
  readonly timeoutMs: number;
  readonly signal: AbortSignal | undefined;
}

async function scanListed(sizes: ReadonlyMap<string, number>, scan: ListedScan): Promise<Map<string, ScanResult>> {
  // A private directory: the list names the engineer's files and must not be readable by others.
  const temp = await mkdtemp(path.join(os.tmpdir(), 'fieldguard-clamav-'));
  try {
    const list = path.join(temp, 'files.txt');
    await writeFile(list, [...sizes.keys()].map((file) => `${file}\n`).join(''), { mode: 0o600 });
    const fileList = `--file-list=${list}`;
    if (scan.clamdscan !== undefined) {
      const viaClamd = await runScanner(scan.clamdscan, ['--no-summary', '--stdout', '--fdpass', fileList], scan);
      if (!clamdUnreachable(viaClamd)) return clamscanResults(outputOf(viaClamd, scan.timeoutMs, 'clamdscan'), sizes);
    }
    const run = await runScanner(scan.clamscan, [...SCAN_OPTIONS, `--database=${scan.dir}`, fileList], scan);
    const refusal = databaseRefusal(run);
    const results = clamscanResults(outputOf(run, scan.timeoutMs, 'clamscan'), sizes);
    if (refusal === null) return results;
    // The engine never started scanning: every error is the database's, and says so.
    const problem: EngineProblem = { code: 'DATABASE_UNUSABLE', detail: `clamscan refused the database in ${scan.dir}: ${refusal}` };
    return new Map([...results].map(([file, result]) => [file, result.status === 'error' ? { ...result, problem } : result]));
  } finally {
    await rm(temp, { recursive: true, force: true });
  }
}

function outputOf(run: ScannerRun, timeoutMs: number, program: string): Parameters<typeof clamscanResults>[0] {
  const stoppedBecause = run.spawnError
    ? `${program} could not be started: ${run.spawnError.code ?? run.spawnError.message}`
    : run.timedOut
      ? `${program} timed out after ${Math.round(timeoutMs / 1000)} s`
      : run.exitCode === null
        ? `${program} was killed`
        : undefined;
  return { stdout: run.stdout, stderr: run.stderr, exitCode: run.exitCode, ...(stoppedBecause ? { stoppedBecause } : {}) };
}

/**
 * clamdscan that reached no clamd ("ERROR: Could not connect to clamd on LocalSocket …")
 * scanned nothing: exit 2 and not one per-file verdict. clamscan then does the work.
 */
function clamdUnreachable(run: ScannerRun): boolean {
  if (run.spawnError) return true;
  return run.exitCode === 2 && !/: (?:OK|\S+ FOUND)$/m.test(run.stdout);
}

/**
 * What libclamav said when it refused to load the database ("LibClamAV Error: Can't load
 * x.hdb: Malformed database", "Can't verify database integrity"): clamscan then exits 2
 * without a single per-file line. Null when it scanned.
 */
export function databaseRefusal(run: Pick<ScannerRun, 'stdout' | 'stderr' | 'exitCode'>): string | null {
  if (run.exitCode !== 2 || /: (?:OK|Empty file|\S+ FOUND)$/m.test(run.stdout)) return null;
  const lines = `${run.stderr}\n${run.stdout}`.split('\n').map((line) => line.trim());
  const load = lines.filter((line) => /database|cli_load|\.c[vl]d\b/i.test(line));
  return load.length > 0 ? load.slice(0, 3).join(' / ') : null;
}

/** "ClamAV 1.4.6" or "ClamAV 1.4.6/27450/Tue Nov 26 09:38:02 2024" → "1.4.6". */
export function parseClamscanVersion(stdout: string): string | null {
  const m = /^ClamAV (\d+\.\d+[^\s/]*)/m.exec(stdout.trim());
  return m?.[1] ?? null;
}

function allErrors(files: readonly string[], detail: string, problem: EngineProblem): Map<string, ScanResult> {
  return new Map(files.map((file) => [file, { status: 'error', detail, problem }]));
}

function notInstalled(configured: string | undefined): EngineProblem {
  const where = configured !== undefined && configured.includes(path.sep) ? configured : `PATH and ${EXTRA_BIN_DIRS.join(', ')}`;
  return { code: 'ENGINE_NOT_INSTALLED', detail: `clamscan was not found (looked in ${where})` };
}

/**
 * `configured` when it is an executable file (a bare name is looked up like `name`), or
 * `name` found in PATH or the usual install folders.
 */
async function findExecutable(configured: string | undefined, name: string): Promise<string | null> {
  if (configured !== undefined && configured.includes(path.sep)) return (await isExecutable(configured)) ? configured : null;
  const wanted = configured ?? name;
  const dirs = [...(process.env.PATH ?? '').split(path.delimiter).filter((d) => path.isAbsolute(d)), ...EXTRA_BIN_DIRS];
  for (const dir of new Set(dirs)) {
    const candidate = path.join(dir, wanted);
    if (await isExecutable(candidate)) return candidate;
  }
  return null;
}

async function isExecutable(file: string): Promise<boolean> {
  try {
    await access(file, fsConstants.X_OK);
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}
