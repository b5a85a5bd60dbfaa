/**
 * The Settings screen: the auto-lock time, changing the password (with the strength meter
 * and the rule the vault enforces), and rotating the master key.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { TEST_PASSWORD } from '../support/test-core';
import { parseTmutilIsExcluded } from '../../electron/platform/data-folder/macos-data-folder';
import { expect, invokeFromPage as call, test } from './harness';
import { inspectDialog, inspectScreen, inspectWholeScreen } from './screens';

const NEW_PASSWORD = '夕焼けの坂道で 自転車を押す 7 月';

test.describe('the Settings screen', () => {
  test('the auto-lock time is changed to 10 minutes and is still 10 after a reload', async ({ page, app }) => {
    await app.createVault();
    await app.open('/');
    await page.getByRole('link', { name: '設定' }).click();
    await expect(page.getByRole('heading', { level: 1, name: '設定' })).toBeFocused();

    const minutes = page.getByRole('spinbutton', { name: '自動ロックまでの時間（分）' });
    await expect(minutes).toHaveValue('5');
    const save = page.getByRole('button', { name: '保存', exact: true });
    await expect(save).toBeDisabled();

    await minutes.fill('45');
    await minutes.press('Tab');
    await expect(page.getByText('1〜30 の整数で入力してください。')).toBeVisible();
    await expect(save).toBeDisabled();

    await minutes.fill('10');
    await minutes.press('Tab');
    await expect(save).toBeEnabled();
    await save.click();
    await expect(page.getByRole('status').filter({ hasText: '自動ロックまでの時間を 10 分に設定しました。' })).toBeVisible();

    await inspectScreen(page, 'settings');

    await page.reload();
    await expect(page.getByRole('spinbutton', { name: '自動ロックまでの時間（分）' })).toHaveValue('10');
    expect((await call<{ autoLockMinutes: number }>(page, 'vault.status', {})).autoLockMinutes).toBe(10);

    // キーボードだけで 1 分増やし、Enter で保存
    await page.getByRole('spinbutton', { name: '自動ロックまでの時間（分）' }).focus();
    await page.keyboard.press('ArrowUp');
    await expect(page.getByRole('spinbutton', { name: '自動ロックまでの時間（分）' })).toHaveValue('11');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('status').filter({ hasText: '自動ロックまでの時間を 11 分に設定しました。' })).toBeVisible();
  });

  test('「ログを保存」 saves the log where the engineer chooses; cancelling says so', async ({ page, app }, testInfo) => {
    await app.createVault();
    await app.open('/settings?page=support');
    const section = page.getByRole('region', { name: 'サポート用のログ' });
    const file = testInfo.outputPath('FieldGuard-log.txt');
    app.dialogs.saveFile = file;
    await section.getByRole('button', { name: 'ログを保存' }).click();
    await expect(section.getByRole('status')).toHaveText('ログを保存しました。');
    const saved = readFileSync(file, 'utf8');
    expect(saved).toContain('"event":');
    expect(saved).not.toContain(TEST_PASSWORD);
    app.dialogs.saveFile = null;
    await section.getByRole('button', { name: 'ログを保存' }).click();
    await expect(section.getByRole('status')).toHaveText('保存を取り消しました。');
    await inspectScreen(page, 'settings-support-log');
  });

  test('[14-6] a weak new password is refused with the reason; a strong one is accepted and unlocks the vault', async ({ page, app }) => {
    await app.createVault();
    await app.open('/settings?page=security');
    const current = page.getByRole('textbox', { name: '現在のパスワード' });
    const next = page.getByRole('textbox', { name: '新しいパスワード', exact: true });
    const confirmation = page.getByRole('textbox', { name: '新しいパスワード（確認）' });
    const submit = page.getByRole('button', { name: 'パスワードを変更' });

    // 何も入れずに押すと、足りない項目を知らせて最初の欄へ
    await submit.click();
    await expect(page.getByText('現在のパスワードを入力してください。')).toBeVisible();
    await expect(current).toBeFocused();

    // 弱いパスワード: 強さの表示に理由が出て、保管庫も受け付けない
    await current.fill(TEST_PASSWORD);
    await next.fill('password1234');
    await expect(page.getByText('よく使われるパスワードや、製品・業務に関係する語を使ったパスワードは使えません。')).toBeVisible();
    await expect(page.getByText('推測されやすいパスワードです。単語を増やすか、より長くしてください。')).toBeVisible();
    await confirmation.fill('password1234');
    await submit.click();
    // 断られた理由は、その欄（新しいパスワード）に付く
    await expect(page.locator('[data-error-code="VAULT_PASSWORD_REJECTED"]')).toBeVisible();
    await expect(next).toHaveAccessibleDescription(/このパスワードは使えません。/);
    await expect(next).toBeFocused();

    // 氏名を含むパスワード
    await next.fill('Yamada E-20417 pass');
    await expect(page.getByText('氏名・会社名・社員番号を含めないでください。')).toBeVisible();

    // 確認欄が一致しない
    await next.fill(NEW_PASSWORD);
    await confirmation.fill(`${NEW_PASSWORD}!`);
    await submit.click();
    await expect(page.getByText('確認用のパスワードが一致しません。')).toBeVisible();
    await expect(confirmation).toBeFocused();

    // 現在のパスワードが違う
    await current.fill('まちがったパスワード');
    await confirmation.fill(NEW_PASSWORD);
    await expect(page.getByText('非常に強い')).toBeVisible();
    await submit.click();
    // 三つの欄のうち、間違っているのは現在のパスワードだと、その欄で言う
    await expect(current).toHaveAccessibleDescription(
      /^現在のパスワードが正しくありません。あと \d+ 回間違えると、回復キーでしか解除できなくなります。$/,
    );
    await expect(next).not.toHaveAccessibleDescription(/正しくありません/);
    await expect(page.locator('.fui-MessageBar[data-error-code]')).toHaveCount(0);
    await expect(current).toBeFocused();

    await inspectScreen(page, 'settings-password-errors');

    await current.fill(TEST_PASSWORD);
    await submit.click();
    await expect(page.getByRole('status').filter({ hasText: 'パスワードを変更しました。' })).toBeVisible();
    await expect(current).toHaveValue('');

    // 新しいパスワードで解除でき、古いパスワードでは解除できない
    await call(page, 'vault.lock', {});
    await expect(call(page, 'vault.unlock', { password: TEST_PASSWORD })).rejects.toThrow('VAULT_WRONG_PASSWORD');
    expect((await call<{ state: string }>(page, 'vault.unlock', { password: NEW_PASSWORD })).state).toBe('unlocked');
  });

  test('the master key is rotated after a new recovery key is shown and read back and the password is given again; the audit log still verifies', async ({
    page,
    app,
  }) => {
    await app.createVault();
    await app.open('/settings?page=security');
    await inspectDialog(page, 'settings-rotate-dialog', async () => {
      await page.getByRole('button', { name: /^(マスターキーを更新|Rotate master key)$/ }).click();
      const opened = page.getByRole('alertdialog');
      await expect(opened.getByRole('listitem')).toHaveCount(8);
      return opened;
    });
    await page.getByRole('button', { name: 'マスターキーを更新' }).click();
    const dialog = page.getByRole('alertdialog', { name: 'マスターキーを更新しますか？' });
    await expect(dialog).toContainText('これまでの回復キーでは保管庫を開けなくなります');
    const key = dialog.getByRole('list', { name: '回復キー（8 グループ）' });
    await expect(key.getByRole('listitem')).toHaveCount(8);
    const groups = (await key.getByRole('listitem').allTextContents()).map((text) => text.replace(/^グループ \d/, ''));
    expect(groups.every((g) => /^\d{6}$/.test(g))).toBe(true);
    await expect(dialog.getByRole('button', { name: '次へ' })).toBeDisabled();
    await dialog.getByLabel('回復キーを控えました').check();
    await dialog.getByRole('button', { name: '次へ' }).click();
    await expect(dialog).toContainText('データは失われません');
    const labels = await dialog.locator('label').allTextContents();
    const asked = labels.flatMap((label) => {
      const match = /グループ (\d)/.exec(label);
      return match ? [Number(match[1])] : [];
    });
    expect(asked).toHaveLength(2);
    for (const group of asked) await dialog.getByRole('textbox', { name: `グループ ${group}` }).fill(groups[group - 1]!);
    const confirm = dialog.getByRole('button', { name: '更新する' });

    await confirm.click();
    await expect(dialog).toContainText('パスワードを入力してください。');

    await dialog.getByRole('textbox', { name: '本人確認のため、パスワードを入力してください' }).fill('まちがったパスワード');
    await confirm.click();
    await expect(dialog.locator('[data-error-code="VAULT_WRONG_PASSWORD"]')).toContainText('パスワードが正しくありません。');

    await dialog.getByRole('textbox', { name: '本人確認のため、パスワードを入力してください' }).fill(TEST_PASSWORD);
    await confirm.click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('status').filter({ hasText: 'マスターキーを更新しました。' })).toBeVisible();

    await page.getByRole('link', { name: '監査ログ' }).click();
    const rows = page.getByRole('table', { name: '記録' }).locator('tbody tr');
    await expect(rows.first()).toContainText('マスターキーの更新');
    await expect(rows.first()).toContainText('鍵の世代：2');
    await page.getByRole('button', { name: '改ざんを検証' }).click();
    await expect(page.getByTestId('audit-verification')).toContainText('監査ログは完全です');

    // The key the dialog showed is the vault's recovery key now.
    await call(page, 'vault.lock', {});
    expect(
      (
        await call<{ state: string }>(page, 'vault.recover', {
          recoveryKey: groups.join('-'),
          newPassword: NEW_PASSWORD,
          newPasswordConfirmation: NEW_PASSWORD,
        })
      ).state,
    ).toBe('unlocked');
  });
});

test.describe('the data folder in Settings', () => {
  test('shows where the vault is and what this machine found copying it', async ({ page, app }) => {
    await app.createVault();
    await app.open('/settings');
    const section = page.getByTestId('settings-data-folder');
    await expect(section.getByRole('heading', { level: 2, name: 'データフォルダー' })).toBeVisible();
    await expect(section.getByText(app.dataDir, { exact: true })).toBeVisible();
    const report = await call<{ local: boolean | null; backups: unknown[] }>(page, 'app.dataFolder', {});
    // This Linux machine: the temporary folder is on a local file system and no Déjà Dup is installed.
    expect(report).toMatchObject({ local: true, backups: [] });
    await expect(section.getByText('ローカルディスク')).toBeVisible();
    await expect(section.getByText('複製は見つかりませんでした')).toBeVisible();
    await expect(
      section.getByText('このコンピューターで確認できるバックアップ・同期ツールは見つかりませんでした。', { exact: false }),
    ).toBeVisible();
  });

  test.describe('on a Mac whose Time Machine still backs the folder up', () => {
    const recorded = readFileSync(path.join(import.meta.dirname, '../fixtures/data-folder/tmutil-isexcluded-included.txt'), 'utf8')
      .split('\n')
      .slice(1)
      .join('\n');
    test.use({ harnessPorts: { observeDataFolder: async () => ({ local: true, findings: [parseTmutilIsExcluded(recorded)] }) } });

    test('warns that a crypto-erase would only be partial, and says which tool and why', async ({ page, app }) => {
      await app.createVault();
      await app.open('/settings');
      const section = page.getByTestId('settings-data-folder');
      await expect(section.getByTestId('data-folder-mayCopy')).toContainText('データフォルダーが複製されている可能性があります');
      await expect(section.getByTestId('data-folder-mayCopy')).toContainText('部分的なサニタイズ');
      const tools = section.getByRole('list', { name: '確認したバックアップ・同期ツール' });
      await expect(tools.getByRole('listitem')).toHaveCount(1);
      await expect(tools).toContainText('Time Machine：複製の可能性あり');
      await expect(tools).toContainText('以前のバックアップにも複製が残ります');
      await inspectWholeScreen(page, 'settings-data-folder-warning');
    });
  });
});
