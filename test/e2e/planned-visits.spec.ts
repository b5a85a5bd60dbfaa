/**
 * Planned visits and the dashboard's next-visit checklist (issue 19) in the browser harness: a
 * visit planned on the Visits screen with the keyboard — a missing purpose said at its field —
 * listed with its day as yyyy/MM/dd (and "8 Dec 2026" in English); a medium checked out for it
 * by choosing the plan in the ledger's dialog; the dashboard leading with that visit and what to
 * check before leaving, each line with its action; the visit started from the checklist with the
 * plan's site and system fixed; and afterwards no next visit, but a report not yet issued.
 */
import type { Page } from '@playwright/test';
import type { LedgerItem } from '../../electron/shared/ledger';
import { saveSiteWithSystem } from './site-with-system';
import { expect, invokeFromPage as call, test } from './harness';
import { inspectDialog, inspectScreen } from './screens';

const menu = (page: Page) => page.getByRole('navigation', { name: 'メインメニュー' });
const heading = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name });

/** Tomorrow in Japan as the engineer's form proposes it, as `YYYY-MM-DD`, and as each language shows it. */
function tomorrowInJapan(): { iso: string; ja: string; en: string } {
  const iso = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo', year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    new Date(Date.now() + 24 * 60 * 60 * 1000),
  );
  const [year, month, day] = iso.split('-');
  const monthName = new Date(`${iso}T00:00:00Z`).toLocaleString('en-GB', { month: 'short', timeZone: 'UTC' });
  return { iso, ja: `${year}/${month}/${day}`, en: `${Number(day)} ${monthName} ${year}` };
}

