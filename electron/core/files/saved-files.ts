/**
 * The files FieldGuard saved where the engineer chose, so that 「フォルダーを開く」 can open the
 * file manager at one of them. The renderer never names a path (docs/decisions.md, "IPC"): a
 * save answers with a random token and the file's name, and only a token handed out here opens
 * anything — script in a compromised renderer cannot point the file manager elsewhere.
 */
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { SavedFile } from '../../shared/app';

/** Enough for a day's documents; the oldest token is forgotten first. */
const KEPT = 50;

export interface SavedFiles {
  /** Remembers a file just written and returns what the screen shows and sends back. */
  remember(file: string): SavedFile;
  /** The path behind a token, or null when it is unknown (never handed out, or forgotten). */
  pathOf(token: string): string | null;
}

export function createSavedFiles(): SavedFiles {
  const files = new Map<string, string>();
  return {
    remember(file) {
      const token = randomUUID();
      files.set(token, file);
      if (files.size > KEPT) files.delete(files.keys().next().value as string);
      return { token, fileName: path.basename(file) };
    },
    pathOf: (token) => files.get(token) ?? null,
  };
}
