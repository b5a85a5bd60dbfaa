/**
 * Windows version and updates: which Windows this is, when its last security update was
 * installed, and whether updates install automatically. Nothing here needs admin rights.
 *
 * - Name: `Win32_OperatingSystem.Caption` ("Microsoft Windows 11 Pro"), which is in the
 *   display language, so it is used only for display. The version is language-neutral:
 *   `Version` ("10.0.22631") plus the registry's `UBR` (update build revision, "4460"), which
 *   neither WMI nor PowerShell 5.1's `[Environment]::OSVersion` (revision 0) carries.
 * - Last update: the Windows Update Agent history (`Microsoft.Update.Session`,
 *   `QueryHistory`): Operation 1 = install, ResultCode 2 = succeeded; its dates are UTC
 *   ([MS-UAMG] 3.32.4.4). Security updates are preferred: by classification id (language-
 *   neutral GUIDs of the update catalog) or, where history entries carry no categories, by a
 *   title in English or Japanese. Defender definition/platform updates and the Malicious
 *   Software Removal Tool are never "the last OS update": they arrive daily or monthly
 *   whatever the state of Windows itself.
 * - `Get-HotFix` (Win32_QuickFixEngineering) is the fallback and a second source: updates
 *   installed outside Windows Update (WSUS offline packages, .msu files) appear only there.
 *   Its `Description` is localized ("Security Update", "セキュリティ更新プログラム").
 * - Automatic updates: the policy (`HKLM\SOFTWARE\Policies\Microsoft\Windows\WindowsUpdate\AU`
 *   NoAutoUpdate / AUOptions) wins; then a disabled wuauserv service; then the Windows Update
 *   Agent's NotificationLevel (4 = scheduled installation). NotificationLevel 0 ("not
 *   configured") with no policy is `null`: the agent does not say.
 */
import { z } from 'zod';
import type { OsUpdateObservation, ProbeEvidence, ProbeOutcome } from '../../../core/self-check/self-check-observations';
import { evidence } from '../run-probe-command';
import {
  date,
  errorEvidence,
  failureFromError,
  integer,
  isScriptError,
  readScriptJson,
  runWindowsProbe,
  section,
  text,
  type PowerShellRunner,
} from './powershell-json';
import { powerShellJsonScript } from '../../windows/powershell-script';

export const OS_UPDATES_SOURCE = 'Get-CimInstance Win32_OperatingSystem';
const HISTORY_SOURCE = 'Microsoft.Update.Session CreateUpdateSearcher().QueryHistory';
const HOTFIX_SOURCE = 'Get-HotFix';
const AUTO_UPDATE_SOURCE = 'Microsoft.Update.AutoUpdate; HKLM\\SOFTWARE\\Policies\\Microsoft\\Windows\\WindowsUpdate\\AU';
/** Windows Update history can take several seconds on a machine with a long history. */
export const OS_UPDATES_TIMEOUT_MS = 15_000;

export const OS_UPDATES_SCRIPT = powerShellJsonScript(String.raw`
  $out = [ordered]@{}
  try {
    $os = Get-CimInstance -ClassName Win32_OperatingSystem
    $cv = Get-Item -LiteralPath 'HKLM:\SOFTWARE\Microsoft\Windows NT\CurrentVersion'
    $out.os = [ordered]@{
      caption = [string]$os.Caption
      version = [string]$os.Version
      buildNumber = [string]$os.BuildNumber
      ubr = $cv.GetValue('UBR', $null)
      displayVersion = $cv.GetValue('DisplayVersion', $null)
      environmentVersion = [Environment]::OSVersion.Version.ToString()
    }
  } catch { $out.os = New-ProbeError $_ }
  try {
    $searcher = (New-Object -ComObject Microsoft.Update.Session).CreateUpdateSearcher()
    $total = $searcher.GetTotalHistoryCount()
    $entries = if ($total -gt 0) { $searcher.QueryHistory(0, [Math]::Min($total, 100)) } else { @() }
    $out.history = @($entries | ForEach-Object {
      [ordered]@{
        title = [string]$_.Title
        date = $(try { [DateTime]::SpecifyKind([datetime]$_.Date, [DateTimeKind]::Utc).ToString('o') } catch { $null })
        operation = [int]$_.Operation
        resultCode = [int]$_.ResultCode
        categories = @(try { $_.Categories | ForEach-Object { [string]$_.CategoryID } } catch { })
      }
    })
  } catch { $out.history = New-ProbeError $_ }
  try {
    $out.hotfixes = @(Get-HotFix | ForEach-Object {
      [ordered]@{
        hotFixId = [string]$_.HotFixID
        description = [string]$_.Description
        installedOn = $(try { ConvertTo-ProbeDate $_.InstalledOn } catch { $null })
      }
    })
  } catch { $out.hotfixes = New-ProbeError $_ }
  try {
    $au = New-Object -ComObject Microsoft.Update.AutoUpdate
    $policy = 'HKLM:\SOFTWARE\Policies\Microsoft\Windows\WindowsUpdate\AU'
    $service = Get-Service -Name wuauserv -ErrorAction SilentlyContinue
    $out.autoUpdate = [ordered]@{
      notificationLevel = $(try { [int]$au.Settings.NotificationLevel } catch { $null })
      policyNoAutoUpdate = Get-RegValue $policy 'NoAutoUpdate'
      policyAuOptions = Get-RegValue $policy 'AUOptions'
      serviceStartType = $(if ($service) { [string]$service.StartType } else { $null })
    }
  } catch { $out.autoUpdate = New-ProbeError $_ }
  return $out
`);

