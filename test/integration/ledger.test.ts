/**
 * The media and device ledger as an engineer keeps it (7-7, 7-1, 7-2, 7-10, 12-3, 12-5),
 * through the app's own IPC router on a real SQLCipher vault: a laptop and USB sticks
 * registered (one straight from the attached hardware), checked out for a visit with the site
 * administrator's permission, overdue by the JST calendar, returned, lost and found, erased
 * with a real erasure certificate, disposed; the inventory with its discrepancies and the
 * signed report that `fieldguard verify` accepts; the CSV and PDF exports — and none of the
 * notes ending up in the audit log.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getCertificate } from '../../electron/core/certificates/certificate-store';
import { issueVaultCertificate } from '../../electron/core/certificates/issue-vault-certificate';
import type { DeviceDetails } from '../../electron/core/ledger/device-details';
import type { RequestOf } from '../../electron/shared/contract';
import type { Volume } from '../../electron/shared/disks';
import type { LedgerItem, LedgerItemDraft } from '../../electron/shared/ledger';
import { sampleErasureDocument, sampleErasureFacts } from '../fixtures/certificates/sample-erasure';
import { errorCodeOf } from '../support/error-code';
import { enrollWithNewAuthority, type TestAuthority } from '../support/company-authority';
import { invokeThroughRouter, type Invoke } from '../support/invoke';
import { createTestCore, recordingLogger, type TestCore } from '../support/test-core';

const root = path.resolve(import.meta.dirname, '../..');
/** 2026-04-01 10:00 JST. */
const START = new Date('2026-04-01T01:00:00.000Z');
const HOUR = 3_600_000;
/** Written into notes only: must never reach the audit log. */
const PRIVATE_NOTE = '患者 山本花子様のCT画像を一時保存';

let core: TestCore;
let invoke: Invoke;
let clock = START;
let dir: string;

/** What is attached to the "laptop" right now: a removable volume and its device, as the two ports would report them. */
let attachedVolumes: Volume[] = [];
let attachedDevices: DeviceDetails[] = [];
function attachStick(mount: string, serial: string, model = 'Cruzer Blade'): void {
  attachedVolumes.push({
    mount,
    device: `/dev/sd${attachedVolumes.length + 1}1`,
    fileSystem: 'exfat',
    label: 'FG',
    sizeBytes: 16e9,
    freeBytes: 15e9,
    removable: true,
  });
  attachedDevices.push({ mounts: [mount], vendor: 'SanDisk', model, serial, bus: 'usb', sizeBytes: 16_008_609_792, removable: true });
}
const internalDisk: Volume = {
  mount: '/',
  device: '/dev/nvme0n1p2',
  fileSystem: 'ext4',
  label: null,
  sizeBytes: 500e9,
  freeBytes: 300e9,
  removable: false,
};

function draft(overrides: Partial<LedgerItemDraft> = {}): LedgerItemDraft {
  return {
    label: 'FG-USB-001',
    type: 'usb-memory',
    make: 'SanDisk',
    model: 'Extreme PRO',
    serial: '4C530001230815117224',
    capacityBytes: 64_000_000_000,
    encryption: 'hardware',
    owner: '山田 太郎',
    storageLocation: '東京サービス課 保管庫A',
    purchaseDate: '2024-04-01',
    warrantyEnd: '2027-03-31',
    notes: '',
    ...overrides,
  };
}

const checkOutFor = (item: LedgerItem, overrides: Partial<RequestOf<'ledger.checkOut'>> = {}): RequestOf<'ledger.checkOut'> => ({
  itemId: item.id,
  custodian: '山田 太郎',
  purpose: '東都病院 CT 定期点検のログ回収',
  visitReference: '2026-04-01 東都病院 WO-8812',
  expectedReturnDate: '2026-04-03',
  carriesSiteData: false,
  ...overrides,
});

