/**
 * Administrator rights for one whole-medium erasure (issue 14), asked for with the platform's
 * own prompt and for nothing else. The erasure itself never runs elevated: the journal, the
 * run's key and the vault stay in FieldGuard's own process, under the engineer's account.
 *
 * - Linux: `pkexec` (polkit's authentication dialog) runs one fixed shell script as root. It
 *   unmounts the device's file systems and hands the device node to the engineer's account
 *   (`chown`), so that FieldGuard can open it. udev gives the node back to root when it
 *   re-applies its rules (a change event, or the device detached).
 * - macOS: `osascript` with "with administrator privileges" (the system's password dialog):
 *   `diskutil unmountDisk`, then `chown` of /dev/diskN and /dev/rdiskN. devfs gives them back
 *   when the disk is detached.
 * - Windows: a raw disk opens only in an elevated process, so FieldGuard restarts itself as
 *   administrator through UAC (`Start-Process -Verb RunAs`). The elevated instance waits for
 *   this one to end first, so the vault is never open twice.
 *
 * The device path and the account go to the script as arguments, never into its text, and
 * are checked against the shapes each OS gives its whole devices.
 */
import type { CommandOutcome } from '../self-check/run-probe-command';
import { encodePowerShell } from '../windows/powershell-script';

/** A command to run, and how: its file and arguments exactly. */
export interface ElevationCommand {
  readonly file: string;
  readonly args: readonly string[];
}

export type GrantOutcome = 'granted' | 'relaunching';

export type ElevationRefusal =
  /** The engineer dismissed or cancelled the OS's prompt. */
  | 'declined'
  /** No way to ask here: pkexec or its polkit agent missing, an unknown OS, a path of an odd shape. */
  | 'unavailable'
  /** A file system on the device could not be unmounted. */
  | 'unmount-failed'
  /** The prompt was answered but the command failed. */
  | 'failed';

export class ElevationError extends Error {
  constructor(
    readonly refusal: ElevationRefusal,
    /** What the tool said, first line only, for the log; never shown as the reason alone. */
    readonly detail: string,
  ) {
    super(`administrator rights not granted: ${refusal}`);
    this.name = 'ElevationError';
  }
}

/** Exit codes of the Linux script, so that "could not unmount" is told apart from the rest. */
const UNMOUNT_FAILED_EXIT = 3;
const CHOWN_FAILED_EXIT = 4;

/**
 * Runs as root under pkexec: $1 the device, $2 the account, the rest its mount points
 * (innermost first). Nothing of them is ever part of the script's text.
 */
const LINUX_GRANT_SCRIPT = [
  'dev="$1"; owner="$2"; shift 2',
  'for mount in "$@"; do umount -- "$mount" || exit ' + String(UNMOUNT_FAILED_EXIT) + '; done',
  'chown -- "$owner" "$dev" || exit ' + String(CHOWN_FAILED_EXIT),
].join('\n');

const LINUX_WHOLE_DEVICE = /^\/dev\/[a-z][a-z0-9]*$/;
const MAC_WHOLE_DISK = /^\/dev\/disk\d+$/;

function checkAccount(uid: number): void {
  if (!Number.isInteger(uid) || uid < 0 || uid > 0xfffffffe) throw new ElevationError('unavailable', `not an account number: ${uid}`);
}

/** `pkexec /bin/sh -c SCRIPT sh DEVICE UID MOUNT…`: one polkit prompt for the unmounts and the chown. */
export function linuxGrantCommand(devicePath: string, mounts: readonly string[], uid: number): ElevationCommand {
  if (!LINUX_WHOLE_DEVICE.test(devicePath)) throw new ElevationError('unavailable', `not a whole device path: ${devicePath}`);
  checkAccount(uid);
  return { file: 'pkexec', args: ['/bin/sh', '-c', LINUX_GRANT_SCRIPT, 'sh', devicePath, String(uid), ...mounts] };
}

/** `osascript -e 'do shell script "…" with administrator privileges'`: the system's own password dialog. */
export function macGrantCommand(devicePath: string, uid: number): ElevationCommand {
  if (!MAC_WHOLE_DISK.test(devicePath)) throw new ElevationError('unavailable', `not a whole disk path: ${devicePath}`);
  checkAccount(uid);
  const raw = devicePath.replace('/dev/disk', '/dev/rdisk');
  // Both values were checked to be digits and a fixed prefix: nothing here needs quoting.
  const shell = `/usr/sbin/diskutil unmountDisk ${devicePath} && /usr/sbin/chown ${uid} ${devicePath} ${raw}`;
  return { file: '/usr/bin/osascript', args: ['-e', `do shell script "${shell}" with administrator privileges`] };
}

