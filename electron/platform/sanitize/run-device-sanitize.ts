/**
 * Runs a device's own sanitize (NVMe Sanitize through nvme-cli, ATA SANITIZE through hdparm)
 * and follows it to its end by polling the device's sanitize status (issue 14). Both commands
 * return at once and the device works on in the background, surviving resets and power cycles;
 * nothing can cancel it. The result is 'completed' only on positive evidence: the status log
 * read after our command says it completed AND either showed it in progress or changed from
 * what it said before the command (a log that already said "completed" from an earlier sanitize
 * proves nothing about this one). Anything else — failed, a log that never moved, a timeout —
 * is reported as such, and the certificate then grants no Purge.
 *
 * The command runner is a port, so the sequences can be tested on recorded outputs: no real
 * NVMe or SATA device exists where the tests run.
 */
import type { CommandOutcome } from '../self-check/run-probe-command';
import { parseHdparmSanitizeStatus } from './hdparm-output';
import { NVME_SANACT, parseNvmeSanitizeLog } from './nvme-sanitize-output';
import type { SanitizeTechnique } from './sanitize-capability';

export type RunCommand = (file: string, args: readonly string[]) => Promise<CommandOutcome>;

export type SanitizeOutcome = 'completed' | 'failed' | 'unconfirmed' | 'refused';

export interface SanitizeRunResult {
  readonly technique: SanitizeTechnique;
  readonly tool: 'nvme' | 'hdparm';
  readonly outcome: SanitizeOutcome;
  /** Why it is not 'completed', in English for the evidence; null when completed. */
  readonly detail: string | null;
  readonly startedAt: string;
  readonly finishedAt: string;
  /** The commands run, for the evidence (no output bodies: they may carry nothing more useful). */
  readonly commands: readonly string[];
}

export interface SanitizeRunOptions {
  readonly run: RunCommand;
  /** Waits between polls (a fake in tests). */
  readonly sleep?: (ms: number) => Promise<void>;
  readonly pollMs?: number;
  /** Give up following (not the sanitize itself, which goes on) after this long; default 24 h. */
  readonly timeoutMs?: number;
  readonly now?: () => Date;
  readonly onProgress?: (fraction: number) => void;
}

/** One status read: where the sanitize stands, and a fingerprint to tell a fresh answer from an old one. */
interface Status {
  readonly phase: 'idle' | 'in-progress' | 'completed' | 'failed' | 'unknown';
  readonly progress: number | null;
  readonly fingerprint: string;
  /** For NVMe: the action of the most recent sanitize (CDW10 bits 2:0), to check it was ours. */
  readonly action: number | null;
}

interface Protocol {
  readonly tool: 'nvme' | 'hdparm';
  readonly statusArgs: (device: string) => string[];
  readonly startArgs: (device: string, technique: SanitizeTechnique) => string[];
  readonly parse: (stdout: string) => Status;
  readonly action: (technique: SanitizeTechnique) => number | null;
}

const NVME: Protocol = {
  tool: 'nvme',
  statusArgs: (device) => ['sanitize-log', device, '--output-format=json'],
  startArgs: (device, technique) => ['sanitize', device, `--sanact=${NVME_SANACT[technique]}`],
  parse: (stdout) => {
    const log = parseNvmeSanitizeLog(stdout);
    const phase =
      log.state === 'completed' || log.state === 'completed-no-deallocate' ? 'completed' : log.state === 'never' ? 'idle' : log.state;
    return {
      phase,
      progress: log.progress,
      fingerprint: JSON.stringify(log),
      action: log.lastAction === null ? null : log.lastAction & 0b111,
    };
  },
  action: (technique) => NVME_SANACT[technique],
};

const HDPARM: Protocol = {
  tool: 'hdparm',
  statusArgs: (device) => ['--sanitize-status', device],
  startArgs: (device, technique) => [
    '--yes-i-know-what-i-am-doing',
    technique === 'sanitize-crypto' ? '--sanitize-crypto-scramble' : '--sanitize-block-erase',
    device,
  ],
  parse: (stdout) => {
    const status = parseHdparmSanitizeStatus(stdout);
    const phase =
      status.state === 'succeeded' || (status.state === 'idle' && status.lastCompletedWithoutError)
        ? 'completed'
        : status.state === 'in-progress' || status.state === 'failed'
          ? status.state
          : status.state === 'idle'
            ? 'idle'
            : 'unknown';
    return { phase, progress: status.progress, fingerprint: JSON.stringify(status), action: null };
  },
  action: () => null,
};

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

async function readStatus(protocol: Protocol, device: string, options: SanitizeRunOptions): Promise<Status | null> {
  const outcome = await options.run(protocol.tool, protocol.statusArgs(device));
  if (!outcome.ok) return null;
  try {
    return protocol.parse(outcome.stdout);
  } catch {
    return null;
  }
}

