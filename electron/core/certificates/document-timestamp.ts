/**
 * PAdES document time-stamps (ETSI EN 319 142-1 §5.4, the B-LTA form; ISO 32000-2 §12.8.5):
 * trusted time over a signed FieldGuard certificate, added by an incremental update (ISO
 * 32000-1 §7.5.6) that never touches a byte before it, so the engineer's signature stays
 * valid. Each update adds only a /DocTimeStamp signature dictionary (SubFilter ETSI.RFC3161,
 * its /Contents an RFC 3161 token over the SHA-256 of the whole new file but that /Contents),
 * an invisible widget for it, and the three objects that must name the widget: the AcroForm
 * (/Fields), the first page (/Annots) and the catalog when the AcroForm lives inside it.
 * Those are re-serialised from what pdf-lib reads, with only that change. The cross-reference
 * section has the form of the previous one (a table, or an XRef stream when the file uses
 * object streams), with /Prev pointing at it.
 *
 * `readAppendedRevisions` is the other side: a verifier accepts bytes after the engineer's
 * signature only if they are updates of exactly that shape. Anything else — new page content,
 * an /OpenAction, another annotation or signature, a changed /Info — could change what a
 * reader shows while the engineer's signature still verifies (the "incremental saving
 * attack"), so it is refused rather than judged. The appended bytes may come from anyone:
 * their size and the number of revisions are bounded before anything is parsed.
 */
import { createHash } from 'node:crypto';
import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFNumber,
  PDFObjectParser,
  PDFRef,
  PDFString,
  type PDFContext,
  type PDFObject,
} from 'pdf-lib';
import { readDerElement } from './timestamp-token';

export interface AppendedRevisions {
  readonly ok: boolean;
  readonly problem?: string;
  readonly timestamps: ReadonlyArray<{
    readonly token: Buffer;
    /** The two ranges of /ByteRange, concatenated: what the token's imprint is the SHA-256 of. */
    readonly signedBytes: Buffer;
    readonly byteRange: readonly [number, number, number, number];
    /** The range reaches the end of the file (only whitespace follows). */
    readonly coversToEnd: boolean;
  }>;
}

export interface DocumentTimestampOptions {
  /** Hex characters reserved for the token (default 24576: a token with a chain of three RSA-4096 certificates fits). */
  readonly contentsHexLength?: number;
}

const DEFAULT_CONTENTS_HEX_LENGTH = 24576;
const MAX_CONTENTS_HEX_LENGTH = 1024 * 1024;
/** More than this after the engineer's signature is not a few timestamps. */
const MAX_APPENDED_BYTES = 1024 * 1024;
const MAX_REVISIONS = 8;
/** A timestamp update has at most six objects: signature, widget, page, AcroForm or catalog, and the XRef stream. */
const MAX_OBJECTS_PER_REVISION = 8;
const FIELD_NAME_PREFIX = 'FieldGuardTimestamp';
const BYTE_RANGE_WIDTH = 10;

const name = (text: string): PDFName => PDFName.of(text);

class RevisionProblem extends Error {}

function need(condition: unknown, problem: string): asserts condition {
  if (!condition) throw new RevisionProblem(problem);
}

// --- Reading PDF syntax -------------------------------------------------------------------

/**
 * Parses `bytes` as exactly one PDF object. pdf-lib's parser does not say where an object
 * ends, so the bytes are parsed as the only element of an array: anything after the object
 * makes a second element, or a syntax error.
 */
function parseOneObject(bytes: Uint8Array, context: PDFContext): PDFObject {
  const wrapped = Buffer.concat([Buffer.from('[\n'), bytes, Buffer.from('\n]')]);
  const array = PDFObjectParser.forBytes(wrapped, context).parseObject();
  need(array instanceof PDFArray && array.size() === 1, 'not one PDF object');
  return array.get(0);
}

/** A value the checks above found to be a dictionary, checked again rather than cast. */
function asDict(value: unknown): PDFDict {
  need(value instanceof PDFDict, 'expected a dictionary');
  return value;
}

function parseDict(bytes: Uint8Array, context: PDFContext): PDFDict {
  const dict = parseOneObject(bytes, context);
  need(dict instanceof PDFDict, 'expected a dictionary');
  return dict;
}

function integer(value: PDFObject | undefined): number | undefined {
  return value instanceof PDFNumber && Number.isSafeInteger(value.asNumber()) && value.asNumber() >= 0 ? value.asNumber() : undefined;
}

/** The bytes of `object` as pdf-lib writes it. */
function serialise(object: PDFObject): Buffer {
  const bytes = Buffer.alloc(object.sizeInBytes());
  object.copyBytesInto(bytes, 0);
  return bytes;
}

function isWhitespace(bytes: Uint8Array): boolean {
  return bytes.every((byte) => byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09 || byte === 0x0c || byte === 0x00);
}

interface CrossReference {
  readonly kind: 'table' | 'stream';
  /** Where the section starts: the `startxref` value that points at it. */
  readonly offset: number;
  readonly trailer: PDFDict;
}

/** The `startxref` value of the revision ending at `end` (its %%EOF, then optional whitespace). */
function lastStartxref(pdf: Buffer, end: number): number {
  const tail = pdf.toString('latin1', Math.max(0, end - 1024), end);
  const match = /startxref\s+(\d{1,12})\s+%%EOF\s*$/.exec(tail);
  need(match, 'no startxref at the end of the file');
  return Number(match[1]);
}

