/**
 * Volumes as a person would check them: the right mount points (spaces included), sizes in
 * bytes, file systems, and which media are removable — on this machine for real, on macOS
 * and a Linux laptop with a USB stick from recorded `df` output fed through node-disk-info's
 * own parsers, and on Windows 11 24H2 (no wmic) from recorded CIM output.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listVolumes } from '../../electron/core/disks/list-volumes';
import { AppError } from '../../electron/core/app-error';
import { parseDarwinMount, parseLsblkJson, parseProcMounts } from '../../electron/platform/disks/mount-tables';
import { readVolumes } from '../../electron/platform/disks/read-volumes';
import { volumesFromDrives, type DriveRecord } from '../../electron/platform/disks/volumes-from-drives';
import { parseWindowsVolumes } from '../../electron/platform/disks/windows-volumes';
import type { CommandOutcome } from '../../electron/platform/self-check/run-probe-command';
import type { PowerShellRunner } from '../../electron/platform/self-check/windows/powershell-json';
import { Darwin, Linux, restoreAfterEach, utils } from '../support/node-disk-info-platforms';

restoreAfterEach();

/** A recorded fixture: the header line, then sections split by `--- name ---` lines. */
function fixture(name: string): string[] {
  const text = readFileSync(path.join(import.meta.dirname, '../fixtures/disks', name), 'utf8');
  return text.slice(text.indexOf('\n') + 1).split(/^--- \w+ ---\n/m);
}

/** node-disk-info's parser, run on recorded output instead of the command (it pipes df through `awk 'NR > 1'`). */
function drivesFrom(parser: { run(): DriveRecord[] }, output: string, dropHeader: boolean): DriveRecord[] {
  utils.Utils.execute = () => Buffer.from(dropHeader ? output.split('\n').slice(1).join('\n') : output, 'utf8');
  utils.Utils.chcp = () => '65001';
  return parser.run();
}

describe('volumes on this machine', () => {
  it('include the root file system with a real size, free space and file-system type', async () => {
    const volumes = await readVolumes();
    const root = volumes.find((v) => v.mount === '/');
    expect(root).toBeDefined();
    expect(root!.sizeBytes).toBeGreaterThan(root!.freeBytes);
    expect(root!.freeBytes).toBeGreaterThan(0);
    expect(root!.fileSystem).toMatch(/^[a-z0-9]+$/);
  });

  it('leave out kernel and memory file systems', async () => {
    const volumes = await readVolumes();
    expect(volumes.map((v) => v.fileSystem)).not.toContain('tmpfs');
    expect(volumes.map((v) => v.mount)).not.toContain('/dev');
  });

  it('are listed in mount order with the time they were read', async () => {
    const list = await listVolumes(readVolumes, () => new Date('2026-11-26T03:00:00Z'));
    expect(list.readAt).toBe('2026-11-26T03:00:00.000Z');
    expect(list.volumes.map((v) => v.mount)).toEqual([...list.volumes.map((v) => v.mount)].sort((a, b) => a.localeCompare(b, 'en')));
  });

  it('a failure to read them is reported as DISKS_UNAVAILABLE', async () => {
    await expect(listVolumes(() => Promise.reject(new Error('df failed')))).rejects.toEqual(new AppError('DISKS_UNAVAILABLE'));
  });
});

describe('a Linux laptop with a USB stick labelled "MY DISK"', () => {
  const [df, mounts, lsblk] = fixture('linux-usb.txt');
  const volumes = volumesFromDrives(drivesFrom(Linux, df!, true), 'linux', {
    mounts: parseProcMounts(mounts!),
    blockDevices: parseLsblkJson(lsblk!),
  });

  it('shows the stick at its full mount point, although df splits it at the space', () => {
    expect(volumes.map((v) => v.mount)).toEqual(['/', '/boot/efi', '/media/engineer/MY DISK']);
  });

  it('marks the stick removable with its label and file system, and the internal disk not', () => {
    expect(volumes.find((v) => v.mount === '/media/engineer/MY DISK')).toEqual({
      mount: '/media/engineer/MY DISK',
      device: '/dev/sda1',
      fileSystem: 'exfat',
      label: 'MY DISK',
      sizeBytes: 30502688 * 1024,
      freeBytes: 29454112 * 1024,
      removable: true,
    });
    expect(volumes.find((v) => v.mount === '/')?.removable).toBe(false);
  });

  it('reads old util-linux output where flags are "0"/"1" strings', () => {
    expect(parseLsblkJson('{"blockdevices":[{"name":"sdb","rm":"1","hotplug":"0","label":null}]}')).toEqual([
      { path: '/dev/sdb', removable: true, label: null },
    ]);
  });
});

