/**
 * Active content inside the main streams of legacy Office files (.doc, .xls, .ppt), which the
 * storage tree alone does not show. Legacy Office is on the default allow-list, so whatever
 * runs or fetches something when it opens must be found here: Excel 4.0 macro sheets and
 * links to other workbooks or DDE servers (BIFF8 records), DDE fields in Word text and a
 * template attached from another machine (the FIB and its SttbfAssoc), and in
 * PowerPoint the VBA project, embedded OLE objects, "run program" actions and hyperlinks to
 * local files or programs, which all live
 * as records in the "PowerPoint Document" stream ([MS-XLS], [MS-DOC], [MS-PPT]).
 */
import type { FindingCode } from '../sanitize-types';
import { isWebLink } from './ooxml-scan';

export type LegacyFinding = { readonly code: FindingCode; readonly params?: Record<string, string> };

const OLE_MAGIC = Buffer.from('d0cf11e0a1b11ae1', 'hex');

/** BIFF records of the workbook globals substream (up to its EOF record). */
function* globalsRecords(workbook: Buffer): Generator<{ type: number; data: Buffer }> {
  let offset = 0;
  while (offset + 4 <= workbook.length) {
    const type = workbook.readUInt16LE(offset);
    const length = workbook.readUInt16LE(offset + 2);
    const data = workbook.subarray(offset + 4, Math.min(workbook.length, offset + 4 + length));
    yield { type, data };
    if (type === 0x000a) return; // EOF of the globals substream: sheets follow
    offset += 4 + length;
  }
}

/** The virtual path of a SupBook (an XLUnicodeStringNoCch of `cch` characters after ctab and cch). */
function supBookPath(data: Buffer, cch: number): string {
  const wide = ((data[4] ?? 0) & 1) === 1;
  const bytes = data.subarray(5, 5 + cch * (wide ? 2 : 1));
  // Control characters separate the parts of a DDE link ("service\u0003topic") and of a path.
  const text = bytes.toString(wide ? 'utf16le' : 'latin1');
  return [...text]
    .map((char) => (char.charCodeAt(0) < 0x20 ? ' ' : char))
    .join('')
    .trim();
}

export function excelFindings(workbook: Buffer): LegacyFinding[] {
  const found: LegacyFinding[] = [];
  for (const { type, data } of globalsRecords(workbook)) {
    // BoundSheet8 of a macro sheet (1) or a VB module (6): Excel 4.0 macros, no VBA needed.
    if (type === 0x0085 && data.length >= 6 && (data[5] === 0x01 || data[5] === 0x06)) found.push({ code: 'OFFICE_MACRO' });
    // SupBook: a reference to another workbook, or (no sheets) to a DDE or OLE server.
    if (type === 0x01ae && data.length >= 4) {
      const ctab = data.readUInt16LE(0);
      const cch = data.readUInt16LE(2);
      if (cch === 0x0401 || cch === 0x3a01) continue; // this workbook itself, or an add-in's functions
      const target = supBookPath(data, cch).slice(0, 200);
      found.push(
        ctab === 0
          ? { code: 'OFFICE_DDE', params: { part: 'Workbook' } }
          : { code: 'OFFICE_EXTERNAL_RELATIONSHIP', params: { part: 'Workbook', relationship: 'externalWorkbook', target } },
      );
    }
  }
  return found;
}

/** A field whose instruction is DDE or DDEAUTO: field begin (0x13), then the instruction, in 8-bit or UTF-16 text. */
const FIELD_BEGIN = String.fromCharCode(0x13);
const DDE_FIELD = new RegExp(`${FIELD_BEGIN}\\s*DDE(?:AUTO)?\\b`, 'i');