/** The cross-reference section at `offset` and its trailer dictionary (or the XRef stream's dictionary). */
function crossReferenceAt(pdf: Buffer, offset: number, end: number, context: PDFContext): CrossReference {
  need(offset < end, 'startxref points past the end');
  const text = pdf.toString('latin1', offset, end);
  if (text.startsWith('xref')) {
    const trailer = text.indexOf('trailer');
    const startxref = text.indexOf('startxref', trailer);
    need(trailer > 0 && startxref > trailer, 'no trailer');
    return { kind: 'table', offset, trailer: parseDict(pdf.subarray(offset + trailer + 7, offset + startxref), context) };
  }
  const header = /^\d{1,10}\s+\d{1,5}\s+obj\s*/.exec(text);
  const stream = text.search(/stream(\r\n|\n)/);
  need(header && stream > header[0].length, 'startxref points at neither a table nor a stream');
  const dict = parseDict(pdf.subarray(offset + header[0].length, offset + stream), context);
  need(dict.get(name('Type')) === name('XRef'), 'startxref points at a stream that is not an XRef stream');
  return { kind: 'stream', offset, trailer: dict };
}

// --- Writing ------------------------------------------------------------------------------

interface PendingObject {
  readonly ref: PDFRef;
  readonly body: Buffer;
}

/** `FieldGuardTimestampN`, the first N not yet used by a field. */
function nextFieldName(fields: PDFArray): string {
  const used = new Set<string>();
  for (let i = 0; i < fields.size(); i += 1) {
    const field = fields.lookup(i);
    const title = field instanceof PDFDict ? field.get(name('T')) : undefined;
    if (title instanceof PDFString || title instanceof PDFHexString) used.add(title.decodeText());
  }
  let n = 1;
  while (used.has(`${FIELD_NAME_PREFIX}${n}`)) n += 1;
  return `${FIELD_NAME_PREFIX}${n}`;
}

/** The DocTimeStamp dictionary, its /ByteRange numbers padded to a fixed width so they can be filled in afterwards. */
function docTimeStampBody(contentsHexLength: number): Buffer {
  const blank = ' '.repeat(BYTE_RANGE_WIDTH);
  return Buffer.from(
    `<<\n/Type /DocTimeStamp\n/Filter /Adobe.PPKLite\n/SubFilter /ETSI.RFC3161\n/ByteRange [0 ${blank} ${blank} ${blank}]\n/Contents <${'0'.repeat(contentsHexLength)}>\n>>`,
    'latin1',
  );
}

function indirectObject(object: PendingObject): Buffer {
  return Buffer.concat([
    Buffer.from(`${object.ref.objectNumber} ${object.ref.generationNumber} obj\n`, 'latin1'),
    object.body,
    Buffer.from('\nendobj\n', 'latin1'),
  ]);
}

/** Consecutive object numbers grouped into [first, count] runs, for /Index or table subsections. */
function runs(numbers: readonly number[]): Array<[number, number]> {
  const result: Array<[number, number]> = [];
  for (const n of numbers) {
    const last = result[result.length - 1];
    if (last && last[0] + last[1] === n) last[1] += 1;
    else result.push([n, 1]);
  }
  return result;
}

/** The trailer entries an update copies from the previous one (ISO 32000-1 §7.5.6), with its own /Size and /Prev. */
function trailerEntries(previous: CrossReference, size: number, context: PDFContext): PDFDict {
  const dict = context.obj({ Size: size, Prev: previous.offset });
  for (const key of ['Root', 'Info', 'ID']) {
    const value = previous.trailer.get(name(key));
    if (value) dict.set(name(key), value);
  }
  return dict;
}

function crossReferenceTable(entries: ReadonlyMap<number, { offset: number; gen: number }>, trailer: PDFDict): Buffer {
  const numbers = [...entries.keys()].sort((a, b) => a - b);
  let text = 'xref\n';
  for (const [first, count] of runs(numbers)) {
    text += `${first} ${count}\n`;
    for (let n = first; n < first + count; n += 1) {
      const entry = entries.get(n) as { offset: number; gen: number };
      text += `${String(entry.offset).padStart(10, '0')} ${String(entry.gen).padStart(5, '0')} n\r\n`;
    }
  }
  return Buffer.concat([Buffer.from(`${text}trailer\n`, 'latin1'), serialise(trailer), Buffer.from('\n', 'latin1')]);
}

/** An uncompressed XRef stream (ISO 32000-1 §7.5.8), W [1 4 2]: type 1, byte offset, generation. */
function crossReferenceStream(
  ref: PDFRef,
  entries: ReadonlyMap<number, { offset: number; gen: number }>,
  trailer: PDFDict,
  context: PDFContext,
): Buffer {
  const numbers = [...entries.keys()].sort((a, b) => a - b);
  const data = Buffer.alloc(numbers.length * 7);
  numbers.forEach((n, i) => {
    const entry = entries.get(n) as { offset: number; gen: number };
    need(entry.offset <= 0xffffffff, 'the file is too large for this cross-reference stream');
    data.writeUInt8(1, i * 7);
    data.writeUInt32BE(entry.offset, i * 7 + 1);
    data.writeUInt16BE(entry.gen, i * 7 + 5);
  });
  const dict = context.obj({ Type: 'XRef', Index: runs(numbers).flat(), W: [1, 4, 2], Length: data.length });
  for (const [key, value] of trailer.entries()) dict.set(key, value);
  const body = Buffer.concat([serialise(dict), Buffer.from('\nstream\n', 'latin1'), data, Buffer.from('\nendstream', 'latin1')]);
  return indirectObject({ ref, body });
}

