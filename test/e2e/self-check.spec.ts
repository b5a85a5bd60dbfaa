/**
 * The laptop security self-check (issue 5) in the browser harness: the Self-check screen with
 * a neglected Japanese Windows laptop and a healthy one (recorded PowerShell output, judged
 * at the time it was recorded), the dashboard's checklist line, and the policy in Settings.
 */
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { SelfCheckProbes } from '../../electron/core/self-check/self-check-observations';
import { HEALTHY_WINDOWS, NEGLECTED_WINDOWS_JA, RECORDED_AT, recordedWindowsProbes } from '../support/recorded-windows-probes';
import { expect, invokeFromPage as call, test } from './harness';
import { inspectDialog, inspectScreen, switchLanguage } from './screens';

/**
 * The recorded definitions and updates are dated November 2024: the clock starts at
 * RECORDED_AT on its first reading and then runs as usual, so runs still get distinct times.
 */
function clockFromRecording(): () => Date {
  let offset: number | null = null;
  return () => {
    offset ??= Date.now() - RECORDED_AT.getTime();
    return new Date(Date.now() - offset);
  };
}

/** Recorded answers come back at once; one slow probe lets the test see the screen while it runs. */
function withSlowFirewall(probes: SelfCheckProbes, ms = 1500): SelfCheckProbes {
  return {
    ...probes,
    firewall: async () => {
      await new Promise((resolve) => setTimeout(resolve, ms));
      return probes.firewall();
    },
  };
}

/** Long screens scroll inside <main>; a tall window lets the screenshot show all of it. */
async function inspectWholeScreen(page: import('@playwright/test').Page, name: string): Promise<void> {
  const size = page.viewportSize()!;
  const height = await page.locator('main').evaluate((main) => main.scrollHeight);
  await page.setViewportSize({ width: size.width, height: Math.max(size.height, height + 120) });
  await inspectScreen(page, name);
  await page.setViewportSize(size);
}

