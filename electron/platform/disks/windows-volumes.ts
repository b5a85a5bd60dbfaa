/**
 * Windows volumes through CIM instead of `wmic`: Windows 11 24H2 no longer installs wmic
 * (node-disk-info's only way on Windows, run with execSync, which also froze the main process
 * while it ran). `Get-CimInstance Win32_LogicalDisk` answers standard users on every Windows
 * 10/11 and runs through runPowerShell, asynchronously, with a time limit.
 *
 * The script (in the PowerShell scaffold) returns one object and no localized text: DriveType as its number (the
 * Description wmic gave is in the display language), sizes in bytes as numbers, or null for a
 * card reader with no card. Windows PowerShell 5.1 prints a one-element array as a bare
 * object, so both shapes are read (oneOrMany).
 */
import { z } from 'zod';
import type { Volume } from '../../shared/disks';
import type { PowerShellRunner } from '../self-check/windows/powershell-json';
import { oneOrMany, powerShellJsonScript, readScriptOutput } from '../windows/powershell-script';

export const WINDOWS_VOLUMES_SCRIPT = powerShellJsonScript(String.raw`
$disks = @(Get-CimInstance -ClassName Win32_LogicalDisk | ForEach-Object {
  [ordered]@{ DeviceID = [string]$_.DeviceID; DriveType = [int]$_.DriveType; FileSystem = [string]$_.FileSystem;
    VolumeName = [string]$_.VolumeName; Size = $_.Size; FreeSpace = $_.FreeSpace; ProviderName = [string]$_.ProviderName }
})
return [ordered]@{ disks = $disks }
`);

const LogicalDisk = z.object({
  DeviceID: z.string().regex(/^[A-Za-z]:$/),
  DriveType: z.number().int(),
  FileSystem: z.string().nullish(),
  VolumeName: z.string().nullish(),
  Size: z.number().nonnegative().nullish(),
  FreeSpace: z.number().nonnegative().nullish(),
  ProviderName: z.string().nullish(),
});

const Output = z.object({ disks: oneOrMany(LogicalDisk) });

/**
 * Win32_LogicalDisk.DriveType (Microsoft Learn), with the English Description wmic printed for
 * each, kept as the volume's "device" text. Removable is said only where the drive type says it:
 * an external USB hard disk reports "Local Fixed Disk" (3) and is not called removable here, the
 * safe direction for a tool that erases removable media; 0 and 1 ("unknown", "no root
 * directory") say nothing.
 */
const DRIVE_TYPES: Readonly<Record<number, { description: string; removable: boolean | null }>> = {
  0: { description: 'Unknown', removable: null },
  1: { description: 'No Root Directory', removable: null },
  2: { description: 'Removable Disk', removable: true },
  3: { description: 'Local Fixed Disk', removable: false },
  4: { description: 'Network Connection', removable: false },
  5: { description: 'CD-ROM Disc', removable: true },
  6: { description: 'RAM Disk', removable: false },
};

function nonEmpty(value: string | null | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}

export function parseWindowsVolumes(json: string): Volume[] {
  const output = readScriptOutput(json, Output, 'Get-CimInstance Win32_LogicalDisk');
  const volumes: Volume[] = [];
  for (const disk of output.disks) {
    // No capacity: an empty card reader or DVD drive, nothing to store on or erase.
    if (!disk.Size || disk.Size <= 0) continue;
    const type = DRIVE_TYPES[disk.DriveType] ?? { description: `DriveType ${disk.DriveType}`, removable: null };
    volumes.push({
      mount: disk.DeviceID.toUpperCase(),
      device: nonEmpty(disk.ProviderName) ?? type.description,
      fileSystem: nonEmpty(disk.FileSystem),
      label: nonEmpty(disk.VolumeName),
      sizeBytes: Math.round(disk.Size),
      freeBytes: Math.max(0, Math.round(disk.FreeSpace ?? 0)),
      removable: type.removable,
    });
  }
  return volumes;
}

/** Reads the volumes; throws when PowerShell fails or answers with something else (the caller reports DISKS_UNAVAILABLE). */
export async function readWindowsVolumes(run: PowerShellRunner): Promise<Volume[]> {
  const outcome = await run(WINDOWS_VOLUMES_SCRIPT, { timeoutMs: 15_000 });
  if (!outcome.ok) throw new Error(`Get-CimInstance Win32_LogicalDisk: ${outcome.problem}`);
  return parseWindowsVolumes(outcome.stdout);
}
