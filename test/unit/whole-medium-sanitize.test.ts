/**
 * The device's own sanitize as a whole-medium technique, end to end on recorded outputs of
 * nvme-cli and hdparm (test/fixtures/sanitize, each naming its source) replayed by a fake
 * command runner — no real NVMe or SATA device exists here. Checked as an auditor would: the
 * journal says which technique and what the device's log said; the certificate grades Purge
 * only for a sanitize the device's log says completed; a failed or unconfirmed one is not
 * erased; a technique the device does not offer now (frozen ATA) is refused before any job is
 * journaled; and a job resumed after a crash mid-sanitize reads the log instead of sending the
 * command again.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VaultDatabase } from '../../electron/db/open-vault-database';
import { scratchVaultDatabase, type ScratchDatabase } from '../support/scratch-database';
import {
  endRun,
  finishJob,
  listJobItems,
  listJobs,
  startRun,
  updateItem,
  type ErasureItem,
} from '../../electron/core/erasure/erasure-journal';
import type { EntryRun } from '../../electron/core/erasure/erase-entry';
import { erasureEvidence } from '../../electron/core/erasure/erasure-evidence';
import { erasureCertificateDocument } from '../../electron/core/erasure/erasure-certificate';
import type { DeviceFacts } from '../../electron/core/erasure/medium';
import { createIoBuffers } from '../../electron/core/erasure/overwrite-file';
import { eraseDeviceEntry, type DeviceEngineDeps } from '../../electron/core/erasure/whole-medium/erase-device-entry';
import { deviceErasedIn } from '../../electron/core/erasure/whole-medium/device-certificate-sections';
import {
  planWholeMediumErasure,
  SanitizeUnavailableError,
  type WholeMediumTechnique,
} from '../../electron/core/erasure/whole-medium/plan-whole-medium-erasure';
import type { RunCommand } from '../../electron/platform/sanitize/run-device-sanitize';
import type { CommandOutcome } from '../../electron/platform/self-check/run-probe-command';
import { scripted } from '../support/scripted-commands';
import { errorCodeOf } from '../support/error-code';

const FIXTURES = path.join(import.meta.dirname, '../fixtures/sanitize');

/** A fixture without its "# Source:" header line. */
function fixture(name: string): string {
  const text = readFileSync(path.join(FIXTURES, name), 'utf8');
  return text.slice(text.indexOf('\n') + 1);
}

const ok = (name: string): CommandOutcome => ({ ok: true, stdout: fixture(name), stderr: '', exitCode: 0 });

const NVME: DeviceFacts = {
  path: '/dev/nvme0n1',
  vendor: 'Test',
  model: 'NVMe SSD',
  serial: 'NVME0000ABCD',
  sizeBytes: 256 * 1024 ** 3,
  transport: 'nvme',
  rotational: false,
  removable: true,
  logicalSectorBytes: 512,
  holdsSystem: false,
  backingFile: null,
  source: 'test',
};
const SATA: DeviceFacts = { ...NVME, path: '/dev/sdc', model: 'SATA SSD', serial: 'SATA0000EFGH', transport: 'sata' };

let scratch: ScratchDatabase;
let db: VaultDatabase;
beforeAll(async () => {
  scratch = await scratchVaultDatabase('fieldguard-sanitize-');
  ({ db } = scratch);
});
afterAll(() => scratch.close());

const noRelease = async () => [] as string[];
const noWait = async () => undefined;

async function plan(device: DeviceFacts, technique: WholeMediumTechnique, run: RunCommand): Promise<{ jobId: string; item: ErasureItem }> {
  const { jobId } = await planWholeMediumErasure(db, device, {
    confirmation: device.serial?.slice(-4) ?? '',
    release: noRelease,
    technique,
    runSanitizeCommand: run,
    platform: 'linux',
  });
  const [item] = listJobItems(db, jobId);
  if (!item) throw new Error('no item planned');
  return { jobId, item };
}

function runOf(jobId: string): EntryRun {
  return {
    db,
    jobId,
    method: 'random-verify',
    key: randomBytes(32),
    buffers: createIoBuffers(),
    onBytes: () => undefined,
    blockBytes: async () => 4096,
  };
}