function fieldguard(args: string[]): Promise<{ code: number; stdout: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'electron/cli/index.ts', ...args],
      { cwd: root, env: { ...process.env, LANG: 'ja_JP.UTF-8' } },
      (error, stdout) => resolve({ code: error ? Number((error as { code?: number | string }).code ?? 2) : 0, stdout }),
    );
  });
}

let authority: TestAuthority;
let laptop: LedgerItem;
let stick: LedgerItem;
let spare: LedgerItem;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'fieldguard-ledger-'));
  core = await createTestCore({
    now: () => clock,
    readVolumes: async () => [internalDisk, ...attachedVolumes],
    readDeviceDetails: async () => [
      { mounts: ['/'], vendor: null, model: 'Samsung SSD 980', serial: 'S64DNX0R123456', bus: 'nvme', sizeBytes: 500e9, removable: false },
      ...attachedDevices,
    ],
  });
  invoke = invokeThroughRouter(core.handlers, recordingLogger(core.logLines));
  await core.createVault();
  authority = await enrollWithNewAuthority(core.vault.session(), path.join(dir, 'authority'), clock);
}, 60_000);
afterAll(async () => {
  await core.cleanup();
  await rm(dir, { recursive: true, force: true });
});

describe('registering media', () => {
  it('[7-7] registers the laptop and a stick, in store, each label once', async () => {
    laptop = await invoke('ledger.save', {
      item: draft({
        label: 'FG-PC-001',
        type: 'laptop',
        make: 'Panasonic',
        model: 'CF-SV2',
        serial: '3KTSA12345',
        capacityBytes: 512e9,
        encryption: 'software',
        purchaseDate: '2021-05-10',
        warrantyEnd: '2026-05-09',
      }),
    });
    stick = await invoke('ledger.save', { item: draft({ notes: PRIVATE_NOTE }) });
    expect(laptop.status).toBe('in-store');
    expect(stick.custodian).toBe('東京サービス課 保管庫A');
    expect(await errorCodeOf(() => invoke('ledger.save', { item: draft({ serial: 'OTHER' }) }))).toBe('LEDGER_LABEL_TAKEN');
    const { items } = await invoke('ledger.list', {});
    expect(items.map((i) => i.label)).toEqual(['FG-PC-001', 'FG-USB-001']);
  });

  it('refuses control characters and impossible dates in a draft', async () => {
    expect(await errorCodeOf(() => invoke('ledger.save', { item: draft({ label: 'FG\u0007X' }) }))).toBe('IPC_INVALID_REQUEST');
    expect(await errorCodeOf(() => invoke('ledger.save', { item: draft({ label: 'FG-X', warrantyEnd: '2026-02-30' }) }))).toBe(
      'IPC_INVALID_REQUEST',
    );
  });

  it('points out an attached stick that is not registered, and registers it from its hardware details', async () => {
    attachStick('/media/engineer/FG SPARE', 'AA00000000012345', 'Ultra Fit');
    attachStick('/media/engineer/FG-USB-001', '4c530001230815117224 ');
    const detected = await invoke('ledger.detect', {});
    expect(detected.media.map((m) => [m.mount, m.registeredLabel])).toEqual([
      ['/media/engineer/FG SPARE', null],
      ['/media/engineer/FG-USB-001', 'FG-USB-001'],
    ]);
    expect(detected.unregistered).toBe(1);
    const unregistered = detected.media.find((m) => m.registeredItemId === null)!;
    expect(unregistered).toMatchObject({ vendor: 'SanDisk', model: 'Ultra Fit', serial: 'AA00000000012345', suggestedType: 'usb-memory' });
    spare = await invoke('ledger.save', {
      item: draft({
        label: 'FG-USB-002',
        make: unregistered.vendor!,
        model: unregistered.model!,
        serial: unregistered.serial!,
        capacityBytes: unregistered.deviceSizeBytes,
        purchaseDate: null,
        warrantyEnd: null,
      }),
    });
    expect((await invoke('ledger.detect', {})).unregistered).toBe(0);
  });
});

