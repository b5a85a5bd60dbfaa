/**
 * The self-check on this machine, for real: its own probes and the `fieldguard selfcheck`
 * process, whose results must be justified by their evidence (CI containers have no firewall
 * or desktop: unknown or fail is fine there, a pass without evidence is not). The judging
 * rules themselves are in test/unit/self-check-evaluate.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { overallOf } from '../../electron/core/self-check/evaluate-self-check';
import { runSelfCheck } from '../../electron/core/self-check/run-self-check';
import { createSelfCheckProbes } from '../../electron/platform/self-check/probes-for-this-os';
import { DEFAULT_SELF_CHECK_POLICY, type SelfCheckRun } from '../../electron/shared/self-check';
import { reasonText, remediationSteps } from '../../electron/shared/self-check-texts';

describe('this machine, for real', () => {
  let run: SelfCheckRun;

  it('answers every check, each verdict backed by evidence', async () => {
    run = await runSelfCheck(createSelfCheckProbes(), DEFAULT_SELF_CHECK_POLICY, 'company');
    expect(run.checks.map((c) => c.id)).toEqual([
      'firewall',
      'antivirus',
      'osUpdates',
      'osVersion',
      'osSupported',
      'diskEncryption',
      'screenLock',
      'wifi',
      'remoteAccess',
      'bootProtection',
      'clockSync',
      'autoRun',
      'autoLogin',
      'adminAccount',
      'fileSharing',
      'edr',
      'bluetooth',
    ]);
    for (const check of run.checks) {
      expect(check.evidence.length, check.id).toBeGreaterThan(0);
      expect(reasonText(check, 'ja'), check.id).not.toBe(check.reason);
      if (check.reason.startsWith('probe.')) expect(check.status, check.id).toBe('unknown');
      if (check.status !== 'pass') expect(remediationSteps(run.os, check.id, 'ja').length, check.id).toBeGreaterThan(0);
    }
    expect(run.overall).toBe(overallOf(run.checks));
  });

  it('`fieldguard selfcheck --json` exits 0 exactly when every required check passed; a bad policy file exits 2', async () => {
    const cli = (args: string[]) =>
      new Promise<{ code: number; stdout: string }>((resolve) =>
        execFile(
          process.execPath,
          ['--import', 'tsx', 'electron/cli/index.ts', 'selfcheck', ...args],
          { cwd: path.resolve(import.meta.dirname, '../..') },
          (error, stdout) => resolve({ code: error ? Number(error.code) : 0, stdout }),
        ),
      );
    const result = await cli(['--json']);
    const printed = JSON.parse(result.stdout) as SelfCheckRun;
    expect(result.code).toBe(printed.overall === 'pass' ? 0 : 1);
    const dir = await mkdtemp(path.join(os.tmpdir(), 'fieldguard-policy-'));
    const lenient = path.join(dir, 'lenient.json');
    await writeFile(
      lenient,
      JSON.stringify({
        name: 'nothing required',
        required: Object.fromEntries(Object.keys(DEFAULT_SELF_CHECK_POLICY.required).map((id) => [id, false])),
      }),
    );
    expect((await cli(['--policy', lenient])).code).toBe(0);
    const bad = path.join(dir, 'bad.json');
    await writeFile(bad, '{"definitionsMaxAgeDays": -1}');
    expect((await cli(['--policy', bad])).code).toBe(2);
  }, 60_000);
});
