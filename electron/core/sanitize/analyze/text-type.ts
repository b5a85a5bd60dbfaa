/**
 * What kind of text a text file is — plain, CSV, JSON, XML, HTML, SVG or a script — from
 * its first bytes. file-type recognises binary formats by magic numbers; text formats have
 * none, so these are our own rules, deliberately simple and biased towards "script" when
 * a file carries the marks of one (a script saved as .txt is still a script).
 */
import { headText } from './text-decode';

export type TextKind =
  { readonly id: 'txt' | 'csv' | 'json' | 'xml' | 'html' | 'svg' } | { readonly id: 'script'; readonly language: string };

/** Whole-file JSON.parse only up to this size: parsing builds the whole value in memory. */
export const JSON_PARSE_MAX_BYTES = 4 * 1024 * 1024;

const HTML_ELEMENTS = new Set([
  'html',
  'head',
  'body',
  'script',
  'div',
  'p',
  'table',
  'meta',
  'title',
  'a',
  'img',
  'iframe',
  'style',
  'link',
  'form',
  'span',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'br',
  'ul',
  'ol',
  'pre',
  'center',
  'font',
  'b',
  'i',
  'object',
  'embed',
  'frameset',
  'base',
  'noscript',
]);

/**
 * The markup type from the document's first element, skipping the XML declaration,
 * processing instructions, comments and the DOCTYPE; null if the text is not markup.
 */
export function markupKind(text: string): 'xml' | 'html' | 'svg' | null {
  let rest = text.trimStart();
  if (!rest.startsWith('<')) return null;
  for (let guard = 0; guard < 1000; guard++) {
    rest = rest.trimStart();
    if (rest.startsWith('<?')) {
      const end = rest.indexOf('?>');
      if (end < 0) return 'xml';
      rest = rest.slice(end + 2);
    } else if (rest.startsWith('<!--')) {
      const end = rest.indexOf('-->');
      if (end < 0) return 'xml';
      rest = rest.slice(end + 3);
    } else if (/^<!doctype/i.test(rest)) {
      const doctype = /^<!doctype\s+([A-Za-z_][\w.:-]*)/i.exec(rest);
      const root = doctype?.[1]?.toLowerCase();
      if (root === 'html') return 'html';
      if (root === 'svg') return 'svg';
      const subset = rest.indexOf('[');
      const close = rest.indexOf('>');
      const end = subset >= 0 && subset < close ? rest.indexOf(']>', subset) : close;
      if (end < 0) return 'xml';
      rest = rest.slice(end + (subset >= 0 && subset < close ? 2 : 1));
    } else {
      const element = /^<([A-Za-z_][\w.:-]*)/.exec(rest);
      if (!element) return null;
      const qualified = (element[1] ?? '').toLowerCase();
      const local = qualified.includes(':') ? qualified.slice(qualified.indexOf(':') + 1) : qualified;
      if (local === 'svg') return 'svg';
      if (local === 'html' || (!qualified.includes(':') && HTML_ELEMENTS.has(local))) return 'html';
      return 'xml';
    }
  }
  return 'xml';
}

/** The interpreter a shebang names: "#!/usr/bin/env python3" → python. */
function shebangLanguage(firstLine: string): string {
  const words = firstLine.slice(2).trim().split(/\s+/);
  let program = (words[0] ?? '').split('/').pop() ?? '';
  if (program === 'env') program = words.slice(1).find((word) => !word.startsWith('-')) ?? 'env';
  if (/^(ba|z|k|c|tc|da|fi)?sh$/.test(program)) return 'shell';
  if (/^python/.test(program)) return 'python';
  if (/^perl/.test(program)) return 'perl';
  if (/^(node|nodejs|deno|bun)$/.test(program)) return 'javascript';
  if (/^ruby/.test(program)) return 'ruby';
  if (/^pwsh|^powershell/.test(program)) return 'powershell';
  return program || 'shell';
}

