/**
 * The files under what the engineer chose for sanitization (10-5), read so that one odd entry
 * never stops the run. Like walk-files.ts (the vault import's walk: links never followed,
 * folders in name order, paths relative to what was chosen, the chosen folder's own name
 * included), with three differences the pipeline needs:
 * - a chosen path is resolved on disk first (`src/sub/..` is the folder `src`, by its real
 *   name), so its relative paths never start with `..`; a chosen link itself stays a link;
 * - folders are read with their names as bytes: a name that is not valid UTF-8 cannot be
 *   reached through a string path, so that one entry is reported (in an escaped form, e.g.
 *   `caf<0xE9>.txt`) and blocked, instead of the whole run failing without naming it;
 * - a sub-folder or entry that cannot be read is reported as that entry, not thrown.
 * Only a chosen path that does not exist at all is an error (nothing to sanitize).
 */
import { lstat, readdir, realpath } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../app-error';
import type { FoundFile } from '../files/walk-files';
import { decodeName, escapeName } from './delivered-name';
import type { FindingCode } from './sanitize-types';

export type { FoundFile };

/** An entry that is never read nor delivered, with why. */
export interface SkippedEntry {
  /** Relative to what was chosen, POSIX-style; undecodable bytes escaped. */
  readonly relativePath: string;
  readonly kind: 'link' | 'other' | 'folder' | 'file';
  readonly reason: Extract<FindingCode, 'NOT_A_REGULAR_FILE' | 'NAME_NOT_UTF8' | 'UNREADABLE'>;
}

export interface WalkedSources {
  readonly files: FoundFile[];
  readonly skipped: SkippedEntry[];
}

/** A chosen path by its real location; its last component is not followed when it is a link. */
export async function resolveChosen(chosen: string): Promise<string> {
  const absolute = path.resolve(chosen);
  const last = path.basename(chosen.replace(/[/\\]+$/, ''));
  try {
    // "." and ".." (and "dir/") can only name folders: resolve them whole.
    if (last === '.' || last === '..' || last === '' || /[/\\]$/.test(chosen)) return await realpath(absolute);
    return path.join(await realpath(path.dirname(absolute)), path.basename(absolute));
  } catch {
    throw new AppError('VAULT_SOURCE_UNREADABLE');
  }
}

export async function walkSources(chosenPaths: readonly string[]): Promise<WalkedSources> {
  const files: FoundFile[] = [];
  const skipped: SkippedEntry[] = [];

  const visit = async (absolute: string, relativePath: string): Promise<void> => {
    const info = await lstat(absolute).catch(() => null);
    if (info === null) skipped.push({ relativePath, kind: 'file', reason: 'UNREADABLE' });
    else if (info.isSymbolicLink()) skipped.push({ relativePath, kind: 'link', reason: 'NOT_A_REGULAR_FILE' });
    else if (info.isFile()) files.push({ absolute, relativePath, size: info.size, modifiedAt: info.mtime.toISOString() });
    else if (!info.isDirectory()) skipped.push({ relativePath, kind: 'other', reason: 'NOT_A_REGULAR_FILE' });
    else {
      const names = await readdir(absolute, { encoding: 'buffer' }).catch(() => null);
      if (names === null) {
        skipped.push({ relativePath, kind: 'folder', reason: 'UNREADABLE' });
        return;
      }
      const entries = names.map((bytes) => ({ bytes, ...decodeName(bytes) }));
      // Name order as walk-files has it (by UTF-16 code units); undecodable names by their escaped form.
      for (const entry of entries.sort((a, b) => (escapeName(a.bytes) < escapeName(b.bytes) ? -1 : 1))) {
        if (entry.valid) await visit(path.join(absolute, entry.text), path.posix.join(relativePath, entry.text));
        else
          await skipUndecodable(
            Buffer.concat([Buffer.from(`${absolute}${path.sep}`), entry.bytes]),
            path.posix.join(relativePath, escapeName(entry.bytes)),
          );
      }
    }
  };

  const skipUndecodable = async (absolute: Buffer, relativePath: string): Promise<void> => {
    const info = await lstat(absolute).catch(() => null);
    const kind = info === null ? 'file' : info.isSymbolicLink() ? 'link' : info.isDirectory() ? 'folder' : info.isFile() ? 'file' : 'other';
    skipped.push({ relativePath, kind, reason: 'NAME_NOT_UTF8' });
  };

  for (const chosen of chosenPaths) {
    const resolved = await resolveChosen(chosen);
    // lstat, not stat: a chosen link is reported as one, never followed.
    await lstat(resolved).catch(() => {
      throw new AppError('VAULT_SOURCE_UNREADABLE');
    });
    await visit(resolved, path.basename(resolved));
  }
  return { files, skipped };
}