function depsFor(device: DeviceFacts, run: RunCommand): DeviceEngineDeps {
  return {
    identify: async (p) => (p === device.path ? device : null),
    release: noRelease,
    open: async () => Promise.reject(new Error('a sanitize never opens the device for writing')),
    runSanitizeCommand: run,
    sleep: noWait,
    platform: 'linux',
  };
}

/** The certificate's rows, as English label and printed value. */
type Rows = ReadonlyArray<{ readonly en: string; readonly value: string }>;

/** Runs the device item as the job runner would, and ends the job; returns the certificate's rows. */
async function runToCertificate(jobId: string, item: ErasureItem, deps: DeviceEngineDeps): Promise<{ text: Rows; erased: boolean }> {
  startRun(db, jobId, 'cli');
  await eraseDeviceEntry(runOf(jobId), item, deps);
  endRun(db, jobId, 'completed');
  finishJob(db, jobId, 'completed');
  const evidence = erasureEvidence(db, jobId, { toolVersion: 'test' });
  const site = { hospital: '東都病院', department: '', administrator: '', reference: '' };
  const document = erasureCertificateDocument(
    { files: evidence, vault: [], toolVersion: 'test' },
    site,
    { name: '山田 太郎', company: '東都', employeeId: 'E-1', title: '' },
    'laptop',
    'N-1',
    new Date('2026-12-01T00:00:00Z'),
    null,
  );
  const text = document.sections.flatMap((s) => (s.rows ?? []).map((r) => ({ en: r.label.en, value: r.value })));
  return { text, erased: deviceErasedIn(evidence) };
}

/** The value of the certificate's first row with this English label. */
function row(rows: Rows, en: string): string {
  const found = rows.find((r) => r.en === en);
  expect(found, `a row "${en}"`).toBeDefined();
  return found?.value ?? '';
}

describe('planning a device sanitize', () => {
  it('records the technique on the device item, and nothing (overwrite) by default', async () => {
    const { item } = await plan(
      NVME,
      'sanitize-crypto',
      scripted([['nvme id-ctrl /dev/nvme0n1', ok('nvme-id-ctrl-crypto-block.txt')]]).run,
    );
    expect(item.sanitize).toEqual({ technique: 'sanitize-crypto', result: null });
    expect(item.startedAt).toBeNull();
    const { item: overwrite } = await plan(NVME, 'overwrite', scripted([]).run);
    expect(overwrite.sanitize).toBeNull();
  });

  it('refuses a frozen SATA drive’s sanitize before any job is journaled, saying it is frozen', async () => {
    const before = listJobs(db).length;
    const { run } = scripted([['hdparm -I /dev/sdc', ok('hdparm-I-sata-ssd-frozen.txt')]]);
    let error: unknown;
    await plan(SATA, 'sanitize-block', run).catch((e: unknown) => (error = e));
    expect(error).toBeInstanceOf(SanitizeUnavailableError);
    expect((error as SanitizeUnavailableError).reason).toBe('frozen');
    expect(await errorCodeOf(() => plan(SATA, 'sanitize-crypto', scripted([['hdparm -I', ok('hdparm-I-sata-ssd-frozen.txt')]]).run))).toBe(
      'ERASURE_DEVICE_SANITIZE_UNAVAILABLE',
    );
    expect(listJobs(db).length).toBe(before);
  });

  it('refuses a technique an NVMe controller does not report', async () => {
    expect(
      await errorCodeOf(() => plan(NVME, 'sanitize-crypto', scripted([['nvme id-ctrl', ok('nvme-id-ctrl-no-sanitize.txt')]]).run)),
    ).toBe('ERASURE_DEVICE_SANITIZE_UNAVAILABLE');
  });
});