/** The objects a timestamp update rewrites, read from the current file by pdf-lib. */
interface FormParts {
  readonly doc: PDFDocument;
  readonly catalogRef: PDFRef;
  readonly acroFormRef?: PDFRef;
  readonly acroForm: PDFDict;
  readonly fields: PDFArray;
  readonly pageRef: PDFRef;
  readonly page: PDFDict;
}

async function formParts(pdf: Buffer): Promise<FormParts> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false, throwOnInvalidObject: true });
  const catalogRef = doc.context.trailerInfo.Root;
  need(catalogRef instanceof PDFRef, 'no catalog');
  const entry = doc.catalog.get(name('AcroForm'));
  const acroForm = doc.catalog.lookup(name('AcroForm'));
  need(acroForm instanceof PDFDict, 'the PDF has no AcroForm: it is not signed');
  const fields = acroForm.get(name('Fields'));
  need(fields instanceof PDFArray && fields.size() > 0, 'the AcroForm has no fields written in place');
  need(integer(acroForm.get(name('SigFlags'))) === 3, 'the AcroForm is not that of a signed document (SigFlags 3)');
  const page = doc.getPages()[0];
  need(page, 'the PDF has no pages');
  const annots = page.node.get(name('Annots'));
  need(annots === undefined || annots instanceof PDFArray, 'the first page has /Annots that are not written in place');
  return {
    doc,
    catalogRef,
    ...(entry instanceof PDFRef ? { acroFormRef: entry } : {}),
    acroForm,
    fields,
    pageRef: page.ref,
    page: page.node,
  };
}

/** The new and rewritten objects of a timestamp update: the DocTimeStamp first, then its widget, the page, and the AcroForm or the catalog. */
function updateObjects(parts: FormParts, signatureRef: PDFRef, contentsHexLength: number): PendingObject[] {
  const { context } = parts.doc;
  const widgetRef = PDFRef.of(signatureRef.objectNumber + 1);
  const widget = context.obj({
    Type: 'Annot',
    Subtype: 'Widget',
    FT: 'Sig',
    Rect: [0, 0, 0, 0],
    F: 4, // print; with an empty /Rect the field is invisible
    T: PDFString.of(nextFieldName(parts.fields)),
    V: signatureRef,
    P: parts.pageRef,
  });
  parts.fields.push(widgetRef);
  const annots = parts.page.get(name('Annots'));
  if (annots instanceof PDFArray) annots.push(widgetRef);
  else parts.page.set(name('Annots'), context.obj([widgetRef]));
  return [
    { ref: signatureRef, body: docTimeStampBody(contentsHexLength) },
    { ref: widgetRef, body: serialise(widget) },
    { ref: parts.pageRef, body: serialise(parts.page) },
    parts.acroFormRef
      ? { ref: parts.acroFormRef, body: serialise(parts.acroForm) }
      : { ref: parts.catalogRef, body: serialise(parts.doc.catalog) },
  ];
}

/** The update's bytes after `pdf`, with where the DocTimeStamp's /ByteRange numbers and /Contents start in the new file. */
function assembleUpdate(
  pdf: Buffer,
  objects: readonly PendingObject[],
  previous: CrossReference,
  context: PDFContext,
): { update: Buffer; rangeAt: number; contentsAt: number } {
  // pdf-lib ends a file at %%EOF with no end-of-line; the update starts on a line of its own.
  const lead = /[\r\n]$/.test(pdf.toString('latin1', pdf.length - 1)) ? '' : '\n';
  const chunks: Buffer[] = [Buffer.from(lead, 'latin1')];
  let offset = pdf.length + lead.length;
  const entries = new Map<number, { offset: number; gen: number }>();
  const signature = indirectObject(objects[0] as PendingObject);
  const rangeAt = offset + signature.indexOf('/ByteRange [0 ') + '/ByteRange [0 '.length;
  const contentsAt = offset + signature.indexOf('/Contents <') + '/Contents '.length;
  let size = 0;
  for (const object of objects) {
    const bytes = indirectObject(object);
    entries.set(object.ref.objectNumber, { offset, gen: object.ref.generationNumber });
    size = Math.max(size, object.ref.objectNumber + 1);
    chunks.push(bytes);
    offset += bytes.length;
  }
  const xrefOffset = offset;
  if (previous.kind === 'stream') {
    const xrefRef = PDFRef.of(size);
    entries.set(xrefRef.objectNumber, { offset: xrefOffset, gen: 0 });
    chunks.push(crossReferenceStream(xrefRef, entries, trailerEntries(previous, size + 1, context), context));
  } else {
    chunks.push(crossReferenceTable(entries, trailerEntries(previous, size, context)));
  }
  chunks.push(Buffer.from(`startxref\n${xrefOffset}\n%%EOF\n`, 'latin1'));
  return { update: Buffer.concat(chunks), rangeAt, contentsAt };
}

