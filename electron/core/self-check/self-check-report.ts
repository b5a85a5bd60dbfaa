/**
 * The signed self-check report (セキュリティ・セルフチェック報告書, 7-4, 8-2, 8-3, 7-3, 13-13):
 * one stored run, rendered for the site in Japanese with English captions and signed through
 * the certificate service, so the engineer can show at the reception desk that the laptop was
 * checked, when, against which policy, and with what result. The whole run — every check's
 * evidence and the policy itself — is the signed evidence; the page shows the verdicts.
 */
import { formatDateTime } from '../../shared/format-date';
import type { SelfCheckRun } from '../../shared/self-check';
import { checkName, reasonText, selfCheckTexts, statusName } from '../../shared/self-check-texts';
import { performerText, type CertificateDocument } from '../certificates/certificate-document';
import { both, columns, issueReport, reportDocument, row, signedFacts } from '../certificates/report-document';
import type { Profile, VaultSession } from '../vault/vault-session';

const OWNERSHIP = { company: '会社支給 / company-issued', byod: '個人所有（BYOD）/ personally owned (BYOD)' } as const;

export function selfCheckReportDocument(run: SelfCheckRun, engineer: Profile, number: string, issuedAt: Date): CertificateDocument {
  const cautions = run.checks.filter((check) => check.status === 'warning').length;
  const passed =
    cautions > 0
      ? `合格（必須項目はすべて合格、注意 ${cautions} 件）/ Pass (every required check cleared; ${cautions} to note)`
      : '合格（すべての必須項目に合格）/ Pass (every required check passed)';
  const overall = run.overall === 'pass' ? passed : '不合格（合格していない必須項目あり）/ Fail (a required check did not pass)';
  const policy = run.policy;
  return reportDocument('self-check', number, issuedAt, {
    summary: { status: run.overall, counts: { checks: run.checks.length, failed: run.checks.filter((c) => c.status === 'fail').length } },
    title: { ja: 'セキュリティ・セルフチェック報告書', en: 'Security Self-Check Report' },
    sections: [
      {
        heading: { ja: '端末と実施者', en: 'Laptop and engineer' },
        rows: [
          row('実施日時', 'Checked at', formatDateTime(run.finishedAt, 'ja')),
          row('端末', 'Laptop', `${run.hostname}（${run.osDescription}）`),
          row('端末の所有区分', 'Ownership (8-9)', OWNERSHIP[run.ownership]),
          row('実施者', 'Engineer', performerText(engineer)),
          row('総合判定', 'Overall', overall),
        ],
      },
      {
        heading: { ja: '判定に用いたポリシー', en: 'Policy applied' },
        rows: [
          row('名称', 'Name', policy.name),
          row(
            '基準',
            'Thresholds',
            `定義ファイル ${policy.definitionsMaxAgeDays} 日以内（XProtect ${policy.xprotectDefinitionsMaxAgeDays} 日、ClamAV ${policy.clamavDefinitionsMaxAgeDays} 日）、OS 更新 ${policy.updatesMaxAgeDays} 日以内、` +
              `画面ロック ${policy.screenLockMaxIdleMinutes} 分以内・パスワード要求 ${policy.screenLockMaxPasswordDelaySeconds} 秒以内 / ` +
              `definitions ≤ ${policy.definitionsMaxAgeDays} d (XProtect ${policy.xprotectDefinitionsMaxAgeDays} d, ClamAV ${policy.clamavDefinitionsMaxAgeDays} d), updates ≤ ${policy.updatesMaxAgeDays} d, ` +
              `screen lock ≤ ${policy.screenLockMaxIdleMinutes} min, password ≤ ${policy.screenLockMaxPasswordDelaySeconds} s after`,
          ),
          row('SHA-256', 'SHA-256', run.policySha256),
        ],
      },
      {
        heading: { ja: '確認項目', en: 'Checks' },
        table: {
          columns: columns(['項目', 'Check'], ['ガイドライン', 'Guideline'], ['判定', 'Result'], ['内容', 'Finding']),
          rows: run.checks.map((c) => [
            `${checkName(c.id, 'ja')}${c.required ? '' : '（任意 / optional）'}`,
            selfCheckTexts.ja.guideline[c.id],
            both(statusName(c.status, 'ja'), statusName(c.status, 'en')),
            reasonText(c, 'ja'),
          ]),
          widths: [3, 1.2, 1.6, 6],
        },
        note: {
          ja: '各項目の根拠（読み取ったコマンド・ファイルと値、日時）は署名付きの添付データ（evidence.json）にあります。「不明」は合格とはみなしません。',
          en: 'The evidence of each check (what was read, the values, when) is in the signed attachment (evidence.json). "Unknown" never counts as a pass.',
        },
      },
    ],
  });
}

/** Issues, signs and stores the report of a stored run; returns its id and number. */
export function issueSelfCheckReport(
  session: VaultSession,
  run: SelfCheckRun,
  now: Date,
  fontPath?: string,
): Promise<{ id: string; number: string }> {
  return issueReport(
    session,
    {
      kind: 'self-check',
      document: (number, engineer) => selfCheckReportDocument(run, engineer, number, now),
      facts: () => signedFacts({ selfCheck: run }),
    },
    now,
    fontPath,
  );
}