describe('check-out and check-in (7-1, 7-2)', () => {
  it('[7-1][7-2] needs the site administrator’s permission to carry site data, and a return date not in the past (JST)', async () => {
    expect(await errorCodeOf(() => invoke('ledger.checkOut', checkOutFor(stick, { carriesSiteData: true })))).toBe(
      'LEDGER_PERMISSION_REQUIRED',
    );
    expect(await errorCodeOf(() => invoke('ledger.checkOut', checkOutFor(stick, { expectedReturnDate: '2026-03-31' })))).toBe(
      'LEDGER_RETURN_DATE_PAST',
    );
  });

  it('[7-1][7-7][12-3] checks out for a visit with the permission; the item is with the engineer and cannot be checked out twice', async () => {
    const out = await invoke(
      'ledger.checkOut',
      checkOutFor(stick, {
        visitId: 'visit-2026-0401-toto',
        carriesSiteData: true,
        permission: { administrator: '佐藤 一郎', grantedAt: '2026-04-01T09:30:00+09:00' },
      }),
    );
    expect(out.status).toBe('checked-out');
    expect(out.custodian).toBe('山田 太郎');
    expect(out.currentCheckout).toMatchObject({
      visitId: 'visit-2026-0401-toto',
      visitReference: '2026-04-01 東都病院 WO-8812',
      permission: { administrator: '佐藤 一郎', grantedAt: '2026-04-01T00:30:00.000Z' },
    });
    expect(await errorCodeOf(() => invoke('ledger.checkOut', checkOutFor(stick)))).toBe('LEDGER_TRANSITION_NOT_ALLOWED');
  });

  it('the database itself keeps one open check-out per item', () => {
    const { db } = core.vault.session();
    const insert = () =>
      db
        .prepare(
          "INSERT INTO ledger_checkouts (id, item_id, checked_out_at, custodian, purpose, visit_reference, carries_site_data, expected_return_date) VALUES ('x', ?, 't', 'c', 'p', '', 0, '2026-04-03')",
        )
        .run(stick.id);
    expect(insert).toThrow(/UNIQUE/);
  });

  it('is overdue on the dashboard from 00:00 JST the day after the expected return date, not before', async () => {
    // 2026-04-03 23:59:59 JST = 14:59:59Z: still due today.
    clock = new Date('2026-04-03T14:59:59.000Z');
    expect((await invoke('ledger.warnings', {})).overdueCheckouts).toEqual([]);
    clock = new Date('2026-04-03T15:00:00.000Z');
    const warnings = await invoke('ledger.warnings', {});
    expect(warnings.today).toBe('2026-04-04');
    expect(warnings.overdueCheckouts).toEqual([
      { itemId: stick.id, label: 'FG-USB-001', custodian: '山田 太郎', expectedReturnDate: '2026-04-03', daysOverdue: 1 },
    ]);
  });

  it('[7-7][12-3] is returned with its state, and the history keeps the check-out', async () => {
    await invoke('ledger.markAtSite', { itemId: stick.id });
    expect(await errorCodeOf(() => invoke('ledger.markAtSite', { itemId: stick.id }))).toBe('LEDGER_TRANSITION_NOT_ALLOWED');
    const back = await invoke('ledger.checkIn', { itemId: stick.id, returnedBy: '山田 太郎', state: 'holds-data', note: PRIVATE_NOTE });
    expect(back.status).toBe('in-store');
    expect(back.currentCheckout).toBeNull();
    expect((await invoke('ledger.warnings', {})).overdueCheckouts).toEqual([]);
    const { checkouts } = await invoke('ledger.get', { id: stick.id });
    expect(checkouts).toHaveLength(1);
    expect(checkouts[0]).toMatchObject({ returnState: 'holds-data', returnedBy: '山田 太郎', carriesSiteData: true });
    expect(checkouts[0]!.atSiteSince).not.toBeNull();
    const entry = core.vault.session().audit.list({ types: ['ledger.checked-in'] }).entries[0]!;
    expect(entry.details).toMatchObject({ itemId: stick.id, state: 'holds-data', daysLate: 1 });
  });
});

