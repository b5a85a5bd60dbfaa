/**
 * The engineer's own documents as the Certificates screen lists and saves them (issue 19): each
 * with the site and the visit it was for, read from what the certificate itself signed (a
 * document that names no site says none rather than a guess), and each save answering with the
 * file's name and a token that 「フォルダーを開く」 sends back — only a token handed out by a save
 * opens the file manager, and only at the file saved.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestCore, type TestCore } from '../support/test-core';

let core: TestCore;
let erasureNumber: string;
let ledgerNumber: string;
let ledgerFile: string;

beforeAll(async () => {
  core = await createTestCore();
  core.dialogs.confirm = 'yes';
  await core.createVault();
  const folder = `${core.dataDir}-visit/画像`;
  await mkdir(folder, { recursive: true });
  await writeFile(path.join(folder, 'report.txt'), '検査報告\n');
  core.dialogs.importSources = [folder];
  await core.handlers['erasure.addTargets']({ pick: 'folder' });
  const site = { hospital: '東都病院', department: '放射線科', administrator: '佐藤 一郎', reference: 'WO-2026-1126' };
  const summary = await core.handlers['erasure.start']({ jobId: crypto.randomUUID(), method: 'random-verify', site, confirmation: '1' });
  expect(summary).toMatchObject({ state: 'completed', filesErased: 1 });
  erasureNumber = (await core.handlers['erasure.issueCertificate']({ erasureJobId: summary.erasureJobId, countersignature: null })).number;

  // The ledger report names no site and no visit.
  ledgerFile = path.join(`${core.dataDir}-out`, '台帳.pdf');
  await mkdir(path.dirname(ledgerFile), { recursive: true });
  core.dialogs.saveFile = ledgerFile;
  const ledger = await core.handlers['ledger.exportReport']({});
  ledgerNumber = ledger.number!;
}, 120_000);
afterAll(async () => {
  await core.cleanup();
});

describe('the list of issued documents', () => {
  it('gives each the site and the visit its signed facts name, and none to a document that names none', async () => {
    const { certificates } = await core.handlers['certificates.list']({});
    const erasure = certificates.find((c) => c.number === erasureNumber);
    const ledger = certificates.find((c) => c.number === ledgerNumber);
    expect(erasure).toMatchObject({ kind: 'erasure', site: '東都病院 放射線科', visitReference: 'WO-2026-1126' });
    expect(ledger).toMatchObject({ kind: 'ledger', site: null, visitReference: null });
  });
});

describe('copying a value a table shows', () => {
  it('is done by the main process, since the screens may not touch the clipboard', async () => {
    expect(await core.handlers['app.copyText']({ text: 'C:\\作業\\東都病院\\report.pdf' })).toEqual({ copied: true });
    expect(core.clipboard.text).toBe('C:\\作業\\東都病院\\report.pdf');
  });
});

describe('saving a PDF and opening its folder', () => {
  it('answers a save with the file’s name and a token that opens the file manager at that file only', async () => {
    const { certificates } = await core.handlers['certificates.list']({});
    const erasure = certificates.find((c) => c.number === erasureNumber)!;
    const target = path.join(`${core.dataDir}-out`, `${erasureNumber}.pdf`);
    core.dialogs.saveFile = target;
    const saved = await core.handlers['certificates.export']({ id: erasure.id });
    expect(saved).toMatchObject({ saved: true, file: { fileName: `${erasureNumber}.pdf` } });
    expect((await readFile(target)).subarray(0, 5).toString()).toBe('%PDF-');

    expect(await core.handlers['app.showSavedFile']({ token: saved.file!.token })).toEqual({ shown: true });
    expect(core.dialogs.shownInFolder).toEqual([target]);
    // A token nobody handed out opens nothing.
    expect(await core.handlers['app.showSavedFile']({ token: crypto.randomUUID() })).toEqual({ shown: false });
    expect(core.dialogs.shownInFolder).toEqual([target]);
  });

  it('answers the ledger report’s save the same way, and a cancelled save with no file', async () => {
    core.dialogs.saveFile = null;
    const { certificates } = await core.handlers['certificates.list']({});
    expect(await core.handlers['certificates.export']({ id: certificates[0]!.id })).toEqual({ saved: false, file: null });
    core.dialogs.saveFile = ledgerFile;
    const again = await core.handlers['ledger.exportReport']({});
    expect(again.file?.fileName).toBe('台帳.pdf');
    expect(await core.handlers['app.showSavedFile']({ token: again.file!.token })).toEqual({ shown: true });
    expect(core.dialogs.shownInFolder.at(-1)).toBe(ledgerFile);
  });
});