/** Index of fcSttbfAssoc/lcbSttbfAssoc among the FibRgFcLcb97 pairs ([MS-DOC] 2.5.6). */
const STTBF_ASSOC_PAIR = 32;
/** ibstAssocDot: the attached template's path in SttbfAssoc ([MS-DOC] 2.9.272). */
const ASSOC_TEMPLATE = 1;
/** A template fetched from another machine: a URL, a UNC path or a file: URL. */
const REMOTE_PATH = /^(?:[a-z][a-z0-9+.-]*:\/\/|\\\\|\/\/|file:)/i;

/** Which table stream the FIB points into ("0Table" or "1Table", by fWhichTblStm), or null when there is no FIB. */
export function wordTableStreamName(wordDocument: Buffer): '0Table' | '1Table' | null {
  if (wordDocument.length < 12 || wordDocument.readUInt16LE(0) !== 0xa5ec) return null;
  return (wordDocument.readUInt16LE(0x0a) & 0x0200) !== 0 ? '1Table' : '0Table';
}

/** The attached template's path from SttbfAssoc, located through the FIB; null when absent or unreadable. */
function attachedTemplate(wordDocument: Buffer, table: Buffer): string | null {
  if (wordTableStreamName(wordDocument) === null || wordDocument.length < 34) return null;
  const csw = wordDocument.readUInt16LE(32);
  const cslwAt = 34 + csw * 2;
  if (cslwAt + 2 > wordDocument.length) return null;
  const cbRgFcLcbAt = cslwAt + 2 + wordDocument.readUInt16LE(cslwAt) * 4;
  if (cbRgFcLcbAt + 2 > wordDocument.length || wordDocument.readUInt16LE(cbRgFcLcbAt) <= STTBF_ASSOC_PAIR) return null;
  const pairAt = cbRgFcLcbAt + 2 + STTBF_ASSOC_PAIR * 8;
  if (pairAt + 8 > wordDocument.length) return null;
  const fc = wordDocument.readUInt32LE(pairAt);
  const lcb = wordDocument.readUInt32LE(pairAt + 4);
  if (lcb < 6 || fc + lcb > table.length) return null;
  const sttb = table.subarray(fc, fc + lcb);
  // An extended Sttb: 0xFFFF, cData, cbExtra, then cData strings of UTF-16 code units, each after its count.
  if (sttb.readUInt16LE(0) !== 0xffff) return null;
  const count = sttb.readUInt16LE(2);
  const extra = sttb.readUInt16LE(4);
  let at = 6;
  for (let index = 0; index < count && at + 2 <= sttb.length; index++) {
    const length = sttb.readUInt16LE(at);
    const text = sttb.subarray(at + 2, Math.min(sttb.length, at + 2 + length * 2)).toString('utf16le');
    if (index === ASSOC_TEMPLATE) return text;
    at += 2 + length * 2 + extra;
  }
  return null;
}

/** DDE fields in the text, and an attached template on another machine (template injection). */
export function wordFindings(wordDocument: Buffer, table: Buffer | null): LegacyFinding[] {
  const found: LegacyFinding[] = [];
  const single = wordDocument.toString('latin1');
  const wide = wordDocument.toString('utf16le');
  const odd = wordDocument.subarray(1).toString('utf16le');
  if ([single, wide, odd].some((text) => DDE_FIELD.test(text))) found.push({ code: 'OFFICE_DDE', params: { part: 'WordDocument' } });
  const template = table ? attachedTemplate(wordDocument, table) : null;
  if (template !== null && REMOTE_PATH.test(template.trim()))
    found.push({
      code: 'OFFICE_REMOTE_TEMPLATE',
      params: { part: wordTableStreamName(wordDocument) ?? 'WordDocument', target: template.trim().slice(0, 200) },
    });
  return found;
}

/** A record header's recType at `at` ([MS-PPT] 2.3.1: 2 bytes recVer/recInstance, 2 bytes recType, 4 bytes recLen). */
function recordAt(stream: Buffer, at: number): { instance: number; version: number; length: number } {
  const verInstance = stream.readUInt16LE(at);
  return { version: verInstance & 0x0f, instance: verInstance >> 4, length: stream.readUInt32LE(at + 4) };
}

