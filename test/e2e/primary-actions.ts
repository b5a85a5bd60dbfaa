/**
 * Each screen's primary action — what the engineer came to the screen to do — in one place,
 * by the screenshot name the specs pass to inspectScreen/inspectWholeScreen/inspectDialog.
 * The harness checks that it is wholly inside the first viewport of a 1366×768 laptop, in
 * both languages, while it takes that size's screenshot (screens.ts), so the check costs no
 * extra navigation. Names come from the i18n files by key, so one entry serves ja and en.
 * For a visit run, "primary" is the current step: its line in the step list and its heading.
 *
 * A screen without an entry only gets the 1366×768 screenshot; add its entry when its
 * primary action is settled.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';

type Language = 'ja' | 'en';
const I18N_DIR = path.resolve(import.meta.dirname, '../../renderer/src/i18n');
const files = new Map<string, unknown>();
const readJson = (file: string): unknown => {
  if (!files.has(file)) files.set(file, JSON.parse(readFileSync(file, 'utf8')));
  return files.get(file);
};

/**
 * A text of a UI language by its dotted key, read from the renderer's resource files (Node
 * cannot import them as modules here): `visits.list.start` from visits.<lang>.json when that
 * namespace has its own file, else from <lang>.json. Action names have no interpolation.
 */
function text(language: Language, key: string): string {
  const [namespace = '', ...rest] = key.split('.');
  const own = path.join(I18N_DIR, `${namespace}.${language}.json`);
  let node = existsSync(own) ? readJson(own) : readJson(path.join(I18N_DIR, `${language}.json`));
  for (const part of existsSync(own) ? rest : key.split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
  if (typeof node !== 'string') throw new Error(`primary-actions: no text ${language}:${key}`);
  return node;
}

type Entry = (page: Page, language: Language) => Locator[];

/**
 * The button named by `key`, optionally inside the open (alert)dialog — a modal's own button,
 * not one behind it. Both names are read at once, so a misspelt key fails every spec at load.
 */
const button = (key: string, within: 'page' | 'dialog' | 'alertdialog' = 'page'): Entry => {
  const names = { ja: text('ja', key), en: text('en', key) };
  return (page, language) => [
    (within === 'page' ? page.locator('body') : page.getByRole(within)).getByRole('button', { name: names[language], exact: true }).first(),
  ];
};

/** The shared save action (components/SavePdf.tsx): its button's name also carries the document's number. */
const savePdfAction: Entry = (page) => [page.getByTestId('save-pdf').getByRole('button').first()];

/** The visit run's current step: its line in the list and its opened panel's heading. */
const currentStep: Entry = (page) => [
  page.getByTestId('visit-steps').locator('li[aria-current="step"]'),
  page.getByTestId('visit-step-panel').getByRole('heading', { level: 2 }),
];

export const PRIMARY_ACTIONS: Readonly<Record<string, Entry>> = {
  // Visits
  'visits-list': button('visits.list.start'),
  'visits-start': button('visits.start.submit'),
  'visits-run-start': currentStep,
  'visits-run-in-progress': currentStep,
  'visits-run-completed': savePdfAction,
  'visits-override-dialog': button('visits.override.confirm', 'alertdialog'),
  // Vault
  'vault-setup-profile': button('vault.setup.next'),
  'vault-setup-password': button('vault.setup.next'),
  'vault-setup-recovery': button('vault.setup.save'),
  'vault-setup-confirm': button('vault.setup.finish'),
  'vault-unlock': button('vault.unlock.submit'),
  'vault-unlock-failed': button('vault.unlock.submit'),
  'vault-recover': button('vault.recover.submit'),
  'vault-files': button('vaultFiles.toolbar.export'),
  // Others
  'self-check-empty': button('selfCheck.run.button'),
  'system-error': button('common.retry'),
  audit: button('audit.toolbar.verify'),
  'sites-list': button('sites.list.add'),
  'settings-rotate-dialog': button('settings.rotate.dialog.next', 'alertdialog'),
  'sites-account-dialog': button('sites.accountForm.save', 'dialog'),
  'sites-review': button('sites.review.record'),
  'sanitize-empty': button('sanitize.start'),
  'sanitize-ready': button('sanitize.start'),
  'ledger-inventory': button('ledger.inventory.complete'),
};

export function primaryActionsOf(page: Page, name: string, language: Language): Locator[] {
  return PRIMARY_ACTIONS[name]?.(page, language) ?? [];
}
