/**
 * Windows: the medium under a drive letter and every disk, from the Storage module (readable
 * without administrator rights): Get-Volume for the file system, Get-Partition for which disk
 * holds which drive letter, Get-Disk for make, model, serial, bus, size, sector size and the
 * boot/system flags, Get-PhysicalDisk for MediaType (HDD, SSD, SCM, Unspecified) and
 * SpindleSpeed. One compressed JSON object (the PowerShell scaffold's); Windows PowerShell 5.1 prints a one-element array as
 * a bare object, so both shapes are read. Enums are printed by name ([string]), and a number that
 * arrives instead is still understood. The drive letter comes in through an environment
 * variable, never spliced into the script.
 */
import { z } from 'zod';
import type { DeviceFacts, DeviceTransport, Medium, VolumeFacts } from '../../core/erasure/medium';
import { busName, WindowsDisk } from '../devices/windows-disk-devices';
import { oneOrMany, powerShellJsonScript, readScriptOutput } from '../windows/powershell-script';
import { isVirtualMake } from './virtual-makes';

export const DRIVE_LETTER_VARIABLE = 'FIELDGUARD_MEDIUM_DRIVE_LETTER';

export const WINDOWS_MEDIUM_SCRIPT = powerShellJsonScript(String.raw`
$letter = $env:${DRIVE_LETTER_VARIABLE}
$problems = @()
$volume = $null
if ($letter) {
  try {
    $v = Get-Volume -DriveLetter $letter
    $volume = [ordered]@{ DriveLetter = [string]$letter; FileSystem = [string]$v.FileSystem; FileSystemType = [string]$v.FileSystemType; DriveType = [string]$v.DriveType; Path = [string]$v.Path }
  } catch { $problems += "Get-Volume -DriveLetter $($letter): $($_.Exception.Message)" }
}
$disks = @(Get-Disk | ForEach-Object {
  [ordered]@{ Number = [int]$_.Number; FriendlyName = [string]$_.FriendlyName; Manufacturer = [string]$_.Manufacturer; Model = [string]$_.Model;
    SerialNumber = [string]$_.SerialNumber; BusType = [string]$_.BusType; Size = [uint64]$_.Size; LogicalSectorSize = [uint32]$_.LogicalSectorSize;
    IsBoot = [bool]$_.IsBoot; IsSystem = [bool]$_.IsSystem; Location = [string]$_.Location }
})
$physicalDisks = @()
try {
  $physicalDisks = @(Get-PhysicalDisk | ForEach-Object {
    [ordered]@{ DeviceId = [string]$_.DeviceId; MediaType = [string]$_.MediaType; BusType = [string]$_.BusType; SpindleSpeed = [uint32]$_.SpindleSpeed; SerialNumber = [string]$_.SerialNumber }
  })
} catch { $problems += "Get-PhysicalDisk: $($_.Exception.Message)" }
$partitions = @(Get-Partition | Where-Object { $_.DriveLetter -and $_.DriveLetter -ne [char]0 } | ForEach-Object {
  [ordered]@{ DiskNumber = [int]$_.DiskNumber; DriveLetter = [string]$_.DriveLetter }
})
return [ordered]@{ volume = $volume; disks = $disks; physicalDisks = $physicalDisks; partitions = $partitions; problems = @($problems) }
`);

const enumValue = z.union([z.string(), z.number()]).nullish();

const Volume = z.object({
  DriveLetter: z.string(),
  FileSystem: z.string().nullish(),
  FileSystemType: enumValue,
  DriveType: enumValue,
  Path: z.string().nullish(),
});

const Disk = WindowsDisk.extend({
  LogicalSectorSize: z.number().nullish(),
  Location: z.string().nullish(),
});

const PhysicalDisk = z.object({
  DeviceId: z.union([z.string(), z.number()]).nullish(),
  MediaType: enumValue,
  BusType: enumValue,
  SpindleSpeed: z.number().nullish(),
  SerialNumber: z.string().nullish(),
});

const Partition = z.object({ DiskNumber: z.number().int(), DriveLetter: z.string().regex(/^[A-Za-z]$/) });

const Output = z.object({
  volume: Volume.nullish(),
  disks: oneOrMany(Disk),
  physicalDisks: oneOrMany(PhysicalDisk),
  partitions: oneOrMany(Partition),
  problems: oneOrMany(z.string()),
});

export type WindowsMediaOutput = z.infer<typeof Output>;

export function parseWindowsMedia(json: string): WindowsMediaOutput {
  return readScriptOutput(json, Output, 'Get-Volume; Get-Disk; Get-PhysicalDisk; Get-Partition');
}

function clean(value: string | null | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}

/** MSFT_PhysicalDisk.MediaType: 3 HDD, 4 SSD, 5 SCM (storage-class memory), 0 Unspecified. */
const MEDIA_TYPE_NUMBERS: Readonly<Record<number, string>> = { 0: 'unspecified', 3: 'hdd', 4: 'ssd', 5: 'scm' };
/**
 * Rotational only on MediaType HDD whose spindle speed does not contradict it (SpindleSpeed is 0
 * for a disk that does not spin, 0xFFFFFFFF when the disk does not say); SSD and SCM are
 * flash or storage-class memory; Unspecified (common behind USB bridges and in virtual machines) is unknown.
 */
