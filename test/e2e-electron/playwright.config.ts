/** The real app, driven by Playwright's `_electron` where an Electron binary exists. */
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  globalSetup: '../e2e/global-setup.ts',
  outputDir: '../../test-results/playwright-electron',
  workers: 1,
  timeout: 90_000,
  reporter: [['list'], ['json', { outputFile: '../../test-results/e2e-electron-report.json' }]],
});
