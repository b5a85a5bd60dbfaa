/**
 * The receiving side of a sanitization report (10-5): does this folder hold exactly the files
 * the report cleared, byte for byte? Every file in the folder must be listed as delivered
 * (passed or sanitized) with the same SHA-256 after sanitization; every delivered file must be
 * there. Extra, missing and changed files are named, so the hospital knows what not to trust.
 */
import { hashFile } from '../files/hash-file';
import { walkFiles } from '../files/walk-files';

export interface DeliveredFile {
  /** Relative to the output folder, POSIX-style. */
  readonly path: string;
  readonly sha256After: string;
}

export interface ReceivedCheck {
  readonly matches: boolean;
  readonly matched: string[];
  readonly changed: string[];
  readonly missing: string[];
  readonly extra: string[];
}

/** Unicode-normalized, so a name written on macOS (NFD) matches the report's (NFC). */
const key = (relative: string) => relative.normalize('NFC');

export async function checkReceivedFiles(
  delivered: readonly DeliveredFile[],
  folder: string,
  signal?: AbortSignal,
): Promise<ReceivedCheck> {
  // The report lists paths inside the delivered folder. The hospital may pick that folder, or the
  // folder of the files it handed over (one level down): whichever names more listed files wins.
  const { files, others } = await walkFiles([folder]);
  const expected = new Map(delivered.map((d) => [key(d.path), d.sha256After]));
  const inside = (relative: string) => relative.split('/').slice(1).join('/');
  const keyings = [inside, (relative: string) => relative].map(
    (toKey) => new Map(files.map((f) => [key(toKey(f.relativePath)), f.absolute])),
  );
  const hits = (map: Map<string, string>) => [...map.keys()].filter((k) => expected.has(k)).length;
  const received = keyings.reduce((best, map) => (hits(map) > hits(best) ? map : best));
  const otherKey = received === keyings[0] ? inside : (relative: string) => relative;
  const result: ReceivedCheck = { matches: false, matched: [], changed: [], missing: [], extra: [] };
  for (const [relative, sha256] of expected) {
    const absolute = received.get(relative);
    if (!absolute) {
      result.missing.push(relative);
      continue;
    }
    const digest = await hashFile(absolute, { signal });
    (digest.sha256 === sha256 ? result.matched : result.changed).push(relative);
  }
  for (const relative of received.keys()) if (!expected.has(relative)) result.extra.push(relative);
  // A link or device in the folder is something the report did not deliver either.
  for (const other of others) result.extra.push(key(otherKey(other.relativePath)));
  return { ...result, matches: result.changed.length === 0 && result.missing.length === 0 && result.extra.length === 0 };
}

/** The delivered files of a sanitization report's evidence facts; null when the facts are not a sanitization's. */
export function deliveredFilesOf(facts: unknown): DeliveredFile[] | null {
  const files = (facts as { sanitization?: { files?: unknown } } | null)?.sanitization?.files;
  if (!Array.isArray(files)) return null;
  return files
    .filter(
      (f): f is { path: string; sha256After: string; verdict: string } =>
        typeof f === 'object' && f !== null && typeof (f as { path?: unknown }).path === 'string',
    )
    .filter((f) => (f.verdict === 'passed' || f.verdict === 'sanitized') && typeof f.sha256After === 'string')
    .map((f) => ({ path: f.path, sha256After: f.sha256After }));
}
