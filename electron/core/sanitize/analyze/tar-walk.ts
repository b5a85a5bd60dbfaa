/**
 * Walks a TAR archive (POSIX ustar, pax and GNU long names) header by header as it streams:
 * every regular file is charged to the archive budget and analyzed with the same rules as a
 * file on disk; links, device nodes, names that climb out of the folder and damaged headers
 * are findings. TAR is simple enough to read by hand — 512-byte headers with octal sizes —
 * so no library is needed, and nothing is held but one header and one chunk.
 */
import type { ContentAnalysis, FindingCode } from '../sanitize-types';
import { LimitExceeded, type ArchiveBudget } from './archive-budget';
import { ByteReader } from './byte-reader';
import type { Content } from './content-source';
import { MAX_BUFFERED_ENTRY_BYTES, entryContent } from './entry-content';
import { isUnsafeEntryName } from './entry-names';
import { Findings, membersOf, type Member } from './findings';

const BLOCK = 512;
/** pax extended headers and GNU long names are read whole: no real one is near this size. */
const MAX_META_BYTES = 1024 * 1024;

export interface TarWalkResult {
  readonly findings: Findings;
  readonly innerTypes: readonly string[];
  readonly members: readonly Member[];
}

interface Header {
  readonly name: string;
  readonly size: number;
  readonly type: string;
}

function text(block: Buffer, start: number, length: number): string {
  const field = block.subarray(start, start + length);
  const end = field.indexOf(0);
  return field.toString('utf8', 0, end < 0 ? field.length : end);
}

/** A numeric field: octal digits (space or NUL ended), or GNU base-256 when the top bit of the first byte is set. */
function numeric(block: Buffer, start: number, length: number): number | null {
  const field = block.subarray(start, start + length);
  if (((field[0] ?? 0) & 0x80) !== 0) {
    let value = (field[0] ?? 0) & 0x7f;
    for (let i = 1; i < field.length; i++) value = value * 256 + (field[i] ?? 0);
    return Number.isSafeInteger(value) ? value : null;
  }
  const digits = field
    .toString('latin1')
    .replace(/[\0 ]+$/, '')
    .trim();
  if (digits === '') return 0;
  return /^[0-7]+$/.test(digits) ? parseInt(digits, 8) : null;
}

/** The header checksum: the sum of all bytes with the checksum field counted as spaces. */
function checksumMatches(block: Buffer): boolean {
  const stored = numeric(block, 148, 8);
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 0x20 : (block[i] ?? 0);
  return stored === sum;
}

function parseHeader(block: Buffer): Header | null {
  if (!checksumMatches(block)) return null;
  const size = numeric(block, 124, 12);
  if (size === null) return null;
  const name = text(block, 0, 100);
  const prefix = block.toString('latin1', 257, 262) === 'ustar' ? text(block, 345, 155) : '';
  return { name: prefix ? `${prefix}/${name}` : name, size, type: String.fromCharCode(block[156] ?? 0) };
}

/** The "path" record of a pax extended header ("<length> path=<value>\n" records). */
function paxPath(data: Buffer): string | null {
  let offset = 0;
  let path: string | null = null;
  while (offset < data.length) {
    const space = data.indexOf(0x20, offset);
    if (space < 0) break;
    const length = Number(data.toString('latin1', offset, space));
    if (!Number.isInteger(length) || length <= 0) break;
    const record = data.toString('utf8', space + 1, offset + length - 1);
    const equals = record.indexOf('=');
    if (record.slice(0, equals) === 'path') path = record.slice(equals + 1);
    offset += length;
  }
  return path;
}

async function* charged(pieces: AsyncGenerator<Buffer>, budget: ArchiveBudget, size: number): AsyncGenerator<Buffer> {
  let total = 0;
  for await (const piece of pieces) {
    total += piece.length;
    budget.chargeExpanded(piece.length, total, size);
    yield piece;
  }
}

function padding(size: number): number {
  return (BLOCK - (size % BLOCK)) % BLOCK;
}

