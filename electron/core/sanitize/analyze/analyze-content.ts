/**
 * The analysis of one content — a file, or a file inside an archive — in one place: its
 * true type from its bytes, then the analyzer for that type (archive walk, OLE tree, PDF
 * scan, markup scan, DICOM preamble), then the rules that depend on the name (scripts by
 * extension, extension mismatch). Archive walks call back into here for every inner file,
 * so an inner file gets exactly the rules a file on disk gets.
 */
import { fileTypeFromBuffer } from 'file-type';
import type { ArchiveLimits, ContentAnalysis, TrueType } from '../sanitize-types';
import { LimitExceeded, type ArchiveBudget } from './archive-budget';
import { bufferContent, readAt, readWhole, type Content } from './content-source';
import { isTar, uninspectableContainer, vhdFooterAtEnd } from './containers';
import { classifyPreamble, isDicom } from './dicom';
import { walkDicomDataSet, type DicomDataSet } from './dicom-dataset';
import { MAX_BUFFERED_ENTRY_BYTES } from './entry-content';
import { EXECUTABLE_TYPE_IDS, executableFormat, isShortcut, type ExecutableFormat } from './executables';
import { Findings, membersOf, type Member } from './findings';
import { isGzip, walkGzip } from './gzip';
import { scanMarkup } from './markup-scan';
import { OLE_MAX_BYTES, analyzeOle, isOle } from './ole';
import { scanPdf } from './pdf-scan';
import { walkTar } from './tar-walk';
import { csvHasFormula, isRtf, rtfHasObject, scanXml } from './text-active-content';
import { JSON_PARSE_MAX_BYTES, csvDelimiter, textKind, type TextKind } from './text-type';
import { encodingOf, headText, looksLikeText, textDecoder } from './text-decode';
import { SCRIPT_EXTENSIONS, extensionFits, extensionOf, trueType } from './type-table';
import { walkZip } from './zip-walk';

export interface AnalyzeContext {
  readonly limits: ArchiveLimits;
  readonly budget: ArchiveBudget;
  /** How many archives enclose this content: 0 for the file itself. */
  readonly level: number;
  readonly signal?: AbortSignal;
}

const HTML_EXTENSIONS = new Set(['html', 'htm', 'xhtml', 'shtml', 'hta', 'mht', 'mhtml']);
const TEXT_TYPE_IDS = new Set(['txt', 'csv', 'json', 'xml', 'html', 'svg', 'script']);
/** Names a spreadsheet opens as delimited text, whatever the content looks like. */
const CSV_EXTENSIONS = new Set(['csv', 'tsv', 'tab']);
/** Where the findings of a DICOM Encapsulated Document are anchored. */
const ENCAPSULATED_DOCUMENT_ENTRY = '(0042,0011)';

interface Outcome {
  type: TrueType;
  transform: ContentAnalysis['transform'];
  innerTypes: string[];
  members?: Member[];
}

function isZip(head: Buffer): boolean {
  return (
    head.length >= 4 &&
    head[0] === 0x50 &&
    head[1] === 0x4b &&
    ((head[2] === 0x03 && head[3] === 0x04) || (head[2] === 0x05 && head[3] === 0x06) || (head[2] === 0x07 && head[3] === 0x08))
  );
}

/** PDF readers accept the header anywhere in the first 1024 bytes, so junk before it does not hide a PDF. */
function isPdf(head: Buffer): boolean {
  return head.subarray(0, 1024).includes('%PDF-');
}

/** The executable format, reading the PE signature past the head when e_lfanew points there. */
async function executableOf(content: Content): Promise<ExecutableFormat | null> {
  const format = executableFormat(content.head);
  if (format || content.head.length < 0x40 || content.head[0] !== 0x4d || content.head[1] !== 0x5a || !content.random) return format;
  const peOffset = content.head.readUInt32LE(0x3c);
  if (peOffset + 4 <= content.head.length) return null;
  const signature = await readAt(content.random, peOffset, 4);
  return signature.length === 4 && signature.readUInt32BE(0) === 0x50450000 ? 'PE' : null;
}

