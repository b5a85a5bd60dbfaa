/**
 * The media and device ledger (issue 8; 7-7, 7-1, 7-2, 7-10) in the browser harness: a USB
 * memory registered from the attached hardware (the form pre-filled from the device's make,
 * model and serial), checked out for a visit with the site administrator's permission and
 * returned, an inventory in which one item is confirmed present and the other recorded
 * missing with a note, its signed report saved as PDF and verified with `fieldguard verify`,
 * an overdue check-out on the dashboard, and a medium checked out for a visit in progress and
 * then lost (confirmed first), which starts the incident-response procedure; and a check-out
 * and its return with the keyboard alone.
 *
 * The attached media are the harness's ReadVolumes and ReadDeviceDetails ports, changed by
 * the tests; the core's clock can be moved back, so that a medium checked out "ten days ago"
 * is overdue today in the main process and on the screen alike.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Page } from '@playwright/test';
import type { DeviceDetails } from '../../electron/core/ledger/device-details';
import type { Volume } from '../../electron/shared/disks';
import { fieldguardWithExitCode } from './cli';
import { saveSiteWithSystem } from './site-with-system';
import { expect, invokeFromPage as call, test } from './harness';
import { tabTo } from './keyboard';
import { inspectDialog, inspectScreen, inspectWholeScreen } from './screens';

const exec = promisify(execFile);
const DAY_MS = 24 * 60 * 60 * 1000;

interface Medium {
  readonly volume: Volume;
  readonly device: DeviceDetails;
}

const USB: Medium = {
  volume: {
    mount: '/media/yamada/FG-USB',
    device: '/dev/sdb1',
    fileSystem: 'vfat',
    label: 'FG-USB',
    sizeBytes: 31_943_819_264,
    freeBytes: 30_000_000_000,
    removable: true,
  },
  device: {
    mounts: ['/media/yamada/FG-USB'],
    vendor: 'BUFFALO',
    model: 'RUF3-KVB32G',
    serial: '0702A5F1C3D40013',
    bus: 'usb',
    sizeBytes: 32_015_679_488,
    removable: true,
  },
};
const SD: Medium = {
  volume: {
    mount: '/media/yamada/SD-CARD',
    device: '/dev/mmcblk0p1',
    fileSystem: 'exfat',
    label: 'SD-CARD',
    sizeBytes: 63_847_792_640,
    freeBytes: 60_000_000_000,
    removable: true,
  },
  device: {
    mounts: ['/media/yamada/SD-CARD'],
    vendor: 'SanDisk',
    model: 'SDXC Extreme PRO',
    serial: 'SD9F31C2',
    bus: 'sd',
    sizeBytes: 63_864_569_856,
    removable: true,
  },
};
const SYSTEM_DISK: Volume = {
  mount: '/',
  device: '/dev/nvme0n1p2',
  fileSystem: 'ext4',
  label: null,
  sizeBytes: 510_000_000_000,
  freeBytes: 200_000_000_000,
  removable: false,
};

/** What is plugged into the laptop now, and how far the core's clock is set back; changed by the tests. */
let attached: Medium[] = [];
let clockOffsetMs = 0;
const ports = {
  readVolumes: async () => [SYSTEM_DISK, ...attached.map((medium) => medium.volume)],
  readDeviceDetails: async () => attached.map((medium) => medium.device),
  now: () => new Date(Date.now() + clockOffsetMs),
};
test.use({ harnessPorts: ports });

let scratch: string;
test.beforeEach(async () => {
  attached = [];
  clockOffsetMs = 0;
  scratch = await mkdtemp(path.join(os.tmpdir(), 'fieldguard-ledger-e2e-'));
});
test.afterEach(async () => {
  await rm(scratch, { recursive: true, force: true });
});

const heading = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name });

