/**
 * The signed sanitization report (無害化報告書, 10-5, 8-1) that travels with the files: who
 * signed off (and who reviewed), the engine and its signature database, the policy, and every
 * file with its size, true type, verdict, reasons and SHA-256 before and after. The receiving
 * side checks the delivered folder against the signed evidence (`fieldguard verify REPORT
 * --files DIR`); the page shows each file's hash shortened, the evidence holds it in full.
 * The page stays readable: a reason repeated for many entries of one file (an archive bomb)
 * is one line with its count; a rebuilt file lists each object removed (content disarm);
 * a renamed file shows "delivered ← original"; the engine's
 * database is named with its folder, age and size, and judged against the policy. Issued for a
 * visit, it names where the files are handed over: the site, its administrator, the visit number.
 */
import { formatBytes } from '../../shared/format-bytes';
import { formatDateTime } from '../../shared/format-date';
import {
  databaseVersionText,
  engineLine,
  engineProblemText,
  engineWarningText,
  groupedFindingTexts,
} from '../../shared/sanitize-engine-texts';
import type { SanitizeRecipient } from '../../shared/sanitize';
import { removedObjectText, verdictName } from '../../shared/sanitize-texts';
import { performerText, type CertificateDocument } from '../certificates/certificate-document';
import { both, columns, issueReport, reportDocument, row, signedFacts } from '../certificates/report-document';
import type { Profile, VaultSession } from '../vault/vault-session';
import type { SanitizationResult } from './run-sanitization';

export interface SignOff {
  readonly engineer: string;
  readonly reviewer: string | null;
  readonly signedOffAt: string;
  /** Where the files are handed over, when issued for a visit (issue 19); absent otherwise, and in reports before it. */
  readonly recipient?: SanitizeRecipient;
}

/** The rows naming where the files go: only when the sign-off says so, each blank field as —. */
function recipientRows(recipient: SanitizeRecipient | undefined) {
  if (!recipient) return [];
  return [
    row('引き渡し先', 'Handed over to', [recipient.hospital, recipient.department].filter(Boolean).join(' ') || '—'),
    row('施設管理者', 'Site administrator', recipient.administrator || '—'),
    row('作業番号', 'Visit reference', recipient.reference || '—'),
  ];
}

const short = (sha256: string | null) => (sha256 ? `${sha256.slice(0, 16)}…` : '—');

/** The database's version as the page prints a value: Japanese, then English when it words it differently. */
function bilingualDatabaseVersion(engine: SanitizationResult['engine']): string {
  const ja = databaseVersionText(engine, 'ja');
  const en = databaseVersionText(engine, 'en');
  return ja === null ? '—' : ja === en ? ja : `${ja} / ${en}`;
}

