/**
 * Where in the output folder each delivered file goes (10-5), proved to stay inside it.
 *
 * A chosen path such as `src/sub/..` once became the relative path `../file` and was written
 * next to the output folder; two chosen folders with the same name, or two names made safe to
 * the same one (`a?.txt`, `a*.txt`), silently replaced each other. So:
 * - every segment is made safe (delivered-name.ts) and the joined path is checked again here,
 *   lexically: no `..`, no absolute path, no drive letter, and `path.relative` from the root
 *   must not leave it; a failure is an error, never a file written elsewhere;
 * - each delivered path is unique, compared the way a FAT/NTFS/APFS volume compares names
 *   (case-folded, NFC): a clash gets a numbered name, "report (2).pdf", recorded in the report;
 * - the caller still opens the target exclusively (O_EXCL / link), so a file that appeared in
 *   the meantime is never replaced either (see run-sanitization's deliver()).
 */
import path from 'node:path';
import { AppError } from '../app-error';
import { isInside } from '../path-inside';
import { safeSegment } from './delivered-name';

/**
 * `root` joined with the POSIX `relative`, or SANITIZE_OUTPUT_OUTSIDE when `relative` could
 * name anything outside `root`.
 */
export function targetInside(root: string, relative: string): string {
  const segments = relative.split('/');
  const escapes =
    relative === '' ||
    relative.includes('\\') ||
    relative.includes('\0') ||
    path.posix.isAbsolute(relative) ||
    path.win32.isAbsolute(relative) ||
    /^[A-Za-z]:/.test(relative) ||
    segments.some((s) => s === '' || s === '.' || s === '..');
  const target = path.join(root, ...segments);
  if (escapes || !isInside(target, root, { strictly: true })) throw new AppError('SANITIZE_OUTPUT_OUTSIDE');
  return target;
}

/** How two names compare on a case-insensitive volume (FAT, NTFS, APFS by default). */
const clashKey = (relative: string) => relative.normalize('NFC').toLowerCase();

/** "report.pdf" → "report (2).pdf"; ".bashrc" → ".bashrc (2)". */
export function numberedName(name: string, n: number): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? `${name.slice(0, dot)} (${n})${name.slice(dot)}` : `${name} (${n})`;
}

/** Gives each file of one run its delivered path; folders keep one delivered name each. */
export class DeliveredPaths {
  private readonly folders = new Map<string, string>();
  private readonly taken = new Set<string>();

  /** The delivered path for the original POSIX path `original` (its segments as read from disk). */
  assign(original: string): string {
    const segments = original.split('/');
    const name = segments.pop() ?? '';
    const folder = this.folder(segments);
    return this.unique(folder, safeSegment(name).name);
  }

  /**
   * Another delivered path for the same file, when its first one turned out to exist on disk
   * (something else wrote into the output folder meanwhile).
   */
  reassign(delivered: string): string {
    const slash = delivered.lastIndexOf('/');
    return this.unique(slash < 0 ? '' : delivered.slice(0, slash), delivered.slice(slash + 1), 2);
  }

  private folder(segments: readonly string[]): string {
    let delivered = '';
    for (const [index, segment] of segments.entries()) {
      const original = segments.slice(0, index + 1).join('/');
      const known = this.folders.get(original);
      if (known !== undefined) {
        delivered = known;
        continue;
      }
      delivered = this.unique(delivered, safeSegment(segment).name);
      this.folders.set(original, delivered);
    }
    return delivered;
  }

  private unique(folder: string, name: string, from = 1): string {
    for (let n = from; ; n += 1) {
      const candidate = `${folder ? `${folder}/` : ''}${n === 1 ? name : numberedName(name, n)}`;
      if (!this.taken.has(clashKey(candidate))) {
        this.taken.add(clashKey(candidate));
        return candidate;
      }
    }
  }
}
