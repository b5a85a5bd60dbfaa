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
    zip.addBuffer(Buffer.from(item.data), item.name, { compress: !item.store, forceZip64Format: item.zip64 ?? false, mtime: new Date(2024, 0, 1) });
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
  header.writeUInt32LE((entry.externalAttributes ?? (0o100644 << 16)) >>> 0, 38);
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
  if (extraParts.some((part) => part.name.endsWith('vbaProject.bin'))) overrides.push(`<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/>`);
  const contentTypes = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>${overrides.join('')}</Types>`;
  const rels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="${mainPart}"/></Relationships>`;
  const main = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><root xmlns="urn:x"><t>Service report 2024</t></root>`;
  return zipOf([{ name: '[Content_Types].xml', data: contentTypes }, { name: '_rels/.rels', data: rels }, { name: mainPart, data: main }, ...extraParts]);
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
  const record = (type: number, data: Buffer) => {
    const header = Buffer.alloc(4);
    header.writeUInt16LE(type, 0);
    header.writeUInt16LE(data.length, 2);
    return Buffer.concat([header, data]);
  };
  const bof = Buffer.alloc(16);
  bof.writeUInt16LE(0x0600, 0);
  bof.writeUInt16LE(0x0005, 2);
  const name = Buffer.from('Sheet1', 'latin1');
  const sheet = Buffer.concat([Buffer.from([0, 0, 0, 0, 0, sheetType, name.length, 0]), name]);
  return Buffer.concat([record(0x0809, bof), record(0x0085, sheet), record(0x000a, Buffer.alloc(0))]);
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
  const xref = [`xref\n0 ${bodies.length + 1}\n0000000000 65535 f \n`, ...offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`)].join('');
  parts.push(Buffer.from(`${xref}trailer\n<< /Size ${bodies.length + 1} /Root ${rootRef} >>\nstartxref\n${length}\n%%EOF\n`));
  return Buffer.concat(parts);
}

/** A stream object body with a direct /Length. */
export function pdfStream(dictionary: string, data: Buffer | string): Buffer {
  const bytes = Buffer.from(data);
  return Buffer.concat([Buffer.from(`<< ${dictionary} /Length ${bytes.length} >>\nstream\n`), bytes, Buffer.from('\nendstream')]);
}

const PAGES = ['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 1 >>', '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>'];

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
        pdfStream('/Filter /FlateDecode', zlib.deflateSync('BT /F1 12 Tf 72 720 Td (Service report) Tj ET q 100 0 0 100 72 500 cm /Im0 Do Q')),
        pdfStream('/Type /XObject /Subtype /Image /Width 64 /Height 64 /BitsPerComponent 8 /ColorSpace /DeviceGray /Filter /DCTDecode', opaqueBytesWithActiveLookingNames()),
      ]),
    findings: [],
  },
  'clean-indirect-length.pdf': {
    bytes: () => {
      const data = opaqueBytesWithActiveLookingNames();
      return pdfOf([...PAGES, Buffer.concat([Buffer.from('<< /Type /XObject /Subtype /Image /Length 5 0 R >>\nstream\n'), data, Buffer.from('\nendstream')]), String(data.length)]);
    },
    findings: [],
  },
  'javascript.pdf': {
    bytes: () => pdfOf(['<< /Type /Catalog /Pages 2 0 R /Names << /JavaScript 4 0 R >> >>', PAGES[1]!, PAGES[2]!, '<< /Names [(init) 5 0 R] >>', '<< /S /JavaScript /JS (app.alert\\(1\\)) >>']),
    findings: ['PDF_JAVASCRIPT'],
  },
  'open-action.pdf': {
    bytes: () => pdfOf(['<< /Type /Catalog /Pages 2 0 R /OpenAction [3 0 R /Fit] >>', PAGES[1]!, PAGES[2]!]),
    findings: ['PDF_AUTO_ACTION'],
  },
  'additional-actions.pdf': {
    bytes: () => pdfOf([PAGES[0]!, PAGES[1]!, '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /AA << /O << /S /GoTo /D [3 0 R /Fit] >> >> >>']),
    findings: ['PDF_AUTO_ACTION'],
  },
  'launch.pdf': {
    bytes: () => pdfOf([PAGES[0]!, PAGES[1]!, '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Annots [4 0 R] >>', '<< /Type /Annot /Subtype /Link /Rect [0 0 100 100] /A << /S /Launch /F (calc.exe) >> >>']),
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
    bytes: () => pdfOf(['<< /Type /Catalog /Pages 2 0 R /Names << /J#61vaScript 4 0 R >> >>', PAGES[1]!, PAGES[2]!, '<< /Names [(x) 5 0 R] >>', '<< /S /J#61v#61Script /J#53 (app.alert\\(1\\)) >>']),
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
  'broken-object-stream.pdf': {
    bytes: () => pdfOf([...PAGES, pdfStream('/Type /ObjStm /N 1 /First 4 /Filter /FlateDecode', Buffer.from('this is not deflate data at all'))]),
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
  return Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), pngChunk('IHDR', header), pngChunk('IDAT', zlib.deflateSync(Buffer.from([0, 0x80]))), pngChunk('IEND', Buffer.alloc(0))]);
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

