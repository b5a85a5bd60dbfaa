/**
 * Asking for administrator rights for a whole-medium erasure (issue 14): the exact command each
 * OS's own prompt is reached through, that a device path or an account can never become part
 * of a shell's text, and what each ending of the prompt means — from the exit codes pkexec(1)
 * documents, osascript's "User canceled. (-128)", and Start-Process's UAC cancellation in
 * English and Japanese.
 */
import { describe, expect, it } from 'vitest';
import {
  ElevationError,
  elevationResult,
  grantDeviceAccess,
  linuxGrantCommand,
  macGrantCommand,
  windowsRelaunchCommand,
  type ElevationCommand,
} from '../../electron/platform/elevation/device-access-grant';
import type { CommandOutcome } from '../../electron/platform/self-check/run-probe-command';

const exited = (exitCode: number, stderr = ''): CommandOutcome =>
  exitCode === 0 ? { ok: true, stdout: '', stderr, exitCode } : { ok: false, problem: 'unparseable', stdout: '', stderr, exitCode };

function decode(encoded: string): string {
  return Buffer.from(encoded, 'base64').toString('utf16le');
}

describe('the Linux command (pkexec)', () => {
  it('runs one fixed script, with the device, the account and the mount points as arguments', () => {
    const command = linuxGrantCommand('/dev/sdb', ['/media/eng/STICK WITH SPACE', '/media/eng/$(reboot)'], 1000);
    expect(command.file).toBe('pkexec');
    expect(command.args.slice(0, 2)).toEqual(['/bin/sh', '-c']);
    expect(command.args.slice(3)).toEqual(['sh', '/dev/sdb', '1000', '/media/eng/STICK WITH SPACE', '/media/eng/$(reboot)']);
    const script = command.args[2] ?? '';
    expect(script).not.toContain('/dev/sdb');
    expect(script).not.toContain('1000');
    expect(script).toMatch(/umount -- "\$mount"/);
    expect(script).toMatch(/chown -- "\$owner" "\$dev"/);
  });

  it.each(['/dev/sdb; reboot', '/dev/../etc/shadow', 'sdb', '/dev/sdb1 /dev/sda', '/dev/mapper/x', ''])(
    'refuses a device path of another shape: %j',
    (devicePath) => {
      expect(() => linuxGrantCommand(devicePath, [], 1000)).toThrow(ElevationError);
    },
  );

  it('refuses an account that is not a number', () => {
    expect(() => linuxGrantCommand('/dev/sdb', [], -1)).toThrow(ElevationError);
    expect(() => linuxGrantCommand('/dev/sdb', [], 1.5)).toThrow(ElevationError);
  });

  it.each([
    [0, 'done'],
    [126, 'declined'],
    [127, 'unavailable'],
    [3, 'unmount-failed'],
    [4, 'failed'],
    [1, 'failed'],
  ] as const)('exit %i means %s', (code, meaning) => {
    expect(elevationResult('linux', exited(code))).toBe(meaning);
  });

  it('pkexec missing is "unavailable"', () => {
    expect(elevationResult('linux', { ok: false, problem: 'commandMissing', stdout: '', stderr: '', exitCode: null })).toBe('unavailable');
  });
});

describe('the macOS command (osascript, administrator privileges)', () => {
  it('unmounts the disk and hands both of its nodes to the account', () => {
    expect(macGrantCommand('/dev/disk4', 501)).toEqual({
      file: '/usr/bin/osascript',
      args: [
        '-e',
        'do shell script "/usr/sbin/diskutil unmountDisk /dev/disk4 && /usr/sbin/chown 501 /dev/disk4 /dev/rdisk4" with administrator privileges',
      ],
    });
  });

  it.each(['/dev/disk4s1', '/dev/disk4" & do shell script "reboot', '/dev/rdisk4', '/Volumes/STICK'])('refuses %j', (devicePath) => {
    expect(() => macGrantCommand(devicePath, 501)).toThrow(ElevationError);
  });

  it('a cancelled password dialog is "declined", any other error "failed"', () => {
    expect(elevationResult('darwin', exited(1, '0:168: execution error: User canceled. (-128)'))).toBe('declined');
    expect(elevationResult('darwin', exited(1, '0:168: execution error: chown: /dev/disk4: Operation not permitted (1)'))).toBe('failed');
    expect(elevationResult('darwin', exited(0))).toBe('done');
  });
});

