/**
 * The company archive in Settings and on the dashboard (issue 20), in the browser harness with
 * the real main-process services: not set yet, it says so and 「会社へ保管」 cannot be pressed;
 * the settings are checked at the field at fault; once saved, the secret is never shown again
 * (only that one is stored); a store that cannot be reached is said in words; and a data folder
 * put back from an older copy, caught by the archive's anchor, shows as an incident on the
 * dashboard. A real sync is tested against Ceph in test/integration/archive-*.test.ts.
 */
import { copyFile } from 'node:fs/promises';
import path from 'node:path';
import { TEST_PASSWORD } from '../support/test-core';
import { memoryArchiveStore } from '../support/memory-archive-store';
import { expect, invokeFromPage as call, test } from './harness';
import { inspectScreen, inspectWholeScreen } from './screens';

const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';

test.describe('the company archive in Settings', () => {
  test('not set, then set with an unreachable store: the state, the fields at fault and the error in words; the secret never shown', async ({
    page,
    app,
  }) => {
    await app.createVault();
    await app.open('/settings');
    await page.getByRole('tab', { name: '会社へ保管', exact: true }).click();
    const state = page.getByTestId('settings-archive-state');
    await expect(state).toContainText('設定されていません');
    await expect(state).toContainText('まだありません');
    await expect(page.getByTestId('archive-sync-blocked')).toContainText('会社の保管先が設定されていないため、送信できません。');
    await expect(state.getByRole('button', { name: '会社へ保管', exact: true })).toBeDisabled();
    await inspectWholeScreen(page, 'settings-archive-not-configured');

    const form = page.getByTestId('settings-archive-settings');
    // A port nothing listens on: the store cannot be reached, as on a laptop without the company network.
    await form.getByRole('textbox', { name: 'エンドポイント（URL）' }).fill('http://127.0.0.1:9');
    await form.getByRole('textbox', { name: 'バケット' }).fill('Toto Evidence');
    await form.getByRole('textbox', { name: '会社の ID' }).fill('toto-medical');
    await form.getByRole('textbox', { name: 'アクセスキー ID' }).fill('AKIAIOSFODNN7EXAMPLE');
    await form.getByRole('button', { name: '保管先の設定を保存' }).click();
    await expect(form).toContainText('英小文字・数字・ピリオド・ハイフンで 3〜63 文字のバケット名を入力してください。');
    await expect(form).toContainText('シークレットアクセスキーを入力してください');
    expect((await call<{ configured: boolean }>(page, 'archive.status', {})).configured).toBe(false);

    await form.getByRole('textbox', { name: 'バケット' }).fill('toto-evidence');
    await form.getByLabel('シークレットアクセスキー').fill(SECRET);
    await form.getByRole('button', { name: '保管先の設定を保存' }).click();
    await expect(page.getByRole('status').filter({ hasText: '保管先の設定を保存しました。' })).toBeVisible();
    await expect(form.getByLabel('シークレットアクセスキー')).toHaveValue('');
    await expect(form).toContainText('保存済みです。変えるときだけ入力してください。');
    await expect(state).toContainText('toto-evidence/fieldguard');

    const send = state.getByRole('button', { name: '会社へ保管', exact: true });
    await expect(send).toBeEnabled();
    await send.click();
    await expect(state).toContainText('会社の保管先に接続できませんでした。ネットワークを確認して、あとでもう一度送ってください', {
      timeout: 30_000,
    });
    await inspectWholeScreen(page, 'settings-archive-unreachable');

    // The secret is in the vault only: not on the page, not in a reply, not in the log.
    expect(await page.content()).not.toContain(SECRET);
    expect(JSON.stringify(await call(page, 'archive.status', {}))).not.toContain(SECRET);
    expect(app.logLines.join('\n')).not.toContain(SECRET);
  });

  test('「会社へ保管」 is refused during a visit, with the reason beside the button', async ({ page, app }) => {
    await app.createVault();
    await app.open('/settings?page=archive');
    await call(page, 'archive.saveSettings', {
      endpoint: 'http://127.0.0.1:9',
      region: 'ap-northeast-1',
      bucket: 'toto-evidence',
      prefix: 'fieldguard',
      company: 'toto-medical',
      accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
      secretAccessKey: SECRET,
    });
    const site = await call<{ id: string }>(page, 'sites.save', {
      site: {
        name: '東都中央病院',
        department: '放射線科',
        address: '',
        administrator: { name: '佐藤 花子', title: '', phone: '', mail: '' },
        otherContacts: [],
        notes: '',
      },
    });
    await call(page, 'visits.start', { templateId: 'incident-response', siteId: site.id, systemId: null });
    await page.reload();
    await expect(page.getByTestId('archive-sync-blocked')).toContainText('訪問作業が進行中のため、送信できません');
    await expect(page.getByTestId('settings-archive-state').getByRole('button', { name: '会社へ保管', exact: true })).toBeDisabled();
    await inspectScreen(page, 'settings-archive-visit-in-progress');
  });
});

test.describe('an archive incident on the dashboard', () => {
  const store = memoryArchiveStore();
  test.use({ harnessPorts: { openArchiveStore: () => store } });

  test('a data folder put back from an older copy is caught at the next sync and shown on the dashboard', async ({ page, app }) => {
    await app.createVault();
    // Behind the screen, before it opens: the page would otherwise see the vault locked and unlocked under it.
    await app.handlers['archive.saveSettings']({
      endpoint: 'https://s3.ap-northeast-1.amazonaws.com',
      region: 'ap-northeast-1',
      bucket: 'toto-evidence',
      prefix: 'fieldguard',
      company: 'toto-medical',
      retentionMode: 'COMPLIANCE',
      retentionDays: 1827,
      accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
      secretAccessKey: SECRET,
    });
    const db = path.join(app.dataDir, 'vault.db');
    const older = `${app.dataDir}-vault.db.older`;
    await app.handlers['vault.lock']({});
    await copyFile(db, older);
    await app.handlers['vault.unlock']({ password: TEST_PASSWORD });
    await app.handlers['archive.sync']({ jobId: crypto.randomUUID() });
    await app.handlers['vault.lock']({});
    await copyFile(older, db);
    await app.handlers['vault.unlock']({ password: TEST_PASSWORD });

    // The next 「会社へ保管」 finds the archive's anchor ahead of this vault's audit log.
    await app.open('/settings?page=archive');
    await page.getByTestId('settings-archive-state').getByRole('button', { name: '会社へ保管', exact: true }).click();
    await expect(page.getByTestId('archive-incident')).toContainText('保管先の記録より古いデータフォルダーです（インシデント）');

    await app.open('/');
    const card = page.getByTestId('dashboard-archive-incident');
    await expect(card).toContainText('会社の保管先でインシデントが見つかりました');
    await expect(card).toContainText('会社の情報セキュリティ担当者に連絡してください。');
    await card.getByRole('link', { name: '会社へ保管の設定を開く' }).click();
    await expect(page.getByRole('tab', { name: '会社へ保管', exact: true })).toHaveAttribute('aria-selected', 'true');
    await app.open('/');
    await inspectWholeScreen(page, 'dashboard-archive-incident');
  });
});
