/**
 * What a certificate says about a crypto-erase of vault data, in Japanese and English.
 * Destroying a file's key makes its ciphertext unreadable everywhere — except in a copy of
 * the data folder made before (a backup, a synced or roaming folder, a shadow copy), which
 * still holds the old keys under the same password. So the statement names that
 * precondition plainly, records what FieldGuard found about copies at the time of the erase
 * (data-folder-backups.ts), and grades the erase Purge only when every check came back
 * "no copy" and the folder is on a local disk; otherwise partial, with the reason
 * (the grading itself is nist-grade.ts's gradeCryptoErase).
 */
import { BACKUP_STATE_LABELS, BACKUP_TOOL_LABELS, type DataFolderReport } from '../../shared/data-folder';
import { formatDateTime } from '../../shared/format-date';
import type { CertificateRow } from '../certificates/certificate-document';
import { gradeCryptoErase, NIST_GRADE_LABELS, NIST_REFERENCE, type Bilingual, type NistGrade } from './nist-grade';

/** The data folder's state at the time of the erase: the report Settings shows, taken again just before the keys are destroyed. */
export type CryptoErasePreconditions = DataFolderReport;

export interface CryptoEraseStatement {
  readonly grade: Extract<NistGrade, 'purge' | 'partial'>;
  /** Rows for the certificate's crypto-erase section; every value is "Japanese / English". */
  readonly rows: readonly CertificateRow[];
  readonly residualRisks: readonly Bilingual[];
}

export const CRYPTO_ERASE_TECHNIQUE: Bilingual = {
  ja: '暗号消去（Cryptographic Erase）：ファイルごとの AES-256 鍵を破棄し（データベースのページは SQLite secure_delete で上書き、WAL は切り詰め）、暗号文を上書きして削除',
  en: 'Cryptographic erase: each file’s own AES-256 key destroyed (its database page overwritten by SQLite secure_delete, the WAL truncated), the ciphertext overwritten and removed',
};

export const CRYPTO_ERASE_PRECONDITION: Bilingual = {
  ja: 'この暗号消去は、データフォルダーの複製（バックアップ、同期、シャドウコピー、移動プロファイル）が存在しないことを前提とします。消去前に作られた複製は同じパスワードで開くことができ、消去したデータを含みます。',
  en: 'This cryptographic erase assumes that no copy of the data folder exists (a backup, a synced copy, a shadow copy, a roaming profile). A copy made before the erasure opens with the same password and still holds the erased data.',
};

/** Copies FieldGuard cannot see (a company backup agent, a disk image, a copy made by hand) stay the site's to rule out. */
const UNSEEN_COPIES_RISK: Bilingual = {
  ja: 'FieldGuard が確認できない複製（会社のバックアップソフト、ディスクイメージ、手作業のコピー）がないことは、現場で確認してください。',
  en: 'Copies FieldGuard cannot see (a company backup agent, a disk image, a copy made by hand) must be ruled out by the site.',
};

export function cryptoEraseStatement(preconditions: CryptoErasePreconditions): CryptoEraseStatement {
  const unmet = unmetPreconditions(preconditions);
  const result = gradeCryptoErase(unmet.length === 0, unmet);
  return {
    grade: result.grade,
    rows: [
      row(
        { ja: '区分', en: 'Category' },
        {
          ja: `${NIST_GRADE_LABELS[result.grade].ja}（${NIST_REFERENCE.ja}）`,
          en: `${NIST_GRADE_LABELS[result.grade].en} (${NIST_REFERENCE.en})`,
        },
      ),
      row({ ja: '方式', en: 'Technique' }, CRYPTO_ERASE_TECHNIQUE),
      row({ ja: '前提条件', en: 'Precondition' }, CRYPTO_ERASE_PRECONDITION),
      {
        label: { ja: 'データフォルダー', en: 'Data folder' },
        value: `${preconditions.dataDir}（${localText(preconditions.local).ja} / ${localText(preconditions.local).en}）`,
      },
      {
        label: { ja: '複製の確認日時', en: 'Copies checked at' },
        value: Number.isNaN(Date.parse(preconditions.observedAt))
          ? preconditions.observedAt
          : formatDateTime(preconditions.observedAt, 'ja'),
      },
      ...preconditions.backups.map((finding) =>
        row(
          { ja: `複製の確認：${BACKUP_TOOL_LABELS[finding.tool].ja}`, en: `Copy check: ${BACKUP_TOOL_LABELS[finding.tool].en}` },
          {
            ja: `${BACKUP_STATE_LABELS[finding.state].ja}。${finding.detail.ja}`,
            en: `${BACKUP_STATE_LABELS[finding.state].en}. ${finding.detail.en}`,
          },
        ),
      ),
      ...result.reasons.map((reason, i) => row({ ja: `判定理由 ${i + 1}`, en: `Reason ${i + 1}` }, reason)),
    ],
    residualRisks: [...result.residualRisks, UNSEEN_COPIES_RISK],
  };
}

/** Each precondition that does not hold, as a reason for the grade. */
export function unmetPreconditions(preconditions: CryptoErasePreconditions): Bilingual[] {
  const unmet: Bilingual[] = [];
  if (preconditions.local !== true) {
    unmet.push(
      preconditions.local === false
        ? {
            ja: 'データフォルダーがネットワーク上の場所にあり、サーバー側に複製やスナップショットが残りうる。',
            en: 'The data folder is on a network location, where the server may keep copies or snapshots.',
          }
        : {
            ja: 'データフォルダーがローカルディスクにあることを確認できない。',
            en: 'Could not confirm that the data folder is on a local disk.',
          },
    );
  }
  for (const finding of preconditions.backups) {
    if (finding.state === 'excluded') continue;
    const tool = BACKUP_TOOL_LABELS[finding.tool];
    unmet.push(
      finding.state === 'may-copy'
        ? {
            ja: `${tool.ja}にデータフォルダーの複製がありうる：${finding.detail.ja}`,
            en: `${tool.en} may hold a copy of the data folder: ${finding.detail.en}`,
          }
        : {
            ja: `${tool.ja}に複製がないことを確認できない：${finding.detail.ja}`,
            en: `Could not confirm that ${tool.en} holds no copy: ${finding.detail.en}`,
          },
    );
  }
  return unmet;
}

function localText(local: boolean | null): Bilingual {
  if (local === true) return { ja: 'ローカルディスク', en: 'local disk' };
  if (local === false) return { ja: 'ネットワーク上', en: 'network location' };
  return { ja: 'ローカルか確認できず', en: 'local disk not confirmed' };
}

function row(label: Bilingual, value: Bilingual): CertificateRow {
  return { label, value: `${value.ja} / ${value.en}` };
}
