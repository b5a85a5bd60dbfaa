/**
 * The signed listing of the company archive (保管文書一覧, issue 20): what `archive report
 * --pdf` hands to a hospital or an inspector — every document of a period, by site, engineer
 * and kind, with the period and the filters stated, the counts, and the time it was made in
 * JST. It is signed like every FieldGuard report (render-certificate-pdf.ts's page, the
 * listing as the signed evidence), by the person of the security office who runs it with
 * their own enrolled vault, so `fieldguard verify` and pdfsig check it against the company
 * root. The listing is handed out as a file and audited; it is not kept in the vault (its
 * certificate table takes the kinds that engineers issue).
 */
import { formatDateTime } from '../../shared/format-date';
import { performerText, type Bilingual, type CertificateDocument, type CertificateKind } from '../certificates/certificate-document';
import { signVaultDocument } from '../certificates/issue-vault-certificate';
import { both, columns, reportDocument, row, signedFacts } from '../certificates/report-document';
import type { Profile, VaultSession } from '../vault/vault-session';
import type { ReportRow } from './archive-documents';

/** What the listing was asked for: stated on the page and signed with it. */
export interface ArchiveReportFilters {
  /** The period as given (inclusive start, exclusive end) and the instants it was read as. */
  readonly from: { readonly given: string; readonly at: string };
  readonly to: { readonly given: string; readonly at: string };
  /** A part of the site's name, or null for every site. */
  readonly site: string | null;
  /** One company's part of the archive, or null for the whole prefix. */
  readonly company: string | null;
  readonly bucket: string;
  readonly prefix: string;
}

const KIND_NAMES: Readonly<Record<CertificateKind, Bilingual>> = {
  erasure: { ja: 'データ消去証明書', en: 'Data erasure certificate' },
  'self-check': { ja: 'セキュリティ自己点検報告書', en: 'Security self-check report' },
  sanitization: { ja: '無害化報告書', en: 'Sanitization report' },
  visit: { ja: '訪問作業報告書', en: 'Visit report' },
  inventory: { ja: '棚卸報告書', en: 'Inventory report' },
  ledger: { ja: '媒体管理台帳', en: 'Media and device ledger' },
  'archive-report': { ja: '保管文書一覧', en: 'Archive document listing' },
};

function kindName(kind: string, only?: 'ja'): string {
  const name = (KIND_NAMES as Readonly<Record<string, Bilingual | undefined>>)[kind];
  if (!name) return kind;
  return only ? name[only] : both(name.ja, name.en);
}

const NO_SITE = { ja: '（施設の記載なし）', en: '(no site stated)' };
const siteName = (site: string) => site || both(NO_SITE.ja, NO_SITE.en);
const engineerName = (r: ReportRow) => `${r.engineer}（${r.employeeId}）`;

/** How many rows fall under each value of `key`, in the order the rows come (they are sorted by site, engineer, kind). */
function countBy(rows: readonly ReportRow[], key: (r: ReportRow) => string): Array<[string, number]> {
  const counts = new Map<string, number>();
  for (const r of rows) counts.set(key(r), (counts.get(key(r)) ?? 0) + 1);
  return [...counts.entries()];
}

function countTable(heading: Bilingual, column: readonly [string, string], counts: ReadonlyArray<[string, number]>) {
  return {
    heading,
    table: {
      columns: columns(column, ['件数', 'Documents']),
      rows: counts.map(([name, n]) => [name, `${n} 件 / ${n}`]),
      widths: [7, 2],
    },
  };
}

