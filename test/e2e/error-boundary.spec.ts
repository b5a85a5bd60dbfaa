/**
 * The renderer's error boundary (issue 18): a screen that throws while rendering shows a calm,
 * labelled message with 「再読み込み」 — not a blank window and not the error's text (which may
 * carry data) — and the reload button reloads. The app's own ErrorBoundary, providers and
 * texts, bundled by esbuild and run in the real Chromium.
 */
import path from 'node:path';
import { build } from 'esbuild';
import { expect, test } from '@playwright/test';
import { checkAndCapture } from './screens';

const entry = path.resolve(import.meta.dirname, 'fixtures/error-boundary-entry.tsx');

test('a screen that fails to render shows the calm message and reloads on request', async ({ page }) => {
  const bundle = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    format: 'iife',
    jsx: 'automatic',
    alias: { '@shared': path.resolve(import.meta.dirname, '../../electron/shared') },
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
  });
  const script = bundle.outputFiles[0]?.text ?? '';
  await page.route('https://boundary.test/**', (route) =>
    route.fulfill({
      contentType: 'text/html; charset=utf-8',
      body: `<!doctype html><html lang="ja"><head><title>FieldGuard</title></head><body><div id="root"></div><script>${script.replaceAll('</script', '<\\/script')}</script></body></html>`,
    }),
  );
  await page.goto('https://boundary.test/');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('この画面を表示できませんでした');
  await expect(alert).toContainText('保管庫のデータはそのままです');
  await expect(page.locator('body')).not.toContainText('山田花子');
  await checkAndCapture(page, 'render-failed', 'ja');
  await page.goto('https://boundary.test/#en');
  await page.reload();
  await expect(page.getByRole('alert')).toContainText('This screen could not be shown');
  await checkAndCapture(page, 'render-failed', 'en');
  await page.goto('https://boundary.test/');
  await page.reload();

  const reloaded = page.waitForEvent('load');
  await page.getByRole('button', { name: '再読み込み' }).press('Enter');
  await reloaded;
  await expect(page.getByRole('alert')).toContainText('この画面を表示できませんでした');
});
