/**
 * The Vault screen, as a field engineer uses it after a visit: import the visit's folder,
 * check what was stored, export copies for the report, erase what is no longer needed.
 * Files are real files in a temporary folder; the vault is the real one (real keychain).
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from './harness';
import { inspectDialog, inspectScreen, SCREENS_DIR } from './screens';

const COLLECTION = '2025-04-15 東都病院 MRI 定期点検';

interface SampleFile {
  readonly relativePath: string;
  readonly bytes: Buffer;
}

/** A visit's folder as an engineer brings it back: a log, a settings file and a screenshot. */
async function visitFolder(root: string): Promise<{ folder: string; files: SampleFile[] }> {
  const folder = path.join(root, 'MRI点検データ');
  const files: SampleFile[] = [
    {
      relativePath: 'MRI点検データ/ログ/system.log',
      bytes: Buffer.from('2025-04-15 09:12:03 INFO gradient coil temperature 31.2C\n'.repeat(400)),
    },
    {
      relativePath: 'MRI点検データ/設定/console-settings.xml',
      bytes: Buffer.from('<settings><site>東都病院</site><coil>head-32ch</coil></settings>\n'),
    },
    { relativePath: 'MRI点検データ/画面写真.png', bytes: randomBytes(300 * 1024 + 17) },
  ];
  for (const file of files) {
    const absolute = path.join(root, ...file.relativePath.split('/'));
    await mkdir(path.dirname(absolute), { recursive: true });
    await writeFile(absolute, file.bytes);
  }
  return { folder, files };
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

test.describe('the Vault screen', () => {
  let scratch: string;
  test.beforeEach(async () => {
    scratch = await mkdtemp(path.join(os.tmpdir(), 'fieldguard-vault-e2e-'));
  });
  test.afterEach(async () => {
    await rm(scratch, { recursive: true, force: true });
  });

  test('an empty vault explains what it is for and how to import', async ({ page, app }) => {
    await app.createVault();
    await app.open('/vault');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('保管庫');
    const empty = page.getByRole('region', { name: '保管庫にはまだファイルがありません' });
    await expect(empty).toContainText('暗号化した状態でだけ持ち出してください（7-3）');
    await expect(page.getByRole('button', { name: '書き出す' })).toBeDisabled();
    await expect(page.getByRole('button', { name: '消去' })).toBeDisabled();
    await inspectScreen(page, 'vault-empty');
  });

  test('import a visit folder, export two files byte for byte, erase one after confirming', async ({ page, app }) => {
    const { folder, files } = await visitFolder(scratch);
    await app.createVault();
    await app.open('/');
    await page.getByRole('link', { name: '保管庫' }).click();
    await expect(page.getByRole('heading', { level: 1, name: '保管庫' })).toBeFocused();

    // 訪問作業の名前は必須
    await page.getByRole('button', { name: 'フォルダーを取り込む' }).click();
    const ask = page.getByRole('dialog', { name: 'フォルダーを取り込む' });
    await expect(ask).toBeVisible();
    await ask.getByRole('button', { name: 'フォルダーを選ぶ' }).click();
    await expect(ask).toContainText('訪問作業の名前を入力してください。');

    app.dialogs.importSources = [folder];
    await ask.getByRole('combobox', { name: '訪問作業の名前' }).fill(COLLECTION);
    await ask.getByRole('button', { name: 'フォルダーを選ぶ' }).click();
    await expect(ask).toBeHidden();
    await expect(page.getByRole('status').filter({ hasText: `「${COLLECTION}」に 3 件を取り込みました。` })).toBeVisible();

    const table = page.getByRole('table', { name: '保管中のファイル' });
    const rows = table.locator('tbody tr');
    await expect(rows).toHaveCount(3);
    const shown = await rows.evaluateAll((trs) =>
      trs.map((tr) => ({
        relativePath: tr.querySelector('[data-column="relativePath"]')?.textContent,
        collection: tr.querySelector('[data-column="collection"]')?.textContent,
        bytes: Number(tr.querySelector('[data-column="size"]')?.getAttribute('data-bytes')),
        size: tr.querySelector('[data-column="size"]')?.textContent,
        importedAt: tr.querySelector('[data-column="importedAt"]')?.textContent,
        sha256: tr.querySelector('[data-column="sha256"]')?.getAttribute('data-sha256'),
      })),
    );
    const expected = [...files].sort((a, b) => a.relativePath.localeCompare(b.relativePath));
    expect(shown.map(({ relativePath, collection, bytes, sha256: hash }) => ({ relativePath, collection, bytes, sha256: hash }))).toEqual(
      expected.map((file) => ({
        relativePath: file.relativePath,
        collection: COLLECTION,
        bytes: file.bytes.length,
        sha256: sha256(file.bytes),
      })),
    );
    expect(shown.find((row) => row.relativePath?.endsWith('画面写真.png'))?.size).toBe('300 KiB');
    for (const row of shown) expect(row.importedAt).toMatch(/^\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}:\d{2} JST$/);
    await expect(page.getByText('3 件（合計')).toBeVisible();

    // SHA-256 は短縮表示。ボタンで全体を見られる
    const png = expected.find((file) => file.relativePath.endsWith('.png'))!;
    await page.getByRole('button', { name: `${png.relativePath} の SHA-256 を表示（${sha256(png.bytes).slice(0, 10)}…）` }).click();
    await expect(page.getByRole('textbox', { name: `${png.relativePath} の SHA-256（全体）` })).toHaveValue(sha256(png.bytes));
    await page.keyboard.press('Escape');

    await inspectScreen(page, 'vault-files');

    // 2 件を選んで書き出す
    const exportDir = path.join(scratch, '書き出し先');
    await mkdir(exportDir);
    app.dialogs.exportFolder = exportDir;
    const chosen = expected.slice(0, 2);
    for (const file of chosen) await page.getByRole('checkbox', { name: `${file.relativePath} を選択` }).check();
    await expect(page.getByText('2 件を選択中')).toBeVisible();
    await page.getByRole('button', { name: '書き出す' }).click();
    const exported = page.getByRole('status').filter({ hasText: `2 件を書き出しました（書き出し先：${exportDir}）。` });
    await expect(exported).toBeVisible();
    await expect(exported).toContainText('書き出したファイルは暗号化されていません');
    for (const file of chosen) {
      const copy = await readFile(path.join(exportDir, ...file.relativePath.split('/')));
      expect(copy.equals(file.bytes), `${file.relativePath} is byte-identical`).toBe(true);
    }

    // 1 件だけ選び直して消去する: 件数を入力するまで消去できない
    await page.getByRole('checkbox', { name: '表示中のファイルをすべて選択' }).click();
    await expect(page.getByText('3 件を選択中')).toBeVisible();
    await page.getByRole('checkbox', { name: '表示中のファイルをすべて選択' }).click();
    await expect(page.getByText('書き出しや消去をするファイルにチェックを入れてください。')).toBeVisible();
    const victim = expected[0]!;
    await page.getByRole('checkbox', { name: `${victim.relativePath} を選択` }).check();
    await inspectDialog(page, 'vault-erase-dialog', async () => {
      await page.getByRole('button', { name: /^(消去|Erase)$/ }).click();
      const dialog = page.getByRole('alertdialog');
      await dialog.getByRole('textbox').fill('2');
      return dialog;
    });
    await page.getByRole('button', { name: '消去' }).click();
    const confirm = page.getByRole('alertdialog', { name: '1 件のファイルを消去しますか？' });
    await expect(confirm).toContainText('暗号学的消去');
    await expect(confirm).toContainText('元に戻せません（10-1）');
    await expect(confirm.getByRole('listitem')).toHaveText([victim.relativePath]);
    const eraseButton = confirm.getByRole('button', { name: '消去する' });
    await expect(eraseButton).toBeDisabled();
    await confirm.getByRole('textbox', { name: /消去する件数/ }).fill('2');
    await expect(eraseButton).toBeDisabled();
    // 日本語入力のままの全角数字でもよい
    await confirm.getByRole('textbox', { name: /消去する件数/ }).fill('１');
    await expect(eraseButton).toBeEnabled();
    await eraseButton.click();
    await expect(confirm).toBeHidden();
    await expect(page.getByRole('status').filter({ hasText: '1 件を消去しました。' })).toBeVisible();
    await expect(rows).toHaveCount(2);
    await expect(table).not.toContainText(victim.relativePath);

    // 再読み込みしても消えたまま
    await page.reload();
    await expect(page.getByRole('table', { name: '保管中のファイル' }).locator('tbody tr')).toHaveCount(2);
  });

  test('the collection filter shows one visit, and the last visit name is offered again', async ({ page, app }) => {
    const { folder } = await visitFolder(scratch);
    const single = path.join(scratch, 'CT-作業報告.txt');
    await writeFile(single, 'CT 作業報告\n');
    await app.createVault();
    await app.open('/vault');

    app.dialogs.importSources = [folder];
    await page.getByRole('button', { name: 'フォルダーを取り込む' }).click();
    await page.getByRole('combobox', { name: '訪問作業の名前' }).fill(COLLECTION);
    await page.getByRole('button', { name: 'フォルダーを選ぶ' }).click();
    await expect(page.getByRole('status').filter({ hasText: '3 件を取り込みました' })).toBeVisible();

    app.dialogs.importSources = [single];
    await page.getByRole('button', { name: 'ファイルを取り込む' }).click();
    const name = page.getByRole('combobox', { name: '訪問作業の名前' });
    await expect(name).toHaveValue(COLLECTION);
    await name.fill('2025-04-16 西町クリニック CT 修理');
    await page.getByRole('button', { name: 'ファイルを選ぶ' }).click();
    await expect(
      page.getByRole('status').filter({ hasText: '「2025-04-16 西町クリニック CT 修理」に 1 件を取り込みました。' }),
    ).toBeVisible();

    const rows = page.getByRole('table', { name: '保管中のファイル' }).locator('tbody tr');
    const filter = page.getByRole('combobox', { name: '訪問作業で絞り込む' });
    // After an import the list shows that visit.
    await expect(filter).toHaveValue('2025-04-16 西町クリニック CT 修理');
    await expect(rows).toHaveCount(1);
    await filter.selectOption(COLLECTION);
    await expect(rows).toHaveCount(3);
    await filter.selectOption({ label: 'すべての訪問作業' });
    await expect(rows).toHaveCount(4);

    // ファイルを選ばずにダイアログを閉じた場合
    app.dialogs.importSources = null;
    await page.getByRole('button', { name: 'ファイルを取り込む' }).click();
    await page.getByRole('button', { name: 'ファイルを選ぶ' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'ファイルが選ばれなかったため、取り込みませんでした。' })).toBeVisible();
    await expect(rows).toHaveCount(4);
  });

  test('a long import shows files and bytes as it goes, and can be cancelled', async ({ page, app }) => {
    // A sparse file: large to read and encrypt, no space on the disk until it is encrypted.
    const big = path.join(scratch, '装置ダンプ.bin');
    await writeFile(big, '');
    await truncate(big, 3 * 1024 ** 3);
    await app.createVault();
    await app.open('/vault');

    app.dialogs.importSources = [big];
    await page.getByRole('button', { name: 'ファイルを取り込む' }).click();
    await page.getByRole('combobox', { name: '訪問作業の名前' }).fill(COLLECTION);
    await page.getByRole('button', { name: 'ファイルを選ぶ' }).click();

    const progress = page.getByTestId('transfer-progress');
    await expect(progress).toContainText('取り込んでいます…');
    await expect(progress).toContainText(/0 \/ 1 件（[\d.,]+ (MiB|GiB) \/ 3\.00 GiB）/);
    await expect(progress.getByRole('progressbar')).toHaveAttribute('aria-valuenow', /^0\.\d+/);
    await page.screenshot({ path: path.join(SCREENS_DIR, 'vault-import-progress.ja.png'), fullPage: true });
    await progress.getByRole('button', { name: '中止' }).click();
    await expect(page.getByRole('status').filter({ hasText: '取り込みを中止しました。' })).toBeVisible();
    await expect(progress).toBeHidden();
    await expect(page.getByRole('region', { name: '保管庫にはまだファイルがありません' })).toBeVisible();
  });
});