/** A DICOM Part 10 file: preamble, "DICM", a meta group with the transfer syntax, one data element. */
export function dicom(preamble: Buffer = Buffer.alloc(128), pixels = 64): Buffer {
  const element = (group: number, elementNumber: number, vr: string, value: Buffer) => {
    const header = Buffer.alloc(8);
    header.writeUInt16LE(group, 0);
    header.writeUInt16LE(elementNumber, 2);
    header.write(vr, 4, 'latin1');
    header.writeUInt16LE(value.length, 6);
    return Buffer.concat([header, value]);
  };
  const uid = Buffer.from('1.2.840.10008.1.2.1\0', 'latin1');
  const fixed = Buffer.alloc(128);
  preamble.copy(fixed, 0, 0, 128);
  return Buffer.concat([fixed, Buffer.from('DICM', 'latin1'), element(0x0002, 0x0010, 'UI', uid), element(0x0010, 0x0010, 'PN', Buffer.from('Anon^Patient', 'latin1')), element(0x7fe0, 0x0010, 'OW', Buffer.alloc(pixels))]);
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

// ─── the corpus ────────────────────────────────────────────────────────────────────────

const CLEAN_TEXT = 'Service log\nDevice: CT-7 serial 12345\nAll checks passed.\n';
const CLEAN_CSV = 'date,device,result\n2024-01-01,CT-7,ok\n2024-01-02,MR-3,ok\n';
const CLEAN_XML = '<?xml version="1.0"?>\n<report><device>CT-7</device><result>ok</result></report>\n';
const CLEAN_JSON = '{"device":"CT-7","checks":[1,2,3],"ok":true}\n';
const CLEAN_HTML = '<!DOCTYPE html>\n<html><head><title>Report</title></head><body><p>All checks passed. Contact: online support.</p></body></html>\n';
const CLEAN_SVG = '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10" fill="blue"/></svg>\n';

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
  await add('eicar/eicar-nested.zip', await zipOf([{ name: 'inner.zip', data: eicarZip }]), { type: 'zip', findings: ['EXTENSION_MISMATCH'], innerTypes: ['zip', 'txt'] });

  // Office Open XML.
  const vba = { name: 'word/vbaProject.bin', data: compoundFile({ '/VBA/_VBA_PROJECT': 'x', '/VBA/dir': 'y' }) };
  const docm = await ooxml('docm', [vba]);
  await add('office/macro.docm', docm, { type: 'docm', findings: ['OFFICE_MACRO'] });
  await add('office/macro-renamed.docx', docm, { type: 'docm', findings: ['EXTENSION_MISMATCH', 'OFFICE_MACRO'] });
  await add('office/activex.xlsx', await ooxml('xlsx', [{ name: 'xl/activeX/activeX1.xml', data: '<ax:ocx xmlns:ax="urn:x"/>' }]), { type: 'xlsx', findings: ['OFFICE_ACTIVEX'] });
  await add('office/ole-object.docx', await ooxml('docx', [{ name: 'word/embeddings/oleObject1.bin', data: compoundFile({ '/\u0001Ole10Native': 'payload' }) }]), { type: 'docx', findings: ['OFFICE_EMBEDDED_OBJECT'] });
  await add('office/embedded-xlsm.docx', await ooxml('docx', [{ name: 'word/embeddings/Microsoft_Excel_Worksheet.xlsm', data: await ooxml('xlsm', [{ name: 'xl/vbaProject.bin', data: 'vba' }]) }]), {
    type: 'docx',
    findings: ['OFFICE_MACRO'],
    innerTypes: ['xlsm'],
  });
  const odt = (parts: readonly ZipItem[]) => zipOf([{ name: 'mimetype', data: 'application/vnd.oasis.opendocument.text', store: true }, { name: 'content.xml', data: '<office:document-content/>' }, ...parts]);
  await add('office/macro.odt', await odt([{ name: 'Basic/Standard/Module1.xml', data: '<script:module/>' }]), { type: 'odt', findings: ['OFFICE_MACRO'] });
  await add('office/clean.odt', await odt([]), { type: 'odt', findings: [] });
  await add('office/clean.docx', await ooxml('docx'), { type: 'docx', findings: [] });
  await add('office/clean.xlsx', await ooxml('xlsx'), { type: 'xlsx', findings: [] });
  await add('office/clean.pptx', await ooxml('pptx'), { type: 'pptx', findings: [] });

  // Legacy OLE.
  await add('office/macro.doc', compoundFile({ '/WordDocument': Buffer.alloc(512), '/Macros/VBA/_VBA_PROJECT': 'x', '/Macros/VBA/dir': 'y' }), { type: 'doc', findings: ['OFFICE_MACRO'] });
  await add('office/clean.doc', compoundFile({ '/WordDocument': Buffer.alloc(512), '/1Table': Buffer.alloc(64) }), { type: 'doc', findings: [] });
  await add('office/embedded.doc', compoundFile({ '/WordDocument': Buffer.alloc(512), '/ObjectPool/_1234/\u0001Ole10Native': 'payload' }), { type: 'doc', findings: ['OFFICE_EMBEDDED_OBJECT'] });
  await add('office/excel4-macro.xls', compoundFile({ '/Workbook': biffWorkbook(1) }), { type: 'xls', findings: ['OFFICE_MACRO'] });
  await add('office/clean.xls', compoundFile({ '/Workbook': biffWorkbook(0) }), { type: 'xls', findings: [] });
  await add('office/installer.msi', compoundFile({ '/\u4840\u3f3f\u4577': Buffer.alloc(64) }, '84100c0000000000c000000000000046'), { type: 'msi', findings: ['EXECUTABLE'] });
  await add('office/protected.docx', compoundFile({ '/EncryptionInfo': Buffer.alloc(64), '/EncryptedPackage': Buffer.alloc(256) }), { type: 'encrypted-office', findings: ['ARCHIVE_ENCRYPTED'] });
  await add('office/attachment.msg', outlookMessage('invoice.pdf', portableExecutable()), { type: 'msg', findings: ['EXECUTABLE', 'EXTENSION_MISMATCH'], innerTypes: ['pe'] });

  // PDF.
  for (const [name, pdf] of Object.entries(PDFS)) await add(`pdf/${name}`, pdf.bytes(), { type: 'pdf', findings: pdf.findings });

  // HTML and SVG.
  await add('web/script.html', '<html><body><script>alert(1)</script></body></html>', { type: 'html', findings: ['HTML_SCRIPT'] });
  await add('web/onload.html', '<html><body onload="go()"><p>x</p></body></html>', { type: 'html', findings: ['HTML_SCRIPT'] });
  await add('web/javascript-url.htm', '<html><body><a href="jav&#x61;script:alert(1)">x</a></body></html>', { type: 'html', findings: ['HTML_SCRIPT'] });
  await add('web/iframe.html', '<!DOCTYPE html><html><body><iframe src="https://example.invalid/"></iframe></body></html>', { type: 'html', findings: ['HTML_SCRIPT'] });
  await add('web/script.svg', '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', { type: 'svg', findings: ['SVG_SCRIPT'] });
  await add('web/onclick.svg', '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><rect onclick="alert(1)" width="5" height="5"/></svg>', { type: 'svg', findings: ['SVG_SCRIPT'] });
  await add('web/foreign-object.svg', '<svg xmlns="http://www.w3.org/2000/svg"><foreignObject width="9" height="9"><div xmlns="http://www.w3.org/1999/xhtml">x</div></foreignObject></svg>', { type: 'svg', findings: ['SVG_SCRIPT'] });
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
  await add('scripts/shebang.txt', '#!/usr/bin/env python3\nprint("hello")\n', { type: 'script', findings: ['EXTENSION_MISMATCH', 'SCRIPT'] });
  await add('scripts/batch.txt', '@ECHO OFF\r\ndel /q C:\\temp\\*\r\n', { type: 'script', findings: ['EXTENSION_MISMATCH', 'SCRIPT'] });
  await add('scripts/powershell.log', "$env:TEMP\nInvoke-WebRequest -Uri $u -OutFile x\nStart-Process x\n", { type: 'script', findings: ['EXTENSION_MISMATCH', 'SCRIPT'] });
  await add('scripts/vbscript.txt', 'Dim shell\nSet shell = CreateObject("WScript.Shell")\nshell.Run "calc"\n', { type: 'script', findings: ['EXTENSION_MISMATCH', 'SCRIPT'] });
  await add('scripts/jscript.txt', 'var shell = new ActiveXObject("WScript.Shell");\nshell.Run("calc");\n', { type: 'script', findings: ['EXTENSION_MISMATCH', 'SCRIPT'] });
  await add('scripts/settings.reg', 'Windows Registry Editor Version 5.00\r\n\r\n[HKEY_CURRENT_USER\\Software\\X]\r\n', { type: 'script', findings: ['SCRIPT'] });

  // DICOM (CVE-2019-11687).
  await add('dicom/polyglot.dcm', dicomPolyglot(), { type: 'dicom', findings: ['DICOM_PREAMBLE_ZEROED'], transform: 'dicom-zero-preamble' });
  await add('dicom/polyglot.exe', dicomPolyglot(), { type: 'dicom', findings: ['DICOM_PREAMBLE_ZEROED', 'EXTENSION_MISMATCH'], transform: 'dicom-zero-preamble' });
  await add('dicom/IM0001', dicom(), { type: 'dicom', findings: [], transform: null });
  await add('dicom/1.2.840.113619.2.55.3.320', dicom(), { type: 'dicom', findings: [], transform: null });
  await add('dicom/vendor.dcm', dicom(Buffer.from('ACME MODALITY PREAMBLE'.padEnd(128, ' '), 'latin1')), { type: 'dicom', findings: ['DICOM_PREAMBLE_ZEROED'], transform: 'dicom-zero-preamble' });
  await add('dicom/tiff.dcm', dicom(Buffer.concat([Buffer.from('49492a0008000000', 'hex'), Buffer.alloc(120)])), { type: 'dicom', findings: ['DICOM_PREAMBLE_TIFF'], transform: null });
  await add('dicom/study.zip', await zipOf([{ name: 'IM0001.dcm', data: dicom() }, { name: 'IM0002.dcm', data: dicomPolyglot() }]), { type: 'zip', findings: ['EXECUTABLE'], innerTypes: ['dicom'] });

  // Archives that must be stopped.
  await mkdir(path.join(dir, 'archives'), { recursive: true });
  await writeZerosBomb(path.join(dir, 'archives/bomb.zip'), 'zeros.bin', 3 * 1024);
  entries.push({ relativePath: 'archives/bomb.zip', expected: { type: 'zip', findings: ['ARCHIVE_RATIO'], innerTypes: ['unknown'] } });
  const level4 = await zipOf([{ name: 'deep.txt', data: CLEAN_TEXT }]);
  const level3 = await zipOf([{ name: 'l4.zip', data: level4 }]);
  const level2 = await zipOf([{ name: 'l3.zip', data: level3 }]);
  await add('archives/too-deep.zip', await zipOf([{ name: 'l2.zip', data: level2 }]), { type: 'zip', findings: ['ARCHIVE_TOO_DEEP'], innerTypes: ['zip'] });
  await add('archives/lying-header.zip', handZip([deflatedEntry('small.txt', 'x'.repeat(5000), { declaredSize: 10 })]), { type: 'zip', findings: ['ARCHIVE_CORRUPT'], innerTypes: ['txt'] });
  await add(
    'archives/traversal.zip',
    handZip([storedEntry('../../evil.txt', 'a'), storedEntry('C:\\evil.txt', 'b'), storedEntry('/etc/x', 'c'), storedEntry('ok/fine.txt', 'd')]),
    { type: 'zip', findings: ['ARCHIVE_PATH_TRAVERSAL'], innerTypes: ['txt'] },
  );
  await add('archives/encrypted.zip', handZip([storedEntry('secret.txt', Buffer.alloc(40, 7), { flags: 0x0801, declaredSize: 28 })]), { type: 'zip', findings: ['ARCHIVE_ENCRYPTED'] });
  await add('archives/symlink.zip', handZip([storedEntry('link', '/etc/passwd', { externalAttributes: (0o120777 << 16) >>> 0 })]), { type: 'zip', findings: ['ARCHIVE_LINK'] });
  await add('archives/corrupt.zip', Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), Buffer.alloc(100, 0x41)]), { type: 'zip', findings: ['ARCHIVE_CORRUPT'] });
  await add('archives/hidden-exe.zip', await zipOf([{ name: 'docs/readme.txt', data: portableExecutable() }, { name: 'docs/macro.docm', data: docm }]), {
    type: 'zip',
    findings: ['EXECUTABLE', 'EXTENSION_MISMATCH', 'OFFICE_MACRO'],
    innerTypes: ['pe', 'docm'],
  });
  await add('archives/zip64.zip', await zipOf([{ name: 'log.txt', data: CLEAN_TEXT, zip64: true }]), { type: 'zip', findings: [], innerTypes: ['txt'] });
  await add('archives/log.txt.gz', zlib.gzipSync(CLEAN_TEXT), { type: 'gz', findings: [], innerTypes: ['txt'] });

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
