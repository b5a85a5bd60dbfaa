/**
 * The data-erasure certificate (データ消去証明書, 10-1, E.3 b–d): the erasure evidence of a
 * finished job, rendered for the site in Japanese with English captions, signed with the
 * engineer's key, and kept in the vault. It says exactly what was done, in NIST SP 800-88
 * words, and never more: file-level overwriting is Clear and partial sanitization, and every
 * residual risk the evidence lists is printed. File names are masked on the page (they may
 * hold patient names); the full list with SHA-256 before erasure is in the signed evidence.
 */
import { createHash } from 'node:crypto';
import { formatBytes } from '../../shared/format-bytes';
import { formatDateTime } from '../../shared/format-date';
import type { SiteDetails } from '../../shared/erasure';
import type { JsonObject } from '../certificates/canonical-json';
import { performerText, type CertificateDocument, type CertificateSection } from '../certificates/certificate-document';
import { issueVaultCertificate } from '../certificates/issue-vault-certificate';
import type { VaultSession } from '../vault/vault-session';
import type { ErasureEvidence } from './erasure-evidence';

const STATUS = {
  erased: { ja: '消去完了', en: 'Erased' },
  'erased-with-exceptions': { ja: '一部例外あり（下記の項目は消去されていません）', en: 'Erased with exceptions (items listed below were not erased)' },
  aborted: { ja: '中止（消去済みと記載された項目のみ消去済み）', en: 'Aborted (only items marked erased were erased)' },
} as const;

const METHOD = {
  'random-verify': { ja: '擬似乱数による上書き 1 回 + 読み戻し検証', en: '1 pass of a keyed pseudo-random stream, read-back verified' },
  'zeros-verify': { ja: 'ゼロによる上書き 1 回 + 読み戻し検証', en: '1 pass of zeros, read-back verified' },
  'three-pass': { ja: '上書き 3 回（乱数・乱数・ゼロ）+ 最終回の読み戻し検証', en: '3 passes (random, random, zeros), last pass verified' },
} as const;

/** File names may hold patient names: the page shows only the first character and the extension. */
export function maskFileName(name: string): string {
  const dot = name.lastIndexOf('.');
  const stem = dot > 0 ? name.slice(0, dot) : name;
  const extension = dot > 0 ? name.slice(dot) : '';
  const first = [...stem][0] ?? '';
  return `${first}${'＊'.repeat(Math.min(Math.max([...stem].length - 1, 2), 8))}${extension}`;
}

function maskPath(path: string): string {
  const parts = path.split(/[\\/]/);
  const name = parts.pop() ?? '';
  return [...parts, maskFileName(name)].join(path.includes('\\') ? '\\' : '/');
}

/** A vault file destroyed by cryptographic erase: what the certificate records of it. */
export interface CryptoErasedItem {
  readonly itemId: string;
  readonly collection: string;
  readonly path: string;
  readonly size: number;
  readonly sha256: string;
  readonly erasedAt: string;
}

/** What one erasure did: files and media overwritten (a journaled job), vault data crypto-erased, or both. */
export interface ErasureRecord {
  readonly files: ErasureEvidence | null;
  readonly vault: readonly CryptoErasedItem[];
  readonly toolVersion: string;
}

const CRYPTO_ERASE_NOTE =
  'Vault data was erased cryptographically: each file’s own AES-256 key was destroyed (its database page overwritten by SQLite secure_delete, the WAL truncated) and its ciphertext overwritten and removed. Without the key the ciphertext cannot be read, wherever fragments of it survive (NIST SP 800-88 Cryptographic Erase, Purge-equivalent for this data).';