test('[7-1][7-2] a visit is planned, prepared from the dashboard checklist and started from it', async ({ page, app }) => {
  test.setTimeout(180_000);
  const day = tomorrowInJapan();
  await app.createVault();
  await app.open('/');

  // 施設と装置（施設の画面は sites.spec.ts が確かめる）と、持ち出す媒体
  const { site } = await saveSiteWithSystem(
    page,
    {
      name: 'みなと台クリニック',
      department: '放射線科',
      address: '東京都港区',
      administrator: { name: '佐藤 一郎', title: 'システム管理者' },
    },
    { product: 'NEOPREMIUM2', version: '2.4', serial: '', hostName: 'IMG-SRV01' },
  );
  const stick = await call<LedgerItem>(page, 'ledger.save', {
    item: {
      label: 'FG-USB-001',
      type: 'usb-memory',
      make: 'SanDisk',
      model: 'Extreme PRO',
      serial: '4C530001230815117224',
      capacityBytes: 64_000_000_000,
      encryption: 'hardware',
      owner: '山田 太郎',
      storageLocation: '保管庫A',
      purchaseDate: null,
      warrantyEnd: null,
      notes: '',
    },
  });

  // ダッシュボード：予定がなければそう言い、作成へ導く。出発前の確認は予定がなくても出る
  await page.reload();
  const next = page.getByTestId('dashboard-next-visit');
  await expect(next.getByRole('heading', { level: 2, name: '予定されている訪問はありません' })).toBeVisible();
  await expect(next.getByTestId('next-visit-self-check')).toHaveAttribute('data-state', 'todo');
  await expect(next.getByTestId('next-visit-self-check')).toContainText('セルフチェックをまだ実施していません');
  await expect(next.getByTestId('next-visit-media')).toHaveCount(0);
  await inspectScreen(page, 'dashboard-next-visit-none');

  // 訪問予定を作成：キーボードで。目的が空なら、その欄で言う
  await menu(page).getByRole('link', { name: '訪問作業' }).click();
  await expect(page.getByTestId('planned-visits-empty')).toHaveText('これからの訪問予定はありません。');
  await page.getByRole('button', { name: '訪問予定を作成' }).focus();
  await page.keyboard.press('Enter');
  await expect(heading(page, '訪問予定を作成')).toBeFocused();
  const form = page.getByTestId('plan-form');
  // 施設も装置も一つだけなので選ばれている
  await expect(form.getByRole('combobox', { name: '施設' })).toHaveValue(site.id);
  await expect(form.getByRole('combobox', { name: '装置（システム）' })).toHaveValue(/.+/);
  await expect(form.getByLabel('訪問日')).toHaveValue(day.ja);
  await expect(form).toContainText(`${day.ja} に訪問します。`);
  const workOrder = form.getByRole('textbox', { name: /^作業指示書の番号/ });
  await workOrder.fill('WO-8812');
  await workOrder.press('Enter');
  await expect(form).toContainText('目的を入力してください。');
  await expect(form.getByRole('textbox', { name: /^目的/ })).toBeFocused();
  await page.keyboard.type('CT 装置の定期点検');
  await form.getByRole('textbox', { name: /^持ち出すデータ/ }).fill('装置ログ 直近 3 日分');
  await inspectScreen(page, 'planned-visit-form');
  await workOrder.press('Enter');

  // 一覧：訪問日は yyyy/MM/dd（英語では 8 Dec 2026 の形）
  const plans = page.getByTestId('planned-visits');
  const row = plans.getByRole('row').filter({ hasText: 'みなと台クリニック' });
  await expect(row).toContainText(day.ja);
  await expect(row).toContainText('NEOPREMIUM2 / IMG-SRV01');
  await expect(row).toContainText('CT 装置の定期点検');
  await inspectScreen(page, 'planned-visits-list');
  await page.getByRole('combobox', { name: /表示言語|Language/ }).selectOption('en');
  await expect(row).toContainText(day.en);
  await page.getByRole('combobox', { name: /表示言語|Language/ }).selectOption('ja');

  // 媒体を持ち出す：訪問予定を選ぶと、目的・訪問・許可した管理者が入る
  await page.goto(`${page.url().split('#')[0]}#/ledger?item=${stick.id}`);
  await expect(heading(page, 'FG-USB-001')).toBeVisible();
  await inspectDialog(page, 'ledger-checkout-for-plan', async () => {
    await page.getByRole('button', { name: /^(持ち出す|Check out)$/ }).click();
    return page.getByRole('dialog');
  });
  await page.getByRole('button', { name: '持ち出す' }).click();
  const checkOut = page.getByRole('dialog', { name: 'FG-USB-001 を持ち出す' });
  const planChoice = checkOut.getByRole('combobox', { name: /^訪問予定/ });
  await planChoice.selectOption({ label: `${day.ja} みなと台クリニック（CT 装置の定期点検）` });
  await expect(checkOut.getByRole('textbox', { name: /^目的/ })).toHaveValue('CT 装置の定期点検');
  await expect(checkOut.getByRole('textbox', { name: /^訪問/ })).toHaveValue(`${day.iso} みなと台クリニック WO-8812`);
  await expect(checkOut.getByRole('checkbox', { name: '施設のデータ（医療情報）を持ち出す' })).toBeChecked();
  await expect(checkOut.getByRole('textbox', { name: /^許可した施設のシステム管理者/ })).toHaveValue('佐藤 一郎');
  await checkOut.getByRole('button', { name: '持ち出しを記録' }).click();
  await expect(checkOut).toBeHidden();

  // ダッシュボード：次の訪問と、出発前の確認。それぞれに直す操作がある
  await menu(page).getByRole('link', { name: 'ダッシュボード' }).click();
  await expect(next.getByRole('heading', { level: 2, name: `${day.ja}・みなと台クリニック（放射線科）` })).toBeVisible();
  await expect(next).toContainText('目的：CT 装置の定期点検');
  await expect(next).toContainText('持ち出すデータ：装置ログ 直近 3 日分');
  await expect(next.getByTestId('next-visit-media')).toHaveAttribute('data-state', 'done');
  await expect(next.getByTestId('next-visit-media')).toContainText('この訪問のために持ち出した媒体：1 件（FG-USB-001）');
  await expect(next.getByTestId('next-visit-accounts')).toHaveAttribute('data-state', 'done');
  await expect(next.getByTestId('next-visit-held')).toHaveAttribute('data-state', 'done');
  await expect(next.getByTestId('next-visit-unissued')).toHaveAttribute('data-state', 'done');
  const selfCheck = next.getByTestId('next-visit-self-check');
  await expect(selfCheck).toHaveAttribute('data-state', 'todo');
  await expect(selfCheck.getByRole('button', { name: 'セルフチェックを実行' })).toBeVisible();
  await expect(next.getByTestId('next-visit-accounts').getByRole('link', { name: '施設を開く' })).toBeVisible();
  await inspectScreen(page, 'dashboard-next-visit');

  // 予定から訪問作業を開始：手順・施設・装置は予定のとおりで、変えられない
  await next.getByTestId('next-visit-start').click();
  await expect(heading(page, '訪問作業を開始')).toBeFocused();
  const start = page.getByTestId('visit-start-form');
  await expect(start.getByTestId('plan-summary')).toContainText('CT 装置の定期点検');
  await expect(start.getByTestId('plan-summary')).toContainText(day.ja);
  await expect(start.getByRole('combobox', { name: '施設' })).toBeDisabled();
  await expect(start.getByRole('combobox', { name: '施設' })).toHaveValue(site.id);
  await expect(start.getByRole('radio', { name: /オンサイト保守作業/ })).toBeChecked();
  await inspectScreen(page, 'visits-start-from-plan');
  await start.getByRole('button', { name: '開始', exact: true }).click();
  await expect(heading(page, /^オンサイト保守作業 V-\d{8}-01$/)).toBeVisible();

  // 開始した予定は次の訪問から外れ、報告書を発行していない訪問作業として残る
  await menu(page).getByRole('link', { name: 'ダッシュボード' }).click();
  await expect(next.getByRole('heading', { level: 2, name: '予定されている訪問はありません' })).toBeVisible();
  await expect(next.getByTestId('next-visit-unissued')).toHaveAttribute('data-state', 'todo');
  await expect(next.getByTestId('next-visit-unissued')).toContainText('報告書をまだ発行していない訪問作業：1 件');
  await menu(page).getByRole('link', { name: '訪問作業' }).click();
  await expect(page.getByTestId('planned-visits-empty')).toBeVisible();
});