/**
 * Appends a document time-stamp to a signed PDF: `obtainToken` gets the SHA-256 of the bytes
 * the new /ByteRange covers and returns an RFC 3161 token (e.g. from requestTimestamp).
 */
export async function addDocumentTimestamp(
  pdf: Buffer,
  obtainToken: (digestOfSignedBytes: Buffer) => Promise<Buffer>,
  options: DocumentTimestampOptions = {},
): Promise<Buffer> {
  const hexLength = options.contentsHexLength ?? DEFAULT_CONTENTS_HEX_LENGTH;
  need(
    Number.isSafeInteger(hexLength) && hexLength > 0 && hexLength % 2 === 0 && hexLength <= MAX_CONTENTS_HEX_LENGTH,
    'contentsHexLength must be a positive even number',
  );
  const parts = await formParts(pdf);
  const context = parts.doc.context;
  const previous = crossReferenceAt(pdf, lastStartxref(pdf, pdf.length), pdf.length, context);
  need(previous.trailer.get(name('Encrypt')) === undefined, 'the PDF is encrypted');
  need(previous.trailer.get(name('Root')) === parts.catalogRef, 'the trailer names another catalog');

  // New objects are numbered above everything the file has used: its /Size and what pdf-lib found.
  const signatureRef = PDFRef.of(Math.max(integer(previous.trailer.get(name('Size'))) ?? 0, context.largestObjectNumber + 1));
  const { update, rangeAt, contentsAt } = assembleUpdate(pdf, updateObjects(parts, signatureRef, hexLength), previous, context);
  const result = Buffer.concat([pdf, update]);

  const afterContents = contentsAt + hexLength + 2;
  const byteRange = [contentsAt, afterContents, result.length - afterContents];
  result.write(byteRange.map((n) => String(n).padEnd(BYTE_RANGE_WIDTH, ' ')).join(' '), rangeAt, 'latin1');
  const digest = createHash('sha256').update(result.subarray(0, contentsAt)).update(result.subarray(afterContents)).digest();
  const token = await obtainToken(digest);
  need(token.length > 0 && token.length * 2 <= hexLength, `the timestamp token (${token.length} bytes) does not fit in /Contents`);
  result.write(token.toString('hex'), contentsAt + 1, 'latin1');

  // What is appended must be what verifiers accept: the same reader checks it before anyone keeps it.
  const check = await readAppendedRevisions(result, pdf.length);
  need(check.ok, `the update is not accepted by readAppendedRevisions: ${check.problem ?? ''}`);
  return result;
}

// --- Reading appended revisions -----------------------------------------------------------

interface ParsedObject {
  readonly ref: PDFRef;
  /** Where `N G obj` starts, in the file. */
  readonly offset: number;
  readonly end: number;
  readonly value: PDFObject;
  /** The decoded bytes when the object is a stream (only an XRef stream is accepted). */
  readonly streamData?: Buffer;
}

interface Revision {
  readonly objects: ReadonlyMap<number, ParsedObject>;
  readonly xref: {
    readonly kind: 'table' | 'stream';
    readonly offset: number;
    readonly trailer: PDFDict;
    readonly entries: ReadonlyMap<number, { offset: number; gen: number }>;
  };
  readonly startxref: number;
  /** After %%EOF and its end-of-line. */
  readonly end: number;
}

/**
 * Reads PDF syntax forward from a position in the file, by regular expressions over the
 * appended bytes (from `base` on) as latin1. Positions are offsets in the file.
 */
class Cursor {
  constructor(
    readonly pdf: Buffer,
    readonly base: number,
    readonly text: string,
    public at: number,
  ) {}

  match(pattern: RegExp): RegExpExecArray | null {
    const sticky = new RegExp(pattern.source, 'y');
    sticky.lastIndex = this.at - this.base;
    const found = sticky.exec(this.text);
    if (found) this.at += found[0].length;
    return found;
  }

  startsWith(keyword: string): boolean {
    return this.text.startsWith(keyword, this.at - this.base);
  }

  expect(pattern: RegExp, problem: string): RegExpExecArray {
    const found = this.match(pattern);
    need(found, problem);
    return found;
  }

  /** The next match of `pattern` and its position in the file, without moving. */
  find(pattern: RegExp): { readonly at: number; readonly text: string } | null {
    const global = new RegExp(pattern.source, 'g');
    global.lastIndex = this.at - this.base;
    const found = global.exec(this.text);
    return found ? { at: this.base + found.index, text: found[0] } : null;
  }
}

const EOL = String.raw`(?:\r\n|\n|\r)`;

/** docTimeStampBody's layout, its /ByteRange filled in and its /Contents a token padded with zeros. */
const DOC_TIME_STAMP_LAYOUT =
  /^<<\n\/Type \/DocTimeStamp\n\/Filter \/Adobe\.PPKLite\n\/SubFilter \/ETSI\.RFC3161\n\/ByteRange \[0 \d+ +\d+ +\d+ *\]\n\/Contents <[0-9a-f]+>\n>>$/;

function withoutTrailingEol(bytes: Buffer): string {
  return bytes.toString('latin1').replace(/[\r\n]+$/, '');
}

/**
 * The bytes are exactly what pdf-lib writes for the object they parse to. Updates are written
 * that way, and nothing else is accepted: two readers can then not see different objects in
 * them (a repeated key, which pdf-lib resolves one way and another reader the other; a
 * comment; an unusual number form).
 */