function cryptoEraseSection(items: readonly CryptoErasedItem[], toolVersion: string): CertificateSection {
  const collections = [...new Set(items.map((i) => i.collection))];
  return {
    heading: { ja: '保管庫内データの暗号消去', en: 'Cryptographic erase of vault data' },
    rows: [
      { label: { ja: '区分', en: 'Category' }, value: 'Cryptographic Erase（NIST SP 800-88、このデータについては Purge 相当 / Purge-equivalent for this data）' },
      { label: { ja: '方式', en: 'Technique' }, value: 'ファイルごとの AES-256 鍵を破棄し、暗号文を上書き削除 / per-file AES-256 key destroyed, ciphertext overwritten and removed' },
      { label: { ja: 'ツール', en: 'Tool' }, value: `FieldGuard ${toolVersion}` },
      { label: { ja: '件数・容量', en: 'Files, bytes' }, value: `${items.length} 件 / ${formatBytes(items.reduce((sum, i) => sum + i.size, 0), 'ja')}` },
    ],
    table: {
      columns: [{ ja: '訪問・案件', en: 'Visit / case' }, { ja: 'ファイル数', en: 'Files' }, { ja: '容量', en: 'Bytes' }],
      rows: collections.map((c) => {
        const inCollection = items.filter((i) => i.collection === c);
        return [c, String(inCollection.length), formatBytes(inCollection.reduce((sum, i) => sum + i.size, 0), 'ja')];
      }),
      widths: [5, 1.2, 1.5],
    },
  };
}

export function erasureCertificateDocument(
  record: ErasureRecord,
  site: SiteDetails,
  engineer: { name: string; company: string; employeeId: string; title: string },
  laptop: string,
  number: string,
  issuedAt: Date,
  countersignature: Uint8Array | null,
): CertificateDocument {
  const when = (iso: string | null) => (iso ? formatDateTime(iso, 'ja') : '—');
  const evidence = record.files;
  const status = evidence ? evidence.status : 'erased';
  const sections: CertificateSection[] = [
    {
      heading: { ja: '作業と当事者', en: 'Work and parties' },
      rows: [
        { label: { ja: '施設', en: 'Site' }, value: [site.hospital, site.department].filter(Boolean).join(' ') },
        { label: { ja: '施設のシステム管理者', en: 'Site system administrator' }, value: site.administrator || '—' },
        { label: { ja: '訪問・作業指示番号', en: 'Visit / work order' }, value: site.reference || '—' },
        { label: { ja: '作業者', en: 'Performed by' }, value: performerText(engineer) },
        { label: { ja: '使用した端末', en: 'Laptop used' }, value: laptop },
        { label: { ja: '状態', en: 'Status' }, value: `${STATUS[status].ja} / ${STATUS[status].en}` },
      ],
    },
  ];
  if (record.vault.length > 0) sections.push(cryptoEraseSection(record.vault, record.toolVersion));
  if (evidence) sections.push(...fileErasureSections(evidence, when));
  sections.push({
    heading: { ja: '残存リスク', en: 'Residual risks' },
    rows: [...(evidence?.residualRisks ?? []), ...(record.vault.length > 0 ? [CRYPTO_ERASE_NOTE] : [])].map((risk, i) => ({ label: { ja: `${i + 1}`, en: '' }, value: risk })),
  });
  return {
    kind: 'erasure',
    number,
    issuedAt: issuedAt.toISOString(),
    title: { ja: 'データ消去証明書', en: 'Data Erasure Certificate' },
    sections,
    signatureLines: [
      { label: { ja: '施設のシステム管理者 確認署名', en: 'Site system administrator countersignature' }, ...(countersignature ? { image: countersignature } : {}) },
    ],
    summary: {
      site: [site.hospital, site.department].filter(Boolean).join(' '),
      status,
      counts: { erased: (evidence?.totals.filesErased ?? 0) + record.vault.length, exceptions: evidence?.exceptions.length ?? 0 },
    },
  };
}