/** A day in Japan time, `YYYY-MM-DD`. */
function japanDay(at: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo', year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

/** A 32 GB BUFFALO stick in the store, registered behind the screen (its registration on screen is the first test's). */
function registerStick(page: Page, label: string, serial: string): Promise<{ id: string }> {
  return call<{ id: string }>(page, 'ledger.save', {
    item: {
      label,
      type: 'usb-memory',
      make: 'BUFFALO',
      model: 'RUF3-KVB32G',
      serial,
      capacityBytes: 32_000_000_000,
      encryption: 'hardware',
      owner: '山田 太郎',
      storageLocation: '本社 3F 保管庫 A',
      purchaseDate: null,
      warrantyEnd: null,
      notes: '',
    },
  });
}

test('[7-7][12-3] register from hardware, check out for a visit, return, inventory with one missing, save and verify the signed report', async ({
  page,
  app,
}) => {
  // Seven screens in two languages, each also at 1366×768, and a CLI verify: over a minute on a loaded shared machine.
  test.setTimeout(180_000);
  attached = [USB, SD];
  await app.createVault();
  await app.open('/');
  await page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: '台帳' }).click();
  await expect(heading(page, '媒体管理台帳')).toBeFocused();
  await expect(page.getByTestId('ledger-empty')).toContainText('まだ媒体が登録されていません');

  // 接続中の未登録の媒体が指摘される
  await expect(page.getByTestId('ledger-unregistered')).toContainText('台帳に登録されていない媒体が 2 台接続されています');
  const usbRow = page.getByTestId('ledger-attached-table').locator(`tbody tr[data-mount="${USB.volume.mount}"]`);
  await expect(usbRow).toContainText('BUFFALO RUF3-KVB32G');
  await expect(usbRow).toContainText('S/N 0702A5F1C3D40013');
  await expect(usbRow).toContainText('未登録');
  await inspectScreen(page, 'ledger-empty');

  // ハードウェアから登録: フォームは接続中の媒体の情報で入力済み
  await usbRow.getByRole('button', { name: 'FG-USB を台帳に登録' }).click();
  await expect(heading(page, '接続中の媒体を登録')).toBeFocused();
  await expect(page.getByTestId('ledger-prefilled')).toContainText('FG-USB（/media/yamada/FG-USB）から');
  const form = page.getByRole('form', { name: '媒体を登録' });
  await expect(form.getByRole('textbox', { name: 'メーカー' })).toHaveValue('BUFFALO');
  await expect(form.getByRole('textbox', { name: '型番' })).toHaveValue('RUF3-KVB32G');
  await expect(form.getByRole('textbox', { name: 'シリアル番号' })).toHaveValue('0702A5F1C3D40013');
  await expect(form.getByRole('textbox', { name: '容量（GB）' })).toHaveValue('32.02');
  await expect(form.getByRole('combobox', { name: '種類' })).toHaveValue('usb-memory');

  // 管理番号なしでは登録できず、フォーカスが管理番号へ
  await form.getByRole('button', { name: '登録する' }).click();
  await expect(form.getByRole('textbox', { name: /^管理番号/ })).toBeFocused();
  await expect(form).toContainText('管理番号を入力してください。');
  await form.getByRole('textbox', { name: /^管理番号/ }).fill('FG-USB-001');
  await form.getByRole('combobox', { name: '暗号化' }).selectOption('hardware');
  await form.getByRole('textbox', { name: '管理責任者' }).fill('山田 太郎');
  await form.getByRole('textbox', { name: '保管場所' }).fill('本社 3F 保管庫 A');
  await form.getByLabel('購入日').fill('2024-04-01');
  await form.getByLabel('保証期限').fill('2029-03-31');
  await form.getByRole('button', { name: '登録する' }).click();

  await expect(heading(page, 'FG-USB-001')).toBeVisible();
  const status = page.getByTestId('ledger-item-status');
  await expect(status.locator('[data-status]')).toHaveAttribute('data-status', 'in-store');
  await expect(status).toContainText('保管中');
  const details = page.getByTestId('ledger-item-details');
  await expect(details).toContainText('暗号化（ハードウェア）');
  await expect(details).toContainText('29.8 GiB');
  await expect(details).toContainText('2029/03/31');
  await expect(details).toContainText(/\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}:\d{2} JST/);

  // 持ち出し（訪問・目的・施設管理者の許可・返却予定日）
  await inspectDialog(page, 'ledger-checkout-dialog', async () => {
    await page.getByRole('button', { name: /^(持ち出す|Check out)$/ }).click();
    return page.getByRole('dialog');
  });
  await page.getByRole('button', { name: '持ち出す' }).click();
  const checkOut = page.getByRole('dialog', { name: 'FG-USB-001 を持ち出す' });
  await expect(checkOut.getByRole('textbox', { name: /^持ち出す人/ })).toHaveValue('山田 太郎');
  // 施設のデータを持ち出すなら、許可した管理者が必要
  await checkOut.getByRole('checkbox', { name: '施設のデータ（医療情報）を持ち出す' }).check();
  await checkOut.getByRole('textbox', { name: /^目的/ }).fill('CT 装置の定期点検でログを取得');
  await checkOut.getByRole('button', { name: '持ち出しを記録' }).click();
  await expect(checkOut).toContainText('許可した施設のシステム管理者を入力してください。');
  await checkOut.getByRole('textbox', { name: /^許可した施設のシステム管理者/ }).fill('佐藤 一郎（医療情報部）');
  await checkOut.getByRole('textbox', { name: /^訪問/ }).fill('東都大学病院 2026-11-26 WO-2026-1126');
  // 許可日時：日付は 2026/11/26 の形、時刻は 24 時間制（mm/dd/yyyy や午前・午後ではない）。時刻でないものは、その欄で断る
  const grantedDay = checkOut.getByRole('combobox', { name: '許可日時', exact: true });
  const grantedTime = checkOut.getByRole('textbox', { name: '許可日時 時刻' });
  await expect(grantedDay).toHaveValue(/^\d{4}\/\d{2}\/\d{2}$/);
  await expect(grantedTime).toHaveValue(/^\d{2}:\d{2}$/);
  await grantedDay.fill('2026/11/26');
  await grantedDay.press('Tab');
  await grantedTime.fill('25:10');
  await checkOut.getByRole('button', { name: '持ち出しを記録' }).click();
  await expect(checkOut).toContainText('時刻は 24 時間制で「14:03」のように入力してください。');
  await expect(grantedTime).toHaveAttribute('aria-invalid', 'true');
  await expect(checkOut).toBeVisible();
  await grantedTime.fill('9時5分');
  await grantedTime.press('Tab');
  await expect(grantedTime).toHaveValue('09:05');
  await expect(checkOut).not.toContainText('のように入力してください。');
  await checkOut.getByRole('button', { name: '持ち出しを記録' }).click();
  await expect(checkOut).toBeHidden();
  await expect(page.getByTestId('ledger-step-done')).toContainText('持ち出しを記録しました。');
  await expect(status.locator('[data-status]')).toHaveAttribute('data-status', 'checked-out');
  await expect(status).toContainText('持ち出し中');
  const current = page.getByTestId('ledger-current-checkout');
  await expect(current).toContainText('CT 装置の定期点検でログを取得');
  await expect(current).toContainText('東都大学病院 2026-11-26 WO-2026-1126');
  await expect(current).toContainText('佐藤 一郎（医療情報部）（2026/11/26 09:05:00 JST）');
  await inspectWholeScreen(page, 'ledger-item');

  // 返却（状態つき）
  await page.getByRole('button', { name: '返却を記録' }).click();
  const checkIn = page.getByRole('dialog', { name: 'FG-USB-001 の返却を記録' });
  await checkIn.getByRole('radio', { name: '異常なし' }).check();
  await checkIn.getByRole('textbox', { name: 'メモ' }).fill('ログは保管庫に取り込み済み');
  await checkIn.getByRole('button', { name: '返却を記録' }).click();
  await expect(checkIn).toBeHidden();
  await expect(status.locator('[data-status]')).toHaveAttribute('data-status', 'in-store');
  await expect(page.getByTestId('ledger-current-checkout')).toHaveCount(0);
  const history = page.getByTestId('ledger-history').locator('tbody tr');
  await expect(history).toHaveCount(1);
  await expect(history.first()).toContainText('山田 太郎・異常なし');
  await expect(history.first()).toContainText('許可：佐藤 一郎（医療情報部）');

  // 2 台目（SD カード）を登録し、一覧へ
  await call(page, 'ledger.save', {
    item: {
      label: 'FG-SD-002',
      type: 'sd-card',
      make: 'SanDisk',
      model: 'SDXC Extreme PRO',
      serial: 'SD9F31C2',
      capacityBytes: 64_000_000_000,
      encryption: 'none',
      owner: '山田 太郎',
      storageLocation: '本社 3F 保管庫 B',
      purchaseDate: '2023-10-01',
      warrantyEnd: null,
      notes: '',
    },
  });
  await page.getByRole('link', { name: '台帳の一覧に戻る' }).click();
  await expect(heading(page, '媒体管理台帳')).toBeFocused();
  const items = page.getByTestId('ledger-items').locator('tbody tr');
  await expect(items).toHaveCount(2);
  await expect(page.getByTestId('ledger-items').locator('tbody tr[data-label="FG-USB-001"]')).toContainText('保管中');
  await expect(page.getByTestId('ledger-unregistered')).toHaveCount(0);
  await expect(usbRow).toContainText('登録済み');
  await inspectWholeScreen(page, 'ledger-list');

  // 棚卸: 媒体は外してある。1 台は目視で確認、もう 1 台は見つからない（メモつき）
  attached = [];
  await page.getByRole('button', { name: '棚卸', exact: true }).click();
  await expect(heading(page, '棚卸')).toBeFocused();
  await page.getByRole('button', { name: '棚卸を始める' }).click();
  const entries = page.getByTestId('ledger-inventory-entries');
  await expect(entries.locator('tbody tr')).toHaveCount(2);
  await expect(page.getByTestId('ledger-inventory')).toContainText('確認済み 0 / 2 件');
  await expect(page.getByRole('button', { name: '棚卸を完了して報告書を発行' })).toHaveAttribute('aria-disabled', 'true');
  await page.getByRole('button', { name: 'FG-USB-001 の所在を確認' }).click();
  await expect(entries.locator('tbody tr[data-label="FG-USB-001"]')).toHaveAttribute('data-result', 'present');
  await expect(entries.locator('tbody tr[data-label="FG-USB-001"]')).toContainText('目視で確認');

  await page.getByRole('button', { name: 'FG-SD-002 が見つからないことを記録' }).click();
  const missing = page.getByRole('dialog', { name: 'FG-SD-002 が見つからないことを記録' });
  await missing.getByRole('button', { name: '所在不明として記録' }).click();
  await expect(missing).toContainText('見つからない状況をメモに入力してください。');
  await missing.getByRole('textbox', { name: /^メモ/ }).fill('保管庫 B の棚に見当たらない。最後の使用は 11/20 の東都大学病院訪問。');
  await missing.getByRole('button', { name: '所在不明として記録' }).click();
  await expect(missing).toBeHidden();
  await expect(entries.locator('tbody tr[data-label="FG-SD-002"]')).toHaveAttribute('data-result', 'missing');
  await expect(page.getByTestId('ledger-inventory')).toContainText('確認済み 2 / 2 件');
  await inspectWholeScreen(page, 'ledger-inventory');

  // 完了すると署名付きの棚卸報告書（差異つき）
  await page.getByRole('button', { name: '棚卸を完了して報告書を発行' }).click();
  const result = page.getByTestId('ledger-inventory-result');
  await expect(result).toContainText(/棚卸報告書 E-20417-IN-\d{4}-000001-[0-9A-Z]{6} を発行しました/, { timeout: 30_000 });
  await expect(result).toContainText('2 件中 1 件の所在を確認しました。差異は 1 件です。');
  await expect(result).toContainText('所在不明: FG-SD-002 — 台帳では保管中（本社 3F 保管庫 B） — 保管庫 B の棚に見当たらない。');
  await expect(page.getByTestId('ledger-inventory-history').locator('tbody tr')).toHaveCount(1);
  await inspectWholeScreen(page, 'ledger-inventory-result');

  app.dialogs.saveFile = path.join(scratch, '棚卸報告書.pdf');
  await result.getByRole('button', { name: /^PDF を保存（棚卸報告書 E-20417-IN-\d{4}-000001-[0-9A-Z]{6}）$/ }).click();
  await expect(result.getByRole('status').filter({ hasText: '保存しました' })).toHaveText('「棚卸報告書.pdf」を保存しました。');
  await expect(result.getByRole('button', { name: '「棚卸報告書.pdf」のフォルダーを開く' })).toBeVisible();

  // Not enrolled with the company authority: intact, issuer not confirmed, which `verify` answers with exit code 1 (issue 13).
  const { code, stdout } = await fieldguardWithExitCode(['verify', app.dialogs.saveFile, '--json']);
  expect(code).toBe(1);
  const verification = JSON.parse(stdout) as { status: string; kind: string; number: string; signer: { employeeId: string } };
  expect(verification).toMatchObject({
    status: 'issuer-unconfirmed',
    companyCertified: false,
    kind: 'inventory',
    signer: { employeeId: 'E-20417' },
  });
  expect(verification.number).toMatch(/^E-20417-IN-\d{4}-000001-[0-9A-Z]{6}$/);
  const { stdout: text } = await exec('pdftotext', [app.dialogs.saveFile, '-']);
  expect(text).toContain('FG-SD-002');
  expect(text).toContain('FG-USB-001');
});