function canonical(bytes: Buffer, value: PDFObject): void {
  need(withoutTrailingEol(bytes) === serialise(value).toString('latin1'), 'an object in the update is not written as FieldGuard writes it');
}

/** One `N G obj … endobj`; a stream only with a direct /Length. */
function readIndirectObject(cursor: Cursor, header: RegExpExecArray, context: PDFContext): ParsedObject {
  const offset = cursor.at - header[0].length;
  const ref = PDFRef.of(Number(header[1]), Number(header[2]));
  const next = cursor.find(/stream(?:\r\n|\n)|endobj/);
  need(next, 'an object has no endobj');
  const body = cursor.pdf.subarray(cursor.at, next.at);
  cursor.at = next.at + next.text.length;
  if (next.text === 'endobj') {
    const value = parseOneObject(body, context);
    if (value instanceof PDFDict && value.get(name('Type')) === name('DocTimeStamp'))
      need(DOC_TIME_STAMP_LAYOUT.test(withoutTrailingEol(body)), 'the timestamp signature is not laid out as FieldGuard writes it');
    else canonical(body, value);
    return { ref, offset, end: cursor.at, value };
  }
  const dict = parseDict(body, context);
  canonical(body, dict);
  const length = integer(dict.get(name('Length')));
  need(length !== undefined && cursor.at + length <= cursor.pdf.length, 'a stream has no usable /Length');
  const streamData = cursor.pdf.subarray(cursor.at, cursor.at + length);
  cursor.at += length;
  cursor.expect(new RegExp(`${EOL}?endstream\\s+endobj`), 'a stream does not end where its /Length says');
  return { ref, offset, end: cursor.at, value: dict, streamData };
}

function readTableSection(cursor: Cursor, context: PDFContext): Revision['xref'] {
  const offset = cursor.at;
  cursor.expect(new RegExp(`xref${EOL}`), 'expected a cross-reference section');
  const entries = new Map<number, { offset: number; gen: number }>();
  for (
    let header = cursor.match(new RegExp(`(\\d{1,10}) (\\d{1,10}) ?${EOL}`));
    header;
    header = cursor.match(new RegExp(`(\\d{1,10}) (\\d{1,10}) ?${EOL}`))
  ) {
    const first = Number(header[1]);
    const count = Number(header[2]);
    need(entries.size + count <= MAX_OBJECTS_PER_REVISION, 'too many cross-reference entries');
    for (let n = first; n < first + count; n += 1) {
      const entry = cursor.expect(/(\d{10}) (\d{5}) ([nf])(?: \r| \n|\r\n)/, 'malformed cross-reference entry');
      need(entry[3] === 'n', 'the update frees an object');
      need(!entries.has(n), 'an object is listed twice');
      entries.set(n, { offset: Number(entry[1]), gen: Number(entry[2]) });
    }
  }
  cursor.expect(/trailer\s*/, 'no trailer');
  const end = cursor.find(/startxref/);
  need(end, 'no startxref');
  const trailer = parseDict(cursor.pdf.subarray(cursor.at, end.at), context);
  canonical(cursor.pdf.subarray(cursor.at, end.at), trailer);
  cursor.at = end.at;
  return { kind: 'table', offset, trailer, entries };
}

/** The entries of an uncompressed XRef stream; only type 1 (an object at an offset) is accepted. */
function xrefStreamEntries(object: ParsedObject): Map<number, { offset: number; gen: number }> {
  const dict = asDict(object.value); // an XRef stream's value is its dictionary (readIndirectObject)
  const widths = dict.get(name('W'));
  const index = dict.get(name('Index'));
  need(widths instanceof PDFArray && widths.size() === 3 && index instanceof PDFArray && index.size() % 2 === 0, 'malformed XRef stream');
  const [w0, w1, w2] = [0, 1, 2].map((i) => integer(widths.get(i)) ?? -1) as [number, number, number];
  need(w0 <= 1 && w0 >= 0 && w1 >= 1 && w1 <= 6 && w2 >= 0 && w2 <= 2, 'unsupported XRef stream field widths');
  const data = object.streamData as Buffer;
  const entries = new Map<number, { offset: number; gen: number }>();
  let at = 0;
  for (let i = 0; i < index.size(); i += 2) {
    const first = integer(index.get(i));
    const count = integer(index.get(i + 1));
    need(first !== undefined && count !== undefined && entries.size + count <= MAX_OBJECTS_PER_REVISION, 'malformed XRef stream index');
    for (let n = first; n < first + count; n += 1) {
      need(at + w0 + w1 + w2 <= data.length, 'the XRef stream is short');
      const type = w0 === 0 ? 1 : (data[at] as number);
      const offset = data.readUIntBE(at + w0, w1);
      const gen = w2 === 0 ? 0 : data.readUIntBE(at + w0 + w1, w2);
      at += w0 + w1 + w2;
      need(type === 1, 'the update frees or compresses an object');
      need(!entries.has(n), 'an object is listed twice');
      entries.set(n, { offset, gen });
    }
  }
  need(at === data.length, 'the XRef stream has extra data');
  return entries;
}