/** The overwrite job's sections: method, medium, targets (names masked), exceptions. */
function fileErasureSections(evidence: ErasureEvidence, when: (iso: string | null) => string): CertificateSection[] {
  const sections: CertificateSection[] = [
    {
      heading: { ja: '消去方法（NIST SP 800-88）', en: 'Method (NIST SP 800-88)' },
      rows: [
        { label: { ja: '区分', en: 'Category' }, value: 'Clear（ファイル単位の上書き：媒体の部分的なサニタイズ / file-level overwrite: partial sanitization）' },
        { label: { ja: '方式', en: 'Technique' }, value: `${METHOD[evidence.method.id].ja} / ${METHOD[evidence.method.id].en}` },
        { label: { ja: '擬似乱数', en: 'PRNG' }, value: evidence.method.prng ?? '—' },
        { label: { ja: '検証', en: 'Verification' }, value: evidence.method.verification },
        { label: { ja: 'ツール', en: 'Tool' }, value: `${evidence.tool.name} ${evidence.tool.version}` },
        { label: { ja: '開始・終了', en: 'Start – end' }, value: `${when(evidence.startedAt)} – ${when(evidence.finishedAt)}（${evidence.durationSeconds ?? '—'} 秒）` },
        {
          label: { ja: '書き込み・検証バイト数', en: 'Bytes written / verified' },
          value: `${formatBytes(evidence.totals.bytesWritten, 'ja')} / ${formatBytes(evidence.totals.bytesVerified, 'ja')}`,
        },
      ],
    },
  ];
  if (evidence.media) {
    const media = evidence.media;
    sections.push({
      heading: { ja: '媒体', en: 'Medium' },
      rows: [
        { label: { ja: '種類', en: 'Type' }, value: media.removable ? 'リムーバブル媒体 / removable' : media.description ?? '—' },
        { label: { ja: 'ファイルシステム', en: 'File system' }, value: media.fileSystem ?? '—' },
        { label: { ja: '容量', en: 'Capacity' }, value: media.capacityBytes === undefined ? '—' : formatBytes(media.capacityBytes, 'ja') },
        { label: { ja: 'マウント先', en: 'Mounted at' }, value: media.mountPath ?? '—' },
        { label: { ja: 'シリアル番号', en: 'Serial number' }, value: media.serialNumber ?? '取得できず / not obtainable' },
      ],
    });
  }
  sections.push({
    heading: { ja: '消去対象', en: 'Targets' },
    table: {
      columns: [
        { ja: '対象', en: 'Target' },
        { ja: 'ファイル数', en: 'Files' },
        { ja: '容量', en: 'Bytes' },
        { ja: '消去済み', en: 'Erased' },
        { ja: '例外', en: 'Exceptions' },
      ],
      rows: evidence.targets.map((t) => [maskPath(t.path), String(t.files), formatBytes(t.bytes, 'ja'), String(t.filesErased), String(t.exceptions)]),
      widths: [5, 1.2, 1.5, 1.2, 1.2],
    },
    note: {
      ja: 'ファイル名は患者氏名を含むことがあるため伏せ字にしています。全ファイルの一覧と消去前の SHA-256 は、署名付きの添付データ（evidence.json）にあります。',
      en: 'File names are masked as they may contain patient names; the full list with SHA-256 before erasure is in the signed attachment (evidence.json).',
    },
  });
  if (evidence.exceptions.length > 0) {
    sections.push({
      heading: { ja: '例外（消去されていない項目）', en: 'Exceptions (not erased)' },
      table: {
        columns: [{ ja: '番号', en: '#' }, { ja: '項目', en: 'Item' }, { ja: '理由', en: 'Reason' }],
        rows: evidence.exceptions.map((e) => [String(e.seq), maskPath(e.path), `${e.code}: ${e.description}`]),
        widths: [0.8, 4, 5],
      },
    });
  }
  return sections;
}

/** Issues, signs and stores the certificate of a finished erasure job; returns its id and number. */
export async function issueErasureCertificate(
  session: VaultSession,
  record: ErasureRecord,
  site: SiteDetails,
  laptop: string,
  countersignature: Uint8Array | null,
  now: Date,
  fontPath?: string,
): Promise<{ id: string; number: string }> {
  const profile = session.profile();
  const { id, number } = await issueVaultCertificate(
    session,
    'erasure',
    (number) => ({
      document: erasureCertificateDocument(record, site, profile, laptop, number, now, countersignature),
      facts: {
        erasure: record.files,
        cryptoErase: record.vault,
        site,
        laptop,
        countersignatureSha256: countersignature ? createHash('sha256').update(countersignature).digest('hex') : null,
      } as unknown as JsonObject,
    }),
    now,
    { location: site.hospital, ...(fontPath ? { fontPath } : {}) },
  );
  return { id, number };
}
