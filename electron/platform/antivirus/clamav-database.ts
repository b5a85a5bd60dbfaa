/**
 * What signature database ClamAV will scan with, read from the database directory itself.
 *
 * `clamscan --version` prints the engine version even when there is no database at all (and
 * then every scan fails), so it proves nothing about signatures. The database files say it
 * themselves:
 * - official databases (main, daily, bytecode, …; .cvd signed, .cld after incremental updates,
 *   .cud unsigned) start with a 512-byte header
 *   `ClamAV-VDB:<build time>:<version>:<signatures>:<functionality level>:<md5>:<signature>:<builder>:<sign time>`,
 *   build time like "16 Apr 2020 07-58 -0400", sign time in Unix seconds;
 * - a custom directory (a test, an air-gapped site's own list) holds plain-text signature
 *   files (.hdb MD5 hashes, .hsb SHA hashes, .ndb body patterns, …), one signature a line,
 *   with no version: we describe it by its size and the newest file's modification time.
 * A directory with neither has no signatures: `null`, and nothing can pass.
 *
 * Reading headers does not prove that ClamAV will accept the files (a corrupt or truncated
 * database still has its header); a database ClamAV refuses makes every scan fail, which the
 * engine reports per file as an error, so the pipeline still fails closed.
 */
import { open, readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';

/** Official database containers: the ones with a header. */
const CONTAINER_EXTENSIONS = new Set(['.cvd', '.cld', '.cud']);

/**
 * Plain-text databases that hold signatures (libclamav's list, less the allow lists `.fp`,
 * `.sfp`, `.ign`, `.ign2`, and the configuration files `.cfg`, `.ftm`, `.info`, `.cat`, `.crb`,
 * which alone detect nothing).
 */
const SIGNATURE_EXTENSIONS = new Set([
  '.db',
  '.hdb',
  '.hdu',
  '.hsb',
  '.hsu',
  '.mdb',
  '.mdu',
  '.msb',
  '.msu',
  '.ndb',
  '.ndu',
  '.ldb',
  '.ldu',
  '.idb',
  '.cdb',
  '.pdb',
  '.gdb',
  '.wdb',
  '.ioc',
  '.yar',
  '.yara',
  '.cbc',
  '.imp',
  '.pwdb',
]);

export interface CvdHeader {
  /** e.g. 'daily' (from the file name). */
  readonly name: string;
  readonly version: number;
  readonly signatures: number | null;
  /** UTC ISO 8601, from the sign time or else the build time; null when neither is readable. */
  readonly builtAt: string | null;
}

export interface ClamavDatabase {
  readonly directory: string;
  /** The official databases found, one per name (the newer of .cvd and .cld). */
  readonly official: readonly CvdHeader[];
  /** Signature lines in plain-text databases. */
  readonly customSignatures: number;
  readonly customNewestMtime: string | null;
  /**
   * The official databases and their versions, e.g. "daily 27450, main 62, bytecode 335"; empty
   * when only custom signature files are there. Custom signatures are counted in
   * `customSignatures` and worded by the screens and documents in their own language.
   */
  readonly description: string;
  /** The newest date among the databases: what tells how fresh the signatures are. */
  readonly date: string | null;
  /** All signatures, official and custom; null when an official header does not say its count. */
  readonly signatures: number | null;
}

/** Parses the 512-byte header of a .cvd/.cld/.cud file; null when it is not one. */
export function parseCvdHeader(header: Buffer | string, name: string): CvdHeader | null {
  const text = (typeof header === 'string' ? header : header.subarray(0, 512).toString('latin1')).replace(/[\0\s]+$/, '');
  const fields = text.split(':');
  if (fields[0] !== 'ClamAV-VDB' || fields.length < 4) return null;
  const version = wholeNumber(fields[2]);
  if (version === null) return null;
  const signTime = wholeNumber(fields[8]);
  const builtAt = signTime !== null && signTime > 0 ? new Date(signTime * 1000).toISOString() : parseBuildTime(fields[1] ?? '');
  return { name, version, signatures: wholeNumber(fields[3]), builtAt };
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "16 Apr 2020 07-58 -0400" (strftime "%d %b %Y %H-%M %z", always English) as UTC ISO 8601. */
export function parseBuildTime(text: string): string | null {
  const m = /^(\d{1,2}) ([A-Z][a-z]{2}) (\d{4}) (\d{2})-(\d{2}) ([+-])(\d{2})(\d{2})$/.exec(text.trim());
  if (!m) return null;
  const [, day, month, year, hour, minute, sign, offsetHours, offsetMinutes] = m;
  const monthIndex = MONTHS.indexOf(month ?? '');
  if (monthIndex < 0) return null;
  const offset = (sign === '-' ? -1 : 1) * (Number(offsetHours) * 60 + Number(offsetMinutes));
  const ms = Date.UTC(Number(year), monthIndex, Number(day), Number(hour), Number(minute)) - offset * 60_000;
  return Number.isFinite(ms) ? new Date(ms).toISOString() : null;
}

function wholeNumber(text: string | undefined): number | null {
  return text !== undefined && /^\d+$/.test(text.trim()) ? Number(text.trim()) : null;
}

/** Reads what signatures `directory` holds; null when it holds none (or cannot be read). */
export async function readClamavDatabase(directory: string): Promise<ClamavDatabase | null> {
  let names: string[];
  try {
    names = await readdir(directory);
  } catch {
    return null;
  }
  const official = new Map<string, CvdHeader>();
  let customSignatures = 0;
  let newestMtimeMs: number | null = null;
  for (const fileName of names.sort()) {
    const extension = path.extname(fileName).toLowerCase();
    const file = path.join(directory, fileName);
    if (CONTAINER_EXTENSIONS.has(extension)) {
      const header = await readHeader(file, path.basename(fileName, path.extname(fileName)));
      const known = header ? official.get(header.name) : undefined;
      if (header && (!known || header.version > known.version)) official.set(header.name, header);
    } else if (SIGNATURE_EXTENSIONS.has(extension)) {
      const counted = await countSignatures(file);
      if (counted === null || counted.lines === 0) continue;
      customSignatures += counted.lines;
      newestMtimeMs = Math.max(newestMtimeMs ?? 0, counted.mtimeMs);
    }
  }
  if (official.size === 0 && customSignatures === 0) return null;
  const customNewestMtime = newestMtimeMs === null ? null : new Date(newestMtimeMs).toISOString();
  return describe(directory, [...official.values()], customSignatures, customNewestMtime);
}

function describe(directory: string, official: CvdHeader[], customSignatures: number, customNewestMtime: string | null): ClamavDatabase {
  // daily first: it is the one that changes every day and so the one an engineer compares.
  const order = (h: CvdHeader): number => ['daily', 'main', 'bytecode'].indexOf(h.name) >>> 0;
  const sorted = [...official].sort((a, b) => order(a) - order(b) || a.name.localeCompare(b.name));
  // The newest custom file's time is the database date (shown in JST by the screens), not part of the version;
  // the custom count is said by `databaseVersionText` in the reader's language.
  const parts = sorted.map((h) => `${h.name} ${h.version}`);
  const dates = [...sorted.map((h) => h.builtAt), customNewestMtime].filter((d): d is string => d !== null).sort();
  return {
    directory,
    official: sorted,
    customSignatures,
    customNewestMtime,
    description: parts.join(', '),
    date: dates.at(-1) ?? null,
    signatures: sorted.some((h) => h.signatures === null) ? null : sorted.reduce((sum, h) => sum + (h.signatures ?? 0), customSignatures),
  };
}

async function readHeader(file: string, name: string): Promise<CvdHeader | null> {
  try {
    const handle = await open(file, 'r');
    try {
      const buffer = Buffer.alloc(512);
      const { bytesRead } = await handle.read(buffer, 0, 512, 0);
      return parseCvdHeader(buffer.subarray(0, bytesRead), name);
    } finally {
      await handle.close();
    }
  } catch {
    return null;
  }
}

async function countSignatures(file: string): Promise<{ lines: number; mtimeMs: number } | null> {
  try {
    const [text, info] = await Promise.all([readFile(file, 'latin1'), stat(file)]);
    // '#' comments are not signatures (libclamav skips them). A blank line is not one either;
    // libclamav refuses such a file, and then every scan reports an error.
    const lines = text.split('\n').filter((line) => line.trim() !== '' && !line.startsWith('#')).length;
    return { lines, mtimeMs: info.mtimeMs };
  } catch {
    return null;
  }
}
