/**
 * Sends the archive queue to the company's write-once store (issue 20), when the engineer
 * chooses — never while a visit is in progress (the laptop may be on the hospital's network).
 *
 * 1. The archive's newest anchor for this engineer is read first: if it is ahead of this
 *    vault's audit log (or of its certificate numbers), the data folder was put back from an
 *    older copy — an incident is recorded and nothing is sent.
 * 2. Each queued document is checked again with the certificate verifier before it leaves: a
 *    document whose signature no longer verifies is never sent, it is marked refused and
 *    audited. Its PDF and evidence JSON go under their keys with the SHA-256 the store
 *    checks and the retention applied per object; the version ids are recorded.
 * 3. Resuming after an interruption sends nothing twice: the folders the queue goes to are
 *    listed once, and a key already there is asked for (HEAD) before its PUT — an object
 *    already holding the same SHA-256 is taken as sent. A key absent from the listing is put
 *    straight away: only this vault writes under its engineer's folder.
 * 4. A signed anchor (audit log head, last number of each kind, time) closes every sync.
 *
 * The check of step 2 (a few milliseconds of CPU a document) runs ahead of the uploads, so that
 * it overlaps with the network instead of adding to it — in a worker thread where the caller
 * gives one (syncArchiveInWorkers), so that it uses another core. A few documents are sent at
 * once, taken in queue order; each is still only sent once its own check has passed.
 *
 * Progress and cancel come from the caller's job (electron/core/jobs).
 */
import { createHash } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { AppError } from '../app-error';
import { certificateKinds, type CertificateKind } from '../certificates/certificate-document';
import { lastSequence, numberingEmployeeId } from '../certificates/certificate-numbering';
import { getCertificate, lastCertificateNumber, listCertificates, type StoredCertificate } from '../certificates/certificate-store';
import { engineerCertificate } from '../certificates/engineer-certificate';
import { vaultAnchors } from '../certificates/vault-trust';
import type { TrustAnchors } from '../certificates/signer-chain';
import { verifyCertificate, type CertificateVerification, type VerifyOptions } from '../certificates/verify-certificate';
import { openVerifierPool } from '../certificates/verify-pool';
import { listRunRows } from '../visits/run-store';
import { compareWithAnchor } from '../vault/rollback-anchor';
import type { VaultSession } from '../vault/vault-session';
import { anchorKey, documentKey, engineerFolder, parseCertificateNumber, type ArchivePart } from './archive-keys';
import { parseAnchor, signAnchor, type AnchorPayload } from './archive-anchor';
import { queueForArchive, waitingCertificateIds } from './archive-queue';
import { requireArchiveSettings, type ArchiveSettings } from './archive-settings';
import type { ArchiveStore } from './archive-store';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface ArchiveSyncProgress {
  readonly done: number;
  readonly total: number;
}

export interface ArchiveSyncResult {
  /** Documents now in the archive that were not before this sync (sent, or found already there after an interruption). */
  readonly archived: number;
  /** Of those, found already in the archive (an interrupted sync's work, not sent again). */
  readonly alreadyThere: number;
  /** Never sent: their signature no longer verifies. */
  readonly refused: readonly string[];
  /** Tried and failed (left queued for the next sync), with the error code. */
  readonly failed: ReadonlyArray<{ readonly number: string; readonly error: string }>;
  readonly anchorKey: string;
}

/** How a document is verified: verifyCertificate itself, or the same in a worker thread (syncArchiveInWorkers). */
export type VerifyDocument = (bytes: Buffer, anchors: TrustAnchors, options: VerifyOptions) => Promise<CertificateVerification>;

export interface SyncOptions {
  readonly now: () => Date;
  /** Where the check of step 2 runs; verifyCertificate on this thread when not given. */
  readonly verify?: VerifyDocument;
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: ArchiveSyncProgress) => void;
}

/** Errors that stop the whole sync (the store or the network), as opposed to one document's. */
const STOPPING = new Set([
  'ARCHIVE_UNREACHABLE',
  'ARCHIVE_CREDENTIALS_REJECTED',
  'ARCHIVE_ACCESS_DENIED',
  'ARCHIVE_BUCKET_NOT_FOUND',
  'ARCHIVE_NOT_VERSIONED',
  'JOB_CANCELLED',
]);

interface QueuedRow {
  readonly id: string;
  readonly number: string;
  readonly kind: CertificateKind;
  readonly issuedAt: string;
  readonly evidenceSha256: string;
  readonly evidenceJson: string;
  readonly pdf: Buffer;
}

const sha256 = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex');

/** The visits still open: the laptop may be on a hospital's network. */
export function visitInProgress(session: VaultSession): boolean {
  return listRunRows(session.db, 'in-progress').length > 0;
}

