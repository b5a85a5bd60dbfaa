/**
 * Whether this Windows laptop shares folders over the network, without admin rights:
 * - the Server service (LanmanServer, `Get-Service`): stopped means nothing is shared;
 * - the shares (`Get-CimInstance Win32_Share`): Type 0 is a shared disk folder, whatever its
 *   name (a hidden "name$" share is still shared); the administrative shares C$, ADMIN$ and
 *   IPC$ have the 0x80000000 bit, printers Type 1, and are not counted.
 * Running with no Type 0 share → 'off'; a Type 0 share → 'on' (its count; the names stay out of
 * the record); the service or the share list not readable, or a status it does not know →
 * 'unrecognized'. Service status and share type are enum names and numbers, not translated.
 */
import { z } from 'zod';
import type { FileSharingObservation, ProbeOutcome } from '../../../core/self-check/self-check-observations';
import { evidence } from '../run-probe-command';
import {
  integer,
  isScriptError,
  problemOf,
  readScriptJson,
  runWindowsProbe,
  section,
  text,
  type PowerShellRunner,
} from './powershell-json';
import { powerShellJsonScript } from '../../windows/powershell-script';

export const SHARING_SOURCE = 'Get-Service LanmanServer; Get-CimInstance Win32_Share';

export const SHARING_SCRIPT = powerShellJsonScript(String.raw`
  $server = try { [ordered]@{ status = [string](Get-Service -Name LanmanServer).Status } } catch { New-ProbeError $_ }
  $shares = try { [ordered]@{ list = @(Get-CimInstance -ClassName Win32_Share | ForEach-Object { [ordered]@{ type = [int64]$_.Type } }) } } catch { New-ProbeError $_ }
  return [ordered]@{ server = $server; shares = $shares }
`);

const SharingDocument = z.object({
  server: section(z.object({ status: text })),
  shares: section(z.object({ list: z.array(z.object({ type: integer })) })),
});

const DISK = 0;

function sharingState(d: z.output<typeof SharingDocument>): Pick<FileSharingObservation, 'state' | 'raw'> {
  if (isScriptError(d.server)) return { state: 'unrecognized', raw: `LanmanServer ${problemOf(d.server)}` };
  const status = d.server.status;
  if (status === 'Stopped') return { state: 'off', raw: 'LanmanServer Stopped' };
  if (status !== 'Running') return { state: 'unrecognized', raw: `LanmanServer ${status ?? 'no status'}` };
  if (isScriptError(d.shares)) return { state: 'unrecognized', raw: `Win32_Share ${problemOf(d.shares)}` };
  if (d.shares.list.some((s) => s.type === null)) return { state: 'unrecognized', raw: 'a share without a type' };
  const folders = d.shares.list.filter((s) => s.type === DISK).length;
  return folders > 0
    ? { state: 'on', raw: `${folders} shared folder(s)` }
    : { state: 'off', raw: `no shared folder (${d.shares.list.length} administrative or printer shares)` };
}

export function parseFileSharing(stdout: string, observedAt: Date): ProbeOutcome<FileSharingObservation> {
  const read = readScriptJson(stdout, SharingDocument, SHARING_SOURCE, observedAt);
  if (!read.ok) return read.failure;
  const { state, raw } = sharingState(read.value);
  return { ok: true, observation: { state, raw }, evidence: [evidence(SHARING_SOURCE, { state, raw }, observedAt)] };
}

export function probeFileSharing(run: PowerShellRunner): Promise<ProbeOutcome<FileSharingObservation>> {
  return runWindowsProbe(run, { script: SHARING_SCRIPT, source: SHARING_SOURCE, parse: parseFileSharing });
}