test.describe('a neglected Japanese Windows laptop', () => {
  test.use({ harnessPorts: { selfCheckProbes: withSlowFirewall(recordedWindowsProbes(NEGLECTED_WINDOWS_JA)), now: clockFromRecording() } });

  test('[7-4][8-2][8-3][13-13] fails the self-check with the steps to fix each problem, keeps the history and issues the signed report', async ({
    page,
    app,
  }) => {
    // Two runs, a signed report and four language passes take over a minute on a loaded machine.
    test.setTimeout(120_000);
    await app.createVault();
    await app.open('/');
    await page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: 'セルフチェック' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'セルフチェック' })).toBeFocused();
    await expect(page.getByTestId('self-check-empty')).toContainText('まだセルフチェックを実行していません');
    const readiness = page.getByTestId('self-check-readiness');
    await expect(readiness).toContainText('訪問の準備ができていません（セルフチェック未実施）');
    await expect(readiness).toContainText('24 時間');
    await inspectScreen(page, 'self-check-empty');

    // 実行中はスピナーと文言が出て、ボタンは押せない
    const runButton = page.getByRole('button', { name: 'セルフチェックを実行' });
    await runButton.click();
    await expect(page.getByRole('status').filter({ hasText: '確認しています…' })).toBeVisible();
    await expect(runButton).toBeDisabled();

    const overall = page.getByTestId('self-check-overall');
    await expect(overall).toContainText('総合判定：不合格');
    // The built-in policy in the screen's language only (it is stored as 「既定 / Default」).
    await expect(overall).toContainText('ポリシー「既定」');
    await expect(overall).not.toContainText('Default');
    await expect(overall).toContainText('JST');
    await expect(runButton).toBeEnabled();
    await expect(
      page
        .getByTestId('self-check-checks')
        .getByRole('listitem')
        .filter({ has: page.getByRole('heading', { level: 3 }) }),
    ).toHaveCount(17);
    // The overview leads with every check as a tile, the failures first; so do the details.
    const tiles = page.getByTestId('self-check-overview').locator('> li');
    await expect(tiles).toHaveCount(17);
    await expect(tiles.first()).toHaveAttribute('data-status', 'fail');
    await expect(tiles.last()).not.toHaveAttribute('data-status', 'fail');
    await expect(page.getByTestId('self-check-checks').locator('> li').first()).toHaveAttribute('data-status', 'fail');
    await expect(overall).not.toContainText('まで有効');

    const check = (name: string) =>
      page
        .getByTestId('self-check-checks')
        .locator('> li')
        .filter({ has: page.getByRole('heading', { level: 3, name, exact: true }) });
    // Only the first check needing attention is open; every other one shows its status, name and reason.
    const items = page.getByTestId('self-check-checks').locator('> li');
    await expect(items.first()).toHaveAttribute('data-open', 'true');
    await expect(page.getByTestId('self-check-checks').locator('> li[data-open="true"]')).toHaveCount(1);
    const firewall = check('ファイアウォール');
    await expect(firewall).toHaveAttribute('data-open', 'true');
    await expect(firewall.getByRole('button', { name: 'ファイアウォール', exact: true })).toHaveAttribute('aria-expanded', 'true');
    await expect(firewall).toHaveAttribute('data-status', 'fail');
    await expect(firewall).toContainText('不合格');
    await expect(firewall).toContainText('必須');
    await expect(firewall).toContainText('ファイアウォールが無効です：Public。');
    const steps = firewall.getByRole('list', { name: '直し方（Windows）' }).getByRole('listitem');
    await expect(steps).toHaveCount(3);
    // "Open the setting" goes to the exact Windows Security page (the main process allows only such pages).
    await expect(firewall.getByRole('link', { name: '設定を開く（ファイアウォール）' })).toHaveAttribute(
      'href',
      'windowsdefender://network',
    );
    await expect(steps.first()).toContainText('Windows セキュリティ');
    await expect(check('ディスク暗号化')).toContainText('BitLocker');
    await expect(check('接続中の Wi-Fi')).toContainText('暗号化されていない（オープンな）Wi-Fi に接続しています。');
    const remote = check('リモートアクセスの待ち受け');
    await expect(remote).toHaveAttribute('data-status', 'warning');
    await expect(remote).toContainText('注意');
    await expect(remote).toContainText('任意');
    await expect(check('OS のバージョン')).toHaveAttribute('data-status', 'pass');
    await expect(check('OS のバージョン').getByRole('button', { name: /再チェック/ })).toHaveCount(0);
    // The checks added by issue 16: a legacy-BIOS laptop whose TPM cannot be read is unknown, never a pass.
    await expect(check('起動時と OS の保護（Secure Boot・TPM／SIP・Gatekeeper）')).toHaveAttribute('data-status', 'unknown');
    await expect(check('起動時と OS の保護（Secure Boot・TPM／SIP・Gatekeeper）')).toContainText('管理者権限なしでは読み取れませんでした');
    await expect(check('時計の同期')).toHaveAttribute('data-status', 'fail');
    // Folded: its steps appear when its name is pressed; a tile of the overview opens it too.
    const clock = check('時計の同期');
    await expect(clock.getByRole('link', { name: '設定を開く（時計の同期）' })).toHaveCount(0);
    await tiles.filter({ hasText: '時計の同期' }).getByRole('button', { name: '時計の同期' }).click();
    await expect(clock).toHaveAttribute('data-open', 'true');
    await expect(clock.getByRole('button', { name: '時計の同期', exact: true })).toBeFocused();
    await clock.getByRole('button', { name: '時計の同期', exact: true }).press('Enter');
    await expect(clock).toHaveAttribute('data-open', 'false');
    await clock.getByRole('button', { name: '時計の同期', exact: true }).click();
    await expect(check('時計の同期').getByRole('link', { name: '設定を開く（時計の同期）' })).toHaveAttribute(
      'href',
      'ms-settings:dateandtime',
    );
    await expect(check('自動ログイン')).toHaveAttribute('data-status', 'fail');
    await expect(check('外部メディアの自動実行（AutoRun/AutoPlay）')).toContainText('任意');
    await expect(check('日常の作業に管理者アカウントを使っていないか')).toHaveAttribute('data-status', 'warning');
    await expect(check('ファイル共有（共有フォルダー・AirDrop）')).toContainText('1 shared folder(s)');
    // The default policy names no EDR agent: said, not passed.
    await expect(check('会社指定の EDR／マルウェア対策エージェント')).toHaveAttribute('data-status', 'notApplicable');
    await expect(check('Bluetooth の検出可能モード')).toContainText('設定画面を開いている間だけ検出可能');

    // 根拠: 読み取り元、読み取り日時（JST）、読み取った値
    const evidenceToggle = firewall.getByRole('button', { name: /^「ファイアウォール」の根拠（\d+ 件）$/ });
    await expect(evidenceToggle).toHaveAttribute('aria-expanded', 'false');
    await evidenceToggle.click();
    await expect(evidenceToggle).toHaveAttribute('aria-expanded', 'true');
    await expect(firewall).toContainText('Get-NetFirewallProfile -PolicyStore ActiveStore');
    await expect(firewall).toContainText('読み取り日時');
    await expect(firewall.getByText(/\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}:\d{2} JST/).first()).toBeVisible();
    await expect(firewall.locator('dt', { hasText: 'Public' }).first()).toBeVisible();
    // Values in words; the values as read stay one switch away, for support.
    const facts = firewall.locator('dd');
    await expect(facts.filter({ hasText: /^(True|False|NotConfigured)$/ })).toHaveCount(0);
    await expect(facts.filter({ hasText: /^(はい|いいえ|未設定)$/ }).first()).toBeVisible();
    const raw = firewall.getByRole('switch', { name: '読み取った値をそのまま表示（サポート用）' });
    await raw.check();
    await expect(facts.filter({ hasText: /^(True|False|NotConfigured)$/ }).first()).toBeVisible();
    await raw.uncheck();
    // One banner: the newest run's own verdict; the readiness gate says nothing more beside it.
    await expect(page.getByTestId('self-check-overall')).toHaveAttribute('data-overall', 'fail');
    await expect(page.getByTestId('self-check-readiness')).toHaveCount(0);
    await inspectWholeScreen(page, 'self-check-result');

    // 直したつもりで再チェック: 履歴が 2 件になり、新しい結果が表示される
    const history = page.getByTestId('self-check-history').locator('tbody tr');
    await expect(history).toHaveCount(1);
    const firstRunId = await page.locator('[data-run-id]').first().getAttribute('data-run-id');
    await firewall.getByRole('button', { name: '再チェック（ファイアウォール）' }).click();
    await expect(history).toHaveCount(2);
    await expect(page.locator('[data-testid="self-check-overall"]')).toContainText('総合判定：不合格');
    await expect(history.first()).toHaveAttribute('aria-current', 'true');
    await expect(history.first()).toContainText('不合格');
    await expect(history.first()).toContainText('合格 2・注意 2・不合格 10・不明 1');
    await expect(history.first()).toContainText('既定');
    await expect(history.first()).not.toContainText('Default');
    await expect(history.first()).toContainText('未発行');

    // 前の結果を開く
    await history
      .nth(1)
      .getByRole('button', { name: /^表示（.* JST の結果）$/ })
      .click();
    await expect(history.nth(1)).toHaveAttribute('aria-current', 'true');
    await expect(page.locator(`div[data-run-id="${firstRunId}"]`)).toBeVisible();

    // 表示中の結果の署名付きレポート
    await page.getByRole('button', { name: '署名付き報告書を発行' }).click();
    const issued = page.getByTestId('self-check-report-issued');
    await expect(issued).toContainText(/報告書 E-20417-SC-2024-000001-[0-9A-Z]{6} を発行しました。/, {
      timeout: 30_000,
    });
    // Saved right here, the same way as everywhere: the file's name, then 「フォルダーを開く」.
    const reportNumber = /E-20417-SC-2024-000001-[0-9A-Z]{6}/.exec((await issued.textContent()) ?? '')![0];
    const reportFile = path.join(os.tmpdir(), `fieldguard-self-check-${reportNumber}.pdf`);
    app.dialogs.saveFile = reportFile;
    await page.getByRole('button', { name: `PDF を保存（${reportNumber}）` }).click();
    await expect(page.getByText(`「${path.basename(reportFile)}」を保存しました。`)).toBeVisible();
    await page.getByRole('button', { name: `「${path.basename(reportFile)}」のフォルダーを開く` }).click();
    await expect.poll(() => app.dialogs.shownInFolder).toEqual([reportFile]);
    await rm(reportFile, { force: true });
    await expect(history.nth(1)).toContainText('E-20417-SC-2024-000001');
    await expect(page.getByTestId('self-check-readiness')).toContainText('訪問の準備ができていません（不合格）');

    await issued.getByRole('link', { name: '証明書を開く' }).click();
    await expect(page.getByRole('heading', { level: 1, name: '証明書' })).toBeVisible();
    await expect(page.getByRole('row').filter({ hasText: 'E-20417-SC-2024-000001' })).toContainText('セキュリティ・セルフチェック報告書');

    // 監査ログに実行の記録が種類の名前で残る
    await page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: '監査ログ' }).click();
    const auditRows = page.getByRole('table', { name: '記録' }).locator('tbody tr');
    await expect(auditRows.filter({ hasText: 'セルフチェックの実行' })).toHaveCount(2);
    await expect(auditRows.filter({ hasText: 'セルフチェックの実行' }).first()).toContainText('ポリシー：既定 / Default');
  });
});

