import { execFile } from 'node:child_process';
import { access, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { verifyCertificate } from '../../electron/core/certificates/verify-certificate';
import { expect, test } from './harness';
import { tabTo } from './keyboard';
import { eraseAndKill, filesLeft } from '../support/interrupted-erasure';
import { TEST_PASSWORD } from '../support/test-core';
import { inspectDialog, inspectScreen } from './screens';

const exec = promisify(execFile);
let scratch: string;

test.beforeEach(async () => {
  scratch = await mkdtemp(path.join(os.tmpdir(), 'fieldguard-erasure-e2e-'));
});
test.afterEach(async () => {
  await rm(scratch, { recursive: true, force: true });
});

test('[10-1] erase a visit folder, watch it finish, countersign, issue the certificate, save and verify it', async ({ page, app }) => {
  // Two languages of four screens, a lock and an unlock: longer than the default minute on a shared machine.
  test.setTimeout(180_000);
  const folder = path.join(scratch, '東都病院_CT保守データ');
  await mkdir(path.join(folder, '画像'), { recursive: true });
  await writeFile(path.join(folder, '画像', '山田花子_study.dcm'), Buffer.alloc(3 * 1024 * 1024, 7));
  await writeFile(path.join(folder, 'ログ.txt'), '患者 ID 12345 の検査ログ\n'.repeat(100));
  await writeFile(path.join(folder, 'empty.bin'), '');

  await app.createVault();
  await app.open('/erasure');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('データ消去');
  await inspectScreen(page, 'erasure-empty');

  app.dialogs.importSources = [folder];
  await page.getByRole('button', { name: 'フォルダーを追加' }).click();
  const targets = page.getByTestId('erasure-targets');
  await expect(targets).toContainText(folder);
  await expect(targets.locator('tbody tr td').nth(2)).toHaveText('3');

  await page.getByRole('textbox', { name: '施設名' }).fill('東都病院');
  await page.getByRole('textbox', { name: '施設のシステム管理者' }).fill('佐藤 一郎');
  await page.getByRole('textbox', { name: '訪問・作業指示番号' }).fill('WO-2026-1126');
  await inspectScreen(page, 'erasure-ready');

  await inspectDialog(page, 'erasure-confirm', async () => {
    await page.getByRole('button', { name: /^(消去を開始|Start erasure)$/ }).click();
    return page.getByRole('alertdialog');
  });
  await page.getByRole('button', { name: '消去を開始' }).click();
  const confirm = page.getByRole('alertdialog', { name: '3 件のファイルを消去しますか？' });
  await expect(confirm.getByRole('button', { name: '消去する' })).toBeDisabled();
  await confirm.getByRole('textbox').fill('３');
  await confirm.getByRole('button', { name: '消去する' }).click();

  await expect(page.getByText('すべて消去し、検証しました')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText(/消去・検証済み 3 件、例外 0 件、未消去 0 件/)).toBeVisible();
  await expect(access(folder)).rejects.toThrow();
  // The result is shown in place of the form, not above a form already reset.
  await expect(page.getByRole('textbox', { name: '施設名' })).toHaveCount(0);

  // Leaving the screen and locking the vault before issuing loses nothing: the result is kept in the vault.
  await page.getByRole('link', { name: '証明書' }).first().click();
  await page.getByRole('button', { name: 'ロック' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('保管庫のロック解除');
  await page.getByRole('textbox', { name: 'パスワード', exact: true }).fill(TEST_PASSWORD);
  await page.getByRole('button', { name: 'ロックを解除' }).click();
  await expect(page.getByRole('heading', { level: 1 })).not.toHaveText('保管庫のロック解除');
  await app.open('/erasure');
  const pending = page.getByTestId('erasure-pending');
  await expect(pending.getByRole('row').filter({ hasText: '東都病院' })).toContainText('すべて消去し、検証しました');
  await inspectScreen(page, 'erasure-pending');
  await pending.getByRole('button', { name: /東都病院（.+）の消去結果を確認して発行/ }).click();

  const view = page.getByTestId('erasure-result');
  await expect(view).toContainText('WO-2026-1126');
  await expect(view.getByRole('textbox', { name: '確認者の氏名' })).toHaveValue('佐藤 一郎');
  await expect(view.getByText('上記の消去結果を確認しました', { exact: true })).toBeVisible();
  const pad = page.getByRole('img', { name: '確認署名欄（未記入）' });
  await pad.scrollIntoViewIfNeeded();
  const box = (await pad.boundingBox())!;
  await page.mouse.move(box.x + 30, box.y + 100);
  await page.mouse.down();
  for (let i = 1; i <= 20; i += 1) await page.mouse.move(box.x + 30 + i * 18, box.y + 100 + Math.sin(i / 2) * 30);
  await page.mouse.up();
  await expect(page.getByRole('img', { name: '確認署名欄（署名済み）' })).toBeVisible();
  await inspectScreen(page, 'erasure-result');

  // One action issues the certificate and saves its PDF where the engineer chooses.
  app.dialogs.saveFile = path.join(scratch, 'certificate.pdf');
  await view.getByRole('button', { name: '発行して PDF を保存' }).click();
  await expect(view.getByText(/証明書 E-20417-ER-\d{4}-000001-[0-9A-Z]{6} を発行し、PDF を保存しました。/)).toBeVisible({
    timeout: 30_000,
  });
  await expect(view.getByRole('button', { name: '「certificate.pdf」のフォルダーを開く' })).toBeVisible();
  await inspectScreen(page, 'erasure-issued');
  await view.getByRole('button', { name: '閉じる' }).click();
  await expect(page.getByTestId('erasure-pending')).toHaveCount(0);
  await expect(page.getByRole('textbox', { name: '施設名' })).toBeVisible();

  await page.getByRole('link', { name: '証明書' }).first().click();
  const row = page.getByRole('row').filter({ hasText: 'E-20417-ER-' });
  await expect(row).toContainText('データ消去証明書');

  const pdf = await readFile(app.dialogs.saveFile);
  const verification = await verifyCertificate(pdf);
  // Signed before the engineer enrolled with the company authority: intact, issuer not confirmed (issue 13).
  expect(verification.status).toBe('issuer-unconfirmed');
  expect(verification.companyCertified).toBe(false);
  expect(verification.signer?.employeeId).toBe('E-20417');
  const { stdout } = await exec('pdftotext', [app.dialogs.saveFile, '-']);
  expect(stdout).toContain('データ消去証明書');
  expect(stdout).toContain('東都病院');
  expect(stdout).not.toContain('山田花子');
  expect(stdout.replace(/\s+/g, '')).toContain('（佐藤一郎）：上記の消去結果を確認しました');

  app.dialogs.certificateFile = app.dialogs.saveFile;
  // Checking a document is on the Certificates screen's 「検証」 tab.
  await page.getByRole('tab', { name: '検証', exact: true }).click();
  await page.getByRole('button', { name: 'ファイルを選んで検証' }).click();
  const result = page.getByRole('region', { name: '検証結果' });
  await expect(result).toHaveAttribute('data-status', 'issuer-unconfirmed', { timeout: 30_000 });
  await expect(result.getByRole('status')).toContainText('改ざんなし・発行者未確認');
  await expect(result).toContainText('会社の認証なし');
  await page.getByRole('tab', { name: '発行した証明書・報告書', exact: true }).click();
  await expect(row.getByText('会社の認証なし')).toBeVisible();
  await inspectScreen(page, 'certificates-list');
});

test('an erasure killed part way is named on the screen, and abandoned only with a reason the certificate prints', async ({
  page,
  app,
}) => {
  const folder = path.join(scratch, '東都病院_MR保守データ');
  await mkdir(folder, { recursive: true });
  for (let i = 0; i < 30; i += 1) await writeFile(path.join(folder, `img${String(i).padStart(2, '0')}.dcm`), Buffer.alloc(256 * 1024, i));
  await app.createVault({ passwordOnly: true });
  // The command line on the same vault, killed by the kernel with a third of the files erased.
  await eraseAndKill([folder, '--site', '東都病院'], {
    dataDir: app.dataDir,
    password: TEST_PASSWORD,
    when: async () => (await filesLeft(folder)) <= 20,
  });
  const left = await filesLeft(folder);

  await app.open('/erasure');
  const interrupted = page.getByTestId('erasure-interrupted');
  await expect(interrupted).toContainText('中断された消去作業があります');
  // 30 files and their folder.
  await expect(interrupted).toContainText('31 項目のうち');
  await expect(interrupted).toContainText(folder);
  await inspectScreen(page, 'erasure-interrupted');
  await inspectDialog(page, 'erasure-abandon', async () => {
    await page.getByRole('button', { name: /^(中止…|Abandon…)$/ }).click();
    return page.getByTestId('erasure-abandon-dialog');
  });

  await interrupted.getByRole('button', { name: '中止…' }).click();
  const dialog = page.getByRole('alertdialog', { name: 'この消去作業を中止しますか？' });
  await dialog.getByRole('button', { name: '中止する' }).click();
  // Nothing happens without a reason: the job is still there.
  await expect(dialog).toBeVisible();
  await dialog.getByRole('textbox').fill('施設の停電のため中止');
  await dialog.getByRole('button', { name: '中止する' }).click();
  await expect(page.getByText('中断後に中止しました（消去済みの項目だけが消去されています）')).toBeVisible();
  await expect(interrupted).toHaveCount(0);
  expect(await filesLeft(folder)).toBe(left);

  app.dialogs.saveFile = path.join(scratch, 'abandoned.pdf');
  await page.getByRole('button', { name: '発行して PDF を保存' }).click();
  await expect(page.getByText(/証明書 E-20417-ER-\d{4}-000001-[0-9A-Z]{6} を発行し、PDF を保存しました。/)).toBeVisible({
    timeout: 30_000,
  });
  const { stdout } = await exec('pdftotext', [app.dialogs.saveFile, '-']);
  expect(stdout).toContain('中断後に中止');
  expect(stdout).toContain('施設の停電のため中止');
});

test('[10-1] the whole erasure from the keyboard alone: targets, site, the typed confirmation, the result issued and saved', async ({
  page,
  app,
}) => {
  const folder = path.join(scratch, '西町クリニック_保守');
  await mkdir(folder, { recursive: true });
  await writeFile(path.join(folder, 'a.dcm'), Buffer.alloc(64 * 1024, 1));
  await writeFile(path.join(folder, 'b.dcm'), Buffer.alloc(64 * 1024, 2));
  await app.createVault();
  await app.open('/erasure');

  app.dialogs.importSources = [folder];
  await tabTo(page, page.getByRole('button', { name: 'フォルダーを追加' }));
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('erasure-targets')).toContainText(folder);
  await tabTo(page, page.getByRole('textbox', { name: '施設名' }));
  await page.keyboard.type('西町クリニック');
  await tabTo(page, page.getByRole('button', { name: '消去を開始' }));
  await page.keyboard.press('Enter');

  // The shared destructive dialog: the red 消去する first, やめる beside it; the count typed, then Enter.
  const confirm = page.getByRole('alertdialog', { name: '2 件のファイルを消去しますか？' });
  await expect(confirm.getByRole('button')).toHaveText(['消去する', 'やめる']);
  await expect(confirm.getByRole('textbox')).toBeFocused();
  await page.keyboard.type('2');
  // Red once it can be pressed (until the count is typed it looks disabled, like any disabled button).
  // Fluent eases the background between the two, so the colour is polled until the transition ends.
  const button = confirm.getByRole('button', { name: '消去する' });
  await expect
    .poll(async () => {
      const [red, green, blue] = (await button.evaluate((element) => getComputedStyle(element).backgroundColor)).match(/\d+/g)!.map(Number);
      return red! > green! + 60 && red! > blue! + 60;
    })
    .toBe(true);
  await page.keyboard.press('Enter');

  const view = page.getByTestId('erasure-result');
  await expect(view.getByText('すべて消去し、検証しました')).toBeVisible({ timeout: 30_000 });
  await tabTo(page, view.getByRole('textbox', { name: '確認者の氏名' }));
  await page.keyboard.type('田中 次郎');
  app.dialogs.saveFile = path.join(scratch, 'keyboard.pdf');
  await tabTo(page, view.getByRole('button', { name: '発行して PDF を保存' }));
  await page.keyboard.press('Enter');
  await expect(view.getByText(/を発行し、PDF を保存しました。/)).toBeVisible({ timeout: 30_000 });
  const { stdout } = await exec('pdftotext', [app.dialogs.saveFile, '-']);
  expect(stdout).toContain('西町クリニック');
  expect(stdout.replace(/\s+/g, '')).toContain('（田中次郎）：上記の消去結果を確認しました');
});
