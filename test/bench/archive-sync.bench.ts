/**
 * Issue 20: "archive sync of 1,000 documents" against a bare loop of the same PutObject calls
 * with the same client and the same store (target: at least 0.8 of it). Both run on a
 * single-node Ceph RADOS Gateway with Object Lock started for the run (test/support/ceph-s3.ts,
 * skipped with one line where Ceph is not installed), through one S3 client.
 *
 * - FieldGuard: syncArchiveInWorkers (as the app and the CLI run it) on a vault holding 1,000
 *   signed erasure certificates issued by an engineer enrolled with a company authority made for
 *   the run — everything a real sync does: the anchor check, each document verified again before
 *   it leaves (in a verifier worker thread, the worker bundled as the app ships it), the PDF and
 *   the evidence JSON put with SHA-256, Content-MD5 and COMPLIANCE retention, the version ids
 *   recorded, the closing signed anchor. The timed sync must archive all 1,000 or the round
 *   throws, so a wrong answer is never timed as a fast one.
 * - Reference: a plain loop putting the same 2,000 objects (the same bytes, keys of the same
 *   shape, the same retention) one after another with the same store object, nothing else.
 *
 * Object Lock forbids deleting what a round wrote, so each round (of either side) writes under
 * a prefix of its own and the queue is put back to "waiting" before each FieldGuard round. The
 * store keeps everything in RAM: 6 rounds × 2 sides × 2,000 objects need a few GiB.
 * FIELDGUARD_BENCH_ARCHIVE_DOCUMENTS sets another count, for a quick look while optimising.
 *
 * The sync sends four documents at once (sync-archive.ts); the reference is the bare loop the
 * issue names, one PUT after another. The same loop with four documents in flight is also timed
 * in every reference round, outside the ratio, and reported in the notes: it says what the sync's
 * own work (every document verified again, the records, the anchor) costs when both sides overlap
 * their requests alike.
 *
 * History, on the same 2-core machine where the Ceph daemons share the cores with the bench:
 * - one document at a time, the check then two HEADs and two PUTs: ratio 0.09 (80 documents);
 *   checks run ahead of the uploads, one listing per month folder, records committed 25 at a
 *   time: 0.28;
 * - the check made cheaper (~23 ms of CPU a document to ~12 cold, ~6–7 warm: the CMS read from
 *   asn1js's tree instead of pkijs's schemas, parsed certificates kept by their SHA-256) and run in
 *   a verifier worker: 0.43, 0.64 and 0.51 in three 1,000-document runs at load averages of 3–14;
 * - four documents in flight (2026-12-07, 1,000 documents, load below 2): 0.940 (sync 12.1–12.9 s
 *   a round, bare loop 11.2–14.3 s), then 1.136 (sync 11.6–12.6 s, bare loop 12.2–13.6 s; the loop
 *   with four in flight 6.9–7.5 s, against which the sync stands at 0.594).
 * Both cores are busy during the sync (Node, the verifier worker and the Ceph gateway), so at
 * equal concurrency the check's CPU shows; on a laptop the store is remote and the worker has an
 * idle core.
 */
import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { S3Client } from '@aws-sdk/client-s3';
import { build } from 'esbuild';
import { documentKey } from '../../electron/core/archive/archive-keys';
import { saveArchiveSettings } from '../../electron/core/archive/archive-settings';
import { syncArchiveInWorkers, UPLOADS_IN_FLIGHT } from '../../electron/core/archive/sync-archive';
import { issueVaultCertificate } from '../../electron/core/certificates/issue-vault-certificate';
import type { CertificateKind } from '../../electron/core/certificates/certificate-document';
import { createS3ArchiveStore } from '../../electron/platform/archive/s3-archive-store';
import { adminClient, cephMissing, createLockedBucket, startCephS3, type CephS3 } from '../support/ceph-s3';
import { enrollWithNewAuthority } from '../support/company-authority';
import { createTestCore, type TestCore } from '../support/test-core';
import { sampleErasureDocument, sampleErasureFacts } from '../fixtures/certificates/sample-erasure';
import { median, type Benchmark } from './benchmark';

