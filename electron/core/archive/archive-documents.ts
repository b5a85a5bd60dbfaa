/**
 * Finding documents in the company archive without a laptop (issue 20): one document by its
 * certificate number (for a hospital that lost its copy, or to set a legal hold), and the
 * listing of documents by site, engineer and kind over a period for the security office, as
 * CSV for Excel. The number names its engineer and year, so only that part of the archive is
 * listed; the site and the engineer's name come from each document's signed evidence.
 */
import { csvDocument, jstTimestamp } from '../files/spreadsheet-csv';
import { evidenceSha256, parseEvidenceDocument } from '../certificates/signed-evidence';
import { parseArchiveKey, parseCertificateNumber } from './archive-keys';
import type { ArchiveStore } from './archive-store';

export interface DocumentKeys {
  readonly pdf: string;
  readonly json: string | null;
}

/** The keys of a document by its number, or null. `company` narrows the listing; without it the whole prefix is listed. */
export async function findArchivedDocument(
  store: ArchiveStore,
  prefix: string,
  number: string,
  company?: string,
  signal?: AbortSignal,
): Promise<DocumentKeys | null> {
  const parsed = parseCertificateNumber(number);
  if (!parsed) return null;
  const listed = await store.listObjects(company ? `${prefix}/${company}/${parsed.employee}/${parsed.kind}/` : `${prefix}/`, signal);
  const pdf = listed.find((o) => {
    const key = parseArchiveKey(prefix, o.key);
    return key !== null && key.engineer === parsed.employee && key.kind === parsed.kind && key.name === number && key.part === 'pdf';
  });
  if (!pdf) return null;
  const jsonKey = pdf.key.replace(/\.pdf$/, '.json');
  return { pdf: pdf.key, json: listed.some((o) => o.key === jsonKey) ? jsonKey : null };
}

/**
 * A bound of the report's period as an instant: a date alone (YYYY-MM-DD) is that day's
 * midnight in Japan, where the office counts its days; a time keeps its own offset. Null when
 * the text is neither.
 */
export function periodBound(text: string): Date | null {
  const at = new Date(/^\d{4}-\d{2}-\d{2}$/.test(text) ? `${text}T00:00:00+09:00` : text);
  return Number.isNaN(at.getTime()) ? null : at;
}

export interface ReportOptions {
  readonly prefix: string;
  readonly company?: string;
  /** Inclusive, ISO date (a day in Japan) or time. */
  readonly from: string;
  /** Exclusive, ISO date (a day in Japan) or time. */
  readonly to: string;
  /** A part of the site's name, as the document states it. */
  readonly site?: string;
  readonly language: 'ja' | 'en';
}

export interface ReportRow {
  readonly number: string;
  readonly kind: string;
  readonly issuedAt: string;
  readonly engineer: string;
  readonly employeeId: string;
  readonly site: string;
  readonly evidenceSha256: string;
  readonly key: string;
}

function siteOf(facts: Readonly<Record<string, unknown>>): string {
  const site = facts.site;
  if (typeof site === 'string') return site;
  if (site && typeof site === 'object' && typeof (site as { name?: unknown }).name === 'string') return (site as { name: string }).name;
  return '';
}

export async function reportRows(store: ArchiveStore, options: ReportOptions, signal?: AbortSignal): Promise<ReportRow[]> {
  const from = periodBound(options.from)?.getTime() ?? Number.NaN;
  const to = periodBound(options.to)?.getTime() ?? Number.NaN;
  const listed = await store.listObjects(options.company ? `${options.prefix}/${options.company}/` : `${options.prefix}/`, signal);
  const rows: ReportRow[] = [];
  for (const { key } of listed) {
    const parsed = parseArchiveKey(options.prefix, key);
    if (!parsed || parsed.kind === 'anchors' || parsed.part !== 'json') continue;
    const evidence = parseEvidenceDocument(((await store.getObject(key, undefined, signal)) ?? Buffer.alloc(0)).toString('utf8'));
    if (!evidence) continue;
    const issued = Date.parse(evidence.payload.issuedAt);
    if (!(issued >= from && issued < to)) continue;
    const site = siteOf(evidence.payload.facts);
    if (options.site && !site.includes(options.site)) continue;
    rows.push({
      number: evidence.payload.number,
      kind: evidence.payload.kind,
      issuedAt: evidence.payload.issuedAt,
      engineer: evidence.payload.issuer.name,
      employeeId: evidence.payload.issuer.employeeId,
      site,
      evidenceSha256: evidenceSha256(evidence),
      key: key.replace(/\.json$/, '.pdf'),
    });
  }
  return rows.sort(
    (a, b) =>
      a.site.localeCompare(b.site, 'ja') ||
      a.employeeId.localeCompare(b.employeeId) ||
      a.kind.localeCompare(b.kind) ||
      a.issuedAt.localeCompare(b.issuedAt),
  );
}

const HEADERS = {
  ja: ['施設', '社員番号', 'エンジニア', '種類', '証明書番号', '発行日時', '証拠データ SHA-256', '保管先のキー'],
  en: ['Site', 'Employee id', 'Engineer', 'Kind', 'Certificate number', 'Issued', 'Evidence SHA-256', 'Archive key'],
};

export function reportCsv(rows: readonly ReportRow[], language: 'ja' | 'en'): string {
  return csvDocument(
    HEADERS[language],
    rows.map((r) => [r.site, r.employeeId, r.engineer, r.kind, r.number, jstTimestamp(r.issuedAt), r.evidenceSha256, r.key]),
  );
}
