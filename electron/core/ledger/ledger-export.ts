/**
 * The ledger as others read it: a CSV for Excel (through the same formula-safe writer as the
 * audit log) and the signed ledger report (台帳, kind 'ledger') — every item with its custody
 * and status on the day it was issued.
 */
import { writeFile } from 'node:fs/promises';
import { formatDateTime } from '../../shared/format-date';
import type { LedgerItem } from '../../shared/ledger';
import { bothNames, encryptionNames, mediumStatusNames, mediumTypeNames } from '../../shared/ledger-texts';
import { performerText, type CertificateDocument } from '../certificates/certificate-document';
import { columns, issueReport, reportDocument, row, signedFacts } from '../certificates/report-document';
import { AppError } from '../app-error';
import { getCertificate } from '../certificates/certificate-store';
import { csvDocument, jstTimestamp } from '../files/spreadsheet-csv';
import type { Profile, VaultSession } from '../vault/vault-session';
import { japanDate } from '../japan-calendar';
import { checkoutsOf, listItems } from './ledger-store';

const CSV_HEADER = [
  '管理番号 / label',
  '種類 / type',
  'メーカー / make',
  '型番 / model',
  'シリアル番号 / serial',
  '容量(バイト) / capacity_bytes',
  '暗号化 / encryption',
  '管理責任者 / owner',
  '保管場所 / storage',
  '購入日 / purchase_date',
  '保証期限 / warranty_end',
  '状態 / status',
  '現在の保管者 / custodian',
  '持ち出し日時(JST) / checked_out_jst',
  '返却予定日 / expected_return',
  '持ち出し目的 / purpose',
  '訪問 / visit',
  '施設管理者の許可 / permission',
  '消去証明書 / erasure_certificate',
  '廃棄日時(JST) / disposed_jst',
  '廃棄方法 / disposal_method',
  '備考 / notes',
];

export function ledgerCsv(items: readonly LedgerItem[]): string {
  return csvDocument(
    CSV_HEADER,
    items.map((item) => {
      const out = item.currentCheckout;
      return [
        item.label,
        mediumTypeNames.ja[item.type],
        item.make,
        item.model,
        item.serial,
        item.capacityBytes === null ? '' : String(item.capacityBytes),
        encryptionNames.ja[item.encryption],
        item.owner,
        item.storageLocation,
        item.purchaseDate ?? '',
        item.warrantyEnd ?? '',
        mediumStatusNames.ja[item.status],
        item.custodian,
        out ? jstTimestamp(out.checkedOutAt) : '',
        out?.expectedReturnDate ?? '',
        out?.purpose ?? '',
        out ? [out.visitReference, out.visitId].filter(Boolean).join(' ') : '',
        out?.permission ? `${out.permission.administrator} ${jstTimestamp(out.permission.grantedAt)}` : '',
        item.erasureCertificate?.number ?? '',
        item.disposal ? jstTimestamp(item.disposal.disposedAt) : '',
        item.disposal?.method ?? '',
        item.notes,
      ];
    }),
  );
}

export function ledgerReportDocument(items: readonly LedgerItem[], engineer: Profile, number: string, issuedAt: Date): CertificateDocument {
  const counts = Object.entries(mediumStatusNames.ja)
    .map(([status, name]) => [name, items.filter((i) => i.status === status).length] as const)
    .filter(([, count]) => count > 0)
    .map(([name, count]) => `${name} ${count}`)
    .join('、');
  return reportDocument('ledger', number, issuedAt, {
    summary: { counts: { items: items.length } },
    title: { ja: '媒体管理台帳', en: 'Media and Device Ledger' },
    sections: [
      {
        heading: { ja: '台帳の概要', en: 'Summary' },
        rows: [
          row('作成者', 'Issued by', performerText(engineer)),
          row('基準日', 'As of', `${japanDate(issuedAt)}（${formatDateTime(issuedAt.toISOString(), 'ja')}）`),
          row('登録媒体', 'Items', `${items.length} 件${counts ? `（${counts}）` : ''}`),
        ],
      },
      {
        heading: { ja: '媒体一覧', en: 'Items' },
        table: {
          columns: columns(
            ['管理番号', 'Asset no.'],
            ['種類・型番', 'Type / model'],
            ['シリアル番号', 'Serial'],
            ['暗号化', 'Encryption'],
            ['状態', 'Status'],
            ['保管者・返却予定', 'Custodian / due back'],
            ['消去・廃棄', 'Erasure / disposal'],
          ),
          rows: items.map((item) => [
            item.label,
            `${mediumTypeNames.ja[item.type]} ${[item.make, item.model].filter(Boolean).join(' ')}`.trim(),
            item.serial || '—',
            encryptionNames.ja[item.encryption],
            bothNames(mediumStatusNames, item.status),
            item.currentCheckout ? `${item.custodian}（${item.currentCheckout.expectedReturnDate} まで）` : item.custodian,
            [item.erasureCertificate?.number, item.disposal ? `廃棄 ${japanDate(item.disposal.disposedAt)}` : null]
              .filter(Boolean)
              .join(' / ') || '—',
          ]),
          widths: [1.5, 2.6, 2, 1.6, 1.8, 2.4, 2.2],
        },
        note: {
          ja: '持ち出し・返却・消去・廃棄の履歴を含む台帳の全記録は、署名付きの添付データ（evidence.json）にあります。',
          en: 'The whole ledger, with check-outs, returns, erasures and disposals, is in the signed attachment (evidence.json).',
        },
      },
    ],
  });
}

export function issueLedgerReport(
  session: VaultSession,
  items: readonly LedgerItem[],
  now: Date,
  fontPath?: string,
): Promise<{ id: string; number: string; evidenceSha256: string }> {
  return issueReport(
    session,
    {
      kind: 'ledger',
      document: (number, engineer) => ledgerReportDocument(items, engineer, number, now),
      facts: () =>
        signedFacts({ asOf: japanDate(now), items: items.map((item) => ({ ...item, checkouts: checkoutsOf(session.db, item.id) })) }),
    },
    now,
    fontPath,
  );
}

async function saveTo(file: string, content: string | Uint8Array): Promise<void> {
  await writeFile(file, content, { mode: 0o600 }).catch(() => {
    throw new AppError('VAULT_DESTINATION_UNWRITABLE');
  });
}

/** Writes the whole ledger as CSV to a file the user chose, and audits it; the screen and the CLI both come here. */
export async function writeLedgerCsv(session: VaultSession, file: string): Promise<{ items: number }> {
  const items = listItems(session.db);
  await saveTo(file, ledgerCsv(items));
  session.audit.append('ledger.exported', session.actor(), { format: 'csv', items: items.length });
  return { items: items.length };
}

/** Issues the signed ledger report and writes its PDF to a file the user chose. */
export async function writeLedgerReport(
  session: VaultSession,
  file: string,
  now: Date,
  fontPath?: string,
): Promise<{ certificateId: string; number: string }> {
  const items = listItems(session.db);
  const issued = await issueLedgerReport(session, items, now, fontPath);
  const stored = getCertificate(session.db, issued.id);
  if (!stored) throw new AppError('LEDGER_CERTIFICATE_NOT_FOUND');
  await saveTo(file, stored.pdf);
  session.audit.append('ledger.exported', session.actor(), { format: 'pdf', items: items.length, number: issued.number });
  return { certificateId: issued.id, number: issued.number };
}
