/**
 * Windows: the Storage module's Get-Disk and Get-Partition (standard users may read them), run
 * in the PowerShell scaffold (powershell-script.ts), printing one JSON object. Drive letters come
 * from the partitions, make, model, serial and bus from the disks. BusType is printed as its
 * enum name (`USB`, `SD`, `NVMe`, `SATA`), never a localized label; Windows PowerShell 5.1
 * prints a one-element array as a bare object, so both shapes are read.
 */
import { z } from 'zod';
import type { DeviceDetails } from '../../core/ledger/device-details';
import { oneOrMany, powerShellJsonScript, readScriptOutput } from '../windows/powershell-script';

export const WINDOWS_DEVICES_SCRIPT = powerShellJsonScript(String.raw`
$disks = @(Get-Disk | ForEach-Object {
  [ordered]@{ Number = [int]$_.Number; FriendlyName = [string]$_.FriendlyName; Manufacturer = [string]$_.Manufacturer; Model = [string]$_.Model;
    SerialNumber = [string]$_.SerialNumber; BusType = [string]$_.BusType; Size = [uint64]$_.Size; IsBoot = [bool]$_.IsBoot; IsSystem = [bool]$_.IsSystem }
})
$partitions = @(Get-Partition | Where-Object { $_.DriveLetter -and $_.DriveLetter -ne [char]0 } | ForEach-Object {
  [ordered]@{ DiskNumber = [int]$_.DiskNumber; DriveLetter = [string]$_.DriveLetter }
})
return [ordered]@{ disks = $disks; partitions = $partitions }
`);

/** Get-Disk's fields both readers use: the ledger's, and the erasure medium's (which extends it). */
export const WindowsDisk = z.object({
  Number: z.number().int(),
  FriendlyName: z.string().nullish(),
  Manufacturer: z.string().nullish(),
  Model: z.string().nullish(),
  SerialNumber: z.string().nullish(),
  BusType: z.union([z.string(), z.number()]).nullish(),
  Size: z.number().nullish(),
  IsBoot: z.boolean().nullish(),
  IsSystem: z.boolean().nullish(),
});

const Partition = z.object({ DiskNumber: z.number().int(), DriveLetter: z.string().regex(/^[A-Za-z]$/) });

const Output = z.object({ disks: oneOrMany(WindowsDisk), partitions: oneOrMany(Partition) });

/** STORAGE_BUS_TYPE values, for a BusType that arrived as a number after all. */
const BUS_NUMBERS: Readonly<Record<number, string>> = {
  1: 'scsi',
  2: 'atapi',
  3: 'ata',
  4: '1394',
  5: 'ssa',
  6: 'fibre',
  7: 'usb',
  8: 'raid',
  9: 'iscsi',
  10: 'sas',
  11: 'sata',
  12: 'sd',
  13: 'mmc',
  17: 'nvme',
};
const EXTERNAL = new Set(['usb', 'sd', 'mmc', '1394']);

function clean(value: string | null | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}

export function busName(value: string | number | null | undefined): string | null {
  if (typeof value === 'number') return BUS_NUMBERS[value] ?? null;
  const name = clean(value)?.toLowerCase() ?? null;
  return name === 'file backed virtual' || name === 'unknown' ? null : name;
}

export function parseWindowsDevices(json: string): DeviceDetails[] {
  const output = readScriptOutput(json, Output, 'Get-Disk; Get-Partition');
  return output.disks.map((disk) => {
    const bus = busName(disk.BusType);
    return {
      mounts: output.partitions.filter((p) => p.DiskNumber === disk.Number).map((p) => `${p.DriveLetter.toUpperCase()}:`),
      // Many USB sticks report no Manufacturer; the FriendlyName then starts with the vendor.
      vendor: clean(disk.Manufacturer),
      model: clean(disk.Model) ?? clean(disk.FriendlyName),
      serial: clean(disk.SerialNumber),
      bus,
      sizeBytes: disk.Size ?? null,
      removable: bus === null ? null : EXTERNAL.has(bus) && !disk.IsBoot && !disk.IsSystem,
    };
  });
}
