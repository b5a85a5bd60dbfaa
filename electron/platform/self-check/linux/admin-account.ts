/**
 * Whether the signed-in Linux account is an administrator (in sudo, wheel or admin), from
 * `id -G` and `id -Gn`, which any user may run; the two lists are compared by admin-groups.ts
 * so a list cut short is never read as "not an admin".
 */
import type { AdminAccountObservation, ProbeOutcome } from '../../../core/self-check/self-check-observations';
import { ADMIN_GROUPS, adminFromGroupLists } from '../admin-groups';
import { evidence } from '../run-probe-command';
import type { CommandReading, LinuxProbeContext } from './linux-context';
import { commandFacts, runCommand } from './linux-context';

export function parseAdminAccount(ids: CommandReading, names: CommandReading, observedAt: Date): ProbeOutcome<AdminAccountObservation> {
  const failed = [ids, names].find((r) => !r.ok);
  if (failed) return { ok: false, problem: failed.problem, evidence: [evidence(failed.source, commandFacts(failed), observedAt)] };
  const { state, raw } = adminFromGroupLists(ids.stdout, names.stdout, ADMIN_GROUPS.linux);
  return { ok: true, observation: { state, raw }, evidence: [evidence(`${ids.source}; ${names.source}`, { state, raw }, observedAt)] };
}

export async function probeAdminAccount(ctx: LinuxProbeContext): Promise<ProbeOutcome<AdminAccountObservation>> {
  const [ids, names] = await Promise.all([runCommand(ctx, 'id', ['-G']), runCommand(ctx, 'id', ['-Gn'])]);
  return parseAdminAccount(ids, names, ctx.now());
}