describe('loss, erasure and disposal (7-10)', () => {
  it('[12-3] losing an item is its own audited transition, and finding it brings it back to the store', async () => {
    clock = new Date(clock.getTime() + HOUR);
    await invoke('ledger.checkOut', checkOutFor(spare, { expectedReturnDate: '2026-04-05' }));
    const lost = await invoke('ledger.markLost', { itemId: spare.id, note: '東都病院の駐車場で紛失に気付いた' });
    expect(lost.status).toBe('lost');
    // Lost while out: the check-out stays open, so the incident report can say who held it.
    expect(lost.currentCheckout?.custodian).toBe('山田 太郎');
    const [entry] = core.vault.session().audit.list({ types: ['ledger.item-lost'] }).entries;
    expect(entry?.details).toEqual({ itemId: spare.id, label: 'FG-USB-002', from: 'checked-out', custodian: 'checked-out' });
    expect((await invoke('ledger.warnings', {})).lostItems).toBe(1);
    expect(await errorCodeOf(() => invoke('ledger.checkIn', { itemId: spare.id, returnedBy: 'x', state: 'good', note: '' }))).toBe(
      'LEDGER_TRANSITION_NOT_ALLOWED',
    );
  });

  it('links an erasure only to an erasure certificate that is in the vault', async () => {
    const session = core.vault.session();
    expect(
      await errorCodeOf(() => invoke('ledger.recordErasure', { itemId: stick.id, certificateId: '00000000-0000-4000-8000-000000000000' })),
    ).toBe('LEDGER_CERTIFICATE_NOT_FOUND');
    const selfCheck = await issueVaultCertificate(
      session,
      'self-check',
      (number) => ({ document: { ...sampleErasureDocument(number, clock.toISOString()), kind: 'self-check' }, facts: {} }),
      clock,
    );
    expect(await errorCodeOf(() => invoke('ledger.recordErasure', { itemId: stick.id, certificateId: selfCheck.id }))).toBe(
      'LEDGER_CERTIFICATE_NOT_ERASURE',
    );
    const erasure = await issueVaultCertificate(
      session,
      'erasure',
      (number) => ({ document: sampleErasureDocument(number, clock.toISOString()), facts: sampleErasureFacts() }),
      clock,
    );
    const erased = await invoke('ledger.recordErasure', { itemId: stick.id, certificateId: erasure.id });
    expect(erased.status).toBe('erased');
    expect(erased.erasureCertificate).toMatchObject({ id: erasure.id, number: erasure.number });
    expect(erasure.number).toMatch(/^E-20417-ER-2026-\d{6}-[0-9A-HJKMNP-TV-Z]{6}$/);
  });

  it('[7-10][E.3 d] disposes only with the confirmation that nothing readable remains; a disposed item takes no further step', async () => {
    const request = { itemId: stick.id, disposedBy: '鈴木 次郎', method: 'physical-destruction' as const, note: '' };
    expect(await errorCodeOf(() => invoke('ledger.dispose', { ...request, noReadableDataConfirmed: false as unknown as true }))).toBe(
      'IPC_INVALID_REQUEST',
    );
    const disposed = await invoke('ledger.dispose', { ...request, noReadableDataConfirmed: true });
    expect(disposed.status).toBe('disposed');
    expect(disposed.disposal).toMatchObject({ disposedBy: '鈴木 次郎', method: 'physical-destruction', noReadableDataConfirmed: true });
    expect(await errorCodeOf(() => invoke('ledger.checkOut', checkOutFor(stick, { expectedReturnDate: '2026-05-01' })))).toBe(
      'LEDGER_TRANSITION_NOT_ALLOWED',
    );
    expect(await errorCodeOf(() => invoke('ledger.dispose', { ...request, noReadableDataConfirmed: true }))).toBe(
      'LEDGER_TRANSITION_NOT_ALLOWED',
    );
    expect(await errorCodeOf(() => invoke('ledger.save', { item: { ...draft(), id: stick.id } }))).toBe('LEDGER_TRANSITION_NOT_ALLOWED');
  });
});

