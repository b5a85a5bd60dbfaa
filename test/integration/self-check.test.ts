/**
 * The self-check as an engineer uses it, through the app's own channels on a real vault: a
 * Japanese Windows laptop (its recorded answers) that fails, then a healthy one that passes;
 * the history, the readiness gate a visit needs (no run, failed, passed, stale, and the
 * audited override), a company policy imported from a file, and the signed report that
 * `pdfsig` and `fieldguard verify` accept.
 */
import { execFile } from 'node:child_process';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getCertificate } from '../../electron/core/certificates/certificate-store';
import type { SelfCheckProbes } from '../../electron/core/self-check/self-check-observations';
import type { CheckId, CheckStatus, SelfCheckRun } from '../../electron/shared/self-check';
import { errorCodeOf } from '../support/error-code';
import {
  HEALTHY_WINDOWS,
  NEGLECTED_WINDOWS_JA,
  RECORDED_AT,
  recordedWindowsProbes,
  type WindowsScenario,
} from '../support/recorded-windows-probes';
import { enrollWithNewAuthority, type TestAuthority } from '../support/company-authority';
import { createTestCore, type TestCore } from '../support/test-core';

const exec = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');
const HOUR = 60 * 60 * 1000;

let core: TestCore;
let laptop: WindowsScenario = NEGLECTED_WINDOWS_JA;
let clock = new Date(RECORDED_AT.getTime() - HOUR);

/** The laptop can be "fixed" between runs: each probe asks the current scenario. */
const probes: SelfCheckProbes = {
  os: 'windows',
  firewall: () => recordedWindowsProbes(laptop).firewall(),
  antivirus: () => recordedWindowsProbes(laptop).antivirus(),
  osUpdates: () => recordedWindowsProbes(laptop).osUpdates(),
  diskEncryption: () => recordedWindowsProbes(laptop).diskEncryption(),
  screenLock: () => recordedWindowsProbes(laptop).screenLock(),
  wifi: () => recordedWindowsProbes(laptop).wifi(),
  remoteAccess: () => recordedWindowsProbes(laptop).remoteAccess(),
  bootProtection: () => recordedWindowsProbes(laptop).bootProtection(),
  clockSync: () => recordedWindowsProbes(laptop).clockSync(),
  autoRun: () => recordedWindowsProbes(laptop).autoRun(),
  autoLogin: () => recordedWindowsProbes(laptop).autoLogin(),
  adminAccount: () => recordedWindowsProbes(laptop).adminAccount(),
  fileSharing: () => recordedWindowsProbes(laptop).fileSharing(),
  edr: () => recordedWindowsProbes(laptop).edr(),
  bluetooth: () => recordedWindowsProbes(laptop).bluetooth(),
};

const statuses = (run: SelfCheckRun) => Object.fromEntries(run.checks.map((c) => [c.id, c.status])) as Record<CheckId, CheckStatus>;

let authority: TestAuthority;

beforeAll(async () => {
  core = await createTestCore({ selfCheckProbes: probes, now: () => clock });
  await core.createVault();
  authority = await enrollWithNewAuthority(core.vault.session(), `${core.dataDir}-authority`, clock);
}, 60_000);
afterAll(async () => {
  await core.cleanup();
});

describe('a neglected Japanese Windows laptop', () => {
  let run: SelfCheckRun;
  beforeAll(async () => {
    laptop = NEGLECTED_WINDOWS_JA;
    run = await core.handlers['selfCheck.run']({});
  });

  it('fails, and says which checks and why', () => {
    expect(run.overall).toBe('fail');
    expect(run.os).toBe('windows');
    expect(statuses(run)).toMatchObject({
      firewall: 'fail',
      antivirus: 'fail',
      diskEncryption: 'fail',
      wifi: 'fail',
      remoteAccess: 'warning',
    });
    const firewall = run.checks.find((c) => c.id === 'firewall');
    expect(firewall).toMatchObject({ reason: 'firewallOff', required: true });
    expect(String(firewall?.params.profiles)).toMatch(/Public/);
    expect(run.checks.find((c) => c.id === 'wifi')?.reason).toBe('wifiOpen');
    expect(run.checks.find((c) => c.id === 'remoteAccess')).toMatchObject({
      required: false,
      params: { services: expect.stringMatching(/RDP/) },
    });
  });

  it('keeps the evidence of every check: what was read and when', () => {
    for (const check of run.checks) {
      expect(check.evidence.length, check.id).toBeGreaterThan(0);
      for (const item of check.evidence) expect(Date.parse(item.observedAt), check.id).not.toBeNaN();
    }
  });

  it('[7-4] is not ready for a visit: the gate names the failed run', async () => {
    const gate = await core.handlers['selfCheck.readiness']({});
    expect(gate).toMatchObject({ ready: false, reason: 'failed', latestRun: { id: run.id, overall: 'fail' }, maxAgeHours: 24 });
  });
});