export function rotationalFrom(mediaType: string | number | null | undefined, spindleSpeed: number | null | undefined): boolean | null {
  const type = typeof mediaType === 'number' ? MEDIA_TYPE_NUMBERS[mediaType] : clean(mediaType)?.toLowerCase();
  if (type === 'ssd' || type === 'scm') return false;
  if (type === 'hdd') return spindleSpeed === 0 ? null : true;
  return null;
}

export function windowsTransport(
  busType: string | number | null | undefined,
  vendor: string | null,
  model: string | null,
): DeviceTransport | null {
  const raw = typeof busType === 'string' ? busType.trim().toLowerCase() : null;
  if (raw === 'file backed virtual' || raw === 'virtual' || busType === 15 || busType === 14 || isVirtualMake(vendor, model))
    return 'virtual';
  const bus = busName(busType);
  if (bus === null) return null;
  if (bus === 'usb' || bus === 'sata' || bus === 'sas' || bus === 'nvme' || bus === 'sd' || bus === 'mmc') return bus;
  if (bus === 'scsi' || bus === 'iscsi' || bus === 'fibre' || bus === 'fibre channel') return 'scsi';
  return 'other';
}

export interface WindowsDriveLetters {
  /** The drive letter of the app's data folder, for holdsSystem. */
  readonly dataFolder?: string | null;
  /** %SystemDrive% (normally C). */
  readonly systemDrive?: string | null;
}

const EXTERNAL: ReadonlySet<DeviceTransport> = new Set(['usb', 'sd', 'mmc']);

export function windowsDevicesFrom(output: WindowsMediaOutput, letters: WindowsDriveLetters = {}): DeviceFacts[] {
  const critical = [letters.dataFolder, letters.systemDrive].filter((l): l is string => !!l).map((l) => l.toUpperCase());
  return output.disks.map((disk) => {
    const physical = output.physicalDisks.find((p) => String(p.DeviceId ?? '') === String(disk.Number)) ?? null;
    const vendor = clean(disk.Manufacturer);
    // Many USB sticks report no Model; the FriendlyName then names the make and model.
    const model = clean(disk.Model) ?? clean(disk.FriendlyName);
    const transport = windowsTransport(disk.BusType ?? physical?.BusType, vendor, model);
    const letters = output.partitions.filter((p) => p.DiskNumber === disk.Number).map((p) => p.DriveLetter.toUpperCase());
    const location = clean(disk.Location);
    return {
      path: physicalDrivePath(disk.Number),
      vendor,
      model,
      serial: clean(disk.SerialNumber) ?? clean(physical?.SerialNumber),
      sizeBytes: disk.Size ?? null,
      transport,
      rotational: transport === 'virtual' || !physical ? null : rotationalFrom(physical.MediaType, physical.SpindleSpeed),
      removable: transport === null ? null : EXTERNAL.has(transport),
      logicalSectorBytes: disk.LogicalSectorSize || null,
      // Unknown, not "no", when Get-Disk left the boot and system flags out.
      holdsSystem:
        disk.IsBoot === true || disk.IsSystem === true || letters.some((l) => critical.includes(l))
          ? true
          : disk.IsBoot === false && disk.IsSystem === false
            ? false
            : null,
      // A VHD(X) attached as a disk names its file as the disk's Location.
      backingFile: transport === 'virtual' && location && /\.(vhdx?|iso)$/i.test(location) ? location : null,
      source: physical ? 'Get-PhysicalDisk' : 'Get-Disk',
    };
  });
}

export function windowsVolumeFrom(output: WindowsMediaOutput): VolumeFacts | null {
  const volume = output.volume;
  if (!volume) return null;
  const fileSystem = clean(volume.FileSystem) ?? (typeof volume.FileSystemType === 'string' ? clean(volume.FileSystemType) : null);
  return {
    mountPoint: `${volume.DriveLetter.toUpperCase()}:\\`,
    fileSystem: fileSystem && fileSystem.toLowerCase() !== 'unknown' ? fileSystem.toLowerCase() : null,
    // Windows mounts have no options that change where file data is written.
    mountOptions: [],
    source: clean(volume.Path),
  };
}

/** The disk that holds a drive letter. */
export function diskNumberOf(output: WindowsMediaOutput, driveLetter: string): number | null {
  return output.partitions.find((p) => p.DriveLetter.toUpperCase() === driveLetter.toUpperCase())?.DiskNumber ?? null;
}

/** The medium under a drive letter from one run of the script; what is missing goes to problems. */
export function windowsMediumFrom(output: WindowsMediaOutput, driveLetter: string, letters: WindowsDriveLetters = {}): Medium {
  const problems = [...output.problems];
  const volume = windowsVolumeFrom(output);
  if (!volume) problems.push(`Get-Volume told nothing of drive ${driveLetter.toUpperCase()}:`);
  const diskNumber = diskNumberOf(output, driveLetter);
  if (diskNumber === null) {
    problems.push(`no disk partition holds drive ${driveLetter.toUpperCase()}:`);
    return { volume, device: null, problems };
  }
  const device = windowsDevicesFrom(output, letters).find((d) => d.path === physicalDrivePath(diskNumber)) ?? null;
  if (!device) problems.push(`Get-Disk did not list disk ${diskNumber}`);
  return { volume, device, problems };
}

function physicalDrivePath(diskNumber: number): string {
  return `\\\\.\\PHYSICALDRIVE${diskNumber}`;
}
