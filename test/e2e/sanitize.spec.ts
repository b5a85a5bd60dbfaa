/**
 * File sanitization (issues 6 and 15) in the browser harness: a small handover folder — a clean
 * PNG, a clean CSV, the EICAR test file (written here, never committed), an HTML page with a
 * script, a DICOM study whose preamble is not zero, and three files content disarm rebuilds (a
 * macro-enabled Word file, a CSV with a DDE formula, a photo with EXIF and bytes appended) —
 * goes through the real pipeline with real ClamAV (the harness's test signature database
 * knows EICAR); what was removed from each rebuilt file is read on screen. The verdicts are read on
 * screen, the output folder is checked on disk, the run is signed off, and on the Certificates
 * screen the receiving side checks the folder against the exported report, before and after
 * the folder is tampered with. The allow-list and the vendor release list live in Settings.
 * Opened from a visit's sanitization step, the sign-off carries the visit's site, its
 * administrator and the visit number, says they came from the visit, and the step then passes.
 */
import { createHash } from 'node:crypto';
import { appendFile, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { dangerousDocx, jpegWithExtras } from '../support/cdr-corpus';
import { EICAR, EICAR_DETECTION } from '../support/clamav-test-database';
import { clockFromRecording, HEALTHY_WINDOWS, recordedWindowsProbes } from '../support/recorded-windows-probes';
import { walkTo } from '../support/visit-walker';
import type { VisitRun } from '../../electron/shared/visits';
import { saveSiteWithSystem } from './site-with-system';
import { expect, invokeFromPage as call, test } from './harness';
import { inspectDialog, inspectScreen } from './screens';

/** A valid 1×1 PNG. */
const PNG_1X1 = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

/** A DICOM file whose 128-byte preamble starts "MZ" and holds junk (the PE/DICOM polyglot's shape), then "DICM" and one meta element. */
function dicomWithDirtyPreamble(): Buffer {
  const preamble = Buffer.alloc(128, 0x41);
  preamble.write('MZ', 0, 'latin1');
  const uid = Buffer.from('1.2.840.10008.1.2.1\0', 'latin1');
  const length = Buffer.alloc(2);
  length.writeUInt16LE(uid.length);
  // (0002,0010) Transfer Syntax UID, explicit VR little endian.
  const element = Buffer.concat([Buffer.from([0x02, 0x00, 0x10, 0x00]), Buffer.from('UI', 'latin1'), length, uid]);
  return Buffer.concat([preamble, Buffer.from('DICM', 'latin1'), element]);
}

async function listFiles(folder: string, prefix = ''): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(folder, { withFileTypes: true })) {
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) found.push(...(await listFiles(path.join(folder, entry.name), relative)));
    else found.push(relative);
  }
  return found.sort();
}

/** Long screens scroll inside <main>; a tall window lets the screenshot show all of it. */
async function inspectWholeScreen(page: Page, name: string): Promise<void> {
  const size = page.viewportSize()!;
  const height = await page.locator('main').evaluate((main) => main.scrollHeight);
  await page.setViewportSize({ width: size.width, height: Math.max(size.height, height + 120) });
  await inspectScreen(page, name);
  await page.setViewportSize(size);
}

let scratch: string;

test.beforeEach(async () => {
  scratch = await mkdtemp(path.join(os.tmpdir(), 'fieldguard-sanitize-e2e-'));
});
test.afterEach(async () => {
  await rm(scratch, { recursive: true, force: true });
});