/** For the JSON rule: the whole text when small enough to parse, else just its last non-blank character. */
async function jsonProbe(content: Content, signal?: AbortSignal): Promise<{ whole: string | null; last: string | null }> {
  const encoding = encodingOf(content.head);
  if (content.random && content.size !== null && content.size > JSON_PARSE_MAX_BYTES) {
    const tailBytes = await readAt(content.random, content.size - 4096, 4096);
    const tail = textDecoder(encoding)(encoding === 'single-byte' ? tailBytes : tailBytes.subarray(tailBytes.length % 2), true).trimEnd();
    return { whole: null, last: tail.at(-1) ?? null };
  }
  const decode = textDecoder(encoding);
  let text = '';
  let kept = true;
  let last: string | null = null;
  let total = 0;
  for await (const chunk of content.chunks(signal)) {
    total += chunk.length;
    const piece = decode(chunk);
    const trimmed = piece.trimEnd();
    if (trimmed) last = trimmed.at(-1) ?? null;
    if (kept && total <= JSON_PARSE_MAX_BYTES) text += piece;
    else {
      kept = false;
      text = '';
    }
  }
  return { whole: kept ? text + decode(Buffer.alloc(0), true) : null, last };
}

/** The text kind; `consumed` when the JSON rule had to read the content's chunks (once-only for a streamed entry). */
async function textKindOf(content: Content, signal?: AbortSignal): Promise<{ kind: TextKind; consumed: boolean }> {
  const complete = content.size !== null && content.size <= content.head.length;
  const start = headText(content.head).trimStart();
  if (start.startsWith('{') || start.startsWith('[')) {
    const { whole, last } = await jsonProbe(content, signal);
    return { kind: textKind(content.head, complete, whole, last), consumed: true };
  }
  return { kind: textKind(content.head, complete, null, null), consumed: false };
}

export async function analyzeContent(content: Content, context: AnalyzeContext): Promise<ContentAnalysis> {
  const findings = new Findings();
  const extension = extensionOf(content.name);
  const outcome = await analyzeByContent(content, context, findings, extension);

  // Rules of the name: a script extension makes a script whatever the bytes say.
  const scriptLanguage = SCRIPT_EXTENSIONS[extension];
  if (scriptLanguage) {
    findings.add('SCRIPT', { language: scriptLanguage });
    if (outcome.type.id !== 'script' && TEXT_TYPE_IDS.has(outcome.type.id)) outcome.type = trueType('script');
  }
  if (!extensionFits(outcome.type, extension)) findings.add('EXTENSION_MISMATCH', { extension, type: outcome.type.id });
  return {
    type: outcome.type,
    findings: findings.list(),
    transform: outcome.transform,
    innerTypes: outcome.innerTypes,
    members: outcome.members ?? [],
  };
}

async function analyzeByContent(content: Content, context: AnalyzeContext, findings: Findings, extension: string): Promise<Outcome> {
  const { head } = content;
  const { signal } = context;
  const outcome = (id: string): Outcome => ({ type: trueType(id), transform: null, innerTypes: [] });

  if (isDicom(head)) return analyzeDicom(content, context, findings);
  const format = await executableOf(content);
  if (format) {
    findings.add('EXECUTABLE', { format });
    return outcome(EXECUTABLE_TYPE_IDS[format]);
  }
  if (isShortcut(head)) {
    findings.add('SHORTCUT');
    return outcome('lnk');
  }
  if (isOle(head)) return analyzeCompoundFile(content, context, findings);
  if (isZip(head)) return analyzeZip(content, context, findings);
  if (isGzip(head)) return analyzeGzip(content, context, findings);
  const container = uninspectableContainer(head);
  if (container) {
    findings.add('CONTAINER_NOT_INSPECTABLE', { format: container.format });
    return outcome(container.typeId);
  }
  if (isTar(head)) return analyzeTar(content, context, findings);
  if (isPdf(head)) {
    for (const code of await scanPdf(content, signal)) findings.add(code);
    return outcome('pdf');
  }
  // RTF is text to look at, but Word opens it as a document, embedded objects and all.
  if (isRtf(head)) {
    if (await rtfHasObject(content, signal)) findings.add('RTF_EMBEDDED_OBJECT');
    return outcome('rtf');
  }
  if (looksLikeText(head)) return analyzeText(content, context, findings, extension);

  const detected = await fileTypeFromBuffer(head);
  if (!detected) {
    // A fixed VHD is raw sectors with its footer at the very end.
    if (await vhdFooterAtEnd(content, signal)) {
      findings.add('CONTAINER_NOT_INSPECTABLE', { format: 'VHD disk image' });
      return outcome('vhd');
    }
    return outcome('unknown');
  }
  if (detected.ext === 'exe') {
    // "MZ" without a PE header: a DOS program, still runnable on 32-bit Windows.
    findings.add('EXECUTABLE', { format: 'DOS' });
    return outcome('pe');
  }
  return { type: trueType(detected.ext, { mime: detected.mime, extension: detected.ext }), transform: null, innerTypes: [] };
}

