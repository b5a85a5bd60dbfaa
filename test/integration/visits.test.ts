/**
 * Guided procedures on a real vault, through the app's own IPC router: a whole on-site
 * maintenance visit at a clinic — readiness from a real self-check (a recorded healthy Windows
 * laptop), the administrator's permission signed, the dedicated maintenance account, scanned
 * media, remote access, the vendor-default password caught and changed, evidence imported into
 * the visit's vault folder, the visit data crypto-erased with a certificate — to the signed
 * report that `pdfsig` and `fieldguard verify` accept. Then what must not be possible: steps out
 * of order, required steps left open, unerased visit data, data erased without a certificate,
 * and changing a completed run. A restart resumes a run where it was; the decommissioning of a
 * server laid out like GUIDELINE.md §5 on a temporary folder tree; the incident response; the
 * dashboard's attention list; and the maintenance password appearing nowhere.
 */
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getCertificate } from '../../electron/core/certificates/certificate-store';
import { closedSteps, getRunRow } from '../../electron/core/visits/run-store';
import { issueVisitReport } from '../../electron/core/visits/visit-report';
import type { VisitRun } from '../../electron/shared/visits';
import type { MaintenanceAccount, Site, SiteSystem } from '../../electron/shared/sites';
import { errorCodeOf } from '../support/error-code';
import { invokeThroughRouter, type Invoke } from '../support/invoke';
import { doStep, importIntoVisit, plausibleValues, SIGNATURE_PNG, walkTo } from '../support/visit-walker';
import { HEALTHY_WINDOWS, RECORDED_AT, recordedWindowsProbes } from '../support/recorded-windows-probes';
import { enrollWithNewAuthority, type TestAuthority } from '../support/company-authority';
import { createTestCore, TEST_PASSWORD, type TestCore } from '../support/test-core';

const exec = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');
const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
/** The maintenance passwords: they must appear nowhere but where they were typed. */
const VENDOR_DEFAULT = 'neo-DEFAULT-vendor-5531';
const CHANGED = 'Xp4!visit-changed-Qe71';

let core: TestCore;
let authority: TestAuthority;
let invoke: Invoke;
let clock = new Date(RECORDED_AT.getTime() + HOUR);
const replies: unknown[] = [];

let site: Site;
let system: SiteSystem;
let account: MaintenanceAccount;
const context = () => ({ accountId: account.id, now: clock });
const stepOf = (run: VisitRun, id: string) => run.steps.find((s) => s.stepId === id)!;

async function startVisit(): Promise<VisitRun> {
  return invoke('visits.start', { templateId: 'maintenance-visit', siteId: site.id, systemId: system.id });
}

/** Erases a visit's vault folder through the Erasure screen's channels and issues the certificate. */
async function eraseVisitData(reference: string): Promise<string> {
  const { targets } = await invoke('erasure.addVaultCollection', { collection: reference });
  const files = targets.reduce((sum, t) => sum + t.files, 0);
  const summary = await invoke('erasure.start', {
    jobId: randomUUID(),
    method: 'random-verify',
    site: { hospital: site.name, department: site.department, administrator: site.administrator.name, reference },
    confirmation: String(files),
  });
  return (await invoke('erasure.issueCertificate', { erasureJobId: summary.erasureJobId, countersignature: SIGNATURE_PNG })).number;
}

beforeAll(async () => {
  core = await createTestCore({ now: () => clock, selfCheckProbes: recordedWindowsProbes(HEALTHY_WINDOWS) });
  // The engineer answers the main process's confirmation box yes (renderer-compromise.test.ts covers no).
  core.dialogs.confirm = 'yes';
  invoke = invokeThroughRouter(core.handlers, core.log, { onReply: (_channel, reply) => replies.push(reply) });
  await core.createVault();
  // Enrolled with the company authority, so its reports are genuine for whoever trusts the root.
  authority = await enrollWithNewAuthority(
    core.vault.session(),
    path.join(core.dataDir, '..', `${path.basename(core.dataDir)}-authority`),
    clock,
  );
  site = await invoke('sites.save', {
    site: {
      name: 'みなと台クリニック',
      department: '放射線科',
      address: '東京都港区',
      administrator: { name: '佐藤 一郎', title: 'システム管理者', phone: '03-0000-0000', mail: 'sato@example.jp' },
      otherContacts: [],
      notes: '',
    },
  });
  const profile = await invoke('systems.defaultProfile', {});
  system = await invoke('systems.save', {
    system: { siteId: site.id, product: 'NEOPREMIUM2', version: '2.4', serial: 'NP2-0417', hostName: 'IMG-SRV01', ...profile },
  });
  account = await invoke('accounts.save', { systemId: system.id, userName: 'neo-maint', secret: VENDOR_DEFAULT, vendorDefault: true });
}, 60_000);
afterAll(async () => {
  await core.cleanup();
});