export async function walkTar(
  content: Content,
  budget: ArchiveBudget,
  analyzeInner: (inner: Content) => Promise<ContentAnalysis>,
  signal?: AbortSignal,
): Promise<TarWalkResult> {
  const findings = new Findings();
  const innerTypes = new Set<string>();
  const members: Member[] = [];
  const reader = new ByteReader(content, signal);
  let longName: string | null = null;
  let name = '';
  const add = (code: FindingCode, params?: Record<string, string | number>) => findings.add(code, params, name || undefined);
  try {
    for (;;) {
      signal?.throwIfAborted();
      if (budget.exhausted) break;
      const block = await reader.read(BLOCK);
      if (block.length === 0) break; // no end-of-archive blocks: tolerated, as by every extractor
      if (block.length < BLOCK) {
        add('ARCHIVE_CORRUPT');
        break;
      }
      if (block.every((byte) => byte === 0)) {
        // The end. Anything but zeros after it is hidden from most extractors, not from all (tar -i).
        for await (const piece of reader.pieces(Number.MAX_SAFE_INTEGER)) {
          if (piece.some((byte) => byte !== 0)) {
            name = '';
            add('ARCHIVE_CORRUPT');
            break;
          }
        }
        break;
      }
      const header = parseHeader(block);
      if (!header) {
        add('ARCHIVE_CORRUPT');
        break;
      }
      budget.countEntry();
      if (header.type === 'x' || header.type === 'L') {
        if (header.size > MAX_META_BYTES) {
          add('ARCHIVE_CORRUPT');
          break;
        }
        const data = await reader.read(header.size);
        await reader.skip(padding(header.size));
        longName = header.type === 'L' ? text(data, 0, data.length) : (paxPath(data) ?? longName);
        continue;
      }
      name = longName ?? header.name;
      longName = null;
      if (isUnsafeEntryName(name)) findings.add('ARCHIVE_PATH_TRAVERSAL', { entry: name }, name);
      const regular = header.type === '0' || header.type === '\0' || header.type === '7';
      if (!regular) {
        if (header.type === '1' || header.type === '2') add('ARCHIVE_LINK');
        else if (header.type === '3' || header.type === '4' || header.type === '6') add('NOT_A_REGULAR_FILE');
        else if (header.type !== '5' && header.type !== 'g' && header.type !== 'K') add('ARCHIVE_CORRUPT'); // sparse, multi-volume…: cannot be read as written
        await reader.skip(header.size + padding(header.size));
        continue;
      }
      if (name.endsWith('/')) {
        await reader.skip(header.size + padding(header.size));
        continue;
      }
      const start = reader.position;
      const read = () => reader.position - start;
      try {
        const opened = await entryContent(name.split('/').pop() || name, charged(reader.pieces(header.size), budget, header.size));
        if (opened.kind === 'too-large') add('ARCHIVE_TOO_LARGE', { limit: MAX_BUFFERED_ENTRY_BYTES });
        else {
          const inner = await analyzeInner(opened.content);
          findings.addInner(name, inner.findings);
          members.push(...membersOf(name, inner));
          innerTypes.add(inner.type.id);
          for (const type of inner.innerTypes) innerTypes.add(type);
        }
        // charged() may have spent the budget while the entry was read.
        // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition
        if (budget.exhausted) break;
        await opened.drain();
      } catch (error) {
        if (!(error instanceof LimitExceeded) || error.scope === 'tree') throw error;
        add(error.code, { limit: error.limit });
        await reader.skip(header.size - read());
      }
      if (read() !== header.size) {
        add('ARCHIVE_CORRUPT'); // cut short
        break;
      }
      await reader.skip(padding(header.size));
    }
  } catch (error) {
    if (error instanceof LimitExceeded) add(error.code, { limit: error.limit });
    else if (error instanceof Error && error.name === 'AbortError') throw error;
    else add('ARCHIVE_CORRUPT');
  }
  return { findings, innerTypes: [...innerTypes], members };
}
