/**
 * Guided procedures (issues 7 and 19) in the browser harness. The whole visit is one journey
 * that starts from the dashboard's next-visit checklist, as an engineer works: the site, system
 * and maintenance account recorded on the Sites screen; the visit planned from the checklist;
 * prepared from it (the medium checked out for the plan, the self-check of a recorded healthy
 * Windows laptop run from its line); started from the plan; every step by its kind, evidence
 * imported into the visit's vault folder and attached; the visit's data erased on the Erasure
 * screen with a certificate; the countersignature; the signed report saved and checked by
 * `fieldguard verify`; and the checklist clear afterwards. The decommissioning journey also
 * shows the readiness gate failing before a self-check and its override dialog.
 *
 * The core's clock starts at the time the probes were recorded (their definitions and updates
 * are dated then) and runs on from there.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { clockFromRecording, HEALTHY_WINDOWS, recordedWindowsProbes } from '../support/recorded-windows-probes';
import { fieldguardWithExitCode } from './cli';
import { saveSiteWithSystem } from './site-with-system';
import { expect, invokeFromPage as call, test } from './harness';
import { checkAndCapture, inspectDialog, inspectScreen, inspectWholeScreen, switchLanguage } from './screens';

test.use({ harnessPorts: { selfCheckProbes: recordedWindowsProbes(HEALTHY_WINDOWS), now: clockFromRecording() } });

const SITE = 'みなと台クリニック';
const PRODUCT = 'NEOPREMIUM2';
const USER = 'fg-maint';
const PASSWORD = 'Xp4!visit-Qe71-maint';
const REFERENCE = 'V-20241122-01';

let scratch: string;
test.beforeEach(async () => {
  scratch = await mkdtemp(path.join(os.tmpdir(), 'fieldguard-visits-e2e-'));
});
test.afterEach(async () => {
  await rm(scratch, { recursive: true, force: true });
});

const menu = (page: Page) => page.getByRole('navigation', { name: 'メインメニュー' });
const heading = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name });
const stepItem = (page: Page, stepId: string) => page.getByTestId('visit-steps').locator(`> li[data-step-id="${stepId}"]`);
/** The step opened in the right pane (the current one unless another was opened from the list). */
const panel = (page: Page, stepId: string) => page.locator(`[data-testid="visit-step-panel"][data-step-id="${stepId}"]`);

/** A signature drawn with the mouse, as the site administrator would with a pen. */
async function sign(page: Page, scope: Locator, emptyName = '署名欄（未記入）', drawnName = '署名欄（署名済み）'): Promise<void> {
  const pad = scope.getByRole('img', { name: emptyName });
  await pad.scrollIntoViewIfNeeded();
  const box = (await pad.boundingBox())!;
  await page.mouse.move(box.x + 30, box.y + 90);
  await page.mouse.down();
  for (let i = 1; i <= 20; i += 1) await page.mouse.move(box.x + 30 + i * 18, box.y + 90 + Math.sin(i / 2) * 30);
  await page.mouse.up();
  await expect(scope.getByRole('img', { name: drawnName })).toBeVisible();
}

async function expectDone(page: Page, stepId: string): Promise<void> {
  await expect(stepItem(page, stepId)).toHaveAttribute('data-status', /^(done|not-applicable)$/);
}

/** The site, its system from the standard profile and its maintenance account, on the Sites screen. */
async function recordSiteOnScreen(page: Page): Promise<void> {
  await menu(page).getByRole('link', { name: '施設とアカウント' }).click();
  await page.getByRole('button', { name: '施設を追加' }).click();
  await page.getByRole('textbox', { name: '施設名（病院・診療所）' }).fill(SITE);
  await page.getByRole('textbox', { name: '部署（診療科など）' }).fill('放射線科');
  const admin = page.getByRole('group', { name: 'システム管理者' });
  await admin.getByRole('textbox', { name: '氏名' }).fill('佐藤 一郎');
  await admin.getByRole('textbox', { name: '役職' }).fill('医療情報部 システム管理者');
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(heading(page, SITE)).toBeVisible();

  await page.getByRole('button', { name: 'システムを追加' }).click();
  await page.getByRole('textbox', { name: '製品名' }).fill(PRODUCT);
  await page.getByRole('textbox', { name: 'バージョン' }).fill('2.4');
  await page.getByRole('textbox', { name: 'シリアル番号' }).fill('NP2-0417');
  await page.getByRole('textbox', { name: 'サーバーのホスト名' }).fill('IMG-SRV01');
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(heading(page, PRODUCT)).toBeVisible();

  await page.getByRole('button', { name: 'アカウントを追加' }).click();
  const dialog = page.getByRole('dialog', { name: '保守用アカウントを追加' });
  await dialog.getByRole('textbox', { name: 'ユーザー名' }).fill(USER);
  await dialog.getByLabel('パスワード', { exact: true }).fill(PASSWORD);
  await dialog.getByRole('button', { name: '保存', exact: true }).click();
  await expect(dialog).toBeHidden();
}

