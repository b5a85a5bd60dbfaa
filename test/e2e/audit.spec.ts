/**
 * The Audit log screen, as an engineer or an auditor reads it: what happened to the vault's
 * files, filtered and paged, checked for tampering, and saved as CSV for Excel.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect, invokeFromPage as call, test } from './harness';
import { inspectScreen } from './screens';

const COLLECTION = '2025-04-16 西町クリニック CT 修理';
const FILES = 60;

function jstDay(offsetDays = 0): string {
  return new Date(Date.now() + 9 * 3_600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);
}

test.describe('the Audit log screen', () => {
  let scratch: string;
  test.beforeEach(async () => {
    scratch = await mkdtemp(path.join(os.tmpdir(), 'fieldguard-audit-e2e-'));
  });
  test.afterEach(async () => {
    await rm(scratch, { recursive: true, force: true });
  });

  test('shows imports, exports and erasures newest first, filters and pages them, verifies the chain and saves CSV', async ({
    page,
    app,
  }) => {
    // 訪問先で 60 個のログを取り込み、2 個を書き出し、1 個を消去した後
    const folder = path.join(scratch, 'CT装置ログ');
    await mkdir(folder);
    for (let n = 1; n <= FILES; n += 1) await writeFile(path.join(folder, `scan-${String(n).padStart(3, '0')}.log`), `scan ${n}\n`);
    await app.createVault();
    await app.open('/audit');
    app.dialogs.importSources = [folder];
    const imported = await call<{ items: Array<{ id: string }> }>(page, 'vault.items.import', {
      jobId: randomUUID(),
      collection: COLLECTION,
      pick: 'folder',
    });
    expect(imported.items).toHaveLength(FILES);
    app.dialogs.exportFolder = path.join(scratch, 'out');
    await mkdir(app.dialogs.exportFolder);
    await call(page, 'vault.items.export', { jobId: randomUUID(), itemIds: imported.items.slice(0, 2).map((item) => item.id) });
    await call(page, 'vault.items.erase', { itemIds: [imported.items[2]!.id] });
    const { total } = await call<{ total: number }>(page, 'audit.list', { limit: 1 });
    expect(total).toBeGreaterThan(FILES + 3);

    await page.reload();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('監査ログ');
    const table = page.getByRole('table', { name: '記録' });
    const rows = table.locator('tbody tr');
    await expect(rows).toHaveCount(50);
    const pager = page.getByRole('navigation', { name: 'ページ移動', exact: true });
    await expect(pager).toContainText(`全 ${total} 件中 1〜50 件目`);

    // 新しい順: 最後の操作（消去）が先頭
    const first = rows.first();
    await expect(first.locator('td').nth(0)).toHaveText(`#${total}`);
    await expect(first.locator('td').nth(1)).toHaveText(/^\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}:\d{2} JST$/);
    await expect(first.locator('td').nth(2)).toHaveText('ファイルの消去');
    await expect(first.locator('td').nth(3)).toHaveText('山田 太郎 (E-20417)');
    await expect(first.locator('td').nth(4)).toContainText('方式：暗号学的消去');
    await expect(rows.nth(1).locator('td').nth(2)).toHaveText('ファイルの書き出し');
    await expect(rows.nth(1).locator('td').nth(4)).toContainText(`書き出し先：${app.dialogs.exportFolder}`);
    await expect(rows.nth(3).locator('td').nth(2)).toHaveText('ファイルの取り込み');
    await expect(rows.nth(3).locator('td').nth(4)).toContainText(`訪問作業：${COLLECTION}`);
    await expect(rows.nth(3).locator('td').nth(4)).toContainText('サイズ：8 B');

    // 次のページ
    await pager.getByRole('button', { name: '次へ' }).click();
    await expect(pager).toContainText(`全 ${total} 件中 51〜${total} 件目`);
    await expect(rows).toHaveCount(total - 50);
    await expect(rows.last().locator('td').nth(0)).toHaveText('#1');
    await expect(rows.last().locator('td').nth(2)).toHaveText('保管庫の作成');
    await pager.getByRole('button', { name: '前へ' }).click();
    await expect(pager).toContainText(`全 ${total} 件中 1〜50 件目`);

    // 種類で絞り込む（複数選択）
    const types = page.getByRole('combobox', { name: '種類' });
    await types.click();
    await page.getByRole('menuitemcheckbox', { name: 'ファイルの書き出し' }).click();
    await page.getByRole('menuitemcheckbox', { name: 'ファイルの消去' }).click();
    await page.keyboard.press('Escape');
    await expect(types).toHaveText('ファイルの書き出し、ファイルの消去');
    await expect(rows).toHaveCount(3);
    await expect(pager).toContainText('全 3 件中 1〜3 件目');
    await page.getByRole('button', { name: '条件をクリア' }).click();
    await expect(rows).toHaveCount(50);

    // キーワード（訪問作業の名前）で探す
    await page.getByRole('searchbox', { name: 'キーワード' }).fill('西町クリニック');
    await expect(pager).toContainText(`全 ${FILES} 件中 1〜50 件目`);
    await page.getByRole('searchbox', { name: 'キーワード' }).fill('');

    // 日付（日本時間）: 今日からなら全件、昨日までなら 0 件
    // 日付欄は打ち込んで Tab で確定する（表示は yyyy/MM/dd）
    const typeDate = async (label: string, text: string) => {
      await page.getByLabel(label).fill(text);
      await page.getByLabel(label).press('Tab');
    };
    await typeDate('開始日', jstDay());
    await expect(page.getByLabel('開始日')).toHaveValue(jstDay().replaceAll('-', '/'));
    await expect(pager).toContainText(`全 ${total} 件中 1〜50 件目`);
    await typeDate('開始日', '');
    await typeDate('終了日', jstDay(-1));
    await expect(page.getByText('条件に一致する記録はありません。')).toBeVisible();
    await typeDate('開始日', jstDay());
    await expect(page.getByText('終了日は開始日以降の日付にしてください。')).toBeVisible();
    await page.getByRole('button', { name: '条件をクリア' }).click();
    await expect(rows).toHaveCount(50);

    // 改ざんの検証: 完全。検証したこと自体が記録される
    await page.getByRole('button', { name: '改ざんを検証' }).click();
    await expect(page.getByTestId('audit-verification')).toContainText(`監査ログは完全です（${total} 件）`);
    await expect(first.locator('td').nth(2)).toHaveText('監査ログの検証');
    await expect(first.locator('td').nth(4)).toContainText(`件数：${total}完全：はい`);
    await inspectScreen(page, 'audit');

    // CSV で書き出す（絞り込み条件つき）: Excel 向けに BOM 付き UTF-8
    const csvFile = path.join(scratch, '監査ログ.csv');
    app.dialogs.saveFile = csvFile;
    await page.getByRole('button', { name: 'CSV で書き出す' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'CSV ファイルに保存しました' })).toBeVisible();
    const csv = await readFile(csvFile, 'utf8');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv).toContain('\r\n');
    for (const type of ['vault.item-imported', 'vault.item-exported', 'vault.item-erased', 'audit.verified']) expect(csv).toContain(type);
    expect(csv).toContain(COLLECTION);
    await expect(first.locator('td').nth(2)).toHaveText('監査ログの書き出し');

    app.dialogs.saveFile = null;
    await page.getByRole('button', { name: 'CSV で書き出す' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'CSV ファイルの保存を取り消しました。' })).toBeVisible();
  });

  test('the CSV holds only the entries the filter shows', async ({ page, app }) => {
    await app.createVault();
    await app.open('/audit');
    await call(page, 'vault.setAutoLock', { minutes: 7 });
    await page.reload();
    await page.getByRole('combobox', { name: '種類' }).click();
    await page.getByRole('menuitemcheckbox', { name: '設定の変更', exact: true }).click();
    await page.keyboard.press('Escape');
    const rows = page.getByRole('table', { name: '記録' }).locator('tbody tr');
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText('変更前：5設定項目：自動ロックまでの時間（分）変更後：7');

    const csvFile = path.join(scratch, 'settings.csv');
    app.dialogs.saveFile = csvFile;
    await page.getByRole('button', { name: 'CSV で書き出す' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'CSV ファイルに保存しました' })).toBeVisible();
    const lines = (await readFile(csvFile, 'utf8')).trimEnd().split('\r\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('settings.changed');
  });
});
