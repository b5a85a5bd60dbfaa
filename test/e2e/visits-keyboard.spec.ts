/**
 * The visit run with the keyboard alone, on a 1366×768 laptop: an engineer without a mouse
 * (or a screen-reader user) starts a visit, closes the first steps, fills a form, and moves
 * through the step list with Tab, the arrow keys and Enter — and the current step is always in
 * view without scrolling. Only the site, system and self-check are prepared behind the screen
 * (their own specs do them on screen); every action on the visit screens is a key press.
 */
import type { Page } from '@playwright/test';
import { HEALTHY_WINDOWS, RECORDED_AT, recordedWindowsProbes } from '../support/recorded-windows-probes';
import { saveSiteWithSystem } from './site-with-system';
import { expect, invokeFromPage as call, test } from './harness';
import { tabTo } from './keyboard';
import { LAPTOP } from './screens';

/** The core's clock starts when the probes were recorded, so the recorded self-check is current. */
function clockFromRecording(): () => Date {
  let offset: number | null = null;
  return () => {
    offset ??= Date.now() - RECORDED_AT.getTime();
    return new Date(Date.now() - offset);
  };
}

test.use({ harnessPorts: { selfCheckProbes: recordedWindowsProbes(HEALTHY_WINDOWS), now: clockFromRecording() }, viewport: LAPTOP });

const stepLine = (page: Page, stepId: string) => page.getByTestId('visit-steps').locator(`> li[data-step-id="${stepId}"]`);
const pane = (page: Page, stepId: string) => page.locator(`[data-testid="visit-step-panel"][data-step-id="${stepId}"]`);
const paneHeading = (page: Page, stepId: string) => pane(page, stepId).getByRole('heading', { level: 2 });

test('a visit run with the keyboard alone: start, close a step, fill a form, move through the list', async ({ page, app }) => {
  await app.createVault();
  await app.open('/');
  await saveSiteWithSystem(
    page,
    { name: 'みなと台クリニック', department: '放射線科', administrator: { name: '佐藤 一郎', title: 'システム管理者' } },
    { product: 'NEOPREMIUM2', version: '2.4', serial: 'NP2-0417', hostName: 'IMG-SRV01' },
  );
  await call(page, 'selfCheck.run', {});

  // Start: the procedure by its radio (arrow keys), then 開始.
  await app.open('/visits?view=new');
  const form = page.getByTestId('visit-start-form');
  const maintenance = form.getByRole('radio', { name: /オンサイト保守作業/ });
  // Tab lands on the group's checked (or first) radio; the arrow keys choose within the group.
  await tabTo(page, form.getByRole('radio'));
  for (let presses = 0; presses < 8 && !(await maintenance.isChecked()); presses += 1) await page.keyboard.press('ArrowDown');
  await expect(maintenance).toBeChecked();
  await tabTo(page, form.getByRole('button', { name: '開始', exact: true }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: /^オンサイト保守作業 V-/ })).toBeFocused();

  // On arrival the current step is open on the right and in view, and its line is marked in the list.
  await expect(stepLine(page, 'readiness')).toHaveAttribute('aria-current', 'step');
  await expect(paneHeading(page, 'readiness')).toBeInViewport({ ratio: 1 });

  // 1. The automatic check: Tab to 確認する, Enter. Focus moves on to the next step, opened on the right.
  await tabTo(page, pane(page, 'readiness').getByRole('button', { name: '確認する' }));
  await page.keyboard.press('Enter');
  await expect(stepLine(page, 'readiness')).toHaveAttribute('data-status', 'done');
  await expect(paneHeading(page, 'purpose')).toBeFocused();
  await expect(paneHeading(page, 'purpose')).toBeInViewport({ ratio: 1 });
  await expect(page.getByRole('navigation', { name: '手順 1 / 14' })).toBeVisible();

  // 2. A form: typed field by field, sent with Enter on its button.
  const purpose = pane(page, 'purpose');
  await tabTo(page, purpose.getByRole('textbox', { name: '目的' }));
  await page.keyboard.type('定期点検');
  await page.keyboard.press('Tab');
  await expect(purpose.getByRole('textbox', { name: '予定作業' })).toBeFocused();
  await page.keyboard.type('ログ確認');
  await tabTo(page, purpose.getByRole('button', { name: '記録して完了' }));
  await page.keyboard.press('Enter');
  await expect(stepLine(page, 'purpose')).toHaveAttribute('data-status', 'done');
  await expect(stepLine(page, 'permission')).toHaveAttribute('aria-current', 'step');
  await expect(paneHeading(page, 'permission')).toBeFocused();

  // The list: back to the current step's line with Shift+Tab, ↑ to the closed step, Enter shows its record.
  const currentLine = stepLine(page, 'permission').getByRole('button');
  await tabTo(page, currentLine, 'Shift+Tab');
  await page.keyboard.press('ArrowUp');
  await expect(stepLine(page, 'purpose').getByRole('button')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(paneHeading(page, 'purpose')).toBeFocused();
  await expect(pane(page, 'purpose').getByTestId('visit-step-record')).toContainText('定期点検');

  // Locked steps are not in the tab order: End from the current step's line stays on it, the last available one.
  await tabTo(page, currentLine, 'Shift+Tab');
  await page.keyboard.press('End');
  await expect(currentLine).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(paneHeading(page, 'permission')).toBeFocused();
  await expect(paneHeading(page, 'permission')).toBeInViewport({ ratio: 1 });
});
