/**
 * Whether the anti-virus engine's signature database is fit to clear files for a site (10-5).
 *
 * An engine with a database from 2015, or a folder holding two signatures, scans "clean"
 * exactly like a current one: the result says nothing about what it could not know. So the
 * database's age and size are judged against the policy and said on screen and in the
 * signed report — a warning by default, every file blocked when the policy says so.
 * Only what the engine states is judged: a count it does not give (Defender) is shown as
 * unknown, never as small; a date it does not give is a warning (nobody can say it is current).
 */
import { z } from 'zod';
import type { EngineInfo, Finding } from './sanitize-types';

export const AntivirusDatabasePolicy = z
  .object({
    /** Older than this many days: not current (freshclam updates daily; 7 leaves a week offline in the field). */
    maxAgeDays: z.number().int().min(1).max(3650),
    /**
     * Fewer signatures than this: not a real database. The official ClamAV main + daily sets
     * hold several million; 100 000 leaves wide room while catching a test or truncated folder.
     */
    minSignatures: z.number().int().min(0).max(100_000_000),
    /** 'warn': shown and signed, files still judged; 'block': nothing passes with an unfit database. */
    whenUnfit: z.enum(['warn', 'block']),
  })
  .strict();
export type AntivirusDatabasePolicy = z.infer<typeof AntivirusDatabasePolicy>;

export const DEFAULT_ANTIVIRUS_DATABASE_POLICY: AntivirusDatabasePolicy = { maxAgeDays: 7, minSignatures: 100_000, whenUnfit: 'warn' };

export type EngineWarning =
  | { readonly code: 'DATABASE_OLD'; readonly params: { readonly days: number; readonly limit: number } }
  | { readonly code: 'DATABASE_DATE_UNKNOWN'; readonly params: { readonly limit: number } }
  | { readonly code: 'DATABASE_SMALL'; readonly params: { readonly signatures: number; readonly minimum: number } };

export interface DatabaseAssessment {
  /** Whole days between the database's date and `now`; null when the engine gives no date. */
  readonly ageDays: number | null;
  readonly warnings: readonly EngineWarning[];
  /** Findings every file gets when the policy blocks on an unfit database; empty otherwise. */
  readonly blockingFindings: readonly Finding[];
}

const DAY_MS = 86_400_000;

export function assessDatabase(info: EngineInfo, policy: AntivirusDatabasePolicy, now: Date): DatabaseAssessment {
  const dated = info.databaseDate ? Date.parse(info.databaseDate) : NaN;
  // A date ahead of the clock (a laptop whose clock is behind) counts as today, not as negative age.
  const ageDays = Number.isFinite(dated) ? Math.max(0, Math.floor((now.getTime() - dated) / DAY_MS)) : null;
  const warnings: EngineWarning[] = [];
  if (ageDays === null) warnings.push({ code: 'DATABASE_DATE_UNKNOWN', params: { limit: policy.maxAgeDays } });
  else if (ageDays > policy.maxAgeDays) warnings.push({ code: 'DATABASE_OLD', params: { days: ageDays, limit: policy.maxAgeDays } });
  const signatures = info.signatures ?? null;
  if (signatures !== null && signatures < policy.minSignatures)
    warnings.push({ code: 'DATABASE_SMALL', params: { signatures, minimum: policy.minSignatures } });
  const blockingFindings: Finding[] =
    policy.whenUnfit === 'block'
      ? warnings.map((w): Finding =>
          w.code === 'DATABASE_SMALL'
            ? { code: 'ANTIVIRUS_DATABASE_SMALL', params: { ...w.params } }
            : {
                code: 'ANTIVIRUS_DATABASE_OLD',
                params: { days: w.code === 'DATABASE_OLD' ? w.params.days : '?', limit: policy.maxAgeDays },
              },
        )
      : [];
  return { ageDays, warnings, blockingFindings };
}