async function runSanitize(
  protocol: Protocol,
  device: string,
  technique: SanitizeTechnique,
  options: SanitizeRunOptions,
): Promise<SanitizeRunResult> {
  const now = options.now ?? (() => new Date());
  const startedAt = now().toISOString();
  const commands: string[] = [];
  const end = (outcome: SanitizeOutcome, detail: string | null): SanitizeRunResult => ({
    technique,
    tool: protocol.tool,
    outcome,
    detail,
    startedAt,
    finishedAt: now().toISOString(),
    commands,
  });

  commands.push([protocol.tool, ...protocol.statusArgs(device)].join(' '));
  const before = await readStatus(protocol, device, options);
  if (before === null) return end('refused', 'the sanitize status could not be read before starting');
  if (before.phase === 'in-progress') return end('refused', 'a sanitize was already in progress');

  commands.push([protocol.tool, ...protocol.startArgs(device, technique)].join(' '));
  const started = await options.run(protocol.tool, protocol.startArgs(device, technique));
  if (!started.ok)
    return end(
      'refused',
      `the sanitize command was refused (${started.problem}${started.exitCode === null ? '' : `, exit ${started.exitCode}`})`,
    );
  commands.push([protocol.tool, ...protocol.statusArgs(device)].join(' '));
  return follow(protocol, device, technique, options, before, end);
}

/**
 * Polls the status log until the sanitize ends. With `before` (the log read just before our
 * command) a completion counts when the log moved; without it (a resumed job) only one seen in
 * progress now whose log names this technique's action (NVMe) — ATA's log does not say which
 * sanitize ran, so there it stays 'unconfirmed'.
 */
async function follow(
  protocol: Protocol,
  device: string,
  technique: SanitizeTechnique,
  options: SanitizeRunOptions,
  before: Status | null,
  end: (outcome: SanitizeOutcome, detail: string | null) => SanitizeRunResult,
): Promise<SanitizeRunResult> {
  const sleep = options.sleep ?? realSleep;
  const pollMs = options.pollMs ?? 5000;
  const timeoutMs = options.timeoutMs ?? 24 * 3600 * 1000;
  let sawProgress = false;
  const deadline = Date.now() + timeoutMs;
  for (let first = before === null; ; first = false) {
    if (!first) await sleep(pollMs);
    const status = await readStatus(protocol, device, options);
    if (status?.phase === 'in-progress') {
      sawProgress = true;
      if (status.progress !== null) options.onProgress?.(status.progress);
    } else if (status?.phase === 'failed') {
      return end('failed', 'the device reported that the sanitize failed');
    } else if (status?.phase === 'completed') {
      const ours = status.action === null || status.action === protocol.action(technique);
      if (!ours) return end('unconfirmed', 'the sanitize log names another sanitize action than the one started');
      if (before === null) {
        if (sawProgress && status.action !== null) {
          options.onProgress?.(1);
          return end('completed', null);
        }
        return end(
          'unconfirmed',
          sawProgress
            ? 'the sanitize log does not say which sanitize action ran'
            : 'the sanitize log was read only after an interruption: it cannot tell this sanitize from an earlier one',
        );
      }
      if (sawProgress || status.fingerprint !== before.fingerprint) {
        options.onProgress?.(1);
        return end('completed', null);
      }
      return end('unconfirmed', 'the sanitize log did not change after the command: it may describe an earlier sanitize');
    } else if (before === null && !sawProgress) {
      // Resumed: idle, unreadable or unknown at once — the command may never have reached the device.
      return end(
        'unconfirmed',
        status === null
          ? 'the sanitize status could not be read after an interruption'
          : 'no sanitize was in progress after the interruption: the command may never have reached the device',
      );
    }
    if (Date.now() >= deadline)
      return end('unconfirmed', 'the sanitize did not report completion in time; it may still be running on the device');
  }
}

/**
 * After an interruption between journaling "started" and journaling the result: reads the
 * status log and follows a sanitize in progress to its end, never sending the command again
 * (a sanitize restarts on the device, and a second one proves nothing about the first).
 */
async function resumeSanitize(
  protocol: Protocol,
  device: string,
  technique: SanitizeTechnique,
  options: SanitizeRunOptions,
): Promise<SanitizeRunResult> {
  const now = options.now ?? (() => new Date());
  const startedAt = now().toISOString();
  const commands = [[protocol.tool, ...protocol.statusArgs(device)].join(' ')];
  const end = (outcome: SanitizeOutcome, detail: string | null): SanitizeRunResult => ({
    technique,
    tool: protocol.tool,
    outcome,
    detail,
    startedAt,
    finishedAt: now().toISOString(),
    commands,
  });
  return follow(protocol, device, technique, options, null, end);
}

/** Reads (never starts) the NVMe sanitize of `device` after an interruption: see resumeSanitize. */
export function resumeNvmeSanitize(device: string, technique: SanitizeTechnique, options: SanitizeRunOptions): Promise<SanitizeRunResult> {
  return resumeSanitize(NVME, device, technique, options);
}

/** Reads (never starts) the ATA sanitize of `device` after an interruption: see resumeSanitize. */
export function resumeAtaSanitize(device: string, technique: SanitizeTechnique, options: SanitizeRunOptions): Promise<SanitizeRunResult> {
  return resumeSanitize(HDPARM, device, technique, options);
}

/** NVMe Sanitize (crypto erase or block erase) of the controller or namespace at `device`, followed to its end. */
export function runNvmeSanitize(device: string, technique: SanitizeTechnique, options: SanitizeRunOptions): Promise<SanitizeRunResult> {
  return runSanitize(NVME, device, technique, options);
}

/** ATA SANITIZE (CRYPTO SCRAMBLE EXT or BLOCK ERASE EXT) through hdparm, followed to its end. */
export function runAtaSanitize(device: string, technique: SanitizeTechnique, options: SanitizeRunOptions): Promise<SanitizeRunResult> {
  return runSanitize(HDPARM, device, technique, options);
}