/** The last number issued of each kind, from the vault's own certificates. */
function lastNumbers(session: VaultSession): AnchorPayload['lastNumbers'] {
  const numbers: Partial<Record<CertificateKind, string>> = {};
  for (const kind of certificateKinds) {
    const number = lastCertificateNumber(session.db, kind);
    if (number) numbers[kind] = number;
  }
  return numbers;
}

/** Whether a number the archive saw is beyond what this vault's counters reached. */
function numberAhead(session: VaultSession, number: string): boolean {
  const parsed = parseCertificateNumber(number);
  if (!parsed) return false;
  return lastSequence(session.db, parsed.employee, parsed.kind, parsed.year) < parsed.sequence;
}

/** Step 1: the archive's newest anchor against this vault. Records an incident and throws when the vault is behind it. */
async function checkAgainstArchive(
  session: VaultSession,
  store: ArchiveStore,
  folder: string,
  now: Date,
  signal?: AbortSignal,
): Promise<void> {
  const anchors = (await store.listObjects(`${folder}/anchors/`, signal)).filter((o) => o.key.endsWith('.json'));
  const newest = anchors[anchors.length - 1];
  if (!newest) return;
  const anchor = parseAnchor((await store.getObject(newest.key, undefined, signal)) ?? Buffer.alloc(0));
  // Only this vault writes here; an anchor that does not parse is reported by `archive verify`, not guessed at.
  if (!anchor) return;
  const head = anchor.payload.auditHead;
  const finding = head
    ? compareWithAnchor({ auditSeq: head.seq, auditHash: head.sha256, recordedAt: anchor.payload.at }, session.audit.head(), (seq) =>
        session.audit.hashAt(seq),
      )
    : null;
  const numbersBehind = Object.values(anchor.payload.lastNumbers).some((number) => numberAhead(session, number));
  if (!finding && !numbersBehind) return;
  const localSeq = session.audit.head()?.seq ?? 0;
  session.db.transaction(() => {
    session.db
      .prepare('INSERT INTO archive_incidents (detected_at, problem, archive_seq, local_seq) VALUES (?, ?, ?, ?)')
      .run(now.toISOString(), finding?.kind ?? 'numbers', head?.seq ?? 0, localSeq);
    session.audit.append('archive.rollback-detected', session.actor(), {
      problem: finding?.kind ?? 'numbers',
      archiveSeq: head?.seq ?? 0,
      localSeq,
      anchoredAt: anchor.payload.at,
    });
  })();
  throw new AppError('ARCHIVE_ROLLBACK_DETECTED', { archiveSeq: head?.seq ?? 0, localSeq });
}

/** Documents being sent at once (each its PDF, then its evidence JSON). */
export const UPLOADS_IN_FLIGHT = 4;
/** How many documents ahead of the uploads their check may run: enough to keep every upload lane fed, little memory. */
const VERIFY_AHEAD = 2 * UPLOADS_IN_FLIGHT;
/** Archived documents recorded together (one commit), or sooner once this much time has passed. */
const RECORD_EVERY = 25;
const RECORD_WITHIN_MS = 1000;

/** Whether the document as stored still verifies, and is the document its row says. */
async function stillGenuine(row: QueuedRow, trust: TrustAnchors, verify: VerifyDocument): Promise<boolean> {
  // The QR is not read back: this vault drew it, and the whole-document signature covers the page (VerifyOptions).
  const verification = await verify(row.pdf, trust, { printedCopy: false });
  if (verification.status !== 'genuine' && verification.status !== 'issuer-unconfirmed') return false;
  return (
    verification.number === row.number &&
    verification.evidenceSha256 === row.evidenceSha256 &&
    sha256(row.evidenceJson) === row.evidenceSha256
  );
}

/** The month folders the queue goes to (`…/<kind>/<yyyy>/<mm>/`), each listed once: the keys already in the archive. */
async function keysAlreadyThere(
  store: ArchiveStore,
  folder: string,
  rows: readonly QueuedRow[],
  signal?: AbortSignal,
): Promise<Set<string>> {
  const folders = new Set(rows.map((row) => documentKey(folder, row, 'pdf').replace(/[^/]+$/, '')));
  const keys = new Set<string>();
  for (const prefix of folders) for (const listed of await store.listObjects(prefix, signal)) keys.add(listed.key);
  return keys;
}