test.describe('an on-site maintenance visit', () => {
  test.setTimeout(240_000);

  test('[7-1][7-2][10-3][10-1] is planned from the dashboard checklist, prepared, run step by step, erased and reported', async ({
    page,
    app,
  }) => {
    await app.createVault();
    await app.open('/');

    // 訪問作業の画面: まだ何もなく、施設もない
    await menu(page).getByRole('link', { name: '訪問作業' }).click();
    await expect(heading(page, '訪問作業')).toBeFocused();
    await expect(page.getByTestId('visits-empty')).toContainText('まだ訪問作業がありません');
    await page.getByRole('button', { name: '訪問作業を開始' }).click();
    await expect(page.getByTestId('visits-no-sites')).toContainText('施設がまだ登録されていません');

    await recordSiteOnScreen(page);
    // 持ち出す USB メモリ（台帳の画面は ledger.spec.ts が確かめる）
    await call(page, 'ledger.save', {
      item: {
        label: 'FG-USB-03',
        type: 'usb-memory',
        make: 'SanDisk',
        model: 'Extreme PRO',
        serial: '4C530001230815117203',
        capacityBytes: 64_000_000_000,
        encryption: 'hardware',
        owner: '山田 太郎',
        storageLocation: '保管庫A',
        purchaseDate: null,
        warrantyEnd: null,
        notes: '',
      },
    });

    // 計画: ダッシュボードの「次の訪問」から訪問予定を作成する
    await menu(page).getByRole('link', { name: 'ダッシュボード' }).click();
    const next = page.getByTestId('dashboard-next-visit');
    await expect(next.getByRole('heading', { level: 2, name: '予定されている訪問はありません' })).toBeVisible();
    await next.getByRole('link', { name: '訪問予定を作成' }).click();
    const plan = page.getByTestId('plan-form');
    await expect(plan.getByRole('combobox', { name: '施設' })).toHaveValue(/.+/);
    await expect(plan.getByRole('combobox', { name: '装置（システム）' })).toHaveValue(/.+/);
    await plan.getByRole('textbox', { name: /^目的/ }).fill('定期点検');
    await plan.getByRole('textbox', { name: /^持ち出すデータ/ }).fill('装置ログ 3 日分');
    await plan.getByRole('button', { name: '保存', exact: true }).click();
    await expect(page.getByTestId('planned-visits').getByRole('row').filter({ hasText: SITE })).toContainText('定期点検');

    // 準備 1: 媒体をこの訪問のために持ち出す（チェックリストの操作から台帳へ）
    await menu(page).getByRole('link', { name: 'ダッシュボード' }).click();
    const media = next.getByTestId('next-visit-media');
    await expect(media).toHaveAttribute('data-state', 'todo');
    await media.getByRole('link', { name: '媒体を持ち出す' }).click();
    await page.getByRole('link', { name: 'FG-USB-03' }).click();
    await page.getByRole('button', { name: '持ち出す', exact: true }).click();
    const checkOut = page.getByRole('dialog', { name: 'FG-USB-03 を持ち出す' });
    const planChoice = checkOut.getByRole('combobox', { name: /^訪問予定/ });
    const planLabel = await planChoice.locator('option', { hasText: `${SITE}（定期点検）` }).textContent();
    await planChoice.selectOption({ label: planLabel! });
    await expect(checkOut.getByRole('textbox', { name: /^許可した施設のシステム管理者/ })).toHaveValue('佐藤 一郎');
    await checkOut.getByRole('button', { name: '持ち出しを記録' }).click();
    await expect(checkOut).toBeHidden();

    // 準備 2: セルフチェックをチェックリストから実行する。すべて「済み」になってから出発する
    await menu(page).getByRole('link', { name: 'ダッシュボード' }).click();
    await expect(media).toHaveAttribute('data-state', 'done');
    await expect(media).toContainText('この訪問のために持ち出した媒体：1 件（FG-USB-03）');
    const selfCheck = next.getByTestId('next-visit-self-check');
    await selfCheck.getByRole('button', { name: 'セルフチェックを実行' }).click();
    await expect(selfCheck).toHaveAttribute('data-state', 'done');
    await expect(selfCheck).toContainText(/この合格は.*まで有効です。/);
    for (const item of ['next-visit-accounts', 'next-visit-held', 'next-visit-unissued'])
      await expect(next.getByTestId(item)).toHaveAttribute('data-state', 'done');

    // 実施: 予定から開始する。手順・施設・装置は予定のとおり
    await next.getByTestId('next-visit-start').click();
    const form = page.getByTestId('visit-start-form');
    await expect(form.getByTestId('plan-summary')).toContainText('定期点検');
    await expect(form.getByRole('radio', { name: /オンサイト保守作業/ })).toBeChecked();
    await form.getByRole('button', { name: '開始', exact: true }).click();
    await expect(heading(page, `オンサイト保守作業 ${REFERENCE}`)).toBeVisible();
    const runUrl = page.url();
    const runId = new URL(runUrl.replace('#/', '')).searchParams.get('run')!;

    // 順番: 次の手順は鍵がかかっていて（理由は一度だけ）、本体も受け付けない。完了はまだ選べない
    await expect(stepItem(page, 'readiness')).toHaveAttribute('aria-current', 'step');
    await expect(page.getByRole('navigation', { name: '手順 0 / 14' })).toBeVisible();
    await expect(stepItem(page, 'purpose')).toHaveAttribute('data-status', 'locked');
    await expect(page.getByTestId('visit-step-locked')).toHaveText(
      '鍵の付いた手順は、「1. ノートPCの準備確認（セルフチェック）」が終わるまで実施できません。',
    );
    await expect(page.getByText(/が終わるまで実施できません/)).toHaveCount(1);
    await expect(stepItem(page, 'purpose').getByRole('button')).toHaveCount(0);
    await expect(page.getByTestId('visit-complete-item').getByRole('button')).toHaveCount(0);
    await expect(
      call(page, 'visits.completeStep', { runId, stepId: 'purpose', values: { purpose: '定期点検', plannedWork: 'ログ確認' } }),
    ).rejects.toThrow('PROCEDURE_STEP_OUT_OF_ORDER');
    const completeButton = page.getByRole('button', { name: '完了して報告書を発行' });
    await expect(completeButton).toHaveCount(0);

    // 1. 準備確認: 出発前のセルフチェックが有効なので、そのまま通る
    await panel(page, 'readiness').getByRole('button', { name: '確認する' }).click();
    await expectDone(page, 'readiness');
    await expect(stepItem(page, 'purpose')).toHaveAttribute('aria-current', 'step');
    await expect(page.getByRole('heading', { level: 2, name: /2\. 作業の目的と予定作業/ })).toBeFocused();

    // 2. 目的: 空のままでは送らない
    const purpose = panel(page, 'purpose');
    await purpose.getByRole('button', { name: '記録して完了' }).click();
    await expect(purpose).toContainText('入力してください。');
    await expect(purpose.getByRole('textbox', { name: '目的' })).toBeFocused();
    await purpose.getByRole('textbox', { name: '目的' }).fill('定期点検');
    await purpose.getByRole('textbox', { name: '予定作業' }).fill('ログ確認とディスク容量の確認');
    await purpose.getByRole('button', { name: '記録して完了' }).click();
    await expectDone(page, 'purpose');

    // 3. 持ち出しの許可と署名: 「持ち出す」なら内容と目的が要る。署名者は施設のシステム管理者
    const permission = panel(page, 'permission');
    await expect(permission.getByRole('textbox', { name: '持ち出すデータ' })).toHaveCount(0);
    await permission.getByRole('radio', { name: '持ち出す' }).check();
    await expect(permission.getByRole('textbox', { name: '持ち出すデータ' })).toBeVisible();
    await expect(permission.getByRole('textbox', { name: '署名者の氏名' })).toHaveValue('佐藤 一郎');
    await expect(permission.getByRole('textbox', { name: '署名者の役職' })).toHaveValue('医療情報部 システム管理者');
    await permission.getByRole('button', { name: '署名を記録して完了' }).click();
    await expect(permission.getByRole('textbox', { name: '持ち出すデータ' })).toBeFocused();
    await permission.getByRole('textbox', { name: '持ち出すデータ' }).fill('装置ログ 3 日分');
    await permission.getByRole('textbox', { name: '持ち出しの目的' }).fill('障害解析');
    await permission.getByRole('button', { name: '署名を記録して完了' }).click();
    await expect(permission).toContainText('署名欄に署名してもらってください。');
    await sign(page, permission);
    await permission.getByRole('button', { name: '署名を記録して完了' }).click();
    await expectDone(page, 'permission');

    // 4. ログイン: 装置の保守アカウント（パスワードは出さない）
    const login = panel(page, 'login');
    const account = login.getByRole('combobox', { name: '使用した保守アカウント' });
    await expect(account.locator('option')).toHaveText(['アカウントを選んでください', USER]);
    await account.selectOption({ label: USER });
    await login.getByRole('checkbox', { name: /専用の保守アカウントを使用した/ }).check();
    await expect(page.locator('body')).not.toContainText(PASSWORD);
    // ログイン日時：今の日本時間が入っている。日付は 2026/12/07 の形、時刻は 24 時間制で、時刻のない日時は送らない
    const loginDay = login.getByRole('combobox', { name: 'ログイン日時', exact: true });
    const loginTime = login.getByRole('textbox', { name: 'ログイン日時 時刻' });
    await expect(loginDay).toHaveValue(/^\d{4}\/\d{2}\/\d{2}$/);
    await expect(loginTime).toHaveValue(/^\d{2}:\d{2}$/);
    // From the keyboard: Tab goes from the day to the time (the calendar opens with ↓ on the day, it is no extra stop).
    await loginDay.focus();
    await page.keyboard.press('Tab');
    await expect(loginTime).toBeFocused();
    await loginTime.fill('');
    await login.getByRole('button', { name: '記録して完了' }).click();
    await expect(loginTime).toBeFocused();
    await expect(login).toContainText('入力してください。');
    await loginTime.fill('8:3');
    await loginTime.press('Tab');
    await expect(login).toContainText('時刻は 24 時間制で「14:03」のように入力してください。');
    await checkAndCapture(page, 'visits-run-time-invalid', 'ja');
    await switchLanguage(page, 'en');
    await expect(login).toContainText('Enter the time on the 24-hour clock, like 14:03.');
    await checkAndCapture(page, 'visits-run-time-invalid', 'en');
    await switchLanguage(page, 'ja');
    await loginTime.fill('８：３０');
    await loginTime.press('Tab');
    await expect(loginTime).toHaveValue('08:30');
    await login.getByRole('button', { name: '記録して完了' }).click();
    await expectDone(page, 'login');
    await stepItem(page, 'login').getByRole('button').click();
    await expect(panel(page, 'login').getByTestId('visit-step-record')).toContainText(/\d{4}\/\d{2}\/\d{2} 08:30:00 JST/);
    await stepItem(page, 'mediaScan').getByRole('button').click();

    // 5. 媒体の検査
    const mediaScan = panel(page, 'mediaScan');
    await mediaScan.getByRole('textbox', { name: '検査した媒体・ファイル' }).fill('USB メモリ FG-USB-03');
    await mediaScan.getByRole('textbox', { name: '検査に使用したソフトウェア' }).fill('Microsoft Defender');
    await mediaScan.getByRole('checkbox', { name: 'マルウェアは検出されなかった' }).check();
    await mediaScan.getByRole('button', { name: '記録して完了' }).click();
    await expectDone(page, 'mediaScan');

    // 6. リモートアクセス: 使っていない
    const remote = panel(page, 'remoteAccess');
    await remote.getByRole('radio', { name: '使用していない' }).check();
    await expect(remote.getByRole('textbox', { name: /使用した経路/ })).toHaveCount(0);
    await remote.getByRole('button', { name: '記録して完了' }).click();
    await expectDone(page, 'remoteAccess');

    // 7. 初期パスワード: 自動確認で通る
    await panel(page, 'defaultPasswords').getByRole('button', { name: '確認する' }).click();
    await expectDone(page, 'defaultPasswords');

    // 8. 作業記録
    const workLog = panel(page, 'workLog');
    await workLog.getByRole('textbox', { name: '実施した作業' }).fill('ログ確認、ディスク容量の確認');
    await workLog.getByRole('textbox', { name: '結果' }).fill('異常なし');
    await inspectWholeScreen(page, 'visits-run-in-progress');
    await workLog.getByRole('button', { name: '記録して完了' }).click();
    await expectDone(page, 'workLog');

    // 9. 作業データ（任意）: 作業のフォルダに取り込み、添付する
    await expect(stepItem(page, 'sanitization')).toHaveAttribute('aria-current', 'step');
    await expect(stepItem(page, 'visitData')).toContainText('（任意）');
    await stepItem(page, 'visitData')
      .getByRole('button', { name: /作業データの保管庫への取り込み/ })
      .click();
    const visitData = panel(page, 'visitData');
    await expect(visitData.getByRole('heading', { level: 2 })).toBeFocused();
    await expect(visitData).toContainText('任意の手順です。今実施することも、飛ばすこともできます。');
    await visitData.getByRole('button', { name: '選んだファイルを添付して完了' }).click();
    await expect(visitData).toContainText('添付するファイルを 1 つ以上選んでください。');
    const source = path.join(scratch, '装置ログ_20241122.txt');
    await writeFile(source, '装置ログ 3 日分\n'.repeat(200));
    app.dialogs.importSources = [source];
    await visitData.getByRole('button', { name: 'ファイルを取り込む' }).click();
    await expect(visitData).toContainText(`1 件のファイルを「${REFERENCE}」に取り込み、添付に選びました。`);
    await expect(visitData.getByRole('checkbox', { name: '「装置ログ_20241122.txt」を添付する' })).toBeChecked();
    await visitData.getByRole('button', { name: '選んだファイルを添付して完了' }).click();
    await expectDone(page, 'visitData');
    await stepItem(page, 'visitData').getByRole('button').click();
    await expect(panel(page, 'visitData').getByTestId('visit-step-record')).toContainText('装置ログ_20241122.txt');

    // ダッシュボード: 保管庫に残っている作業データ
    await menu(page).getByRole('link', { name: 'ダッシュボード' }).click();
    const card = page.getByTestId('dashboard-visits');
    await expect(card).toContainText('実施中の訪問作業：1 件');
    const held = card.getByTestId('dashboard-visits-held').locator(`li[data-collection="${REFERENCE}"]`);
    await expect(held).toContainText(/1 件・.*・取り込みから 0 日/);
    await expect(held).toHaveAttribute('data-overdue', 'false');
    await expect(card).toContainText('取り込みから 7 日を過ぎると赤で示します');
    await inspectScreen(page, 'visits-dashboard');
    // 設定: 赤で示すまでの日数を変える
    await menu(page).getByRole('link', { name: '設定' }).click();
    const heldSetting = page.getByTestId('settings-held-data');
    await expect(heldSetting.getByRole('spinbutton', { name: '日数' })).toHaveValue('7');
    await heldSetting.getByRole('spinbutton', { name: '日数' }).fill('3');
    await heldSetting.getByRole('spinbutton', { name: '日数' }).press('Tab');
    await heldSetting.getByRole('button', { name: '期限を保存' }).click();
    await expect(heldSetting.getByRole('status')).toContainText('3 日に設定しました。');
    await menu(page).getByRole('link', { name: 'ダッシュボード' }).click();
    await expect(card).toContainText('取り込みから 3 日を過ぎると赤で示します');
    await card.getByRole('link', { name: `${REFERENCE} オンサイト保守作業` }).click();

    // 10. 無害化: 渡すファイルはないので該当なし
    const sanitization = panel(page, 'sanitization');
    await sanitization.getByRole('button', { name: '確認する' }).click();
    await expect(sanitization.getByTestId('visit-check-finding')).toContainText(
      'この訪問作業の開始後に発行された無害化報告書がありません。',
    );
    await sanitization.getByRole('button', { name: '該当なしにする' }).click();
    const notApplicable = page.getByRole('alertdialog', { name: '「施設へ渡すファイルの無害化」を該当なしにしますか？' });
    await notApplicable.getByRole('textbox', { name: '該当しない理由' }).fill('施設へ渡すファイルなし');
    await notApplicable.getByRole('button', { name: '該当なしにする' }).click();
    await expect(notApplicable).toBeHidden();
    await expect(stepItem(page, 'sanitization')).toHaveAttribute('data-status', 'not-applicable');
    await expect(stepItem(page, 'sanitization')).toContainText('該当なし');

    // 11. ログアウト
    const logout = panel(page, 'logout');
    await logout.getByRole('radio', { name: 'パスワードを変更した' }).check();
    await logout.getByRole('button', { name: '記録して完了' }).click();
    await expectDone(page, 'logout');

    // 12. 作業データの消去: まだ残っている → 消去画面でこの作業のフォルダを消去し、証明書を発行 → 通る
    const erased = panel(page, 'visitDataErased');
    await erased.getByRole('button', { name: '確認する' }).click();
    await expect(erased.getByTestId('visit-check-finding')).toContainText('この訪問作業のデータが保管庫にまだ 1 件あります。');
    await erased.getByRole('link', { name: `データ消去の画面で「${REFERENCE}」を消去する` }).click();
    await expect(heading(page, 'データ消去')).toBeVisible();
    await expect(page.getByRole('combobox', { name: '保管庫の訪問作業' })).toHaveValue(REFERENCE);
    await page.getByRole('button', { name: '暗号消去の対象にする' }).click();
    await expect(page.getByTestId('erasure-targets')).toContainText(REFERENCE);
    await page.getByRole('textbox', { name: '施設名' }).fill(SITE);
    await page.getByRole('button', { name: '消去を開始' }).click();
    const confirm = page.getByRole('alertdialog');
    await confirm.getByRole('textbox').fill('1');
    await confirm.getByRole('button', { name: '消去する' }).click();
    await expect(page.getByText('すべて消去し、検証しました')).toBeVisible({ timeout: 30_000 });
    // The result stays until its certificate is issued; issuing saves its PDF in the same action.
    const result = page.getByTestId('erasure-result');
    await expect(result.getByText('上記の消去結果を確認しました', { exact: true })).toBeVisible();
    await sign(page, result, '確認署名欄（未記入）', '確認署名欄（署名済み）');
    app.dialogs.saveFile = path.join(scratch, 'visit-erasure.pdf');
    await result.getByRole('button', { name: '発行して PDF を保存' }).click();
    await expect(result.getByText(/証明書 E-20417-ER-\d{4}-000001-[0-9A-Z]{6} を発行し、PDF を保存しました。/)).toBeVisible({
      timeout: 30_000,
    });

    await page.goto(runUrl);
    await expect(heading(page, `オンサイト保守作業 ${REFERENCE}`)).toBeVisible();
    await panel(page, 'visitDataErased').getByRole('button', { name: 'もう一度確認する' }).click();
    await expectDone(page, 'visitDataErased');
    await stepItem(page, 'visitDataErased').getByRole('button').click();
    await expect(panel(page, 'visitDataErased')).toContainText(
      /取り込んだ 1 件すべてが消去され、消去証明書（E-20417-ER-\d{4}-000001-[0-9A-Z]{6}）に記録されています。/,
    );

    // 13. 報告: 記録を見ていた手順から、一覧で現在の手順に戻る
    await stepItem(page, 'handover').getByRole('button').click();
    const handover = panel(page, 'handover');
    await expect(handover.getByRole('button', { name: '完了にする' })).toBeDisabled();
    await handover.getByRole('checkbox', { name: /システム管理者に報告しました/ }).check();
    await handover.getByRole('button', { name: '完了にする' }).click();
    await expectDone(page, 'handover');

    // 14. 確認署名
    await expect(completeButton).toHaveCount(0);
    const countersignature = panel(page, 'countersignature');
    await sign(page, countersignature);
    await countersignature.getByRole('button', { name: '署名を記録して完了' }).click();
    await expectDone(page, 'countersignature');

    // 完了: 報告書を発行して PDF を保存し、fieldguard verify で確かめる
    await expect(page.getByTestId('visit-complete')).toContainText('必須の手順はすべて終わりました。');
    await expect(completeButton).toBeEnabled();
    await completeButton.click();
    const report = page.getByTestId('visit-report');
    await expect(report).toContainText(/作業報告書 E-20417-\w+-\d{4}-000001-[0-9A-Z]{6} を発行しました。/, { timeout: 30_000 });
    await expect(page.getByTestId('visit-steps').locator('> li[data-status="done"], > li[data-status="not-applicable"]')).toHaveCount(14);
    await inspectWholeScreen(page, 'visits-run-completed');

    app.dialogs.saveFile = path.join(scratch, 'visit-report.pdf');
    await page.getByRole('button', { name: '報告書を保存' }).click();
    await expect(page.getByText('「visit-report.pdf」を保存しました。')).toBeVisible();
    await expect(page.getByRole('button', { name: '「visit-report.pdf」のフォルダーを開く' })).toBeVisible();
    // Not enrolled with the company authority: intact, issuer not confirmed (exit code 1), never not genuine (issue 13).
    const { code, stdout } = await fieldguardWithExitCode(['verify', app.dialogs.saveFile, '--json']);
    expect(code).toBe(1);
    expect(JSON.parse(stdout)).toMatchObject({ status: 'issuer-unconfirmed', companyCertified: false, kind: 'visit' });

    // 再読み込みしても同じ記録
    await page.reload();
    await expect(heading(page, `オンサイト保守作業 ${REFERENCE}`)).toBeVisible();
    await expect(page.getByTestId('visit-report')).toBeVisible();

    // 一覧: 完了した作業は下に
    await menu(page).getByRole('link', { name: '訪問作業' }).click();
    await expect(page.getByText('実施中の訪問作業はありません。')).toBeVisible();
    const row = page.getByTestId('visits-closed').locator(`tbody tr[data-reference="${REFERENCE}"]`);
    await expect(row).toContainText('オンサイト保守作業');
    await expect(row).toContainText(SITE);
    await expect(row).toContainText('14 / 14');
    await expect(row).toContainText('完了');
    await expect(row).toContainText('JST');
    await inspectScreen(page, 'visits-list');

    // ダッシュボード: 次の訪問はなく、保管庫に残るデータも、発行していない証明書・報告書もない
    await menu(page).getByRole('link', { name: 'ダッシュボード' }).click();
    await expect(next.getByRole('heading', { level: 2, name: '予定されている訪問はありません' })).toBeVisible();
    await expect(next.getByTestId('next-visit-held')).toHaveAttribute('data-state', 'done');
    await expect(next.getByTestId('next-visit-unissued')).toHaveAttribute('data-state', 'done');
  });
});

