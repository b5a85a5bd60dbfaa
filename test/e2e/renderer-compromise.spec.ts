/**
 * A compromised renderer in the real page (issue 17): script in the window calls
 * `window.fieldguard.invoke` as injected code would, with nobody at the main process's message
 * box. Reading a maintenance password and crypto-erasing the vault's files are refused with
 * CONFIRMATION_REFUSED, the page learns nothing else, and the box that was shown named the
 * account and counted the files.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { saveSiteWithSystem } from './site-with-system';
import { expect, invokeFromPage as call, test } from './harness';

const SECRET = 'Kq7!fg-maint-Wz93#tokyo';

/** What injected script gets back from the bridge, as it is. */
async function inject(page: import('@playwright/test').Page, channel: string, request: unknown): Promise<unknown> {
  return page.evaluate(
    ([name, body]) =>
      (window as unknown as { fieldguard: { invoke(c: unknown, r: unknown): Promise<unknown> } }).fieldguard.invoke(name, body),
    [channel, request] as const,
  );
}

test('script in the page reads no password and erases no file without the engineer’s yes', async ({ page, app }) => {
  await app.createVault();
  await app.open('/vault');
  const folder = path.join(`${app.dataDir}-visit`, 'V-2026-001');
  await mkdir(folder, { recursive: true });
  for (const name of ['検査1.dcm', '検査2.dcm']) await writeFile(path.join(folder, name), `${name}\n`);
  app.dialogs.importSources = [folder];
  const imported = await call<{ items: Array<{ id: string }> }>(page, 'vault.items.import', {
    jobId: crypto.randomUUID(),
    collection: 'V-2026-001',
    pick: 'folder',
  });
  const { system } = await saveSiteWithSystem(
    page,
    { name: 'さくら歯科クリニック', administrator: { name: '佐藤 花子' } },
    { product: 'NEOPREMIUM2', version: '2.4.1', serial: 'NP2-0042', hostName: 'SAKURA-IMG01' },
  );
  const account = await call<{ id: string }>(page, 'accounts.save', {
    systemId: system.id,
    userName: 'fg-maint',
    secret: SECRET,
    vendorDefault: false,
  });

  // From here on nobody answers the main process's box (saving the account above was asked and answered yes).
  app.dialogs.confirm = null;
  app.dialogs.confirmations.length = 0;
  const refused = { ok: false, error: { code: 'CONFIRMATION_REFUSED', messageKey: 'errors.CONFIRMATION_REFUSED' } };
  expect(await inject(page, 'accounts.reveal', { id: account.id })).toEqual(refused);
  expect(await inject(page, 'accounts.copySecret', { id: account.id })).toEqual(refused);
  expect(await inject(page, 'vault.items.erase', { itemIds: imported.items.map((item) => item.id) })).toEqual(refused);

  expect((await call<{ items: unknown[] }>(page, 'vault.items.list', {})).items).toHaveLength(2);
  const shown = app.dialogs.confirmations.map((box) => `${box.message}\n${box.detail}`);
  expect(shown).toHaveLength(3);
  expect(shown[0]).toContain('fg-maint');
  expect(shown[0]).toContain('さくら歯科クリニック');
  expect(shown[2]).toContain('2件');
  expect(shown.join('\n')).not.toContain(SECRET);
});