describe('the readiness gate', () => {
  it('passes after a passing run, goes stale after the policy’s hours, and the policy can widen it', async () => {
    laptop = HEALTHY_WINDOWS;
    clock = RECORDED_AT;
    const run = await core.handlers['selfCheck.run']({});
    expect(run.overall).toBe('pass');
    // Every check passes but the EDR one, which the default policy leaves not applicable (it names no agent), and Bluetooth.
    const { edr, bluetooth, ...others } = statuses(run);
    expect(edr).toBe('notApplicable');
    // Windows is discoverable only while its Bluetooth settings page is open.
    expect(bluetooth).toBe('notApplicable');
    expect(Object.values(others).every((s) => s === 'pass')).toBe(true);
    expect(await core.handlers['selfCheck.readiness']({})).toMatchObject({ ready: true, reason: 'passed', latestRun: { id: run.id } });

    clock = new Date(clock.getTime() + 25 * HOUR);
    expect(await core.handlers['selfCheck.readiness']({})).toMatchObject({ ready: false, reason: 'stale' });
    const { policy, ownership } = await core.handlers['selfCheck.policy']({});
    await core.handlers['selfCheck.setPolicy']({ policy: { ...policy, readinessMaxAgeHours: 48 }, ownership });
    expect(await core.handlers['selfCheck.readiness']({})).toMatchObject({ ready: true, maxAgeHours: 48 });
  });

  it('[7-4] lets the engineer go ahead only with a written reason, which is audited', async () => {
    expect(await errorCodeOf(() => core.handlers['selfCheck.override']({ reason: '   ', context: 'WO-2026-1126' }))).toBe(
      'SELF_CHECK_OVERRIDE_REASON_REQUIRED',
    );
    const { overrideId } = await core.handlers['selfCheck.override']({
      reason: '院内ネットワークに接続しない作業のため',
      context: 'WO-2026-1126',
    });
    const { entries } = await core.handlers['audit.list']({ types: ['selfcheck.override'] });
    expect(entries).toHaveLength(1);
    expect(entries[0]?.details).toMatchObject({ overrideId, reason: '院内ネットワークに接続しない作業のため', context: 'WO-2026-1126' });
  });
});

describe('history and the policy', () => {
  it('lists every run newest first, with its counts, and opens each as it was', async () => {
    const { runs } = await core.handlers['selfCheck.history']({});
    expect(runs.map((r) => r.overall)).toEqual(['pass', 'fail']);
    expect(runs[1]?.counts.fail).toBeGreaterThanOrEqual(4);
    const first = await core.handlers['selfCheck.get']({ id: runs[1]!.id });
    expect(first.overall).toBe('fail');
    expect(await errorCodeOf(() => core.handlers['selfCheck.get']({ id: 'no-such-run' }))).toBe('SELF_CHECK_NOT_FOUND');
    const { entries } = await core.handlers['audit.list']({ types: ['selfcheck.run'] });
    expect(entries.map((e) => e.details.overall)).toEqual(['pass', 'fail']);
  });

  it('imports a company policy that gives only some values; the next run records it', async () => {
    const file = path.join(`${core.dataDir}-policy`, 'policy.json');
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(
      file,
      JSON.stringify({ name: '東都メディカル 保守端末ポリシー 2026', screenLockMaxIdleMinutes: 10, required: { remoteAccess: true } }),
    );
    core.dialogs.policyFile = file;
    const imported = await core.handlers['selfCheck.importPolicy']({});
    expect(imported).toMatchObject({
      imported: true,
      source: 'imported',
      policy: {
        name: '東都メディカル 保守端末ポリシー 2026',
        screenLockMaxIdleMinutes: 10,
        definitionsMaxAgeDays: 3,
        required: { remoteAccess: true, firewall: true },
      },
    });
    laptop = NEGLECTED_WINDOWS_JA;
    const run = await core.handlers['selfCheck.run']({});
    expect(run.policy.name).toBe('東都メディカル 保守端末ポリシー 2026');
    expect(run.policySha256).toMatch(/^[0-9a-f]{64}$/);
    // Required now: listening remote access fails instead of warning.
    expect(statuses(run).remoteAccess).toBe('fail');

    await writeFile(file, JSON.stringify({ screenLockMaxIdleMinutes: 9999 }));
    expect(await errorCodeOf(() => core.handlers['selfCheck.importPolicy']({}))).toBe('SELF_CHECK_POLICY_INVALID');
    await writeFile(file, '{ not json');
    expect(await errorCodeOf(() => core.handlers['selfCheck.importPolicy']({}))).toBe('SELF_CHECK_POLICY_INVALID');
    // Changing only whose laptop it is keeps the company policy's source.
    const kept = await core.handlers['selfCheck.setPolicy']({ policy: imported.policy, ownership: 'byod' });
    expect(kept).toMatchObject({ source: 'imported', ownership: 'byod' });

    // Per-engine and per-OS rules come from the file too; a file without them gets the defaults.
    await writeFile(
      file,
      JSON.stringify({
        name: 'per engine',
        xprotectDefinitionsMaxAgeDays: 10,
        clamavDefinitionsMaxAgeDays: 2,
        screenLockMaxPasswordDelaySeconds: 0,
        linuxOnAccessScanRequired: true,
      }),
    );
    const perEngine = await core.handlers['selfCheck.importPolicy']({});
    expect(perEngine.policy).toMatchObject({
      xprotectDefinitionsMaxAgeDays: 10,
      clamavDefinitionsMaxAgeDays: 2,
      screenLockMaxPasswordDelaySeconds: 0,
      linuxOnAccessScanRequired: true,
      definitionsMaxAgeDays: 3,
    });
    expect((await core.handlers['selfCheck.policy']({})).policy).toEqual(perEngine.policy);
    expect(imported.policy).toMatchObject({
      xprotectDefinitionsMaxAgeDays: 14,
      clamavDefinitionsMaxAgeDays: 3,
      screenLockMaxPasswordDelaySeconds: 5,
      linuxOnAccessScanRequired: false,
    });
    await writeFile(file, JSON.stringify({ screenLockMaxPasswordDelaySeconds: -1 }));
    expect(await errorCodeOf(() => core.handlers['selfCheck.importPolicy']({}))).toBe('SELF_CHECK_POLICY_INVALID');
  });

  it('saves the diagnostic data into a new folder inside the one picked, or nothing when cancelled', async () => {
    core.dialogs.exportFolder = null;
    expect(await core.handlers['selfCheck.saveDiagnostics']({})).toEqual({ saved: false, folder: null, files: 0 });
    const parent = `${core.dataDir}-diagnostics`;
    await mkdir(parent, { recursive: true });
    core.dialogs.exportFolder = parent;
    const saved = await core.handlers['selfCheck.saveDiagnostics']({});
    expect(saved).toMatchObject({ saved: true, folder: expect.stringMatching(/FieldGuard-selfcheck-20\d{6}-\d{6}$/) as unknown });
    expect(saved.files).toBeGreaterThan(3);
    expect(await readdir(saved.folder ?? '')).toEqual(expect.arrayContaining(['session.json', 'listings.txt', 'stats.txt']));
    // A folder that cannot be written is said so, with its own error.
    core.dialogs.exportFolder = path.join(parent, 'session.json-is-not-a-folder', 'x');
    await writeFile(path.join(parent, 'session.json-is-not-a-folder'), 'a file');
    expect(await errorCodeOf(() => core.handlers['selfCheck.saveDiagnostics']({}))).toBe('SELF_CHECK_RECORD_UNWRITABLE');
    expect((await core.handlers['selfCheck.resetPolicy']({})).source).toBe('default');
  });
});

