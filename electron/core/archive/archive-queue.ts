/**
 * The archive queue in the vault (issue 20): every document is queued the moment it is issued
 * (issue-vault-certificate.ts), offline, and stays in the vault with its state once sent — so
 * the laptop knows what the archive holds and Settings can say what waits. A document later
 * extended by a document timestamp is queued again: its PDF changed, and the archive keeps
 * the new bytes as a new version beside the old one.
 */
import type { VaultDatabase } from '../../db/open-vault-database';
import type { ArchiveState } from '../../shared/archive';
import type { CertificateKind } from '../certificates/certificate-document';
import { readArchiveSettings } from './archive-settings';

export function queueForArchive(db: VaultDatabase, document: { id: string; number: string; kind: CertificateKind }, now: Date): void {
  db.prepare(
    'INSERT INTO archive_records (certificate_id, number, kind, queued_at) VALUES (?, ?, ?, ?) ON CONFLICT (certificate_id) DO NOTHING',
  ).run(document.id, document.number, document.kind, now.toISOString());
}

/** The documents waiting to be sent (queued, or failed and to be tried again), oldest first. */
export function waitingCertificateIds(db: VaultDatabase): string[] {
  const rows = db
    .prepare("SELECT certificate_id AS id FROM archive_records WHERE state IN ('queued', 'failed') ORDER BY queued_at, number")
    .all() as Array<{ id: string }>;
  return rows.map((row) => row.id);
}

/** After the stored PDF was extended (a document timestamp): send it again at the next sync. */
export function requeueForArchive(db: VaultDatabase, certificateId: string): void {
  db.prepare(
    "UPDATE archive_records SET state = 'queued', attempts = 0, last_error = NULL WHERE certificate_id = ? AND state = 'archived'",
  ).run(certificateId);
}

export function archiveState(db: VaultDatabase): ArchiveState {
  const counts = db.prepare('SELECT state, count(*) AS n FROM archive_records GROUP BY state').all() as Array<{ state: string; n: number }>;
  const count = (state: string) => counts.find((c) => c.state === state)?.n ?? 0;
  const failed = db
    .prepare("SELECT number, last_error AS error FROM archive_records WHERE state = 'failed' ORDER BY queued_at LIMIT 20")
    .all() as Array<{ number: string; error: string | null }>;
  const lastSync = db.prepare('SELECT max(synced_at) AS at FROM archive_anchors').get() as { at: string | null };
  const incident = db
    .prepare(
      'SELECT detected_at AS detectedAt, archive_seq AS archiveSeq, local_seq AS localSeq FROM archive_incidents ORDER BY id DESC LIMIT 1',
    )
    .get() as { detectedAt: string; archiveSeq: number; localSeq: number } | undefined;
  return {
    configured: readArchiveSettings(db) !== null,
    lastSyncAt: lastSync.at,
    waiting: count('queued') + count('failed'),
    archived: count('archived'),
    refused: count('refused'),
    failed: failed.map((f) => ({ number: f.number, error: f.error ?? 'ARCHIVE_STORE_ERROR' })),
    incident: incident ?? null,
  };
}
