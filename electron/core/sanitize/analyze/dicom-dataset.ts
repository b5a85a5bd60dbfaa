/**
 * The DICOM data set walked element by element (PS3.5 7.1, PS3.10 7.1): where it ends — so
 * that anything appended after it (a zip of scripts, a second file) is found and can be cut
 * off — and the Encapsulated Document (0042,0011) of an Encapsulated PDF, which a viewer
 * hands to a PDF reader and must therefore be checked like a PDF. Values are skipped, not
 * read (a 2 GB pixel data element costs nothing on a file), except that document, which is
 * read up to a limit. The data set has no end marker: it ends where the last well-formed
 * element ends, and a DICOM file ends there too. A deflated data set is inflated as it is
 * walked, within the archive budget.
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createInflateRaw } from 'node:zlib';
import type { ArchiveBudget } from './archive-budget';
import { ByteReader } from './byte-reader';
import type { Content } from './content-source';
import { DICOM_PREAMBLE_BYTES } from './dicom';
import { expandedChunks } from './entry-content';

const VALUE_REPRESENTATIONS = new Set(
  'AE AS AT CS DA DS DT FL FD IS LO LT OB OD OF OL OV OW PN SH SL SQ SS ST SV TM UC UI UL UN UR US UT UV'.split(' '),
);
/** VRs whose explicit header has two reserved bytes and a 32-bit length. */
const LONG_VRS = new Set('OB OD OF OL OV OW SQ UC UN UR UT SV UV'.split(' '));
const UNDEFINED_LENGTH = 0xffffffff;
const ITEM = 0xfffee000;
const ITEM_END = 0xfffee00d;
const SEQUENCE_END = 0xfffee0dd;
const ENCAPSULATED_DOCUMENT = 0x00420011;
const MAX_NESTING = 32;

const IMPLICIT_LITTLE = '1.2.840.10008.1.2';
const EXPLICIT_BIG = '1.2.840.10008.1.2.2';
const DEFLATED = ['1.2.840.10008.1.2.1.99', '1.2.840.10008.1.2.8.1'];

export interface DicomDataSet {
  /** Where bytes that are not part of the data set start; null when the file ends with the data set. */
  readonly trailingAt: number | null;
  /** A deflated data set whose elements do not parse (there is no offset to cut at). */
  readonly damaged: boolean;
  /** The Encapsulated Document's bytes, 'too-large' past the limit, null when there is none. */
  readonly document: Buffer | 'too-large' | null;
}

interface Syntax {
  readonly explicit: boolean;
  readonly little: boolean;
}

class Malformed extends Error {
  constructor(readonly at: number) {
    super(`malformed DICOM element at ${at}`);
  }
}

interface Header {
  readonly tag: number;
  readonly vr: string | null;
  readonly length: number;
}

async function readHeader(reader: ByteReader, syntax: Syntax): Promise<Header | null> {
  const at = reader.position;
  const start = await reader.read(8);
  if (start.length === 0) return null;
  if (start.length < 8) throw new Malformed(at);
  const group = syntax.little ? start.readUInt16LE(0) : start.readUInt16BE(0);
  const element = syntax.little ? start.readUInt16LE(2) : start.readUInt16BE(2);
  const tag = ((group << 16) | element) >>> 0;
  // Items and delimiters have no VR in any transfer syntax.
  if (group === 0xfffe || !syntax.explicit) return { tag, vr: null, length: syntax.little ? start.readUInt32LE(4) : start.readUInt32BE(4) };
  const vr = start.toString('latin1', 4, 6);
  if (!VALUE_REPRESENTATIONS.has(vr)) throw new Malformed(at);
  if (!LONG_VRS.has(vr)) return { tag, vr, length: syntax.little ? start.readUInt16LE(6) : start.readUInt16BE(6) };
  const long = await reader.read(4);
  if (long.length < 4) throw new Malformed(at);
  return { tag, vr, length: syntax.little ? long.readUInt32LE(0) : long.readUInt32BE(0) };
}

async function skipValue(reader: ByteReader, length: number, at: number): Promise<void> {
  if ((await reader.skip(length)) < length) throw new Malformed(at);
}

/** The items of an undefined-length sequence (or of encapsulated pixel data), up to its delimiter. */
async function walkItems(reader: ByteReader, syntax: Syntax, depth: number): Promise<void> {
  for (;;) {
    const at = reader.position;
    const header = await readHeader(reader, { explicit: false, little: syntax.little });
    if (!header) throw new Malformed(at);
    if (header.tag === SEQUENCE_END) return;
    if (header.tag !== ITEM) throw new Malformed(at);
    if (header.length === UNDEFINED_LENGTH) await walkElements(reader, syntax, depth + 1, 'item');
    else await skipValue(reader, header.length, at);
  }
}

