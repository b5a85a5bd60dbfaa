/**
 * The About screen shows an auditor the guideline coverage table: every catalogue item, what
 * FieldGuard does for it, where, and the tests that prove it — in Japanese and English, usable
 * from the keyboard, and with no accessibility violation at all.
 */
import AxeBuilder from '@axe-core/playwright';
import { guidelineItems } from '../../electron/shared/guideline-items';
import { testsOfItem } from '../../electron/shared/guideline-tests';
import { expect, test } from './harness';
import { inspectWholeScreen, switchLanguage } from './screens';

test('the About screen shows the guideline coverage table, item 10-1 with its screens, services, reports and tests', async ({
  page,
  app,
}) => {
  // axe-core reads the whole 28-row table three times (ja, en, and once more for every impact).
  test.setTimeout(180_000);
  await app.createVault();
  await app.open('/');
  // Reached from the navigation with the keyboard alone.
  await page.getByRole('link', { name: 'このアプリについて' }).first().focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'このアプリについて' })).toBeFocused();

  const table = page.getByRole('table', { name: 'ガイドライン対応表' });
  await expect(table.locator('tbody tr')).toHaveCount(guidelineItems.length);
  const row = table.getByRole('row', { name: /^10-1 / });
  await expect(row.getByRole('rowheader')).toHaveText('10-1');
  await expect(row).toContainText('保守で個人情報を含むデータを使ったら、終了後に確実に消去する');
  await expect(row).toContainText('データ消去証明書');
  await expect(row).toContainText('electron/core/erasure/erasure-certificate.ts');

  // The tests fold into a disclosure the keyboard opens; each one names its file.
  const tests = testsOfItem('10-1');
  expect(tests.length).toBeGreaterThan(0);
  const disclosure = row.getByText(`テスト ${tests.length} 件`);
  await disclosure.focus();
  await page.keyboard.press('Enter');
  for (const each of tests) await expect(row.getByRole('listitem').filter({ hasText: each.name })).toContainText(each.file);

  // An item that is the site's own duty says why instead of listing tests.
  const siteDuty = table.getByRole('row', { name: /^12-2 / });
  await expect(siteDuty).toContainText('対象外の理由');
  await expect(siteDuty).toContainText('テストなし');

  await inspectWholeScreen(page, 'about');
  // Beyond the harness's serious and critical violations: none at all on this screen.
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .exclude('[data-tabster-dummy]')
    .analyze();
  expect(results.violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);

  await switchLanguage(page, 'en');
  const english = page.getByRole('table', { name: 'Guideline coverage' }).getByRole('row', { name: /^10-1 / });
  await expect(english).toContainText('After maintenance work that used personal data, erase it for certain');
  await expect(english).toContainText('Data erasure certificate');
  // A screen named in the row is a link to it.
  await english.getByRole('link', { name: 'Erasure' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Erasure' })).toBeVisible();
});