/** The §5 data locations on a temporary tree: the drive letter as a folder, each with a file. */
async function dataLocationTree(root: string): Promise<string[]> {
  const folders = [
    ['D', 'MainImage'],
    ['D', 'BackupImage'],
    ['D', 'RawImage'],
    ['E', 'MainImage'],
    ['E', 'BackupImage'],
    ['E', 'RawImage'],
    ['C', 'NEOPREMIUM2', 'log'],
    ['C', 'Program Files', 'PostgreSQL', '16', 'data'],
  ].map((segments) => path.join(root, ...segments));
  for (const folder of folders) {
    await mkdir(folder, { recursive: true });
    await writeFile(path.join(folder, 'data.bin'), Buffer.alloc(4096, 3));
  }
  return folders;
}

test.describe('decommissioning a system', () => {
  test.setTimeout(180_000);

  test('[E.3 a][E.3 b][E.3 c][E.3 d][7-10] erases every data location of the profile with a certificate before the report', async ({
    page,
    app,
  }) => {
    await app.createVault();
    await app.open('/');
    // The site, system and self-check are made as the other specs do on screen.
    await saveSiteWithSystem(
      page,
      { name: SITE, department: '放射線科', administrator: { name: '佐藤 一郎', title: 'システム管理者' } },
      { product: PRODUCT, version: '2.4', serial: 'NP2-0417', hostName: 'IMG-SRV01' },
    );

    // 予定なしでも訪問作業の画面から開始できる。手順ごとにガイドラインの項目を示す
    await app.open('/visits?view=new');
    const form = page.getByTestId('visit-start-form');
    await expect(form).toContainText('ガイドラインの項目：7-4、8-2、8-3、7-1、7-2');
    await form.getByRole('radio', { name: /装置の廃棄/ }).check();
    await expect(form.getByRole('combobox', { name: '装置（システム）' })).toHaveValue(/.+/);
    await inspectScreen(page, 'visits-start');
    await form.getByRole('button', { name: '開始', exact: true }).click();
    await expect(heading(page, /^装置の廃棄（使用終了） D-/)).toBeVisible();
    const runUrl = page.url();

    // 1. 準備確認: セルフチェック前なので通らない。理由を記録して進めるダイアログを確かめ、セルフチェックをしてくる
    await panel(page, 'readiness').getByRole('button', { name: '確認する' }).click();
    await expect(panel(page, 'readiness').getByTestId('visit-check-finding')).toContainText('セルフチェックがまだ実施されていません。');
    await inspectDialog(page, 'visits-override-dialog', async () => {
      await page.getByRole('button', { name: /^(理由を記録して進める|Go ahead with a reason)$/ }).click();
      return page.getByRole('alertdialog');
    });
    const override = page.getByTestId('visit-override-dialog');
    await page.getByRole('button', { name: '理由を記録して進める' }).click();
    await override.getByRole('button', { name: '理由を記録して進める' }).click();
    await expect(override).toContainText('理由を入力してください。');
    await override.getByRole('button', { name: 'キャンセル' }).click();
    await expect(override).toBeHidden();
    await inspectWholeScreen(page, 'visits-run-start');
    await call(page, 'selfCheck.run', {});
    await panel(page, 'readiness').getByRole('button', { name: 'もう一度確認する' }).click();
    await expectDone(page, 'readiness');

    const permission = panel(page, 'permission');
    await permission.getByRole('textbox', { name: '作業範囲' }).fill('画像サーバー IMG-SRV01 の廃棄');
    await sign(page, permission);
    await permission.getByRole('button', { name: '署名を記録して完了' }).click();
    await expectDone(page, 'permission');

    const isolate = panel(page, 'isolate');
    await isolate.getByRole('textbox', { name: '実施者' }).fill('山田 太郎');
    await isolate.getByRole('textbox', { name: '内容' }).fill('LAN ケーブルを外した');
    await isolate.getByRole('button', { name: '記録して完了' }).click();
    await expectDone(page, 'isolate');

    const migrate = panel(page, 'migrate');
    await migrate.getByRole('radio', { name: '移行した' }).check();
    await expect(migrate.getByRole('textbox', { name: '移行先' })).toBeVisible();
    await migrate.getByRole('radio', { name: '保管した' }).check();
    await expect(migrate.getByRole('textbox', { name: '移行先' })).toHaveCount(0);
    await migrate.getByRole('spinbutton', { name: 'ファイル数' }).fill('1200');
    await migrate.getByRole('spinbutton', { name: '合計サイズ（バイト）' }).fill('52428800');
    await migrate.getByRole('textbox', { name: '目録の SHA-256' }).fill('xyz');
    await migrate.getByRole('textbox', { name: '確認者' }).fill('佐藤 一郎');
    await migrate.getByRole('button', { name: '記録して完了' }).click();
    await expect(migrate).toContainText('64 桁の 16 進数（0〜9、a〜f）で入力してください。');
    await migrate.getByRole('textbox', { name: '目録の SHA-256' }).fill('AB'.repeat(32));
    await migrate.getByRole('button', { name: '記録して完了' }).click();
    await expectDone(page, 'migrate');

    // 保存場所の消去: 最初は 8 か所とも残っている
    const locations = panel(page, 'dataLocationsErased');
    await locations.getByRole('button', { name: '確認する' }).click();
    await expect(locations.getByTestId('visit-missing-locations').getByRole('listitem')).toHaveCount(8);
    await locations.getByRole('link', { name: 'データ消去の画面を開く' }).click();
    await expect(heading(page, 'データ消去')).toBeVisible();
    app.dialogs.importSources = await dataLocationTree(path.join(scratch, 'server'));
    await page.getByRole('button', { name: 'フォルダーを追加' }).click();
    await expect(page.getByTestId('erasure-targets').locator('tbody tr')).toHaveCount(8);
    await page.getByRole('textbox', { name: '施設名' }).fill(SITE);
    await page.getByRole('button', { name: '消去を開始' }).click();
    const confirm = page.getByRole('alertdialog');
    await confirm.getByRole('textbox').fill('8');
    await confirm.getByRole('button', { name: '消去する' }).click();
    await expect(page.getByText('すべて消去し、検証しました')).toBeVisible({ timeout: 60_000 });
    app.dialogs.saveFile = path.join(scratch, 'locations-erasure.pdf');
    await page.getByTestId('erasure-result').getByRole('button', { name: '発行して PDF を保存' }).click();
    await expect(page.getByText(/証明書 E-20417-ER-\d{4}-000001-[0-9A-Z]{6} を発行し、PDF を保存しました。/)).toBeVisible({
      timeout: 30_000,
    });

    await page.goto(runUrl);
    await panel(page, 'dataLocationsErased').getByRole('button', { name: 'もう一度確認する' }).click();
    await expectDone(page, 'dataLocationsErased');

    const disposal = panel(page, 'disposal');
    await disposal.getByRole('textbox', { name: '廃棄実施者' }).fill('東都リサイクル 鈴木');
    await disposal.getByRole('textbox', { name: '資格・所属' }).fill('産業廃棄物処理業 許可番号 13-00-000000');
    await disposal.getByRole('radio', { name: '物理的破壊' }).check();
    await disposal.getByRole('checkbox', { name: '読み取り可能な情報が残っていないことを確認した' }).check();
    await disposal.getByRole('button', { name: '記録して完了' }).click();
    await expectDone(page, 'disposal');

    const noData = panel(page, 'noMedicalDataRemains');
    await noData.getByRole('checkbox').check();
    await noData.getByRole('button', { name: '完了にする' }).click();
    await expectDone(page, 'noMedicalDataRemains');

    // With the keyboard alone: the administrator signs the printed report by hand instead of the pad.
    const countersignature = panel(page, 'countersignature');
    await countersignature.getByRole('checkbox', { name: '画面ではなく、印刷した報告書に手書きで署名してもらう' }).focus();
    await page.keyboard.press('Space');
    await expect(countersignature.getByText('報告書には署名欄が空欄で印刷されます。')).toBeVisible();
    await countersignature.getByRole('button', { name: '署名を記録して完了' }).focus();
    await page.keyboard.press('Enter');
    await expectDone(page, 'countersignature');

    await page.getByRole('button', { name: '完了して報告書を発行' }).click();
    await expect(page.getByTestId('visit-report')).toContainText(/作業報告書 E-20417-\w+-\d{4}-000001-[0-9A-Z]{6} を発行しました。/, {
      timeout: 30_000,
    });
    app.dialogs.saveFile = path.join(scratch, 'decommissioning.pdf');
    await page.getByRole('button', { name: '報告書を保存' }).click();
    await expect(page.getByText('「decommissioning.pdf」を保存しました。')).toBeVisible();
    const verified = await fieldguardWithExitCode(['verify', app.dialogs.saveFile, '--json']);
    expect(JSON.parse(verified.stdout)).toMatchObject({ status: 'issuer-unconfirmed', kind: 'visit' });
  });
});