test.describe('a healthy Windows laptop', () => {
  test.use({ harnessPorts: { selfCheckProbes: recordedWindowsProbes(HEALTHY_WINDOWS), now: clockFromRecording() } });

  test('passes from the dashboard checklist, which then says until when the pass is valid', async ({ page, app }) => {
    await app.createVault();
    await app.open('/');
    const line = page.getByTestId('dashboard-next-visit').getByTestId('next-visit-self-check');
    await expect(line).toHaveAttribute('data-state', 'todo');
    await expect(line).toContainText('要対応');
    await expect(line).toContainText('セルフチェックをまだ実施していません');
    await line.getByRole('button', { name: 'セルフチェックを実行' }).click();
    await expect(line).toHaveAttribute('data-state', 'done');
    await expect(line).toContainText('済み');
    await expect(line).toContainText(/この合格は明日 \d{2}:\d{2}（日本時間）まで有効です。/);
    await inspectScreen(page, 'dashboard-self-check');

    await line.getByRole('link', { name: '結果を見る' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'セルフチェック' })).toBeFocused();
    await expect(page.getByTestId('self-check-overall')).toContainText('総合判定：合格');
    await expect(page.getByTestId('self-check-overall')).toContainText('すべての必須項目に合格しました。');
    await expect(page.getByTestId('self-check-valid-until')).toHaveText(/^この合格は明日 \d{2}:\d{2}（日本時間）まで有効です。$/);
    await inspectScreen(page, 'self-check-pass');
    // In English the same lines are English throughout: the time of the check written the English way, JST.
    await switchLanguage(page, 'en');
    await expect(page.getByTestId('self-check-valid-until')).toHaveText(/^This pass is valid until \d{2}:\d{2} JST tomorrow\.$/);
    await expect(page.getByTestId('self-check-overall')).toContainText(/Checked at \d{1,2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} JST/);
    await switchLanguage(page, 'ja');
    await expect(page.locator('[data-testid="self-check-checks"] > li[data-status="pass"]')).toHaveCount(15);
    await expect(page.locator('[data-testid="self-check-checks"] > li[data-status="notApplicable"]')).toHaveCount(2);
    await expect(page.getByRole('list', { name: /^直し方/ })).toHaveCount(0);
    await expect(page.getByTestId('self-check-history').locator('tbody tr')).toHaveCount(1);
  });

  test('the run button and the evidence can be used from the keyboard alone', async ({ page, app }) => {
    await app.createVault();
    await app.open('/');
    await page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: 'セルフチェック' }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: 'セルフチェック' })).toBeFocused();

    // 見出しから Tab 1 回で実行ボタンへ、Enter で実行
    await page.keyboard.press('Tab');
    const runButton = page.getByRole('button', { name: 'セルフチェックを実行' });
    await expect(runButton).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('self-check-overall')).toContainText('総合判定：合格');
    await expect(runButton).toBeFocused();

    // Space でも実行でき、履歴が増える
    await page.keyboard.press('Space');
    await expect(page.getByTestId('self-check-history').locator('tbody tr')).toHaveCount(2);

    // Every check passed, so every check is folded: open one by its name, then its evidence.
    const check = page.getByTestId('self-check-checks').getByRole('button', { name: 'ファイアウォール', exact: true });
    await check.focus();
    await page.keyboard.press('Enter');
    await expect(check).toHaveAttribute('aria-expanded', 'true');
    const toggle = page.getByRole('button', { name: /^「ファイアウォール」の根拠（\d+ 件）$/ });
    await toggle.focus();
    await page.keyboard.press('Enter');
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    await expect(page.getByText('Get-NetFirewallProfile -PolicyStore ActiveStore')).toBeVisible();
  });
});

