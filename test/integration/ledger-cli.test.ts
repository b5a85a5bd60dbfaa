/**
 * `fieldguard ledger list` and `fieldguard ledger export` on a vault made with `fieldguard vault
 * init`, whose ledger was filled through the app's core: the list a person reads, the CSV for
 * Excel, and the signed ledger report that `fieldguard verify` accepts.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KEYCHAIN_SERVICE } from '../../electron/platform/keychain/keytar-key-store';
import { createTestCore, TEST_PASSWORD } from '../support/test-core';

const root = path.resolve(import.meta.dirname, '../..');
let work: string;
let dataDir: string;

function fieldguard(args: string[], stdin = ''): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      ['--import', 'tsx', 'electron/cli/index.ts', ...args, ...(args[0] === 'verify' ? [] : ['--data-dir', dataDir])],
      { cwd: root, env: { ...process.env, LANG: 'ja_JP.UTF-8' } },
      (error, stdout, stderr) => resolve({ code: error ? Number((error as { code?: number | string }).code ?? 2) : 0, stdout, stderr }),
    );
    child.stdin?.end(stdin);
  });
}

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'fieldguard-ledger-cli-'));
  dataDir = path.join(work, 'data');
  const init = await fieldguard(
    ['vault', 'init', '--name', '山田 太郎', '--company', '東都メディカル株式会社', '--employee-id', 'E-20417', '--password-stdin'],
    `${TEST_PASSWORD}\n`,
  );
  expect(init.code).toBe(0);
  // The same data folder and keychain entry the CLI uses, through the app's core.
  const core = await createTestCore({}, { dataDir, keychainService: KEYCHAIN_SERVICE });
  await core.handlers['vault.unlock']({ password: TEST_PASSWORD });
  const item = {
    type: 'usb-memory' as const,
    make: 'SanDisk',
    model: 'Cruzer Blade',
    capacityBytes: 32e9,
    encryption: 'hardware' as const,
    owner: '山田 太郎',
    storageLocation: '保管庫A',
    purchaseDate: null,
    warrantyEnd: null,
    notes: '',
  };
  const first = await core.handlers['ledger.save']({ item: { ...item, label: 'FG-USB-010', serial: 'SN-10' } });
  await core.handlers['ledger.save']({ item: { ...item, label: 'FG-USB-002', serial: 'SN-2' } });
  await core.handlers['ledger.checkOut']({
    itemId: first.id,
    custodian: '鈴木 次郎',
    purpose: '定期点検',
    visitReference: '東都病院',
    expectedReturnDate: '2099-01-31',
    carriesSiteData: false,
  });
  core.vault.lock('manual');
}, 120_000);
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('fieldguard ledger', () => {
  it('lists the items in label order with status and custodian, in Japanese', async () => {
    const result = await fieldguard(['ledger', 'list', '--password-stdin'], `${TEST_PASSWORD}\n`);
    expect(result.code).toBe(0);
    expect(result.stdout.trim().split('\n')).toEqual([
      'FG-USB-002\tUSBメモリ\tSN-2\t保管中\t保管庫A\t',
      'FG-USB-010\tUSBメモリ\tSN-10\t持ち出し中\t鈴木 次郎\t2099-01-31',
    ]);
    const out = await fieldguard(['ledger', 'list', '--status', 'checked-out', '--json', '--password-stdin'], `${TEST_PASSWORD}\n`);
    expect((JSON.parse(out.stdout) as { items: Array<{ label: string }> }).items.map((i) => i.label)).toEqual(['FG-USB-010']);
  }, 60_000);

  it('exports the CSV and the signed ledger report, which verifies', async () => {
    const csv = path.join(work, 'ledger.csv');
    expect((await fieldguard(['ledger', 'export', '--csv', csv, '--password-stdin'], `${TEST_PASSWORD}\n`)).code).toBe(0);
    expect((await readFile(csv, 'utf8')).startsWith('\uFEFF管理番号')).toBe(true);
    const pdf = path.join(work, 'ledger.pdf');
    const exported = await fieldguard(['ledger', 'export', '--report', pdf, '--json', '--password-stdin'], `${TEST_PASSWORD}\n`);
    expect(exported.code).toBe(0);
    expect(JSON.parse(exported.stdout)).toMatchObject({ number: expect.stringMatching(/^E-20417-LG-\d{4}-000001-[0-9A-HJKMNP-TV-Z]{6}$/) });
    // A vault made with `vault init` alone has no company certificate: intact, issuer not confirmed.
    const verified = await fieldguard(['verify', pdf, '--json']);
    expect(verified.code).toBe(1);
    expect(JSON.parse(verified.stdout)).toMatchObject({
      kind: 'ledger',
      status: 'issuer-unconfirmed',
      problem: 'CERT_NOT_COMPANY_CERTIFIED',
    });
    expect((await fieldguard(['ledger', 'export', '--password-stdin'], `${TEST_PASSWORD}\n`)).code).toBe(2);
  }, 90_000);
});
