/**
 * Trusted time for documents signed offline (issue 13; PAdES B-T and archive timestamps):
 * when the company names an RFC 3161 timestamp authority, a document signed while the laptop
 * could not reach it is queued here, and gets a document timestamp — appended as an
 * incremental update, never touching the first signature — the next time the queue is run
 * (when the app unlocks online, from Settings, or `fieldguard timestamp --pending`).
 * Until then the verifier labels its time "laptop clock, not verified".
 */
import type { Logger } from '../logger';
import type { VaultService } from '../vault/vault-service';
import type { VaultSession } from '../vault/vault-session';
import { deleteSetting, readSetting, writeSetting } from '../vault/vault-settings';
import type { TimestampSource } from './cms-signature';
import { extendCertificatePdf, getCertificate } from './certificate-store';
import { addDocumentTimestamp } from './document-timestamp';
import { requestTimestamp } from './timestamp-request';
import { requeueForArchive } from '../archive/archive-queue';

const SETTING = 'timestamp_authority_url';
/** A laptop on a hospital network may not reach the authority at all: give up fast and queue. */
const ONLINE_TIMEOUT_MS = 5000;

export function timestampAuthorityUrl(session: VaultSession): string | null {
  return readSetting(session.db, SETTING);
}

/** Sets (or with null clears) the company's timestamp authority; http(s) URLs only. */
export function setTimestampAuthorityUrl(session: VaultSession, url: string | null): void {
  if (url !== null) {
    const parsed = new URL(url);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new Error('a timestamp authority URL must be http or https');
  }
  session.db.transaction(() => {
    if (url === null) deleteSetting(session.db, SETTING);
    else writeSetting(session.db, SETTING, url);
    session.audit.append('settings.changed', session.actor(), { setting: 'timestampAuthority', configured: url !== null });
  })();
}

/** The signature-timestamp source for new documents, when the company named an authority. */
export function timestampSourceFor(session: VaultSession): TimestampSource | undefined {
  const url = timestampAuthorityUrl(session);
  return url ? (digest) => requestTimestamp(url, digest, { timeoutMs: ONLINE_TIMEOUT_MS }) : undefined;
}

export function queueForTimestamp(session: VaultSession, certificateId: string, now: Date): void {
  session.db
    .prepare('INSERT INTO timestamp_queue (certificate_id, queued_at) VALUES (?, ?) ON CONFLICT (certificate_id) DO NOTHING')
    .run(certificateId, now.toISOString());
}

export function queuedTimestamps(session: VaultSession): number {
  return (session.db.prepare('SELECT count(*) AS n FROM timestamp_queue').get() as { n: number }).n;
}

export interface TimestampRun {
  readonly timestamped: number;
  readonly failed: number;
  readonly remaining: number;
}

/**
 * Adds a document timestamp to every queued document. A failure (offline, authority down)
 * leaves the document queued with the reason; the stored PDF is only ever extended (the
 * database refuses anything else).
 */
export async function timestampQueued(session: VaultSession, now: () => Date, source?: TimestampSource): Promise<TimestampRun> {
  const url = timestampAuthorityUrl(session);
  const obtain = source ?? (url ? (digest: Buffer) => requestTimestamp(url, digest) : undefined);
  const queued = (session.db.prepare('SELECT certificate_id FROM timestamp_queue ORDER BY queued_at').pluck().all() as string[]).flatMap(
    (id) => {
      const certificate = getCertificate(session.db, id);
      return certificate ? [{ id, number: certificate.number, pdf: certificate.pdf }] : [];
    },
  );
  if (!obtain) return { timestamped: 0, failed: 0, remaining: queued.length };
  let timestamped = 0;
  let failed = 0;
  for (const row of queued) {
    try {
      const extended = await addDocumentTimestamp(row.pdf, obtain);
      session.db.transaction(() => {
        extendCertificatePdf(session.db, row.id, extended);
        session.db.prepare('DELETE FROM timestamp_queue WHERE certificate_id = ?').run(row.id);
        requeueForArchive(session.db, row.id);
        session.audit.append('certificate.timestamped', session.actor(), {
          certificateId: row.id,
          number: row.number,
          at: now().toISOString(),
        });
      })();
      timestamped += 1;
    } catch (error) {
      failed += 1;
      const reason = error instanceof Error ? error.message.slice(0, 200) : 'failed';
      session.db.prepare('UPDATE timestamp_queue SET attempts = attempts + 1, last_error = ? WHERE certificate_id = ?').run(reason, row.id);
    }
  }
  return { timestamped, failed, remaining: queuedTimestamps(session) };
}

/** After an unlock: runs the queue when the company named an authority and something waits. Never throws; logs counts only. */
export async function timestampQueuedDocuments(vault: VaultService, now: () => Date, log: Logger): Promise<void> {
  try {
    if (!vault.isUnlocked()) return;
    const session = vault.session();
    if (!timestampAuthorityUrl(session) || queuedTimestamps(session) === 0) return;
    const run = await timestampQueued(session, now);
    log.info('certificates.timestamped', { timestamped: run.timestamped, failed: run.failed, remaining: run.remaining });
  } catch {
    // Locked while the queue ran, or the database went away: the queue stays for next time.
    log.warn('certificates.timestamp-queue-stopped');
  }
}