describe('a Windows 11 24H2 laptop in Japanese, which has no wmic', () => {
  const [cim] = fixture('windows-cim-logicaldisk-24h2-ja.txt');
  /** Plays PowerShell: answers the recorded output and remembers which scripts it was asked to run. */
  function recordedPowerShell(output: CommandOutcome) {
    const scripts: string[] = [];
    const run: PowerShellRunner = (script) => {
      scripts.push(script);
      return Promise.resolve(output);
    };
    return { run, scripts };
  }

  it('reads the drives through CIM, never wmic, with sizes in bytes, file system and label', async () => {
    const powerShell = recordedPowerShell({ ok: true, stdout: cim!, stderr: '', exitCode: 0 });
    const volumes = await readVolumes('win32', powerShell.run);
    expect(powerShell.scripts).toHaveLength(1);
    expect(powerShell.scripts[0]).toContain('Get-CimInstance -ClassName Win32_LogicalDisk');
    expect(powerShell.scripts[0]).not.toMatch(/wmic/i);
    expect(volumes).toEqual([
      {
        mount: 'C:',
        device: 'Local Fixed Disk',
        fileSystem: 'NTFS',
        label: 'Windows',
        sizeBytes: 254721126400,
        freeBytes: 85899345920,
        removable: false,
      },
      {
        mount: 'D:',
        device: 'Removable Disk',
        fileSystem: 'exFAT',
        label: '保守データ',
        sizeBytes: 31992053760,
        freeBytes: 31914983424,
        removable: true,
      },
      {
        mount: 'Z:',
        device: '\\\\fileserver\\保守',
        fileSystem: 'NTFS',
        label: '共有',
        sizeBytes: 536870912000,
        freeBytes: 107374182400,
        removable: false,
      },
    ]);
  });

  it('leaves out the card reader with no card, and says unknown for a drive type it does not know', () => {
    expect(parseWindowsVolumes(cim!).map((v) => v.mount)).not.toContain('E:');
    // Windows PowerShell 5.1 prints a lone drive as a bare object.
    const lone =
      '{"disks":{"DeviceID":"F:","DriveType":7,"FileSystem":"UDF","VolumeName":"","Size":4700000000,"FreeSpace":0,"ProviderName":""}}';
    expect(parseWindowsVolumes(lone)).toEqual([
      { mount: 'F:', device: 'DriveType 7', fileSystem: 'UDF', label: null, sizeBytes: 4700000000, freeBytes: 0, removable: null },
    ]);
  });

  it('reports the volumes unavailable when PowerShell fails or answers something else', async () => {
    const denied = recordedPowerShell({
      ok: false,
      problem: 'accessDenied',
      stdout: '',
      stderr: 'Get-CimInstance : アクセスが拒否されました。',
      exitCode: 1,
    });
    await expect(listVolumes(() => readVolumes('win32', denied.run))).rejects.toEqual(new AppError('DISKS_UNAVAILABLE'));
    const garbled = recordedPowerShell({ ok: true, stdout: 'Caption=C:\r\r\nSize=1', stderr: '', exitCode: 0 });
    await expect(listVolumes(() => readVolumes('win32', garbled.run))).rejects.toEqual(new AppError('DISKS_UNAVAILABLE'));
  });
});

describe('a Mac with a USB stick named "USB MEMORY"', () => {
  const [df, mount] = fixture('macos-df-P.txt');
  const volumes = volumesFromDrives(drivesFrom(Darwin, df!, true), 'darwin', { mounts: parseDarwinMount(mount!), blockDevices: [] });

  it('counts 512-byte blocks, restores the mount point with its space and leaves out devfs and autofs', () => {
    expect(volumes.map((v) => [v.mount, v.fileSystem, v.sizeBytes])).toEqual([
      ['/', 'apfs', 965595304 * 512],
      ['/System/Volumes/VM', 'apfs', 965595304 * 512],
      ['/System/Volumes/Data', 'apfs', 965595304 * 512],
      ['/Volumes/USB MEMORY', 'msdos', 62480384 * 512],
    ]);
  });

  it('says "unknown" rather than guessing whether a volume is removable', () => {
    expect(new Set(volumes.map((v) => v.removable))).toEqual(new Set([null]));
  });
});