/** One incremental update starting at `start`: objects, a cross-reference section, startxref, %%EOF. */
function readRevision(appended: { pdf: Buffer; base: number; text: string }, start: number, context: PDFContext): Revision {
  const cursor = new Cursor(appended.pdf, appended.base, appended.text, start);
  cursor.match(/\s*/);
  const objects = new Map<number, ParsedObject>();
  let last: ParsedObject | undefined;
  for (let header = cursor.match(/(\d{1,10})\s+(\d{1,5})\s+obj\s*/); header; header = cursor.match(/(\d{1,10})\s+(\d{1,5})\s+obj\s*/)) {
    need(objects.size < MAX_OBJECTS_PER_REVISION, 'too many objects in an update');
    last = readIndirectObject(cursor, header, context);
    need(!objects.has(last.ref.objectNumber), 'an object is defined twice in one update');
    need(last.streamData === undefined || asDict(last.value).get(name('Type')) === name('XRef'), 'the update adds a stream'); // a stream's value is its dictionary
    objects.set(last.ref.objectNumber, last);
    cursor.match(/\s*/);
  }
  const streams = [...objects.values()].filter((object) => object.streamData !== undefined);
  let xref: Revision['xref'];
  if (cursor.startsWith('xref')) {
    need(streams.length === 0, 'the update adds a stream');
    xref = readTableSection(cursor, context);
  } else {
    need(last && streams.length === 1 && streams[0] === last, 'the update has no cross-reference section after its objects');
    xref = { kind: 'stream', offset: last.offset, trailer: asDict(last.value), entries: xrefStreamEntries(last) }; // checked to be an XRef stream above
  }
  const tail = cursor.expect(
    new RegExp(`startxref${EOL}(\\d{1,12})${EOL}%%EOF${EOL}?`),
    'the update does not end with startxref and %%EOF',
  );
  return { objects, xref, startxref: Number(tail[1]), end: cursor.at };
}

/** What the previous revision left: the objects in force, and the trailer an update must continue. */
interface RevisionState {
  readonly context: PDFContext;
  startxref: number;
  size: number;
  readonly trailer: ReadonlyMap<string, string>;
  readonly catalogRef: PDFRef;
  readonly pageRef: PDFRef;
}

function trailerCopy(trailer: PDFDict): Map<string, string> {
  const copy = new Map<string, string>();
  for (const key of ['Root', 'Info', 'ID']) copy.set(key, trailer.get(name(key))?.toString() ?? '');
  return copy;
}

/** Each entry of a dictionary as pdf-lib writes it, but `except`. */
function entriesExcept(dict: PDFDict, except: string): Map<string, string> {
  const entries = new Map<string, string>();
  for (const [key, value] of dict.entries()) if (key !== name(except)) entries.set(key.asString(), value.toString());
  return entries;
}

/** The two dictionaries are equal but for `except`. */
function sameExcept(before: PDFObject | undefined, after: PDFObject | undefined, except: string, what: string): void {
  need(before instanceof PDFDict && after instanceof PDFDict, `${what} is not a dictionary`);
  const old = entriesExcept(before, except);
  const now = entriesExcept(after, except);
  need(old.size === now.size && [...old].every(([key, value]) => now.get(key) === value), `the update changes ${what}`);
}

/** `after` is `before` (missing: empty) with `added` appended, nothing else. */
function appendedOnly(before: PDFObject | undefined, after: PDFObject | undefined, added: PDFRef, what: string): void {
  need(before === undefined || before instanceof PDFArray, `${what} is not written in place`);
  need(after instanceof PDFArray, `${what} is not written in place`);
  const old = before?.asArray() ?? [];
  const now = after.asArray();
  need(
    now.length === old.length + 1 && now[now.length - 1] === added && old.every((item, i) => item.toString() === now[i]?.toString()),
    `${what} gains more than the timestamp`,
  );
}

function dictWithExactly(object: PDFObject | undefined, keys: readonly string[], what: string): PDFDict {
  need(object instanceof PDFDict, `${what} is not a dictionary`);
  const found = object
    .keys()
    .map((key) => key.asString().slice(1))
    .sort();
  need(found.join(' ') === [...keys].sort().join(' '), `${what} has other entries`);
  return object;
}

function checkDocTimeStamp(object: ParsedObject): void {
  const dict = dictWithExactly(object.value, ['Type', 'Filter', 'SubFilter', 'ByteRange', 'Contents'], 'the timestamp signature');
  need(
    dict.get(name('Filter')) === name('Adobe.PPKLite') && dict.get(name('SubFilter')) === name('ETSI.RFC3161'),
    'the timestamp signature is not ETSI.RFC3161',
  );
  need(dict.get(name('Contents')) instanceof PDFHexString, 'the timestamp has no /Contents');
}

function checkWidget(object: ParsedObject, signatureRef: PDFRef, pageRef: PDFRef): void {
  const widget = dictWithExactly(object.value, ['Type', 'Subtype', 'FT', 'Rect', 'F', 'T', 'V', 'P'], 'the timestamp widget');
  need(
    widget.get(name('Subtype')) === name('Widget') && widget.get(name('Type')) === name('Annot') && widget.get(name('FT')) === name('Sig'),
    'the widget is not a signature field',
  );
  need(
    widget.get(name('V')) === signatureRef && widget.get(name('P')) === pageRef,
    'the widget does not join the timestamp to the first page',
  );
  need(widget.get(name('Rect'))?.toString() === '[ 0 0 0 0 ]' && integer(widget.get(name('F'))) === 4, 'the timestamp widget is visible');
  const title = widget.get(name('T'));
  need(title instanceof PDFString || title instanceof PDFHexString, 'the timestamp field has no name');
}

