/**
 * Walks a zip archive (or an Office/OpenDocument package, which is one) entry by entry,
 * within the archive budget: names, encryption and links are judged from the central
 * directory, every entry is inflated and charged as it streams, and each inner file is
 * analyzed with the same rules as a file on disk (nested archives one level deeper).
 */
import type yauzl from 'yauzl';
import type { ContentAnalysis, FindingCode } from '../sanitize-types';
import { LimitExceeded, type ArchiveBudget } from './archive-budget';
import type { Content, RandomAccess } from './content-source';
import { MAX_BUFFERED_ENTRY_BYTES, entryContent, expandedChunks } from './entry-content';
import { isUnsafeEntryName } from './entry-names';
import { executableFormat, isShortcut } from './executables';
import { Findings, membersOf, type Member } from './findings';
import { isOle } from './ole';
import {
  CONTENT_TYPES_MAX_BYTES,
  CONTENT_TYPES_PART,
  classifyContentTypes,
  classifyOpenDocument,
  isEmbeddedPackage,
  ooxmlPartFindings,
  openDocumentPartFindings,
} from './ooxml';
import { scanPackagePart } from './ooxml-scan';
import { entriesOf, entryName, openEntryStream, openZip } from './zip-reader';

export interface ZipWalkContext {
  readonly budget: ArchiveBudget;
  readonly signal?: AbortSignal;
  /** Analyzes a file found inside (at this archive's nesting level). */
  readonly analyzeInner: (content: Content) => Promise<ContentAnalysis>;
}

export interface ZipWalkResult {
  /** 'zip', or the package type ('docx', 'xlsm', 'odt', 'ooxml' …). */
  readonly typeId: string;
  readonly findings: Findings;
  readonly innerTypes: readonly string[];
  /** The files of a plain archive, at any depth (a package's parts are the document, not members). */
  readonly members: readonly Member[];
}

const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;

type PackageMode = { kind: 'zip' } | { kind: 'ooxml' } | { kind: 'odf' };

function isDirectory(name: string): boolean {
  return name.endsWith('/');
}

function isZipHead(head: Buffer): boolean {
  return head.length >= 4 && head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04;
}

function isFatal(error: unknown): boolean {
  return error instanceof LimitExceeded || (error instanceof Error && error.name === 'AbortError');
}

/** A small part read whole (for [Content_Types].xml and "mimetype"), charged to the budget like any entry. */
async function readSmallPart(
  zip: yauzl.ZipFile,
  entry: yauzl.Entry,
  budget: ArchiveBudget,
  maxBytes: number,
  signal?: AbortSignal,
): Promise<string | null> {
  if (
    entry.uncompressedSize > maxBytes ||
    (entry.generalPurposeBitFlag & 1) !== 0 ||
    (entry.compressionMethod !== 0 && entry.compressionMethod !== 8)
  )
    return null;
  const parts: Buffer[] = [];
  let total = 0;
  for await (const chunk of expandedChunks(await openEntryStream(zip, entry), budget, entry.compressedSize, signal)) {
    total += chunk.length;
    if (total > maxBytes) return null;
    parts.push(chunk);
  }
  return Buffer.concat(parts, total).toString('utf8');
}

export async function walkZip(access: RandomAccess, context: ZipWalkContext): Promise<ZipWalkResult> {
  const findings = new Findings();
  const innerTypes = new Set<string>();
  const members: Member[] = [];
  const { budget, signal } = context;
  let zip: yauzl.ZipFile;
  try {
    zip = await openZip(access);
  } catch (error) {
    if (isFatal(error)) throw error;
    findings.add(/encrypt/i.test(String(error)) ? 'ARCHIVE_ENCRYPTED' : 'ARCHIVE_CORRUPT');
    return { typeId: 'zip', findings, innerTypes: [], members };
  }
  try {
    // The central directory first (no data is inflated): entry count is charged as it is read.
    const entries: yauzl.Entry[] = [];
    try {
      for await (const entry of entriesOf(zip)) {
        signal?.throwIfAborted();
        budget.countEntry();
        entries.push(entry);
      }
    } catch (error) {
      if (error instanceof LimitExceeded) {
        findings.add(error.code, { limit: error.limit });
        return { typeId: 'zip', findings, innerTypes: [], members };
      }
      if (isFatal(error)) throw error;
      findings.add(/encrypt/i.test(String(error)) ? 'ARCHIVE_ENCRYPTED' : 'ARCHIVE_CORRUPT');
    }

    let mode: PackageMode = { kind: 'zip' };
    let typeId = 'zip';
    const named = (name: string) => entries.find((entry) => entryName(entry) === name);
    const contentTypes = named(CONTENT_TYPES_PART);
    const mimetype = named('mimetype');
    try {
      if (contentTypes) {
        const xml = await readSmallPart(zip, contentTypes, budget, CONTENT_TYPES_MAX_BYTES, signal);
        if (xml !== null) {
          const kind = classifyContentTypes(xml);
          mode = { kind: 'ooxml' };
          typeId = kind.typeId;
          if (kind.macroEnabled || kind.declaresVba) findings.add('OFFICE_MACRO');
        }
      } else if (mimetype) {
        const odf = classifyOpenDocument((await readSmallPart(zip, mimetype, budget, 256, signal)) ?? '');
        if (odf) {
          mode = { kind: 'odf' };
          typeId = odf;
        }
      }
    } catch (error) {
      if (error instanceof LimitExceeded) {
        findings.add(error.code, { limit: error.limit });
        return { typeId, findings, innerTypes: [], members };
      }
      if (isFatal(error)) throw error;
      findings.add('ARCHIVE_CORRUPT');
    }

    for (const entry of entries) {
      signal?.throwIfAborted();
      if (budget.exhausted) break;
      const name = entryName(entry);
      const stop = await walkEntry(zip, entry, name, mode, context, { findings, innerTypes, members });
      if (stop) break;
    }
    return { typeId, findings, innerTypes: [...innerTypes], members };
  } finally {
    zip.close();
  }
}

