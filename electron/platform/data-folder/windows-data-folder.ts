/**
 * What Windows itself may copy of the data folder, asked without administrator rights in one
 * PowerShell script: whether the folder's drive is local, File History (turned off by policy,
 * or set up for this user at all — its configuration file exists only once it has been), and
 * shadow copies (System Restore / Previous Versions snapshots hold whole volumes, the data
 * folder included). Listing shadow copies needs an elevated process: a non-elevated answer of
 * "none" cannot be told from "not allowed to see", so it is reported as unknown, never as none.
 *
 * File History by default copies libraries, Desktop, Contacts, Favorites and OneDrive, not
 * AppData\Local; but a library can include any folder, so File History set up is 'unknown'.
 */
import { z } from 'zod';
import type { BackupFinding } from '../../shared/data-folder';
import type { DataFolderObservation } from '../../core/app/data-folder-backups';
import { runPowerShell } from '../self-check/run-probe-command';
import { flag, integer, readScriptJson, section, text, type PowerShellRunner } from '../self-check/windows/powershell-json';
import { powerShellJsonScript } from '../windows/powershell-script';

export const WINDOWS_DATA_FOLDER_SOURCE = 'DriveInfo.DriveType, HKLM Policies FileHistory Disabled, Config1.xml, Win32_ShadowCopy';

/** The folder is passed in the environment, never in the script text, so no path can break the quoting. */
export const WINDOWS_DATA_FOLDER_SCRIPT = powerShellJsonScript(String.raw`
  $folder = $env:FIELDGUARD_DATA_FOLDER
  $root = [System.IO.Path]::GetPathRoot($folder)
  $driveType = if ($root.StartsWith('\\')) { 'Network' } else { try { [string]([System.IO.DriveInfo]::new($root).DriveType) } catch { $null } }
  $fileHistory = try {
    [ordered]@{
      policyDisabled = (Get-RegValue 'HKLM:\SOFTWARE\Policies\Microsoft\Windows\FileHistory' 'Disabled')
      configured = (Test-Path -LiteralPath (Join-Path $env:LOCALAPPDATA 'Microsoft\Windows\FileHistory\Configuration\Config1.xml'))
    }
  } catch { New-ProbeError $_ }
  $elevated = ([Security.Principal.WindowsPrincipal][Security.Principal.WindowsIdentity]::GetCurrent()).IsInRole([Security.Principal.WindowsBuiltInRole]::Administrator)
  $shadowCopies = if (-not $elevated) { [ordered]@{ error = 'accessDenied'; message = 'not elevated' } } else {
    try {
      $letter = $root.TrimEnd('\')
      $volume = Get-CimInstance -ClassName Win32_Volume -Filter "DriveLetter='$letter'"
      [ordered]@{ count = @(Get-CimInstance -ClassName Win32_ShadowCopy | Where-Object { $_.VolumeName -eq $volume.DeviceID }).Count }
    } catch { New-ProbeError $_ }
  }
  [ordered]@{ driveType = $driveType; fileHistory = $fileHistory; shadowCopies = $shadowCopies }
`);

const ScriptOutput = z.object({
  driveType: text,
  fileHistory: section(z.object({ policyDisabled: integer, configured: flag })),
  shadowCopies: section(z.object({ count: integer })),
});

/** Reads the script's output; anything it cannot read is unknown, never "no copies". */
export function parseWindowsDataFolder(stdout: string, observedAt: Date): DataFolderObservation {
  const parsed = readScriptJson(stdout, ScriptOutput, WINDOWS_DATA_FOLDER_SOURCE, observedAt);
  if (!parsed.ok) return { local: null, findings: [fileHistoryUnknown(), shadowCopiesUnknown()] };
  const { driveType, fileHistory, shadowCopies } = parsed.value;
  return {
    local: driveType === 'Fixed' ? true : driveType === 'Network' ? false : null,
    findings: [fileHistoryFinding(fileHistory), shadowCopyFinding(shadowCopies)],
  };
}

function fileHistoryFinding(value: z.output<typeof ScriptOutput>['fileHistory']): BackupFinding {
  if ('error' in value) return fileHistoryUnknown();
  if (value.policyDisabled === 1) {
    return {
      tool: 'file-history',
      state: 'excluded',
      detail: { ja: 'ファイル履歴はグループポリシーで無効にされています。', en: 'File History is turned off by Group Policy.' },
    };
  }
  if (value.configured === false) {
    return {
      tool: 'file-history',
      state: 'excluded',
      detail: { ja: 'このユーザーではファイル履歴が設定されていません。', en: 'File History has not been set up for this user.' },
    };
  }
  if (value.configured === true) {
    return {
      tool: 'file-history',
      state: 'unknown',
      detail: {
        ja: 'ファイル履歴が設定されています。既定では AppData\\Local は対象外ですが、ライブラリに追加されたフォルダーは複製されます。',
        en: 'File History is set up. By default it does not copy AppData\\Local, but any folder added to a library is copied.',
      },
    };
  }
  return fileHistoryUnknown();
}

function shadowCopyFinding(value: z.output<typeof ScriptOutput>['shadowCopies']): BackupFinding {
  if ('error' in value || value.count === null) return shadowCopiesUnknown();
  if (value.count === 0) {
    return {
      tool: 'shadow-copies',
      state: 'excluded',
      detail: { ja: 'データフォルダーのドライブにシャドウコピーはありません。', en: 'The data folder’s drive has no shadow copies.' },
    };
  }
  return {
    tool: 'shadow-copies',
    state: 'may-copy',
    detail: {
      ja: `データフォルダーのドライブに ${value.count} 個のシャドウコピー（復元ポイント・以前のバージョン）があり、データの複製を含みます。`,
      en: `The data folder’s drive has ${value.count} shadow copies (restore points, previous versions) that hold a copy of the data.`,
    },
  };
}

function fileHistoryUnknown(): BackupFinding {
  return {
    tool: 'file-history',
    state: 'unknown',
    detail: { ja: 'ファイル履歴の状態を確認できませんでした。', en: 'Could not tell whether File History is in use.' },
  };
}

function shadowCopiesUnknown(): BackupFinding {
  return {
    tool: 'shadow-copies',
    state: 'unknown',
    detail: {
      ja: 'シャドウコピーの有無は管理者権限がないと確認できません（管理者として「vssadmin list shadows」で確認できます）。',
      en: 'Shadow copies can only be listed with administrator rights (check with "vssadmin list shadows" as an administrator).',
    },
  };
}

export async function observeWindowsDataFolder(
  dataDir: string,
  run: PowerShellRunner = runPowerShell,
  now: () => Date = () => new Date(),
): Promise<DataFolderObservation> {
  const outcome = await run(WINDOWS_DATA_FOLDER_SCRIPT, { env: { FIELDGUARD_DATA_FOLDER: dataDir }, timeoutMs: 15_000 });
  return parseWindowsDataFolder(outcome.stdout, now());
}
