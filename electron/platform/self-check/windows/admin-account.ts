/**
 * Whether the signed-in Windows account is a local administrator, from
 * `whoami /groups /fo csv /nh` (no admin rights needed). Group names, types and attributes are
 * translated ("Alias" / "エイリアス", "Group used for deny only" / "拒否のみに使用するグループ"),
 * so only the SID column is read: BUILTIN\Administrators is S-1-5-32-544 in every language.
 * Under UAC an administrator's everyday token still lists that SID ("deny only"), which is
 * exactly the account this check warns about.
 *
 * whoami lists the token's integrity label (a S-1-16-… SID, "Mandatory Label\…") last: a list
 * without it, or with a line that is not four quoted CSV fields, was not read whole and is
 * 'unrecognized' — "not an administrator" is never concluded from a list that lost its end.
 */
import { z } from 'zod';
import type { AdminAccountObservation, ProbeOutcome } from '../../../core/self-check/self-check-observations';
import { evidence } from '../run-probe-command';
import { integer, readScriptJson, runWindowsProbe, type PowerShellRunner } from './powershell-json';
import { powerShellJsonScript } from '../../windows/powershell-script';

export const ADMIN_SOURCE = 'whoami /groups /fo csv /nh';

export const ADMIN_SCRIPT = powerShellJsonScript(String.raw`
  $whoami = Invoke-OemCommand 'whoami.exe' '/groups /fo csv /nh'
  return [ordered]@{ exitCode = $whoami.exitCode; lines = $whoami.lines }
`);

const AdminDocument = z.object({ exitCode: integer, lines: z.array(z.string()) });
const CSV_LINE = /^"[^"]*","[^"]*","(S-1-\d+(?:-\d+)+)","[^"]*"$/;
const ADMINISTRATORS = 'S-1-5-32-544';

export function parseAdminAccount(stdout: string, observedAt: Date): ProbeOutcome<AdminAccountObservation> {
  const read = readScriptJson(stdout, AdminDocument, ADMIN_SOURCE, observedAt);
  if (!read.ok) return read.failure;
  const lines = read.value.lines.map((l) => l.trim()).filter((l) => l !== '');
  const sids = lines.map((l) => CSV_LINE.exec(l)?.[1] ?? null);
  let observation: AdminAccountObservation;
  if (read.value.exitCode !== 0 || sids.length === 0 || sids.some((s) => s === null)) {
    observation = {
      state: 'unrecognized',
      raw: `${lines.length} lines, ${sids.filter((s) => s === null).length} not understood, exit ${read.value.exitCode ?? '—'}`,
    };
  } else if (!sids.some((s) => s?.startsWith('S-1-16-'))) {
    observation = { state: 'unrecognized', raw: `${sids.length} groups, no integrity label (list not complete)` };
  } else if (sids.includes(ADMINISTRATORS)) {
    observation = { state: 'admin', raw: `${ADMINISTRATORS} (Administrators)` };
  } else {
    observation = { state: 'standard', raw: `${sids.length} groups, not ${ADMINISTRATORS}` };
  }
  return { ok: true, observation, evidence: [evidence(ADMIN_SOURCE, { state: observation.state, raw: observation.raw }, observedAt)] };
}

export function probeAdminAccount(run: PowerShellRunner): Promise<ProbeOutcome<AdminAccountObservation>> {
  return runWindowsProbe(run, { script: ADMIN_SCRIPT, source: ADMIN_SOURCE, parse: parseAdminAccount });
}
