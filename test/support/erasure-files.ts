/** Files planted for the erasure tests: bodies full of a patient-like marker (so `grep` of a raw image finds survivors), hashes, and fresh folders. */
import { createHash } from 'node:crypto';
import { lstat, mkdir } from 'node:fs/promises';
import path from 'node:path';

/** A body of `size` bytes repeating `marker`. */
export function markerBody(marker: Buffer, size: number): Buffer {
  const body = Buffer.alloc(size);
  for (let offset = 0; offset < size; offset += marker.length) marker.copy(body, offset);
  return body;
}

export const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

/** Whether the entry itself (a link is not followed) exists. */
export async function exists(file: string): Promise<boolean> {
  return lstat(file).then(
    () => true,
    () => false,
  );
}

/** A new, empty folder `name` under `dir`. */
export async function freshFolder(dir: string, name: string): Promise<string> {
  const folder = path.join(dir, name);
  await mkdir(folder, { recursive: true });
  return folder;
}
