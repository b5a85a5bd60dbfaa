/**
 * Certificates a hospital can trust without us (issue 13), as an engineer and a hospital use
 * the screens: the three answers of the verifier (「正規」, 「改ざんなし・発行者未確認」, 「不正」),
 * enrollment with the company authority from Settings, trusting a company root by typing the
 * fingerprint printed on the contract, a revocation list, and removing a root. The company
 * authorities are made on the Node side with the core functions a security office runs.
 */
import { appendFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import {
  createRevocationList,
  initAuthority,
  issueEngineerCertificate,
  revokeEngineerCertificate,
  type AuthoritySummary,
} from '../../electron/core/authority/company-authority';
import { issueCertificate } from '../../electron/core/certificates/issue-certificate';
import { KDF_FLOOR } from '../../electron/core/vault/password-kdf';
import { createEngineer, SUZUKI } from '../fixtures/certificates/engineers';
import { sampleErasureDocument, sampleErasureFacts } from '../fixtures/certificates/sample-erasure';
import { AUTHORITY_PASSPHRASE, certifiedEngineer, createTestAuthority, type TestAuthority } from '../support/company-authority';
import { expect, test } from './harness';
import { inspectDialog, inspectScreen, inspectWholeScreen } from './screens';

let dir: string;
/** A colleague's certificate signed with a key nobody certified (the app before issue 13). */
let selfSigned: string;
/** The same colleague, now certified by her company (西日本イメージング), whose root this laptop does not trust yet. */
let otherCompany: TestAuthority;
let otherCompanyDocument: string;
let otherCompanySerial: string;

test.beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'fieldguard-cert-e2e-'));
  const then = new Date('2026-11-26T03:00:00Z');
  const colleague = await createEngineer(dir, SUZUKI, then);
  const issued = await issueCertificate(
    sampleErasureDocument('W-00981-ER-2026-000007', then.toISOString()),
    sampleErasureFacts(),
    colleague.credentials,
  );
  colleague.db.close();
  selfSigned = path.join(dir, '消去証明書.pdf');
  await writeFile(selfSigned, issued.pdf);

  const now = new Date();
  otherCompany = await createTestAuthority(path.join(dir, 'west-authority'), SUZUKI.company, now);
  const certified = await certifiedEngineer(otherCompany, SUZUKI, now);
  otherCompanySerial = certified.serial;
  const document = await issueCertificate(
    sampleErasureDocument('W-00981-ER-2026-000012', now.toISOString()),
    sampleErasureFacts(),
    certified,
  );
  otherCompanyDocument = path.join(dir, '消去証明書_会社認証.pdf');
  await writeFile(otherCompanyDocument, document.pdf);
});
test.afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** The value next to a term in a definition list (FactList). */
function fact(scope: Locator, term: string): Locator {
  return scope.locator('dt', { hasText: new RegExp(`^${term.replace(/[()]/g, '\\$&')}$`) }).locator('xpath=following-sibling::dd[1]');
}

/** Opens a tab of the Certificates screen (the others stay mounted, hidden). */
async function openTab(page: Page, name: '発行した証明書・報告書' | '検証' | '信頼する発行元'): Promise<void> {
  const tab = page.getByRole('tab', { name, exact: true });
  await tab.click();
  await expect(tab).toHaveAttribute('aria-selected', 'true');
}

async function goTo(page: Page, screen: string): Promise<void> {
  await page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: screen, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: screen })).toBeVisible();
}

/** Issues the signed ledger report from the Ledger screen (the quickest document an engineer issues) and returns its number. */
async function issueLedgerReport(page: Page, file: string, app: { dialogs: { saveFile: string | null } }): Promise<string> {
  await goTo(page, '台帳');
  app.dialogs.saveFile = file;
  await page.getByRole('button', { name: '署名付き PDF で保存' }).click();
  const saved = page.getByTestId('ledger-report-saved');
  await expect(saved).toContainText('を発行し、PDF を保存しました。', { timeout: 30_000 });
  return /E-20417-[A-Z]{2}-\d{4}-\d{6}-[0-9A-Z]{6}/.exec((await saved.textContent()) ?? '')![0];
}

