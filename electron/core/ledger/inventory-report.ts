/**
 * The signed inventory report (棚卸報告書, 7-7): who counted, when, every item with its ledger
 * status and the result, and the discrepancies. Issued through the report builder (`issueReport`) like
 * every other certificate, so `fieldguard verify` checks it offline; the whole inventory is
 * the signed evidence, the page shows it.
 */
import { formatDateTime } from '../../shared/format-date';
import type { Inventory } from '../../shared/ledger';
import { bothNames, mediumStatusNames, mediumTypeNames } from '../../shared/ledger-texts';
import { performerText, type CertificateDocument } from '../certificates/certificate-document';
import { columns, issueReport, reportDocument, row, signedFacts } from '../certificates/report-document';
import type { Profile, VaultSession } from '../vault/vault-session';

const RESULT = { present: '所在確認 / Present', missing: '所在不明 / Missing' } as const;
const METHOD = { serial: 'シリアル照合 / by serial', manual: '目視 / in person' } as const;
const DISCREPANCY = {
  missing: '所在不明 / Missing',
  found: '紛失品を発見 / Lost item found',
  unregistered: '台帳に未登録 / Not in the ledger',
} as const;

export function inventoryReportDocument(inventory: Inventory, engineer: Profile, number: string, issuedAt: Date): CertificateDocument {
  const present = inventory.entries.filter((e) => e.result === 'present').length;
  const missing = inventory.entries.filter((e) => e.result === 'missing').length;
  return reportDocument('inventory', number, issuedAt, {
    summary: { counts: { items: inventory.entries.length, present, missing } },
    title: { ja: '媒体棚卸報告書', en: 'Media Inventory Report' },
    sections: [
      {
        heading: { ja: '実施概要', en: 'Summary' },
        rows: [
          row('実施者', 'Engineer', performerText(engineer)),
          row('開始日時', 'Started', formatDateTime(inventory.startedAt, 'ja')),
          row('完了日時', 'Completed', inventory.completedAt ? formatDateTime(inventory.completedAt, 'ja') : '—'),
          row(
            '対象媒体',
            'Items counted',
            `${inventory.entries.length} 件（所在確認 ${present} 件、所在不明 ${missing} 件）/ ${inventory.entries.length} (present ${present}, missing ${missing})`,
          ),
          row(
            '不一致',
            'Discrepancies',
            inventory.discrepancies.length === 0
              ? 'なし / None'
              : `${inventory.discrepancies.length} 件 / ${inventory.discrepancies.length}`,
          ),
        ],
      },
      ...(inventory.discrepancies.length > 0
        ? [
            {
              heading: { ja: '不一致の内容', en: 'Discrepancies' },
              table: {
                columns: columns(['種別', 'Kind'], ['管理番号・場所', 'Asset no. / mount'], ['内容', 'Detail']),
                rows: inventory.discrepancies.map((d) => [DISCREPANCY[d.kind], d.label, d.detail]),
                widths: [2, 2, 6],
              },
            },
          ]
        : []),
      {
        heading: { ja: '媒体ごとの結果', en: 'Result per item' },
        table: {
          columns: columns(
            ['管理番号', 'Asset no.'],
            ['種類', 'Type'],
            ['シリアル番号', 'Serial'],
            ['台帳上の状態', 'Ledger status'],
            ['結果', 'Result'],
            ['確認方法・備考', 'How / note'],
          ),
          rows: inventory.entries.map((e) => [
            e.label,
            mediumTypeNames.ja[e.type],
            e.serial || '—',
            `${bothNames(mediumStatusNames, e.statusAtStart)}（${e.custodianAtStart}）`,
            e.result ? RESULT[e.result] : '—',
            [e.method ? METHOD[e.method] : '', e.note].filter(Boolean).join(' — '),
          ]),
          widths: [1.6, 1.4, 2, 2.4, 1.6, 3],
        },
        note: {
          ja: '「シリアル照合」は、棚卸の時点で端末に接続されていた媒体のシリアル番号が台帳と一致したことを示します。すべての記録は署名付きの添付データ（evidence.json）にあります。',
          en: '"By serial": a medium attached during the count had the serial number in the ledger. Every record is in the signed attachment (evidence.json).',
        },
      },
    ],
  });
}

export function issueInventoryReport(
  session: VaultSession,
  inventory: Inventory,
  now: Date,
  fontPath?: string,
): Promise<{ id: string; number: string }> {
  return issueReport(
    session,
    {
      kind: 'inventory',
      document: (number, engineer) => inventoryReportDocument(inventory, engineer, number, now),
      facts: () => signedFacts({ inventory }),
    },
    now,
    fontPath,
  );
}