/** Marks of PowerShell: a cmdlet name (Verb-Noun with a common verb) or one of its variables. */
const POWERSHELL_MARKS =
  /\b(?:(?:Get|Set|New|Remove|Invoke|Start|Stop|Write|Out|Add|Import|Export|ConvertTo|ConvertFrom|Test|Register|Copy|Move)-[A-Z][A-Za-z]+)\b|\$env:\w+|\$PSScriptRoot|\$PSVersionTable|\[CmdletBinding\(|-EncodedCommand\b|\bIEX\s*\(|\[System\.Convert\]::FromBase64String|^\s*param\s*\(/gim;
const VBSCRIPT_MARKS =
  /\bCreateObject\s*\(|\bWScript\.\w+|^\s*On\s+Error\s+Resume\s+Next|^\s*Dim\s+\w+|^\s*End\s+(?:Sub|Function)\b|\bMsgBox\b|^\s*Set\s+\w+\s*=|\bExecuteGlobal\b/gim;
/** JavaScript syntax next to WScript.* tells JScript from VBScript, which shares the WScript object. */
const JSCRIPT_SYNTAX = /\bvar\s+\w+\s*=|\bfunction\s+\w+\s*\(|\)\s*;\s*$/m;

function distinctMarks(text: string, marks: RegExp): Set<string> {
  const found = new Set<string>();
  for (const match of text.matchAll(marks)) found.add(match[0].trim().toLowerCase().replace(/\s+/g, ' '));
  return found;
}

/**
 * The script language whose marks the head carries, or null. Only the head is looked at
 * (a log that quotes two cmdlets somewhere in 500 MB is not a script); a script renamed to
 * hide is caught by its first lines, which is where every shell reads a shebang too.
 */
export function scriptLanguageOf(text: string): string | null {
  const firstLine = text.slice(0, text.search(/\r|\n|$/));
  if (firstLine.startsWith('#!')) return shebangLanguage(firstLine);
  const firstNonBlank = /^\s*(\S[^\r\n]*)/.exec(text)?.[1] ?? '';
  if (/^@?\s*echo\s+off\b/i.test(firstNonBlank) || /^@rem\b/i.test(firstNonBlank)) return 'batch';
  if (/^(Windows Registry Editor Version|REGEDIT4)/.test(firstNonBlank)) return 'registry';
  if (/<hta:application\b/i.test(text)) return 'hta';
  if (/<job[\s>]/i.test(text) && /<script\b[^>]*language\s*=/i.test(text)) return 'wsf';
  if (/\bnew\s+ActiveXObject\s*\(/.test(text) || (/\bWScript\.\w+/.test(text) && JSCRIPT_SYNTAX.test(text))) return 'jscript';
  if (distinctMarks(text, VBSCRIPT_MARKS).size >= 2 && /\bCreateObject\s*\(|\bWScript\.|\bMsgBox\b|\bExecuteGlobal\b/i.test(text))
    return 'vbscript';
  if (distinctMarks(text, POWERSHELL_MARKS).size >= 2) return 'powershell';
  return null;
}

/** A CSV has at least two lines with the same, non-zero number of one delimiter outside quotes. */
export function looksLikeCsv(text: string, complete: boolean): boolean {
  return csvDelimiter(text, complete) !== null;
}

/** The delimiter that makes the text a CSV (see looksLikeCsv), or null. */
export function csvDelimiter(text: string, complete: boolean): string | null {
  const lines = text.split(/\r\n|\n|\r/);
  if (!complete) lines.pop(); // the last line of a head may be cut off
  const rows = lines.filter((line) => line.length > 0).slice(0, 50);
  if (rows.length < 2) return null;
  return (
    [',', ';', '\t', '|'].find((delimiter) => {
      const counts = rows.map((row) => {
        let count = 0;
        let quoted = false;
        for (const char of row) {
          if (char === '"') quoted = !quoted;
          else if (char === delimiter && !quoted) count++;
        }
        return count;
      });
      const first = counts[0] ?? 0;
      return first > 0 && counts.every((count) => count === first);
    }) ?? null
  );
}

/**
 * The kind of a text file from its head. `whole` is the complete text when the file is small
 * enough to parse as JSON (null otherwise: then a JSON-looking head with a JSON-looking end
 * counts, see `jsonEnd`).
 */
export function textKind(head: Buffer, complete: boolean, whole: string | null, lastChar: string | null): TextKind {
  const text = headText(head);
  const language = scriptLanguageOf(text);
  if (language) return { id: 'script', language };
  const markup = markupKind(text);
  if (markup) return { id: markup };
  const trimmed = text.trimStart();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    if (whole !== null) {
      try {
        JSON.parse(whole.replace(/^\uFEFF/, ''));
        return { id: 'json' };
      } catch {
        // not JSON after all: plain text (or CSV) below
      }
    } else if (lastChar === (trimmed.startsWith('{') ? '}' : ']')) {
      return { id: 'json' };
    }
  }
  if (looksLikeCsv(text, complete)) return { id: 'csv' };
  return { id: 'txt' };
}
