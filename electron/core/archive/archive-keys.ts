/**
 * Where each document goes in the archive (issue 20):
 * `<prefix>/<company>/<engineer>/<kind>/<yyyy>/<mm>/<number>.pdf` and `….json` (the evidence),
 * year and month of issue in Japan time; the engineer's anchors under
 * `<prefix>/<company>/<engineer>/anchors/<time>.json`. The engineer segment is the employee id
 * as certificate numbers write it, so a number alone leads to its engineer's folder; the
 * layout is the index — the security office lists one engineer, one kind, one month.
 */
import { DISPLAY_TIME_ZONE } from '../../shared/locale';
import { certificateKinds, type CertificateKind } from '../certificates/certificate-document';
import { certificateKindCodes, numberingEmployeeId } from '../certificates/certificate-numbering';

export type ArchivePart = 'pdf' | 'json';

export function japanYearMonth(iso: string): { year: string; month: string } {
  const parts = new Intl.DateTimeFormat('en', { timeZone: DISPLAY_TIME_ZONE, year: 'numeric', month: '2-digit' }).formatToParts(
    new Date(iso),
  );
  return { year: parts.find((p) => p.type === 'year')?.value ?? '0000', month: parts.find((p) => p.type === 'month')?.value ?? '00' };
}

export function engineerFolder(prefix: string, company: string, employeeId: string): string {
  return `${prefix}/${company}/${numberingEmployeeId(employeeId)}`;
}

export function documentKey(
  folder: string,
  document: { kind: CertificateKind; issuedAt: string; number: string },
  part: ArchivePart,
): string {
  const { year, month } = japanYearMonth(document.issuedAt);
  return `${folder}/${document.kind}/${year}/${month}/${document.number}.${part}`;
}

export function anchorKey(folder: string, at: Date): string {
  // Sortable by time: anchors are compared in the order they were made.
  return `${folder}/anchors/${at.toISOString().replace(/[:.]/g, '')}.json`;
}

export interface ParsedNumber {
  readonly employee: string;
  readonly kind: CertificateKind;
  readonly year: number;
  readonly sequence: number;
}

/** Reads `<employee>-<code>-<year>-<sequence>-<random>` (and the older form without the random part); null otherwise. */
export function parseCertificateNumber(number: string): ParsedNumber | null {
  const match = /^([A-Z0-9]+(?:-[A-Z0-9]+)*?)-([A-Z]{2})-(\d{4})-(\d{6})(?:-[0-9A-HJKMNP-TV-Z]{6})?$/.exec(number);
  if (!match) return null;
  const kind = certificateKinds.find((k) => certificateKindCodes[k] === match[2]);
  return kind ? { employee: match[1] as string, kind, year: Number(match[3]), sequence: Number(match[4]) } : null;
}

export interface ParsedKey {
  readonly company: string;
  readonly engineer: string;
  readonly kind: CertificateKind | 'anchors';
  readonly name: string;
  readonly part: ArchivePart;
}

/** The parts of a key under `prefix`, or null for a key of another shape (it is listed as unknown). */
export function parseArchiveKey(prefix: string, key: string): ParsedKey | null {
  if (!key.startsWith(`${prefix}/`)) return null;
  const segments = key.slice(prefix.length + 1).split('/');
  const [company, engineer, kind] = segments;
  const file = segments[segments.length - 1] ?? '';
  const dot = file.lastIndexOf('.');
  const part = file.slice(dot + 1);
  if (!company || !engineer || !kind || (part !== 'pdf' && part !== 'json')) return null;
  if (kind === 'anchors' && segments.length === 4 && part === 'json') return { company, engineer, kind, name: file.slice(0, dot), part };
  if (!(certificateKinds as readonly string[]).includes(kind) || segments.length !== 6) return null;
  return { company, engineer, kind: kind as CertificateKind, name: file.slice(0, dot), part };
}
