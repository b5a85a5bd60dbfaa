/**
 * The whole-medium channels and the ledger link (issue 14) through the app's own handlers on a
 * real SQLCipher vault: the device list says which devices cannot be chosen and why (the
 * system disk, a fixed disk) and what confirms the others; an erasure with a wrong
 * confirmation, or of a handle that was never listed, is refused before any job exists. After
 * an erasure, the ledger item with the device's serial — typed with spaces or lower case — is
 * recorded as erased and linked to the certificate, but only when the certificate says the
 * device was erased, and never when the serial is missing or names several items.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueVaultCertificate } from '../../electron/core/certificates/issue-vault-certificate';
import { jobsInState } from '../../electron/core/erasure/erasure-journal';
import type { DeviceFacts } from '../../electron/core/erasure/medium';
import { linkDeviceErasureToLedger } from '../../electron/core/ledger/link-device-erasure';
import type { LedgerItemDraft } from '../../electron/shared/ledger';
import { sampleErasureDocument, sampleErasureFacts } from '../fixtures/certificates/sample-erasure';
import { errorCodeOf } from '../support/error-code';
import { invokeThroughRouter, type Invoke } from '../support/invoke';
import { createTestCore, recordingLogger, type TestCore } from '../support/test-core';

const NOW = new Date('2026-12-06T01:00:00.000Z');
const facts = (overrides: Partial<DeviceFacts>): DeviceFacts => ({
  path: '/dev/sdb',
  vendor: 'SanDisk',
  model: 'Cruzer Blade',
  serial: '4C530001230815117224',
  sizeBytes: 16_008_609_792,
  transport: 'usb',
  rotational: false,
  removable: true,
  logicalSectorBytes: 512,
  holdsSystem: false,
  backingFile: null,
  source: 'lsblk',
  ...overrides,
});
const STICK = facts({});
const SYSTEM = facts({
  path: '/dev/nvme0n1',
  vendor: null,
  model: 'KIOXIA KXG60ZNV512G',
  serial: '8ED1234ABCD',
  transport: 'nvme',
  removable: false,
  holdsSystem: true,
});
const DATA_DISK = facts({
  path: '/dev/sda',
  model: 'ST1000DM010',
  serial: 'ZN1ABC23',
  transport: 'sata',
  rotational: true,
  removable: false,
});

let core: TestCore;
let invoke: Invoke;

function draft(overrides: Partial<LedgerItemDraft>): LedgerItemDraft {
  return {
    label: 'FG-USB-101',
    type: 'usb-memory',
    make: 'SanDisk',
    model: 'Cruzer Blade',
    serial: '4C53 0001 2308 1511 7224',
    capacityBytes: 16_000_000_000,
    encryption: 'none',
    owner: '山田 太郎',
    storageLocation: '東京サービス課 保管庫A',
    purchaseDate: '2024-04-01',
    warrantyEnd: '2027-03-31',
    notes: '',
    ...overrides,
  };
}

beforeAll(async () => {
  core = await createTestCore({ listWholeDevices: async () => [SYSTEM, DATA_DISK, STICK], now: () => NOW });
  invoke = invokeThroughRouter(core.handlers, recordingLogger(core.logLines));
  await core.createVault();
});
afterAll(async () => {
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- unset when the setup failed
  await core?.cleanup();
});

describe('wholeMedium.devices and wholeMedium.erase', () => {
  it('lists every device, the system disk and a fixed disk with the reason they cannot be chosen, and what confirms a stick', async () => {
    const { devices } = await invoke('wholeMedium.devices', {});
    expect(devices.map((d) => [d.path, d.refusal])).toEqual([
      ['/dev/nvme0n1', 'ERASURE_DEVICE_HOLDS_SYSTEM'],
      ['/dev/sda', 'ERASURE_DEVICE_NOT_REMOVABLE'],
      ['/dev/sdb', null],
    ]);
    expect(devices[2]).toMatchObject({
      model: 'Cruzer Blade',
      serial: '4C530001230815117224',
      confirmation: { kind: 'serial-end', length: 4 },
    });
    // A USB stick takes neither sanitize command: the screen offers only the overwrite, and says why.
    expect(devices[2]?.sanitize?.map((o) => [o.technique, o.available, o.reason?.en])).toEqual([
      ['sanitize-crypto', false, 'behind a USB bridge that does not pass the sanitize commands through'],
      ['sanitize-block', false, 'behind a USB bridge that does not pass the sanitize commands through'],
    ]);
  });

  it('refuses a wrong confirmation, the system disk and an unknown handle before any job exists', async () => {
    const { devices } = await invoke('wholeMedium.devices', {});
    const site = { hospital: '東都病院', department: '', administrator: '', reference: '' };
    const request = (deviceId: string, confirmation: string) => ({
      jobId: crypto.randomUUID(),
      deviceId,
      method: 'random-verify' as const,
      site,
      confirmation,
    });
    expect(await errorCodeOf(() => invoke('wholeMedium.erase', request(devices[2]!.id, '7225')))).toBe(
      'ERASURE_DEVICE_CONFIRMATION_MISMATCH',
    );
    expect(await errorCodeOf(() => invoke('wholeMedium.erase', request(devices[0]!.id, 'ABCD')))).toBe('ERASURE_DEVICE_HOLDS_SYSTEM');
    expect(await errorCodeOf(() => invoke('wholeMedium.erase', request(crypto.randomUUID(), '7224')))).toBe('ERASURE_DEVICE_NOT_FOUND');
    expect(await errorCodeOf(() => invoke('wholeMedium.erase', { ...request(devices[2]!.id, '7224'), technique: 'sanitize-crypto' }))).toBe(
      'ERASURE_DEVICE_SANITIZE_UNAVAILABLE',
    );
    const db = core.vault.session().db;
    expect([...jobsInState(db, 'planned'), ...jobsInState(db, 'running')]).toEqual([]);
  });
});

describe('the main process’s own box before a whole device is erased', () => {
  it('[10-1] names the device — path, maker, model, serial, size — and a no erases nothing, before anything is unmounted', async () => {
    const { devices } = await invoke('wholeMedium.devices', {});
    const shown = core.dialogs.confirmations.length;
    core.dialogs.confirm = 'no';
    const site = { hospital: '東都病院', department: '', administrator: '', reference: '' };
    const request = { jobId: crypto.randomUUID(), deviceId: devices[2]!.id, method: 'random-verify' as const, site, confirmation: '7224' };
    expect(await errorCodeOf(() => invoke('wholeMedium.erase', request))).toBe('CONFIRMATION_REFUSED');
    const boxes = core.dialogs.confirmations.slice(shown);
    expect(boxes).toHaveLength(1);
    // A new erasure of a whole device, worded as one — not "resume an interrupted erasure".
    expect(boxes[0]?.title).toBe('FieldGuard — 媒体全体の消去の確認');
    expect(boxes[0]?.message).toContain('媒体全体');
    expect(boxes[0]?.detail).toContain('/dev/sdb');
    expect(boxes[0]?.detail).toContain('SanDisk Cruzer Blade');
    expect(boxes[0]?.detail).toContain('4C530001230815117224');
    expect(boxes[0]?.detail).toContain('14.9 GiB');
    const db = core.vault.session().db;
    expect([...jobsInState(db, 'planned'), ...jobsInState(db, 'running')]).toEqual([]);
  });
});

describe('the ledger item of the erased device', () => {
  it('is linked to the certificate by its serial, only when the device was erased', async () => {
    const session = core.vault.session();
    const item = await invoke('ledger.save', { item: draft({}) });
    const certificate = await issueVaultCertificate(
      session,
      'erasure',
      (number) => ({ document: sampleErasureDocument(number, NOW.toISOString()), facts: sampleErasureFacts() }),
      NOW,
    );

    expect(linkDeviceErasureToLedger(session, STICK, { id: certificate.id, erased: false }, NOW)).toEqual({
      linked: false,
      reason: 'not-erased',
    });
    expect((await invoke('ledger.list', {})).items.find((i) => i.id === item.id)?.status).toBe('in-store');
    expect(linkDeviceErasureToLedger(session, { serial: null }, { id: certificate.id, erased: true }, NOW)).toEqual({
      linked: false,
      reason: 'no-serial',
    });
    expect(linkDeviceErasureToLedger(session, { serial: 'OTHER-1' }, { id: certificate.id, erased: true }, NOW)).toEqual({
      linked: false,
      reason: 'no-item',
    });

    const link = linkDeviceErasureToLedger(session, { serial: '4c530001230815117224' }, { id: certificate.id, erased: true }, NOW);
    expect(link.linked).toBe(true);
    const after = (await invoke('ledger.list', {})).items.find((i) => i.id === item.id);
    expect(after).toMatchObject({ status: 'erased', erasureCertificate: { id: certificate.id, number: certificate.number } });
    const [entry] = session.audit.list({ types: ['ledger.item-erased'] }).entries;
    expect(entry?.details).toMatchObject({ itemId: item.id, certificateId: certificate.id });
  });

  it('links nothing when two items carry the serial', async () => {
    const session = core.vault.session();
    await invoke('ledger.save', { item: draft({ label: 'FG-SD-201', serial: 'SD-777', type: 'sd-card' }) });
    await invoke('ledger.save', { item: draft({ label: 'FG-SD-202', serial: ' sd-777', type: 'sd-card' }) });
    const certificate = await issueVaultCertificate(
      session,
      'erasure',
      (number) => ({ document: sampleErasureDocument(number, NOW.toISOString()), facts: sampleErasureFacts() }),
      NOW,
    );
    expect(linkDeviceErasureToLedger(session, { serial: 'SD-777' }, { id: certificate.id, erased: true }, NOW)).toEqual({
      linked: false,
      reason: 'several-items',
    });
  });
});
