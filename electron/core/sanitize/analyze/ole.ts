/**
 * Legacy Office and other OLE compound files (D0 CF 11 E0): what the storage tree says the
 * file is (Word, Excel, PowerPoint, Outlook message, Windows Installer) and what active
 * content it carries — VBA projects, embedded OLE objects, and what the main streams of
 * Word, Excel and PowerPoint run or fetch (legacy-office.ts). Read with
 * SheetJS `cfb`, which parses the whole file in memory, so only files up to
 * OLE_MAX_BYTES are read; larger ones are reported unreadable (blocked) rather than guessed
 * at — legacy Office files and messages that large are rare, and a wrong "clean" is worse.
 */
import * as CFB from 'cfb';
import type { FindingCode } from '../sanitize-types';
import { excelFindings, powerPointFindings, wordFindings, wordTableStreamName, type LegacyFinding } from './legacy-office';

export const OLE_MAGIC = Buffer.from('d0cf11e0a1b11ae1', 'hex');
/** cfb copies every stream while parsing: memory is about twice this at most. */
export const OLE_MAX_BYTES = 64 * 1024 * 1024;

/** Root CLSID of Windows Installer packages, {000C1084-0000-0000-C000-000000000046}, in on-disk byte order. */
const MSI_CLSIDS = new Set(['84100c0000000000c000000000000046', '86100c0000000000c000000000000046', '82100c0000000000c000000000000046']);
const VBA_STORAGES = new Set(['macros', '_vba_project_cur', 'vba']);

export interface OleAttachment {
  readonly name: string;
  readonly data: Buffer;
}

export interface OleAnalysis {
  readonly typeId: 'doc' | 'xls' | 'ppt' | 'msg' | 'msi' | 'encrypted-office' | 'ole';
  readonly findings: readonly LegacyFinding[];
  /** Outlook attachments, to be analyzed like files inside an archive. */
  readonly attachments: readonly OleAttachment[];
}

export function isOle(head: Buffer): boolean {
  return head.length >= 8 && head.subarray(0, 8).equals(OLE_MAGIC);
}

interface Node {
  readonly path: string[]; // below the root, e.g. ['Macros', 'VBA']
  readonly entry: CFB.CFB$Entry;
}

function contentOf(entry: CFB.CFB$Entry): Buffer {
  return Buffer.isBuffer(entry.content) ? entry.content : Buffer.from((entry.content as CFB.CFB$Blob | undefined) ?? []);
}

function attachmentsOf(nodes: readonly Node[], add: (code: FindingCode) => void): OleAttachment[] {
  const attachments: OleAttachment[] = [];
  const roots = nodes.filter((node) => node.path.length === 1 && /^__attach_version1\.0_#/i.test(node.path[0] ?? ''));
  for (const root of roots) {
    const children = nodes.filter((node) => node.path.length === 2 && node.path[0] === root.path[0]);
    const find = (name: string) => children.find((node) => node.path[1]?.toUpperCase() === name);
    // An attached message or OLE object is a storage of its own: not inspected here.
    if (find('__SUBSTG1.0_3701000D')) add('OFFICE_EMBEDDED_OBJECT');
    const data = find('__SUBSTG1.0_37010102');
    if (!data) continue;
    const nameStream = find('__SUBSTG1.0_3707001F') ?? find('__SUBSTG1.0_3704001F');
    const name = nameStream ? contentOf(nameStream.entry).toString('utf16le').replace(/\0+$/, '') : 'attachment';
    attachments.push({ name: name || 'attachment', data: contentOf(data.entry) });
  }
  return attachments;
}

/** Throws when the compound file cannot be parsed (the caller reports it unreadable). */
export function analyzeOle(buffer: Buffer): OleAnalysis {
  const container = CFB.read(buffer, { type: 'buffer' });
  const nodes: Node[] = [];
  container.FileIndex.forEach((entry, index) => {
    if (entry.type !== 1 && entry.type !== 2) return; // storages and streams; not the root or unused slots
    const path = (container.FullPaths[index] ?? '').split('/').filter(Boolean).slice(1);
    if (path.length > 0) nodes.push({ path, entry });
  });
  const top = new Set(nodes.filter((node) => node.path.length === 1).map((node) => node.path[0] ?? ''));
  const findings = new Map<string, LegacyFinding>();
  const add = (code: FindingCode, params?: Record<string, string>) =>
    findings.set(JSON.stringify([code, params ?? null]), params ? { code, params } : { code });

  const root = container.FileIndex[0];
  let typeId: OleAnalysis['typeId'] = 'ole';
  if (top.has('WordDocument')) typeId = 'doc';
  else if (top.has('Workbook') || top.has('Book')) typeId = 'xls';
  else if (top.has('PowerPoint Document')) typeId = 'ppt';
  else if (top.has('__properties_version1.0') || [...top].some((name) => name.startsWith('__substg1.0_'))) typeId = 'msg';
  else if (top.has('EncryptionInfo') && top.has('EncryptedPackage')) typeId = 'encrypted-office';
  else if (root && MSI_CLSIDS.has(root.clsid.toLowerCase())) typeId = 'msi';

  for (const node of nodes) {
    const name = node.path.at(-1) ?? '';
    if (node.entry.type === 1 && VBA_STORAGES.has(name.toLowerCase())) add('OFFICE_MACRO');
    if (node.entry.type === 2 && name.toLowerCase() === '_vba_project') add('OFFICE_MACRO');
    // Word keeps embedded objects as storages under ObjectPool; Excel as MBD… storages at the top.
    if (node.entry.type === 1 && node.path.length === 2 && node.path[0] === 'ObjectPool') add('OFFICE_EMBEDDED_OBJECT');
    if (node.entry.type === 1 && node.path.length === 1 && /^MBD[0-9A-F]{8}$/i.test(name)) add('OFFICE_EMBEDDED_OBJECT');
    if (node.entry.type === 2 && name === '\u0001Ole10Native') add('OFFICE_EMBEDDED_OBJECT');
  }
  // What the main stream of a legacy document runs or fetches (legacy Office is on the default allow-list).
  const stream = (name: string) => nodes.find((node) => node.path.length === 1 && node.path[0] === name);
  const legacy: LegacyFinding[] = [];
  const workbook = stream('Workbook') ?? stream('Book');
  if (typeId === 'xls' && workbook) legacy.push(...excelFindings(contentOf(workbook.entry)));
  const wordDocument = stream('WordDocument');
  if (typeId === 'doc' && wordDocument) {
    const document = contentOf(wordDocument.entry);
    const table = stream(wordTableStreamName(document) ?? '1Table');
    legacy.push(...wordFindings(document, table ? contentOf(table.entry) : null));
  }
  const powerPoint = stream('PowerPoint Document');
  if (typeId === 'ppt' && powerPoint) legacy.push(...powerPointFindings(contentOf(powerPoint.entry)));
  for (const finding of legacy) add(finding.code, finding.params);
  const attachments = typeId === 'msg' ? attachmentsOf(nodes, add) : [];
  return { typeId, findings: [...findings.values()], attachments };
}
