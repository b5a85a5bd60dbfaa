/**
 * Sites, systems and maintenance accounts (issue 7; 10-3, 14-2, 8-5, 14-7) in the browser
 * harness: a site with its system administrator, a system from the vendor's standard profile,
 * a maintenance account with a generated vendor-default password and the dashboard's warning,
 * showing and copying the password (the clipboard is the core's, recorded in memory), the
 * account review with its history, removal that says what blocks it, and the keyboard.
 *
 * The core's clock can be moved: accounts made "seven months ago" are past their six-monthly
 * review today, in the main process and in the browser alike.
 */
import type { Locator, Page } from '@playwright/test';
import { memoryClipboard } from '../support/test-core';
import { saveSiteWithSystem } from './site-with-system';
import { expect, invokeFromPage as call, test } from './harness';
import { inspectDialog, inspectScreen, inspectWholeScreen } from './screens';

const SITE = '東都大学病院';
const PRODUCT = 'NeoPremium 2 画像サーバー';
const USER = 'fg-maint';
const SEVEN_MONTHS_MS = 213 * 24 * 60 * 60 * 1000;

/** How far the core's clock is set back (a negative number of ms), changed by the tests. */
let clockOffsetMs = 0;
const clipboard = memoryClipboard();
/**
 * The harness hands its ports to the test core as they are. Its option type names only the
 * ports tests usually change, so the recording clipboard travels in the same object as the
 * clock (assigned from a variable, not written inline, for the type check to accept it).
 */
const ports = { now: () => new Date(Date.now() + clockOffsetMs), clipboard };
test.use({ harnessPorts: ports });

test.beforeEach(() => {
  clockOffsetMs = 0;
  clipboard.text = '';
  clipboard.writes.length = 0;
  clipboard.clears = 0;
});

const menu = (page: Page) => page.getByRole('navigation', { name: 'メインメニュー' });
const heading = (page: Page, name: string) => page.getByRole('heading', { level: 1, name });

interface Seeded {
  readonly siteId: string;
  readonly systemId: string;
}

/** A site with one system from the standard profile, made through the IPC as the screens would. */
async function seedSite(page: Page, name = SITE): Promise<Seeded> {
  const { site, system } = await saveSiteWithSystem(
    page,
    {
      name,
      department: '放射線科',
      address: '東京都文京区本郷 7-3-1',
      administrator: { name: '佐藤 花子', title: '医療情報部 主任', phone: '03-1234-5678', mail: 'hanako.sato@example.jp' },
    },
    { product: PRODUCT, version: '2.4.1', serial: 'NP2-24-00117', hostName: 'RAD-PACS01' },
  );
  return { siteId: site.id, systemId: system.id };
}

async function openSystem(page: Page, seeded: Seeded): Promise<void> {
  await page.goto(`${page.url().split('#')[0]}#/sites?site=${seeded.siteId}&system=${seeded.systemId}`);
  await expect(heading(page, PRODUCT)).toBeVisible();
}

/** A row of a table by its `data-path`, whose Windows paths hold backslashes (CSS escapes them). */
function pathRow(table: Locator, path: string): Locator {
  return table.locator(`tbody tr[data-path="${path.replaceAll('\\', '\\\\')}"]`);
}

function accountRow(page: Page, user: string): Locator {
  return page.getByTestId('accounts-table').locator(`tbody tr[data-user="${user}"]`);
}

