/**
 * The archive the company policy names (issue 20): endpoint, region, bucket, key prefix, the
 * company's id in the keys, retention (COMPLIANCE for 5 years unless the policy says
 * otherwise) and the engineer's access key — kept in the encrypted vault database, the secret
 * never in a plain file, never in the audit log or the app's log. Parsed with zod: the values
 * come from a person or a policy file.
 */
import { ArchiveSettingsInput } from '../../shared/archive';
import { AppError } from '../app-error';
import type { VaultDatabase } from '../../db/open-vault-database';
import type { VaultSession } from '../vault/vault-session';
import type { ArchiveConnection, RetentionMode } from './archive-store';

// The schema is shared with the IPC contract and the Settings form; the CLI and the app parse the same way.
export { ArchiveSettingsInput, DEFAULT_RETENTION_DAYS } from '../../shared/archive';

export interface ArchiveSettings extends ArchiveConnection {
  readonly prefix: string;
  readonly company: string;
  readonly retentionMode: RetentionMode;
  readonly retentionDays: number;
}

export function readArchiveSettings(db: VaultDatabase): ArchiveSettings | null {
  const row = db
    .prepare(
      `SELECT endpoint, region, bucket, prefix, company, retention_mode AS retentionMode, retention_days AS retentionDays,
              access_key_id AS accessKeyId, secret_access_key AS secretAccessKey FROM archive_settings WHERE id = 1`,
    )
    .get() as ArchiveSettings | undefined;
  return row ?? null;
}

export function requireArchiveSettings(db: VaultDatabase): ArchiveSettings {
  const settings = readArchiveSettings(db);
  if (!settings) throw new AppError('ARCHIVE_NOT_CONFIGURED');
  return settings;
}

/** Saves the company's archive settings (audited without the key or the secret). */
export function saveArchiveSettings(session: VaultSession, input: ArchiveSettingsInput, now: Date): ArchiveSettings {
  const parsed = ArchiveSettingsInput.safeParse(input);
  if (!parsed.success) throw new AppError('ARCHIVE_SETTINGS_INVALID');
  const s = parsed.data;
  session.db.transaction(() => {
    session.db
      .prepare(
        `INSERT INTO archive_settings (id, endpoint, region, bucket, prefix, company, retention_mode, retention_days, access_key_id, secret_access_key, updated_at)
         VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET endpoint = excluded.endpoint, region = excluded.region, bucket = excluded.bucket, prefix = excluded.prefix,
           company = excluded.company, retention_mode = excluded.retention_mode, retention_days = excluded.retention_days,
           access_key_id = excluded.access_key_id, secret_access_key = excluded.secret_access_key, updated_at = excluded.updated_at`,
      )
      .run(
        s.endpoint,
        s.region,
        s.bucket,
        s.prefix,
        s.company,
        s.retentionMode,
        s.retentionDays,
        s.accessKeyId,
        s.secretAccessKey,
        now.toISOString(),
      );
    session.audit.append('archive.settings-changed', session.actor(), {
      endpoint: s.endpoint,
      bucket: s.bucket,
      prefix: s.prefix,
      retentionMode: s.retentionMode,
      retentionDays: s.retentionDays,
    });
  })();
  return requireArchiveSettings(session.db);
}