test.describe("diagnostic data (this machine's real probes, recorded)", () => {
  let scratch: string;
  test.beforeEach(async () => {
    scratch = await mkdtemp(path.join(os.tmpdir(), 'fieldguard-diagnostics-e2e-'));
  });
  test.afterEach(async () => {
    await rm(scratch, { recursive: true, force: true });
  });

  test("「診断データを保存」 saves every probe's raw answer into a new folder, masked; cancelling saves nothing", async ({ page, app }) => {
    await app.createVault();
    await app.open('/self-check');
    const area = page.getByTestId('self-check-diagnostics');
    await expect(page.getByRole('heading', { level: 2, name: '診断データ' })).toBeVisible();
    await expect(area).toContainText('伏せ字にして保存します');

    app.dialogs.exportFolder = null;
    await area.getByRole('button', { name: '診断データを保存' }).click();
    await expect(area.getByRole('status')).toHaveText('保存先が選ばれなかったため、保存していません。');

    app.dialogs.exportFolder = scratch;
    await area.getByRole('button', { name: '診断データを保存' }).click();
    await expect(area.getByRole('status')).toContainText(/診断データ \d+ 件を「.*FieldGuard-selfcheck-\d{8}-\d{6}」に保存しました。/, {
      timeout: 20_000,
    });
    const [folder] = await readdir(scratch);
    expect(folder).toMatch(/^FieldGuard-selfcheck-/);
    const session = JSON.parse(await readFile(path.join(scratch, folder ?? '', 'session.json'), 'utf8')) as { os: string };
    expect(session.os).toBe('linux');
    expect((await readFile(path.join(scratch, folder ?? '', 'stats.txt'), 'utf8')).startsWith('# Source: ')).toBe(true);
    await inspectScreen(page, 'self-check-diagnostics');
  });
});

