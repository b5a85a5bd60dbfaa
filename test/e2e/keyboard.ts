/**
 * Moving through a screen as someone without a mouse does (issue 19's keyboard journeys): one
 * helper for every spec, so that "reachable with the Tab key" means the same everywhere.
 */
import type { Locator, Page } from '@playwright/test';

/** Presses Tab (or Shift+Tab) until one of `target`'s elements has focus, as a keyboard user would; fails if none is reached. */
export async function tabTo(page: Page, target: Locator, key: 'Tab' | 'Shift+Tab' = 'Tab', limit = 80): Promise<void> {
  for (let presses = 0; presses < limit; presses += 1) {
    if (await target.evaluateAll((elements) => elements.some((element) => element === document.activeElement))) return;
    await page.keyboard.press(key);
  }
  throw new Error(`${String(target)} not reached with ${key} within ${limit} presses`);
}
