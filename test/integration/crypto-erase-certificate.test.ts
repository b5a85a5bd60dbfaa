/**
 * Crypto-erase that is true (issue 14): destroying vault keys reaches every copy of the data
 * only if no copy of the data folder exists. The certificate of a crypto-erase records what
 * FieldGuard found about copies right before the keys were destroyed, states the precondition,
 * and is Purge only when every check found no copy on a local disk — a folder a backup or sync
 * tool may copy gives partial sanitization, with the tool named. Real vault, real certificate
 * PDF; only the OS tools' answers about the folder are recorded ones.
 */
import { execFile } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import type { DataFolderReport } from '../../electron/shared/data-folder';
import type { ObserveDataFolder } from '../../electron/core/app/data-folder-backups';
import { getCertificate } from '../../electron/core/certificates/certificate-store';
import { createTestCore, type TestCore } from '../support/test-core';

const exec = promisify(execFile);
let core: TestCore | null = null;
afterEach(async () => {
  await core?.cleanup();
  core = null;
});

/** Imports a visit into a fresh vault whose folder the OS tools describe as `observe` says, crypto-erases it, and issues the certificate. */
async function cryptoEraseWith(observe: ObserveDataFolder): Promise<{ page: string; dataFolder: DataFolderReport }> {
  core = await createTestCore({ observeDataFolder: observe });
  // The engineer answers the main process's confirmation box yes (renderer-compromise.test.ts covers no).
  core.dialogs.confirm = 'yes';
  await core.createVault();
  const source = `${core.dataDir}-visit`;
  await mkdir(source, { recursive: true });
  await writeFile(path.join(source, '患者一覧.csv'), '山田,1970\n');
  core.dialogs.importSources = [source];
  await core.handlers['vault.items.import']({ jobId: crypto.randomUUID(), collection: 'V-1', pick: 'folder' });
  await core.handlers['erasure.addVaultCollection']({ collection: 'V-1' });
  const site = { hospital: '東都病院', department: '', administrator: '', reference: '' };
  const summary = await core.handlers['erasure.start']({ jobId: crypto.randomUUID(), method: 'random-verify', site, confirmation: '1' });
  const issued = await core.handlers['erasure.issueCertificate']({ erasureJobId: summary.erasureJobId, countersignature: null });
  const stored = getCertificate(core.vault.session().db, issued.certificateId);
  const file = `${core.dataDir}-certificate.pdf`;
  await writeFile(file, stored?.pdf ?? Buffer.alloc(0));
  const { stdout } = await exec('pdftotext', ['-layout', file, '-']);
  const facts = (JSON.parse(stored?.evidenceJson ?? '{}') as { payload: { facts: { dataFolder: DataFolderReport } } }).payload.facts;
  return { page: stdout, dataFolder: facts.dataFolder };
}

const finding = (tool: 'time-machine' | 'onedrive', state: 'excluded' | 'may-copy') => ({
  tool,
  state,
  detail: { ja: '記録された応答', en: 'recorded answer' },
});

describe('the certificate of a crypto-erase of vault data', () => {
  it('is partial sanitization when a sync tool may copy the data folder, names the tool and states the precondition', async () => {
    const { page, dataFolder } = await cryptoEraseWith(async () => ({ local: true, findings: [finding('onedrive', 'may-copy')] }));
    expect(dataFolder.backups).toEqual(expect.arrayContaining([expect.objectContaining({ tool: 'onedrive', state: 'may-copy' })]));
    expect(page).toContain('部分的なサニタイズ');
    expect(page).not.toMatch(/Purge（/);
    expect(page).toContain('この暗号消去は、データフォルダーの複製');
    expect(page).toContain('OneDrive');
    expect(page).not.toContain('wherever fragments');
  });

  it('is Purge when every check found no copy on a local disk, the precondition still stated', async () => {
    const { page, dataFolder } = await cryptoEraseWith(async () => ({ local: true, findings: [finding('time-machine', 'excluded')] }));
    expect(dataFolder.local).toBe(true);
    // Nothing else on this machine may copy it (no roaming profile, no sync folder): only then Purge.
    if (dataFolder.backups.every((b) => b.state === 'excluded')) expect(page).toMatch(/Purge/);
    else expect(page).toContain('部分的なサニタイズ');
    expect(page).toContain('この暗号消去は、データフォルダーの複製');
  });

  it('is partial when whether the disk is local could not be told', async () => {
    const { page } = await cryptoEraseWith(async () => ({ local: null, findings: [] }));
    expect(page).toContain('部分的なサニタイズ');
  });
});
