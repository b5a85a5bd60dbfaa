import type { VolumeList } from '../../electron/shared/disks';
import { fieldguard } from './cli';
import { expect, test } from './harness';
import { inspectScreen, switchLanguage } from './screens';

test('the app opens in Japanese on the dashboard', async ({ page, app }) => {
  await app.createVault();
  await app.open('/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('ダッシュボード');
  await expect(page.getByRole('navigation', { name: 'メインメニュー' })).toBeVisible();
  // The dashboard leads with the next visit; this laptop's details are on the System page.
  await expect(page.getByTestId('dashboard-next-visit')).toBeVisible();
  await inspectScreen(page, 'dashboard');
});

test('the System page lists the same volumes as `fieldguard disks --json`', async ({ page, app }) => {
  await app.createVault();
  await app.open('/');
  await page.getByRole('link', { name: 'システム情報' }).first().click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('システム情報');
  // A development run carries no SBOM, and the page says so rather than naming a file that is not there.
  await expect(page.getByText('SBOM（CycloneDX）')).toBeVisible();
  // This laptop's name, moved here from the dashboard.
  await expect(page.getByText('コンピューター名', { exact: true })).toBeVisible();
  await expect(page.getByText('—（このビルドには含まれていません）')).toBeVisible();
  const table = page.getByRole('table', { name: 'ボリューム' });
  await expect(table).toBeVisible();

  const { stdout } = await fieldguard(['disks', '--json']);
  const cli = JSON.parse(stdout) as VolumeList;
  expect(cli.volumes.length).toBeGreaterThan(0);

  const rows = table.getByRole('row');
  await expect(rows).toHaveCount(cli.volumes.length + 1);
  const shown = await table.locator('tbody tr').evaluateAll((trs) =>
    trs.map((tr) => {
      const cells = [...tr.querySelectorAll('td')];
      return {
        mount: cells[0]?.textContent,
        device: cells[1]?.textContent,
        fileSystem: cells[2]?.textContent,
        sizeBytes: Number(cells[4]?.getAttribute('data-bytes')),
      };
    }),
  );
  // Free space moves while tests write files; everything else must agree exactly.
  expect(shown).toEqual(
    cli.volumes.map((v) => ({ mount: v.mount, device: v.device, fileSystem: v.fileSystem ?? '不明', sizeBytes: v.sizeBytes })),
  );
  await inspectScreen(page, 'system');
});

test('the language switch changes the UI to English and is remembered after a restart', async ({ page, app }) => {
  await app.createVault();
  await app.open('/system');
  await switchLanguage(page, 'en');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('System');
  await expect(page.getByRole('columnheader', { name: 'File system' })).toBeVisible();
  await expect(page).toHaveTitle('System — FieldGuard');

  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('System');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});

test('refresh reads the volumes again and shows when they were read, in JST', async ({ page, app }) => {
  await app.createVault();
  await app.open('/system');
  const stamp = page.getByText(/時点$/);
  await expect(stamp).toContainText('JST');
  await page.getByRole('button', { name: '再読み込み' }).click();
  await expect(stamp).toContainText('JST');
});

test('the whole app can be used from the keyboard', async ({ page, app }) => {
  await app.createVault();
  await app.open('/');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'メインコンテンツへ移動' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('main')).toBeFocused();

  await page.getByRole('link', { name: 'システム情報' }).first().focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'システム情報' })).toBeFocused();
  await page.getByRole('button', { name: '再読み込み' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('table', { name: 'ボリューム' })).toBeVisible();
});

test('the menu folds to a rail of named icons, by keyboard, and stays folded after a restart', async ({ page, app }) => {
  await app.createVault();
  await app.open('/');
  const menu = page.getByRole('navigation', { name: 'メインメニュー' });
  const toggle = page.getByRole('button', { name: 'メニューを折りたたむ' });
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await toggle.focus();
  await page.keyboard.press('Enter');

  const unfold = page.getByRole('button', { name: 'メニューを広げる' });
  await expect(unfold).toHaveAttribute('aria-expanded', 'false');
  // Folded, each item is still a link named in words, and the current screen is marked.
  await expect(menu.getByRole('link', { name: 'ダッシュボード', exact: true })).toHaveAttribute('aria-current', 'page');
  const width = await menu.evaluate((element) => element.getBoundingClientRect().width);
  expect(width).toBeLessThan(80);
  await inspectScreen(page, 'navigation-folded');

  await menu.getByRole('link', { name: 'システム情報', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'システム情報' })).toBeVisible();
  await expect(menu.getByRole('link', { name: 'システム情報', exact: true })).toHaveAttribute('aria-current', 'page');

  await page.reload();
  await expect(page.getByRole('button', { name: 'メニューを広げる' })).toBeVisible();
  await page.getByRole('button', { name: 'メニューを広げる' }).click();
  await expect(page.getByRole('button', { name: 'メニューを折りたたむ' })).toHaveAttribute('aria-expanded', 'true');
});

test.describe('when the volumes cannot be read', () => {
  test.use({
    harnessPorts: {
      readVolumes: () => Promise.reject(new Error('df: /media/山田太郎: Input/output error')),
    },
  });

  test('the System page says so in plain words and offers a retry, without leaking the cause', async ({ page, app }) => {
    await app.createVault();
    await app.open('/system');
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('ボリューム情報を読み取れませんでした');
    await expect(alert.getByRole('button', { name: '再試行' })).toBeVisible();
    await expect(page.locator('body')).not.toContainText('山田太郎');
    expect(app.logLines.join('\n')).not.toContain('山田太郎');
    await inspectScreen(page, 'system-error');
  });
});