const OsInfo = z.object({
  caption: text,
  version: text,
  buildNumber: text,
  ubr: integer,
  displayVersion: text,
  environmentVersion: text,
});
const HistoryEntry = z.object({
  title: text,
  date,
  operation: integer,
  resultCode: integer,
  categories: z
    .array(z.string())
    .nullish()
    .transform((c) => c ?? []),
});
const HotFix = z.object({ hotFixId: text, description: text, installedOn: date });
const AutoUpdate = z.object({
  notificationLevel: integer,
  policyNoAutoUpdate: integer,
  policyAuOptions: integer,
  serviceStartType: text,
});
const OsUpdateDocument = z.object({
  os: section(OsInfo),
  history: section(z.array(HistoryEntry)),
  hotfixes: section(z.array(HotFix)),
  autoUpdate: section(AutoUpdate),
});
type OsUpdateDocument = z.output<typeof OsUpdateDocument>;
type HistoryEntry = z.output<typeof HistoryEntry>;
type HotFix = z.output<typeof HotFix>;
type AutoUpdate = z.output<typeof AutoUpdate>;

/** Update classifications of the Microsoft Update catalog (the same ids in every language). */
const CLASSIFICATION = {
  securityUpdates: '0fa1201d-4330-4fa8-8ae9-b877473b6441',
  criticalUpdates: 'e6cf1350-c01b-414d-a61f-263d14d133b4',
  definitionUpdates: 'e0789628-ce08-4437-be74-2495b842f43b',
};
/** Defender security intelligence, Defender platform and antimalware client, the Malicious Software Removal Tool. */
const NOT_OS_UPDATES = /\bKB(2267602|4052623|915597|890830)\b/i;
/** Titles (WUA) and descriptions (Get-HotFix) of security and cumulative updates, English and Japanese. */
const SECURITY_TITLE = /\bsecurity update\b|\bcumulative update\b|セキュリティ更新|累積更新/i;

const OPERATION_INSTALL = 1;
const RESULT_SUCCEEDED = 2;

interface Installed {
  readonly title: string | null;
  readonly at: string;
  readonly security: boolean;
}

function fromHistory(entry: HistoryEntry): Installed | null {
  if (entry.operation !== OPERATION_INSTALL || entry.resultCode !== RESULT_SUCCEEDED || entry.date === null) return null;
  const categories = entry.categories.map((c) => c.toLowerCase());
  if (categories.includes(CLASSIFICATION.definitionUpdates) || NOT_OS_UPDATES.test(entry.title ?? '')) return null;
  const security =
    categories.includes(CLASSIFICATION.securityUpdates) ||
    categories.includes(CLASSIFICATION.criticalUpdates) ||
    SECURITY_TITLE.test(entry.title ?? '');
  return { title: entry.title, at: entry.date, security };
}

function fromHotFix(fix: HotFix): Installed | null {
  if (fix.installedOn === null || NOT_OS_UPDATES.test(fix.hotFixId ?? '')) return null;
  return { title: fix.hotFixId, at: fix.installedOn, security: SECURITY_TITLE.test(fix.description ?? '') };
}

/** The latest security update of either source; failing that, the latest update of any kind. */
function lastUpdate(doc: OsUpdateDocument): Installed | null {
  const installed = [
    ...(isScriptError(doc.history) ? [] : doc.history.map(fromHistory)),
    ...(isScriptError(doc.hotfixes) ? [] : doc.hotfixes.map(fromHotFix)),
  ].filter((i): i is Installed => i !== null);
  const latest = (list: Installed[]) => list.reduce<Installed | null>((best, i) => (best === null || i.at > best.at ? i : best), null);
  return latest(installed.filter((i) => i.security)) ?? latest(installed);
}

