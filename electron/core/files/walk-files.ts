/**
 * The files under chosen files and folders, as the vault import and the sanitization pipeline
 * take them: links are never followed, folders are walked in name order, and each file keeps
 * its path relative to what was chosen (a chosen folder's own name included), so a visit folder
 * arrives as one folder. Entries that are not regular files are returned separately: the vault
 * skips them, sanitization lists them as never delivered.
 */
import { lstat, readdir } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../app-error';

export interface FoundFile {
  readonly absolute: string;
  /** POSIX-style, e.g. "visit-0514/series/001.dcm". */
  readonly relativePath: string;
  readonly size: number;
  readonly modifiedAt: string;
}

export interface FoundOther {
  readonly absolute: string;
  readonly relativePath: string;
  readonly kind: 'link' | 'other';
}

export async function walkFiles(paths: readonly string[]): Promise<{ files: FoundFile[]; others: FoundOther[] }> {
  const files: FoundFile[] = [];
  const others: FoundOther[] = [];
  const visit = async (absolute: string, relativePath: string): Promise<void> => {
    const info = await lstat(absolute).catch(() => {
      throw new AppError('VAULT_SOURCE_UNREADABLE');
    });
    if (info.isSymbolicLink()) {
      others.push({ absolute, relativePath, kind: 'link' });
    } else if (info.isDirectory()) {
      const entries = await readdir(absolute).catch(() => {
        throw new AppError('VAULT_SOURCE_UNREADABLE');
      });
      for (const entry of entries.sort()) await visit(path.join(absolute, entry), path.posix.join(relativePath, entry));
    } else if (info.isFile()) {
      files.push({ absolute, relativePath, size: info.size, modifiedAt: info.mtime.toISOString() });
    } else {
      others.push({ absolute, relativePath, kind: 'other' });
    }
  };
  for (const chosen of paths) await visit(path.resolve(chosen), path.basename(chosen));
  return { files, others };
}