test('[10-5][8-1] sanitize a handover folder, read the verdicts, sign off, and check the delivered folder against the report', async ({
  page,
  app,
}) => {
  // Eight files through ClamAV and content disarm, two signed documents, and ja/en screenshots of each screen.
  test.setTimeout(180_000);
  const corpusName = '受け渡し_0514';
  const corpus = path.join(scratch, corpusName);
  await mkdir(path.join(corpus, 'series'), { recursive: true });
  await writeFile(path.join(corpus, 'scan.png'), PNG_1X1);
  await writeFile(path.join(corpus, 'measurements.csv'), 'date,device,value\n2026-05-14,CT-01,42\n2026-05-14,CT-02,37\n');
  await writeFile(path.join(corpus, 'note.txt'), EICAR);
  await writeFile(path.join(corpus, 'viewer.html'), '<!doctype html><html><body><h1>Viewer</h1><script>alert(1)</script></body></html>\n');
  const dicom = dicomWithDirtyPreamble();
  await writeFile(path.join(corpus, 'series', 'IM0001.dcm'), dicom);
  // Rebuilt by content disarm: delivered without what makes them act.
  await writeFile(path.join(corpus, 'report.docm'), await dangerousDocx());
  await writeFile(path.join(corpus, 'formulas.csv'), `date,device,note\n2026-05-14,CT-01,"=cmd|' /C calc'!A0"\n2026-05-14,CT-02,-12.5\n`);
  await writeFile(path.join(corpus, 'photo.jpg'), await jpegWithExtras());
  const output = path.join(scratch, '引き渡し用');
  await mkdir(output);

  await app.createVault();
  await app.open('/');
  await page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: 'ファイル無害化' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'ファイル無害化' })).toBeFocused();
  await expect(page.getByTestId('sanitize-empty')).toContainText('まだ無害化をしていません');
  await expect(page.getByText('まだファイルを選んでいません。')).toBeVisible();
  const start = page.getByRole('button', { name: '無害化を開始' });
  await expect(start).toBeDisabled();
  await inspectScreen(page, 'sanitize-empty');

  // 対象のフォルダーと出力先を選ぶまで開始できない
  app.dialogs.importSources = [corpus];
  await page.getByRole('button', { name: 'フォルダーを追加' }).click();
  const sources = page.getByTestId('sanitize-sources');
  await expect(sources).toContainText(corpus);
  await expect(sources.locator('tbody tr td').nth(1)).toHaveText('8');
  await expect(start).toBeDisabled();
  app.dialogs.exportFolder = output;
  await page.getByRole('button', { name: '出力先を選ぶ' }).click();
  await expect(page.getByTestId('sanitize-output')).toContainText('出力先のフォルダー：引き渡し用');
  await expect(start).toBeEnabled();
  await inspectScreen(page, 'sanitize-ready');

  await start.click();
  const summary = page.getByTestId('sanitize-summary');
  await expect(summary).toContainText('2 件のファイルは引き渡せないため隔離しました', { timeout: 60_000 });
  await expect(summary).toContainText('引き渡せる 6 件だけを出力先「引き渡し用」に書き出しました');
  await expect(page.getByRole('heading', { level: 2, name: '結果' })).toBeFocused();
  const counts = page.getByTestId('sanitize-counts');
  await expect(counts.locator('li[data-verdict="passed"]')).toContainText('問題なし2 件');
  await expect(counts.locator('li[data-verdict="sanitized"]')).toContainText('無害化済み4 件');
  await expect(counts.locator('li[data-verdict="blocked"]')).toContainText('引き渡し不可（隔離）2 件');
  await expect(page.locator('dd').filter({ hasText: /^ClamAV/ })).toBeVisible();
  // The harness's test database has one signature: the screen says it is not a real one.
  await expect(page.getByTestId('sanitize-engine-warnings')).toContainText('ウイルス定義の署名が 1 件しかない');
  await expect(page.locator('dd').filter({ hasText: /fieldguard-test-.*clamav/ })).toBeVisible();

  const file = (name: string) => page.getByTestId('sanitize-files').locator(`tr[data-path="${corpusName}/${name}"]`);
  await expect(page.getByTestId('sanitize-files').locator('tbody tr')).toHaveCount(8);
  await expect(file('note.txt')).toHaveAttribute('data-verdict', 'blocked');
  await expect(file('note.txt')).toContainText('引き渡し不可（隔離）');
  await expect(file('note.txt')).toContainText(`マルウェアを検出（${EICAR_DETECTION}、ClamAV）`);
  await expect(file('note.txt')).toContainText('保管庫の隔離領域に暗号化して保管しました');
  await expect(file('viewer.html')).toHaveAttribute('data-verdict', 'blocked');
  await expect(file('viewer.html')).toContainText('スクリプトを含む HTML');
  await expect(file('viewer.html')).toContainText('HTML ファイル');
  await expect(file('series/IM0001.dcm')).toHaveAttribute('data-verdict', 'sanitized');
  await expect(file('series/IM0001.dcm')).toContainText('無害化済み');
  await expect(file('series/IM0001.dcm')).toContainText('DICOM 画像');
  // What content disarm removed is folded under one line per file, and opens to the list.
  const removed = (name: string) => page.getByTestId('sanitize-removed').and(page.locator(`[data-path="${corpusName}/${name}"]`));
  await expect(removed('series/IM0001.dcm')).toContainText('取り除いて再構築しました（1 件）');
  await removed('series/IM0001.dcm').getByRole('button').click();
  await expect(removed('series/IM0001.dcm').getByRole('listitem')).toHaveText([
    'DICOM のプリアンブル（先頭 128 バイト）（preamble · 128 bytes）',
  ]);
  // The Word file is delivered as .docx (its macros are gone), with every object named.
  await expect(file('report.docx')).toHaveAttribute('data-verdict', 'sanitized');
  await expect(file('report.docx')).toContainText('元の名前：受け渡し_0514/report.docm');
  await removed('report.docx').getByRole('button').click();
  const docItems = removed('report.docx').getByRole('listitem');
  for (const text of [
    'マクロ（VBA）',
    '埋め込み OLE オブジェクト',
    'ActiveX コントロール',
    '取り込まれた別形式の文書（altChunk）',
    'DDE フィールド',
    '外部への参照（テンプレート・リンクなど）',
    '危険なリンク（file:、UNC など）',
  ]) {
    await expect(docItems.filter({ hasText: text }).first()).toBeVisible();
  }
  await expect(docItems.filter({ hasText: 'word/media/image9.png' })).toHaveCount(1);
  await expect(file('formulas.csv')).toHaveAttribute('data-verdict', 'sanitized');
  await removed('formulas.csv').getByRole('button').click();
  await expect(removed('formulas.csv').getByRole('listitem')).toHaveText([/数式として実行されるセル.*R2C3/]);
  await expect(file('photo.jpg')).toHaveAttribute('data-verdict', 'sanitized');
  await removed('photo.jpg').getByRole('button').click();
  await expect(removed('photo.jpg').getByRole('listitem').filter({ hasText: '画像データの後ろに付いたデータ' })).toBeVisible();
  await expect(removed('photo.jpg').getByRole('listitem').filter({ hasText: '画像のメタデータ（EXIF など）' }).first()).toBeVisible();
  await expect(file('scan.png')).toHaveAttribute('data-verdict', 'passed');
  await expect(file('scan.png')).toContainText('PNG 画像');
  await expect(file('scan.png')).toContainText('問題は見つかりませんでした');
  await expect(file('measurements.csv')).toHaveAttribute('data-verdict', 'passed');
  // The result takes the form's place: the form is folded to one button (it opens empty, below).
  await expect(page.getByRole('button', { name: '新しい無害化を準備' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'フォルダーを追加' })).toHaveCount(0);

  // 出力先には合格と無害化済みのファイルだけがあり、DICOM の先頭 128 バイトはゼロ、残りは元のまま
  expect(await listFiles(output)).toEqual([
    `${corpusName}/formulas.csv`,
    `${corpusName}/measurements.csv`,
    `${corpusName}/photo.jpg`,
    `${corpusName}/report.docx`,
    `${corpusName}/scan.png`,
    `${corpusName}/series/IM0001.dcm`,
  ]);
  expect(await readFile(path.join(output, corpusName, 'formulas.csv'), 'utf8')).toBe(
    `date,device,note\n2026-05-14,CT-01,"'=cmd|' /C calc'!A0"\n2026-05-14,CT-02,-12.5\n`,
  );
  expect((await readFile(path.join(output, corpusName, 'photo.jpg'))).includes('patient room')).toBe(false);
  const delivered = await readFile(path.join(output, corpusName, 'series', 'IM0001.dcm'));
  expect(delivered.length).toBe(dicom.length);
  expect(delivered.subarray(0, 128).every((byte) => byte === 0)).toBe(true);
  expect(delivered.subarray(128).equals(dicom.subarray(128))).toBe(true);
  expect((await readFile(path.join(output, corpusName, 'scan.png'))).equals(PNG_1X1)).toBe(true);
  // 元のファイルは変更されない
  expect((await readFile(path.join(corpus, 'series', 'IM0001.dcm'))).equals(dicom)).toBe(true);
  expect((await readFile(path.join(corpus, 'note.txt'))).equals(EICAR)).toBe(true);

  await inspectWholeScreen(page, 'sanitize-result');

  // 承認：実施者はプロフィールの氏名、確認者は任意。署名の前に確認する
  const signOff = page.getByTestId('sanitize-signoff');
  await expect(signOff).toContainText('山田 太郎（東都メディカル株式会社、社員番号 E-20417）');
  await signOff.getByRole('textbox', { name: '確認者の氏名（任意）' }).fill('佐藤 一郎');
  await inspectDialog(page, 'sanitize-signoff-confirm', async () => {
    await page.getByRole('button', { name: /^(承認して報告書を発行|Sign off and issue report)$/ }).click();
    return page.getByRole('alertdialog');
  });
  // The action is in the bar above the result; the details (who signs, reviewer, recipient) are under the files.
  const signOffButton = page.getByTestId('sanitize-signoff-bar').getByRole('button', { name: '承認して報告書を発行' });
  await signOffButton.click();
  const confirm = page.getByRole('alertdialog', { name: '承認して報告書を発行しますか？' });
  await expect(confirm).toContainText('佐藤 一郎');
  await expect(confirm).toContainText('問題なし 2・無害化済み 4・引き渡し不可 2');
  await confirm.getByRole('button', { name: 'キャンセル' }).click();
  await expect(confirm).toBeHidden();
  await expect(page.getByTestId('sanitize-report-issued')).toHaveCount(0);
  await signOffButton.click();
  await confirm.getByRole('button', { name: '署名して発行' }).click();
  const issued = page.getByTestId('sanitize-report-issued');
  await expect(issued).toContainText(/無害化報告書 E-20417-SN-\d{4}-000001-[0-9A-Z]{6} を発行しました/, { timeout: 30_000 });
  const number = /E-20417-SN-\d{4}-000001-[0-9A-Z]{6}/.exec((await issued.textContent()) ?? '')![0];
  const history = page.getByTestId('sanitize-history');
  await expect(history.locator('tbody tr')).toHaveCount(1);
  await expect(history).toContainText(number);
  await expect(history).toContainText('引き渡し用');
  await expect(history).toContainText('問題なし 2・無害化済み 4・引き渡し不可 2');
  await expect(history).toContainText('JST');
  await expect(page.getByTestId('sanitize-signoff-bar')).toContainText(number);
  await expect(page.getByTestId('sanitize-signoff-bar').getByRole('button', { name: 'PDF を保存' })).toBeVisible();
  await inspectWholeScreen(page, 'sanitize-signed-off');

  // 出力先が空でなければ始めずに理由を示す。選んだフォルダーは一覧から外せる（結果の後、フォームは一つのボタンに畳まれている）
  await page.getByRole('button', { name: '新しい無害化を準備' }).click();
  // The run cleared the selection: the next one starts from nothing.
  await expect(page.getByText('まだファイルを選んでいません。')).toBeVisible();
  app.dialogs.importSources = [corpus];
  await page.getByRole('button', { name: 'フォルダーを追加' }).click();
  await page.getByRole('button', { name: '出力先を選ぶ' }).click();
  await start.click();
  await expect(page.locator('[data-error-code="SANITIZE_OUTPUT_NOT_EMPTY"]')).toBeVisible();
  await expect(page.getByRole('alert')).toContainText('出力先のフォルダーが空ではありません。');
  await expect(history.locator('tbody tr')).toHaveCount(1);
  await page.getByRole('button', { name: `${corpus} を一覧から外す` }).click();
  await expect(page.getByText('まだファイルを選んでいません。')).toBeVisible();
  await expect(start).toBeDisabled();

  // 監査ログに無害化の実施が残る
  await page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: '監査ログ' }).click();
  const sanitized = page.getByRole('table', { name: '記録' }).locator('tbody tr[data-type="sanitize.finished"]');
  await expect(sanitized).toContainText('ファイル無害化の実施');
  await expect(sanitized).toContainText('引き渡し不可（隔離）：2');

  // 証明書の画面から報告書の PDF を保存する
  await page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: 'ファイル無害化' }).click();
  await issued.getByRole('link', { name: '証明書を開く' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '証明書' })).toBeVisible();
  const row = page.getByRole('row').filter({ hasText: number });
  await expect(row).toContainText('無害化報告書');
  const report = path.join(scratch, `${number}.pdf`);
  app.dialogs.saveFile = report;
  await row.getByRole('button').click();
  await expect(row.getByRole('status')).toHaveText(`「${number}.pdf」を保存しました。`);

  // 受け取った側：報告書とフォルダーを照合する
  app.dialogs.certificateFile = report;
  app.dialogs.exportFolder = output;
  // The receiving side's check is on the Certificates screen's 「検証」 tab.
  await page.getByRole('tab', { name: '検証', exact: true }).click();
  const check = page.getByRole('button', { name: '受け取ったフォルダーを報告書と照合' });
  await check.click();
  const result = page.getByRole('region', { name: '照合結果' });
  await expect(result).toHaveAttribute('data-outcome', 'matches', { timeout: 30_000 });
  await expect(result).toContainText('報告書どおりのファイルです');
  await expect(result).toContainText(number);
  // The engineer has not enrolled with the company authority: intact, issuer not confirmed (issue 13).
  await expect(result).toContainText('改ざんなし・発行者未確認');
  await expect(result.getByRole('list', { name: /一致したファイル/ }).getByRole('listitem')).toHaveCount(6);
  await inspectWholeScreen(page, 'certificates-received-match');

  // 1 つを書き換え、1 つを足すと、その 2 つが名指しされる
  await appendFile(path.join(output, corpusName, 'measurements.csv'), '2026-05-15,CT-01,43\n');
  await writeFile(path.join(output, corpusName, 'readme.txt'), 'added after the report was signed\n');
  await check.click();
  await expect(result).toHaveAttribute('data-outcome', 'differs', { timeout: 30_000 });
  await expect(result).toContainText('報告書と一致しないファイルがあります');
  await expect(result.getByRole('list', { name: /変更されたファイル/ })).toHaveText(`${corpusName}/measurements.csv`);
  await expect(result.getByRole('list', { name: /報告書にないファイル/ })).toHaveText(`${corpusName}/readme.txt`);
  await expect(result.getByRole('list', { name: /足りないファイル/ })).toHaveCount(0);
  await expect(result.getByRole('list', { name: /一致したファイル/ }).getByRole('listitem')).toHaveCount(5);
  await inspectWholeScreen(page, 'certificates-received-differs');
});