describe('running a device sanitize', () => {
  it('an NVMe crypto erase the log says completed: journaled, verified, erased, and graded Purge on the certificate', async () => {
    const { jobId, item } = await plan(NVME, 'sanitize-crypto', scripted([['nvme id-ctrl', ok('nvme-id-ctrl-crypto-block.txt')]]).run);
    const { run, asked } = scripted([
      ['nvme id-ctrl /dev/nvme0n1', ok('nvme-id-ctrl-crypto-block.txt')],
      ['nvme sanitize-log /dev/nvme0', ok('nvme-sanitize-log-never.txt')],
      ['nvme sanitize /dev/nvme0 --sanact=4', ok('nvme-sanitize-log-never.txt')],
      // SANACT 4 (crypto erase), completed: the log changed since before the command.
      ['nvme sanitize-log /dev/nvme0', ok('nvme-sanitize-log-1x-numeric.txt')],
    ]);
    const { text, erased } = await runToCertificate(jobId, item, depsFor(NVME, run));
    expect(asked.filter((line) => line.includes('--sanact='))).toEqual(['nvme sanitize /dev/nvme0 --sanact=4']);
    const [after] = listJobItems(db, jobId);
    expect(after).toMatchObject({
      state: 'verified',
      exceptionCode: null,
      sanitize: { technique: 'sanitize-crypto', result: { outcome: 'completed', tool: 'nvme' } },
    });
    expect(erased).toBe(true);
    expect(row(text, 'Category')).toContain('Purge');
    expect(row(text, 'Technique')).toContain('crypto erase');
    expect(row(text, 'Result')).toContain('Erased (the device’s sanitize completed)');
    expect(row(text, 'Commands run')).toContain('nvme sanitize /dev/nvme0 --sanact=4');
  });

  it('a sanitize the device reports failed: an exception, not erased, never Purge', async () => {
    const { jobId, item } = await plan(NVME, 'sanitize-block', scripted([['nvme id-ctrl', ok('nvme-id-ctrl-crypto-block.txt')]]).run);
    const { run } = scripted([
      ['nvme id-ctrl', ok('nvme-id-ctrl-crypto-block.txt')],
      ['nvme sanitize-log', ok('nvme-sanitize-log-never.txt')],
      ['nvme sanitize /dev/nvme0 --sanact=2', ok('nvme-sanitize-log-never.txt')],
      ['nvme sanitize-log', ok('nvme-sanitize-log-failed.txt')],
    ]);
    const { text, erased } = await runToCertificate(jobId, item, depsFor(NVME, run));
    expect(listJobItems(db, jobId)[0]).toMatchObject({
      state: 'exception',
      exceptionCode: 'SANITIZE_NOT_COMPLETED',
      sanitize: { result: { outcome: 'failed' } },
    });
    expect(erased).toBe(false);
    expect(row(text, 'Category')).not.toContain('Purge');
    expect(row(text, 'Result')).toContain('Not erased');
  });

  it('a log that never moved after the command (it may describe an earlier sanitize): unconfirmed, not erased, never Purge', async () => {
    const { jobId, item } = await plan(NVME, 'sanitize-block', scripted([['nvme id-ctrl', ok('nvme-id-ctrl-crypto-block.txt')]]).run);
    const { run } = scripted([
      ['nvme id-ctrl', ok('nvme-id-ctrl-crypto-block.txt')],
      ['nvme sanitize-log', ok('nvme-sanitize-log-completed.txt')],
      ['nvme sanitize /dev/nvme0 --sanact=2', ok('nvme-sanitize-log-never.txt')],
      ['nvme sanitize-log', ok('nvme-sanitize-log-completed.txt')],
    ]);
    const { text, erased } = await runToCertificate(jobId, item, depsFor(NVME, run));
    expect(listJobItems(db, jobId)[0]).toMatchObject({ state: 'exception', sanitize: { result: { outcome: 'unconfirmed' } } });
    expect(erased).toBe(false);
    expect(row(text, 'Category')).not.toContain('Purge');
  });

  it('journals the technique and the start before the command is sent', async () => {
    const { jobId, item } = await plan(NVME, 'sanitize-block', scripted([['nvme id-ctrl', ok('nvme-id-ctrl-crypto-block.txt')]]).run);
    let seenAtSend: ErasureItem | undefined;
    const inner = scripted([
      ['nvme id-ctrl', ok('nvme-id-ctrl-crypto-block.txt')],
      ['nvme sanitize-log', ok('nvme-sanitize-log-never.txt')],
      ['nvme sanitize /dev/nvme0 --sanact=2', ok('nvme-sanitize-log-never.txt')],
      ['nvme sanitize-log', ok('nvme-sanitize-log-in-progress.txt')],
      ['nvme sanitize-log', ok('nvme-sanitize-log-completed.txt')],
    ]);
    const run: RunCommand = async (file, args) => {
      if (args.some((a) => a.startsWith('--sanact='))) seenAtSend = listJobItems(db, jobId)[0];
      return inner.run(file, args);
    };
    await runToCertificate(jobId, item, depsFor(NVME, run));
    expect(seenAtSend?.startedAt).not.toBeNull();
    expect(seenAtSend?.sanitize).toEqual({ technique: 'sanitize-block', result: null });
    expect(listJobItems(db, jobId)[0]).toMatchObject({ state: 'verified', sanitize: { result: { outcome: 'completed' } } });
  });
});

