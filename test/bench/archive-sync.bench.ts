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
 * Measured on 2026-12-07 on the shared 2-core machine, where the Ceph daemons run on the same
 * two cores as the bench and other sessions' work kept the load average at 3–18 throughout, so
 * the absolute rates are low and noisy.
 *
 * Earlier the same day, 80 documents: the check of each document then two HEADs and two PUTs,
 * one after the other: ratio 0.09; checks run ahead of the uploads without reading the QR back,
 * signer-chain verdicts kept, one listing per month folder instead of the HEADs, records committed
 * 25 at a time: 0.28 (0.25–0.38 over three 40-document runs).
 *
 * Then the check itself was made cheaper: ~23 ms of CPU a document before (a `--cpu-prof` of
 * verifyCertificate: pkijs matching the CMS's certificates against its schemas ~7 ms, the
 * verdict's two @peculiar/x509 parses of the signer ~2 ms, certificate names encoded again on
 * every chain link ~1.5 ms), ~12–13 ms after (the CMS read by walking asn1js's tree ~2.5 ms,
 * pdf-lib's parse of the signed revision ~5 ms, the stream caps checked before it ~2 ms, the
 * evidence's zod schema ~1 ms, the chain ~0.1 ms). At 80 documents, checks on the sending
 * thread: 27.9 documents/s against 44.5 (ratio 0.63, load 11).
 *
 * Now, `npm run bench archive-sync` at 1,000 documents, checks in a verifier worker:
 *   run 1 (06:43–07:01 UTC, load 11–14): 17.6 documents/s against 41.2, ratio 0.43; seconds per
 *   round (warm-up first) — sync 55.3, 50.4, 80.7, 56.8; bare loop 28.2, 21.7, 39.3, 24.3.
 *   run 2 (06:58–07:17 UTC, load 8–12, the first run's rounds alongside its start): 25.9
 *   documents/s against 40.5, ratio 0.64; sync 57.4, 55.0, 38.6, 36.5; bare loop 28.3, 24.7, 28.8,
 *   18.2.
 *   run 3 (07:17–07:30 UTC, load falling from 11 to 3): 37.5 documents/s against 73.9, ratio
 *   0.51; sync 30.3, 26.7, 26.6, 21.6; bare loop 13.4, 12.7, 13.5, 16.2. The loop alone already
 *   keeps about one and a half cores busy (~20 ms of CPU a document, Node and Ceph, in 13.5 ms).
 * The target is not met here, and cannot be while the machine has no idle core: a 150-document
 * run counting CPU per document (this process, and the Ceph daemons it started, from /proc;
 * load 15–18) gave, for the bare loop, 5.7–7.6 ms in Node and 11.5–15.3 ms in Ceph; for the sync
 * with checks on the sending thread, 16.4–21.5 ms in Node and 13.3–14.4 ms in Ceph. With both
 * cores saturated, documents/s follows the CPU each document costs, so ~20 ms against ~33 ms
 * bounds the ratio near 0.6 whatever overlaps what; 0.8 would need the whole check under ~5 ms.
 * The worker moves the check to another core, which on an engineer's laptop (the store remote)
 * is idle; here the Ceph gateway needs that core, and a worker's own start and JIT warm-up make
 * it no faster than the sending thread (the same run, its worker started from source: 33.5–34.2
 * ms in Node a document, ~9 of them tsx compiling the worker's modules at start; 10.0–14.6
 * documents/s against 7.4–17.0 on the sending thread and 20.7–41.6 for the loop).
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
import { syncArchiveInWorkers } from '../../electron/core/archive/sync-archive';
import { issueVaultCertificate } from '../../electron/core/certificates/issue-vault-certificate';
import type { CertificateKind } from '../../electron/core/certificates/certificate-document';
import { createS3ArchiveStore } from '../../electron/platform/archive/s3-archive-store';
import { adminClient, cephMissing, createLockedBucket, startCephS3, type CephS3 } from '../support/ceph-s3';
import { enrollWithNewAuthority } from '../support/company-authority';
import { createTestCore, type TestCore } from '../support/test-core';
import { sampleErasureDocument, sampleErasureFacts } from '../fixtures/certificates/sample-erasure';
import type { Benchmark } from './benchmark';

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
    return { work, verifyWorker, s3, admin, store, core, documents, issueSeconds, round: 0, syncSeconds: [], loopSeconds: [] };
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
    for (const document of context.documents) {
      const retention = { mode: 'COMPLIANCE' as const, retainUntil: new Date(Date.now() + 1827 * DAY_MS) };
      for (const [part, body, contentType] of [
        ['pdf', document.pdf, 'application/pdf'],
        ['json', document.json, 'application/json'],
      ] as const)
        await context.store.putObject({ key: documentKey(folder, document, part), body, contentType, sha256: sha256(body), retention });
    }
    const seconds = (performance.now() - start) / 1000;
    context.loopSeconds.push(seconds);
    return DOCUMENTS / seconds;
  },
  notes: ({ documents, issueSeconds, syncSeconds, loopSeconds }) => {
    const kib = documents.reduce((sum, d) => sum + d.pdf.length + d.json.length, 0) / documents.length / 1024;
    const list = (values: number[]) => values.map((s) => s.toFixed(1)).join(', ');
    return (
      `${documents.length} documents of ${kib.toFixed(0)} KiB (PDF + evidence JSON) on average, issued in ${issueSeconds.toFixed(0)} s; ` +
      `seconds per round (warm-up first) — sync: ${list(syncSeconds)}; bare loop: ${list(loopSeconds)}`
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
