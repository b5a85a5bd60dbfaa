/**
 * Asks the device what sanitize it offers (Linux: `nvme id-ctrl` for NVMe, `hdparm -I` for
 * SATA) and decides with sanitize-capability.ts. A tool that is missing, refused for lack of
 * rights, or answering something unreadable becomes that reason, never a guess.
 */
import type { DeviceFacts } from '../../core/erasure/medium';
import { runProbeCommand, type CommandOutcome } from '../self-check/run-probe-command';
import { HdparmNotIdentified, parseHdparmIdentify, type HdparmIdentify } from './hdparm-output';
import { parseNvmeIdCtrl, type NvmeController } from './nvme-sanitize-output';
import type { RunCommand } from './run-device-sanitize';
import { sanitizeCapability, type Probe, type SanitizeCapability } from './sanitize-capability';

export const runSanitizeTool: RunCommand = (file, args) => runProbeCommand(file, args, { timeoutMs: 15_000 });

function probeOf<T>(outcome: CommandOutcome, parse: (stdout: string) => T): Probe<T> {
  if (!outcome.ok) {
    if (outcome.problem === 'commandMissing') return { ok: false, reason: 'tool-missing' };
    if (outcome.problem === 'accessDenied') return { ok: false, reason: 'no-admin-rights' };
    // hdparm prints the bridge's refusal and exits non-zero.
    if (/SG_IO: bad\/missing sense data|HDIO_DRIVE_CMD\(identify\) failed/i.test(outcome.stdout + outcome.stderr))
      return { ok: false, reason: 'bridge' };
    return { ok: false, reason: 'unreadable' };
  }
  try {
    return { ok: true, value: parse(outcome.stdout) };
  } catch (error) {
    return { ok: false, reason: error instanceof HdparmNotIdentified ? 'bridge' : 'unreadable' };
  }
}

/** The device's sanitize capability on this machine; `run` is the command runner (a fake in tests). */
export async function readSanitizeCapability(
  device: DeviceFacts,
  run: RunCommand = runSanitizeTool,
  platform: NodeJS.Platform = process.platform,
): Promise<SanitizeCapability> {
  let nvme: Probe<NvmeController> | undefined;
  let hdparm: Probe<HdparmIdentify> | undefined;
  if (platform === 'linux' && device.holdsSystem === false) {
    if (device.transport === 'nvme') nvme = probeOf(await run('nvme', ['id-ctrl', device.path, '--output-format=json']), parseNvmeIdCtrl);
    else if (device.transport === 'sata') hdparm = probeOf(await run('hdparm', ['-I', device.path]), parseHdparmIdentify);
  }
  return sanitizeCapability({ platform, device, nvme, hdparm });
}
