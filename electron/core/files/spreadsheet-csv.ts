/**
 * CSV that Excel in Japan opens as it should — UTF-8 with a BOM (without it Excel guesses
 * Shift_JIS and garbles Japanese), CRLF line ends, RFC 4180 quoting — and in which no cell can
 * run as a formula (OWASP "CSV injection"). Every export (audit log, media ledger) writes
 * through here, so the rules cannot drift apart.
 */

/** RFC 4180 quoting, after neutralising what a spreadsheet would run as a formula (OWASP). */
export function csvCell(value: string): string {
  const inert = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(inert) ? `"${inert.replaceAll('"', '""')}"` : inert;
}

/** One CSV document: a header line and rows of plain strings, each cell made safe. */
export function csvDocument(header: readonly string[], rows: Iterable<readonly string[]>): string {
  const lines = [header.map(csvCell).join(',')];
  for (const row of rows) lines.push(row.map(csvCell).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

const HOUR_MS = 3_600_000;

/** 'YYYY-MM-DD HH:mm:ss JST'. Japan has had no daylight saving time since 1951: UTC+9 always. */
export function jstTimestamp(iso: string): string {
  const shifted = new Date(Date.parse(iso) + 9 * HOUR_MS).toISOString();
  return `${shifted.slice(0, 10)} ${shifted.slice(11, 19)} JST`;
}