test("a check-out and its return with the keyboard alone, with the site administrator's permission", async ({ page, app }) => {
  await app.createVault();
  await app.open('/');
  const item = await registerStick(page, 'FG-USB-005', 'KEYBOARD-0005');
  await app.open(`/ledger?item=${item.id}`);
  await expect(heading(page, 'FG-USB-005')).toBeVisible();

  await tabTo(page, page.getByRole('button', { name: '持ち出す', exact: true }));
  await page.keyboard.press('Enter');
  const checkOut = page.getByRole('dialog', { name: 'FG-USB-005 を持ち出す' });
  await expect(checkOut).toBeVisible();
  // The focus starts inside the dialog and stays there: every field is reached with Tab from it.
  await expect(checkOut.locator(':focus')).toHaveCount(1);
  await tabTo(page, checkOut.getByRole('textbox', { name: /^目的/ }));
  await page.keyboard.type('CT 装置の定期点検でログを取得');
  await tabTo(page, checkOut.getByRole('checkbox', { name: '施設のデータ（医療情報）を持ち出す' }));
  await page.keyboard.press('Space');
  await tabTo(page, checkOut.getByRole('button', { name: '持ち出しを記録' }));
  await page.keyboard.press('Enter');
  // The missing permission is said at its field, and the field is reached again with Tab.
  await expect(checkOut).toContainText('許可した施設のシステム管理者を入力してください。');
  await tabTo(page, checkOut.getByRole('textbox', { name: /^許可した施設のシステム管理者/ }), 'Shift+Tab');
  await page.keyboard.type('佐藤 一郎');
  await tabTo(page, checkOut.getByRole('button', { name: '持ち出しを記録' }));
  await page.keyboard.press('Enter');
  await expect(checkOut).toBeHidden();
  const status = page.getByTestId('ledger-item-status');
  await expect(status.locator('[data-status]')).toHaveAttribute('data-status', 'checked-out');
  await expect(page.getByTestId('ledger-current-checkout')).toContainText(/佐藤 一郎（\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}:\d{2} JST）/);

  await tabTo(page, page.getByRole('button', { name: '返却を記録' }));
  await page.keyboard.press('Enter');
  const checkIn = page.getByRole('dialog', { name: 'FG-USB-005 の返却を記録' });
  await tabTo(page, checkIn.getByRole('radio', { name: '異常なし' }));
  await page.keyboard.press('Space');
  await expect(checkIn.getByRole('radio', { name: '異常なし' })).toBeChecked();
  await tabTo(page, checkIn.getByRole('button', { name: '返却を記録' }));
  await page.keyboard.press('Enter');
  await expect(checkIn).toBeHidden();
  await expect(status.locator('[data-status]')).toHaveAttribute('data-status', 'in-store');
});

