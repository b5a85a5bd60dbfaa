/**
 * Windows firewall: the three Windows Defender Firewall profiles (Domain, Private, Public)
 * and third-party firewalls registered with Security Center.
 *
 * Sources, all readable without admin rights:
 * - `Get-NetFirewallProfile -PolicyStore ActiveStore`: the effective settings after group
 *   policy. `Enabled` is a GpoBoolean (False = 0, True = 1, NotConfigured = 2), printed as
 *   its enum name because the script casts it to [string]; an older script or
 *   ConvertTo-Json without the cast prints the number, and both are read.
 * - `HNetCfg.FwPolicy2` (COM, INetFwPolicy2): `FirewallEnabled(1 | 2 | 4)` for Domain, Private,
 *   Public, as a cross-check and the fallback where the NetSecurity module is missing.
 * - `root/SecurityCenter2 FirewallProduct`: third-party firewalls. The namespace does not
 *   exist on Windows Server, which is "no products", not a failure.
 *
 * Decisions:
 * - NotConfigured in the active store means no policy set the value, so the value in effect
 *   is the one the firewall service uses, which the COM object reports: NotConfigured with COM
 *   on is on, with COM off is off, and with no COM answer is unknown (null). Reporting it as
 *   off made a healthy laptop fail ("Domain firewall off" with the firewall on).
 * - When the cmdlet says True/False and the COM object says the opposite, the profile is
 *   `null` (unknown): the two sources disagree and we do not pick one.
 */
import { z } from 'zod';
import type { FirewallObservation, ProbeEvidence, ProbeOutcome } from '../../../core/self-check/self-check-observations';
import { evidence } from '../run-probe-command';
import { decodeProductState } from './security-center-product-state';
import {
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
} from './powershell-json';
import { powerShellJsonScript } from '../../windows/powershell-script';

export const FIREWALL_SOURCE = 'Get-NetFirewallProfile -PolicyStore ActiveStore';
const COM_SOURCE = 'HNetCfg.FwPolicy2 FirewallEnabled(1|2|4)';
const SECURITY_CENTER_SOURCE = 'Get-CimInstance -Namespace root/SecurityCenter2 -ClassName FirewallProduct';

export const FIREWALL_SCRIPT = powerShellJsonScript(String.raw`
  $out = [ordered]@{}
  try {
    $out.profiles = @(Get-NetFirewallProfile -PolicyStore ActiveStore | ForEach-Object {
      [ordered]@{ name = [string]$_.Name; enabled = [string]$_.Enabled }
    })
  } catch { $out.profiles = New-ProbeError $_ }
  try {
    $policy = New-Object -ComObject HNetCfg.FwPolicy2
    $out.com = [ordered]@{
      currentProfileTypes = [int]$policy.CurrentProfileTypes
      profiles = @(
        [ordered]@{ name = 'Domain'; enabled = [bool]$policy.FirewallEnabled(1) },
        [ordered]@{ name = 'Private'; enabled = [bool]$policy.FirewallEnabled(2) },
        [ordered]@{ name = 'Public'; enabled = [bool]$policy.FirewallEnabled(4) }
      )
    }
  } catch { $out.com = New-ProbeError $_ }
  try {
    $out.products = @(Get-CimInstance -Namespace 'root/SecurityCenter2' -ClassName FirewallProduct | ForEach-Object {
      [ordered]@{ displayName = [string]$_.displayName; productState = [int64]$_.productState; timestamp = [string]$_.timestamp }
    })
  } catch { $out.products = New-ProbeError $_ }
  return $out
`);

const gpoBoolean = z.union([z.string(), z.number(), z.boolean(), z.null()]);
const FirewallDocument = z.object({
  profiles: section(z.array(z.object({ name: z.string(), enabled: gpoBoolean }))),
  com: section(
    z.object({
      currentProfileTypes: integer,
      profiles: z.array(z.object({ name: z.string(), enabled: flag })),
    }),
  ),
  products: section(z.array(z.object({ displayName: text, productState: integer, timestamp: text }))),
});
type FirewallDocument = z.output<typeof FirewallDocument>;

type GpoValue = 'true' | 'false' | 'notConfigured';
const PROFILE_ORDER = ['Domain', 'Private', 'Public'];