describe('the inventory (棚卸)', () => {
  let inventoryId: string;
  let reportFile: string;

  it('[7-7] is due three months after the first registration, and overdue on the dashboard after that day (JST)', async () => {
    clock = new Date('2026-07-01T14:59:59.000Z'); // 2026-07-01 23:59:59 JST
    let warnings = await invoke('ledger.warnings', {});
    expect(warnings.inventory).toEqual({ lastCompletedAt: null, nextDueDate: '2026-07-01', overdue: false, daysOverdue: 0 });
    clock = new Date('2026-07-02T15:00:00.000Z');
    warnings = await invoke('ledger.warnings', {});
    expect(warnings.inventory).toMatchObject({ overdue: true, daysOverdue: 2 });
    // 12-5: the laptop's warranty ends 2026-05-09 (passed), shown with the days since as negative.
    expect(warnings.migrationReminders).toEqual([
      { itemId: laptop.id, label: 'FG-PC-001', reason: 'warranty', dueDate: '2026-05-09', daysLeft: -55 },
    ]);
  });

  it('[7-7] lists every item not disposed and confirms the attached ones by serial', async () => {
    // The lost stick is found in the bag and plugged in; an unknown stick is attached too.
    attachedVolumes = [];
    attachedDevices = [];
    attachStick('/media/engineer/FG SPARE', 'AA00000000012345', 'Ultra Fit');
    attachStick('/media/engineer/NONAME', 'ZZ99', 'Generic Flash Disk');
    const inventory = await invoke('ledger.startInventory', {});
    inventoryId = inventory.id;
    expect(inventory.entries.map((e) => [e.label, e.statusAtStart, e.result, e.method])).toEqual([
      ['FG-PC-001', 'in-store', null, null],
      ['FG-USB-002', 'lost', 'present', 'serial'],
    ]);
    expect(inventory.unregistered).toEqual([{ mount: '/media/engineer/NONAME', serial: 'ZZ99', model: 'Generic Flash Disk' }]);
    expect(await errorCodeOf(() => invoke('ledger.startInventory', {}))).toBe('LEDGER_INVENTORY_OPEN');
  });

  it('cannot be completed before every item has a result', async () => {
    expect(await errorCodeOf(() => invoke('ledger.completeInventory', { inventoryId }))).toBe('LEDGER_INVENTORY_INCOMPLETE');
    expect(
      await errorCodeOf(() => invoke('ledger.confirmInventoryItem', { inventoryId, itemId: stick.id, result: 'present', note: '' })),
    ).toBe('LEDGER_ITEM_NOT_IN_INVENTORY');
  });

  it('reports the discrepancies: a missing laptop, a lost stick found, an unregistered stick', async () => {
    await invoke('ledger.confirmInventoryItem', { inventoryId, itemId: laptop.id, result: 'missing', note: '保管庫Aに見当たらない' });
    clock = new Date(clock.getTime() + HOUR);
    const done = await invoke('ledger.completeInventory', { inventoryId });
    expect(done.completedAt).toBe(clock.toISOString());
    expect(done.discrepancies.map((d) => [d.kind, d.label])).toEqual([
      ['missing', 'FG-PC-001'],
      ['found', 'FG-USB-002'],
      ['unregistered', '/media/engineer/NONAME'],
    ]);
    expect(done.report?.number).toMatch(/^E-20417-IN-2026-000001-[0-9A-HJKMNP-TV-Z]{6}$/);
    expect(
      await errorCodeOf(() => invoke('ledger.confirmInventoryItem', { inventoryId, itemId: laptop.id, result: 'present', note: '' })),
    ).toBe('LEDGER_INVENTORY_CLOSED');
    const warnings = await invoke('ledger.warnings', {});
    expect(warnings.inventory).toMatchObject({ lastCompletedAt: clock.toISOString(), nextDueDate: '2026-10-03', overdue: false });
    const stored = getCertificate(core.vault.session().db, done.report!.certificateId)!;
    expect(stored.kind).toBe('inventory');
    const evidence = JSON.parse(stored.evidenceJson) as { payload: { facts: { inventory: { discrepancies: unknown[] } } } };
    expect(evidence.payload.facts.inventory.discrepancies).toHaveLength(3);
    reportFile = path.join(dir, 'inventory.pdf');
    await writeFile(reportFile, stored.pdf);
  });

  it('[7-7] the signed inventory report verifies with `fieldguard verify`, and a changed byte does not', async () => {
    const result = await fieldguard(['verify', reportFile, '--trust-root', authority.rootFile, '--json']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({
      status: 'genuine',
      kind: 'inventory',
      number: expect.stringMatching(/^E-20417-IN-2026-000001-/),
    });
    const bytes = await readFile(reportFile);
    const middle = Math.floor(bytes.length / 2);
    bytes[middle] = bytes[middle]! ^ 0x01;
    const tampered = path.join(dir, 'inventory-tampered.pdf');
    await writeFile(tampered, bytes);
    expect((await fieldguard(['verify', tampered])).code).toBe(1);
  }, 60_000);
});

describe('exports', () => {
  it('writes the ledger as CSV for Excel: BOM, CRLF, Japanese, and no cell that runs as a formula', async () => {
    await invoke('ledger.save', {
      item: draft({ label: '=HYPERLINK("http://evil.example","x")', serial: '', purchaseDate: null, warrantyEnd: null }),
    });
    core.dialogs.saveFile = path.join(dir, 'ledger.csv');
    expect(await invoke('ledger.exportCsv', {})).toEqual({ saved: true });
    const csv = await readFile(core.dialogs.saveFile, 'utf8');
    expect(csv.startsWith('\uFEFF管理番号 / label,')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines).toHaveLength(5 + 1); // header, four items, and the final line end
    expect(lines.find((l) => l.startsWith('FG-USB-001'))).toContain('廃棄済み');
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""x"")"`);
    expect(csv).not.toMatch(/(^|,)=HYPERLINK/m);
  });

  it('issues the signed ledger report (kind ledger) only once a file is picked, and it verifies', async () => {
    core.dialogs.saveFile = null;
    expect(await invoke('ledger.exportReport', {})).toEqual({ saved: false, certificateId: null, number: null, file: null });
    core.dialogs.saveFile = path.join(dir, 'ledger.pdf');
    const exported = await invoke('ledger.exportReport', {});
    expect(exported.number).toMatch(/^E-20417-LG-2026-000001-[0-9A-HJKMNP-TV-Z]{6}$/);
    const result = await fieldguard(['verify', core.dialogs.saveFile, '--trust-root', authority.rootFile, '--json']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ status: 'genuine', kind: 'ledger', number: exported.number });
  }, 60_000);
});

describe('the audit trail', () => {
  it('has an entry for every step and none of the notes', () => {
    const { entries } = core.vault.session().audit.list({ limit: 1000 });
    const types = new Set(entries.map((e) => e.type));
    for (const type of [
      'ledger.item-saved',
      'ledger.checked-out',
      'ledger.at-site',
      'ledger.checked-in',
      'ledger.item-lost',
      'ledger.item-erased',
      'ledger.item-disposed',
      'ledger.inventory-started',
      'ledger.inventory-confirmed',
      'ledger.inventory-completed',
      'ledger.exported',
    ] as const) {
      expect(types, type).toContain(type);
    }
    const everything = JSON.stringify(entries) + core.logLines.join('\n');
    expect(everything).not.toContain(PRIVATE_NOTE);
    expect(everything).not.toContain('保管庫Aに見当たらない');
    expect(everything).not.toContain('佐藤 一郎');
  });

  it('the vault keeps the same certificates after the ledger migration widened their kinds', () => {
    const { db } = core.vault.session();
    expect(() => db.prepare("UPDATE certificates SET title_en = 'x'").run()).toThrow(/immutable/);
    expect(db.pragma('foreign_key_check')).toEqual([]);
  });
});