function* recordsOfType(stream: Buffer, recordType: number): Generator<{ at: number; instance: number; version: number; length: number }> {
  const marker = Buffer.alloc(2);
  marker.writeUInt16LE(recordType);
  for (let at = stream.indexOf(marker, 2); at >= 2; at = stream.indexOf(marker, at + 1)) {
    const start = at - 2;
    if (start + 8 > stream.length) return;
    yield { at: start, ...recordAt(stream, start) };
  }
}

const RT_EXTERNAL_OLE_OBJECT_STG = 0x1011;
const RT_EXTERNAL_HYPERLINK = 0x0fd7;
const RT_CSTRING = 0x0fba;
/** The CString of an ExHyperlinkContainer that holds the link's target ([MS-PPT] 2.10.15: recInstance 1). */
const HYPERLINK_TARGET_INSTANCE = 1;
const RT_VBA_INFO_ATOM = 0x0400;
const RT_INTERACTIVE_INFO_ATOM = 0x0ff3;
/** InteractiveInfoAtom actions that run something: II_MacroAction (2), II_RunProgramAction (3). */
const RUNNING_ACTIONS: ReadonlyMap<number, string> = new Map([
  [2, 'ppaction://macro'],
  [3, 'ppaction://program'],
]);

export function powerPointFindings(document: Buffer): LegacyFinding[] {
  const found: LegacyFinding[] = [];
  // VBAInfoAtom (recVer 2, recLen 12) with fHasMacros = 1: the project is compressed in an ExOleObjStg.
  for (const record of recordsOfType(document, RT_VBA_INFO_ATOM)) {
    if (
      record.version === 2 &&
      record.instance === 0 &&
      record.length === 12 &&
      record.at + 20 <= document.length &&
      document.readUInt32LE(record.at + 12) === 1
    )
      found.push({ code: 'OFFICE_MACRO' });
  }
  // ExOleObjStg: an embedded OLE object (or control), stored plain (instance 0, a compound file) or zlib-compressed (instance 1).
  for (const record of recordsOfType(document, RT_EXTERNAL_OLE_OBJECT_STG)) {
    if (record.version !== 0 || record.at + 8 + record.length > document.length) continue;
    const data = document.subarray(record.at + 8, record.at + 8 + record.length);
    const plain = record.instance === 0 && data.subarray(0, 8).equals(OLE_MAGIC);
    const compressed = record.instance === 1 && data.length > 6 && data[4] === 0x78;
    if (plain || compressed) found.push({ code: 'OFFICE_EMBEDDED_OBJECT', params: { part: 'PowerPoint Document' } });
  }
  // Hyperlinks: a target that is not a web page or a mail opens a local file or starts a program on a click.
  for (const record of recordsOfType(document, RT_EXTERNAL_HYPERLINK)) {
    if (record.version !== 0xf) continue;
    const end = Math.min(document.length, record.at + 8 + record.length);
    for (let child = record.at + 8; child + 8 <= end; child += 8 + document.readUInt32LE(child + 4)) {
      const header = recordAt(document, child);
      if (document.readUInt16LE(child + 2) !== RT_CSTRING || header.instance !== HYPERLINK_TARGET_INSTANCE) continue;
      const target = document.subarray(child + 8, Math.min(end, child + 8 + header.length)).toString('utf16le');
      if (target && !isWebLink(target))
        found.push({ code: 'OFFICE_DANGEROUS_LINK', params: { part: 'PowerPoint Document', target: target.slice(0, 200) } });
    }
  }
  for (const record of recordsOfType(document, RT_INTERACTIVE_INFO_ATOM)) {
    if (record.version !== 0 || record.length !== 16 || record.at + 24 > document.length) continue;
    const target = RUNNING_ACTIONS.get(document[record.at + 16] ?? 0);
    if (target) found.push({ code: 'OFFICE_DANGEROUS_LINK', params: { part: 'PowerPoint Document', target } });
  }
  return found;
}
