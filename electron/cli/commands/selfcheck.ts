/**
 * `fieldguard selfcheck [--json] [--policy FILE] [--record DIR]`: the pre-visit security
 * self-check of this laptop (7-4, 8-2, 8-3, 7-3, 13-13), judged against the default policy or
 * a company policy file, without the vault and without admin rights. Exit 0 when every
 * required check passes; 1 when one fails or is unknown; 2 when the check could not run (e.g.
 * a bad policy, or the recording folder cannot be written).
 *
 * --record DIR keeps the raw output of every probe command of this very run in DIR (masked of
 * user and host names, SSIDs and serials), in the shape of test/fixtures/self-check/, so a
 * developer can turn a laptop's answers into fixtures (docs/self-check-fixtures.md).
 */
import { readFile } from 'node:fs/promises';
import { AppError } from '../../core/app-error';
import { parsePolicyFile } from '../../core/self-check/self-check-policy-store';
import { runSelfCheck } from '../../core/self-check/run-self-check';
import { createSelfCheckProbes, recordedSelfCheckProbes } from '../../platform/self-check/probes-for-this-os';
import { errorMessage } from '../../shared/error-messages';
import { DEFAULT_SELF_CHECK_POLICY, type SelfCheckRun } from '../../shared/self-check';
import { checkName, reasonText, remediationSteps, statusName } from '../../shared/self-check-texts';
import type { Language } from '../../shared/locale';
import { ExitCode, type Command } from '../command';

const MARK = { pass: '✓', warning: '!', fail: '✗', unknown: '?', notApplicable: '-' } as const;

function report(run: SelfCheckRun, language: Language): string {
  const lines = run.checks.map((check) => {
    const head = `${MARK[check.status]} ${statusName(check.status, language)}\t${checkName(check.id, language)}${check.required ? '' : language === 'ja' ? '（任意）' : ' (optional)'}\n    ${reasonText(check, language)}`;
    // Nothing to fix where the check passed or does not apply here.
    if (check.status === 'pass' || check.status === 'notApplicable') return head;
    const steps = remediationSteps(run.os, check.id, language).map((step, i) => `      ${i + 1}. ${step}`);
    return [head, ...steps].join('\n');
  });
  const overall =
    language === 'ja'
      ? `総合判定: ${run.overall === 'pass' ? '合格' : '不合格'}（ポリシー: ${run.policy.name}）`
      : `Overall: ${run.overall === 'pass' ? 'pass' : 'fail'} (policy: ${run.policy.name})`;
  return `${lines.join('\n')}\n\n${overall}\n`;
}

export const selfcheckCommand: Command = {
  name: 'selfcheck',
  summary: {
    ja: 'この端末のセキュリティ・セルフチェックを実行します（訪問前の確認）',
    en: "Run this laptop's security self-check (before a site visit)",
  },
  usage: 'selfcheck [--json] [--policy FILE] [--byod] [--record DIR]',
  options: { json: { type: 'boolean' }, policy: { type: 'string' }, byod: { type: 'boolean' }, record: { type: 'string' } },
  async run(args, io) {
    let policy = DEFAULT_SELF_CHECK_POLICY;
    if (typeof args.values.policy === 'string') {
      try {
        policy = parsePolicyFile(await readFile(args.values.policy, 'utf8'));
      } catch (error) {
        const code = error instanceof AppError ? error.code : 'SELF_CHECK_POLICY_INVALID';
        io.stderr(`${errorMessage(code, io.language)}\n`);
        return ExitCode.error;
      }
    }
    const recordDir = typeof args.values.record === 'string' ? args.values.record : null;
    const recorded = recordDir === null ? null : recordedSelfCheckProbes();
    const run = await runSelfCheck(recorded?.probes ?? createSelfCheckProbes(), policy, args.values.byod ? 'byod' : 'company');
    io.stdout(args.values.json ? `${JSON.stringify(run, null, 2)}\n` : report(run, io.language));
    if (recorded && recordDir !== null) {
      try {
        const files = await recorded.save(recordDir, run.osDescription);
        io.stderr(
          io.language === 'ja'
            ? `診断データ ${files.length} 件を ${recordDir} に保存しました。\n`
            : `Saved ${files.length} diagnostic files to ${recordDir}.\n`,
        );
      } catch {
        io.stderr(`${errorMessage('SELF_CHECK_RECORD_UNWRITABLE', io.language)}\n`);
        return ExitCode.error;
      }
    }
    return run.overall === 'pass' ? ExitCode.ok : ExitCode.refused;
  },
};