describe('resuming after a crash mid-sanitize', () => {
  /** A job whose run journaled the start of the sanitize and then died (no result). */
  async function crashedMidSanitize(
    device: DeviceFacts,
    technique: 'sanitize-crypto' | 'sanitize-block',
    idCtrl: [string, CommandOutcome],
  ): Promise<{ jobId: string; item: ErasureItem }> {
    const { jobId, item } = await plan(device, technique, scripted([idCtrl]).run);
    startRun(db, jobId, 'cli');
    updateItem(db, jobId, item.seq, { startedAt: new Date().toISOString(), sanitize: { technique, result: null } });
    const [crashed] = listJobItems(db, jobId);
    if (!crashed) throw new Error('no item');
    return { jobId, item: crashed };
  }

  it('follows the NVMe sanitize still in progress to its end without sending it again: completed, Purge', async () => {
    const { jobId, item } = await crashedMidSanitize(NVME, 'sanitize-block', ['nvme id-ctrl', ok('nvme-id-ctrl-crypto-block.txt')]);
    const { run, asked } = scripted([
      ['nvme sanitize-log /dev/nvme0', ok('nvme-sanitize-log-in-progress.txt')],
      ['nvme sanitize-log /dev/nvme0', ok('nvme-sanitize-log-completed.txt')],
    ]);
    const { text, erased } = await runToCertificate(jobId, item, depsFor(NVME, run));
    expect(asked.every((line) => line.startsWith('nvme sanitize-log'))).toBe(true);
    expect(row(text, 'Runs')).toContain('the sanitize command was not sent again');
    expect(listJobItems(db, jobId)[0]).toMatchObject({ state: 'verified', sanitize: { result: { outcome: 'completed' } } });
    expect(erased).toBe(true);
    expect(row(text, 'Category')).toContain('Purge');
  });

  it('a log already saying completed when first read cannot tell this sanitize from an earlier one: unconfirmed, not resent, never Purge', async () => {
    const { jobId, item } = await crashedMidSanitize(NVME, 'sanitize-block', ['nvme id-ctrl', ok('nvme-id-ctrl-crypto-block.txt')]);
    const { run, asked } = scripted([['nvme sanitize-log', ok('nvme-sanitize-log-completed.txt')]]);
    const { text, erased } = await runToCertificate(jobId, item, depsFor(NVME, run));
    expect(asked).toEqual(['nvme sanitize-log /dev/nvme0 --output-format=json']);
    expect(listJobItems(db, jobId)[0]).toMatchObject({
      state: 'exception',
      exceptionCode: 'SANITIZE_NOT_COMPLETED',
      sanitize: { result: { outcome: 'unconfirmed' } },
    });
    expect(erased).toBe(false);
    expect(row(text, 'Category')).not.toContain('Purge');
  });

  it('an ATA sanitize seen in progress and then succeeded is still unconfirmed: hdparm’s status does not say which sanitize ran', async () => {
    const { jobId, item } = await crashedMidSanitize(SATA, 'sanitize-block', ['hdparm -I', ok('hdparm-I-sata-ssd-not-frozen.txt')]);
    const { run, asked } = scripted([
      ['hdparm --sanitize-status /dev/sdc', ok('hdparm-sanitize-status-in-progress.txt')],
      ['hdparm --sanitize-status /dev/sdc', ok('hdparm-sanitize-status-succeeded.txt')],
    ]);
    const { erased } = await runToCertificate(jobId, item, depsFor(SATA, run));
    expect(asked.some((line) => line.includes('--sanitize-block-erase'))).toBe(false);
    expect(listJobItems(db, jobId)[0]).toMatchObject({ state: 'exception', sanitize: { result: { outcome: 'unconfirmed' } } });
    expect(erased).toBe(false);
  });
});