describe('an on-site maintenance visit, from readiness to the countersigned report', () => {
  let run: VisitRun;
  let reportFile: string;

  it('starts at the readiness gate, numbered by the day in Japan, with its steps in the guideline’s order', async () => {
    run = await startVisit();
    expect(run.reference).toBe('V-20241122-01');
    expect(run.status).toBe('in-progress');
    expect(run.currentStepId).toBe('readiness');
    expect(run.template.steps.map((s) => s.id)).toEqual([
      'readiness',
      'purpose',
      'permission',
      'login',
      'mediaScan',
      'remoteAccess',
      'defaultPasswords',
      'workLog',
      'visitData',
      'sanitization',
      'logout',
      'visitDataErased',
      'handover',
      'countersignature',
    ]);
    expect(run.template.items).toEqual(expect.arrayContaining(['7-1', '7-2', '7-4', '7-12', '8-1', '8-5', '10-1', '10-3', '10-5']));
  });

  it('keeps the order: nothing after the gate can be done before it', async () => {
    const code = await errorCodeOf(() =>
      invoke('visits.completeStep', { runId: run.id, stepId: 'purpose', values: { purpose: '定期点検', plannedWork: 'ログ確認' } }),
    );
    expect(code).toBe('PROCEDURE_STEP_OUT_OF_ORDER');
  });

  it('does not pass the gate without a self-check, and passes it after a passing one', async () => {
    run = await invoke('visits.runCheck', { runId: run.id, stepId: 'readiness' });
    expect(stepOf(run, 'readiness')).toMatchObject({ status: 'open', check: { passed: false, reason: 'noRun' } });
    const selfCheck = await invoke('selfCheck.run', {});
    expect(selfCheck.overall).toBe('pass');
    run = await invoke('visits.runCheck', { runId: run.id, stepId: 'readiness' });
    expect(stepOf(run, 'readiness')).toMatchObject({
      status: 'done',
      check: { passed: true, reason: 'passed', facts: { selfCheckRunId: selfCheck.id } },
    });
    expect(run.currentStepId).toBe('purpose');
  });

  it('[10-3] refuses a record with a required field missing, and a "yes" that was not confirmed', async () => {
    expect(
      await errorCodeOf(() => invoke('visits.completeStep', { runId: run.id, stepId: 'purpose', values: { purpose: '定期点検' } })),
    ).toBe('PROCEDURE_STEP_INVALID');
    run = await invoke('visits.completeStep', {
      runId: run.id,
      stepId: 'purpose',
      values: { purpose: '定期点検', plannedWork: 'ログ確認とディスク容量の確認' },
    });
    const permission = {
      runId: run.id,
      stepId: 'permission',
      signer: { name: '佐藤 一郎', title: 'システム管理者' },
      signature: SIGNATURE_PNG,
    };
    // Data carried out needs to say what and why (7-1, 7-2); a signature step needs the signature.
    expect(await errorCodeOf(() => invoke('visits.completeStep', { ...permission, values: { carriesData: 'carries' } }))).toBe(
      'PROCEDURE_STEP_INVALID',
    );
    expect(
      await errorCodeOf(() => invoke('visits.completeStep', { runId: run.id, stepId: 'permission', values: { carriesData: 'none' } })),
    ).toBe('PROCEDURE_STEP_INVALID');
    run = await invoke('visits.completeStep', {
      ...permission,
      values: { carriesData: 'carries', dataDescription: '装置ログ 3 日分', dataPurpose: '障害解析' },
    });
    expect(stepOf(run, 'permission')).toMatchObject({ status: 'done', hasSignature: true, signer: { name: '佐藤 一郎' } });

    const login = { runId: run.id, stepId: 'login' };
    expect(
      await errorCodeOf(() =>
        invoke('visits.completeStep', {
          ...login,
          values: { account: randomUUID(), loggedInAt: clock.toISOString(), dedicatedAccount: true },
        }),
      ),
    ).toBe('PROCEDURE_STEP_INVALID');
    expect(
      await errorCodeOf(() =>
        invoke('visits.completeStep', {
          ...login,
          values: { account: account.id, loggedInAt: clock.toISOString(), dedicatedAccount: false },
        }),
      ),
    ).toBe('PROCEDURE_STEP_INVALID');
    run = await invoke('visits.completeStep', {
      ...login,
      values: { account: account.id, loggedInAt: '2024-11-22T11:05+09:00', dedicatedAccount: true },
    });
    expect(stepOf(run, 'login').values).toEqual({ account: account.id, loggedInAt: '2024-11-22T02:05:00.000Z', dedicatedAccount: true });
  });

  it('[7-12] asks for the channel and closing time of a remote access that was used (7-12)', async () => {
    run = await invoke('visits.completeStep', {
      runId: run.id,
      stepId: 'mediaScan',
      values: { media: 'USB メモリ FG-0012', scanTool: 'ClamAV 1.0', noMalwareFound: true },
    });
    const remote = { runId: run.id, stepId: 'remoteAccess' };
    expect(await errorCodeOf(() => invoke('visits.completeStep', { ...remote, values: { used: 'used' } }))).toBe('PROCEDURE_STEP_INVALID');
    run = await invoke('visits.completeStep', {
      ...remote,
      values: { used: 'used', channel: '施設管理の VPN（保守用）', closedAt: clock.toISOString() },
    });
    expect(stepOf(run, 'remoteAccess').status).toBe('done');
  });

  it('[8-5] finds the vendor-default password, and passes once it is changed (8-5); the check cannot be waved away', async () => {
    run = await invoke('visits.runCheck', { runId: run.id, stepId: 'defaultPasswords' });
    expect(stepOf(run, 'defaultPasswords')).toMatchObject({
      status: 'open',
      check: { passed: false, reason: 'vendorDefaults', facts: { vendorDefaults: 1 } },
    });
    expect(await errorCodeOf(() => invoke('visits.markNotApplicable', { runId: run.id, stepId: 'defaultPasswords', reason: '後で' }))).toBe(
      'PROCEDURE_STEP_NOT_APPLICABLE_REFUSED',
    );
    account = await invoke('accounts.save', {
      id: account.id,
      systemId: system.id,
      userName: 'neo-maint',
      secret: CHANGED,
      vendorDefault: false,
    });
    run = await invoke('visits.runCheck', { runId: run.id, stepId: 'defaultPasswords' });
    expect(stepOf(run, 'defaultPasswords')).toMatchObject({ status: 'done', check: { passed: true, reason: 'none' } });
  });

  it('attaches evidence only from the visit’s own vault folder', async () => {
    const elsewhere = await importIntoVisit(core, { ...run, reference: 'ほかの作業' }, 'other.txt');
    const screenshot = await importIntoVisit(core, run, 'ログ画面.png');
    const log = await importIntoVisit(core, run, 'system.log');
    expect(
      await errorCodeOf(() =>
        invoke('visits.completeStep', {
          runId: run.id,
          stepId: 'workLog',
          values: { work: 'ログ確認', result: '異常なし' },
          attachments: [elsewhere],
        }),
      ),
    ).toBe('PROCEDURE_EVIDENCE_NOT_IN_VISIT');
    run = await invoke('visits.completeStep', {
      runId: run.id,
      stepId: 'workLog',
      values: { work: 'ログ確認', result: '異常なし' },
      attachments: [screenshot],
    });
    run = await invoke('visits.completeStep', { runId: run.id, stepId: 'visitData', attachments: [log] });
    expect(stepOf(run, 'visitData').attachments).toEqual([
      expect.objectContaining({ name: 'system.log', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) }),
    ]);
    await invoke('vault.items.erase', { itemIds: [elsewhere] });
  });

  it('lets the engineer say why no files were handed over, then log out', async () => {
    run = await invoke('visits.markNotApplicable', { runId: run.id, stepId: 'sanitization', reason: '施設へ渡すファイルなし' });
    expect(stepOf(run, 'sanitization')).toMatchObject({ status: 'not-applicable', reason: '施設へ渡すファイルなし' });
    run = await invoke('visits.completeStep', {
      runId: run.id,
      stepId: 'logout',
      values: { loggedOutAt: clock.toISOString(), accountAfterwards: 'passwordChanged' },
    });
  });

  it('[10-1] cannot complete while the visit’s data is still in the vault (10-1)', async () => {
    run = await invoke('visits.runCheck', { runId: run.id, stepId: 'visitDataErased' });
    expect(stepOf(run, 'visitDataErased')).toMatchObject({
      status: 'open',
      check: { passed: false, reason: 'stillHeld', facts: { items: 2 } },
    });
    expect(await errorCodeOf(() => invoke('visits.complete', { runId: run.id }))).toBe('PROCEDURE_REQUIRED_STEPS_OPEN');
  });

  it('[10-1] passes once the data is crypto-erased with a certificate, naming it', async () => {
    const number = await eraseVisitData(run.reference);
    run = await invoke('visits.runCheck', { runId: run.id, stepId: 'visitDataErased' });
    expect(stepOf(run, 'visitDataErased')).toMatchObject({
      status: 'done',
      check: { passed: true, reason: 'erased', facts: { items: 2, certificates: [number] } },
    });
  });

  it('completes with the handover and the administrator’s countersignature, and issues the signed report', async () => {
    run = await invoke('visits.completeStep', { runId: run.id, stepId: 'handover', values: {} });
    expect(run.currentStepId).toBe('countersignature');
    run = await invoke('visits.completeStep', {
      runId: run.id,
      stepId: 'countersignature',
      values: {},
      signer: { name: '佐藤 一郎', title: 'システム管理者' },
      signature: SIGNATURE_PNG,
    });
    run = await invoke('visits.complete', { runId: run.id });
    expect(run).toMatchObject({
      status: 'completed',
      currentStepId: null,
      reportNumber: expect.stringMatching(/^E-20417-[A-Z]+-2024-000001-[0-9A-HJKMNP-TV-Z]{6}$/),
    });
    const certificate = getCertificate(core.vault.session().db, run.reportId!)!;
    expect(certificate.kind).toBe('visit');
    const artifacts = path.join(root, 'test-results/certificates');
    await mkdir(artifacts, { recursive: true });
    reportFile = path.join(artifacts, 'visit-report.pdf');
    await writeFile(reportFile, certificate.pdf);
  }, 60_000);

  it('is frozen once completed', async () => {
    expect(
      await errorCodeOf(() =>
        invoke('visits.completeStep', { runId: run.id, stepId: 'workLog', values: { work: '書き換え', result: '' } }),
      ),
    ).toBe('PROCEDURE_RUN_CLOSED');
    expect(await errorCodeOf(() => invoke('visits.abandon', { runId: run.id, reason: '誤り' }))).toBe('PROCEDURE_RUN_CLOSED');
    expect(() => core.vault.session().db.prepare("UPDATE procedure_steps SET reason = 'x' WHERE run_id = ?").run(run.id)).toThrow(
      /closed run/,
    );
  });

  it('has a report poppler calls signed, with the site, every step and the account by name only', async () => {
    const { stdout } = await exec('pdfsig', [reportFile]).catch((error: unknown) => ({ stdout: (error as { stdout: string }).stdout }));
    expect(stdout).toMatch(/Signature Validation: Signature is Valid/);
    const text = (await exec('pdftotext', ['-layout', reportFile, '-'])).stdout;
    for (const expected of [
      'オンサイト保守作業 報告書',
      'みなと台クリニック',
      'V-20241122-01',
      '専用保守アカウント',
      'neo-maint',
      '施設管理の',
      '施設へ渡すファイルなし',
      'system.log',
    ]) {
      expect(text).toContain(expected);
    }
    const evidence = JSON.parse(getCertificate(core.vault.session().db, run.reportId!)!.evidenceJson) as {
      payload: {
        facts: { procedure: { steps: Array<{ stepId: string; values: Record<string, unknown>; signatureSha256: string | null }> } };
      };
    };
    const steps = evidence.payload.facts.procedure.steps;
    expect(steps.find((s) => s.stepId === 'login')?.values.account).toBe('neo-maint');
    expect(steps.find((s) => s.stepId === 'countersignature')?.signatureSha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('is genuine for `fieldguard verify`, and a flipped byte is caught', async () => {
    const verify = (target: string) =>
      new Promise<number>((resolve) =>
        execFile(
          process.execPath,
          ['--import', 'tsx', 'electron/cli/index.ts', 'verify', target, '--trust-root', authority.rootFile],
          { cwd: root },
          (error) => resolve(error ? Number(error.code) : 0),
        ),
      );
    expect(await verify(reportFile)).toBe(0);
    const tampered = Buffer.from(getCertificate(core.vault.session().db, run.reportId!)!.pdf);
    const at = Math.floor(tampered.length / 3);
    tampered[at] = (tampered[at] ?? 0) ^ 0xff;
    await writeFile(reportFile.replace('.pdf', '-tampered.pdf'), tampered);
    expect(await verify(reportFile.replace('.pdf', '-tampered.pdf'))).toBe(1);
  }, 60_000);

  it('audits every step with its time, and never what was typed into it', async () => {
    const { entries } = await invoke('audit.list', {
      types: ['procedure.started', 'procedure.step-closed', 'procedure.checked', 'procedure.completed'],
      limit: 1000,
    });
    const closed = entries.filter((e) => e.type === 'procedure.step-closed' && e.details.runId === run.id).map((e) => e.details.stepId);
    // Automatic steps are audited as checks; one marked not applicable is closed by the engineer.
    expect(new Set(closed)).toEqual(
      new Set([...run.template.steps.filter((s) => s.kind !== 'automatic').map((s) => s.id), 'sanitization']),
    );
    expect(entries.every((e) => /^\d{4}-\d\d-\d\dT/.test(e.time))).toBe(true);
    expect(JSON.stringify(entries)).not.toContain('障害解析');
  });
});

describe('what the engine will not let through', () => {
  it('re-checks automatic steps at completion: data imported after the check passed blocks it', async () => {
    clock = new Date(clock.getTime() + HOUR);
    let run = await startVisit();
    run = await walkTo(core, run, 'visitDataErased', context());
    run = await invoke('visits.runCheck', { runId: run.id, stepId: 'visitDataErased' });
    expect(stepOf(run, 'visitDataErased').check).toMatchObject({ passed: false, reason: 'stillHeld' });
    // Erased without a certificate: the guideline wants proof, so the step can never pass this way.
    const held = await invoke('vault.items.list', { collection: run.reference });
    await invoke('vault.items.erase', { itemIds: held.items.map((i) => i.id) });
    run = await invoke('visits.runCheck', { runId: run.id, stepId: 'visitDataErased' });
    expect(stepOf(run, 'visitDataErased').check).toMatchObject({ passed: false, reason: 'erasedWithoutCertificate' });
    await invoke('visits.abandon', { runId: run.id, reason: '証明書なしで消去したため、やり直し' });

    run = await startVisit();
    run = await walkTo(core, run, 'visitData', context());
    run = await invoke('visits.markNotApplicable', { runId: run.id, stepId: 'sanitization', reason: '渡すファイルなし' });
    run = await walkTo(core, run, 'handover', context(), { skip: ['visitData'] });
    expect(stepOf(run, 'visitDataErased').check).toMatchObject({ passed: true, reason: 'nothingImported' });
    run = await walkTo(core, run, null, context(), { skip: ['visitData'] });
    await importIntoVisit(core, run, '後から取り込んだ.dcm');
    expect(await errorCodeOf(() => invoke('visits.complete', { runId: run.id }))).toBe('PROCEDURE_CHECK_FAILED');
    run = await invoke('visits.get', { runId: run.id });
    expect(stepOf(run, 'visitDataErased')).toMatchObject({ status: 'open', check: { reason: 'stillHeld' } });
    await eraseVisitData(run.reference);
    run = await invoke('visits.runCheck', { runId: run.id, stepId: 'visitDataErased' });
    expect((await invoke('visits.complete', { runId: run.id })).status).toBe('completed');
  }, 120_000);

  it('[7-4] records an override of the readiness gate with its reason, for the report (7-4)', async () => {
    clock = new Date(clock.getTime() + 2 * DAY);
    let run = await startVisit();
    run = await invoke('visits.runCheck', { runId: run.id, stepId: 'readiness' });
    expect(stepOf(run, 'readiness').check).toMatchObject({ passed: false, reason: 'stale' });
    run = await invoke('visits.overrideReadiness', {
      runId: run.id,
      stepId: 'readiness',
      reason: '施設の回線が不調のため定義ファイルの更新を待てず、責任者の了承済み',
    });
    expect(stepOf(run, 'readiness')).toMatchObject({
      status: 'done',
      overrideId: expect.any(String),
      reason: expect.stringContaining('責任者の了承済み'),
    });
    run = await walkTo(core, run, 'visitData', context());
    run = await invoke('visits.markNotApplicable', { runId: run.id, stepId: 'sanitization', reason: 'なし' });
    run = await walkTo(core, run, null, context(), { skip: ['visitData'] });
    expect(run.currentStepId).toBeNull();
    run = await invoke('visits.complete', { runId: run.id });
    const evidence = JSON.parse(getCertificate(core.vault.session().db, run.reportId!)!.evidenceJson) as {
      payload: { facts: { procedure: { steps: Array<{ stepId: string; override: { reason: string } | null }> } } };
    };
    expect(evidence.payload.facts.procedure.steps[0]?.override?.reason).toContain('責任者の了承済み');
  }, 120_000);

  it('[7-1][7-2] takes data into a visit’s vault folder only after the permission is signed, and none after it is closed (7-2)', async () => {
    let run = await startVisit();
    expect(await errorCodeOf(() => importIntoVisit(core, run, 'too-early.dcm'))).toBe('PROCEDURE_PERMISSION_REQUIRED');
    run = await walkTo(core, run, 'login', context());
    await importIntoVisit(core, run, 'permitted.dcm');
    await invoke('visits.abandon', { runId: run.id, reason: '確認のみ' });
    expect(await errorCodeOf(() => importIntoVisit(core, run, 'too-late.dcm'))).toBe('PROCEDURE_RUN_CLOSED');
    await eraseVisitData(run.reference);
  }, 60_000);

  it('refuses to start a visit without a system, or with another site’s system', async () => {
    expect(await errorCodeOf(() => invoke('visits.start', { templateId: 'maintenance-visit', siteId: site.id, systemId: null }))).toBe(
      'PROCEDURE_SYSTEM_REQUIRED',
    );
    const other = await invoke('sites.save', { site: { ...site, id: undefined, name: '別の病院' } });
    const otherSystem = await invoke('systems.save', { system: { ...system, id: undefined, siteId: other.id } });
    expect(
      await errorCodeOf(() => invoke('visits.start', { templateId: 'maintenance-visit', siteId: site.id, systemId: otherSystem.id })),
    ).toBe('SYSTEM_NOT_FOUND');
  });
});

describe('a stop between the report and the end of the run', () => {
  it('completes with the report already issued, not a second number', async () => {
    let run = await startVisit();
    run = await walkTo(core, run, 'visitData', context());
    run = await invoke('visits.markNotApplicable', { runId: run.id, stepId: 'sanitization', reason: 'なし' });
    run = await walkTo(core, run, null, context(), { skip: ['visitData'] });
    const session = core.vault.session();
    const row = getRunRow(session.db, run.id)!;
    // What completing had done when the app stopped: the report signed and stored, the run still open.
    const issued = await issueVisitReport(
      session,
      { run: row, template: run.template, site, system, steps: closedSteps(session.db, run.id) },
      clock,
    );
    run = await invoke('visits.complete', { runId: run.id });
    expect(run).toMatchObject({ status: 'completed', reportId: issued.id, reportNumber: issued.number });
    const reports = (await invoke('certificates.list', { kind: 'visit' })).certificates.filter((c) => c.id === issued.id);
    expect(reports).toHaveLength(1);
  }, 60_000);
});

describe('a restart', () => {
  it('resumes a run where it was left', async () => {
    let run = await startVisit();
    run = await walkTo(core, run, 'login', context());
    const before = run.steps.map((s) => s.status);
    core.vault.lock('shutdown');
    const again = await createTestCore(
      { now: () => clock, selfCheckProbes: recordedWindowsProbes(HEALTHY_WINDOWS) },
      { dataDir: core.dataDir, keychainService: core.keychainService },
    );
    await again.handlers['vault.unlock']({ password: TEST_PASSWORD });
    const resumed = await again.handlers['visits.get']({ runId: run.id });
    expect(resumed.steps.map((s) => s.status)).toEqual(before);
    expect(resumed.currentStepId).toBe('login');
    expect((await again.handlers['visits.list']({ status: 'in-progress' })).runs.map((r) => r.id)).toContain(run.id);
    const next = await again.handlers['visits.completeStep']({
      runId: run.id,
      stepId: 'login',
      values: plausibleValues(run.template.steps[3]!, context()),
    });
    expect(next.currentStepId).toBe('mediaScan');
    again.vault.lock('shutdown');
    await invoke('vault.unlock', { password: TEST_PASSWORD });
    await invoke('visits.abandon', { runId: run.id, reason: '再起動の確認のみ' });
  }, 60_000);
});

describe('decommissioning a server laid out like the vendor’s standard imaging server', () => {
  const serverRoot = () => path.join(`${core.dataDir}-server`);
  const folderOf = (location: string) =>
    path.join(
      serverRoot(),
      ...location
        .replace('<version>', '16')
        .replace(/^([A-Z]):/, '$1')
        .split('\\'),
    );

  beforeAll(async () => {
    for (const location of system.dataLocations) {
      await mkdir(folderOf(location.path), { recursive: true });
      await writeFile(path.join(folderOf(location.path), 'PT0001_山田.dcm'), Buffer.alloc(64 * 1024, 7));
    }
  });

  it('[E.3 b][10-1] does not pass the erasure step until every data location is erased with a certificate', async () => {
    let run = await invoke('visits.start', { templateId: 'decommissioning', siteId: site.id, systemId: system.id });
    run = await walkTo(core, run, 'dataLocationsErased', context());

    const [first, ...rest] = system.dataLocations;
    core.dialogs.importSources = [folderOf(first!.path)];
    await invoke('erasure.addTargets', { pick: 'folder' });
    await invoke('erasure.issueCertificate', {
      erasureJobId: (
        await invoke('erasure.start', {
          jobId: randomUUID(),
          method: 'random-verify',
          site: { hospital: site.name, department: '', administrator: '', reference: run.reference },
          confirmation: '1',
        })
      ).erasureJobId,
      countersignature: null,
    });
    run = await invoke('visits.runCheck', { runId: run.id, stepId: 'dataLocationsErased' });
    expect(stepOf(run, 'dataLocationsErased').check).toMatchObject({
      passed: false,
      reason: 'locationsLeft',
      facts: { missing: rest.map((l) => l.path) },
    });

    core.dialogs.importSources = rest.map((l) => folderOf(l.path));
    await invoke('erasure.addTargets', { pick: 'folder' });
    const summary = await invoke('erasure.start', {
      jobId: randomUUID(),
      method: 'random-verify',
      site: { hospital: site.name, department: '', administrator: '', reference: run.reference },
      confirmation: String(rest.length),
    });
    const { number } = await invoke('erasure.issueCertificate', { erasureJobId: summary.erasureJobId, countersignature: null });
    run = await invoke('visits.runCheck', { runId: run.id, stepId: 'dataLocationsErased' });
    expect(stepOf(run, 'dataLocationsErased')).toMatchObject({
      status: 'done',
      check: { passed: true, facts: { locations: 8, certificates: expect.arrayContaining([number]) } },
    });

    run = await walkTo(core, run, null, context());
    run = await invoke('visits.complete', { runId: run.id });
    expect(run.status).toBe('completed');
    const reportFile = path.join(root, 'test-results/certificates/decommissioning-report.pdf');
    await writeFile(reportFile, getCertificate(core.vault.session().db, run.reportId!)!.pdf);
    const text = (await exec('pdftotext', ['-layout', reportFile, '-'])).stdout;
    expect(text).toContain('装置の廃棄（使用終了） 報告書');
    expect(text).toContain(number);
  }, 120_000);
});

describe('incident response (18-1)', () => {
  it('[18-1] needs the incident recorded, allows the other actions to be marked not applicable, and is signed', async () => {
    let run = await invoke('visits.start', { templateId: 'incident-response', siteId: site.id, systemId: null });
    expect(run.reference).toMatch(/^I-\d{8}-01$/);
    expect(await errorCodeOf(() => invoke('visits.complete', { runId: run.id }))).toBe('PROCEDURE_REQUIRED_STEPS_OPEN');
    expect(await errorCodeOf(() => invoke('visits.markNotApplicable', { runId: run.id, stepId: 'detected', reason: 'x' }))).toBe(
      'PROCEDURE_STEP_NOT_APPLICABLE_REFUSED',
    );
    run = await doStep(core, run, 'detected', context());
    expect(await errorCodeOf(() => invoke('visits.markNotApplicable', { runId: run.id, stepId: 'restore', reason: 'x' }))).toBe(
      'PROCEDURE_STEP_OUT_OF_ORDER',
    );
    run = await walkTo(core, run, 'restore', context());
    run = await invoke('visits.markNotApplicable', { runId: run.id, stepId: 'restore', reason: 'ファイルの被害なし' });
    // Signed by hand on the printed report (no pointer at hand): either that or a drawn signature, never both or neither.
    const sign = { runId: run.id, stepId: 'countersignature', values: {}, signer: { name: '佐藤 一郎', title: 'システム管理者' } };
    expect(await errorCodeOf(() => invoke('visits.completeStep', sign))).toBe('PROCEDURE_STEP_INVALID');
    expect(await errorCodeOf(() => invoke('visits.completeStep', { ...sign, signature: SIGNATURE_PNG, signedOnPaper: true }))).toBe(
      'PROCEDURE_STEP_INVALID',
    );
    run = await invoke('visits.completeStep', { ...sign, signedOnPaper: true });
    expect(stepOf(run, 'countersignature')).toMatchObject({
      status: 'done',
      hasSignature: false,
      signedOnPaper: true,
      signer: { name: '佐藤 一郎' },
    });
    run = await invoke('visits.complete', { runId: run.id });
    expect(run.steps.find((s) => s.stepId === 'restore')?.status).toBe('not-applicable');
    const pdf = path.join(root, 'test-results/certificates/incident-report.pdf');
    await writeFile(pdf, getCertificate(core.vault.session().db, run.reportId!)!.pdf);
    const text = (await exec('pdftotext', ['-layout', pdf, '-'])).stdout;
    expect(text).toContain('インシデント対応 報告書');
    expect(text).toContain('印刷した報告書に直筆');
  }, 60_000);
});

describe('a medium lost during a visit (7-7, 18-1)', () => {
  it('[18-1][12-3] starts the incident response at the visit’s site; one lost from the store starts nothing', async () => {
    const visit = await startVisit();
    const medium = (label: string) =>
      invoke('ledger.save', {
        item: {
          label,
          type: 'usb-memory',
          make: 'SanDisk',
          model: 'Ultra',
          serial: `SN-${label}`,
          capacityBytes: 32_000_000_000,
          encryption: 'hardware',
          owner: '山田 太郎',
          storageLocation: '保管庫A',
          purchaseDate: null,
          warrantyEnd: null,
          notes: '',
        },
      });
    const out = await medium('FG-LOST-1');
    const inStore = await medium('FG-LOST-2');
    const tomorrow = new Date(clock.getTime() + DAY).toISOString().slice(0, 10);
    await invoke('ledger.checkOut', {
      itemId: out.id,
      custodian: '山田 太郎',
      purpose: 'ログ回収',
      visitId: visit.id,
      visitReference: visit.reference,
      expectedReturnDate: tomorrow,
      carriesSiteData: false,
    });
    const lost = await invoke('ledger.markLost', { itemId: out.id, note: '駐車場で紛失に気づいた' });
    expect(lost.status).toBe('lost');
    const incident = await invoke('visits.get', { runId: lost.incidentRunId! });
    expect(incident).toMatchObject({ templateId: 'incident-response', siteId: site.id, status: 'in-progress', currentStepId: 'detected' });
    const { entries } = await invoke('audit.list', { types: ['procedure.started'], limit: 1 });
    expect(entries[0]?.details).toMatchObject({
      runId: incident.id,
      cause: 'medium-lost',
      ledgerItemId: out.id,
      visitReference: visit.reference,
    });
    expect((await invoke('ledger.markLost', { itemId: inStore.id, note: '' })).incidentRunId).toBeNull();
    await invoke('visits.abandon', { runId: incident.id, reason: '確認のみ' });
    await invoke('visits.abandon', { runId: visit.id, reason: '確認のみ' });
  });
});

describe('the dashboard', () => {
  it('lists visits in progress and visit data held, red after the configured number of days', async () => {
    const run = await walkTo(core, await startVisit(), 'login', context());
    await importIntoVisit(core, run, 'held.dcm');
    let attention = await invoke('visits.attention', {});
    expect(attention.warnAfterDays).toBe(7);
    expect(attention.inProgress.map((r) => r.reference)).toContain(run.reference);
    expect(attention.heldData.find((h) => h.collection === run.reference)).toMatchObject({
      items: 1,
      days: 0,
      overdue: false,
      runId: run.id,
    });
    clock = new Date(clock.getTime() + 8 * DAY);
    attention = await invoke('visits.attention', {});
    expect(attention.heldData.find((h) => h.collection === run.reference)).toMatchObject({ days: 8, overdue: true });
    await invoke('visits.setHeldDataWarnDays', { days: 10 });
    attention = await invoke('visits.attention', {});
    expect(attention.heldData.find((h) => h.collection === run.reference)).toMatchObject({ days: 8, overdue: false });
  });
});

describe('the maintenance password', () => {
  it('[14-2] appears in no log line, audit entry, reply or report', async () => {
    const { entries } = await invoke('audit.list', { limit: 1000 });
    const reports = (await invoke('certificates.list', { kind: 'visit' })).certificates.map((c) =>
      getCertificate(core.vault.session().db, c.id)!,
    );
    const haystacks = [
      core.logLines.join('\n'),
      await readFile(core.logFile, 'utf8'),
      JSON.stringify(entries),
      JSON.stringify(replies),
      ...reports.map((r) => r.evidenceJson),
      ...reports.map((r) => r.pdf.toString('latin1')),
    ];
    for (const secret of [VENDOR_DEFAULT, CHANGED]) for (const haystack of haystacks) expect(haystack).not.toContain(secret);
  });
});

describe('the records keep their site', () => {
  it('refuses to remove a site or system that has procedure runs', async () => {
    const lone = await invoke('sites.save', { site: { ...site, id: undefined, name: '事故のあった診療所' } });
    await invoke('visits.start', { templateId: 'incident-response', siteId: lone.id, systemId: null });
    expect(await errorCodeOf(() => invoke('sites.remove', { id: lone.id }))).toBe('SITE_HAS_PROCEDURES');
    const { accounts } = await invoke('accounts.list', { systemId: system.id });
    for (const a of accounts) await invoke('accounts.remove', { id: a.id });
    expect(await errorCodeOf(() => invoke('systems.remove', { id: system.id }))).toBe('SYSTEM_HAS_PROCEDURES');
  });
});