const DOCUMENTS = Number(process.env.FIELDGUARD_BENCH_ARCHIVE_DOCUMENTS ?? 1000);
const BUCKET = 'bench-evidence';
const COMPANY = 'toto-medical';
const DAY_MS = 86_400_000;

interface Document {
  readonly number: string;
  readonly kind: CertificateKind;
  readonly issuedAt: string;
  readonly pdf: Buffer;
  readonly json: Buffer;
}

interface Context {
  readonly work: string;
  /** The verifier worker bundled as the app and the CLI ship it (not the TypeScript source, compiled on every start). */
  readonly verifyWorker: URL;
  readonly s3: CephS3;
  readonly admin: S3Client;
  readonly store: ReturnType<typeof createS3ArchiveStore>;
  readonly core: TestCore;
  readonly documents: readonly Document[];
  readonly issueSeconds: number;
  round: number;
  readonly syncSeconds: number[];
  readonly loopSeconds: number[];
  /** The same loop with as many documents in flight as the sync sends at once: reported beside the ratio, not in it. */
  readonly concurrentLoopSeconds: number[];
}

function settingsFor(s3: CephS3, prefix: string) {
  return {
    endpoint: s3.endpoint,
    region: s3.region,
    bucket: BUCKET,
    prefix,
    company: COMPANY,
    accessKeyId: s3.accessKeyId,
    secretAccessKey: s3.secretAccessKey,
  };
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** A document's PDF then its evidence JSON, as the sync puts them: the bare calls, nothing else. */
async function putDocument(context: Context, folder: string, document: Document): Promise<void> {
  const retention = { mode: 'COMPLIANCE' as const, retainUntil: new Date(Date.now() + 1827 * DAY_MS) };
  for (const [part, body, contentType] of [
    ['pdf', document.pdf, 'application/pdf'],
    ['json', document.json, 'application/json'],
  ] as const)
    await context.store.putObject({ key: documentKey(folder, document, part), body, contentType, sha256: sha256(body), retention });
}

/** verify-worker.ts bundled the way scripts/build-cli.mjs bundles it, under out/ so that its packages resolve from node_modules. */
async function bundledVerifyWorker(): Promise<URL> {
  const outdir = path.resolve(import.meta.dirname, '../../out/bench');
  await build({
    entryPoints: { 'verify-worker': path.resolve(import.meta.dirname, '../../electron/core/certificates/verify-worker.ts') },
    outdir,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    packages: 'external',
    logLevel: 'warning',
  });
  return pathToFileURL(path.join(outdir, 'verify-worker.js'));
}

const archiveSync: Benchmark<Context> = {
  name: `archive sync of ${DOCUMENTS.toLocaleString('en-US')} documents (Ceph RGW, Object Lock)`,
  unit: 'documents/s',
  higherIsBetter: true,
  target: 0.8,
  referenceName: 'bare loop of the same PutObject calls, same client and store',
  rounds: 3,
  async setup() {
    const work = await mkdtemp(path.join(os.tmpdir(), 'fieldguard-bench-archive-'));
    const verifyWorker = await bundledVerifyWorker();
    const s3 = await startCephS3({ memstoreBytes: 8 * 1024 ** 3 });
    const admin = adminClient(s3);
    await createLockedBucket(admin, BUCKET);
    const store = createS3ArchiveStore({ ...s3, bucket: BUCKET });
    const core = await createTestCore();
    await core.createVault({ passwordOnly: true });
    const session = core.vault.session();
    await enrollWithNewAuthority(session, path.join(work, 'authority'), new Date());
    saveArchiveSettings(session, settingsFor(s3, 'setup'), new Date());
    const start = performance.now();
    for (let i = 0; i < DOCUMENTS; i += 1) {
      const now = new Date();
      await issueVaultCertificate(
        session,
        'erasure',
        (number) => ({ document: sampleErasureDocument(number, now.toISOString(), { countersign: false }), facts: sampleErasureFacts() }),
        now,
      );
    }
    const issueSeconds = (performance.now() - start) / 1000;
    const documents = (
      session.db
        .prepare('SELECT number, kind, issued_at AS issuedAt, pdf, evidence_json AS json FROM certificates ORDER BY number')
        .all() as Array<{
        number: string;
        kind: CertificateKind;
        issuedAt: string;
        pdf: Buffer;
        json: string;
      }>
    ).map((d) => ({ ...d, json: Buffer.from(d.json, 'utf8') }));
    return {
      work,
      verifyWorker,
      s3,
      admin,
      store,
      core,
      documents,
      issueSeconds,
      round: 0,
      syncSeconds: [],
      loopSeconds: [],
      concurrentLoopSeconds: [],
    };
  },
  async subject(context) {
    const session = context.core.vault.session();
    context.round += 1;
    saveArchiveSettings(session, settingsFor(context.s3, `sync-${context.round}`), new Date());
    session.db.exec("UPDATE archive_records SET state = 'queued', attempts = 0, last_error = NULL");
    const start = performance.now();
    const result = await syncArchiveInWorkers(session, context.store, { now: () => new Date() }, context.verifyWorker);
    const seconds = (performance.now() - start) / 1000;
    if (result.archived !== DOCUMENTS || result.alreadyThere !== 0 || result.refused.length > 0 || result.failed.length > 0)
      throw new Error(`the sync archived ${result.archived} of ${DOCUMENTS} (${JSON.stringify(result.failed.slice(0, 3))})`);
    context.syncSeconds.push(seconds);
    return DOCUMENTS / seconds;
  },
  async reference(context) {
    context.round += 1;
    const folder = `loop-${context.round}/${COMPANY}/E-20417`;
    const start = performance.now();
    for (const document of context.documents) await putDocument(context, folder, document);
    const seconds = (performance.now() - start) / 1000;
    context.loopSeconds.push(seconds);
    // Not timed into the ratio: the same objects with the sync's own concurrency, so that the report also says what the
    // sync's work costs against a loop that overlaps its requests the same way.
    const concurrentFolder = `loop-${context.round}-concurrent/${COMPANY}/E-20417`;
    const concurrentStart = performance.now();
    let next = 0;
    const lane = async () => {
      while (next < context.documents.length) {
        const document = context.documents[next] as Document;
        next += 1;
        await putDocument(context, concurrentFolder, document);
      }
    };
    await Promise.all(Array.from({ length: UPLOADS_IN_FLIGHT }, lane));
    context.concurrentLoopSeconds.push((performance.now() - concurrentStart) / 1000);
    return DOCUMENTS / seconds;
  },
  notes: ({ documents, issueSeconds, syncSeconds, loopSeconds, concurrentLoopSeconds }) => {
    const kib = documents.reduce((sum, d) => sum + d.pdf.length + d.json.length, 0) / documents.length / 1024;
    const list = (values: number[]) => values.map((s) => s.toFixed(1)).join(', ');
    return (
      `${documents.length} documents of ${kib.toFixed(0)} KiB (PDF + evidence JSON) on average, issued in ${issueSeconds.toFixed(0)} s; ` +
      `seconds per round (warm-up first) — sync: ${list(syncSeconds)}; bare loop: ${list(loopSeconds)}; ` +
      `the loop with ${UPLOADS_IN_FLIGHT} documents in flight as the sync sends them: ${list(concurrentLoopSeconds)} ` +
      `(sync against it, medians of the timed rounds: ${(median(concurrentLoopSeconds.slice(1)) / median(syncSeconds.slice(1))).toFixed(3)})`
    );
  },
  async teardown({ work, s3, admin, store, core }) {
    await core.cleanup();
    store.destroy();
    admin.destroy();
    await s3.stop();
    await rm(work, { recursive: true, force: true });
  },
};

if (cephMissing) process.stdout.write(`archive sync benchmark skipped: ${cephMissing}\n`);
export default cephMissing ? [] : [archiveSync];