/** The contract prints the root fingerprint; an engineer may type it in capitals, with colons. */
function asOnContract(fingerprint: string): string {
  return fingerprint.toUpperCase().match(/../g)!.join(':');
}

test('a colleague’s certificate signed without a company certificate is intact but its issuer unconfirmed; an extended copy is not genuine', async ({
  page,
  app,
}) => {
  // Each verification runs in a worker; on a loaded machine four of them and two language passes take over a minute.
  test.setTimeout(120_000);
  await app.createVault();
  await app.open('/certificates');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('証明書');
  // The engineer's own documents come first; checking others' documents and the trusted issuers are tabs of their own.
  await expect(page.getByRole('tab', { name: '発行した証明書・報告書' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByText('まだ証明書はありません。')).toBeVisible();
  await openTab(page, '信頼する発行元');
  const roots = page.getByTestId('trusted-roots');
  await expect(roots.getByRole('region', { name: '信頼する会社ルート証明書はまだありません' })).toContainText(
    '保守契約書に記載されています',
  );

  await openTab(page, '検証');
  app.dialogs.certificateFile = selfSigned;
  await page.getByRole('button', { name: 'ファイルを選んで検証' }).click();
  const result = page.getByRole('region', { name: '検証結果' });
  await expect(result).toHaveAttribute('data-status', 'issuer-unconfirmed', { timeout: 30_000 });
  await expect(result.getByRole('status')).toContainText('改ざんなし・発行者未確認');
  await expect(result.getByTestId('verification-root')).toContainText('会社の認証なし');
  await expect(fact(result, '証明書番号')).toHaveText('W-00981-ER-2026-000007');
  await expect(fact(result, '時刻の根拠')).toHaveText('ノートPCの時計（未検証）');
  await expect(fact(result, '署名時刻')).toHaveText('2026/11/26 12:00:00 JST');
  await expect(fact(result, '氏名')).toHaveText('鈴木 花子');
  await expect(fact(result, '会社')).toHaveText('西日本イメージング株式会社');
  await expect(fact(result, '社員番号')).toHaveText('W-00981');
  await expect(fact(result, '証明書の発行者')).toHaveText('なし（自己署名）');
  await expect(fact(result, '証明書の有効期間')).toContainText('JST 〜');
  await expect(fact(result, '証明書の指紋（SHA-256）')).toHaveText(/^([0-9a-f]{4} ){15}[0-9a-f]{4}$/);
  const checks = result.getByRole('list', { name: '確認した項目' }).getByRole('listitem');
  await expect(checks).toHaveCount(8);
  await expect(result.locator('li[data-state="failed"]')).toHaveCount(0);
  const chain = result.locator('li[data-check="signer-chain"]');
  await expect(chain).toHaveAttribute('data-state', 'unconfirmed');
  await expect(chain).toContainText('確認できず');
  await expect(chain).toContainText('会社の認証なし：署名者の証明書は自己署名で');
  await inspectWholeScreen(page, 'certificates-verify');

  const extended = path.join(dir, 'extended.pdf');
  await writeFile(extended, await readFile(selfSigned));
  await appendFile(extended, '\n% added later\n');
  app.dialogs.certificateFile = extended;
  await page.getByRole('button', { name: 'ファイルを選んで検証' }).click();
  await expect(result).toHaveAttribute('data-status', 'not-genuine', { timeout: 30_000 });
  await expect(result.getByRole('status')).toContainText('不正');
  await expect(result.getByRole('status')).toContainText('この文書を信頼しないでください。');
  const whole = result.locator('li[data-check="whole-document"]');
  await expect(whole).toHaveAttribute('data-state', 'failed');
  await expect(whole).toContainText(/不合格 — (署名の対象が文書全体ではありません|署名の後に、タイムスタンプ以外の変更が追記されています)/);
  await inspectScreen(page, 'certificates-verify-invalid');
});

test('enrolling with the company authority in Settings makes new documents genuine; a company root is trusted only by its contract fingerprint', async ({
  page,
  app,
}) => {
  // Nine screens in two languages, each also at 1366×768: over two minutes on a loaded shared machine.
  test.setTimeout(240_000);
  await app.createVault();
  await app.open('/');

  // Before enrollment: the engineer's own report is intact but its issuer unconfirmed, and the list says so.
  const before = await issueLedgerReport(page, path.join(dir, 'ledger-before.pdf'), app);
  await goTo(page, '証明書');
  const list = page.getByRole('table', { name: '発行した証明書・報告書' });
  const beforeRow = list.getByRole('row').filter({ hasText: before });
  await expect(beforeRow).toContainText('会社の認証なし');
  // The ledger report names no site and no visit: said as 「—」, not guessed.
  await expect(beforeRow.getByRole('cell').nth(2)).toHaveText('—');
  await expect(beforeRow.getByRole('cell').nth(3)).toHaveText('—');

  // Saved again in place: the file's name, then 「フォルダーを開く」 opens the file manager at that file.
  const savedAgain = path.join(dir, 'ledger-again.pdf');
  app.dialogs.saveFile = savedAgain;
  await beforeRow.getByRole('button', { name: `PDF を保存（${before}）` }).click();
  await expect(beforeRow.getByRole('status')).toHaveText('「ledger-again.pdf」を保存しました。');
  expect((await readFile(savedAgain)).subarray(0, 5).toString()).toBe('%PDF-');
  await beforeRow.getByRole('button', { name: '「ledger-again.pdf」のフォルダーを開く' }).click();
  await expect.poll(() => app.dialogs.shownInFolder).toEqual([savedAgain]);

  // Searching by a number (typed in full width, as Japanese input leaves it) keeps only what matches.
  const search = page.getByRole('searchbox', { name: '施設名・訪問作業番号・証明書番号で検索' });
  await search.fill('ＬＧ－２０');
  await expect(page.getByText('1 件のうち 1 件が一致しました。')).toBeVisible();
  await search.fill('東都病院');
  await expect(page.getByText('一致する証明書・報告書はありません。')).toBeVisible();
  await search.fill('');
  await inspectScreen(page, 'certificates-issued');

  await openTab(page, '検証');
  app.dialogs.certificateFile = path.join(dir, 'ledger-before.pdf');
  await page.getByRole('button', { name: 'ファイルを選んで検証' }).click();
  const result = page.getByRole('region', { name: '検証結果' });
  await expect(result).toHaveAttribute('data-status', 'issuer-unconfirmed', { timeout: 30_000 });
  await expect(result.getByRole('status')).toContainText('改ざんなし・発行者未確認');
  await expect(result).toContainText('会社の認証なし');

  // Settings: the signing certificate is not certified by the company; the engineer creates the request.
  await goTo(page, '設定');
  await page.getByRole('tab', { name: 'セキュリティ', exact: true }).click();
  const signing = page.getByTestId('settings-signing-certificate');
  await expect(signing.getByRole('heading', { level: 2, name: '署名用の証明書' })).toBeVisible();
  await expect(signing.getByTestId('signing-not-certified')).toContainText(
    '会社の認証なし：発行する文書は『改ざんなし・発行者未確認』と判定されます。会社のセキュリティ担当に登録申請を送ってください',
  );
  await expect(fact(signing, '名義')).toHaveText('山田 太郎（東都メディカル株式会社、E-20417）');
  await expect(fact(signing, '発行者')).toHaveText('会社の認証なし（自己署名）');
  await expect(fact(signing, '応答待ちの登録申請')).toHaveText('0 件');
  await expect(fact(signing, 'タイムスタンプ待ちの文書')).toHaveText('0 件');
  const requestFile = path.join(dir, 'enrollment-request.pem');
  app.dialogs.saveFile = requestFile;
  await signing.getByRole('button', { name: '登録申請を作成' }).click();
  // A new key pair is made for the request: seconds on a loaded machine.
  await expect(signing.getByTestId('signing-notice')).toContainText(
    '登録申請を保存しました。このファイルを会社のセキュリティ担当に送ってください。',
    { timeout: 30_000 },
  );
  await expect(fact(signing, '応答待ちの登録申請')).toHaveText('1 件');
  await signing.scrollIntoViewIfNeeded();
  await inspectScreen(page, 'settings-signing-uncertified');

  // The security office (Node side): its authority issues the engineer certificate from the request.
  const authority: AuthoritySummary = await initAuthority(
    path.join(dir, 'east-authority'),
    { company: '東都メディカル株式会社', passphrase: AUTHORITY_PASSPHRASE, kdf: KDF_FLOOR },
    new Date(),
  );
  const reply = await issueEngineerCertificate(authority.dir, AUTHORITY_PASSPHRASE, await readFile(requestFile, 'utf8'), {}, new Date());
  const replyFile = path.join(dir, 'enrollment-reply.pem');
  await writeFile(replyFile, reply.replyPem);

  // A file that is no reply is refused, and nothing changes.
  app.dialogs.certificateFile = selfSigned;
  await signing.getByRole('button', { name: '登録応答を取り込む' }).click();
  await expect(signing.locator('[data-error-code="ENROLLMENT_REPLY_INVALID"]')).toBeVisible();
  await expect(signing.getByTestId('signing-not-certified')).toBeVisible();

  app.dialogs.certificateFile = replyFile;
  await signing.getByRole('button', { name: '登録応答を取り込む' }).click();
  await expect(signing.getByTestId('signing-notice')).toContainText(
    '登録応答を取り込みました。これから発行する文書は会社の証明書で署名されます。',
  );
  await expect(signing.getByTestId('signing-not-certified')).toHaveCount(0);
  await expect(signing.getByTestId('signing-expires-soon')).toHaveCount(0);
  await expect(signing.getByTestId('signing-certified')).toContainText('会社の証明書で署名しています');
  await expect(fact(signing, '発行者')).toHaveText('東都メディカル株式会社 FieldGuard ルート認証局 Root CA');
  await expect(fact(signing, '会社ルート証明書の指紋（SHA-256）')).toHaveText(authority.rootFingerprint.match(/.{4}/g)!.join(' '));
  await expect(fact(signing, '残り日数')).toHaveText(/^(729|730) 日$/);
  await expect(fact(signing, '応答待ちの登録申請')).toHaveText('0 件');
  await inspectScreen(page, 'settings-signing-certified');

  // A new report is signed with the company certificate and is genuine on this laptop (its own company's root is trusted).
  const after = await issueLedgerReport(page, path.join(dir, 'ledger-after.pdf'), app);
  await goTo(page, '証明書');
  await expect(list.getByRole('row').filter({ hasText: after })).toContainText('会社の証明書');
  await expect(list.getByRole('row').filter({ hasText: after }).getByText('会社の認証なし')).toHaveCount(0);
  await expect(list.getByRole('row').filter({ hasText: before })).toContainText('会社の認証なし');
  await openTab(page, '信頼する発行元');
  const roots = page.getByTestId('trusted-roots');
  const rootRows = roots.getByRole('table', { name: '信頼する会社ルート証明書' }).locator('tbody tr');
  await expect(rootRows).toHaveCount(1);
  await expect(rootRows.first()).toContainText('東都メディカル株式会社 FieldGuard ルート認証局 Root CA');
  await openTab(page, '検証');
  app.dialogs.certificateFile = path.join(dir, 'ledger-after.pdf');
  await page.getByRole('button', { name: 'ファイルを選んで検証' }).click();
  await expect(result).toHaveAttribute('data-status', 'genuine', { timeout: 30_000 });
  await expect(result.getByRole('status')).toContainText('正規');
  await expect(fact(result, '証明書番号')).toHaveText(after);
  await expect(fact(result, '証明書の発行者')).toHaveText('東都メディカル株式会社 FieldGuard ルート認証局 Root CA');
  await expect(fact(result, '証明書のシリアル番号')).toHaveText(reply.entry.serial);
  await expect(result.getByTestId('verification-root')).toContainText(authority.rootFingerprint.slice(0, 4));
  await expect(result.getByTestId('verification-root')).not.toContainText('会社の認証なし');
  await expect(fact(result, '時刻の根拠')).toHaveText('ノートPCの時計（未検証）');
  await expect(result.locator('li[data-state="ok"]')).toHaveCount(8);
  await inspectWholeScreen(page, 'certificates-verify-genuine');

  // A file with no root in it (a document signed without a company certificate) offers nothing to trust.
  await openTab(page, '信頼する発行元');
  app.dialogs.certificateFile = selfSigned;
  await roots.getByRole('button', { name: 'ファイルから追加' }).click();
  await expect(roots.locator('[data-error-code="TRUST_ROOT_INVALID"]')).toBeVisible();
  await expect(page.getByRole('alertdialog')).toHaveCount(0);

  // Her own company's root file again: it is already trusted, nothing to type.
  app.dialogs.certificateFile = path.join(authority.dir, 'root.pem');
  await roots.getByRole('button', { name: 'ファイルから追加' }).click();
  await expect(roots.getByRole('status')).toContainText('「東都メディカル株式会社 FieldGuard ルート認証局 Root CA」はすでに信頼済みです。');

  // A colleague at another company, certified by her company: intact, but that company's root is not trusted here.
  await openTab(page, '検証');
  app.dialogs.certificateFile = otherCompanyDocument;
  await page.getByRole('button', { name: 'ファイルを選んで検証' }).click();
  await expect(result).toHaveAttribute('data-status', 'issuer-unconfirmed', { timeout: 30_000 });
  await expect(result.getByTestId('verification-root')).toContainText('その会社のルート証明書はこのノートPCで信頼済みになっていません');
  await expect(result.getByTestId('verification-root')).not.toContainText('会社の認証なし');
  await expect(result.locator('li[data-check="signer-chain"]')).toContainText('信頼済みの会社ルート証明書につながりません');
  await inspectWholeScreen(page, 'certificates-verify-issuer-untrusted');

  // Trusting her company's root: the dialog shows the root; the fingerprint from the contract must be typed.
  await openTab(page, '信頼する発行元');
  app.dialogs.certificateFile = otherCompany.rootFile;
  const dialog = page.getByRole('alertdialog', { name: '会社ルート証明書を信頼済みにする' });
  await inspectDialog(page, 'certificates-trust-root-dialog', async () => {
    await roots.getByRole('button', { name: /^(ファイルから追加|Add from a file)$/ }).click();
    return page.getByRole('alertdialog');
  });
  await roots.getByRole('button', { name: 'ファイルから追加' }).click();
  await expect(dialog).toContainText('西日本イメージング株式会社 FieldGuard ルート認証局 Root CA');
  await expect(fact(dialog, 'このファイルの指紋（SHA-256）')).toHaveText(otherCompany.rootFingerprint.match(/.{4}/g)!.join(' '));
  const typed = dialog.getByRole('textbox', { name: '契約書に記載された指紋' });
  await expect(typed).toBeFocused();

  // Too short: said at once, nothing asked of the main process.
  await typed.fill('AB:CD:EF');
  await dialog.getByRole('button', { name: '信頼済みにする' }).click();
  await expect(dialog).toContainText('0〜9 と a〜f だけの 64 文字で入力してください（コロンと空白を除いて 6 文字です）。');
  // The wrong company's fingerprint: refused by the main process, nothing trusted.
  await typed.fill(asOnContract(authority.rootFingerprint));
  await typed.press('Enter');
  await expect(dialog.locator('[data-error-code="TRUST_FINGERPRINT_MISMATCH"]')).toBeVisible();
  await expect(dialog.getByRole('alert')).toContainText('入力された指紋がルート証明書の指紋と一致しません。信頼済みにしていません。');
  await expect(typed).toBeFocused();
  await inspectDialog(page, 'certificates-trust-root-mismatch', async () => {
    await roots.getByRole('button', { name: /^(ファイルから追加|Add from a file)$/ }).click();
    const shown = page.getByRole('alertdialog');
    await shown.getByRole('textbox').fill(authority.rootFingerprint);
    await shown.getByRole('textbox').press('Enter');
    await expect(shown.locator('[data-error-code="TRUST_FINGERPRINT_MISMATCH"]')).toBeVisible();
    return shown;
  });
  await expect(dialog).toBeHidden();
  await expect(rootRows).toHaveCount(1);

  // The right one, typed from the contract in capitals with colons, by keyboard.
  await roots.getByRole('button', { name: 'ファイルから追加' }).click();
  await expect(typed).toBeFocused();
  await page.keyboard.type(asOnContract(otherCompany.rootFingerprint));
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(roots.getByRole('status')).toContainText(
    '「西日本イメージング株式会社 FieldGuard ルート認証局 Root CA」を信頼済みにしました。',
  );
  await expect(rootRows).toHaveCount(2);
  await expect(rootRows.nth(1)).toContainText(otherCompany.rootFingerprint.match(/.{4}/g)!.join(' '));
  await inspectWholeScreen(page, 'certificates-roots-trusted');
  await openTab(page, '検証');
  app.dialogs.certificateFile = otherCompanyDocument;
  await page.getByRole('button', { name: 'ファイルを選んで検証' }).click();
  await expect(result).toHaveAttribute('data-status', 'genuine', { timeout: 30_000 });
  await expect(result.getByRole('status')).toContainText('「西日本イメージング株式会社 FieldGuard ルート認証局 Root CA」');

  // Her company revokes her certificate and sends its CRL: a file that is no CRL is refused; the CRL makes her document not genuine.
  await openTab(page, '信頼する発行元');
  app.dialogs.certificateFile = selfSigned;
  await roots.getByRole('button', { name: '失効リストを取り込む' }).click();
  await expect(roots.locator('[data-error-code="CRL_INVALID"]')).toBeVisible();
  await revokeEngineerCertificate(otherCompany.dir, AUTHORITY_PASSPHRASE, otherCompanySerial, 'key-compromise', new Date());
  const crl = path.join(dir, 'west.crl');
  await writeFile(crl, await createRevocationList(otherCompany.dir, AUTHORITY_PASSPHRASE, {}, new Date()));
  app.dialogs.certificateFile = crl;
  await roots.getByRole('button', { name: '失効リストを取り込む' }).click();
  await expect(roots.getByRole('status')).toContainText('失効リストを取り込みました。このリストで失効している証明書は 1 件です。');
  await expect(roots.locator('[data-error-code]')).toHaveCount(0);
  await openTab(page, '検証');
  app.dialogs.certificateFile = otherCompanyDocument;
  await page.getByRole('button', { name: 'ファイルを選んで検証' }).click();
  await expect(result).toHaveAttribute('data-status', 'not-genuine', { timeout: 30_000 });
  await expect(result.locator('li[data-check="signer-chain"]')).toContainText(
    '不合格 — 署名者の証明書は会社の失効リスト（CRL）で失効しています',
  );
  await expect(result.getByTestId('verification-root')).toContainText('会社ルート証明書まで確かめられませんでした');
  await inspectWholeScreen(page, 'certificates-verify-revoked');

  // Removing a root is asked first; Cancel keeps it.
  await openTab(page, '信頼する発行元');
  const remove = roots.getByRole('button', { name: '「西日本イメージング株式会社 FieldGuard ルート認証局 Root CA」を信頼済みから外す' });
  await remove.click();
  const confirm = page.getByRole('alertdialog', {
    name: '「西日本イメージング株式会社 FieldGuard ルート認証局 Root CA」を信頼済みから外しますか？',
  });
  await expect(confirm).toContainText('「改ざんなし・発行者未確認」と判定されます');
  await confirm.getByRole('button', { name: 'キャンセル' }).click();
  await expect(confirm).toBeHidden();
  await expect(rootRows).toHaveCount(2);
  await inspectDialog(page, 'certificates-untrust-root-dialog', async () => {
    await roots.locator('tbody tr').nth(1).getByRole('button').click();
    return page.getByRole('alertdialog');
  });
  await remove.click();
  await confirm.getByRole('button', { name: '信頼済みから外す' }).click();
  await expect(confirm).toBeHidden();
  await expect(rootRows).toHaveCount(1);
  await expect(roots.getByRole('status')).toContainText(
    '「西日本イメージング株式会社 FieldGuard ルート認証局 Root CA」を信頼済みから外しました。',
  );
  await expect(page.getByRole('heading', { level: 2, name: '信頼する会社ルート証明書' })).toBeFocused();

  // Each step is in the audit log, by name.
  await goTo(page, '監査ログ');
  const audit = page.getByRole('table', { name: '記録' }).locator('tbody');
  await expect(audit.locator('tr[data-type="certificate.enrollment-requested"]')).toContainText('署名用証明書の登録申請');
  await expect(audit.locator('tr[data-type="certificate.enrollment-imported"]')).toContainText('署名用証明書の登録応答の取り込み');
  await expect(audit.locator('tr[data-type="trust.root-added"]')).toHaveCount(2);
  await expect(audit.locator('tr[data-type="trust.root-added"]').filter({ hasText: '自社の登録応答' })).toHaveCount(1);
  await expect(audit.locator('tr[data-type="trust.root-added"]').filter({ hasText: '契約書の指紋で確認' })).toHaveCount(1);
  await expect(audit.locator('tr[data-type="trust.crl-imported"]')).toContainText('失効リストの取り込み');
  await expect(audit.locator('tr[data-type="trust.root-removed"]')).toContainText('会社ルート証明書の信頼の取り消し');
  await inspectScreen(page, 'audit-trust');
});

test('a company certificate that ends within 30 days is announced in Settings', async ({ page, app }) => {
  await app.createVault();
  await app.open('/settings?page=security');
  const signing = page.getByTestId('settings-signing-certificate');
  const requestFile = path.join(dir, 'short-request.pem');
  app.dialogs.saveFile = requestFile;
  await signing.getByRole('button', { name: '登録申請を作成' }).click();
  await expect(signing.getByTestId('signing-notice')).toContainText('登録申請を保存しました。');

  const authority = await initAuthority(
    path.join(dir, 'short-authority'),
    { company: '東都メディカル株式会社', passphrase: AUTHORITY_PASSPHRASE, kdf: KDF_FLOOR },
    new Date(),
  );
  const reply = await issueEngineerCertificate(
    authority.dir,
    AUTHORITY_PASSPHRASE,
    await readFile(requestFile, 'utf8'),
    { days: 20 },
    new Date(),
  );
  app.dialogs.certificateFile = path.join(dir, 'short-reply.pem');
  await writeFile(app.dialogs.certificateFile, reply.replyPem);
  await signing.getByRole('button', { name: '登録応答を取り込む' }).click();
  const warning = signing.getByTestId('signing-expires-soon');
  await expect(warning).toContainText(/証明書の有効期限まであと (19|20) 日です/);
  await expect(warning).toContainText('早めに登録申請を作成して、会社のセキュリティ担当に送ってください。');
  await expect(signing.getByTestId('signing-not-certified')).toHaveCount(0);
  await inspectScreen(page, 'settings-signing-expires-soon');
});
