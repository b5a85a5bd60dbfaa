/**
 * The visit's sanitization step (10-5, issue 19) on a real vault, through the app's own IPC
 * router: it passes on a sanitization report issued during the visit — one issued from the
 * visit names it — but not on a report that names another visit, whose files went elsewhere.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VisitRun } from '../../electron/shared/visits';
import { invokeThroughRouter, type Invoke } from '../support/invoke';
import { clockFromRecording, HEALTHY_WINDOWS, recordedWindowsProbes } from '../support/recorded-windows-probes';
import { createTestCore, type TestCore } from '../support/test-core';
import { walkTo } from '../support/visit-walker';

let core: TestCore;
let invoke: Invoke;
let run: VisitRun;
const clock = clockFromRecording();

/** Sanitizes a new folder with one plain file and signs it off for the visit `reference`; returns the report's number. */
async function reportFor(reference: string): Promise<string> {
  const source = path.join(`${core.dataDir}-handover`, reference);
  await mkdir(source, { recursive: true });
  await writeFile(path.join(source, 'log.csv'), 'time,event\n2024-11-22T10:00,restart\n');
  core.dialogs.importSources = [source];
  await invoke('sanitize.addSources', { pick: 'folder' });
  core.dialogs.exportFolder = `${source}-out`;
  await invoke('sanitize.chooseOutput', {});
  const { id } = await invoke('sanitize.start', { jobId: crypto.randomUUID() });
  const recipient = { hospital: 'みなと台クリニック', department: '放射線科', administrator: '佐藤 一郎', reference };
  return (await invoke('sanitize.signOff', { id, reviewer: '', recipient })).number;
}

const sanitizationStep = (visit: VisitRun) => visit.steps.find((s) => s.stepId === 'sanitization');

beforeAll(async () => {
  core = await createTestCore({ now: clock, selfCheckProbes: recordedWindowsProbes(HEALTHY_WINDOWS) });
  // The engineer answers the main process's confirmation box yes (starting a visit asks it).
  core.dialogs.confirm = 'yes';
  await core.createVault();
  invoke = invokeThroughRouter(core.handlers, core.log);
  const site = await invoke('sites.save', {
    site: {
      name: 'みなと台クリニック',
      department: '放射線科',
      address: '',
      administrator: { name: '佐藤 一郎', title: 'システム管理者', phone: '', mail: '' },
      otherContacts: [],
      notes: '',
    },
  });
  const profile = await invoke('systems.defaultProfile', {});
  const system = await invoke('systems.save', {
    system: { siteId: site.id, product: 'NEOPREMIUM2', version: '2.4', serial: 'NP2-0417', hostName: 'IMG-SRV01', ...profile },
  });
  const account = await invoke('accounts.save', {
    systemId: system.id,
    userName: 'neo-maint',
    secret: 'Kx7#mP2-qR9/vT4?',
    vendorDefault: false,
  });
  const started = await invoke('visits.start', { templateId: 'maintenance-visit', siteId: site.id, systemId: system.id });
  run = await walkTo(core, started, 'sanitization', { accountId: account.id, now: clock() });
}, 120_000);
afterAll(async () => {
  await core.cleanup();
  await rm(`${core.dataDir}-handover`, { recursive: true, force: true });
});

describe('the visit’s sanitization step', () => {
  it('[10-5] does not pass on a report that names another visit, and passes on the one issued for this visit', async () => {
    expect(sanitizationStep(run)?.status).toBe('open');
    await reportFor('V-20241122-99');
    run = await invoke('visits.runCheck', { runId: run.id, stepId: 'sanitization' });
    expect(sanitizationStep(run)).toMatchObject({ status: 'open', check: { passed: false, reason: 'noReport' } });

    const number = await reportFor(run.reference);
    run = await invoke('visits.runCheck', { runId: run.id, stepId: 'sanitization' });
    expect(sanitizationStep(run)).toMatchObject({
      status: 'done',
      check: { passed: true, reason: 'issued', facts: { reports: [number] } },
    });
  }, 120_000);
});
