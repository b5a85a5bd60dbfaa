/**
 * The readiness gate (7-4, 8-2, 8-3): starting a site visit needs a passing self-check from
 * the last `readinessMaxAgeHours` (default 24). The latest run decides: a laptop that passed
 * this morning and failed an hour ago is not ready. Without one, the engineer may proceed only
 * by writing a reason, which is kept, audited, and printed in the visit report.
 */
import { randomUUID } from 'node:crypto';
import type { SelfCheckPolicy, Readiness } from '../../shared/self-check';
import type { VaultDatabase } from '../../db/open-vault-database';
import { AppError } from '../app-error';
import type { VaultSession } from '../vault/vault-session';
import { latestRun } from './self-check-store';

const HOUR_MS = 60 * 60 * 1000;

export function readiness(db: VaultDatabase, policy: SelfCheckPolicy, now: Date): Readiness {
  const latest = latestRun(db);
  const maxAgeHours = policy.readinessMaxAgeHours;
  const asked = now.toISOString();
  if (!latest) return { ready: false, reason: 'noRun', latestRun: null, maxAgeHours, now: asked };
  if (now.getTime() - Date.parse(latest.finishedAt) > maxAgeHours * HOUR_MS)
    return { ready: false, reason: 'stale', latestRun: latest, maxAgeHours, now: asked };
  if (latest.overall !== 'pass') return { ready: false, reason: 'failed', latestRun: latest, maxAgeHours, now: asked };
  return { ready: true, reason: 'passed', latestRun: latest, maxAgeHours, now: asked };
}

export interface ReadinessOverride {
  readonly id: string;
  readonly createdAt: string;
  readonly reason: string;
  /** What was started without a passing self-check, e.g. the visit's reference. */
  readonly context: string;
  readonly runId: string | null;
}

/** Records the engineer's reason for going ahead without a passing self-check; returns its id for the visit. */
export function recordOverride(
  session: VaultSession,
  policy: SelfCheckPolicy,
  input: { reason: string; context: string },
  now: Date,
): ReadinessOverride {
  const reason = input.reason.trim();
  if (reason.length === 0) throw new AppError('SELF_CHECK_OVERRIDE_REASON_REQUIRED');
  const gate = readiness(session.db, policy, now);
  const override: ReadinessOverride = {
    id: randomUUID(),
    createdAt: now.toISOString(),
    reason,
    context: input.context.trim(),
    runId: gate.latestRun?.id ?? null,
  };
  session.db.transaction(() => {
    session.db
      .prepare('INSERT INTO readiness_overrides (id, created_at, reason, context, run_id) VALUES (?, ?, ?, ?, ?)')
      .run(override.id, override.createdAt, override.reason, override.context, override.runId);
    session.audit.append('selfcheck.override', session.actor(), {
      overrideId: override.id,
      gate: gate.reason,
      reason,
      context: override.context,
    });
  })();
  return override;
}

export function getOverride(db: VaultDatabase, id: string): ReadinessOverride | null {
  const row = db
    .prepare('SELECT id, created_at AS createdAt, reason, context, run_id AS runId FROM readiness_overrides WHERE id = ?')
    .get(id) as ReadinessOverride | undefined;
  return row ?? null;
}
