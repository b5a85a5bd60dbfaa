import { appendFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { issueCertificate } from '../../electron/core/certificates/issue-certificate';
import { createEngineer, SUZUKI } from '../fixtures/certificates/engineers';
import { sampleErasureDocument, sampleErasureFacts } from '../fixtures/certificates/sample-erasure';
import { expect, test } from './harness';
import { inspectScreen } from './screens';

let dir: string;
let genuine: string;

test.beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'fieldguard-cert-e2e-'));
  const now = new Date('2026-11-26T03:00:00Z');
  const colleague = await createEngineer(dir, SUZUKI, now);
  const issued = await issueCertificate(sampleErasureDocument('W-00981-ER-2026-000007', now.toISOString()), sampleErasureFacts(), colleague.credentials);
  colleague.db.close();
  genuine = path.join(dir, '消去証明書.pdf');
  await writeFile(genuine, issued.pdf);
});
test.afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

test('a colleague’s genuine certificate is intact but its signer unconfirmed; an extended copy is not genuine', async ({ page, app }) => {
  await app.createVault();
  await app.open('/certificates');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('証明書');
  await expect(page.getByText('まだ証明書はありません。')).toBeVisible();

  app.dialogs.certificateFile = genuine;
  await page.getByRole('button', { name: 'ファイルを選んで検証' }).click();
  const result = page.getByRole('region', { name: '検証結果' });
  await expect(result).toContainText('改ざんはありませんが、署名者は未確認です');
  await expect(result).toContainText('W-00981-ER-2026-000007');
  await expect(result).toContainText('鈴木 花子（西日本イメージング株式会社、W-00981）');
  await expect(result.getByRole('listitem')).toHaveCount(7);
  await inspectScreen(page, 'certificates-verify');

  const extended = path.join(dir, 'extended.pdf');
  await writeFile(extended, await readFile(genuine));
  await appendFile(extended, '\n% added later\n');
  app.dialogs.certificateFile = extended;
  await page.getByRole('button', { name: 'ファイルを選んで検証' }).click();
  await expect(result).toContainText('正規の証明書ではありません');
  await expect(result).toContainText('署名の対象が文書全体ではありません');
  await inspectScreen(page, 'certificates-verify-invalid');

  // Trusting the colleague by her certificate turns "unconfirmed" into "genuine".
  app.dialogs.certificateFile = genuine;
  await page.getByRole('button', { name: '署名者を追加' }).click();
  await expect(page.getByText('1 人の署名者を追加しました。')).toBeVisible();
  await expect(page.getByRole('list', { name: '信頼する署名者' })).toContainText('鈴木 花子 (西日本イメージング株式会社, W-00981)');
  await page.getByRole('button', { name: 'ファイルを選んで検証' }).click();
  await expect(result).toContainText('正規の証明書です');
  await inspectScreen(page, 'certificates-trusted');
});