test('a medium past its return date shows on the dashboard and the ledger', async ({ page, app }) => {
  // Ten days ago: registered and checked out, due back two days later.
  clockOffsetMs = -10 * DAY_MS;
  const then = new Date(Date.now() + clockOffsetMs);
  await app.createVault();
  await app.open('/');
  const item = await registerStick(page, 'FG-USB-009', 'OVERDUE-0009');
  await call(page, 'ledger.checkOut', {
    itemId: item.id,
    custodian: '鈴木 次郎',
    purpose: 'MRI 装置の点検',
    visitReference: '西都病院',
    expectedReturnDate: japanDay(new Date(then.getTime() + 2 * DAY_MS)),
    carriesSiteData: false,
  });

  clockOffsetMs = 0;
  // A new day: the app is opened again (the same address, so a reload).
  await page.reload();
  await page.locator('h1').first().waitFor();
  const card = page.getByTestId('dashboard-ledger');
  await expect(card.getByRole('heading', { level: 2, name: '媒体管理台帳' })).toBeVisible();
  const overdue = card.getByTestId('dashboard-ledger-overdue');
  await expect(overdue).toHaveAttribute('data-count', '1');
  await expect(overdue).toContainText('返却予定日を過ぎた媒体：1 件');
  await expect(overdue).toContainText('FG-USB-009（鈴木 次郎、8 日超過）');
  await inspectScreen(page, 'dashboard-ledger');

  await card.getByRole('link', { name: '台帳を開く' }).click();
  await expect(heading(page, '媒体管理台帳')).toBeFocused();
  await expect(page.getByTestId('ledger-overdue')).toContainText('返却予定日を過ぎた媒体が 1 件あります');
  await expect(page.getByTestId('ledger-overdue')).toContainText('鈴木 次郎、返却予定');
  await page.getByTestId('ledger-overdue').getByRole('link', { name: 'FG-USB-009' }).click();
  await expect(heading(page, 'FG-USB-009')).toBeVisible();
  await expect(page.getByTestId('ledger-current-checkout')).toContainText('返却予定日');
  await expect(page.getByTestId('ledger-current-checkout')).toContainText('を過ぎています。返却するか、保管者に確認してください。');
});