async function analyzeDicom(content: Content, context: AnalyzeContext, findings: Findings): Promise<Outcome> {
  const preamble = classifyPreamble(content.head);
  let transform: ContentAnalysis['transform'] = null;
  if (preamble.kind === 'tiff') findings.add('DICOM_PREAMBLE_TIFF');
  else if (preamble.kind !== 'zero' && context.level === 0) {
    // The output copy gets a zeroed preamble: a PE/DICOM polyglot is sanitized, not blocked.
    transform = 'dicom-zero-preamble';
    findings.add('DICOM_PREAMBLE_ZEROED');
  } else if (preamble.kind === 'runnable') {
    // Inside an archive the copy is the archive, which is not rewritten: a runnable preamble cannot be zeroed, so it blocks.
    if (preamble.what === 'shortcut') findings.add('SHORTCUT');
    else if (preamble.what === 'script') findings.add('SCRIPT', { language: 'shell' });
    else findings.add('EXECUTABLE', { format: preamble.what });
  }
  // What follows the data set (an appended archive) and what an Encapsulated PDF carries.
  const dataSet = await walkDicomDataSetWithin(content, context, findings);
  if (dataSet.trailingAt !== null) findings.add('DICOM_TRAILING_DATA', { offset: dataSet.trailingAt });
  if (dataSet.damaged) findings.add('UNREADABLE'); // a deflated data set that does not parse cannot be cleared
  const innerTypes: string[] = [];
  if (dataSet.document === 'too-large') findings.add('UNREADABLE', undefined, ENCAPSULATED_DOCUMENT_ENTRY);
  else if (dataSet.document) {
    const document = await inner(context)(bufferContent('encapsulated.pdf', dataSet.document));
    findings.addInner(ENCAPSULATED_DOCUMENT_ENTRY, document.findings);
    innerTypes.push(document.type.id);
  }
  return { type: trueType('dicom'), transform, innerTypes };
}

/** The data set walk; a deflated one that crosses an archive limit is reported like an archive entry that does. */
async function walkDicomDataSetWithin(content: Content, context: AnalyzeContext, findings: Findings): Promise<DicomDataSet> {
  try {
    return await walkDicomDataSet(content, context.budget, MAX_BUFFERED_ENTRY_BYTES, context.signal);
  } catch (error) {
    if (!(error instanceof LimitExceeded)) throw error;
    findings.add(error.code, { limit: error.limit });
    return { trailingAt: null, damaged: false, document: null };
  }
}

function tooDeep(context: AnalyzeContext, findings: Findings): boolean {
  if (context.level + 1 <= context.limits.maxDepth) return false;
  findings.add('ARCHIVE_TOO_DEEP', { limit: context.limits.maxDepth });
  return true;
}

function inner(context: AnalyzeContext): (content: Content) => Promise<ContentAnalysis> {
  return (content) => analyzeContent(content, { ...context, level: context.level + 1 });
}

async function analyzeZip(content: Content, context: AnalyzeContext, findings: Findings): Promise<Outcome> {
  if (tooDeep(context, findings)) return { type: trueType('zip'), transform: null, innerTypes: [] };
  if (!content.random) {
    findings.add('ARCHIVE_CORRUPT');
    return { type: trueType('zip'), transform: null, innerTypes: [] };
  }
  const walk = await walkZip(content.random, { budget: context.budget, signal: context.signal, analyzeInner: inner(context) });
  for (const finding of walk.findings.list()) findings.add(finding.code, finding.params ? { ...finding.params } : undefined, finding.entry);
  return { type: trueType(walk.typeId), transform: null, innerTypes: [...walk.innerTypes], members: [...walk.members] };
}

