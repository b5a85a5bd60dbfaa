/**
 * A device's own sanitize as a whole-medium technique (issue 14): the engineer chose crypto or
 * block erase, so the device is asked again what it offers (sanitize-capability.ts) and the
 * command runs only if that technique is available now — the drive may have been frozen by a
 * reboot since the list was read, or replugged behind a bridge. The result is the runner's:
 * 'completed' only when the device's own sanitize log says this sanitize completed, which is
 * what the certificate's Purge rests on (device-certificate-sections.ts). An NVMe sanitize acts
 * on the controller, so it is sent to /dev/nvmeN for the namespace /dev/nvmeNnM.
 */
import type { DeviceFacts } from '../medium';
import { readSanitizeCapability, runSanitizeTool } from '../../../platform/sanitize/read-sanitize-capability';
import {
  resumeAtaSanitize,
  resumeNvmeSanitize,
  runAtaSanitize,
  runNvmeSanitize,
  type RunCommand,
  type SanitizeRunResult,
} from '../../../platform/sanitize/run-device-sanitize';
import { SANITIZE_REASON_TEXT, type SanitizeTechnique } from '../../../platform/sanitize/sanitize-capability';

export interface DeviceSanitizeOptions {
  readonly run?: RunCommand;
  readonly platform?: NodeJS.Platform;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly now?: () => Date;
  readonly onProgress?: (fraction: number) => void;
}

/** The NVMe controller of a namespace (/dev/nvme0n1 → /dev/nvme0); other paths as they are. */
export function nvmeController(devicePath: string): string {
  return devicePath.replace(/^(\/dev\/nvme\d+)n\d+$/, '$1');
}

/** Runs the device's own `technique` if it offers it now; otherwise says why not, as a refused run. */
export async function runDeviceSanitize(
  device: DeviceFacts,
  technique: SanitizeTechnique,
  options: DeviceSanitizeOptions = {},
): Promise<SanitizeRunResult> {
  const run = options.run ?? runSanitizeTool;
  const now = options.now ?? (() => new Date());
  const capability = await readSanitizeCapability(device, run, options.platform ?? process.platform);
  const offer = capability.offers.find((o) => o.technique === technique);
  if (!offer?.available) {
    const reason = offer?.reason ?? capability.reason ?? 'not-supported';
    const at = now().toISOString();
    return {
      technique,
      tool: offer?.command === 'nvme-sanitize' ? 'nvme' : 'hdparm',
      outcome: 'refused',
      detail: SANITIZE_REASON_TEXT[reason].en,
      startedAt: at,
      finishedAt: at,
      commands: [],
    };
  }
  const runOptions = { run, sleep: options.sleep, now: options.now, onProgress: options.onProgress };
  return offer.command === 'nvme-sanitize'
    ? runNvmeSanitize(nvmeController(device.path), technique, runOptions)
    : runAtaSanitize(device.path, technique, runOptions);
}

/**
 * After an interruption once the command may have been sent: reads the device's sanitize log
 * and follows a sanitize in progress, never sending the command again. The tool is the one the
 * device's bus takes (NVMe: nvme-cli on the controller; otherwise hdparm).
 */
export async function resumeDeviceSanitize(
  device: DeviceFacts,
  technique: SanitizeTechnique,
  options: DeviceSanitizeOptions = {},
): Promise<SanitizeRunResult> {
  const runOptions = { run: options.run ?? runSanitizeTool, sleep: options.sleep, now: options.now, onProgress: options.onProgress };
  return device.transport === 'nvme'
    ? resumeNvmeSanitize(nvmeController(device.path), technique, runOptions)
    : resumeAtaSanitize(device.path, technique, runOptions);
}