/** The byte range of the revision's DocTimeStamp, checked to leave out exactly its /Contents and to end with the revision. */
function timestampOf(
  pdf: Buffer,
  revision: Revision,
  signature: ParsedObject,
): { token: Buffer; signedBytes: Buffer; byteRange: [number, number, number, number] } {
  const dict = asDict(signature.value); // checkDocTimeStamp has checked it is a dictionary
  const range = dict.get(name('ByteRange'));
  need(range instanceof PDFArray && range.size() === 4, 'malformed /ByteRange');
  const [start1, length1, start2, length2] = [0, 1, 2, 3].map((i) => integer(range.get(i)) ?? -1) as [number, number, number, number];
  need(start1 === 0, 'the timestamp does not cover the start of the file');
  need(
    length1 > signature.offset && start2 < signature.end && start2 > length1 + 1,
    'the /ByteRange gap is not inside the timestamp signature',
  );
  need(start2 + length2 === revision.end, 'the timestamp does not cover its whole revision');
  const gap = pdf.toString('latin1', length1, start2);
  const contents = (dict.get(name('Contents')) as PDFHexString).asString(); // checked by checkDocTimeStamp
  need(gap === `<${contents}>` && /^[0-9A-Fa-f]*$/.test(contents) && contents.length % 2 === 0, 'the /ByteRange gap is not the /Contents');
  need(
    /\/Contents\s*$/.test(pdf.toString('latin1', Math.max(signature.offset, length1 - 32), length1)),
    'the /ByteRange gap is not the /Contents',
  );
  const padded = Buffer.from(contents, 'hex');
  let token: Buffer;
  try {
    token = readDerElement(padded).bytes;
  } catch {
    throw new RevisionProblem('the timestamp token is not DER');
  }
  need(
    padded.subarray(token.length).every((byte) => byte === 0),
    'bytes after the timestamp token',
  );
  return {
    token,
    signedBytes: Buffer.concat([pdf.subarray(0, length1), pdf.subarray(start2, start2 + length2)]),
    byteRange: [start1, length1, start2, length2],
  };
}

/** The cross-reference section lists exactly the revision's objects, where they are, and continues the previous trailer. */
function checkCrossReference(revision: Revision, state: RevisionState): void {
  const { objects, xref } = revision;
  need(xref.entries.size === objects.size, 'the cross-reference section does not list exactly the new objects');
  for (const [n, object] of objects) {
    const entry = xref.entries.get(n);
    need(
      entry && entry.offset === object.offset && entry.gen === object.ref.generationNumber,
      'the cross-reference section does not match the objects',
    );
  }
  const allowed =
    xref.kind === 'stream'
      ? ['Size', 'Prev', 'Root', 'Info', 'ID', 'Type', 'Index', 'W', 'Length']
      : ['Size', 'Prev', 'Root', 'Info', 'ID'];
  const keys = xref.trailer.keys().map((key) => key.asString().slice(1));
  need(
    keys.every((key) => allowed.includes(key)),
    'the trailer has other entries',
  );
  need(integer(xref.trailer.get(name('Prev'))) === state.startxref, 'the update does not continue the previous cross-reference section');
  need(revision.startxref === xref.offset, 'startxref does not point at the update');
  for (const [key, value] of state.trailer)
    need((xref.trailer.get(name(key))?.toString() ?? '') === value, `the update changes the trailer's /${key}`);
  const size = integer(xref.trailer.get(name('Size')));
  need(size !== undefined && size >= state.size && [...objects.keys()].every((n) => n < size), 'malformed /Size');
}