async function analyzeGzip(content: Content, context: AnalyzeContext, findings: Findings): Promise<Outcome> {
  if (tooDeep(context, findings)) return { type: trueType('gz'), transform: null, innerTypes: [] };
  const walk = await walkGzip(content, context.budget, inner(context), context.signal);
  for (const finding of walk.findings.list()) findings.add(finding.code, finding.params ? { ...finding.params } : undefined, finding.entry);
  return { type: trueType('gz'), transform: null, innerTypes: walk.innerTypes, members: walk.members };
}

async function analyzeTar(content: Content, context: AnalyzeContext, findings: Findings): Promise<Outcome> {
  if (tooDeep(context, findings)) return { type: trueType('tar'), transform: null, innerTypes: [] };
  const walk = await walkTar(content, context.budget, inner(context), context.signal);
  for (const finding of walk.findings.list()) findings.add(finding.code, finding.params ? { ...finding.params } : undefined, finding.entry);
  return { type: trueType('tar'), transform: null, innerTypes: [...walk.innerTypes], members: [...walk.members] };
}

async function analyzeCompoundFile(content: Content, context: AnalyzeContext, findings: Findings): Promise<Outcome> {
  const buffer = await readWhole(content, OLE_MAX_BYTES, context.signal);
  if (!buffer) {
    findings.add('UNREADABLE'); // too large to parse in memory: cannot be cleared
    return { type: trueType('ole'), transform: null, innerTypes: [] };
  }
  let ole: ReturnType<typeof analyzeOle>;
  try {
    ole = analyzeOle(buffer);
  } catch {
    findings.add('UNREADABLE');
    return { type: trueType('ole'), transform: null, innerTypes: [] };
  }
  for (const finding of ole.findings) findings.add(finding.code, finding.params);
  if (ole.typeId === 'msi') findings.add('EXECUTABLE', { format: 'MSI' });
  if (ole.typeId === 'encrypted-office') findings.add('ARCHIVE_ENCRYPTED');
  const innerTypes = new Set<string>();
  const members: Member[] = [];
  for (const attachment of ole.attachments) {
    context.budget.countEntry();
    const result = await inner(context)(bufferContent(attachment.name, attachment.data));
    findings.addInner(attachment.name, result.findings);
    members.push(...membersOf(attachment.name, result));
    innerTypes.add(result.type.id);
    for (const type of result.innerTypes) innerTypes.add(type);
  }
  return { type: trueType(ole.typeId), transform: null, innerTypes: [...innerTypes], members };
}

async function analyzeText(content: Content, context: AnalyzeContext, findings: Findings, extension: string): Promise<Outcome> {
  const { kind, consumed } = await textKindOf(content, context.signal);
  let markup: 'html' | 'svg' | null = null;
  if (kind.id === 'html' || (kind.id === 'script' && kind.language === 'hta') || HTML_EXTENSIONS.has(extension)) markup = 'html';
  if (kind.id === 'svg' || extension === 'svg') markup = 'svg';
  if (kind.id === 'script') findings.add('SCRIPT', { language: kind.language });
  // Markup never starts with "{" or "[": a .html file that does is not HTML by content, and
  // its extension mismatch blocks it already even when a streamed entry cannot be re-read.
  // A streamed entry can be read once: after the JSON probe, only its head is left to judge.
  const readable = !(consumed && content.random === null);
  if (markup && readable) {
    const reasons = await scanMarkup(content, markup, context.signal);
    if (reasons.length > 0) findings.add(markup === 'svg' ? 'SVG_SCRIPT' : 'HTML_SCRIPT');
  } else if (kind.id === 'xml' && readable) {
    const xml = await scanXml(content, context.signal);
    if (xml.script) findings.add('XML_SCRIPT');
    if (xml.remoteStylesheet !== null) findings.add('XML_REMOTE_STYLESHEET', { target: xml.remoteStylesheet });
  } else if ((kind.id === 'csv' || CSV_EXTENSIONS.has(extension)) && readable) {
    const complete = content.size !== null && content.size <= content.head.length;
    const delimiter = csvDelimiter(headText(content.head), complete) ?? (extension === 'csv' ? ',' : '\t');
    if (await csvHasFormula(content, delimiter, context.signal)) findings.add('CSV_FORMULA');
  }
  return { type: trueType(kind.id), transform: null, innerTypes: [] };
}