test('the allow-list of types, what content disarm rebuilds, and the vendor release list are kept in Settings', async ({ page, app }) => {
  await app.createVault();
  await app.open('/settings?page=policy');
  const section = page.getByTestId('settings-sanitize-policy');
  await expect(section.getByRole('heading', { level: 2, name: '無害化のポリシー' })).toBeVisible();
  const types = section.getByRole('group', { name: '引き渡しを許可する種類' });
  // The default allow-list: DICOM, five image types, PDF, four text types, docx/xlsx/pptx, doc/xls/ppt, zip.
  await expect(types.getByRole('checkbox')).toHaveCount(18);
  for (const name of ['DICOM 画像', 'PDF 文書', 'Word 文書（.docx）', 'ZIP 圧縮ファイル'])
    await expect(types.getByRole('checkbox', { name })).toBeChecked();
  await expect(section.getByTestId('sanitize-release-count')).toHaveText('まだ読み込んでいません。');

  const save = section.getByRole('button', { name: '種類を保存' });
  await expect(save).toBeDisabled();
  await types.getByRole('checkbox', { name: 'ZIP 圧縮ファイル' }).click();
  await expect(save).toBeEnabled();
  await save.click();
  await expect(section.getByRole('status').filter({ hasText: '引き渡しを許可する種類を保存しました。' })).toBeVisible();
  await expect(types.getByRole('checkbox', { name: 'ZIP 圧縮ファイル' })).not.toBeChecked();
  const policy = await call<{ allowedTypes: string[]; releases: number }>(page, 'sanitize.policy', {});
  expect(policy.allowedTypes).not.toContain('zip');
  expect(policy.allowedTypes).toHaveLength(17);

  // Content disarm: every type with a rebuilder is rebuilt by default; unchecking one blocks such files instead.
  const rebuild = section.getByRole('group', { name: '動く中身を取り除いて再構築する種類' });
  await expect(rebuild.getByRole('checkbox')).toHaveCount(13);
  for (const name of ['PDF 文書', 'マクロ有効 Word 文書（.docm）', 'DICOM 画像', 'CSV（表形式のテキスト）'])
    await expect(rebuild.getByRole('checkbox', { name })).toBeChecked();
  const saveRebuild = section.getByRole('button', { name: '再構築の設定を保存' });
  await expect(saveRebuild).toBeDisabled();
  await rebuild.getByRole('checkbox', { name: 'マクロ有効 Word 文書（.docm）' }).click();
  await saveRebuild.click();
  await expect(section.getByRole('status').filter({ hasText: '再構築する種類を保存しました。' })).toBeVisible();
  expect((await call<{ rebuildBlockTypes: string[] }>(page, 'sanitize.policy', {})).rebuildBlockTypes).toEqual(['docm']);

  const sums = path.join(scratch, 'SHA256SUMS');
  const line = (name: string) => `${createHash('sha256').update(name).digest('hex')}  ${name}`;
  await writeFile(sums, `# FieldGuard vendor release list\n${line('ct-console-5.2.1.msi')}\n${line('ct-service-tool.exe')}\n`);
  app.dialogs.releaseList = sums;
  await section.getByRole('button', { name: 'ベンダーのリリース一覧を読み込む' }).click();
  await expect(section.getByRole('status').filter({ hasText: 'ベンダーのリリース一覧を読み込みました（2 件）。' })).toBeVisible();
  await expect(section.getByTestId('sanitize-release-count')).toHaveText('2 件を読み込み済み');

  // A file that is not a release list is refused with the reason, and the loaded list stays.
  const wrong = path.join(scratch, 'notes.txt');
  await writeFile(wrong, 'これはリリース一覧ではありません\n');
  app.dialogs.releaseList = wrong;
  await section.getByRole('button', { name: 'ベンダーのリリース一覧を読み込む' }).click();
  await expect(section.locator('[data-error-code="SANITIZE_RELEASE_LIST_INVALID"]')).toBeVisible();
  await expect(section.getByTestId('sanitize-release-count')).toHaveText('2 件を読み込み済み');

  app.dialogs.releaseList = sums;
  await section.getByRole('button', { name: 'ベンダーのリリース一覧を読み込む' }).click();
  await expect(section.getByRole('status').filter({ hasText: 'ベンダーのリリース一覧を読み込みました（2 件）。' })).toBeVisible();
  await section.scrollIntoViewIfNeeded();
  await inspectWholeScreen(page, 'settings-sanitize-policy');

  await page.reload();
  await expect(page.getByTestId('settings-sanitize-policy').getByRole('checkbox', { name: 'ZIP 圧縮ファイル' })).not.toBeChecked();
  await expect(page.getByTestId('sanitize-release-count')).toHaveText('2 件を読み込み済み');
  await expect(
    page
      .getByRole('group', { name: '動く中身を取り除いて再構築する種類' })
      .getByRole('checkbox', { name: 'マクロ有効 Word 文書（.docm）' }),
  ).not.toBeChecked();
});

