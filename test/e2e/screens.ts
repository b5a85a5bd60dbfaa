/**
 * What every screen the harness visits must pass: axe-core finds no serious or critical
 * violation, in Japanese and in English, and a screenshot of each language is saved under
 * test-results/screens/ for a reviewer to look at.
 */
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Locator, type Page } from '@playwright/test';

export const SCREENS_DIR = path.resolve(import.meta.dirname, '../../test-results/screens');

export async function switchLanguage(page: Page, language: 'ja' | 'en'): Promise<void> {
  await page.getByRole('combobox', { name: /表示言語|Language/ }).selectOption(language);
  await expect(page.locator('html')).toHaveAttribute('lang', language);
}

export async function inspectScreen(page: Page, name: string): Promise<void> {
  const original = (await page.locator('html').getAttribute('lang')) === 'en' ? 'en' : 'ja';
  for (const language of ['ja', 'en'] as const) {
    await switchLanguage(page, language);
    await page.waitForLoadState('networkidle');
    await checkAndCapture(page, name, language);
  }
  await switchLanguage(page, original);
}

export async function checkAndCapture(page: Page, name: string, language: 'ja' | 'en'): Promise<void> {
  // A dialog fading in is half transparent: its contrast is only judged once every finite
  // transition has ended (a spinner's endless animation is not waited for).
  await page.waitForFunction(() =>
    document
      .getAnimations()
      .every((animation) => animation.playState !== 'running' || animation.effect?.getTiming().iterations === Infinity),
  );
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    // Fluent UI's focus manager (Tabster) puts aria-hidden focus sentinels around the
    // navigation; they hand focus on at once and are never read (docs/decisions.md).
    .exclude('[data-tabster-dummy]')
    .analyze();
  const severe = results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  expect(severe, `axe-core violations on ${name} (${language})`).toEqual([]);
  await page.screenshot({ path: path.join(SCREENS_DIR, `${name}.${language}.png`), fullPage: true });
}

/** `inspectScreen` for a long view that scrolls inside <main>: a tall window lets the screenshot show all of it. */
export async function inspectWholeScreen(page: Page, name: string): Promise<void> {
  const size = page.viewportSize()!;
  const height = await page.locator('main').evaluate((main) => main.scrollHeight);
  await page.setViewportSize({ width: size.width, height: Math.max(size.height, height + 160) });
  await inspectScreen(page, name);
  await page.setViewportSize(size);
}

/**
 * `inspectScreen` for a modal dialog: while it is open the rest of the page is aria-hidden,
 * so the language switch cannot be reached. For each language the dialog is closed, the
 * language switched and the dialog opened again; then the same check and screenshot.
 */
export async function inspectDialog(page: Page, name: string, open: () => Promise<Locator>): Promise<void> {
  for (const language of ['ja', 'en'] as const) {
    await page.keyboard.press('Escape');
    await switchLanguage(page, language);
    await expect(await open()).toBeVisible();
    await checkAndCapture(page, name, language);
  }
  await page.keyboard.press('Escape');
  await switchLanguage(page, 'ja');
}
