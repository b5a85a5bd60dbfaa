import { copyFile, readFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from './harness';
import { inspectScreen } from './screens';
import { TEST_PASSWORD } from '../support/test-core';

const STRONG = '湯呑みと珈琲 horse battery 42';

test('[14-6] first run: the wizard keeps 次へ disabled for a weak password, shows the recovery key once and checks two groups of it', async ({
  page,
  app,
}) => {
  await app.open('/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('保管庫の初回設定');
  await inspectScreen(page, 'vault-setup-profile');
  await page.getByRole('textbox', { name: '氏名', exact: true }).fill('山田 太郎');
  await page.getByRole('textbox', { name: '会社名', exact: true }).fill('東都メディカル株式会社');
  await page.getByRole('textbox', { name: '社員番号', exact: true }).fill('E-20417');
  await page.getByRole('button', { name: '次へ' }).click();

  await page.getByRole('textbox', { name: '保管庫のパスワード', exact: true }).fill('password1234');
  await page.getByRole('textbox', { name: 'パスワード（確認）', exact: true }).fill('password1234');
  await expect(page.getByText('よく使われるパスワードや、製品・業務に関係する語を使ったパスワードは使えません。')).toBeVisible();
  // 弱いパスワードでは「次へ」を押せず、その理由がボタンの説明として読まれる
  await expect(page.getByRole('button', { name: '次へ' })).toBeDisabled();
  await expect(page.getByRole('button', { name: '次へ' })).toHaveAccessibleDescription(
    'パスワードが条件を満たす強さになると「次へ」を押せます。',
  );
  await inspectScreen(page, 'vault-setup-password');

  await page.getByRole('textbox', { name: '保管庫のパスワード', exact: true }).fill(STRONG);
  await page.getByRole('textbox', { name: 'パスワード（確認）', exact: true }).fill(STRONG);
  await expect(page.getByText('強い', { exact: true }).or(page.getByText('非常に強い', { exact: true }))).toBeVisible();
  await page.getByRole('button', { name: '次へ' }).click();

  const key = page.getByRole('list', { name: '回復キー（8 グループ）' });
  await expect(key.getByRole('listitem')).toHaveCount(8);
  const groups = (await key.getByRole('listitem').allTextContents()).map((text) => text.replace(/^グループ \d/, ''));
  expect(groups.every((g) => /^\d{6}$/.test(g))).toBe(true);
  await inspectScreen(page, 'vault-setup-recovery');

  app.dialogs.saveFile = path.join(app.dataDir, '..', `${path.basename(app.dataDir)}-recovery.txt`);
  await page.getByRole('button', { name: 'ファイルに保存' }).click();
  await expect(page.getByText('回復キーを保存しました。')).toBeVisible();
  expect(await readFile(app.dialogs.saveFile, 'utf8')).toContain(groups.join('-'));

  await expect(page.getByRole('button', { name: '次へ' })).toBeDisabled();
  await page.getByLabel('回復キーを控えました').check();
  await page.getByRole('button', { name: '次へ' }).click();

  const form = page.getByRole('form', { name: '回復キーの確認' });
  const labels = await form.locator('label').allTextContents();
  const asked = labels.map((label) => Number(/グループ (\d)/.exec(label)?.[1]));
  expect(asked).toHaveLength(2);
  await form.getByRole('textbox', { name: `グループ ${asked[0]}` }).fill(groups[asked[0]! - 1]!);
  await form.getByRole('textbox', { name: `グループ ${asked[1]}` }).fill('000000');
  await page.getByRole('button', { name: '保管庫を作成' }).click();
  await expect(page.getByRole('alert')).toContainText('入力した回復キーのグループが一致しません');
  await form.getByRole('textbox', { name: `グループ ${asked[1]}` }).fill(groups[asked[1]! - 1]!);
  await inspectScreen(page, 'vault-setup-confirm');
  await page.getByRole('button', { name: '保管庫を作成' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('ダッシュボード');
});

test('lock, a wrong password, then the right one', async ({ page, app }) => {
  await app.createVault();
  await app.open('/');
  await page.getByRole('button', { name: 'ロック' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('保管庫のロック解除');
  await inspectScreen(page, 'vault-unlock');

  await page.getByRole('textbox', { name: 'パスワード', exact: true }).fill('this is not the password');
  await page.getByRole('button', { name: 'ロックを解除' }).click();
  // 一つのバナーに、文で理由と残りの回数。コードは「詳細」の中
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('パスワードが正しくありません。あと 9 回間違えると、回復キーでしか解除できなくなります。');
  await expect(page.getByText('パスワードの誤入力：1 回。')).toBeHidden();
  await expect(page.locator('.fui-MessageBar')).toHaveCount(1);
  const code = alert.getByText('VAULT_WRONG_PASSWORD');
  await expect(code).toBeHidden();
  await alert.getByText('詳細', { exact: true }).focus();
  await page.keyboard.press('Enter');
  await expect(code).toBeVisible();
  await inspectScreen(page, 'vault-unlock-failed');

  // 画面を開き直すと、保管庫が数えた誤入力の回数だけが出る
  await page.reload();
  await expect(page.getByText('パスワードの誤入力：1 回。')).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);

  await page.getByRole('textbox', { name: 'パスワード', exact: true }).fill(STRONG);
  await page.getByRole('button', { name: 'ロックを解除' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('ダッシュボード');
});

test('the recovery key tab unlocks and sets a new password', async ({ page, app }) => {
  const recoveryKey = await app.createVault();
  await app.open('/');
  await page.getByRole('button', { name: 'ロック' }).click();
  await page.getByRole('tab', { name: '回復キー' }).click();
  await inspectScreen(page, 'vault-recover');
  await page.getByRole('textbox', { name: '回復キー', exact: true }).fill(recoveryKey.replaceAll('-', ' '));
  await page.getByRole('textbox', { name: '新しいパスワード', exact: true }).fill('べつの 長い合言葉 staple orbit 7');
  await page.getByRole('textbox', { name: '新しいパスワード（確認）', exact: true }).fill('べつの 長い合言葉 staple orbit 7');
  await page.getByRole('button', { name: '回復キーで解除して新しいパスワードを設定' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('ダッシュボード');
});

test('an older copy of the vault put back: the dashboard says what is missing and whom to tell', async ({ page, app }) => {
  await app.createVault();
  const db = path.join(app.dataDir, 'vault.db');
  const older = `${app.dataDir}-vault.db.older`;
  await app.handlers['vault.lock']({});
  await copyFile(db, older);
  await app.handlers['vault.unlock']({ password: TEST_PASSWORD });
  await app.handlers['vault.lock']({});
  await copyFile(older, db);
  await app.handlers['vault.unlock']({ password: TEST_PASSWORD });

  await app.open('/');
  const notice = page.getByTestId('rollback-notice');
  await expect(notice).toContainText('保管庫が古いコピーに戻されています');
  await expect(notice).toContainText(/監査ログの記録 #\d+〜#\d+ が、いまの保管庫にありません/);
  await expect(notice).toContainText('情報セキュリティの責任者に報告してください');
  await inspectScreen(page, 'dashboard-rollback');
});