test.describe('opened from a visit', () => {
  // The readiness gate passes on a healthy recorded laptop, judged at the time it was recorded.
  test.use({ harnessPorts: { selfCheckProbes: recordedWindowsProbes(HEALTHY_WINDOWS), now: clockFromRecording() } });

  test('[10-5] opened from a visit’s step, the sign-off names the visit’s site, administrator and number', async ({ page, app }) => {
    test.setTimeout(120_000);
    const handover = path.join(scratch, '渡すファイル');
    await mkdir(handover);
    await writeFile(path.join(handover, 'measurements.csv'), 'date,device,value\n2026-12-07,CT-01,42\n');
    await app.createVault();
    await app.open('/');
    // The site, system, account and self-check behind the screen; the visit walked to its sanitization step.
    const { site, system } = await saveSiteWithSystem(
      page,
      { name: '東都病院', department: '放射線科', administrator: { name: '佐藤 一郎', title: 'システム管理者' } },
      { product: 'CT コンソール', version: '5.2', serial: 'CT-0417', hostName: 'CT-CONSOLE01' },
    );
    const account = await call<{ id: string }>(page, 'accounts.save', {
      systemId: system.id,
      userName: 'svc-maint',
      secret: 'Kx7#mP2-qR9/vT4?',
      vendorDefault: false,
    });
    await call(page, 'selfCheck.run', {});
    const started = await call<VisitRun>(page, 'visits.start', { templateId: 'maintenance-visit', siteId: site.id, systemId: system.id });
    const run = await walkTo(app, started, 'sanitization', { accountId: account.id, now: new Date() });

    // On the visit's sanitization step: no report yet, and the link to the Sanitize screen.
    await app.open(`/visits?run=${run.id}`);
    const step = page.locator('[data-testid="visit-step-panel"][data-step-id="sanitization"]');
    await step.getByRole('button', { name: '確認する' }).click();
    await expect(step.getByTestId('visit-check-finding')).toBeVisible();
    await step.getByRole('link', { name: 'ファイル無害化の画面を開く' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'ファイル無害化' })).toBeVisible();
    expect(new URL(page.url()).hash).toBe(`#/sanitize?visit=${run.id}`);

    app.dialogs.importSources = [handover];
    await page.getByRole('button', { name: 'フォルダーを追加' }).click();
    app.dialogs.exportFolder = path.join(scratch, '引き渡し用');
    await mkdir(app.dialogs.exportFolder);
    await page.getByRole('button', { name: '出力先を選ぶ' }).click();
    await page.getByRole('button', { name: '無害化を開始' }).click();
    await expect(page.getByTestId('sanitize-summary')).toBeVisible({ timeout: 60_000 });

    // The recipient is the visit's: filled in, and the screen says where from.
    const signOff = page.getByTestId('sanitize-signoff');
    await expect(signOff.getByTestId('from-visit')).toContainText(`訪問作業 ${run.reference}（東都病院）から入力しました`);
    const recipient = signOff.getByRole('group', { name: '引き渡し先（任意）' });
    await expect(recipient.getByRole('textbox', { name: '施設名' })).toHaveValue('東都病院');
    await expect(recipient.getByRole('textbox', { name: '部署' })).toHaveValue('放射線科');
    await expect(recipient.getByRole('textbox', { name: '施設のシステム管理者' })).toHaveValue('佐藤 一郎');
    await expect(recipient.getByRole('textbox', { name: '訪問・作業指示番号' })).toHaveValue(run.reference);
    await signOff.scrollIntoViewIfNeeded();
    await inspectScreen(page, 'sanitize-from-visit');

    await page.getByTestId('sanitize-signoff-bar').getByRole('button', { name: '承認して報告書を発行' }).click();
    const dialog = page.getByRole('alertdialog');
    await expect(dialog).toContainText(`東都病院 放射線科 ${run.reference}`);
    await dialog.getByRole('button', { name: '署名して発行' }).click();
    await expect(signOff.getByTestId('sanitize-report-issued')).toBeVisible({ timeout: 30_000 });

    // The report is signed with the visit's number; back on the visit, the step passes.
    const { certificates } = await call<{ certificates: Array<{ kind: string; site: string | null; visitReference: string | null }> }>(
      page,
      'certificates.list',
      { kind: 'sanitization' },
    );
    expect(certificates.map((c) => [c.site, c.visitReference])).toEqual([['東都病院 放射線科', run.reference]]);
    await app.open(`/visits?run=${run.id}`);
    await step.getByRole('button', { name: 'もう一度確認する' }).click();
    await expect(page.locator(`[data-step-id="sanitization"][data-status="done"]`).first()).toBeVisible();
  });
});