describe('the signed self-check report', () => {
  let file: string;
  let number: string;
  beforeAll(async () => {
    const { runs } = await core.handlers['selfCheck.history']({});
    const issued = await core.handlers['selfCheck.issueReport']({ id: runs[0]!.id });
    number = issued.number;
    const artifacts = path.join(root, 'test-results/certificates');
    await mkdir(artifacts, { recursive: true });
    file = path.join(artifacts, 'self-check-report.pdf');
    await writeFile(file, getCertificate(core.vault.session().db, issued.certificateId)!.pdf);
  }, 60_000);

  it('is numbered as a self-check report, shown in the history, and issued once per run', async () => {
    expect(number).toMatch(/^E-20417-SC-2024-000001-[0-9A-HJKMNP-TV-Z]{6}$/);
    const { runs } = await core.handlers['selfCheck.history']({});
    expect(runs[0]?.certificateNumber).toBe(number);
    expect((await core.handlers['selfCheck.issueReport']({ id: runs[0]!.id })).number).toBe(number);
    expect((await core.handlers['certificates.list']({ kind: 'self-check' })).certificates).toHaveLength(1);
  });

  it('is signed as poppler sees it, with the Japanese title and verdicts on the page', async () => {
    const { stdout } = await exec('pdfsig', [file]).catch((error: unknown) => ({ stdout: (error as { stdout: string }).stdout }));
    expect(stdout).toMatch(/Signature Validation: Signature is Valid/);
    const text = (await exec('pdftotext', ['-layout', file, '-'])).stdout;
    expect(text).toContain('セキュリティ・セルフチェック報告書');
    expect(text).toContain('ファイアウォール');
    expect(text).toContain('不合格');
  });

  it('is genuine for `fieldguard verify` (exit 0), and a flipped byte makes it exit 1', async () => {
    const verify = (target: string) =>
      new Promise<number>((resolve) =>
        execFile(
          process.execPath,
          ['--import', 'tsx', 'electron/cli/index.ts', 'verify', target, '--trust-root', authority.rootFile],
          { cwd: root },
          (error) => resolve(error ? Number(error.code) : 0),
        ),
      );
    expect(await verify(file)).toBe(0);
    const bytes = getCertificate(
      core.vault.session().db,
      (await core.handlers['certificates.list']({ kind: 'self-check' })).certificates[0]!.id,
    )!.pdf;
    const tampered = Buffer.from(bytes);
    const at = tampered.indexOf('不合格') > 0 ? tampered.indexOf('不合格') : Math.floor(tampered.length / 3);
    tampered[at] = (tampered[at] ?? 0) ^ 0xff;
    const tamperedFile = file.replace('.pdf', '-tampered.pdf');
    await writeFile(tamperedFile, tampered);
    expect(await verify(tamperedFile)).toBe(1);
  }, 60_000);
});
