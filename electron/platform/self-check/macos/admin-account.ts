/**
 * Whether the signed-in macOS account is an administrator (a member of the admin group), from
 * `id -G` and `id -Gn` (no admin rights needed; group names are not translated). The two lists
 * are compared by admin-groups.ts so a list cut short is never read as "not an admin".
 */
import type { AdminAccountObservation, ProbeOutcome } from '../../../core/self-check/self-check-observations';
import { ADMIN_GROUPS, adminFromGroupLists } from '../admin-groups';
import { evidence } from '../run-probe-command';
import { answerOf, notObserved, observed, problemEvidence, type Answer, type CommandRunner } from './macos-answers';

const ID = '/usr/bin/id';
export const ADMIN_SOURCE = `${ID} -G; ${ID} -Gn`;

export function parseAdminAccount(
  answers: { readonly ids: Answer; readonly names: Answer },
  observedAt: Date,
): ProbeOutcome<AdminAccountObservation> {
  const failed = [answers.ids, answers.names].find((a): a is Answer & { ok: false } => !a.ok);
  if (failed) return notObserved(failed.problem, [problemEvidence(ADMIN_SOURCE, failed.problem, failed.text, observedAt)]);
  const { state, raw } = adminFromGroupLists(answers.ids.text, answers.names.text, ADMIN_GROUPS.macos);
  return observed({ state, raw }, [evidence(ADMIN_SOURCE, { state, raw }, observedAt)]);
}

export async function probeAdminAccount(run: CommandRunner): Promise<ProbeOutcome<AdminAccountObservation>> {
  const [ids, names] = await Promise.all([run(ID, ['-G']), run(ID, ['-Gn'])]);
  return parseAdminAccount({ ids: answerOf(ids, 'stdout'), names: answerOf(names, 'stdout') }, new Date());
}