/** A PowerShell single-quoted string: only the quote itself needs doubling. */
function powerShellQuoted(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

/**
 * Starts an elevated PowerShell (the UAC prompt) that waits for this FieldGuard to end, then
 * starts it again — elevated, since it inherits the token. The inner script travels encoded,
 * so the executable's path needs no quoting through two shells.
 */
export function windowsRelaunchCommand(executable: string, pid: number, args: readonly string[] = []): ElevationCommand {
  if (!/^[A-Za-z]:\\/.test(executable) || /[\r\n"]/.test(executable))
    throw new ElevationError('unavailable', 'not an absolute Windows path');
  const argumentList = args.length === 0 ? '' : ` -ArgumentList ${args.map(powerShellQuoted).join(',')}`;
  const inner = `Wait-Process -Id ${Math.trunc(pid)} -ErrorAction SilentlyContinue; Start-Process -FilePath ${powerShellQuoted(executable)}${argumentList}`;
  const outer = `$ErrorActionPreference = 'Stop'; Start-Process -FilePath powershell.exe -Verb RunAs -WindowStyle Hidden -ArgumentList '-NoProfile','-NonInteractive','-EncodedCommand','${encodePowerShell(inner)}'`;
  return { file: 'powershell.exe', args: ['-NoProfile', '-NonInteractive', '-EncodedCommand', encodePowerShell(outer)] };
}

const MAC_CANCELLED = /\(-128\)|User canceled/i;
// Start-Process when UAC is dismissed: "This command cannot be run due to the error: The operation was canceled by the user." (ja: 操作はユーザーによって取り消されました。)
const WINDOWS_CANCELLED = /canceled by the user|cancelled by the user|ユーザーによって取り消されました/i;

function firstLine(outcome: CommandOutcome): string {
  return (outcome.stderr.trim() || outcome.stdout.trim()).split(/\r?\n/)[0] ?? '';
}

/** What the elevation command's ending means. Only a clean exit counts as granted. */
export function elevationResult(platform: NodeJS.Platform, outcome: CommandOutcome): 'done' | ElevationRefusal {
  if (outcome.ok && outcome.exitCode === 0) return 'done';
  if (!outcome.ok && outcome.problem === 'commandMissing') return 'unavailable';
  if (platform === 'linux') {
    // pkexec(1): 126 — the authentication dialog was dismissed; 127 — not authorized, or no agent to ask.
    if (outcome.exitCode === 126) return 'declined';
    if (outcome.exitCode === 127) return 'unavailable';
    if (outcome.exitCode === UNMOUNT_FAILED_EXIT) return 'unmount-failed';
    return 'failed';
  }
  if (platform === 'darwin') return MAC_CANCELLED.test(`${outcome.stderr}\n${outcome.stdout}`) ? 'declined' : 'failed';
  if (platform === 'win32') return WINDOWS_CANCELLED.test(`${outcome.stderr}\n${outcome.stdout}`) ? 'declined' : 'failed';
  return 'unavailable';
}

export interface GrantOptions {
  readonly platform?: NodeJS.Platform;
  /** The engineer's account (process.getuid()); not used on Windows. */
  readonly uid?: number;
  /** Runs the elevation command; the prompt is the OS's, so this waits for the engineer's answer. */
  readonly run: (command: ElevationCommand) => Promise<CommandOutcome>;
  /** The device's mount points, innermost first (Linux). */
  readonly mountsOf?: (devicePath: string) => Promise<string[]>;
  /** This executable and process, for the Windows restart. */
  readonly executable?: string;
  readonly pid?: number;
}

/**
 * Asks the OS for the rights to erase `devicePath` and returns 'granted' (the device may now be
 * opened by this process) or 'relaunching' (Windows: quit now, the elevated instance starts
 * when this one has ended). Throws ElevationError otherwise.
 */
export async function grantDeviceAccess(devicePath: string, options: GrantOptions): Promise<GrantOutcome> {
  const platform = options.platform ?? process.platform;
  let command: ElevationCommand;
  if (platform === 'linux') {
    command = linuxGrantCommand(
      devicePath,
      options.mountsOf ? await options.mountsOf(devicePath) : [],
      options.uid ?? process.getuid?.() ?? -1,
    );
  } else if (platform === 'darwin') {
    command = macGrantCommand(devicePath, options.uid ?? process.getuid?.() ?? -1);
  } else if (platform === 'win32') {
    command = windowsRelaunchCommand(options.executable ?? process.execPath, options.pid ?? process.pid);
  } else {
    throw new ElevationError('unavailable', `no administrator prompt on ${platform}`);
  }
  const outcome = await options.run(command);
  const result = elevationResult(platform, outcome);
  if (result !== 'done') throw new ElevationError(result, firstLine(outcome));
  return platform === 'win32' ? 'relaunching' : 'granted';
}
