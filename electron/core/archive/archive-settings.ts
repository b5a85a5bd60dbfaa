/**
 * The archive the company policy names (issue 20): endpoint, region, bucket, key prefix, the
 * company's id in the keys, retention (COMPLIANCE for 5 years unless the policy says
 * otherwise) and the engineer's access key — kept in the encrypted vault database, the secret
 * never in a plain file, never in the audit log or the app's log. Parsed with zod: the values
 * come from a person or a policy file.
 */
import { z } from 'zod';
import { AppError } from '../app-error';
import type { VaultDatabase } from '../../db/open-vault-database';
import type { VaultSession } from '../vault/vault-session';
import { retentionModes, type ArchiveConnection, type RetentionMode } from './archive-store';

/** Five years, counting a leap day: the default the issue asks for. */
export const DEFAULT_RETENTION_DAYS = 1827;

/** A segment of an object key: ASCII only, so that every store and every tool reads it the same way. */
const KeySegment = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$/);

export const ArchiveSettingsInput = z.strictObject({
  endpoint: z.url({ protocol: /^https?$/ }),
  region: z.string().regex(/^[a-z0-9-]{1,32}$/),
  bucket: z.string().regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/),
  prefix: z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9._/-]{0,100}$/)
    .refine((p) => !p.endsWith('/') && !p.includes('//')),
  company: KeySegment,
  retentionMode: z.enum(retentionModes).default('COMPLIANCE'),
  retentionDays: z.number().int().min(1).max(36500).default(DEFAULT_RETENTION_DAYS),
  accessKeyId: z.string().min(1).max(128),
  secretAccessKey: z.string().min(1).max(256),
});
export type ArchiveSettingsInput = z.input<typeof ArchiveSettingsInput>;

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
