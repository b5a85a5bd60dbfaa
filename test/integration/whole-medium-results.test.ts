/**
 * A whole device's erasure result kept in the vault until its certificate is issued (issues 14
 * and 19), through the app's own IPC router on a real vault and a real 64 MiB loop device: the
 * result is listed with the device it is about — leaving the screen or an auto-lock loses
 * nothing — and issued once, from the Erasure screen's result view, with the device's ledger
 * item linked; the whole-medium channel issues by the same path, so neither issues it twice,
 * and the vault refuses an edit or the removal of the issued result. A loop device has no serial
 * number: before issuing, the journal is given one as an OS reports a USB stick's, so that the
 * ledger item of that serial is found and linked. Needs Linux, root, losetup and mkfs.ext4
 * (skipped with one line otherwise); the loop device is removed in afterAll, even on failure.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listWholeDevices } from '../../electron/platform/media/read-medium';
import type { DeviceErasureSummary } from '../../electron/shared/whole-medium';
import { errorCodeOf } from '../support/error-code';
import { invokeThroughRouter, type Invoke } from '../support/invoke';
import { attachLoopStick, detachAll, whyLoopDevicesCannotRun, type LoopStick } from '../support/loop-device';
import { createTestCore, TEST_PASSWORD, type TestCore } from '../support/test-core';

const MARKER = 'FIELDGUARD-KEPT-WHOLE-MEDIUM';
const SERIAL = '4C530001230815117224';
const SITE = { hospital: '東都病院', department: '放射線科', administrator: '佐藤 一郎', reference: 'V-20261207-01' };

const skipReason = await whyLoopDevicesCannotRun();
if (skipReason) console.warn(`whole-medium-results: skipped — ${skipReason}`);

const attached: LoopStick[] = [];
let work: string;
let stick: LoopStick;
let core: TestCore;
let invoke: Invoke;
let erased: DeviceErasureSummary;

const pending = async () => (await invoke('erasure.pendingResults', {})).results;
const certificateCount = async () => (await invoke('certificates.list', {})).certificates.length;

beforeAll(async () => {
  if (skipReason) return;
  work = await mkdtemp(path.join(os.tmpdir(), 'fieldguard-kept-whole-medium-'));
  stick = await attachLoopStick(work, 'stick', 64 * 1024 * 1024, MARKER, attached);
  core = await createTestCore({
    listWholeDevices: async (options) => (await listWholeDevices(options)).filter((d) => d.path === stick.device),
  });
  // The engineer answers the main process's confirmation box yes.
  core.dialogs.confirm = 'yes';
  await core.createVault();
  invoke = invokeThroughRouter(core.handlers, core.log);
  const [device] = (await invoke('wholeMedium.devices', {})).devices;
  erased = await invoke('wholeMedium.erase', {
    jobId: crypto.randomUUID(),
    deviceId: device!.id,
    method: 'random-verify',
    site: SITE,
    confirmation: path.basename(stick.device),
  });
}, 120_000);
afterAll(async () => {
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- unset when skipped or the setup failed
  await core?.cleanup();
  await detachAll(attached);
  if (work) await rm(work, { recursive: true, force: true });
});

describe.skipIf(skipReason !== null)('a whole device’s erasure result', () => {
  it('[10-1] is kept in the vault with the device it is about, and survives the vault being locked and unlocked', async () => {
    expect(erased).toMatchObject({ status: 'erased', erased: true, badSectors: 0 });
    expect((await readFile(stick.device)).includes(MARKER)).toBe(false);
    const before = (await pending()).find((r) => r.summary.erasureJobId === erased.erasureJobId);
    expect(before).toMatchObject({
      summary: { status: 'erased', bytesVerified: erased.bytesVerified },
      site: { hospital: SITE.hospital, administrator: SITE.administrator, reference: SITE.reference },
      device: { path: stick.device, serial: null, sizeBytes: 64 * 1024 * 1024, technique: 'overwrite', erased: true, badSectors: 0 },
    });

    await invoke('vault.lock', {});
    expect(await errorCodeOf(() => invoke('erasure.pendingResults', {}))).toBe('VAULT_LOCKED');
    await invoke('vault.unlock', { password: TEST_PASSWORD });
    expect((await pending()).find((r) => r.summary.erasureJobId === erased.erasureJobId)).toEqual(before);
  });

  it('[10-1] cannot be edited: the vault refuses a change to the kept result', () => {
    const db = core.vault.session().db;
    expect(() =>
      db
        .prepare('UPDATE erasure_results SET site = ? WHERE erasure_job_id = ?')
        .run(JSON.stringify({ ...SITE, hospital: '別の病院' }), erased.erasureJobId),
    ).toThrow(/never edited/);
  });

  it('[10-1] is issued once from the result view, linked to its ledger item; neither channel issues it again', async () => {
    // The device as a USB stick reports itself: with a serial, the one its ledger item records (typed with spaces).
    core.vault
      .session()
      .db.prepare("UPDATE erasure_jobs SET media = json_set(media, '$[0].device.serial', ?) WHERE id = ?")
      .run(SERIAL, erased.erasureJobId);
    await invoke('ledger.save', {
      item: {
        label: 'FG-USB-101',
        type: 'usb-memory',
        make: 'SanDisk',
        model: 'Cruzer Blade',
        serial: '4C53 0001 2308 1511 7224',
        capacityBytes: 64 * 1024 * 1024,
        encryption: 'none',
        owner: '山田 太郎',
        storageLocation: '東京サービス課 保管庫A',
        purchaseDate: '2024-04-01',
        warrantyEnd: '2027-03-31',
        notes: '',
      },
    });
    const certificates = await certificateCount();
    const issued = await invoke('erasure.issueCertificate', {
      erasureJobId: erased.erasureJobId,
      countersignature: null,
      signerName: '佐藤 一郎',
    });
    expect(issued.ledgerItem).toBe('FG-USB-101');
    const item = (await invoke('ledger.list', {})).items.find((i) => i.label === 'FG-USB-101');
    expect(item?.status).toBe('erased');
    expect((await pending()).map((r) => r.summary.erasureJobId)).not.toContain(erased.erasureJobId);

    const again = { erasureJobId: erased.erasureJobId, countersignature: null };
    expect(await errorCodeOf(() => invoke('wholeMedium.issueCertificate', again))).toBe('ERASURE_RESULT_ALREADY_ISSUED');
    expect(await errorCodeOf(() => invoke('erasure.issueCertificate', again))).toBe('ERASURE_RESULT_ALREADY_ISSUED');
    expect(await certificateCount()).toBe(certificates + 1);

    const db = core.vault.session().db;
    expect(() => db.prepare('DELETE FROM erasure_results WHERE erasure_job_id = ?').run(erased.erasureJobId)).toThrow(
      /issued erasure result is kept/,
    );
  });

  it('names no whole-medium certificate for a job that does not exist', async () => {
    expect(await errorCodeOf(() => invoke('wholeMedium.issueCertificate', { erasureJobId: 'no-such-job', countersignature: null }))).toBe(
      'ERASURE_JOB_NOT_FOUND',
    );
  });
});