/** GpoBoolean as its name ("True", "NotConfigured") or its number (1, 2); anything else is unknown. */
function readGpoBoolean(value: unknown): GpoValue | null {
  const key = typeof value === 'string' ? value.trim().toLowerCase() : value;
  if (key === true || key === 1 || key === 'true' || key === '1') return 'true';
  if (key === false || key === 0 || key === 'false' || key === '0') return 'false';
  if (key === 2 || key === 'notconfigured' || key === '2') return 'notConfigured';
  return null;
}

function combineProfile(cmdlet: GpoValue | null | undefined, com: boolean | null | undefined): boolean | null {
  if (cmdlet === 'notConfigured') return typeof com === 'boolean' ? com : null;
  if (cmdlet === 'true' || cmdlet === 'false') {
    const value = cmdlet === 'true';
    return typeof com === 'boolean' && com !== value ? null : value;
  }
  return com ?? null;
}

function profileNames(doc: FirewallDocument): string[] {
  const names = new Set<string>();
  if (!isScriptError(doc.profiles)) doc.profiles.forEach((p) => names.add(p.name));
  if (!isScriptError(doc.com)) doc.com.profiles.forEach((p) => names.add(p.name));
  const rank = (name: string) => (PROFILE_ORDER.includes(name) ? PROFILE_ORDER.indexOf(name) : PROFILE_ORDER.length);
  return [...names].sort((a, b) => rank(a) - rank(b));
}

function productsOf(doc: FirewallDocument): FirewallObservation['products'] {
  if (isScriptError(doc.products)) return [];
  return doc.products.map((p) => ({
    name: p.displayName ?? 'unknown firewall',
    enabled: p.productState === null ? null : decodeProductState(p.productState).enabled,
  }));
}

function evidenceOf(doc: FirewallDocument, observedAt: Date): ProbeEvidence[] {
  const list: ProbeEvidence[] = [];
  if (isScriptError(doc.profiles)) list.push(errorEvidence(FIREWALL_SOURCE, doc.profiles, observedAt));
  else
    list.push(
      evidence(
        FIREWALL_SOURCE,
        Object.fromEntries(doc.profiles.map((p) => [p.name, p.enabled === null ? null : String(p.enabled)])),
        observedAt,
      ),
    );
  if (isScriptError(doc.com)) list.push(errorEvidence(COM_SOURCE, doc.com, observedAt));
  else {
    const facts: Record<string, boolean | number | null> = Object.fromEntries(doc.com.profiles.map((p) => [p.name, p.enabled]));
    facts['currentProfileTypes'] = doc.com.currentProfileTypes;
    list.push(evidence(COM_SOURCE, facts, observedAt));
  }
  if (isScriptError(doc.products)) list.push(errorEvidence(SECURITY_CENTER_SOURCE, doc.products, observedAt));
  else {
    const facts: Facts = Object.fromEntries(
      doc.products.map((p) => [
        p.displayName ?? 'unknown firewall',
        p.productState === null ? null : decodeProductState(p.productState).hex,
      ]),
    );
    list.push(evidence(SECURITY_CENTER_SOURCE, { products: doc.products.length, ...facts }, observedAt));
  }
  return list;
}

export function parseFirewall(stdout: string, observedAt: Date): ProbeOutcome<FirewallObservation> {
  const read = readScriptJson(stdout, FirewallDocument, FIREWALL_SOURCE, observedAt);
  if (!read.ok) return read.failure;
  const doc = read.value;
  // Neither profile source answered: there is nothing to report, whatever Security Center says.
  if (isScriptError(doc.profiles) && isScriptError(doc.com)) {
    const failed = failureFromError(doc.profiles, FIREWALL_SOURCE, observedAt);
    return { ...failed, evidence: evidenceOf(doc, observedAt) };
  }
  const cmdlet = new Map(isScriptError(doc.profiles) ? [] : doc.profiles.map((p) => [p.name, readGpoBoolean(p.enabled)]));
  const com = new Map(isScriptError(doc.com) ? [] : doc.com.profiles.map((p) => [p.name, p.enabled]));
  const profiles = profileNames(doc).map((name) => ({ name, enabled: combineProfile(cmdlet.get(name), com.get(name)) }));
  return { ok: true, observation: { profiles, products: productsOf(doc) }, evidence: evidenceOf(doc, observedAt) };
}

export function probeFirewall(run: PowerShellRunner): Promise<ProbeOutcome<FirewallObservation>> {
  return runWindowsProbe(run, { script: FIREWALL_SCRIPT, source: FIREWALL_SOURCE, parse: parseFirewall });
}
