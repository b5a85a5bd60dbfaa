/**
 * The company archive's sync on a real store with Object Lock (issue 20), as an engineer lives
 * it: documents issued offline are queued; a sync while a visit is open is refused; a sync sends
 * each PDF and evidence JSON under its key with COMPLIANCE retention and records the version
 * ids; a sync interrupted half-way resumes without sending anything twice (one version per
 * key); a document edited in the vault is never sent — also when the checks run in verifier
 * worker threads, as the app runs them, each document going only after its own check; and a data folder put back from an older
 * copy is caught by the anchor already in the archive and recorded as an incident.
 */
import { createHash } from 'node:crypto';
import { copyFile } from 'node:fs/promises';
import path from 'node:path';
import { ListObjectVersionsCommand, type S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentKey } from '../../electron/core/archive/archive-keys';
import { archiveState } from '../../electron/core/archive/archive-queue';
import { saveArchiveSettings } from '../../electron/core/archive/archive-settings';
import { syncArchive, syncArchiveInWorkers, type ArchiveSyncProgress, type VerifyDocument } from '../../electron/core/archive/sync-archive';
import { verifyWorkerFromSource } from '../../electron/core/certificates/verify-in-worker';
import { openVerifierPool } from '../../electron/core/certificates/verify-pool';
import { issueVaultCertificate } from '../../electron/core/certificates/issue-vault-certificate';
import { closeRun } from '../../electron/core/visits/run-store';
import type { VaultSession } from '../../electron/core/vault/vault-session';
import { createS3ArchiveStore } from '../../electron/platform/archive/s3-archive-store';
import { cephMissing, type CephS3 } from '../support/ceph-s3';
import { errorCodeOf } from '../support/error-code';
import { openVisitAtNewSite } from '../support/visit-walker';
import { closeArchiveOnCeph, openArchiveOnCeph, type ArchiveOnCeph } from '../support/archive-on-ceph';
import { TEST_PASSWORD, type TestCore } from '../support/test-core';
import { sampleErasureDocument, sampleErasureFacts } from '../fixtures/certificates/sample-erasure';

const BUCKET = 'toto-evidence';
const FOLDER = 'fieldguard/toto-medical/E-20417';

async function issue(session: VaultSession, now = new Date()): Promise<string> {
  const issued = await issueVaultCertificate(
    session,
    'erasure',
    (number) => ({ document: sampleErasureDocument(number, now.toISOString(), { countersign: false }), facts: sampleErasureFacts() }),
    now,
  );
  return issued.number;
}

async function versionsUnder(client: S3Client, prefix: string): Promise<Array<{ key: string; versionId: string }>> {
  const listed = await client.send(new ListObjectVersionsCommand({ Bucket: BUCKET, Prefix: prefix }));
  return (listed.Versions ?? []).map((v) => ({ key: v.Key ?? '', versionId: v.VersionId ?? '' }));
}