/** One part (PDF or JSON) into the archive, unless the same bytes are already there. */
async function putPart(
  store: ArchiveStore,
  settings: ArchiveSettings,
  listed: ReadonlySet<string>,
  key: string,
  body: Buffer,
  contentType: string,
  now: Date,
  signal?: AbortSignal,
): Promise<{ versionId: string; sha256: string; alreadyThere: boolean }> {
  const digest = sha256(body);
  const existing = listed.has(key) ? await store.headObject(key, signal) : null;
  if (existing && existing.sha256 === digest && existing.versionId)
    return { versionId: existing.versionId, sha256: digest, alreadyThere: true };
  const retainUntil = new Date(now.getTime() + settings.retentionDays * DAY_MS);
  const { versionId } = await store.putObject(
    { key, body, contentType, sha256: digest, retention: { mode: settings.retentionMode, retainUntil } },
    signal,
  );
  return { versionId, sha256: digest, alreadyThere: false };
}

export async function syncArchive(session: VaultSession, store: ArchiveStore, options: SyncOptions): Promise<ArchiveSyncResult> {
  const { signal } = options;
  if (visitInProgress(session)) throw new AppError('ARCHIVE_VISIT_IN_PROGRESS');
  const settings = requireArchiveSettings(session.db);
  const profile = session.profile();
  const folder = engineerFolder(settings.prefix, settings.company, profile.employeeId);
  if (!(await store.objectLockEnabled(signal))) throw new AppError('ARCHIVE_OBJECT_LOCK_DISABLED');
  await checkAgainstArchive(session, store, folder, options.now(), signal);

  // A document stored but not queued (the app stopped between the two) is queued now.
  // One transaction: a commit each would wait for the disk once per document in the vault.
  session.db.transaction(() => {
    for (const stored of listCertificates(session.db)) queueForArchive(session.db, stored, new Date(stored.storedAt));
  })();
  const queued = waitingCertificateIds(session.db)
    .map((id) => getCertificate(session.db, id))
    .filter((row): row is StoredCertificate => row !== null);
  const trust = vaultAnchors(session);
  const verify = options.verify ?? verifyCertificate;
  const refused: string[] = [];
  const failed: Array<{ number: string; error: string }> = [];
  let archived = 0;
  let alreadyThere = 0;
  options.onProgress?.({ done: 0, total: queued.length });
  const listed = queued.length > 0 ? await keysAlreadyThere(store, folder, queued, signal) : new Set<string>();

  // Checks started ahead of the uploads (at most VERIFY_AHEAD beyond the one being sent); each is awaited before its document goes.
  const checks: Array<Promise<boolean>> = [];
  const checkAhead = (upTo: number) => {
    for (let next = checks.length; next < Math.min(upTo, queued.length); next += 1) {
      const check = stillGenuine(queued[next] as QueuedRow, trust, verify);
      // A check left behind by a cancelled or stopped sync must not surface as an unhandled rejection.
      check.catch(() => undefined);
      checks.push(check);
    }
  };

  // Version ids are recorded a few documents at a time, in one transaction: a commit waits for the disk, and the
  // uploads need not wait for it. Whatever a crash leaves unrecorded is found in the archive by the next sync (step 3).
  const recordArchived = session.db.prepare(
    `UPDATE archive_records SET state = 'archived', pdf_key = ?, pdf_sha256 = ?, pdf_version_id = ?, json_key = ?, json_sha256 = ?, json_version_id = ?,
       attempts = attempts + 1, last_error = NULL, archived_at = ? WHERE certificate_id = ?`,
  );
  const unrecorded: Array<Parameters<typeof recordArchived.run>> = [];
  let recordedAt = Date.now();
  const record = () => {
    if (unrecorded.length === 0) return;
    session.db.transaction(() => {
      for (const values of unrecorded) recordArchived.run(...values);
    })();
    unrecorded.length = 0;
    recordedAt = Date.now();
  };

  /** Step 2 for one document: its check, then its two parts. Throws only what stops the whole sync. */
  const send = async (index: number, row: QueuedRow): Promise<void> => {
    if (!(await (checks[index] ?? stillGenuine(row, trust, verify)))) {
      session.db.transaction(() => {
        session.db
          .prepare("UPDATE archive_records SET state = 'refused', last_error = 'CERT_NOT_GENUINE' WHERE certificate_id = ?")
          .run(row.id);
        session.audit.append('archive.document-refused', session.actor(), { certificateId: row.id, number: row.number });
      })();
      refused.push(row.number);
      return;
    }
    const now = options.now();
    const keyOf = (part: ArchivePart) => documentKey(folder, row, part);
    try {
      const pdf = await putPart(store, settings, listed, keyOf('pdf'), row.pdf, 'application/pdf', now, signal);
      const json = await putPart(
        store,
        settings,
        listed,
        keyOf('json'),
        Buffer.from(row.evidenceJson, 'utf8'),
        'application/json',
        now,
        signal,
      );
      unrecorded.push([keyOf('pdf'), pdf.sha256, pdf.versionId, keyOf('json'), json.sha256, json.versionId, now.toISOString(), row.id]);
      if (unrecorded.length >= RECORD_EVERY || Date.now() - recordedAt >= RECORD_WITHIN_MS) record();
      archived += 1;
      if (pdf.alreadyThere && json.alreadyThere) alreadyThere += 1;
    } catch (error) {
      const code = error instanceof AppError ? error.code : 'ARCHIVE_STORE_ERROR';
      if (code !== 'JOB_CANCELLED') {
        session.db
          .prepare("UPDATE archive_records SET state = 'failed', attempts = attempts + 1, last_error = ? WHERE certificate_id = ?")
          .run(code, row.id);
        failed.push({ number: row.number, error: code });
      }
      if (STOPPING.has(code)) throw error;
    }
  };

  // A few documents are in flight at once, taken in queue order: a store far away answers each request after a
  // round trip, and one at a time would leave the line idle for most of it. The first error that stops the sync
  // stops every lane from taking another document; those already in flight finish (or are cancelled with it).
  let next = 0;
  let done = 0;
  // What stopped the lanes, in the order it happened: the first is what the sync throws.
  const stops: unknown[] = [];
  const lane = async () => {
    while (stops.length === 0 && next < queued.length) {
      const index = next;
      next += 1;
      if (signal?.aborted) {
        stops.push(new AppError('JOB_CANCELLED'));
        return;
      }
      checkAhead(index + 1 + VERIFY_AHEAD);
      try {
        await send(index, queued[index] as QueuedRow);
      } catch (error) {
        stops.push(error);
        return;
      }
      done += 1;
      options.onProgress?.({ done, total: queued.length });
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.min(UPLOADS_IN_FLIGHT, queued.length) }, lane));
  } finally {
    // Cancelled, stopped or done: what was sent is recorded before anything else happens.
    record();
  }
  if (stops.length > 0) throw stops[0];

  const key = await storeAnchor(session, store, settings, folder, options.now(), signal);
  session.audit.append('archive.synced', session.actor(), {
    archived,
    alreadyThere,
    refused: refused.length,
    failed: failed.length,
    anchorKey: key,
  });
  return { archived, alreadyThere, refused, failed, anchorKey: key };
}