export function archiveReportDocument(
  rows: readonly ReportRow[],
  filters: ArchiveReportFilters,
  engineer: Profile,
  number: string,
  issuedAt: Date,
): CertificateDocument {
  const period = `${formatDateTime(filters.from.at, 'ja')} 〜 ${formatDateTime(filters.to.at, 'ja')}（終了時刻を含まない / end excluded）`;
  const perSite = countBy(rows, (r) => siteName(r.site));
  const perEngineer = countBy(rows, engineerName);
  const perKind = countBy(rows, (r) => kindName(r.kind));
  return reportDocument('archive-report', number, issuedAt, {
    summary: { counts: { documents: rows.length, sites: perSite.length, engineers: perEngineer.length } },
    title: { ja: '保管文書一覧', en: 'Archive Document Listing' },
    sections: [
      {
        heading: { ja: '一覧の条件', en: 'What was listed' },
        rows: [
          row('作成者', 'Issued by', performerText(engineer)),
          row('作成日時', 'Generated', formatDateTime(issuedAt.toISOString(), 'ja')),
          row('対象期間（発行日時）', 'Period (time of issue)', period),
          row(
            '施設の絞り込み',
            'Site filter',
            filters.site ? `「${filters.site}」を含む施設 / sites containing "${filters.site}"` : 'なし（全施設） / None (every site)',
          ),
          row('会社', 'Company', filters.company ?? 'すべて / All'),
          row('保管先', 'Archive', `${filters.bucket} / ${filters.prefix}`),
          row(
            '文書数',
            'Documents',
            `${rows.length} 件（施設 ${perSite.length}、エンジニア ${perEngineer.length}） / ${rows.length} (${perSite.length} sites, ${perEngineer.length} engineers)`,
          ),
        ],
      },
      countTable({ ja: '施設ごとの件数', en: 'Documents per site' }, ['施設', 'Site'], perSite),
      countTable(
        { ja: 'エンジニアごとの件数', en: 'Documents per engineer' },
        ['エンジニア（社員番号）', 'Engineer (employee id)'],
        perEngineer,
      ),
      countTable({ ja: '種類ごとの件数', en: 'Documents per kind' }, ['種類', 'Kind'], perKind),
      {
        heading: { ja: '文書一覧', en: 'Documents' },
        table: {
          columns: columns(
            ['施設', 'Site'],
            ['エンジニア', 'Engineer'],
            ['種類', 'Kind'],
            ['証明書番号', 'Certificate number'],
            ['発行日時', 'Issued'],
          ),
          rows: rows.map((r) => [siteName(r.site), engineerName(r), kindName(r.kind, 'ja'), r.number, formatDateTime(r.issuedAt, 'ja')]),
          // The kind in Japanese only here (both languages in the counts above), so that a number stays on one line.
          widths: [2.2, 1.8, 1.6, 4, 2],
        },
        note: {
          ja: '各文書の証拠データの SHA-256 と保管先のキーは、署名付きの添付データ（evidence.json）にあります。文書そのものは「fieldguard archive get 番号」で取り出し、検証できます。',
          en: 'Each document’s evidence SHA-256 and archive key are in the signed attachment (evidence.json). Fetch and verify a document with "fieldguard archive get NUMBER".',
        },
      },
    ],
  });
}

/** Signs the listing with the unlocked vault's key, audits it, and returns the PDF to hand out. */
export async function issueArchiveReport(
  session: VaultSession,
  rows: readonly ReportRow[],
  filters: ArchiveReportFilters,
  now: Date,
  fontPath?: string,
): Promise<{ number: string; evidenceSha256: string; pdf: Buffer }> {
  const engineer = session.profile();
  const signed = await signVaultDocument(
    session,
    'archive-report',
    (number) => ({
      document: archiveReportDocument(rows, filters, engineer, number, now),
      facts: signedFacts({ archiveReport: { filters, generatedAt: now.toISOString(), documents: rows.length, rows } }),
    }),
    now,
    fontPath ? { fontPath } : {},
  );
  session.audit.append('archive.report-issued', session.actor(), {
    number: signed.number,
    evidenceSha256: signed.issued.evidenceSha256,
    documents: rows.length,
    from: filters.from.at,
    to: filters.to.at,
    site: filters.site,
  });
  return { number: signed.number, evidenceSha256: signed.issued.evidenceSha256, pdf: signed.issued.pdf };
}