test.describe('abandoning a procedure', () => {
  test('asks for a reason, confirms, and keeps the run as abandoned', async ({ page, app }) => {
    await app.createVault();
    await app.open('/');
    await call(page, 'sites.save', {
      site: {
        name: SITE,
        department: '',
        address: '',
        administrator: { name: '佐藤 一郎', title: '', phone: '', mail: '' },
        otherContacts: [],
        notes: '',
      },
    });
    await app.open('/visits?view=new');
    const form = page.getByTestId('visit-start-form');
    await form.getByRole('radio', { name: /インシデント対応/ }).check();
    await expect(form).toContainText('この施設には装置が登録されていません。');
    await form.getByRole('button', { name: '開始', exact: true }).click();
    await expect(heading(page, /^インシデント対応 I-/)).toBeVisible();

    await page.getByRole('button', { name: '作業を中止' }).click();
    const dialog = page.getByRole('alertdialog', { name: /を中止しますか？$/ });
    await dialog.getByRole('button', { name: '中止する' }).click();
    await expect(dialog).toContainText('理由を入力してください。');
    await dialog.getByRole('textbox', { name: '中止する理由' }).fill('誤って開始した');
    await dialog.getByRole('button', { name: '中止する' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByTestId('visit-abandoned')).toContainText('理由：誤って開始した');
    await expect(page.getByRole('button', { name: '完了して報告書を発行' })).toHaveCount(0);

    await menu(page).getByRole('link', { name: '訪問作業' }).click();
    await expect(page.getByTestId('visits-closed').locator('tbody tr')).toContainText('中止');
  });
});