test('[12-3][18-1] checked out for a visit in progress, then lost: the loss is confirmed and starts the incident response', async ({
  page,
  app,
}) => {
  await app.createVault();
  await app.open('/');
  const { site, system } = await saveSiteWithSystem(
    page,
    { name: '東都大学病院', department: '放射線科', administrator: { name: '佐藤 花子' } },
    { product: 'NeoPremium 2 画像サーバー', version: '2.4.1', serial: 'NP2-24-00117', hostName: 'RAD-PACS01' },
  );
  const run = await call<{ id: string; reference: string }>(page, 'visits.start', {
    templateId: 'maintenance-visit',
    siteId: site.id,
    systemId: system.id,
  });
  const item = await registerStick(page, 'FG-USB-010', 'LOST-0010');
  await page.goto(`${page.url().split('#')[0]}#/ledger?item=${item.id}`);
  await expect(heading(page, 'FG-USB-010')).toBeVisible();

  // 実施中の作業を選ぶと、その番号が訪問欄に入る
  await page.getByRole('button', { name: '持ち出す' }).click();
  const checkOut = page.getByRole('dialog', { name: 'FG-USB-010 を持ち出す' });
  await checkOut.getByRole('combobox', { name: /^実施中の訪問作業/ }).selectOption(run.id);
  await expect(checkOut.getByRole('textbox', { name: /^訪問/ })).toHaveValue(run.reference);
  await checkOut.getByRole('textbox', { name: /^目的/ }).fill('保守作業');
  await checkOut.getByRole('button', { name: '持ち出しを記録' }).click();
  await expect(checkOut).toBeHidden();
  await expect(page.getByTestId('ledger-current-checkout')).toContainText(run.reference);

  // 紛失は確認してから記録（キャンセルでは何も変わらない）
  await page.getByRole('button', { name: '紛失として記録' }).click();
  const lost = page.getByRole('alertdialog', { name: 'FG-USB-010 を紛失として記録しますか？' });
  await lost.getByRole('button', { name: 'キャンセル' }).click();
  await expect(lost).toBeHidden();
  await expect(page.getByTestId('ledger-item-status').locator('[data-status]')).toHaveAttribute('data-status', 'checked-out');
  await page.getByRole('button', { name: '紛失として記録' }).click();
  await lost.getByRole('textbox', { name: /^状況/ }).fill('施設からの帰路で紛失に気付いた');
  await lost.getByRole('button', { name: '紛失として記録する' }).click();
  await expect(lost).toBeHidden();
  await expect(page.getByTestId('ledger-item-status').locator('[data-status]')).toHaveAttribute('data-status', 'lost');
  const incident = page.getByTestId('ledger-incident-started');
  await expect(incident).toContainText('インシデント対応の手順（18-1）を開始しました');
  await inspectScreen(page, 'ledger-item-lost');
  await incident.getByRole('link', { name: 'インシデント対応を開く' }).click();
  await expect(page).toHaveURL(/#\/visits\?run=/);
});
