/**
 * An Office Open XML package read whole into memory for rebuilding, and written back: the
 * parts in their order, [Content_Types].xml, and every .rels part as a list of
 * relationships with their targets resolved to part names (OPC, ECMA-376 part 2). Reading
 * goes through the same zip reader and archive budget the analysis uses, so a bomb or a
 * lying header is stopped here too; anything the analysis would call corrupt, encrypted or
 * unsafe ends the rebuild.
 */
import path from 'node:path';
import { climbsOut } from '../../path-inside';
import yazl from 'yazl';
import { ArchiveBudget, LimitExceeded } from '../analyze/archive-budget';
import { openReadOnly } from '../analyze/content-source';
import { MAX_BUFFERED_ENTRY_BYTES, expandedChunks } from '../analyze/entry-content';
import { isUnsafeEntryName } from '../analyze/entry-names';
import { entriesOf, entryName, openEntryStream, openZip } from '../analyze/zip-reader';
import { CannotRebuild, type RebuildOptions } from './rebuild-types';

export const CONTENT_TYPES = '[Content_Types].xml';
const STORED_EXTENSIONS = /\.(jpe?g|png|gif|mp3|mp4|m4a|wmv|avi|mov|zip)$/i;
const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;

export interface Part {
  readonly name: string;
  data: Buffer;
}

/** Reads every part of the package; throws CannotRebuild when it cannot be read safely and whole. */
export async function readPackage(file: string, options: RebuildOptions): Promise<Part[]> {
  const budget = new ArchiveBudget(options.limits);
  const handle = await openReadOnly(file);
  try {
    const { size } = await handle.stat();
    const zip = await openZip({ kind: 'file', handle, size }).catch(() => {
      throw new CannotRebuild('unreadable');
    });
    try {
      const parts: Part[] = [];
      const seen = new Set<string>();
      for await (const entry of entriesOf(zip)) {
        options.signal?.throwIfAborted();
        budget.countEntry();
        const name = entryName(entry);
        if ((entry.generalPurposeBitFlag & 0x1) !== 0 || entry.compressionMethod === 99) throw new CannotRebuild('encrypted');
        if (isUnsafeEntryName(name) || ((entry.externalFileAttributes >>> 16) & S_IFMT) === S_IFLNK) throw new CannotRebuild('unreadable');
        if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8) throw new CannotRebuild('unsupported');
        if (name.endsWith('/')) continue;
        // Part names compare case-insensitively (OPC): two spellings of one name are ambiguous.
        if (seen.has(name.toLowerCase())) throw new CannotRebuild('unreadable');
        seen.add(name.toLowerCase());
        const chunks: Buffer[] = [];
        let total = 0;
        for await (const chunk of expandedChunks(await openEntryStream(zip, entry), budget, entry.compressedSize, options.signal)) {
          total += chunk.length;
          if (total > MAX_BUFFERED_ENTRY_BYTES) throw new CannotRebuild('too-large');
          chunks.push(chunk);
        }
        if (total !== entry.uncompressedSize) throw new CannotRebuild('unreadable');
        parts.push({ name, data: Buffer.concat(chunks, total) });
      }
      return parts;
    } finally {
      zip.close();
    }
  } catch (error) {
    if (error instanceof LimitExceeded) throw new CannotRebuild('too-large');
    if (error instanceof CannotRebuild || (error instanceof Error && error.name === 'AbortError')) throw error;
    throw new CannotRebuild('unreadable');
  } finally {
    await handle.close();
  }
}

/** The zip of the rebuilt package: [Content_Types].xml first (some readers expect it there), fixed times. */
export async function* packageBytes(parts: readonly Part[]): AsyncGenerator<Buffer> {
  const zip = new yazl.ZipFile();
  const ordered = [...parts.filter((p) => p.name === CONTENT_TYPES), ...parts.filter((p) => p.name !== CONTENT_TYPES)];
  // Pictures and media are compressed already: deflating them again costs time and saves nothing.
  for (const part of ordered)
    zip.addBuffer(part.data, part.name, { compress: !STORED_EXTENSIONS.test(part.name), mtime: new Date(1980, 0, 1) });
  zip.end();
  for await (const chunk of zip.outputStream as AsyncIterable<Buffer>) yield chunk;
}

/** The part a .rels part describes ('' for the package), or null when the name is not a .rels part. */
export function sourceOfRels(relsName: string): string | null {
  if (relsName === '_rels/.rels') return '';
  const match = /^(.*?)_rels\/([^/]+)\.rels$/.exec(relsName);
  if (!match) return null;
  return `${match[1] ?? ''}${match[2] ?? ''}`;
}

/** A relationship target resolved against its source part's folder; null when it leaves the package. */
export function resolveTarget(source: string, target: string): string | null {
  const clean = decodeURIComponentSafe(target.split('#')[0] ?? '');
  const joined = clean.startsWith('/') ? clean.slice(1) : path.posix.join(path.posix.dirname(source), clean);
  const normal = path.posix.normalize(joined);
  return climbsOut(normal, path.posix) || normal === '.' ? null : normal;
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
