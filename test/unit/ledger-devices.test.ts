/**
 * Recognising attached media as the ledger needs them — make, model, serial, bus, and which
 * mounted volume each belongs to — on this machine for real (node-disk-info and lsblk), and on
 * a Linux laptop, a Japanese Windows 11 laptop and a Mac from recorded outputs: the volumes
 * through node-disk-info's own parsers on Linux and macOS and through CIM on Windows
 * (test/fixtures/disks), the devices through ours (test/fixtures/devices).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { attachedMedia, mountKey } from '../../electron/core/ledger/detect-media';
import { parseDarwinMount, parseLsblkJson, parseProcMounts } from '../../electron/platform/disks/mount-tables';
import { readVolumes } from '../../electron/platform/disks/read-volumes';
import { volumesFromDrives, type DriveRecord } from '../../electron/platform/disks/volumes-from-drives';
import { parseWindowsVolumes } from '../../electron/platform/disks/windows-volumes';
import { LSBLK_DEVICE_ARGS, parseLsblkDevices } from '../../electron/platform/devices/linux-lsblk-devices';
import { parseSystemProfilerDevices, wholeDisk } from '../../electron/platform/devices/macos-storage-devices';
import { readDeviceDetails } from '../../electron/platform/devices/read-device-details';
import { parseWindowsDevices } from '../../electron/platform/devices/windows-disk-devices';
import { Darwin, Linux, restoreAfterEach, utils } from '../support/node-disk-info-platforms';

restoreAfterEach();

/** A recorded file without its `# Source:` / `# Format:` header line, split at `--- name ---` lines. */
function recorded(folder: string, name: string): string[] {
  const text = readFileSync(path.join(import.meta.dirname, '../fixtures', folder, name), 'utf8');
  expect(text).toMatch(/^# (Source|Format): /);
  return text.slice(text.indexOf('\n') + 1).split(/^--- \w+ ---\n/m);
}
const device = (os: string, name: string) => recorded(`devices/${os}`, name)[0]!;

function drivesFrom(parser: { run(): DriveRecord[] }, output: string, dropHeader: boolean): DriveRecord[] {
  utils.Utils.execute = () => Buffer.from(dropHeader ? output.split('\n').slice(1).join('\n') : output, 'utf8');
  utils.Utils.chcp = () => '65001';
  return parser.run();
}

const registered = [{ id: 'item-1', label: 'FG-USB-001', serial: '4c53 0001 2308 1511 7224' }];

describe('this machine, for real', () => {
  it('lsblk answers the device columns and the root file system’s disk carries the "/" mount', () => {
    const details = parseLsblkDevices(execFileSync('lsblk', [...LSBLK_DEVICE_ARGS], { encoding: 'utf8' }));
    const root = details.find((d) => d.mounts.includes('/'));
    expect(root).toBeDefined();
    expect(root!.sizeBytes).toBeGreaterThan(0);
    expect(root!.removable).toBe(false);
  });

  it('the ports together list no internal volume as attached media', async () => {
    const [volumes, details] = await Promise.all([readVolumes(), readDeviceDetails()]);
    expect(volumes.some((v) => v.mount === '/')).toBe(true);
    const media = attachedMedia(volumes, details, registered);
    expect(media.map((m) => m.mount)).not.toContain('/');
    // Whatever is attached is removable or on an external bus, by the OS's own account.
    for (const medium of media)
      expect(volumes.find((v) => v.mount === medium.mount)?.removable === true || ['usb', 'sd', 'mmc'].includes(medium.bus ?? '')).toBe(
        true,
      );
  });

  it('recorded output of this machine parses to the same devices as a fresh run', () => {
    const recordedRun = parseLsblkDevices(device('linux', 'lsblk-this-vm-2.38.txt'));
    expect(recordedRun.find((d) => d.mounts.includes('/'))).toMatchObject({ removable: false, serial: null });
  });
});

describe('a Linux laptop with a USB stick and an SD card', () => {
  const details = parseLsblkDevices(device('linux', 'lsblk-usb-sd-2.38.txt'));

  it('reads make, model, serial and bus per disk, with the mounts of partitions and LUKS mappings below it', () => {
    expect(details).toEqual([
      {
        mounts: ['/media/engineer/MY DISK'],
        vendor: 'SanDisk',
        model: 'Cruzer Blade',
        serial: '4C530001230815117224',
        bus: 'usb',
        sizeBytes: 31266439168,
        removable: true,
      },
      {
        mounts: ['/media/engineer/SDCARD'],
        vendor: null,
        model: null,
        serial: '0x8f3d21a5',
        bus: 'sd',
        sizeBytes: 63864569856,
        removable: false,
      },
      {
        mounts: ['/boot/efi', '/'],
        vendor: null,
        model: 'SAMSUNG MZVL2512HCJQ-00B00',
        serial: 'S675NX0T412345',
        bus: 'nvme',
        sizeBytes: 512110190592,
        removable: false,
      },
    ]);
  });

  it('joined with node-disk-info’s volumes: the stick is attached media, recognised by serial despite spaces and case', () => {
    const [df, mounts, lsblk] = recorded('disks', 'linux-usb.txt');
    const volumes = volumesFromDrives(drivesFrom(Linux, df!, true), 'linux', {
      mounts: parseProcMounts(mounts!),
      blockDevices: parseLsblkJson(lsblk!),
    });
    const media = attachedMedia(volumes, details, registered);
    expect(media).toEqual([
      {
        mount: '/media/engineer/MY DISK',
        device: '/dev/sda1',
        volumeLabel: 'MY DISK',
        fileSystem: 'exfat',
        sizeBytes: 30502688 * 1024,
        vendor: 'SanDisk',
        model: 'Cruzer Blade',
        serial: '4C530001230815117224',
        bus: 'usb',
        deviceSizeBytes: 31266439168,
        suggestedType: 'usb-memory',
        registeredItemId: 'item-1',
        registeredLabel: 'FG-USB-001',
      },
    ]);
  });

  it('an SD card in the built-in reader is attached media although the kernel calls it not removable', () => {
    const sd = {
      mount: '/media/engineer/SDCARD',
      device: '/dev/mapper/luks-sdcard',
      fileSystem: 'ext4',
      label: null,
      sizeBytes: 62e9,
      freeBytes: 60e9,
      removable: false,
    };
    expect(attachedMedia([sd], details, [])).toMatchObject([{ suggestedType: 'sd-card', serial: '0x8f3d21a5', registeredItemId: null }]);
  });

  it('reads util-linux 2.32, where every value is a string', () => {
    expect(parseLsblkDevices(device('linux', 'lsblk-old-strings-2.32.txt'))).toEqual([
      {
        mounts: ['/run/media/engineer/IODATA'],
        vendor: 'I-O DATA',
        model: 'USB Flash Disk',
        serial: 'A1B2C3D4E5F6',
        bus: 'usb',
        sizeBytes: 15728640000,
        removable: true,
      },
    ]);
  });
});

describe('a Windows 11 laptop in Japanese', () => {
  const details = parseWindowsDevices(device('windows', 'get-disk-partition-ja.txt'));

  it('maps drive letters to disks and keeps enum bus names, trimming the stick’s padded serial', () => {
    expect(details.map((d) => [d.mounts, d.vendor, d.model, d.serial, d.bus, d.removable])).toEqual([
      [['C:'], null, 'SAMSUNG MZVL2512HCJQ-00B00', '0025_3882_1143_5A7E.', 'nvme', false],
      [['D:'], 'BUFFALO', 'USB Flash Disk', '0702387A1B2C3D4E', 'usb', true],
      [[], 'Generic-', 'SD/MMC', null, 'usb', true],
    ]);
  });

  it('joined with the CIM volumes of Windows 11 24H2: D: is the attached stick, not registered', () => {
    const [cim] = recorded('disks', 'windows-cim-logicaldisk-24h2-ja.txt');
    const volumes = parseWindowsVolumes(cim!);
    const media = attachedMedia(volumes, details, registered);
    expect(media.map((m) => [m.mount, m.vendor, m.serial, m.suggestedType, m.registeredLabel])).toEqual([
      ['D:', 'BUFFALO', '0702387A1B2C3D4E', 'usb-memory', null],
    ]);
  });

  it('reads Windows PowerShell 5.1’s bare objects and numeric BusType', () => {
    expect(parseWindowsDevices(device('windows', 'get-disk-single-ps51.txt'))).toEqual([
      {
        mounts: ['C:'],
        vendor: null,
        model: 'KIOXIA KXG60ZNV512G',
        serial: '8ED1234ABCD',
        bus: 'nvme',
        sizeBytes: 512110190592,
        removable: false,
      },
    ]);
  });

  it('compares drive letters without case or trailing separator', () => {
    expect([mountKey('d:\\'), mountKey('D:'), mountKey('/media/x/'), mountKey('/')]).toEqual(['D:', 'D:', '/media/x', '/']);
  });
});

describe('a Mac with a USB stick named "USB MEMORY"', () => {
  const details = parseSystemProfilerDevices(device('macos', 'system-profiler-storage-usb-14.txt'));

  it('joins the storage volume to its USB device by whole disk, for make and serial', () => {
    expect(wholeDisk('disk3s1s1')).toBe('disk3');
    expect(details).toEqual([
      {
        mounts: ['/', '/System/Volumes/Data'],
        vendor: null,
        model: 'APPLE SSD AP0512Q',
        serial: null,
        bus: 'apple fabric',
        sizeBytes: null,
        removable: false,
      },
      {
        mounts: ['/Volumes/USB MEMORY'],
        vendor: 'SanDisk',
        model: 'Cruzer Blade',
        serial: '4C530001230815117224',
        bus: 'usb',
        sizeBytes: 32017047552,
        removable: true,
      },
    ]);
  });

  it('joined with node-disk-info’s df volumes (which cannot tell removable on macOS): the stick is attached and registered', () => {
    const [df, mount] = recorded('disks', 'macos-df-P.txt');
    const volumes = volumesFromDrives(drivesFrom(Darwin, df!, true), 'darwin', { mounts: parseDarwinMount(mount!), blockDevices: [] });
    const media = attachedMedia(volumes, details, registered);
    expect(media.map((m) => [m.mount, m.model, m.registeredLabel])).toEqual([['/Volumes/USB MEMORY', 'Cruzer Blade', 'FG-USB-001']]);
  });
});