test.describe('sites, systems and maintenance accounts', () => {
  test.setTimeout(180_000);

  test('[8-5][14-7] an engineer records a site, a system and its maintenance account, clears the warning and reviews the accounts', async ({
    page,
    app,
  }) => {
    // Everything is recorded "seven months ago": the account is past its review today.
    clockOffsetMs = -SEVEN_MONTHS_MS;
    await app.createVault();
    await app.open('/');
    await expect(page.getByTestId('dashboard-accounts')).toHaveCount(0);

    await menu(page).getByRole('link', { name: '施設とアカウント' }).click();
    await expect(heading(page, '施設とアカウント')).toBeFocused();
    await expect(page.getByTestId('sites-empty')).toContainText('まだ施設が登録されていません');

    // 施設: 名前は必須。空のまま保存すると欄に理由が出て、そこにフォーカスが移る
    await page.getByRole('button', { name: '施設を追加' }).click();
    await expect(heading(page, '施設を追加')).toBeFocused();
    await page.getByRole('button', { name: '保存', exact: true }).click();
    const name = page.getByRole('textbox', { name: '施設名（病院・診療所）' });
    await expect(name).toBeFocused();
    await expect(page.getByTestId('site-form')).toContainText('施設名を入力してください。');
    await name.fill(SITE);
    await page.getByRole('textbox', { name: '部署（診療科など）' }).fill('放射線科');
    await page.getByRole('textbox', { name: '所在地' }).fill('東京都文京区本郷 7-3-1');
    const admin = page.getByRole('group', { name: 'システム管理者' });
    await admin.getByRole('textbox', { name: '氏名' }).fill('佐藤 花子');
    await admin.getByRole('textbox', { name: '役職' }).fill('医療情報部 主任');
    await admin.getByRole('textbox', { name: '電話番号' }).fill('03-1234-5678');
    await admin.getByRole('textbox', { name: 'メールアドレス' }).fill('hanako.sato@example');
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await expect(page.getByTestId('site-form')).toContainText('メールアドレスの形式が正しくありません');
    await admin.getByRole('textbox', { name: 'メールアドレス' }).fill('hanako.sato@example.jp');
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await expect(heading(page, SITE)).toBeFocused();
    const details = page.getByTestId('site-details');
    await expect(details).toContainText('佐藤 花子（医療情報部 主任）');
    await expect(details).toContainText('hanako.sato@example.jp');
    await expect(page.getByRole('navigation', { name: '現在の位置' })).toContainText('施設とアカウント');

    // システム: 標準のプロファイルから始まり、施設に合わせて変える
    await page.getByRole('button', { name: 'システムを追加' }).click();
    await expect(heading(page, 'システムを追加')).toBeFocused();
    const ports = page.getByTestId('ports-editor');
    const locations = page.getByTestId('locations-editor');
    await expect(ports.getByRole('textbox', { name: '1 行目のポート番号' })).toHaveValue('5432');
    await expect(ports.locator('tbody tr[data-port="5432"]')).toHaveCount(1);
    await expect(pathRow(locations, 'D:\\MainImage')).toHaveCount(1);
    await expect(locations.getByRole('textbox', { name: '1 行目の場所（パス）' })).toHaveValue('D:\\MainImage');
    await inspectWholeScreen(page, 'sites-new-system');
    await page.getByRole('textbox', { name: '製品名' }).fill(PRODUCT);
    await page.getByRole('textbox', { name: 'バージョン' }).fill('2.4.1');
    await page.getByRole('textbox', { name: 'シリアル番号' }).fill('NP2-24-00117');
    await page.getByRole('textbox', { name: 'サーバーのホスト名' }).fill('RAD-PACS01');
    // この施設では DICOM のポートが 11112 で、画像ビューアは 8080 で使っている
    await ports.getByRole('textbox', { name: '2 行目のポート番号' }).fill('11112');
    await ports.getByRole('switch', { name: '6 行目のポートを使う' }).check();
    // 行を足して、番号を誤ると欄に理由が出る。足した行は消せる
    await page.getByRole('button', { name: 'ポートを追加' }).click();
    await expect(ports.getByRole('combobox', { name: '10 行目の方向' })).toBeFocused();
    await ports.getByRole('textbox', { name: '10 行目のポート番号' }).fill('７００００');
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await expect(ports).toContainText('1〜65535 の数字を入力してください。');
    await expect(ports.getByRole('textbox', { name: '10 行目のポート番号' })).toBeFocused();
    await ports.getByRole('button', { name: '10 行目のポートを削除' }).click();
    await expect(page.getByRole('button', { name: 'ポートを追加' })).toBeFocused();
    await page.getByRole('button', { name: '保存場所を追加' }).click();
    await locations.getByRole('textbox', { name: '9 行目の場所（パス）' }).fill('\\\\nas01\\archive');
    await locations.getByRole('textbox', { name: '9 行目の保存されているデータ' }).fill('長期保存用のアーカイブ');
    await page.getByRole('button', { name: '保存', exact: true }).click();

    await expect(heading(page, PRODUCT)).toBeFocused();
    const systemPorts = page.getByTestId('system-ports');
    await expect(systemPorts.locator('tbody tr[data-port="5432"]')).toContainText('データベース接続（PostgreSQL）');
    await expect(systemPorts.locator('tbody tr[data-port="11112"]')).toContainText('使用');
    await expect(systemPorts.locator('tbody tr[data-port="104"]')).toHaveCount(0);
    await expect(systemPorts.locator('tbody tr[data-port="8080"]')).toHaveAttribute('data-enabled', 'true');
    await expect(systemPorts.locator('tbody tr[data-port="80"]')).toContainText('不使用');
    const systemLocations = page.getByTestId('system-locations');
    await expect(pathRow(systemLocations, 'D:\\MainImage')).toContainText('撮影画像');
    await expect(pathRow(systemLocations, '\\\\nas01\\archive')).toContainText('長期保存用のアーカイブ');
    await expect(page.getByText('まだ保守用アカウントが登録されていません。')).toBeVisible();

    // 保守用アカウントのダイアログ（生成器つき）を両方の言語で確かめる
    await inspectDialog(page, 'sites-account-dialog', async () => {
      await page.getByRole('button', { name: /^(アカウントを追加|Add account)$/ }).click();
      return page.getByRole('dialog');
    });

    // 生成したパスワードで、ベンダーの初期パスワードのままの印をつけて保存する
    await page.getByRole('button', { name: 'アカウントを追加' }).click();
    const dialog = page.getByRole('dialog', { name: '保守用アカウントを追加' });
    await dialog.getByRole('textbox', { name: 'ユーザー名' }).fill(USER);
    await expect(dialog).toContainText('日本語（JIS）キーボードと英語（US）キーボードで同じ位置にあるものだけ');
    await dialog.getByRole('spinbutton', { name: '文字数（12〜64）' }).fill('24');
    await dialog.getByRole('button', { name: '生成' }).click();
    await expect(dialog.getByRole('status')).toContainText('24 文字のパスワードを作り、入力欄に入れました。');
    const passwordField = dialog.getByLabel('パスワード', { exact: true });
    await expect(passwordField).toHaveAttribute('type', 'password');
    const password = await passwordField.inputValue();
    expect(password).toHaveLength(24);
    expect(password).toMatch(/^[A-Za-z2-9!#$%\-./?]+$/);
    expect(password).not.toMatch(/[IlO01o]/);
    await dialog.getByRole('checkbox', { name: 'ベンダーの初期パスワードのまま使っている' }).check();
    await dialog.getByRole('button', { name: '保存', exact: true }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByTestId('account-notice')).toContainText(`「${USER}」を保存しました。`);
    const row = accountRow(page, USER);
    await expect(row).toContainText('初期パスワード');
    await expect(row).toContainText('JST');
    await expect(page.locator('body')).not.toContainText(password);

    // 今日に戻る: ダッシュボードに初期パスワードと見直し期限切れの警告
    clockOffsetMs = 0;
    await menu(page).getByRole('link', { name: 'ダッシュボード' }).click();
    const card = page.getByTestId('dashboard-accounts');
    await expect(card.getByTestId('dashboard-vendor-defaults')).toContainText('初期パスワードのまま：1 件');
    await expect(card.getByTestId('dashboard-reviews-due')).toContainText('見直しの期限切れ：1 件');
    await inspectScreen(page, 'sites-dashboard-warnings');
    await card.getByRole('link', { name: '施設とアカウントを開く' }).click();
    await expect(heading(page, '施設とアカウント')).toBeFocused();
    await expect(page.getByTestId('sites-warning-vendor-default')).toContainText(
      'ベンダーの初期パスワードのままのアカウントが 1 件あります（8-5）',
    );
    await expect(page.getByTestId('sites-warning-review-due')).toContainText('見直しの期限を過ぎたアカウントが 1 件あります（14-7）');
    const siteRow = page.getByTestId('sites-table').locator('tbody tr').filter({ hasText: SITE });
    await expect(siteRow).toContainText('放射線科');
    await expect(siteRow).toContainText('佐藤 花子');
    await expect(siteRow).toContainText('システム 1 件・アカウント 1 件');
    await expect(siteRow).toContainText('初期パスワード 1 件');
    await inspectScreen(page, 'sites-list');

    // 表示して隠す。表示は自分から求めたときだけ
    await siteRow.getByRole('link', { name: SITE }).click();
    await expect(heading(page, SITE)).toBeFocused();
    await page.getByTestId('systems-table').getByRole('link', { name: PRODUCT }).click();
    await expect(heading(page, PRODUCT)).toBeFocused();
    await expect(row).toContainText('見直し期限切れ');
    await row.getByRole('button', { name: `「${USER}」のパスワードを表示` }).click();
    await expect(row.getByTestId('account-secret')).toHaveText(password);
    await expect(row).toContainText(/あと \d+ 秒で隠します/);
    await row.getByRole('button', { name: `「${USER}」のパスワードを隠す` }).click();
    await expect(row.getByTestId('account-secret')).toHaveCount(0);
    await expect(page.locator('body')).not.toContainText(password);

    // コピーは本体がクリップボードに書き、30 秒後に消す
    await row.getByRole('button', { name: `「${USER}」のパスワードをコピー` }).click();
    await expect(page.getByTestId('account-copied')).toContainText(
      `「${USER}」のパスワードをコピーしました。クリップボードは 30 秒後に消去されます。`,
    );
    await expect(page.getByTestId('account-copied')).toContainText(/（あと \d+ 秒）/);
    expect(clipboard.text).toBe(password);
    await expect(page.locator('body')).not.toContainText(password);
    await inspectWholeScreen(page, 'sites-system');

    // 現場で変えたので「初期パスワードのまま」を外す（パスワードは保存してあるものを使う）
    await row.getByRole('button', { name: `「${USER}」を編集` }).click();
    const edit = page.getByRole('dialog', { name: `「${USER}」を編集` });
    await expect(edit.getByLabel('新しいパスワード', { exact: true })).toHaveValue('');
    await expect(edit).toContainText('空欄のままにすると、保存してあるパスワードは変わりません。');
    await edit.getByRole('checkbox', { name: 'ベンダーの初期パスワードのまま使っている' }).uncheck();
    await edit.getByRole('button', { name: '保存', exact: true }).click();
    await expect(edit).toBeHidden();
    await expect(row).toHaveAttribute('data-vendor-default', 'false');
    await expect(row.getByTestId('vendor-default-badge')).toHaveCount(0);

    // 2 つ目のアカウント（もう使っていないもの）
    const systemId = new URLSearchParams(page.url().split('?')[1]).get('system')!;
    await call(page, 'accounts.save', { systemId, userName: 'old-service', secret: 'P4ss-old-service', vendorDefault: false });

    await menu(page).getByRole('link', { name: 'ダッシュボード' }).click();
    await expect(card.getByTestId('dashboard-vendor-defaults')).toHaveCount(0);
    await expect(card.getByTestId('dashboard-reviews-due')).toContainText('見直しの期限切れ：1 件');
    await card.getByRole('link', { name: 'アカウントの見直しへ' }).click();
    await expect(heading(page, 'アカウントの見直し')).toBeFocused();

    // 見直し: すべてに判断を選ぶまで記録できない
    const review = page.getByTestId('review-table');
    await expect(review.locator('tbody tr')).toHaveCount(2);
    const record = page.getByRole('button', { name: '見直しを記録' });
    await expect(record).toBeDisabled();
    await expect(page.getByTestId('review-progress')).toContainText('2 件中 0 件を判断しました。');
    const keepRow = review.locator(`tbody tr[data-user="${USER}"]`);
    await expect(keepRow).toContainText(SITE);
    await expect(keepRow).toContainText(PRODUCT);
    await keepRow.getByRole('radio', { name: '継続' }).check();
    await keepRow.getByRole('textbox', { name: `「${USER}」（${SITE}・${PRODUCT}）のメモ` }).fill('定期点検で使用中');
    await expect(page.getByTestId('review-progress')).toContainText('2 件中 1 件を判断しました。');
    await expect(record).toBeDisabled();
    const deleteRow = review.locator('tbody tr[data-user="old-service"]');
    await deleteRow
      .getByRole('radiogroup', { name: `「old-service」（${SITE}・${PRODUCT}）の判断` })
      .getByRole('radio', { name: '削除' })
      .check();
    await deleteRow.getByRole('textbox', { name: /メモ$/ }).fill('旧サービス用、不要');
    await expect(page.getByTestId('review-progress')).toContainText('2 件すべてを判断しました。');
    await expect(record).toBeEnabled();
    await inspectWholeScreen(page, 'sites-review');

    await record.click();
    const confirm = page.getByRole('alertdialog', { name: '見直しを記録しますか？' });
    await expect(confirm).toContainText('継続1 件');
    await expect(confirm).toContainText('削除1 件');
    await expect(confirm).toContainText('「削除」を選んだ 1 件は、保存してあるパスワードとともに削除します。');
    await confirm.getByRole('button', { name: 'キャンセル' }).click();
    await expect(confirm).toBeHidden();
    await record.click();
    await confirm.getByRole('button', { name: '記録する' }).click();
    await expect(page.getByTestId('review-recorded')).toContainText('見直しを記録しました（2 件）。');
    await expect(review.locator('tbody tr')).toHaveCount(1);
    await expect(review.locator('tbody tr').first()).toHaveAttribute('data-decision', '');

    // 履歴: 日時（JST）、実施者、件数、開くと判断とメモ
    const history = page.getByTestId('review-history');
    const entry = history.getByRole('button', { name: /JST.*山田 太郎.*2 件（継続 1・無効化 0・削除 1）/ });
    await expect(entry).toBeVisible();
    await entry.click();
    await expect(history.getByRole('table')).toContainText('定期点検で使用中');
    await expect(history.locator('tbody tr[data-decision="delete"]')).toContainText('old-service');
    await expect(history.locator('tbody tr[data-decision="delete"]')).toContainText('旧サービス用、不要');

    // 見直しが済み、初期パスワードもないので、ダッシュボードの警告は消える
    await menu(page).getByRole('link', { name: 'ダッシュボード' }).click();
    await expect(page.getByTestId('dashboard-next-visit')).toBeVisible();
    await expect(page.getByTestId('dashboard-accounts')).toHaveCount(0);

    // 監査ログには操作が種類の名前で残り、パスワードはどこにも書かれない
    await menu(page).getByRole('link', { name: '監査ログ' }).click();
    const auditRows = page.getByRole('table', { name: '記録' }).locator('tbody tr');
    await expect(auditRows.filter({ hasText: '保守用パスワードの表示' })).toHaveCount(1);
    await expect(auditRows.filter({ hasText: '保守用パスワードのコピー' })).toHaveCount(1);
    await expect(auditRows.filter({ hasText: 'アカウントの見直し' })).toHaveCount(1);
    await expect(auditRows.filter({ hasText: '施設の保存' })).toHaveCount(1);
    await expect(page.locator('body')).not.toContainText(password);
    expect(app.logLines.join('\n')).not.toContain(password);
  });

  test('[14-2] a shown password hides itself after 30 seconds, and the copied one leaves the clipboard', async ({ page, app }) => {
    await app.createVault();
    await app.open('/');
    const seeded = await seedSite(page);
    const secret = 'Kx7#mP2-qR9/vT4?';
    await call(page, 'accounts.save', { systemId: seeded.systemId, userName: USER, secret, vendorDefault: false });
    await openSystem(page, seeded);

    const row = accountRow(page, USER);
    await row.getByRole('button', { name: `「${USER}」のパスワードを表示` }).click();
    await expect(row.getByTestId('account-secret')).toHaveText(secret);
    await row.getByRole('button', { name: `「${USER}」のパスワードをコピー` }).click();
    expect(clipboard.text).toBe(secret);

    await expect(row.getByTestId('account-secret')).toHaveCount(0, { timeout: 35_000 });
    await expect(row.getByRole('button', { name: `「${USER}」のパスワードを表示` })).toBeVisible();
    await expect(page.getByTestId('account-copied')).toContainText(`「${USER}」のパスワードはクリップボードから消去されました。`, {
      timeout: 5_000,
    });
    await expect.poll(() => clipboard.text, { timeout: 5_000 }).toBe('');
    expect(clipboard.clears).toBe(1);

    // 表示したまま別の画面へ移ると、戻っても表示されていない
    await row.getByRole('button', { name: `「${USER}」のパスワードを表示` }).click();
    await expect(row.getByTestId('account-secret')).toHaveText(secret);
    await menu(page).getByRole('link', { name: 'ダッシュボード' }).click();
    await expect(page.locator('body')).not.toContainText(secret);
    await page.goBack();
    await expect(heading(page, PRODUCT)).toBeVisible();
    await expect(row.getByTestId('account-secret')).toHaveCount(0);
    await expect(page.locator('body')).not.toContainText(secret);
  });

  test('removal asks first, and says plainly what has to be removed before', async ({ page, app }) => {
    await app.createVault();
    await app.open('/');
    const seeded = await seedSite(page);
    await call(page, 'accounts.save', { systemId: seeded.systemId, userName: USER, secret: 'Kx7#mP2-qR9/vT4?', vendorDefault: false });

    // 施設にシステムがあるうちは削除できない: そう伝え、システムの一覧へ案内する
    await page.goto(`${page.url().split('#')[0]}#/sites?site=${seeded.siteId}`);
    await expect(heading(page, SITE)).toBeVisible();
    await page.getByRole('button', { name: '施設を削除' }).click();
    const blocked = page.getByTestId('sites-blocked');
    await expect(blocked).toContainText('この施設はまだ削除できません');
    await expect(blocked).toContainText(
      'この施設にはシステムが 1 件登録されています。先にシステムを削除してから、施設を削除してください。',
    );
    await blocked.getByRole('button', { name: 'システムの一覧へ' }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'システム' })).toBeFocused();

    // システムにアカウントがあるうちも同じ
    await page.getByRole('link', { name: PRODUCT }).click();
    await expect(heading(page, PRODUCT)).toBeFocused();
    await page.getByRole('button', { name: 'システムを削除' }).click();
    await expect(page.getByTestId('sites-blocked')).toContainText('このシステムには保守用アカウントが 1 件登録されています。');
    await page.getByTestId('sites-blocked').getByRole('button', { name: 'アカウントの一覧へ' }).click();
    await expect(page.getByRole('heading', { level: 2, name: '保守用アカウント' })).toBeFocused();

    // アカウントの削除は確認してから。キャンセルすれば何も変わらない
    await accountRow(page, USER)
      .getByRole('button', { name: `「${USER}」を削除` })
      .click();
    const confirmAccount = page.getByRole('alertdialog', { name: `「${USER}」を削除しますか？` });
    await expect(confirmAccount).toContainText('保存してあるパスワードとともに削除します。元に戻せません。');
    await confirmAccount.getByRole('button', { name: 'キャンセル' }).click();
    await expect(accountRow(page, USER)).toBeVisible();
    await accountRow(page, USER)
      .getByRole('button', { name: `「${USER}」を削除` })
      .click();
    await confirmAccount.getByRole('button', { name: '削除する' }).click();
    await expect(page.getByTestId('account-notice')).toContainText(`「${USER}」を削除しました。`);
    await expect(page.getByText('まだ保守用アカウントが登録されていません。')).toBeVisible();

    await page.getByRole('button', { name: 'システムを削除' }).click();
    await page
      .getByRole('alertdialog', { name: `「${PRODUCT}」を削除しますか？` })
      .getByRole('button', { name: '削除する' })
      .click();
    await expect(heading(page, SITE)).toBeVisible();
    await expect(page.getByText('まだシステムが登録されていません。')).toBeVisible();

    await page.getByRole('button', { name: '施設を削除' }).click();
    await page
      .getByRole('alertdialog', { name: `「${SITE}」を削除しますか？` })
      .getByRole('button', { name: '削除する' })
      .click();
    await expect(heading(page, '施設とアカウント')).toBeVisible();
    await expect(page.getByTestId('sites-empty')).toBeVisible();
  });

  test('the main actions can be done from the keyboard', async ({ page, app }) => {
    await app.createVault();
    await app.open('/sites');

    // 施設を追加: ボタンから入力、Enter で保存
    await page.getByRole('button', { name: '施設を追加' }).focus();
    await page.keyboard.press('Enter');
    await expect(heading(page, '施設を追加')).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(page.getByRole('textbox', { name: '施設名（病院・診療所）' })).toBeFocused();
    await page.keyboard.type(SITE);
    await page.keyboard.press('Tab');
    await expect(page.getByRole('textbox', { name: '部署（診療科など）' })).toBeFocused();
    await page.keyboard.type('放射線科');
    await page.keyboard.press('Enter');
    await expect(heading(page, SITE)).toBeFocused();

    // システムを追加: 標準のまま Enter で保存
    await page.getByRole('button', { name: 'システムを追加' }).focus();
    await page.keyboard.press('Enter');
    await expect(heading(page, 'システムを追加')).toBeFocused();
    await page.getByRole('textbox', { name: '製品名' }).focus();
    await page.keyboard.type(PRODUCT);
    await page.keyboard.press('Enter');
    await expect(heading(page, PRODUCT)).toBeFocused();

    // アカウントを追加: 生成から保存までキーボードで
    await page.getByRole('button', { name: 'アカウントを追加' }).focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: '保守用アカウントを追加' });
    await expect(dialog.getByRole('textbox', { name: 'ユーザー名' })).toBeFocused();
    await page.keyboard.type(USER);
    await dialog.getByRole('button', { name: '生成' }).focus();
    await page.keyboard.press('Enter');
    await expect(dialog.getByRole('status')).toContainText('20 文字のパスワードを作り');
    await dialog.getByRole('checkbox', { name: 'ベンダーの初期パスワードのまま使っている' }).focus();
    await page.keyboard.press('Space');
    await expect(dialog.getByRole('checkbox', { name: 'ベンダーの初期パスワードのまま使っている' })).toBeChecked();
    await dialog.getByRole('button', { name: '保存', exact: true }).focus();
    await page.keyboard.press('Enter');
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('button', { name: 'アカウントを追加' })).toBeFocused();
    const row = accountRow(page, USER);
    await expect(row).toHaveAttribute('data-vendor-default', 'true');

    // 編集を Escape で閉じると、開いたボタンに戻る
    await row.getByRole('button', { name: `「${USER}」を編集` }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('dialog', { name: `「${USER}」を編集` })).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog')).toHaveCount(0);
    await expect(row.getByRole('button', { name: `「${USER}」を編集` })).toBeFocused();

    // 表示・隠す・コピー
    await row.getByRole('button', { name: `「${USER}」のパスワードを表示` }).focus();
    await page.keyboard.press('Enter');
    await expect(row.getByTestId('account-secret')).toBeVisible();
    await expect(row.getByRole('button', { name: `「${USER}」のパスワードを隠す` })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(row.getByTestId('account-secret')).toHaveCount(0);
    await page.keyboard.press('Tab');
    await expect(row.getByRole('button', { name: `「${USER}」のパスワードをコピー` })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('account-copied')).toBeVisible();
    expect(clipboard.writes).toHaveLength(1);

    // 見直し: ラジオは矢印キーで選び、記録は確認してから
    await page.goto(`${page.url().split('#')[0]}#/sites?view=review`);
    await expect(heading(page, 'アカウントの見直し')).toBeVisible();
    const group = page.getByRole('radiogroup', { name: new RegExp(`^「${USER}」`) });
    await group.getByRole('radio', { name: '継続' }).focus();
    await page.keyboard.press('Space');
    await expect(group.getByRole('radio', { name: '継続' })).toBeChecked();
    await page.keyboard.press('ArrowRight');
    await expect(group.getByRole('radio', { name: '無効化' })).toBeChecked();
    await page.getByRole('button', { name: '見直しを記録' }).focus();
    await page.keyboard.press('Enter');
    const confirm = page.getByRole('alertdialog', { name: '見直しを記録しますか？' });
    await expect(confirm).toContainText('「無効化」を選んだ 1 件は「無効」として記録します。');
    await expect(confirm.getByRole('button', { name: '記録する' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('review-recorded')).toContainText('見直しを記録しました（1 件）。');
    await expect(page.getByRole('button', { name: '見直しを記録' })).toBeFocused();
    await expect(page.getByTestId('review-table').locator('tbody tr').first().getByTestId('disabled-badge')).toBeVisible();
  });
});