describe('the Windows restart (UAC)', () => {
  it('starts an elevated PowerShell that waits for this process, then starts the app again', () => {
    const command = windowsRelaunchCommand("C:\\Users\\O'Neil\\AppData\\Local\\Programs\\FieldGuard\\FieldGuard.exe", 4242);
    expect(command.file).toBe('powershell.exe');
    expect(command.args.slice(0, 3)).toEqual(['-NoProfile', '-NonInteractive', '-EncodedCommand']);
    const outer = decode(command.args[3] ?? '');
    expect(outer).toMatch(/^\$ErrorActionPreference = 'Stop'; Start-Process -FilePath powershell\.exe -Verb RunAs /);
    const inner = decode(/'-EncodedCommand','([A-Za-z0-9+/=]+)'/.exec(outer)?.[1] ?? '');
    expect(inner).toBe(
      "Wait-Process -Id 4242 -ErrorAction SilentlyContinue; Start-Process -FilePath 'C:\\Users\\O''Neil\\AppData\\Local\\Programs\\FieldGuard\\FieldGuard.exe'",
    );
  });

  it('refuses a path that is not an absolute Windows path', () => {
    expect(() => windowsRelaunchCommand('FieldGuard.exe', 1)).toThrow(ElevationError);
    expect(() => windowsRelaunchCommand('C:\\a"b.exe', 1)).toThrow(ElevationError);
  });

  it('a dismissed UAC prompt is "declined" in English and in Japanese', () => {
    expect(
      elevationResult(
        'win32',
        exited(1, 'Start-Process : This command cannot be run due to the error: The operation was canceled by the user.'),
      ),
    ).toBe('declined');
    expect(
      elevationResult(
        'win32',
        exited(1, 'Start-Process : エラーのため、このコマンドを実行できません: この操作はユーザーによって取り消されました。'),
      ),
    ).toBe('declined');
    expect(elevationResult('win32', exited(1, 'Start-Process : This command cannot be run because "FilePath" is not found.'))).toBe(
      'failed',
    );
  });
});

describe('grantDeviceAccess', () => {
  it('runs the command for this OS once, with the mount points of the device', async () => {
    const ran: ElevationCommand[] = [];
    const outcome = await grantDeviceAccess('/dev/sdc', {
      platform: 'linux',
      uid: 1000,
      mountsOf: async () => ['/media/eng/STICK'],
      run: async (command) => (ran.push(command), exited(0)),
    });
    expect(outcome).toBe('granted');
    expect(ran).toHaveLength(1);
    expect(ran[0]?.args.slice(-3)).toEqual(['/dev/sdc', '1000', '/media/eng/STICK']);
  });

  it('on Windows the answer is a restart, not access', async () => {
    await expect(
      grantDeviceAccess('\\\\.\\PHYSICALDRIVE2', {
        platform: 'win32',
        executable: 'C:\\FieldGuard\\FieldGuard.exe',
        pid: 7,
        run: async () => exited(0),
      }),
    ).resolves.toBe('relaunching');
  });

  it('a refusal says which, with the tool’s first line for the log', async () => {
    const error = await grantDeviceAccess('/dev/sdc', {
      platform: 'linux',
      uid: 1000,
      run: async () => exited(126, 'Error executing command as another user: Request dismissed\nmore'),
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ElevationError);
    expect((error as ElevationError).refusal).toBe('declined');
    expect((error as ElevationError).detail).toBe('Error executing command as another user: Request dismissed');
  });

  it('there is no prompt to ask on other systems', async () => {
    await expect(grantDeviceAccess('/dev/da0', { platform: 'freebsd', run: async () => exited(0) })).rejects.toMatchObject({
      refusal: 'unavailable',
    });
  });
});
