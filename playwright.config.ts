/**
 * End-to-end tests of the real renderer in Debian's Chromium, wired to the real IPC router
 * and services by the harness in test/e2e/harness.ts (docs/decisions.md,
 * "Testing without the Electron binary"). Playwright cannot download its own browsers here.
 */
import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './test/e2e/chromium';

export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '**/*.spec.ts',
  globalSetup: './test/e2e/global-setup.ts',
  outputDir: 'test-results/playwright',
  workers: 1,
  timeout: 60_000,
  forbidOnly: !!process.env.CI,
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e-report.json' }]],
  use: {
    launchOptions: chromiumLaunchOptions,
    locale: 'ja-JP',
    timezoneId: 'Asia/Tokyo',
    viewport: { width: 1280, height: 820 },
    trace: 'retain-on-failure',
  },
});