/** Checks one update against the state before it; returns its timestamp and applies it to the state. */
function checkRevision(pdf: Buffer, revision: Revision, state: RevisionState): ReturnType<typeof timestampOf> {
  const { context } = state;
  checkCrossReference(revision, state);
  const oldCatalog = context.lookup(state.catalogRef);
  need(oldCatalog instanceof PDFDict, 'no catalog');
  const acroFormEntry = oldCatalog.get(name('AcroForm'));
  const acroFormRef = acroFormEntry instanceof PDFRef ? acroFormEntry : undefined;

  // Of the objects that existed, only the catalog, the AcroForm and the first page may be rewritten; anything else is new.
  const created: ParsedObject[] = [];
  for (const object of revision.objects.values()) {
    if (object.ref === state.catalogRef || object.ref === state.pageRef || object.ref === acroFormRef) continue;
    const n = object.ref.objectNumber;
    need(
      n >= state.size && object.ref.generationNumber === 0 && context.lookup(object.ref) === undefined,
      `the update changes object ${n}`,
    );
    if (object.streamData === undefined) created.push(object);
  }
  const rewritten = (ref: PDFRef): PDFObject | undefined => revision.objects.get(ref.objectNumber)?.value;

  // Each of those changes in one entry only: the catalog in its AcroForm, the AcroForm in /Fields, the page in /Annots.
  const newCatalog = rewritten(state.catalogRef) ?? oldCatalog;
  sameExcept(oldCatalog, newCatalog, 'AcroForm', 'the catalog');
  if (acroFormRef)
    need(asDict(newCatalog).get(name('AcroForm')) === acroFormRef, 'the update changes the catalog'); // sameExcept checked it is a dictionary
  else need(rewritten(state.catalogRef), 'the update does not add the timestamp to the AcroForm');
  const oldAcroForm = acroFormRef ? context.lookup(acroFormRef) : acroFormEntry;
  const newAcroForm = acroFormRef ? rewritten(acroFormRef) : asDict(newCatalog).get(name('AcroForm'));
  need(newAcroForm, 'the update does not add the timestamp to the AcroForm');
  sameExcept(oldAcroForm, newAcroForm, 'Fields', 'the AcroForm');
  const oldPage = context.lookup(state.pageRef);
  const newPage = rewritten(state.pageRef);
  need(newPage, 'the update does not add the timestamp to the first page');
  sameExcept(oldPage, newPage, 'Annots', 'the first page');

  // What is new is exactly one DocTimeStamp and its widget, which the AcroForm and the page gain and nothing else.
  const signature = created.find((object) => object.value instanceof PDFDict && object.value.get(name('Type')) === name('DocTimeStamp'));
  const widget = created.find((object) => object !== signature);
  need(signature && widget && created.length === 2, 'the update adds something other than a document timestamp');
  checkDocTimeStamp(signature);
  checkWidget(widget, signature.ref, state.pageRef);
  // sameExcept has checked that these are dictionaries.
  appendedOnly(asDict(oldAcroForm).get(name('Fields')), asDict(newAcroForm).get(name('Fields')), widget.ref, 'the AcroForm /Fields');
  appendedOnly(asDict(oldPage).get(name('Annots')), asDict(newPage).get(name('Annots')), widget.ref, 'the first page /Annots');
  need(!fieldNames(asDict(oldAcroForm), context).has(fieldName(asDict(widget.value))), 'the timestamp field name is taken');

  const timestamp = timestampOf(pdf, revision, signature);
  for (const object of revision.objects.values()) if (object.streamData === undefined) context.assign(object.ref, object.value);
  state.startxref = revision.startxref;
  state.size = integer(revision.xref.trailer.get(name('Size'))) as number; // checked by checkCrossReference
  return timestamp;
}

function fieldName(field: PDFDict): string {
  const title = field.get(name('T'));
  return title instanceof PDFString || title instanceof PDFHexString ? title.decodeText() : '';
}

function fieldNames(acroForm: PDFDict, context: PDFContext): Set<string> {
  const fields = acroForm.get(name('Fields'));
  const names = new Set<string>();
  if (!(fields instanceof PDFArray)) return names;
  for (const item of fields.asArray()) {
    const field = item instanceof PDFRef ? context.lookup(item) : item;
    if (field instanceof PDFDict) names.add(fieldName(field));
  }
  return names;
}

async function readOrThrow(pdf: Buffer, signedEnd: number): Promise<AppendedRevisions> {
  need(Number.isSafeInteger(signedEnd) && signedEnd > 0 && signedEnd <= pdf.length, 'the signed range does not end inside the file');
  need(pdf.length - signedEnd <= MAX_APPENDED_BYTES, 'too much was appended after the signature');
  if (isWhitespace(pdf.subarray(signedEnd))) return { ok: true, timestamps: [] };

  const signed = await PDFDocument.load(pdf.subarray(0, signedEnd), { updateMetadata: false, throwOnInvalidObject: true });
  const context = signed.context;
  const previous = crossReferenceAt(pdf, lastStartxref(pdf, signedEnd), signedEnd, context);
  const catalogRef = previous.trailer.get(name('Root'));
  const firstPage = signed.getPages()[0];
  need(catalogRef instanceof PDFRef && firstPage, 'the signed document has no catalog or no page');
  const state: RevisionState = {
    context,
    startxref: previous.offset,
    size: Math.max(integer(previous.trailer.get(name('Size'))) ?? 0, context.largestObjectNumber + 1),
    trailer: trailerCopy(previous.trailer),
    catalogRef,
    pageRef: firstPage.ref,
  };

  const appended = { pdf, base: signedEnd, text: pdf.toString('latin1', signedEnd) };
  const timestamps: Array<AppendedRevisions['timestamps'][number]> = [];
  let at = signedEnd;
  while (!isWhitespace(pdf.subarray(at))) {
    need(timestamps.length < MAX_REVISIONS, 'too many updates after the signature');
    const revision = readRevision(appended, at, context);
    const timestamp = checkRevision(pdf, revision, state);
    at = revision.end;
    timestamps.push({ ...timestamp, coversToEnd: isWhitespace(pdf.subarray(at)) });
  }
  return { ok: true, timestamps };
}

/**
 * Checks what follows the engineer's signature (whose signed range ends at `signedEnd`): zero
 * or more updates, each adding one document timestamp as addDocumentTimestamp does and nothing
 * else, the last covering the file to its end. The tokens are returned for the caller to check
 * (checkTimestampToken over the SHA-256 of `signedBytes`). Never throws.
 */
export async function readAppendedRevisions(pdf: Buffer, signedEnd: number): Promise<AppendedRevisions> {
  try {
    return await readOrThrow(pdf, signedEnd);
  } catch (error) {
    return {
      ok: false,
      problem: error instanceof RevisionProblem ? error.message : 'the appended bytes are not a well-formed update',
      timestamps: [],
    };
  }
}