/** Worker threads for the checks: the cores beside the one sending, at most two (the uploads need little CPU). */
export function verifierThreads(): number {
  return Math.max(1, Math.min(2, availableParallelism() - 1));
}

/**
 * syncArchive with the check of step 2 done in verifier worker threads (verify-pool.ts), as the
 * app and the CLI run it; `verifierEntry` is the worker's file (as built, or from source in tests).
 */
export async function syncArchiveInWorkers(
  session: VaultSession,
  store: ArchiveStore,
  options: Omit<SyncOptions, 'verify'>,
  verifierEntry: URL,
): Promise<ArchiveSyncResult> {
  const pool = openVerifierPool(verifierEntry, verifierThreads());
  try {
    return await syncArchive(session, store, {
      ...options,
      verify: (bytes, anchors, verifyOptions) => pool.verify(bytes, anchors, verifyOptions),
    });
  } finally {
    await pool.close();
  }
}

/** Step 4: the signed anchor for this sync, stored write-once and recorded in the vault. */
async function storeAnchor(
  session: VaultSession,
  store: ArchiveStore,
  settings: ArchiveSettings,
  folder: string,
  now: Date,
  signal?: AbortSignal,
): Promise<string> {
  const head = session.audit.head();
  const profile = session.profile();
  const payload: AnchorPayload = {
    company: settings.company,
    engineer: numberingEmployeeId(profile.employeeId),
    auditHead: head ? { seq: head.seq, sha256: head.hash } : null,
    lastNumbers: lastNumbers(session),
    archived: (session.db.prepare("SELECT count(*) AS n FROM archive_records WHERE state = 'archived'").get() as { n: number }).n,
    at: now.toISOString(),
  };
  const credentials = await engineerCertificate(session.db, session.keys.signingWrap, profile, now);
  let body: Buffer;
  try {
    body = signAnchor(payload, credentials);
  } finally {
    credentials.privateKeyDer.fill(0);
  }
  const key = anchorKey(folder, now);
  const retainUntil = new Date(now.getTime() + settings.retentionDays * DAY_MS);
  const { versionId } = await store.putObject(
    { key, body, contentType: 'application/json', sha256: sha256(body), retention: { mode: settings.retentionMode, retainUntil } },
    signal,
  );
  session.db
    .prepare('INSERT INTO archive_anchors (audit_seq, audit_hash, object_key, version_id, synced_at) VALUES (?, ?, ?, ?, ?)')
    .run(head?.seq ?? 0, head?.hash ?? '', key, versionId, now.toISOString());
  return key;
}