test.describe('the self-check policy in Settings', () => {
  let scratch: string;
  test.beforeEach(async () => {
    scratch = await mkdtemp(path.join(os.tmpdir(), 'fieldguard-policy-e2e-'));
  });
  test.afterEach(async () => {
    await rm(scratch, { recursive: true, force: true });
  });

  test('[8-9] the company policy is read-only and changes only by importing the company file; the ownership has its own save', async ({
    page,
    app,
  }) => {
    await app.createVault();
    await app.open('/settings?page=policy');
    // The section by its test id: inspectDialog switches the language, and the region's name with it.
    const section = page.getByTestId('settings-self-check-policy');
    await expect(section).toHaveAccessibleName('セルフチェックのポリシー');
    const source = section.getByTestId('self-check-policy-source');
    await expect(source).toHaveText('現在のポリシー：「既定 / Default」（既定の値）');
    const fact = (term: string) =>
      section.locator('dt', { hasText: new RegExp(`^${term.replace(/[()（）]/g, '\\$&')}$`) }).locator('xpath=following-sibling::dd[1]');

    // The company decides the policy: shown, not editable here, and the way to change it said.
    await expect(section).toContainText('会社のポリシーはまだ読み込まれていないため、既定の値で判定しています。');
    await expect(fact('画面ロックまでの時間の上限（分）')).toHaveText('15');
    await expect(section.getByRole('spinbutton')).toHaveCount(0);
    await expect(section.getByRole('textbox')).toHaveCount(0);
    await expect(section.getByRole('checkbox')).toHaveCount(0);
    await expect(section.getByRole('button', { name: 'ポリシーを保存' })).toHaveCount(0);
    await expect(section.getByRole('button', { name: '既定に戻す' })).toBeDisabled();

    // Whose laptop this is stays the engineer's to say, and saving it keeps the policy's source.
    const saveOwnership = section.getByRole('button', { name: '所有区分を保存' });
    await expect(saveOwnership).toBeDisabled();
    await section.getByRole('radio', { name: '個人所有（BYOD）' }).check();
    await saveOwnership.click();
    await expect(section.getByRole('status').filter({ hasText: 'このノートPCの所有区分を保存しました。' })).toBeVisible();
    await expect(source).toHaveText('現在のポリシー：「既定 / Default」（既定の値）');
    await inspectWholeScreen(page, 'settings-self-check-policy');

    await page.reload();
    await expect(section.getByRole('radio', { name: '個人所有（BYOD）' })).toBeChecked();
    expect(await call<{ source: string; ownership: string }>(page, 'selfCheck.policy', {})).toMatchObject({
      source: 'default',
      ownership: 'byod',
    });

    // 会社のポリシーファイル: 壊れたものは理由を示して断り、正しいものは読み込む
    app.dialogs.policyFile = path.join(scratch, 'broken.json');
    await writeFile(app.dialogs.policyFile, '{ "screenLockMaxIdleMinutes": 999 }');
    await section.getByRole('button', { name: '会社のポリシーを読み込む' }).click();
    await expect(section.getByRole('alert')).toContainText('ポリシーファイルを読み取れません。');
    await expect(section.locator('[data-error-code="SELF_CHECK_POLICY_INVALID"]')).toBeVisible();

    app.dialogs.policyFile = path.join(scratch, 'company.json');
    await writeFile(
      app.dialogs.policyFile,
      JSON.stringify({
        name: '東都メディカル 訪問端末基準 2026',
        screenLockMaxIdleMinutes: 5,
        screenLockMaxPasswordDelaySeconds: 0,
        linuxOnAccessScanRequired: true,
      }),
    );
    await section.getByRole('button', { name: '会社のポリシーを読み込む' }).click();
    await expect(
      section.getByRole('status').filter({ hasText: '会社のポリシー「東都メディカル 訪問端末基準 2026」を読み込みました。' }),
    ).toBeVisible();
    await expect(source).toHaveText('現在のポリシー：「東都メディカル 訪問端末基準 2026」（会社のポリシーを読み込み）');
    await expect(section).toContainText('このポリシーは会社のポリシーファイルから読み込んだもので、このノートPCでは変更できません。');
    await expect(fact('画面ロックまでの時間の上限（分）')).toHaveText('5');
    // The idle limit and the password delay are separate limits; per-OS rules are shown and kept.
    await expect(fact('画面ロック後、パスワードを求めるまでの猶予の上限（秒）')).toHaveText('0');
    await expect(fact('XProtect（macOS）の定義の経過日数の上限（日）')).toHaveText('14');
    await expect(fact('Linux で ClamAV のオンアクセス スキャン（clamonacc）を必須にする')).toHaveText('はい');
    await expect(section.getByRole('alert')).toHaveCount(0);

    // 既定に戻す前に確認する。やめれば何も変わらない
    await inspectDialog(page, 'settings-self-check-reset', async () => {
      await section.getByRole('button', { name: /^(既定に戻す|Reset to defaults)$/ }).click();
      return page.getByRole('alertdialog');
    });
    await section.getByRole('button', { name: '既定に戻す' }).click();
    const dialog = page.getByRole('alertdialog', { name: 'ポリシーを既定に戻しますか？' });
    await expect(dialog).toContainText('読み込んだ会社のポリシーは消え');
    await dialog.getByRole('button', { name: 'キャンセル' }).click();
    await expect(dialog).toBeHidden();
    await expect(source).toHaveText('現在のポリシー：「東都メディカル 訪問端末基準 2026」（会社のポリシーを読み込み）');

    await section.getByRole('button', { name: '既定に戻す' }).click();
    await dialog.getByRole('button', { name: '既定に戻す' }).click();
    await expect(section.getByRole('status').filter({ hasText: 'ポリシーを既定に戻しました。' })).toBeVisible();
    await expect(source).toHaveText('現在のポリシー：「既定 / Default」（既定の値）');
    await expect(fact('画面ロックまでの時間の上限（分）')).toHaveText('15');
    await expect(section.getByRole('radio', { name: '個人所有（BYOD）' })).toBeChecked();

    await page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: '監査ログ' }).click();
    await expect(page.getByRole('table', { name: '記録' }).locator('tbody tr').first()).toContainText('設定項目：セルフチェックのポリシー');
  });
});
