/**
 * The signed sanitization report (無害化報告書, 10-5, 8-1) that travels with the files: who
 * signed off (and who reviewed), the engine and its signature database, the policy, and every
 * file with its size, true type, verdict, reasons and SHA-256 before and after. The receiving
 * side checks the delivered folder against the signed evidence (`fieldguard verify REPORT
 * --files DIR`); the page shows each file's hash shortened, the evidence holds it in full.
 * The page stays readable: a reason repeated for many entries of one file (an archive bomb)
 * is one line with its count; a rebuilt file lists each object removed (content disarm);
 * a renamed file shows "delivered ← original"; the engine's
 * database is named with its folder, age and size, and judged against the policy.
 */
import { formatBytes } from '../../shared/format-bytes';
import { formatDateTime } from '../../shared/format-date';
import { engineLine, engineProblemText, engineWarningText, groupedFindingTexts } from '../../shared/sanitize-engine-texts';
import { removedObjectText, verdictName } from '../../shared/sanitize-texts';
import type { JsonObject } from '../certificates/canonical-json';
import { performerText, type CertificateDocument } from '../certificates/certificate-document';
import { issueVaultCertificate } from '../certificates/issue-vault-certificate';
import type { Profile, VaultSession } from '../vault/vault-session';
import type { SanitizationResult } from './run-sanitization';

export interface SignOff {
  readonly engineer: string;
  readonly reviewer: string | null;
  readonly signedOffAt: string;
}

const short = (sha256: string | null) => (sha256 ? `${sha256.slice(0, 16)}…` : '—');

export function sanitizationReportDocument(result: SanitizationResult, signOff: SignOff, engineer: Profile, number: string, issuedAt: Date): CertificateDocument {
  const count = (verdict: string) => result.files.filter((f) => f.verdict === verdict).length;
  const engine = result.engine;
  return {
    kind: 'sanitization',
    number,
    summary: { counts: { passed: count('passed'), sanitized: count('sanitized'), blocked: count('blocked') } },
    issuedAt: issuedAt.toISOString(),
    title: { ja: '無害化報告書', en: 'Sanitization Report' },
    sections: [
      {
        heading: { ja: '作業と承認', en: 'Work and sign-off' },
        rows: [
          { label: { ja: '実施者', en: 'Performed by' }, value: performerText(engineer) },
          { label: { ja: '確認者', en: 'Reviewer' }, value: signOff.reviewer || '—' },
          { label: { ja: '承認日時', en: 'Signed off' }, value: formatDateTime(signOff.signedOffAt, 'ja') },
          { label: { ja: '検査日時', en: 'Checked' }, value: `${formatDateTime(result.startedAt, 'ja')} – ${formatDateTime(result.finishedAt, 'ja')}` },
          { label: { ja: '引き渡すフォルダー', en: 'Delivered folder' }, value: result.outputName },
          {
            label: { ja: '結果', en: 'Result' },
            value: `問題なし ${count('passed')}・無害化済み ${count('sanitized')}・引き渡し不可（隔離） ${count('blocked')} / no issues found ${count('passed')}, sanitized ${count('sanitized')}, not handed over (quarantined) ${count('blocked')}`,
          },
        ],
      },
      {
        heading: { ja: 'ウイルス検査エンジン', en: 'Anti-virus engine' },
        rows: [
          { label: { ja: 'エンジン', en: 'Engine' }, value: engine ? `${engine.engine} ${engine.version ?? ''}`.trim() : `${result.engineName}（使用不可 / unavailable）` },
          { label: { ja: '定義データベース', en: 'Signature database' }, value: engine?.databaseVersion ?? '—' },
          { label: { ja: '定義の場所', en: 'Database folder' }, value: engine?.databasePath ?? '—' },
          {
            label: { ja: '定義の日付', en: 'Database date' },
            value: engine?.databaseDate ? `${formatDateTime(engine.databaseDate, 'ja')}${typeof engine.databaseAgeDays === 'number' ? `（${engine.databaseAgeDays} 日前 / ${engine.databaseAgeDays} days old）` : ''}` : '—',
          },
          { label: { ja: '署名数', en: 'Signatures' }, value: typeof engine?.signatures === 'number' ? String(engine.signatures) : '不明 / unknown' },
          { label: { ja: '要約', en: 'Summary' }, value: `${engineLine(engine, result.engineName, 'ja')}\n${engineLine(engine, result.engineName, 'en')}` },
          ...(result.engineWarnings ?? []).map((warning) => ({ label: { ja: '⚠ 警告', en: 'Warning' }, value: `${engineWarningText(warning, 'ja')}\n${engineWarningText(warning, 'en')}` })),
          ...(result.engineProblem
            ? [{ label: { ja: '検査できなかった原因', en: 'Why it could not scan' }, value: `${engineProblemText(result.engineProblem, 'ja').cause}\n${engineProblemText(result.engineProblem, 'en').cause}` }]
            : []),
        ],
      },
      {
        heading: { ja: '引き渡しを許可する種類', en: 'Types allowed to be handed over' },
        rows: [
          { label: { ja: '種類', en: 'Types' }, value: result.policy.allowedTypes.join(', ') },
          { label: { ja: 'ベンダーのリリース一覧', en: 'Vendor release list' }, value: `${result.policy.releases} 件 / entries` },
        ],
      },
      {
        heading: { ja: 'ファイル', en: 'Files' },
        table: {
          columns: [
            { ja: 'ファイル', en: 'File' },
            { ja: '種類', en: 'Type' },
            { ja: '容量', en: 'Size' },
            { ja: '判定', en: 'Verdict' },
            { ja: '理由', en: 'Reasons' },
            { ja: '引き渡し後 SHA-256', en: 'SHA-256 delivered' },
          ],
          rows: result.files.map((f) => [
            f.originalPath ? `${f.path} ← ${f.originalPath}` : f.path,
            f.type,
            formatBytes(f.size, 'ja'),
            `${verdictName(f.verdict, 'ja')} / ${verdictName(f.verdict, 'en')}`,
            [...groupedFindingTexts(f.findings, 'ja'), ...(f.removed ?? []).map((r) => `除去 / removed: ${removedObjectText(r, 'ja')}`)].join('、') || '—',
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
  };
}

export function issueSanitizationReport(session: VaultSession, result: SanitizationResult, reviewer: string | null, now: Date, fontPath?: string): Promise<{ id: string; number: string }> {
  const profile = session.profile();
  const signOff: SignOff = { engineer: session.actor(), reviewer: reviewer || null, signedOffAt: now.toISOString() };
  return issueVaultCertificate(
    session,
    'sanitization',
    (number) => ({ document: sanitizationReportDocument(result, signOff, profile, number, now), facts: { sanitization: result, signOff } as unknown as JsonObject }),
    now,
    fontPath ? { fontPath } : {},
  );
}
