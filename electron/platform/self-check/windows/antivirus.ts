/**
 * Windows antivirus: Microsoft Defender Antivirus from `Get-MpComputerStatus`, and every
 * product registered with Security Center (`root/SecurityCenter2 AntiVirusProduct`), both
 * readable without admin rights.
 *
 * - Defender's AMRunningMode is 'Normal', 'Passive Mode', 'EDR Block Mode' or 'SxS Passive
 *   Mode' (Microsoft Learn, "Microsoft Defender Antivirus compatibility": these strings are
 *   not translated), and "Not running" when the service is stopped. 'Normal' is mode
 *   'active'; the passive modes are 'passive' (another product is said to be primary);
 *   "Not running" is 'off'; any other text is 'unrecognized' with the text kept, because we
 *   cannot tell whether it scans (it used to be `active: null`, which still passed).
 * - `DefenderSignaturesOutOfDate` is Defender's own verdict on its definitions (newer
 *   platforms only; absent is unknown).
 * - Defender registers itself in Security Center too ("Windows Defender", product path
 *   "windowsdefender://"). When Get-MpComputerStatus answered, that entry is dropped so the
 *   product is not listed twice; when it did not, the Security Center entry is all we know
 *   of Defender and is kept.
 * - Get-MpComputerStatus is missing where Defender was removed (Windows Server without the
 *   feature). That is not a failure when Security Center answered: the products it lists
 *   (possibly none) are the answer. It is a failure when nothing answered, or when Defender
 *   refused us and Security Center lists nothing (we cannot claim "no antivirus" then).
 */
import { z } from 'zod';
import type {
  AntivirusMode,
  AntivirusObservation,
  AntivirusProduct,
  ProbeEvidence,
  ProbeOutcome,
} from '../../../core/self-check/self-check-observations';
import { evidence } from '../run-probe-command';
import { decodeProductState } from './security-center-product-state';
import {
  date,
  errorEvidence,
  failureFromError,
  flag,
  integer,
  isScriptError,
  readScriptJson,
  runWindowsProbe,
  section,
  text,
  type Facts,
  type PowerShellRunner,
  type ScriptError,
} from './powershell-json';
import { powerShellJsonScript } from '../../windows/powershell-script';

export const ANTIVIRUS_SOURCE = 'Get-MpComputerStatus';
const SECURITY_CENTER_SOURCE = 'Get-CimInstance -Namespace root/SecurityCenter2 -ClassName AntiVirusProduct';

export const ANTIVIRUS_SCRIPT = powerShellJsonScript(String.raw`
  $out = [ordered]@{}
  try {
    $s = Get-MpComputerStatus
    $out.defender = [ordered]@{
      amServiceEnabled = $s.AMServiceEnabled
      antivirusEnabled = $s.AntivirusEnabled
      realTimeProtectionEnabled = $s.RealTimeProtectionEnabled
      signaturesOutOfDate = $s.DefenderSignaturesOutOfDate
      signatureLastUpdated = ConvertTo-ProbeDate $s.AntivirusSignatureLastUpdated
      signatureVersion = [string]$s.AntivirusSignatureVersion
      signatureAgeDays = $s.AntivirusSignatureAge
      runningMode = [string]$s.AMRunningMode
      productVersion = [string]$s.AMProductVersion
    }
  } catch { $out.defender = New-ProbeError $_ }
  try {
    $out.securityCenter = @(Get-CimInstance -Namespace 'root/SecurityCenter2' -ClassName AntiVirusProduct | ForEach-Object {
      [ordered]@{
        displayName = [string]$_.displayName
        productState = [int64]$_.productState
        productExe = [string]$_.pathToSignedProductExe
        timestamp = [string]$_.timestamp
      }
    })
  } catch { $out.securityCenter = New-ProbeError $_ }
  return $out
`);

const DefenderStatus = z.object({
  amServiceEnabled: flag,
  antivirusEnabled: flag,
  realTimeProtectionEnabled: flag,
  signaturesOutOfDate: flag,
  signatureLastUpdated: date,
  signatureVersion: text,
  signatureAgeDays: integer,
  runningMode: text,
  productVersion: text,
});
type DefenderStatus = z.output<typeof DefenderStatus>;

const SecurityCenterProduct = z.object({ displayName: text, productState: integer, productExe: text, timestamp: text });
type SecurityCenterProduct = z.output<typeof SecurityCenterProduct>;

const AntivirusDocument = z.object({
  defender: section(DefenderStatus),
  securityCenter: section(z.array(SecurityCenterProduct)),
});
type AntivirusDocument = z.output<typeof AntivirusDocument>;

/** Defender's running modes as Get-MpComputerStatus spells them; only 'normal' scans. */
const RUNNING_MODES: Readonly<Record<string, AntivirusMode>> = {
  normal: 'active',
  'passive mode': 'passive',
  'sxs passive mode': 'passive',
  'edr block mode': 'passive',
  'not running': 'off',
};