export function sanitizationReportDocument(
  result: SanitizationResult,
  signOff: SignOff,
  engineer: Profile,
  number: string,
  issuedAt: Date,
): CertificateDocument {
  const count = (verdict: string) => result.files.filter((f) => f.verdict === verdict).length;
  const engine = result.engine;
  return reportDocument('sanitization', number, issuedAt, {
    summary: { counts: { passed: count('passed'), sanitized: count('sanitized'), blocked: count('blocked') } },
    title: { ja: '無害化報告書', en: 'Sanitization Report' },
    sections: [
      {
        heading: { ja: '作業と承認', en: 'Work and sign-off' },
        rows: [
          row('実施者', 'Performed by', performerText(engineer)),
          row('確認者', 'Reviewer', signOff.reviewer || '—'),
          row('承認日時', 'Signed off', formatDateTime(signOff.signedOffAt, 'ja')),
          row('検査日時', 'Checked', `${formatDateTime(result.startedAt, 'ja')} – ${formatDateTime(result.finishedAt, 'ja')}`),
          row('引き渡すフォルダー', 'Delivered folder', result.outputName),
          ...recipientRows(signOff.recipient),
          row(
            '結果',
            'Result',
            `問題なし ${count('passed')}・無害化済み ${count('sanitized')}・引き渡し不可（隔離） ${count('blocked')} / no issues found ${count('passed')}, sanitized ${count('sanitized')}, not handed over (quarantined) ${count('blocked')}`,
          ),
        ],
      },
      {
        heading: { ja: 'ウイルス検査エンジン', en: 'Anti-virus engine' },
        rows: [
          row(
            'エンジン',
            'Engine',
            engine ? `${engine.engine} ${engine.version ?? ''}`.trim() : `${result.engineName}（使用不可 / unavailable）`,
          ),
          row('定義データベース', 'Signature database', bilingualDatabaseVersion(engine)),
          row('定義の場所', 'Database folder', engine?.databasePath ?? '—'),
          row(
            '定義の日付',
            'Database date',
            engine?.databaseDate
              ? `${formatDateTime(engine.databaseDate, 'ja')}${typeof engine.databaseAgeDays === 'number' ? `（${engine.databaseAgeDays} 日前 / ${engine.databaseAgeDays} days old）` : ''}`
              : '—',
          ),
          row('署名数', 'Signatures', typeof engine?.signatures === 'number' ? String(engine.signatures) : '不明 / unknown'),
          row('要約', 'Summary', `${engineLine(engine, result.engineName, 'ja')}\n${engineLine(engine, result.engineName, 'en')}`),
          ...(result.engineWarnings ?? []).map((warning) =>
            row('⚠ 警告', 'Warning', `${engineWarningText(warning, 'ja')}\n${engineWarningText(warning, 'en')}`),
          ),
          ...(result.engineProblem
            ? [
                row(
                  '検査できなかった原因',
                  'Why it could not scan',
                  `${engineProblemText(result.engineProblem, 'ja').cause}\n${engineProblemText(result.engineProblem, 'en').cause}`,
                ),
              ]
            : []),
        ],
      },
      {
        heading: { ja: '引き渡しを許可する種類', en: 'Types allowed to be handed over' },
        rows: [
          row('種類', 'Types', result.policy.allowedTypes.join(', ')),
          row('ベンダーのリリース一覧', 'Vendor release list', `${result.policy.releases} 件 / entries`),
        ],
      },
      {
        heading: { ja: 'ファイル', en: 'Files' },
        table: {
          columns: columns(
            ['ファイル', 'File'],
            ['種類', 'Type'],
            ['容量', 'Size'],
            ['判定', 'Verdict'],
            ['理由', 'Reasons'],
            ['引き渡し後 SHA-256', 'SHA-256 delivered'],
          ),
          rows: result.files.map((f) => [
            f.originalPath ? `${f.path} ← ${f.originalPath}` : f.path,
            f.type,
            formatBytes(f.size, 'ja'),
            both(verdictName(f.verdict, 'ja'), verdictName(f.verdict, 'en')),
            [
              ...groupedFindingTexts(f.findings, 'ja'),
              ...(f.removed ?? []).map((r) => `除去 / removed: ${removedObjectText(r, 'ja')}`),
            ].join('、') || '—',
            short(f.sha256After),
          ]),
          widths: [4, 1.2, 1.3, 1.8, 4, 2.4],
        },
        note: {
          ja: '引き渡し不可（隔離）と判定したファイルは渡しておらず、暗号化した隔離領域に保管しています。全ファイルの SHA-256（無害化の前と後）は署名付きの添付データ（evidence.json）にあり、受け取った側は fieldguard verify 報告書.pdf --files フォルダー で照合できます。',
          en: 'Files judged not to be handed over were not delivered; they are kept in an encrypted quarantine. Every file’s SHA-256 before and after is in the signed attachment (evidence.json); the receiving side can check a folder with: fieldguard verify REPORT.pdf --files FOLDER.',
        },
      },
    ],
    signatureLines: [{ label: { ja: '実施者 承認', en: 'Engineer sign-off' } }, { label: { ja: '確認者', en: 'Reviewer' } }],
  });
}

export function issueSanitizationReport(
  session: VaultSession,
  result: SanitizationResult,
  reviewer: string | null,
  now: Date,
  fontPath?: string,
  recipient?: SanitizeRecipient,
): Promise<{ id: string; number: string }> {
  const signOff: SignOff = {
    engineer: session.actor(),
    reviewer: reviewer || null,
    signedOffAt: now.toISOString(),
    ...(recipient && Object.values(recipient).some((value) => value !== '') ? { recipient } : {}),
  };
  return issueReport(
    session,
    {
      kind: 'sanitization',
      document: (number, engineer) => sanitizationReportDocument(result, signOff, engineer, number, now),
      facts: () => signedFacts({ sanitization: result, signOff }),
      // Kept beside the report for the Certificates screen's search and the visit's own lookup.
      ...(signOff.recipient?.reference ? { visitReference: signOff.recipient.reference } : {}),
    },
    now,
    fontPath,
  );
}