/** Elements of a nested item (until its delimiter) or of the top-level data set (until the end of the file). */
async function walkElements(
  reader: ByteReader,
  syntax: Syntax,
  depth: number,
  scope: 'item' | 'top',
  onDocument?: (length: number) => Promise<void>,
): Promise<void> {
  if (depth > MAX_NESTING) throw new Malformed(reader.position);
  let previous = -1;
  for (;;) {
    const at = reader.position;
    const header = await readHeader(reader, syntax);
    if (!header) {
      if (scope === 'item') throw new Malformed(at);
      return;
    }
    if (header.tag === ITEM_END && scope === 'item') return;
    // Elements come in ascending tag order (PS3.5 7.1): one that goes back is not part of the data set.
    if (header.tag >>> 16 === 0xfffe || header.tag <= previous) throw new Malformed(at);
    previous = header.tag;
    if (header.length === UNDEFINED_LENGTH) {
      if (header.vr !== null && header.vr !== 'SQ' && header.vr !== 'OB' && header.vr !== 'OW' && header.vr !== 'UN')
        throw new Malformed(at);
      // A sequence of unknown VR is encoded in implicit VR little endian whatever the transfer syntax (PS3.5 6.2.2).
      await walkItems(reader, header.vr === 'UN' ? { explicit: false, little: true } : syntax, depth);
    } else if (scope === 'top' && header.tag === ENCAPSULATED_DOCUMENT && onDocument) {
      await onDocument(header.length);
    } else {
      await skipValue(reader, header.length, at);
    }
  }
}

/** The file meta group (always explicit VR little endian) and the transfer syntax it names. */
async function readMeta(reader: ByteReader): Promise<string> {
  const syntax: Syntax = { explicit: true, little: true };
  let transferSyntax = '';
  for (;;) {
    const next = await reader.peek(2);
    if (next.length < 2 || next.readUInt16LE(0) !== 0x0002) return transferSyntax;
    const at = reader.position;
    const header = await readHeader(reader, syntax);
    if (!header || header.length === UNDEFINED_LENGTH) throw new Malformed(at);
    if (header.tag === 0x00020010 && header.length <= 64)
      transferSyntax = (await reader.read(header.length)).toString('latin1').replace(/[\0 ]+$/, '');
    else await skipValue(reader, header.length, at);
  }
}

/** Reads the Encapsulated Document's value when it is met: whole up to the limit, skipped past it. */
function documentReader(
  reader: ByteReader,
  maxDocumentBytes: number,
  keep: (document: Buffer | 'too-large') => void,
): (length: number) => Promise<void> {
  return async (length) => {
    const at = reader.position;
    if (length > maxDocumentBytes) {
      keep('too-large');
      if ((await reader.skip(length)) < length) throw new Malformed(at);
      return;
    }
    const bytes = await reader.read(length);
    if (bytes.length < length) throw new Malformed(at);
    keep(Buffer.from(bytes));
  };
}

/**
 * A deflated data set (PS3.5 A.5): everything after the meta group is one raw deflate
 * stream, inflated as it is walked and charged to the archive budget (it can be a bomb).
 * Elements that do not parse mean a damaged data set; bytes after the end of the deflate
 * stream are data after the data set, at their offset in the file.
 */
async function walkDeflated(
  reader: ByteReader,
  budget: ArchiveBudget,
  maxDocumentBytes: number,
  keep: (document: Buffer | 'too-large') => void,
  signal?: AbortSignal,
): Promise<DicomDataSet> {
  const start = reader.position;
  let fed = 0;
  const source = (async function* () {
    for await (const piece of reader.pieces(Number.MAX_SAFE_INTEGER)) {
      fed += piece.length;
      yield piece;
    }
  })();
  const inflater = createInflateRaw();
  const piped = pipeline(Readable.from(source), inflater).then(
    () => true,
    () => false,
  );
  const inflated: Content = {
    name: 'deflated data set',
    size: null,
    head: Buffer.alloc(0),
    random: null,
    chunks: () => expandedChunks(inflater, budget, reader.size ?? Number.POSITIVE_INFINITY, signal),
  };
  const dataSet = new ByteReader(inflated, signal);
  try {
    await walkElements(dataSet, { explicit: true, little: true }, 0, 'top', documentReader(dataSet, maxDocumentBytes, keep));
  } catch (error) {
    if (!(error instanceof Malformed)) throw error;
    inflater.destroy();
    await piped;
    return { trailingAt: null, damaged: true, document: null };
  }
  const complete = await piped;
  if (!complete) return { trailingAt: null, damaged: true, document: null };
  return { trailingAt: inflater.bytesWritten < fed ? start + inflater.bytesWritten : null, damaged: false, document: null };
}

export async function walkDicomDataSet(
  content: Content,
  budget: ArchiveBudget,
  maxDocumentBytes: number,
  signal?: AbortSignal,
): Promise<DicomDataSet> {
  const reader = new ByteReader(content, signal);
  await reader.skip(DICOM_PREAMBLE_BYTES + 4);
  let document: DicomDataSet['document'] = null;
  const keep = (found: Buffer | 'too-large') => {
    document = found;
  };
  try {
    const transferSyntax = await readMeta(reader);
    if (DEFLATED.includes(transferSyntax)) return { ...(await walkDeflated(reader, budget, maxDocumentBytes, keep, signal)), document };
    const syntax: Syntax = { explicit: transferSyntax !== IMPLICIT_LITTLE, little: transferSyntax !== EXPLICIT_BIG };
    await walkElements(reader, syntax, 0, 'top', documentReader(reader, maxDocumentBytes, keep));
    return { trailingAt: null, damaged: false, document };
  } catch (error) {
    if (error instanceof Malformed) return { trailingAt: error.at, damaged: false, document };
    throw error;
  }
}