function defenderMode(status: DefenderStatus): AntivirusMode {
  const mode = status.runningMode === null ? undefined : RUNNING_MODES[status.runningMode.trim().toLowerCase()];
  // A mode we have never seen: do not guess whether it scans.
  if (status.runningMode !== null && mode === undefined) return 'unrecognized';
  if (mode === 'passive' || mode === 'off') return mode;
  // 'Normal', or an old platform that does not report the mode: the service and engine flags decide.
  if (status.amServiceEnabled === false || status.antivirusEnabled === false) return 'off';
  if (status.amServiceEnabled === true && status.antivirusEnabled === true) return 'active';
  return 'unrecognized';
}

function defenderProduct(status: DefenderStatus): AntivirusProduct {
  return {
    name: 'Microsoft Defender Antivirus',
    engine: 'defender',
    mode: defenderMode(status),
    modeText: status.runningMode,
    realTimeProtection: status.realTimeProtectionEnabled,
    definitionsUpdatedAt: status.signatureLastUpdated,
    definitionsUpToDate: status.signaturesOutOfDate === null ? null : !status.signaturesOutOfDate,
    definitionsVersion: status.signatureVersion,
  };
}

function isDefenderEntry(product: SecurityCenterProduct): boolean {
  return /^windowsdefender:/i.test(product.productExe ?? '') || /^(windows|microsoft) defender/i.test(product.displayName ?? '');
}

function securityCenterProduct(product: SecurityCenterProduct): AntivirusProduct {
  const state = product.productState === null ? null : decodeProductState(product.productState);
  return {
    name: product.displayName ?? 'unknown antivirus',
    engine: 'securityCenter',
    // Security Center's "enabled" bit is real-time scanning: for these products it is both.
    mode: state === null || state.enabled === null ? 'unrecognized' : state.enabled ? 'active' : 'off',
    modeText: state?.hex ?? null,
    realTimeProtection: state?.enabled ?? null,
    // Security Center's timestamp is when the product last reported, not its definitions' date.
    definitionsUpdatedAt: null,
    definitionsUpToDate: state?.definitionsUpToDate ?? null,
    definitionsVersion: null,
  };
}

function defenderFacts(status: DefenderStatus): Facts {
  return {
    AMRunningMode: status.runningMode,
    AMServiceEnabled: status.amServiceEnabled,
    AntivirusEnabled: status.antivirusEnabled,
    RealTimeProtectionEnabled: status.realTimeProtectionEnabled,
    AntivirusSignatureLastUpdated: status.signatureLastUpdated,
    AntivirusSignatureVersion: status.signatureVersion,
    AntivirusSignatureAge: status.signatureAgeDays,
    DefenderSignaturesOutOfDate: status.signaturesOutOfDate,
    AMProductVersion: status.productVersion,
  };
}

function evidenceOf(doc: AntivirusDocument, observedAt: Date): ProbeEvidence[] {
  const defender = isScriptError(doc.defender)
    ? errorEvidence(ANTIVIRUS_SOURCE, doc.defender, observedAt)
    : evidence(ANTIVIRUS_SOURCE, defenderFacts(doc.defender), observedAt);
  if (isScriptError(doc.securityCenter)) return [defender, errorEvidence(SECURITY_CENTER_SOURCE, doc.securityCenter, observedAt)];
  const products: Facts = Object.fromEntries(
    doc.securityCenter.map((p) => [
      p.displayName ?? 'unknown antivirus',
      p.productState === null ? null : decodeProductState(p.productState).hex,
    ]),
  );
  return [defender, evidence(SECURITY_CENTER_SOURCE, { products: doc.securityCenter.length, ...products }, observedAt)];
}

/** Why no list of products can be given, or null when one can. */
function unanswerable(defender: ScriptError | DefenderStatus, securityCenter: ScriptError | SecurityCenterProduct[]): ScriptError | null {
  if (!isScriptError(defender)) return null;
  if (isScriptError(securityCenter)) return defender;
  // Defender is absent and Security Center lists what there is (possibly nothing): an answer.
  const defenderAbsent = defender.error === 'commandMissing' || defender.error === 'notApplicable';
  return securityCenter.length === 0 && !defenderAbsent ? defender : null;
}

export function parseAntivirus(stdout: string, observedAt: Date): ProbeOutcome<AntivirusObservation> {
  const read = readScriptJson(stdout, AntivirusDocument, ANTIVIRUS_SOURCE, observedAt);
  if (!read.ok) return read.failure;
  const doc = read.value;
  const problem = unanswerable(doc.defender, doc.securityCenter);
  if (problem) return { ...failureFromError(problem, ANTIVIRUS_SOURCE, observedAt), evidence: evidenceOf(doc, observedAt) };
  const defender = isScriptError(doc.defender) ? null : doc.defender;
  const others = isScriptError(doc.securityCenter) ? [] : doc.securityCenter.filter((p) => defender === null || !isDefenderEntry(p));
  const products = [...(defender ? [defenderProduct(defender)] : []), ...others.map(securityCenterProduct)];
  return { ok: true, observation: { products }, evidence: evidenceOf(doc, observedAt) };
}

export function probeAntivirus(run: PowerShellRunner): Promise<ProbeOutcome<AntivirusObservation>> {
  return runWindowsProbe(run, { script: ANTIVIRUS_SCRIPT, source: ANTIVIRUS_SOURCE, parse: parseAntivirus });
}
