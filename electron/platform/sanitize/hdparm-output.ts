/**
 * Reads what `hdparm -I DEV` and `hdparm --sanitize-status DEV` say about a SATA disk's own
 * erase commands (issue 14, whole-medium erasure): the ATA SANITIZE feature set (CRYPTO
 * SCRAMBLE EXT, BLOCK ERASE EXT, OVERWRITE EXT) and the Security feature set (SECURITY ERASE
 * UNIT) with its supported / enabled / locked / frozen state. A frozen or locked drive, or one
 * hdparm cannot identify (the usual answer through a USB bridge), offers nothing: the
 * certificate must never claim a device sanitize that did not run.
 *
 * Shapes, from hdparm's identify.c and sanitize.c (9.x): feature lines are
 * "\t   *\tNAME" (enabled) or "\t    \tNAME" (supported, not enabled) under
 * "Commands/features:"; the Security block lists "supported", "enabled", "locked", "frozen"
 * each preceded by "not" when false; the sanitize status prints "State:    SDn …" and, while
 * running, "Progress: 0x…. (NN%)".
 */

export interface HdparmIdentify {
  readonly model: string | null;
  readonly serial: string | null;
  /** The "Transport:" line (e.g. "Serial, ATA8-AST, SATA 1.0a, …"), null when absent. */
  readonly transport: string | null;
  /** SSD: "Nominal Media Rotation Rate: Solid State Device". */
  readonly solidState: boolean | null;
  readonly sanitize: {
    readonly featureSet: boolean;
    readonly cryptoScramble: boolean;
    readonly blockErase: boolean;
    readonly overwrite: boolean;
  };
  readonly security: {
    readonly supported: boolean;
    readonly enabled: boolean;
    readonly locked: boolean;
    readonly frozen: boolean;
    readonly enhancedErase: boolean;
  } | null;
}

/** Output that is not an ATA IDENTIFY answer: what hdparm prints when a USB bridge or a non-ATA device does not pass the command through. */
const NOT_IDENTIFIED =
  /SG_IO: bad\/missing sense data|HDIO_DRIVE_CMD\(identify\) failed|HDIO_GET_IDENTITY failed|Inappropriate ioctl for device/i;

export class HdparmNotIdentified extends Error {
  constructor() {
    super('hdparm could not identify the device (not ATA, or behind a bridge that does not pass ATA commands)');
    this.name = 'HdparmNotIdentified';
  }
}

function field(text: string, name: string): string | null {
  const match = new RegExp(`^\\s*${name}:\\s*(.*?)\\s*$`, 'm').exec(text);
  return match?.[1] ? match[1] : null;
}

/** Feature lines of "Commands/features:": whether NAME is listed (supported) at all. */
function listsFeature(features: string, name: string): boolean {
  return new RegExp(`^\\t[ *]*\\t\\s*${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`, 'm').test(features);
}

/** One Security flag: "\t\tfrozen" is true, "\tnot\tfrozen" is false; absent is false. */
function securityFlag(block: string, name: string): boolean {
  const line = new RegExp(`^\\t(not)?\\t+${name}\\s*$`, 'm').exec(block);
  return line !== null && line[1] === undefined;
}

/** Parses `hdparm -I DEV`; throws HdparmNotIdentified for output that identifies no ATA device. */
export function parseHdparmIdentify(stdout: string): HdparmIdentify {
  if (NOT_IDENTIFIED.test(stdout) || !/^ATA device/m.test(stdout)) throw new HdparmNotIdentified();
  const featuresStart = stdout.indexOf('Commands/features:');
  const securityStart = stdout.search(/^Security:/m);
  const features = featuresStart < 0 ? '' : stdout.slice(featuresStart, securityStart > featuresStart ? securityStart : undefined);
  let security: HdparmIdentify['security'] = null;
  if (securityStart >= 0) {
    // The block ends at the next line that starts in column 0.
    const rest = stdout.slice(securityStart).split('\n').slice(1);
    const end = rest.findIndex((line) => line !== '' && !/^\s/.test(line));
    const block = (end < 0 ? rest : rest.slice(0, end)).join('\n');
    security = {
      supported: securityFlag(block, 'supported'),
      enabled: securityFlag(block, 'enabled'),
      locked: securityFlag(block, 'locked'),
      frozen: securityFlag(block, 'frozen'),
      enhancedErase: /^\t+supported: enhanced erase\s*$/m.test(block),
    };
  }
  const rotation = field(stdout, 'Nominal Media Rotation Rate');
  return {
    model: field(stdout, 'Model Number'),
    serial: field(stdout, 'Serial Number'),
    transport: field(stdout, 'Transport'),
    solidState: rotation === null ? null : /Solid State/i.test(rotation),
    sanitize: {
      featureSet: listsFeature(features, 'SANITIZE feature set'),
      cryptoScramble: listsFeature(features, 'CRYPTO_SCRAMBLE_EXT command'),
      blockErase: listsFeature(features, 'BLOCK_ERASE_EXT command'),
      overwrite: listsFeature(features, 'OVERWRITE_EXT command'),
    },
    security,
  };
}

/** ATA sanitize state machine (ACS-3 §4.18): SD0 idle, SD1 frozen, SD2 in process, SD3 failed, SD4 succeeded. */
export type AtaSanitizeState = 'idle' | 'frozen' | 'in-progress' | 'failed' | 'succeeded' | 'unknown';

export interface AtaSanitizeStatus {
  readonly state: AtaSanitizeState;
  /** 0–1 while in progress; null otherwise. */
  readonly progress: number | null;
  /** SD0 with "Last Sanitize Operation Completed Without Error": the last one succeeded. */
  readonly lastCompletedWithoutError: boolean;
}

const SD_STATES: Readonly<Record<string, AtaSanitizeState>> = {
  SD0: 'idle',
  SD1: 'frozen',
  SD2: 'in-progress',
  SD3: 'failed',
  SD4: 'succeeded',
};

/** Parses `hdparm --sanitize-status DEV`. */
export function parseHdparmSanitizeStatus(stdout: string): AtaSanitizeStatus {
  const sd = /State:\s*(SD\d)/.exec(stdout)?.[1];
  const state = (sd && SD_STATES[sd]) || 'unknown';
  const percent = /Progress:\s*0x[0-9a-f]+\s*\((\d+)%\)/i.exec(stdout)?.[1];
  return {
    state,
    progress: state === 'in-progress' && percent !== undefined ? Number(percent) / 100 : null,
    lastCompletedWithoutError: /Last Sanitize Operation Completed Without Error/i.test(stdout),
  };
}