/** What the walk collects, entry by entry. */
interface Collected {
  readonly findings: Findings;
  readonly innerTypes: Set<string>;
  readonly members: Member[];
}

/** Handles one entry; true when the tree budget is spent and the walk must stop. */
async function walkEntry(
  zip: yauzl.ZipFile,
  entry: yauzl.Entry,
  name: string,
  mode: PackageMode,
  context: ZipWalkContext,
  collected: Collected,
): Promise<boolean> {
  const { budget, signal } = context;
  const { findings, innerTypes } = collected;
  // In a package the findings are the document's own; in an archive they name the entry.
  const where = mode.kind === 'zip' ? name : undefined;
  const add = (code: FindingCode, params?: Record<string, string | number>) => findings.add(code, params, where);

  // yauzl turns backslashes into slashes; the report shows the name as the archive wrote it.
  const written = entry.fileNameRaw.toString((entry.generalPurposeBitFlag & 0x800) !== 0 ? 'utf8' : 'latin1');
  if (isUnsafeEntryName(name) || isUnsafeEntryName(written))
    findings.add('ARCHIVE_PATH_TRAVERSAL', { entry: written.includes('\\') ? written : name }, name);
  if (((entry.externalFileAttributes >>> 16) & S_IFMT) === S_IFLNK) {
    add('ARCHIVE_LINK');
    return false;
  }
  if (isDirectory(name)) return false;
  if ((entry.generalPurposeBitFlag & 0x1) !== 0 || entry.compressionMethod === 99) {
    add('ARCHIVE_ENCRYPTED');
    return false;
  }
  if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8) {
    add('ARCHIVE_CORRUPT'); // a method we cannot inflate cannot be inspected
    return false;
  }
  const partFindings = mode.kind === 'ooxml' ? ooxmlPartFindings(name) : [];
  for (const finding of partFindings) add(finding.code, finding.params);
  if (mode.kind === 'odf') for (const code of openDocumentPartFindings(name)) add(code);

  try {
    const chunks = expandedChunks(await openEntryStream(zip, entry), budget, entry.compressedSize, signal);
    const base = name.split('/').pop() ?? name;
    const opened = await entryContent(base, chunks);
    if (opened.kind === 'too-large') {
      add('ARCHIVE_TOO_LARGE', { limit: MAX_BUFFERED_ENTRY_BYTES });
      await opened.drain();
      return false;
    }
    const { head } = opened.content;
    // Package parts are inflated (to charge the budget and prove them readable); embedded
    // packages — and any part whose bytes are a package or a program, whatever it is called —
    // are analyzed, the others scanned for what they make Office fetch or run. In a plain
    // archive every file is analyzed.
    const analyze =
      mode.kind === 'zip' ||
      (mode.kind === 'ooxml' && (isEmbeddedPackage(name) || isZipHead(head) || executableFormat(head) !== null || isShortcut(head)));
    if (analyze) {
      const inner = await context.analyzeInner(opened.content);
      // Office names its embedded packages itself ("Microsoft_Excel_Worksheet.xlsx"): their
      // names prove nothing, their content is what counts.
      findings.addInner(
        name,
        mode.kind === 'zip'
          ? inner.findings
          : inner.findings.filter((finding) => finding.code !== 'EXTENSION_MISMATCH' || finding.entry !== undefined),
      );
      if (mode.kind === 'zip') collected.members.push(...membersOf(name, inner));
      innerTypes.add(inner.type.id);
      for (const type of inner.innerTypes) innerTypes.add(type);
    } else if (mode.kind === 'ooxml') {
      // An OLE object or Package (which can hold any file, an .hta too) under any part name.
      if (isOle(head) && partFindings.length === 0) add('OFFICE_EMBEDDED_OBJECT', { part: name });
      for (const finding of await scanPackagePart(name, opened.content, signal)) add(finding.code, finding.params);
    }
    if (budget.exhausted) return true;
    await opened.drain();
    // Headers may lie about sizes: the inflater's count is the truth, a difference is corruption.
    if (opened.bytes() !== entry.uncompressedSize) add('ARCHIVE_CORRUPT');
    return false;
  } catch (error) {
    if (error instanceof LimitExceeded) {
      findings.add(error.code, { limit: error.limit }, name);
      return error.scope === 'tree';
    }
    if (isFatal(error)) throw error;
    add('ARCHIVE_CORRUPT');
    return false;
  }
}
