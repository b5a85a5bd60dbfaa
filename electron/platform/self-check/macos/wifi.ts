/**
 * Security of the current Wi-Fi connection, from `system_profiler -json SPAirPortDataType`.
 *
 * Why system_profiler: `airport -I` was removed in macOS 14.4, and `networksetup
 * -getairportnetwork` names the network but not its security. The report lists each Wi-Fi
 * interface under `spairport_airport_interfaces` with `spairport_status_information`
 * ("spairport_status_connected", "…_off", "…_disassociated") and, when joined,
 * `spairport_current_network_information` with the SSID as `_name` and
 * `spairport_security_mode` ("spairport_security_mode_wpa2_personal", "…_none", "…_wep", …).
 *
 * Since macOS 14/15 an app without Location Services permission gets "<redacted>" instead of
 * the SSID; the security mode is still reported, so `ssid` is null and `security` is known.
 * A Mac with Wi-Fi off or not joined ("…_off", "…_disassociated", "…_inactive") is
 * 'notConnected'; one without Wi-Fi hardware (no interface listed) is notApplicable. Any other
 * status is 'unrecognized' with the status kept: a status we do not know is not "not connected".
 */
import { z } from 'zod';
import type { ProbeOutcome, WifiObservation, WifiSecurity } from '../../../core/self-check/self-check-observations';
import { evidence } from '../run-probe-command';
import {
  SYSTEM_PROFILER,
  SYSTEM_PROFILER_TIMEOUT_MS,
  commandFailed,
  commandLine,
  notObserved,
  observed,
  parseProfilerJson,
  type CommandRunner,
} from './macos-answers';

const ARGS = ['-json', 'SPAirPortDataType'];
export const AIRPORT_SOURCE = commandLine(SYSTEM_PROFILER, ARGS);

/**
 * Apple's security modes (the suffix after "security_mode_"), mapped to the weakest protocol the
 * network accepts, because that is what an attacker gets to use:
 * - "mixed" modes accept WPA (TKIP) clients, so they are 'wpa';
 * - "wpa3_transition" (WPA2/WPA3 Personal) accepts WPA2 clients, so it is 'wpa2';
 * - "owe" (Enhanced Open) encrypts but lets anyone join without a password: 'open';
 * - "8021x" and dynamic WEP are 802.1X with WEP keys: 'wep';
 * - WPA2/WPA3 Enterprise are 'enterprise' (per-user credentials).
 */
const SECURITY_MODES: Readonly<Record<string, WifiSecurity>> = {
  none: 'open',
  owe: 'open',
  owe_transition: 'open',
  wep: 'wep',
  wep40: 'wep',
  wep128: 'wep',
  dynamic_wep: 'wep',
  '8021x': 'wep',
  wpa_personal: 'wpa',
  wpa_personal_mixed: 'wpa',
  wpa2_personal_mixed: 'wpa',
  wpa_enterprise: 'wpa',
  wpa_enterprise_mixed: 'wpa',
  wpa2_enterprise_mixed: 'wpa',
  wpa2_personal: 'wpa2',
  wpa3_transition: 'wpa2',
  wpa3_personal: 'wpa3',
  wpa2_enterprise: 'enterprise',
  wpa3_enterprise: 'enterprise',
  wpa2_wpa3_enterprise: 'enterprise',
};

/** The statuses that certainly mean "joined to no network". */
const NOT_JOINED: ReadonlySet<string> = new Set(['spairport_status_off', 'spairport_status_disassociated', 'spairport_status_inactive']);

const CurrentNetwork = z.object({
  _name: z.string().optional(),
  spairport_security_mode: z.string().optional(),
});

const WifiInterface = z.object({
  _name: z.string().optional(),
  spairport_status_information: z.string().optional(),
  spairport_current_network_information: CurrentNetwork.optional(),
});

const AirPortReport = z.object({
  SPAirPortDataType: z.array(z.object({ spairport_airport_interfaces: z.array(WifiInterface).optional() })),
});

/**
 * "spairport_security_mode_wpa2_personal" → 'wpa2'. Matched on the part after "security_mode_"
 * because some releases drop the leading "s" ("pairport_security_mode_wpa3_transition").
 */
export function wifiSecurityFromMode(mode: string): WifiSecurity {
  const suffix = /security_mode_(.+)$/.exec(mode)?.[1] ?? mode;
  return SECURITY_MODES[suffix.toLowerCase()] ?? 'unknown';
}

/** An SSID is hidden behind "<redacted>" when the app lacks Location Services permission. */
function ssidOf(name: string | undefined): string | null {
  if (name === undefined) return null;
  const trimmed = name.trim();
  return trimmed === '' || /^<redacted>$/i.test(trimmed) ? null : trimmed;
}

export function parseAirPortReport(stdout: string, observedAt: Date): ProbeOutcome<WifiObservation> {
  const report = parseProfilerJson(stdout, AirPortReport);
  if (!report.ok) return notObserved('unparseable', [evidence(AIRPORT_SOURCE, { said: report.detail }, observedAt)], report.detail);
  const interfaces = report.value.SPAirPortDataType.flatMap((item) => item.spairport_airport_interfaces ?? []);
  // Joined: the status says connected, or (no status given) there is current-network information.
  // Connected without network information is still connected, with its security unknown.
  const joined =
    interfaces.find((i) => i.spairport_status_information === 'spairport_status_connected') ??
    interfaces.find((i) => i.spairport_status_information === undefined && i.spairport_current_network_information !== undefined);
  if (joined === undefined) {
    // awdl0 and llw0 (AirDrop, low-latency links) are listed without any status: not the Wi-Fi client.
    const statuses = interfaces.flatMap((i) => (i.spairport_status_information === undefined ? [] : [i.spairport_status_information]));
    const facts = { interfaces: interfaces.length, status: statuses.join(', ') || null };
    const items = [evidence(AIRPORT_SOURCE, facts, observedAt)];
    if (interfaces.length === 0) return notObserved('notApplicable', items, 'no Wi-Fi interface');
    const allNotJoined = statuses.length > 0 && statuses.every((status) => NOT_JOINED.has(status));
    return observed(
      {
        state: allNotJoined ? 'notConnected' : 'unrecognized',
        raw: allNotJoined ? null : statuses.join(', ') || 'no status',
        ssid: null,
        security: null,
      },
      items,
    );
  }
  const network = joined.spairport_current_network_information;
  const mode = network?.spairport_security_mode ?? null;
  const ssid = ssidOf(network?._name);
  const security = mode === null ? null : wifiSecurityFromMode(mode);
  // The SSID is the observation's, not the evidence's: evidence is stored and shown with the run.
  const facts = { interface: joined._name ?? null, securityMode: mode, security, ssidRedacted: ssid === null };
  return observed({ state: 'connected', ssid, security }, [evidence(AIRPORT_SOURCE, facts, observedAt)]);
}

export async function probeWifi(run: CommandRunner): Promise<ProbeOutcome<WifiObservation>> {
  const outcome = await run(SYSTEM_PROFILER, ARGS, { timeoutMs: SYSTEM_PROFILER_TIMEOUT_MS });
  if (!outcome.ok) return commandFailed(AIRPORT_SOURCE, outcome);
  return parseAirPortReport(outcome.stdout, new Date());
}
