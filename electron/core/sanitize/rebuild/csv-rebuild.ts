/**
 * Content disarm for CSV and TSV ("CSV injection", CWE-1236): a cell that starts with =, +,
 * -, @, a tab or a carriage return is read by Excel and LibreOffice as a formula — including
 * DDE such as =cmd|' /C calc'!A0. Such a cell gets a leading single quote and is quoted
 * properly ("'=cmd|…"), so a spreadsheet shows it as text. A cell that is just a number
 * (-12.5, +3) is left alone: it cannot be a formula, and measurement exports are full of them.
 * Every other byte is kept as it was. UTF-8 and Shift_JIS are handled as bytes — the
 * delimiters, quotes and line ends are ASCII bytes that never occur inside a multi-byte
 * character of either — and UTF-16 (by its byte-order mark, analyze/text-decode.ts) is
 * decoded and written back in the same encoding.
 */
import { readFile } from 'node:fs/promises';
import { encodingOf } from '../analyze/text-decode';
import { CannotRebuild, foldRemoved, type RebuildOptions, type RebuildOutcome, type RemovedObject } from './rebuild-types';
import { writeNewFile } from './write-new-file';

export const MAX_CSV_BYTES = 512 * 1024 * 1024;

const TRIGGERS = new Set(['=', '+', '-', '@', '\t', '\r']);
const NUMBER = /^[+-]?(\d+([.,]\d*)?|[.,]\d+)([eE][+-]?\d+)?$/;

/** Whether a cell's text (without its quotes) would run as a formula. */
export function isFormulaCell(text: string): boolean {
  const start = text.replace(/^ +/, '');
  if (start.length === 0 || !TRIGGERS.has(start[0] ?? '')) return false;
  return !NUMBER.test(start.trim());
}

/**
 * Rewrites the cells of a CSV text (each JavaScript character standing for one byte or one
 * UTF-16 unit); returns the new text and where formulas were made inert.
 */
export function disarmCsvText(input: string, delimiter: ',' | '\t'): { text: string; removed: RemovedObject[] } {
  const removed: RemovedObject[] = [];
  // A byte-order mark (UTF-8 read byte-wise, or UTF-16 decoded) is not part of the first cell.
  const bom = /^(\u00EF\u00BB\u00BF|\uFEFF)/.exec(input)?.[0] ?? '';
  const text = input.slice(bom.length);
  let out = bom;
  let row = 1;
  let column = 1;
  let i = 0;
  while (i <= text.length) {
    // One cell from i.
    let end: number;
    let cell: string;
    if (text[i] === '"') {
      // Quoted: up to the closing quote (doubled quotes are part of the text).
      let j = i + 1;
      for (;;) {
        const next = text.indexOf('"', j);
        if (next < 0) {
          j = text.length;
          break;
        }
        if (text[next + 1] === '"') j = next + 2;
        else {
          j = next + 1;
          break;
        }
      }
      // Text after the closing quote up to the delimiter belongs to the cell as readers keep it.
      end = j;
      while (end < text.length && text[end] !== delimiter && text[end] !== '\n' && text[end] !== '\r') end++;
      const raw = text.slice(i, end);
      const inner = raw.slice(1, j - i - 1);
      if (isFormulaCell(inner.replace(/""/g, '"'))) {
        cell = `"'${raw.slice(1)}`;
        removed.push({ kind: 'csv-formula', location: `R${row}C${column}` });
      } else cell = raw;
    } else {
      end = i;
      while (end < text.length && text[end] !== delimiter && text[end] !== '\n' && text[end] !== '\r') end++;
      const raw = text.slice(i, end);
      if (isFormulaCell(raw)) {
        cell = `"'${raw.replace(/"/g, '""')}"`;
        removed.push({ kind: 'csv-formula', location: `R${row}C${column}` });
      } else cell = raw;
    }
    out += cell;
    if (end >= text.length) break;
    const separator = text[end];
    if (separator === delimiter) {
      out += separator;
      column++;
      i = end + 1;
    } else {
      const lineEnd = separator === '\r' && text[end + 1] === '\n' ? '\r\n' : (separator ?? '');
      out += lineEnd;
      row++;
      column = 1;
      i = end + lineEnd.length;
      if (i >= text.length) break;
    }
  }
  return { text: out, removed };
}

export async function rebuildCsv(
  delimiter: ',' | '\t',
  source: string,
  destination: string,
  options: RebuildOptions,
): Promise<RebuildOutcome> {
  const bytes = await readFile(source, { signal: options.signal });
  if (bytes.length > MAX_CSV_BYTES) throw new CannotRebuild('too-large');
  const encoding = encodingOf(bytes);
  let text: string;
  if (encoding === 'single-byte') text = bytes.toString('latin1');
  else if (bytes.length % 2 !== 0) throw new CannotRebuild('unreadable');
  else text = (encoding === 'utf-16le' ? bytes : Buffer.from(bytes).swap16()).toString('utf16le');
  const { text: disarmed, removed } = disarmCsvText(text, delimiter);
  if (removed.length === 0) return { outcome: 'unchanged', removed: [] };
  const out =
    encoding === 'single-byte'
      ? Buffer.from(disarmed, 'latin1')
      : encoding === 'utf-16le'
        ? Buffer.from(disarmed, 'utf16le')
        : Buffer.from(disarmed, 'utf16le').swap16();
  await writeNewFile(destination, [out]);
  return { outcome: 'sanitized', removed: foldRemoved(removed) };
}
