/**
 * The `archive.*` channels as the Settings page and the dashboard use them (issue 20), through
 * the app's real router: settings are validated field by field; the secret access key goes into
 * the vault and never comes back in a reply, the audit log or the app's log; 「会社へ保管」 is
 * refused while a visit is in progress before any request leaves the laptop; a sync reports its
 * progress as a job, can be cancelled, and a data folder put back from an older copy shows as an
 * incident in `archive.status`. The store here is in memory: S3 itself is tested against Ceph in
 * archive-sync.test.ts and archive-store.test.ts.
 */
import { copyFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { issueVaultCertificate } from '../../electron/core/certificates/issue-vault-certificate';
import { closeRun } from '../../electron/core/visits/run-store';
import { createRouter } from '../../electron/core/ipc/router';
import type { RequestOf } from '../../electron/shared/contract';
import { errorCodeOf } from '../support/error-code';
import { invokeThroughRouter, type Invoke } from '../support/invoke';
import { memoryArchiveStore, type MemoryArchiveStore } from '../support/memory-archive-store';
import { openVisitAtNewSite } from '../support/visit-walker';
import { createTestCore, TEST_PASSWORD, type TestCore } from '../support/test-core';
import { sampleErasureDocument, sampleErasureFacts } from '../fixtures/certificates/sample-erasure';

const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const SETTINGS: RequestOf<'archive.saveSettings'> = {
  endpoint: 'https://s3.ap-northeast-1.amazonaws.com',
  region: 'ap-northeast-1',
  bucket: 'toto-evidence',
  prefix: 'fieldguard',
  company: 'toto-medical',
  retentionMode: 'COMPLIANCE',
  retentionDays: 1827,
  accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
  secretAccessKey: SECRET,
};

describe('archive channels', () => {
  let core: TestCore;
  let store: MemoryArchiveStore;
  let invoke: Invoke;
  const replies: string[] = [];
  const session = () => core.vault.session();
  const issue = async () =>
    (
      await issueVaultCertificate(
        session(),
        'erasure',
        (number) => ({
          document: sampleErasureDocument(number, new Date().toISOString(), { countersign: false }),
          facts: sampleErasureFacts(),
        }),
        new Date(),
      )
    ).number;

  beforeEach(async () => {
    store = memoryArchiveStore();
    core = await createTestCore({
      openArchiveStore: (connection) => {
        store.opened.push(connection);
        return store;
      },
    });
    await core.createVault({ passwordOnly: true });
    // The engineer answers the main process's box about the destination with yes, unless a test says otherwise.
    core.dialogs.confirm = 'yes';
    replies.length = 0;
    invoke = invokeThroughRouter(core.handlers, core.log, { onReply: (_channel, reply) => replies.push(JSON.stringify(reply)) });
  });
  afterEach(async () => {
    await core.cleanup();
  });

  it('says the archive is not set until it is, and refuses a sync then in words', async () => {
    expect(await invoke('archive.status', {})).toMatchObject({ configured: false, settings: null, waiting: 0, lastSyncAt: null });
    expect(await errorCodeOf(() => invoke('archive.sync', { jobId: crypto.randomUUID() }))).toBe('ARCHIVE_NOT_CONFIGURED');
  });

  it('refuses settings with a wrong field, naming the field and not the value', async () => {
    const router = createRouter(core.handlers, core.log);
    const reply = await router.handle('archive.saveSettings', { ...SETTINGS, bucket: 'Not A Bucket', retentionDays: 0 });
    expect(reply.ok).toBe(false);
    if (reply.ok) return;
    expect(reply.error.code).toBe('IPC_INVALID_REQUEST');
    expect(reply.error.issues?.map((issue) => issue.path).sort()).toEqual(['bucket', 'retentionDays']);
    expect(JSON.stringify(reply)).not.toContain('Not A Bucket');
    // An unknown key is refused too: the contract is strict.
    expect((await router.handle('archive.saveSettings', { ...SETTINGS, secretStored: true })).ok).toBe(false);
  });

  it('sends documents to a new destination only after the main process’s own box names it', async () => {
    // A compromised renderer pointing the archive at its own server: refused without a yes.
    core.dialogs.confirm = 'no';
    expect(await errorCodeOf(() => invoke('archive.saveSettings', SETTINGS))).toBe('CONFIRMATION_REFUSED');
    expect(await invoke('archive.status', {})).toMatchObject({ configured: false });
    expect(core.dialogs.confirmations.at(-1)?.detail).toContain(SETTINGS.endpoint);

    core.dialogs.confirm = 'yes';
    await invoke('archive.saveSettings', SETTINGS);
    const asked = core.dialogs.confirmations.length;
    // The same destination with another retention: no box. Another endpoint: the box names both.
    await invoke('archive.saveSettings', { ...SETTINGS, retentionDays: 3650, secretAccessKey: undefined });
    expect(core.dialogs.confirmations).toHaveLength(asked);
    core.dialogs.confirm = 'no';
    const elsewhere = { ...SETTINGS, endpoint: 'https://attacker.example', secretAccessKey: undefined };
    expect(await errorCodeOf(() => invoke('archive.saveSettings', elsewhere))).toBe('CONFIRMATION_REFUSED');
    const box = core.dialogs.confirmations.at(-1)?.detail ?? '';
    expect(box).toContain('https://attacker.example');
    expect(box).toContain(SETTINGS.endpoint);
    expect((await invoke('archive.status', {})).settings?.endpoint).toBe(SETTINGS.endpoint);
  });

  it('keeps the secret in the vault: never in a reply, the audit log, the log or a plain file', async () => {
    expect(await errorCodeOf(() => invoke('archive.saveSettings', { ...SETTINGS, secretAccessKey: undefined }))).toBe(
      'ARCHIVE_SECRET_MISSING',
    );
    const saved = await invoke('archive.saveSettings', SETTINGS);
    expect(saved.settings).toEqual({
      endpoint: SETTINGS.endpoint,
      region: SETTINGS.region,
      bucket: SETTINGS.bucket,
      prefix: SETTINGS.prefix,
      company: SETTINGS.company,
      retentionMode: 'COMPLIANCE',
      retentionDays: 1827,
      accessKeyId: SETTINGS.accessKeyId,
      secretStored: true,
    });
    // Saved again without the secret (the form never has it): the stored one is kept and used.
    await invoke('archive.saveSettings', { ...SETTINGS, secretAccessKey: undefined, retentionDays: 3650 });
    expect((await invoke('archive.status', {})).settings).toMatchObject({ retentionDays: 3650, secretStored: true });
    await invoke('archive.sync', { jobId: crypto.randomUUID() });
    expect(store.opened.map((c) => c.secretAccessKey)).toEqual([SECRET]);
    // A new access key id without its own secret is refused rather than paired with the old secret.
    expect(
      await errorCodeOf(() => invoke('archive.saveSettings', { ...SETTINGS, accessKeyId: 'AKIANEWKEY', secretAccessKey: undefined })),
    ).toBe('ARCHIVE_SECRET_MISSING');

    expect(replies.join('\n')).not.toContain(SECRET);
    expect(JSON.stringify(session().audit.list({ types: ['archive.settings-changed'] }))).not.toContain(SECRET);
    expect(core.logLines.join('\n')).not.toContain(SECRET);
    expect(await readFile(core.logFile, 'utf8').catch(() => '')).not.toContain(SECRET);
    // The vault database is encrypted: the secret is not in its bytes.
    expect((await readFile(path.join(core.dataDir, 'vault.db'))).includes(Buffer.from(SECRET))).toBe(false);
  });

  it('refuses 「会社へ保管」 during a visit before any request leaves the laptop', async () => {
    await invoke('archive.saveSettings', SETTINGS);
    await issue();
    const visit = openVisitAtNewSite(session());
    expect((await invoke('archive.status', {})).visitInProgress).toBe(true);
    expect(await errorCodeOf(() => invoke('archive.sync', { jobId: crypto.randomUUID() }))).toBe('ARCHIVE_VISIT_IN_PROGRESS');
    expect(store.opened).toEqual([]);
    expect(store.versions.size).toBe(0);
    expect((await invoke('archive.status', {})).waiting).toBe(1);

    closeRun(session().db, visit.id, { status: 'abandoned', at: new Date(), abandonReason: 'test' });
    expect((await invoke('archive.status', {})).visitInProgress).toBe(false);
    expect(await invoke('archive.sync', { jobId: crypto.randomUUID() })).toMatchObject({ archived: 1, refused: [], failed: [] });
  });

  it('sends the queue as a job with progress; a cancelled sync takes no further document, and its resume sends nothing twice', async () => {
    await invoke('archive.saveSettings', SETTINGS);
    const numbers: string[] = [];
    for (let i = 0; i < 6; i += 1) numbers.push(await issue());
    expect(await invoke('archive.status', {})).toMatchObject({ configured: true, waiting: 6, archived: 0 });

    // Cancelled while the first document's PDF is being put: what is in flight is cancelled with it (as a request to
    // the real store is aborted), no further document is taken, and only what the store kept counts as archived.
    const cancelled = crypto.randomUUID();
    let puts = 0;
    store.beforePut = () => {
      puts += 1;
      if (puts === 1) void core.handlers['jobs.cancel']({ jobId: cancelled });
    };
    expect(await errorCodeOf(() => invoke('archive.sync', { jobId: cancelled }))).toBe('JOB_CANCELLED');
    // At most the documents already in flight (four at once) tried their PDF; none was started after the cancel.
    expect(puts).toBeLessThanOrEqual(4);
    store.beforePut = () => undefined;
    const afterCancel = await invoke('archive.status', {});
    expect(afterCancel.lastSyncAt).toBeNull();
    expect(afterCancel.archived).toBe([...store.versions.keys()].filter((key) => key.endsWith('.json')).length);
    expect(afterCancel.waiting).toBe(6 - afterCancel.archived);
    expect(afterCancel.waiting).toBeGreaterThanOrEqual(2);

    const jobId = crypto.randomUUID();
    expect(await invoke('archive.sync', { jobId })).toMatchObject({ archived: afterCancel.waiting, refused: [], failed: [] });
    const progress = core.events
      .filter(([event, payload]) => event === 'job.progress' && (payload as { jobId: string }).jobId === jobId)
      .map(([, payload]) => payload as { kind: string; filesDone: number; filesTotal: number });
    expect(progress.at(-1)).toMatchObject({ kind: 'archive', filesDone: afterCancel.waiting, filesTotal: afterCancel.waiting });
    const status = await invoke('archive.status', {});
    expect(status).toMatchObject({ waiting: 0, archived: 6, failed: [], incident: null });
    expect(status.lastSyncAt).not.toBeNull();
    // Nothing sent twice: one version of each document's PDF and evidence.
    const pdfs = [...store.versions.entries()].filter(([key]) => key.endsWith('.pdf'));
    expect(pdfs).toHaveLength(6);
    for (const [, versions] of store.versions) expect(versions).toHaveLength(1);
    for (const number of numbers) expect(pdfs.some(([key]) => key.includes(number))).toBe(true);
  });

  it('shows an incident when the archive’s anchor is ahead of a data folder put back from an older copy', async () => {
    const work = await mkdtemp(path.join(os.tmpdir(), 'fieldguard-archive-ipc-'));
    try {
      await invoke('archive.saveSettings', SETTINGS);
      core.vault.lock('manual');
      await copyFile(path.join(core.dataDir, 'vault.db'), path.join(work, 'vault.db.older'));
      await core.vault.unlock(TEST_PASSWORD);
      await issue();
      await invoke('archive.sync', { jobId: crypto.randomUUID() });
      core.vault.lock('manual');
      await copyFile(path.join(work, 'vault.db.older'), path.join(core.dataDir, 'vault.db'));
      await core.vault.unlock(TEST_PASSWORD);

      expect((await invoke('archive.status', {})).incident).toBeNull();
      expect(await errorCodeOf(() => invoke('archive.sync', { jobId: crypto.randomUUID() }))).toBe('ARCHIVE_ROLLBACK_DETECTED');
      const { incident } = await invoke('archive.status', {});
      expect(incident).not.toBeNull();
      expect(incident!.archiveSeq).toBeGreaterThan(incident!.localSeq);
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  });
});
