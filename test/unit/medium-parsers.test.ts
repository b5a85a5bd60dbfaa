/**
 * What the medium probes say lies under an erasure target, from recorded outputs of a Linux
 * laptop (NVMe with LUKS/LVM, a SATA hard disk with a data=journal partition, a USB stick with a
 * space in its mount point, an SD card, a loop image), a Windows laptop (NVMe, HDD, USB stick,
 * VHDX; and PowerShell 5.1's bare-object shape) and a Mac (APFS on the internal SSD, exFAT on a
 * USB stick): the facts a certificate prints, and the grade they earn.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { gradeFileOverwrite } from '../../electron/core/erasure/nist-grade';
import { mountContaining, parseMountInfo } from '../../electron/platform/disks/mount-tables';
import {
  linuxMediumFrom,
  linuxWholeDevicesFrom,
  NO_SYSFS_FACTS,
  parseLsblkTree,
  type SysfsFacts,
} from '../../electron/platform/media/linux-medium';
import {
  diskutilError,
  macDeviceFrom,
  macVolumeFrom,
  parseDfMountPoint,
  parseDiskutilInfo,
  parseDiskutilWholeDisks,
  physicalWholeDiskOf,
} from '../../electron/platform/media/macos-medium';
import { parseWindowsMedia, rotationalFrom, windowsDevicesFrom, windowsMediumFrom } from '../../electron/platform/media/windows-medium';
import { driveLetterOf } from '../../electron/platform/media/windows-medium-probe';

/** A recorded output without its `# Source:` line. */
function recorded(name: string, folder = 'media'): string {
  const text = readFileSync(path.join(import.meta.dirname, '../fixtures', folder, name), 'utf8');
  expect(text).toMatch(/^# Source: /);
  return text.slice(text.indexOf('\n') + 1);
}

describe('Linux: /proc/self/mountinfo', () => {
  const mounts = parseMountInfo(recorded('linux-mountinfo-laptop.txt'));

  it('unescapes \\040 in mount points and keeps mount and super options apart', () => {
    const stick = mounts.find((m) => m.mount === '/media/engineer/MY DISK');
    expect(stick).toMatchObject({ fileSystem: 'vfat', source: '/dev/sda1', majorMinor: '8:1' });
    const journaled = mounts.find((m) => m.mount === '/srv/journaled');
    expect(journaled?.mountOptions).toEqual(['rw', 'relatime']);
    expect(journaled?.superOptions).toContain('data=journal');
  });

  it('finds the longest mount point that is a whole parent folder of the path', () => {
    expect(mountContaining(mounts, '/media/engineer/MY DISK/検査/a.csv')?.mount).toBe('/media/engineer/MY DISK');
    // "/media/engineer/MY DISKette" is not inside "/media/engineer/MY DISK".
    expect(mountContaining(mounts, '/media/engineer/MY DISKette/a')?.mount).toBe('/');
    expect(mountContaining(mounts, '/home/engineer/exports/a')?.mount).toBe('/home/engineer/exports');
    expect(mountContaining(mounts, '/boot/efi/EFI')?.mount).toBe('/boot/efi');
  });
});

describe('Linux: the medium under a path (mountinfo + lsblk tree)', () => {
  const mounts = parseMountInfo(recorded('linux-mountinfo-laptop.txt'));
  const disks = parseLsblkTree(recorded('linux-lsblk-laptop-2.38.txt'));
  const sysfs: SysfsFacts = { backingFiles: { loop0: '/home/engineer/images/field.img' }, mmcTypes: { mmcblk0: 'SD' } };
  const medium = (resolvedPath: string) => linuxMediumFrom({ resolvedPath, mounts, disks, sysfs });

  it('ext4 data=journal on a SATA hard disk: options recorded, the disk named, and partial for the journal', () => {
    const m = medium('/srv/journaled/患者/a.dcm');
    expect(m.volume).toEqual({
      mountPoint: '/srv/journaled',
      fileSystem: 'ext4',
      mountOptions: ['rw', 'relatime', 'nodioread_nolock', 'nodelalloc', 'data=journal'],
      source: '/dev/sdb1',
    });
    expect(m.device).toMatchObject({
      path: '/dev/sdb',
      vendor: 'ATA',
      model: 'WDC WD10EZEX-08WN4A0',
      serial: 'WD-WCC6Y3KJ1234',
      transport: 'sata',
      rotational: true,
      removable: false,
      logicalSectorBytes: 512,
      holdsSystem: false,
      source: 'lsblk',
    });
    const grade = gradeFileOverwrite(m);
    expect(grade.grade).toBe('partial');
    expect(grade.reasons.map((r) => r.en).join(' ')).toMatch(/data=journal/);
  });

  it('default ext4 on the same hard disk earns Clear', () => {
    const m = medium('/srv/plain/a.dcm');
    expect(m.device?.path).toBe('/dev/sdb');
    expect(m.volume?.mountOptions).not.toContain('data=journal');
    expect(gradeFileOverwrite(m).grade).toBe('clear');
  });

  it('LVM on LUKS on an NVMe partition leads down to the NVMe disk, which holds the system', () => {
    const m = medium('/home/engineer/report.pdf');
    expect(m.volume?.source).toBe('/dev/mapper/laptop--vg-home');
    expect(m.device).toMatchObject({
      path: '/dev/nvme0n1',
      model: 'Samsung SSD 980 PRO 1TB',
      transport: 'nvme',
      rotational: false,
      holdsSystem: true,
    });
    expect(gradeFileOverwrite(m).grade).toBe('partial');
  });

  it('a USB stick that lsblk calls rotational is still not graded Clear', () => {
    const m = medium('/media/engineer/MY DISK/検査/a.csv');
    expect(m.device).toMatchObject({
      path: '/dev/sda',
      vendor: 'SanDisk',
      model: 'Ultra',
      serial: '4C530001231115117224',
      transport: 'usb',
      rotational: true,
      removable: true,
      holdsSystem: false,
    });
    const grade = gradeFileOverwrite(m);
    expect(grade.grade).toBe('partial');
    expect(grade.reasons[0]?.en).toMatch(/USB/);
  });

  it('an SD card in the built-in reader is transport sd (sysfs type), exFAT', () => {
    const m = medium('/media/engineer/SDCARD/x');
    expect(m.volume?.fileSystem).toBe('exfat');
    expect(m.device).toMatchObject({ path: '/dev/mmcblk0', transport: 'sd', removable: true });
    expect(linuxMediumFrom({ resolvedPath: '/media/engineer/SDCARD/x', mounts, disks, sysfs: NO_SYSFS_FACTS }).device?.transport).toBe(
      'mmc',
    );
  });

  it('a loop-mounted image is virtual, with its backing file, and no rotational claim', () => {
    const m = medium('/mnt/image/a');
    expect(m.device).toMatchObject({
      path: '/dev/loop0',
      transport: 'virtual',
      rotational: null,
      backingFile: '/home/engineer/images/field.img',
      source: 'lsblk, sysfs',
    });
    expect(gradeFileOverwrite(m).reasons[0]?.en).toMatch(/virtual device \(backing file \/home\/engineer\/images\/field\.img\)/);
  });

  it('a mount whose source name lsblk does not know is matched by device number', () => {
    const renamed = mounts.map((m) => (m.mount === '/' ? { ...m, source: '/dev/root' } : m));
    expect(linuxMediumFrom({ resolvedPath: '/etc/hosts', mounts: renamed, disks }).device?.path).toBe('/dev/nvme0n1');
  });

  it('a volume on RAID across two disks names no single device, and says so', () => {
    const raid = parseLsblkTree(
      JSON.stringify({
        blockdevices: ['sdc', 'sdd'].map((disk, i) => ({
          path: `/dev/${disk}`,
          type: 'disk',
          rota: true,
          tran: 'sata',
          'maj:min': `8:${32 + 16 * i}`,
          children: [
            {
              path: `/dev/${disk}1`,
              type: 'part',
              children: [{ path: '/dev/md0', type: 'raid1', mountpoint: '/srv/raid', 'maj:min': '9:0' }],
            },
          ],
        })),
      }),
    );
    const m = linuxMediumFrom({
      resolvedPath: '/srv/raid/a',
      mounts: parseMountInfo('50 29 9:0 / /srv/raid rw - ext4 /dev/md0 rw\n'),
      disks: raid,
    });
    expect(m.device).toBeNull();
    expect(m.problems.join()).toMatch(/spans several disks \(\/dev\/sdc, \/dev\/sdd\)/);
    expect(gradeFileOverwrite(m).grade).toBe('partial');
  });

  it('what cannot be read stays null with its reason, and grades partial', () => {
    const noLsblk = linuxMediumFrom({
      resolvedPath: '/srv/plain/a',
      mounts,
      disks: null,
      problems: ['lsblk could not be run (commandMissing)'],
    });
    expect(noLsblk.volume?.fileSystem).toBe('ext4');
    expect(noLsblk.device).toBeNull();
    expect(noLsblk.problems).toEqual(['lsblk could not be run (commandMissing)']);
    expect(gradeFileOverwrite(noLsblk).grade).toBe('partial');
    const nothing = linuxMediumFrom({
      resolvedPath: '/srv/plain/a',
      mounts: null,
      disks: null,
      problems: ['/proc/self/mountinfo could not be read: EACCES'],
    });
    expect(nothing).toEqual({ volume: null, device: null, problems: ['/proc/self/mountinfo could not be read: EACCES'] });
  });

  it('old util-linux strings ("1", sizes as text) parse to the same kinds of facts', () => {
    const old = parseLsblkTree(
      '{"blockdevices":[{"name":"sdb","type":"disk","tran":"usb","rota":"1","rm":"1","hotplug":"1","size":"31266439168","log-sec":"512","maj:min":"8:16","mountpoint":null}]}',
    );
    const m = linuxMediumFrom({
      resolvedPath: '/media/u/X/a',
      mounts: parseMountInfo('60 29 8:16 / /media/u/X rw - vfat /dev/sdb rw\n'),
      disks: old,
    });
    expect(m.device).toMatchObject({
      path: '/dev/sdb',
      rotational: true,
      removable: true,
      sizeBytes: 31266439168,
      logicalSectorBytes: 512,
    });
  });
});

describe('Linux: whole devices for whole-medium erasure', () => {
  const mounts = parseMountInfo(recorded('linux-mountinfo-laptop.txt'));
  const disks = parseLsblkTree(recorded('linux-lsblk-laptop-2.38.txt'));

  it('lists every disk with holdsSystem from the system mounts and the data folder', () => {
    const devices = linuxWholeDevicesFrom(disks, mounts, NO_SYSFS_FACTS, null);
    // loop0 has no backing file here, so it is not offered.
    expect(devices.map((d) => [d.path, d.holdsSystem])).toEqual([
      ['/dev/sda', false],
      ['/dev/sdb', false],
      ['/dev/mmcblk0', false],
      ['/dev/nvme0n1', true],
    ]);
    const dataOnHardDisk = linuxWholeDevicesFrom(disks, mounts, NO_SYSFS_FACTS, mountContaining(mounts, '/srv/plain/fieldguard'));
    expect(dataOnHardDisk.find((d) => d.path === '/dev/sdb')?.holdsSystem).toBe(true);
  });

  it('without a mount table only lsblk’s own system mounts say yes; the rest is unknown, not "no"', () => {
    const devices = linuxWholeDevicesFrom(disks, null, { backingFiles: { loop0: '/img' }, mmcTypes: {} }, null);
    expect(devices.find((d) => d.path === '/dev/nvme0n1')?.holdsSystem).toBe(true);
    expect(devices.find((d) => d.path === '/dev/sda')?.holdsSystem).toBeNull();
    expect(devices.find((d) => d.path === '/dev/loop0')).toMatchObject({ transport: 'virtual', backingFile: '/img' });
  });
});

describe('Windows: Get-Volume / Get-Partition / Get-Disk / Get-PhysicalDisk', () => {
  const laptopD = parseWindowsMedia(recorded('windows-medium-laptop-D.txt'));

  it('NTFS on a SATA hard disk (MediaType HDD, 7200 rpm) earns Clear, with NTFS residual risks', () => {
    const m = windowsMediumFrom(laptopD, 'D', { systemDrive: 'C' });
    expect(m.volume).toEqual({
      mountPoint: 'D:\\',
      fileSystem: 'ntfs',
      mountOptions: [],
      source: '\\\\?\\Volume{5e2d1c3a-0000-0000-0000-100000000000}\\',
    });
    expect(m.device).toMatchObject({
      path: '\\\\.\\PHYSICALDRIVE1',
      model: 'WDC WD10EZEX-08WN4A0',
      serial: 'WD-WCC6Y3KJ1234',
      transport: 'sata',
      rotational: true,
      holdsSystem: false,
      source: 'Get-PhysicalDisk',
    });
    const grade = gradeFileOverwrite(m);
    expect(grade.grade).toBe('clear');
    expect(grade.residualRisks.map((r) => r.en).join(' ')).toMatch(/MFT.*\$LogFile.*USN/);
    expect(grade.residualRisks.map((r) => r.ja).join(' ')).toMatch(/MFTレコード/);
  });

  it('FAT32 on a USB stick (MediaType Unspecified): rotational unknown, removable, partial', () => {
    const m = windowsMediumFrom(parseWindowsMedia(recorded('windows-medium-laptop-E.txt')), 'E');
    expect(m.volume?.fileSystem).toBe('fat32');
    expect(m.device).toMatchObject({
      vendor: 'SanDisk',
      model: 'Ultra USB 3.0',
      serial: '4C530001231115117224',
      transport: 'usb',
      rotational: null,
      removable: true,
    });
    const grade = gradeFileOverwrite(m);
    expect(grade.grade).toBe('partial');
    expect(grade.residualRisks.map((r) => r.en).join(' ')).toMatch(/directory entry is only marked deleted/);
  });

  it('lists the system NVMe disk as holding the system, the data folder’s disk too, and a VHDX as virtual with its file', () => {
    const devices = windowsDevicesFrom(laptopD, { systemDrive: 'C', dataFolder: 'D' });
    expect(devices.map((d) => [d.path.replace(/^.*PHYSICALDRIVE/, ''), d.transport, d.rotational, d.holdsSystem])).toEqual([
      ['0', 'nvme', false, true],
      ['1', 'sata', true, true],
      ['2', 'usb', null, false],
      ['3', 'virtual', null, false],
    ]);
    expect(devices[3]?.backingFile).toBe('C:\\Users\\engineer\\Documents\\検査データ.vhdx');
    const flagsMissing = parseWindowsMedia(
      JSON.stringify({ ...JSON.parse(recorded('windows-medium-laptop-D.txt')), disks: { Number: 2, BusType: 'USB' } }),
    );
    expect(windowsDevicesFrom(flagsMissing)[0]?.holdsSystem).toBeNull();
  });

  it('PowerShell 5.1 prints one-element arrays as bare objects: read the same', () => {
    const m = windowsMediumFrom(parseWindowsMedia(recorded('windows-medium-single-ps51.txt')), 'C');
    expect(m.device).toMatchObject({
      path: '\\\\.\\PHYSICALDRIVE0',
      transport: 'nvme',
      rotational: false,
      holdsSystem: true,
      logicalSectorBytes: 512,
    });
    expect(m.volume?.mountPoint).toBe('C:\\');
  });

  it('without Get-PhysicalDisk nothing is said of rotation, and the problem is kept', () => {
    const denied = parseWindowsMedia(
      JSON.stringify({
        ...JSON.parse(recorded('windows-medium-laptop-D.txt')),
        physicalDisks: [],
        problems: ['Get-PhysicalDisk: Access denied'],
      }),
    );
    const m = windowsMediumFrom(denied, 'D');
    expect(m.device).toMatchObject({ rotational: null, source: 'Get-Disk' });
    expect(m.problems).toEqual(['Get-PhysicalDisk: Access denied']);
    expect(gradeFileOverwrite(m).grade).toBe('partial');
    expect(windowsMediumFrom(laptopD, 'Q')).toMatchObject({ device: null, problems: ['no disk partition holds drive Q:'] });
  });

  it('MediaType as name or number; HDD with spindle 0 contradicts itself and is unknown', () => {
    expect([
      rotationalFrom('HDD', 7200),
      rotationalFrom('HDD', 4294967295),
      rotationalFrom('SSD', 0),
      rotationalFrom('SCM', 0),
      rotationalFrom('Unspecified', 5400),
    ]).toEqual([true, true, false, false, null]);
    expect([rotationalFrom(3, 7200), rotationalFrom(4, 0), rotationalFrom(0, 0), rotationalFrom('HDD', 0)]).toEqual([
      true,
      false,
      null,
      null,
    ]);
  });

  it('takes the drive letter of a resolved path; a network share has none', () => {
    expect(driveLetterOf('d:\\患者\\a.dcm')).toBe('D');
    expect(driveLetterOf('\\\\server\\share\\a.dcm')).toBeNull();
  });
});

describe('macOS: diskutil info -plist', () => {
  it('APFS data volume on the internal SSD: the physical store leads to disk0, solid state, partial', () => {
    const volumeInfo = parseDiskutilInfo(recorded('macos-diskutil-info-apfs-data.plist.txt'));
    expect(macVolumeFrom(volumeInfo)).toEqual({
      mountPoint: '/System/Volumes/Data',
      fileSystem: 'apfs',
      mountOptions: [],
      source: '/dev/disk3s5',
    });
    expect(physicalWholeDiskOf(volumeInfo)).toEqual({ disk: 'disk0', problem: null });
    const device = macDeviceFrom(parseDiskutilInfo(recorded('macos-diskutil-info-disk0.plist.txt')), { holdsSystem: true, serial: null });
    expect(device).toEqual({
      path: '/dev/disk0',
      vendor: null,
      model: 'APPLE SSD AP0512Z',
      serial: null,
      sizeBytes: 500277792768,
      transport: 'other',
      rotational: false,
      removable: false,
      logicalSectorBytes: 4096,
      holdsSystem: true,
      backingFile: null,
      source: 'diskutil info',
    });
    const grade = gradeFileOverwrite({ volume: macVolumeFrom(volumeInfo), device, problems: [] });
    expect(grade.grade).toBe('partial');
    expect(grade.reasons.map((r) => r.en)).toEqual([
      expect.stringMatching(/SSD or other flash/),
      expect.stringMatching(/APFS is a copy-on-write/),
    ]);
  });

  it('exFAT on a USB stick: parent whole disk disk4, USB, removable, rotation unknown', () => {
    const volumeInfo = parseDiskutilInfo(recorded('macos-diskutil-info-exfat-usb.plist.txt'));
    expect(macVolumeFrom(volumeInfo)).toMatchObject({ mountPoint: '/Volumes/USB STICK', fileSystem: 'exfat', source: '/dev/disk4s1' });
    expect(physicalWholeDiskOf(volumeInfo).disk).toBe('disk4');
    const device = macDeviceFrom(parseDiskutilInfo(recorded('macos-diskutil-info-disk4.plist.txt')), {
      holdsSystem: false,
      serial: '4C530001231115117224',
    });
    expect(device).toMatchObject({
      path: '/dev/disk4',
      model: 'SanDisk 3.2Gen1',
      transport: 'usb',
      rotational: null,
      removable: true,
      sizeBytes: 30752636928,
      serial: '4C530001231115117224',
    });
  });

  it('an error answer, a Fusion container, the physical disk list and df’s mount point', () => {
    expect(diskutilError(parseDiskutilInfo(recorded('macos-diskutil-info-error.plist.txt')))).toBe('Could not find disk: /Volumes/SMB');
    expect(
      physicalWholeDiskOf({ APFSPhysicalStores: [{ APFSPhysicalStore: 'disk0s2' }, { APFSPhysicalStore: 'disk1s2' }] }).problem,
    ).toMatch(/spans several disks \(disk0, disk1\)/);
    expect(parseDiskutilWholeDisks(recorded('macos-diskutil-list-physical.plist.txt'))).toEqual(['disk0', 'disk4']);
    expect(parseDfMountPoint(recorded('macos-df-P-data.txt'))).toBe('/System/Volumes/Data');
    expect(parseDfMountPoint(recorded('macos-df-P-usb.txt'))).toBe('/Volumes/USB STICK');
  });
});
