/**
 * Active content in text formats that are not HTML: an RTF's embedded OLE objects (the
 * document that opens as Word and runs an object, however it is named — RTF is never plain
 * text), scripts and remote stylesheets in an XML file (a browser renders XHTML in XML and
 * fetches an XSL stylesheet, which can carry script), and CSV cells that a spreadsheet runs
 * as formulas (`=cmd|' /C calc'!A0`). All scanned in overlapping windows, so memory stays
 * flat and a pattern cut by a chunk boundary is still seen.
 */
import type { Content } from './content-source';
import { scanTextWindows } from './text-scan';

/** Word opens anything starting "{\rt" as RTF (it does not need "{\rtf1"). */
export function isRtf(head: Buffer): boolean {
  return head.length >= 4 && head.toString('latin1', 0, 4) === '{\\rt';
}

/** RTF control words that embed or link an OLE object (\object, \objdata, \objemb, \objlink…). */
const RTF_OBJECT = /\\obj(?:ect|data|emb|link|autlink|ocx|html|sub|pub|icemb|class)(?![a-z])/i;

export async function rtfHasObject(content: Content, signal?: AbortSignal): Promise<boolean> {
  let found = false;
  await scanTextWindows(
    content,
    (window) => {
      if (!found && RTF_OBJECT.test(window)) found = true;
    },
    signal,
  );
  return found;
}

const XML_SCRIPT_ELEMENT = /<(?:[\w-]+:)?script[\s>/]/i;
const SCRIPT_URL = /(?:javascript|vbscript)\s*:/i;
const XHTML_NAMESPACE = /http:\/\/www\.w3\.org\/1999\/xhtml/i;
const EVENT_HANDLER = /<(?:[\w-]+:)?(?:body|img|a|div|svg|iframe|frameset|input|form|video|audio|details|object)\b[^>]*\son[a-z]{2,}\s*=/i;
const STYLESHEET = /<\?xml-stylesheet\b[^?]*?\bhref\s*=\s*["']([^"']*)["']/gi;
/** A stylesheet on another host or share; a relative one is another file of the delivery, judged on its own. */
const REMOTE = /^(?:[a-z][a-z0-9+.-]*:|\\\\|\/\/)/i;

export interface XmlActiveContent {
  readonly script: boolean;
  readonly remoteStylesheet: string | null;
}

export async function scanXml(content: Content, signal?: AbortSignal): Promise<XmlActiveContent> {
  let script = false;
  let xhtml = false;
  let remoteStylesheet: string | null = null;
  await scanTextWindows(
    content,
    (window) => {
      if (XHTML_NAMESPACE.test(window)) xhtml = true;
      if (XML_SCRIPT_ELEMENT.test(window) || SCRIPT_URL.test(window) || (xhtml && EVENT_HANDLER.test(window))) script = true;
      for (const match of window.matchAll(STYLESHEET)) {
        const href = (match[1] ?? '').trim();
        if (remoteStylesheet === null && REMOTE.test(href)) remoteStylesheet = href.slice(0, 200);
      }
    },
    signal,
  );
  return { script, remoteStylesheet };
}

/**
 * Whether a cell is one a spreadsheet runs: "=" and anything, "@" and a name (@SUM(…)), or
 * "+"/"-" followed by a function call, a DDE pipe or a reference — "-5", "+81-3-1234" and
 * "-" stay data. A tab or CR before any of these is skipped by Excel, so it is skipped here.
 */
export function isFormulaCell(cell: string): boolean {
  const value = cell.replace(/^"/, '').replace(/^[\t\r]+/, '');
  if (/^=./.test(value)) return true;
  if (/^@[A-Za-z_]/.test(value)) return true;
  if (/^[+-]/.test(value)) return /[A-Za-z_][\w.]*\s*\(|\||![$A-Za-z]/.test(value);
  return false;
}

function cellsOf(line: string, delimiter: string): string[] {
  const cells: string[] = [];
  let current = '';
  let quoted = false;
  for (const char of line) {
    if (char === '"') quoted = !quoted;
    if (char === delimiter && !quoted) {
      cells.push(current);
      current = '';
    } else current += char;
  }
  cells.push(current);
  return cells;
}

export async function csvHasFormula(content: Content, delimiter: string, signal?: AbortSignal): Promise<boolean> {
  // Only lines with a cell that starts like a formula are split into cells: most CSV has none.
  const escaped = delimiter.replace(/[|\\]/g, '\\$&');
  const candidate = new RegExp(`(?:^|[\\n${escaped}])"?[\\t\\r]*[=+@-]`, 'g');
  let found = false;
  let first = true;
  await scanTextWindows(
    content,
    (window) => {
      if (found) return;
      // A later window starts inside a line (the overlap): that piece was seen whole before. A
      // line cut at a window's end is seen whole in the next one, and a cut never makes a formula.
      const start = first ? 0 : window.indexOf('\n') + 1;
      first = false;
      candidate.lastIndex = Math.max(0, start - 1); // the newline before the first whole line starts its first cell
      for (let match = candidate.exec(window); match && !found; match = candidate.exec(window)) {
        const lineStart = window.lastIndexOf('\n', match.index + (match[0].startsWith('\n') ? 0 : -1)) + 1;
        if (lineStart < start) continue;
        const lineEnd = window.indexOf('\n', match.index + 1);
        const line = window.slice(lineStart, lineEnd < 0 ? window.length : lineEnd).replace(/\r$/, '');
        if (cellsOf(line, delimiter).some(isFormulaCell)) found = true;
        candidate.lastIndex = lineEnd < 0 ? window.length : lineEnd;
      }
    },
    signal,
  );
  return found;
}
