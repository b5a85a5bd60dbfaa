/**
 * What every screen the harness visits must pass: axe-core finds no serious or critical
 * violation, in Japanese and in English, and screenshots of each language are saved under
 * test-results/screens/ for a reviewer to look at — the whole screen at the harness's size,
 * and the first viewport of a 1366×768 laptop (`<name>.<lang>.1366x768.png`), where the
 * screen's primary action (test/e2e/primary-actions.ts) must be visible without scrolling.
 */
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Locator, type Page } from '@playwright/test';
import { assertListed, primaryActionsOf } from './primary-actions';

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
  assertListed(name);
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
  await checkOnLaptop(page, name, language);
}

/** The smallest common field laptop: what its first viewport shows is what the engineer sees without scrolling. */
export const LAPTOP = { width: 1366, height: 768 } as const;

/**
 * Shrinks the window to the laptop's size with the page scrolled to the top, checks that the
 * screen's primary action is wholly inside that first viewport, takes its screenshot, then
 * restores the size and the scroll position. No axe run here: the same DOM was just checked.
 */
async function checkOnLaptop(page: Page, name: string, language: 'ja' | 'en'): Promise<void> {
  const size = page.viewportSize()!;
  await page.setViewportSize(LAPTOP);
  const scrolled = await page.evaluate(() => {
    const main = document.querySelector('main');
    const before = { window: window.scrollY, main: main?.scrollTop ?? 0 };
    window.scrollTo(0, 0);
    if (main) main.scrollTop = 0;
    return before;
  });
  try {
    for (const action of primaryActionsOf(page, name, language)) {
      await expect(action, `${name} (${language}): primary action inside the first 1366×768 viewport`).toBeInViewport({ ratio: 1 });
    }
    await page.screenshot({ path: path.join(SCREENS_DIR, `${name}.${language}.1366x768.png`) });
  } finally {
    await page.setViewportSize(size);
    await page.evaluate((before) => {
      window.scrollTo(0, before.window);
      const main = document.querySelector('main');
      if (main) main.scrollTop = before.main;
    }, scrolled);
  }
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