/** AUOptions: 2 notify before download, 3 download and notify, 4 download and schedule install, 5 local admin chooses, 7 notify before install and restart. */
function automaticUpdates(au: AutoUpdate): boolean | null {
  if (au.policyNoAutoUpdate === 1) return false;
  if (au.policyAuOptions === 4) return true;
  if (au.policyAuOptions === 2 || au.policyAuOptions === 3 || au.policyAuOptions === 7) return false;
  if (au.serviceStartType?.toLowerCase() === 'disabled') return false;
  if (au.notificationLevel === 4) return true;
  if (au.notificationLevel === 1 || au.notificationLevel === 2 || au.notificationLevel === 3) return false;
  return null;
}

/** "Microsoft Windows 11 Pro" → "Windows 11 Pro"; the rest of the caption is kept as Windows wrote it. */
function displayName(caption: string | null): string {
  return caption === null ? 'Windows' : caption.replace(/^Microsoft\s+/i, '');
}

function osVersion(info: z.output<typeof OsInfo>): string | null {
  const base = info.version ?? info.environmentVersion?.replace(/\.0$/, '') ?? null;
  if (base === null) return null;
  return info.ubr === null ? base : `${base.split('.').slice(0, 3).join('.')}.${info.ubr}`;
}

function evidenceOf(doc: OsUpdateDocument, last: Installed | null, observedAt: Date): ProbeEvidence[] {
  const list: ProbeEvidence[] = [];
  if (!isScriptError(doc.os)) {
    list.push(
      evidence(
        OS_UPDATES_SOURCE,
        { Caption: doc.os.caption, Version: doc.os.version, UBR: doc.os.ubr, DisplayVersion: doc.os.displayVersion },
        observedAt,
      ),
    );
  }
  if (isScriptError(doc.history)) list.push(errorEvidence(HISTORY_SOURCE, doc.history, observedAt));
  else
    list.push(
      evidence(
        HISTORY_SOURCE,
        { entries: doc.history.length, lastInstalled: last?.at ?? null, lastTitle: last?.title ?? null },
        observedAt,
      ),
    );
  if (isScriptError(doc.hotfixes)) list.push(errorEvidence(HOTFIX_SOURCE, doc.hotfixes, observedAt));
  else list.push(evidence(HOTFIX_SOURCE, { hotfixes: doc.hotfixes.length }, observedAt));
  if (isScriptError(doc.autoUpdate)) list.push(errorEvidence(AUTO_UPDATE_SOURCE, doc.autoUpdate, observedAt));
  else {
    const au = doc.autoUpdate;
    list.push(
      evidence(
        AUTO_UPDATE_SOURCE,
        {
          NotificationLevel: au.notificationLevel,
          NoAutoUpdate: au.policyNoAutoUpdate,
          AUOptions: au.policyAuOptions,
          wuauserv: au.serviceStartType,
        },
        observedAt,
      ),
    );
  }
  return list;
}

export function parseOsUpdates(stdout: string, observedAt: Date): ProbeOutcome<OsUpdateObservation> {
  const read = readScriptJson(stdout, OsUpdateDocument, OS_UPDATES_SOURCE, observedAt);
  if (!read.ok) return read.failure;
  const doc = read.value;
  if (isScriptError(doc.os))
    return { ...failureFromError(doc.os, OS_UPDATES_SOURCE, observedAt), evidence: evidenceOf(doc, null, observedAt) };
  const version = osVersion(doc.os);
  if (version === null)
    return { ok: false, problem: 'unparseable', detail: 'no Windows version', evidence: evidenceOf(doc, null, observedAt) };
  const last = lastUpdate(doc);
  return {
    ok: true,
    observation: {
      osName: displayName(doc.os.caption),
      osVersion: version,
      lastUpdateInstalledAt: last?.at ?? null,
      lastUpdateTitle: last?.title ?? null,
      automaticUpdates: isScriptError(doc.autoUpdate) ? null : automaticUpdates(doc.autoUpdate),
    },
    evidence: evidenceOf(doc, last, observedAt),
  };
}

export function probeOsUpdates(run: PowerShellRunner): Promise<ProbeOutcome<OsUpdateObservation>> {
  return runWindowsProbe(run, {
    script: OS_UPDATES_SCRIPT,
    source: OS_UPDATES_SOURCE,
    parse: parseOsUpdates,
    timeoutMs: OS_UPDATES_TIMEOUT_MS,
  });
}