describe.skipIf(cephMissing !== null)(cephMissing ?? 'archive sync on Ceph with Object Lock', () => {
  let s3: CephS3;
  let admin: S3Client;
  let store: ReturnType<typeof createS3ArchiveStore>;
  let core: TestCore;
  let work: string;
  const session = () => core.vault.session();
  const sync = (onProgress?: (p: ArchiveSyncProgress) => void, signal?: AbortSignal) =>
    syncArchive(session(), store, { now: () => new Date(), ...(signal ? { signal } : {}), ...(onProgress ? { onProgress } : {}) });

  let archive: ArchiveOnCeph | undefined;
  beforeAll(async () => {
    archive = await openArchiveOnCeph('archive-sync', BUCKET);
    ({ work, s3, admin, core } = archive);
    store = createS3ArchiveStore({ ...s3, bucket: BUCKET });
    saveArchiveSettings(session(), archive.settings, new Date());
  }, 180_000);
  afterAll(async () => {
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- unset when the setup failed
    store?.destroy();
    await closeArchiveOnCeph(archive);
  });

  it(
    'queues what is issued offline, refuses to sync during a visit, then sends each document with retention',
    { timeout: 120_000 },
    async () => {
      const numbers = [await issue(session()), await issue(session())];
      expect(archiveState(session().db)).toMatchObject({ configured: true, waiting: 2, archived: 0, lastSyncAt: null });

      // Any procedure open at a site (here one that needs no system) means the laptop may be on the site's network.
      const visit = openVisitAtNewSite(session());
      expect(await errorCodeOf(() => sync())).toBe('ARCHIVE_VISIT_IN_PROGRESS');
      expect(await versionsUnder(admin, FOLDER)).toEqual([]);
      closeRun(session().db, visit.id, { status: 'abandoned', at: new Date(), abandonReason: 'test' });

      const progress: ArchiveSyncProgress[] = [];
      const result = await sync((p) => progress.push(p));
      expect(result).toMatchObject({ archived: 2, alreadyThere: 0, refused: [], failed: [] });
      expect(progress.at(-1)).toEqual({ done: 2, total: 2 });

      for (const number of numbers) {
        const record = session()
          .db.prepare(
            'SELECT pdf_key AS pdfKey, pdf_version_id AS pdfVersion, json_key AS jsonKey, state FROM archive_records WHERE number = ?',
          )
          .get(number) as Record<string, string>;
        expect(record.state).toBe('archived');
        expect(record.pdfKey).toMatch(new RegExp(`^${FOLDER}/erasure/\\d{4}/\\d{2}/${number}\\.pdf$`));
        const head = await store.headObject(record.pdfKey!);
        expect(head?.versionId).toBe(record.pdfVersion);
        expect(head?.retention?.mode).toBe('COMPLIANCE');
        // Five years from now, give or take a day.
        expect(Date.parse(head!.retention!.retainUntil) - Date.now()).toBeGreaterThan(1826 * 86_400_000);
        const stored = session().db.prepare('SELECT pdf FROM certificates WHERE number = ?').get(number) as { pdf: Buffer };
        expect(await store.getObject(record.pdfKey!)).toEqual(stored.pdf);
        expect((await store.headObject(record.jsonKey!))?.sha256).toMatch(/^[0-9a-f]{64}$/);
      }
      expect((await store.listObjects(`${FOLDER}/anchors/`)).length).toBe(1);
      expect(archiveState(session().db)).toMatchObject({ waiting: 0, archived: 2 });
    },
  );

  it('an interrupted sync resumes without sending anything twice', { timeout: 180_000 }, async () => {
    for (let i = 0; i < 8; i += 1) await issue(session());
    // Cancelled once the first document is archived (the others in flight are cancelled with it or finish); then the
    // PDF of one still waiting is sent as if the app died before recording it.
    const controller = new AbortController();
    const cancelled = await errorCodeOf(() => sync((p) => p.done === 1 && controller.abort(), controller.signal));
    expect(cancelled).toBe('JOB_CANCELLED');
    const afterCancel = archiveState(session().db);
    // Two from the test before; at most the four in flight when it was cancelled were added.
    expect(afterCancel.archived).toBeGreaterThanOrEqual(3);
    expect(afterCancel.archived).toBeLessThanOrEqual(6);
    expect(afterCancel.waiting).toBe(10 - afterCancel.archived);
    // A request cancelled in flight may still have reached the store: the one chosen has nothing there yet.
    const waiting = session()
      .db.prepare(
        "SELECT c.number, c.kind, c.issued_at AS issuedAt, c.pdf FROM archive_records r JOIN certificates c ON c.id = r.certificate_id WHERE r.state = 'queued' ORDER BY r.queued_at, c.number",
      )
      .all() as Array<{ number: string; kind: 'erasure'; issuedAt: string; pdf: Buffer }>;
    let next: (typeof waiting)[number] | undefined;
    for (const candidate of waiting) if (!next && !(await store.headObject(documentKey(FOLDER, candidate, 'pdf')))) next = candidate;
    if (!next) throw new Error('every waiting document already has its PDF in the store');
    await store.putObject({
      key: documentKey(FOLDER, next, 'pdf'),
      body: next.pdf,
      contentType: 'application/pdf',
      sha256: createHash('sha256').update(next.pdf).digest('hex'),
      retention: { mode: 'COMPLIANCE', retainUntil: new Date(Date.now() + 86_400_000) },
    });

    const resumed = await sync();
    expect(resumed).toMatchObject({ archived: afterCancel.waiting, refused: [], failed: [] });
    const versions = (await versionsUnder(admin, FOLDER)).filter((v) => !v.key.includes('/anchors/'));
    // Ten documents, a PDF and a JSON each, one version apiece.
    expect(versions.length).toBe(20);
    expect(new Set(versions.map((v) => v.key)).size).toBe(20);
    expect(archiveState(session().db)).toMatchObject({ waiting: 0, archived: 10 });
  });

  it('a document edited in the vault is never sent, and is reported; those around it are sent', { timeout: 120_000 }, async () => {
    // Checked ahead of the uploads: the one between two good documents must still be the one held back.
    const neighbours = [await issue(session())];
    const number = await issue(session());
    neighbours.push(await issue(session()));
    const db = session().db;
    const { pdf } = db.prepare('SELECT pdf FROM certificates WHERE number = ?').get(number) as { pdf: Buffer };
    const edited = Buffer.from(pdf);
    const at = Math.floor(edited.length / 3);
    edited[at] = (edited[at] ?? 0) ^ 0x01;
    // What someone with the database key could do: the trigger is a guard against mistakes, not the protection.
    db.exec('DROP TRIGGER certificates_immutable');
    db.prepare('UPDATE certificates SET pdf = ? WHERE number = ?').run(edited, number);

    const result = await sync();
    expect(result.refused).toEqual([number]);
    expect(result.archived).toBe(2);
    const listed = await store.listObjects(`${FOLDER}/erasure/`);
    expect(listed.filter((o) => o.key.includes(number))).toEqual([]);
    for (const sent of neighbours) expect(listed.filter((o) => o.key.includes(sent))).toHaveLength(2);
    expect(archiveState(db)).toMatchObject({ refused: 1 });
    expect(session().audit.list({ types: ['archive.document-refused'] }).entries[0]?.details).toMatchObject({ number });
  });

  /** Issues `count` documents and edits the PDF of the one at `tampered` (its number returned with all of them). */
  async function issueWithOneEdited(count: number, tampered: number): Promise<{ numbers: string[]; edited: string }> {
    const numbers: string[] = [];
    for (let i = 0; i < count; i += 1) numbers.push(await issue(session()));
    const edited = numbers[tampered] as string;
    const db = session().db;
    const { pdf } = db.prepare('SELECT pdf FROM certificates WHERE number = ?').get(edited) as { pdf: Buffer };
    const bytes = Buffer.from(pdf);
    const at = Math.floor((bytes.length * 2) / 3);
    bytes[at] = (bytes[at] ?? 0) ^ 0x20;
    db.exec('DROP TRIGGER IF EXISTS certificates_immutable');
    db.prepare('UPDATE certificates SET pdf = ? WHERE number = ?').run(bytes, edited);
    return { numbers, edited };
  }

  it(
    'checked in a verifier worker, answers coming back out of order: each document is sent only after its own check passed, the edited one never',
    { timeout: 240_000 },
    async () => {
      const { numbers, edited } = await issueWithOneEdited(10, 6);
      const events: string[] = [];
      const pool = openVerifierPool(verifyWorkerFromSource, 2);
      // Loaded before the sync, so that every check is the workers' (until then the sync's thread would do them).
      expect(await pool.ready).toBe(true);
      // The worker's answers are held back by a random time, so that later documents' checks often finish first.
      const verify: VerifyDocument = async (bytes, anchors, options) => {
        const verification = await pool.verify(bytes, anchors, options);
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 40));
        events.push(`checked ${verification.number ?? '?'} ${verification.status}`);
        return verification;
      };
      const recording: typeof store = {
        ...store,
        putObject: (input, signal) => {
          events.push(`put ${input.key}`);
          return store.putObject(input, signal);
        },
      };
      let result;
      try {
        result = await syncArchive(session(), recording, { now: () => new Date(), verify });
      } finally {
        await pool.close();
      }
      expect(result.refused).toEqual([edited]);
      expect(result.archived).toBe(numbers.length - 1);
      const puts = events.filter((e) => e.startsWith('put ') && !e.includes('/anchors/'));
      // Several in flight at once, so not necessarily in queue order: the PDF then the evidence of each, nothing of the edited one.
      for (const number of numbers.filter((n) => n !== edited))
        expect(puts.filter((e) => e.includes(number)).map((e) => e.slice(e.lastIndexOf('.')))).toEqual(['.pdf', '.json']);
      expect(puts).toHaveLength(2 * (numbers.length - 1));
      for (const number of numbers.filter((n) => n !== edited)) {
        const firstPut = events.findIndex((e) => e.startsWith('put ') && e.includes(number));
        expect(events.indexOf(`checked ${number} genuine`)).toBeGreaterThanOrEqual(0);
        expect(events.indexOf(`checked ${number} genuine`)).toBeLessThan(firstPut);
      }
      expect(events.some((e) => e.startsWith('put ') && e.includes(edited))).toBe(false);
      expect(session().audit.list({ types: ['archive.document-refused'] }).entries[0]?.details).toMatchObject({ number: edited });
    },
  );

  it(
    "with a verifier worker that cannot start, the checks run on the sync's own thread: an edited document is still refused",
    { timeout: 180_000 },
    async () => {
      const { numbers, edited } = await issueWithOneEdited(3, 1);
      const result = await syncArchiveInWorkers(
        session(),
        store,
        { now: () => new Date() },
        new URL('./no-such-worker.mjs', import.meta.url),
      );
      expect(result.refused).toEqual([edited]);
      expect(result.archived).toBe(numbers.length - 1);
      const listed = await store.listObjects(`${FOLDER}/erasure/`);
      expect(listed.filter((o) => o.key.includes(edited))).toEqual([]);
    },
  );

  it(
    'a data folder put back from an older copy is caught by the archive anchor and recorded as an incident',
    { timeout: 180_000 },
    async () => {
      const dataDir = core.dataDir;
      core.vault.lock('manual');
      await copyFile(path.join(dataDir, 'vault.db'), path.join(work, 'vault.db.older'));
      await core.vault.unlock(TEST_PASSWORD);
      await issue(session());
      await sync();
      core.vault.lock('manual');
      await copyFile(path.join(work, 'vault.db.older'), path.join(dataDir, 'vault.db'));
      await core.vault.unlock(TEST_PASSWORD);

      const anchorsBefore = (await store.listObjects(`${FOLDER}/anchors/`)).length;
      expect(await errorCodeOf(() => sync())).toBe('ARCHIVE_ROLLBACK_DETECTED');
      const state = archiveState(session().db);
      expect(state.incident).not.toBeNull();
      expect(state.incident!.archiveSeq).toBeGreaterThan(state.incident!.localSeq);
      expect(session().audit.list({ types: ['archive.rollback-detected'] }).total).toBe(1);
      // Nothing was sent and no anchor moved backwards.
      expect((await store.listObjects(`${FOLDER}/anchors/`)).length).toBe(anchorsBefore);
    },
  );
});
