/**
 * The Wi-Fi connection's security, from `netsh wlan show interfaces`.
 *
 * netsh prints translated labels ("Authentication" / "認証") and partly translated values
 * (State "connected" / "接続されました"; Authentication "WPA2-Personal" / "WPA2-パーソナル",
 * "Open" / "オープン"; Cipher "None" / "なし"), and its line order changed in Windows 11
 * (newer builds print "AP BSSID", Band and Channel right after the SSID). So the parser never
 * reads a label, and relies on values that identify themselves:
 * - each interface block contains a GUID line; its first MAC-address value is the adapter's
 *   physical address, and a second MAC-address value is the BSSID of the access point it is
 *   connected to. A BSSID means connected (the State value is translated and not read);
 * - the SSID is the line labelled "SSID" (not translated), or else the line right before the
 *   BSSID (in every known layout it is both);
 * - the cipher line is recognized by its value (CCMP, GCMP, TKIP, WEP, None/なし), and the
 *   authentication is the line right before it (in every layout);
 * - the authentication value is mapped in English and Japanese; if it is not recognized,
 *   the language-neutral "Connected Akm-cipher" line of newer builds (IEEE 802.11 AKM suite
 *   selector, e.g. 00-0f-ac:08 = SAE) is used when present, then the WPA generation named in
 *   the value ("WPA3…", "WPA2…"), else the security is 'unknown'. A WEP cipher is 'wep'
 *   whatever the authentication says ("Open" + WEP is static WEP).
 *
 * Encoding: netsh writes in the console's OEM code page (CP932 on Japanese Windows), not in
 * the UTF-8 that runPowerShell sets for PowerShell itself. The script therefore starts netsh
 * as a child process without a console window, which gets a fresh console in the system's
 * OEM code page (`HKLM\SYSTEM\CurrentControlSet\Control\Nls\CodePage` OEMCP), and decodes its
 * stdout with exactly that code page before printing JSON in UTF-8.
 *
 * No Wi-Fi: netsh says "There is no wireless interface on the system." (translated), or that
 * the WLAN AutoConfig service is not running. The script also counts Wi-Fi adapters
 * (`Get-NetAdapter -Physical`, NdisPhysicalMedium 9 = Native 802.11, 1 = wireless LAN) and
 * reads the WlanSvc service status, both language-neutral. With no adapter, or WlanSvc not
 * running (no Wi-Fi connection can exist without it), the answer is 'notConnected' ("no Wi-Fi
 * connection is up"), which the evaluator reports as not applicable, with its reason. Output with neither interfaces nor such an explanation
 * is 'unparseable'.
 */
import { z } from 'zod';
import type { ProbeOutcome, WifiObservation, WifiSecurity } from '../../../core/self-check/self-check-observations';
import { evidence } from '../run-probe-command';
import { failure, integer, readScriptJson, runWindowsProbe, text, type PowerShellRunner } from './powershell-json';
import { powerShellJsonScript } from '../../windows/powershell-script';

export const WIFI_SOURCE = 'netsh wlan show interfaces';

export const WIFI_SCRIPT = powerShellJsonScript(String.raw`
  $out = [ordered]@{}
  $out.wlanService = $(try { $s = Get-Service -Name WlanSvc -ErrorAction SilentlyContinue; if ($s) { [string]$s.Status } else { 'missing' } } catch { $null })
  $out.wifiAdapters = $(try { @(Get-NetAdapter -Physical | Where-Object { $_.NdisPhysicalMedium -eq 9 -or $_.NdisPhysicalMedium -eq 1 }).Count } catch { $null })
  $netsh = Invoke-OemCommand 'netsh.exe' 'wlan show interfaces'
  $out.codePage = $netsh.codePage
  $out.exitCode = $netsh.exitCode
  $out.lines = $netsh.lines
  return $out
`);

const WifiDocument = z.object({
  wlanService: text,
  wifiAdapters: integer,
  codePage: integer,
  exitCode: integer,
  lines: z.array(z.string()),
});
type WifiDocument = z.output<typeof WifiDocument>;

interface Field {
  readonly label: string;
  readonly value: string;
}

interface WifiInterface {
  readonly connected: boolean;
  readonly ssid: string | null;
  readonly authentication: string | null;
  readonly cipher: string | null;
  readonly akm: string | null;
  readonly security: WifiSecurity | null;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAC = /^[0-9a-f]{2}([:-][0-9a-f]{2}){5}$/i;
const CIPHER = /^(none|なし|wep(-40|-104)?|ccmp(-256)?|gcmp(-256)?|tkip|bip|aes)$/i;
const AKM = /akm\s*=\s*([0-9a-f]{2}-[0-9a-f]{2}-[0-9a-f]{2}:[0-9a-f]{2})/i;

/** Indented "label : value" lines; labels never contain a colon, values (MACs, AKM) may. */
function fieldsOf(lines: readonly string[]): Field[] {
  return lines.flatMap((line) => {
    const match = /^\s+([^:]+?)\s*:\s?(.*)$/.exec(line);
    return match?.[1] === undefined || match[2] === undefined ? [] : [{ label: match[1], value: match[2].trim() }];
  });
}

/** One block per interface, starting two lines (Name, Description) before its GUID. */
function interfaceBlocks(fields: readonly Field[]): Field[][] {
  const starts = fields.flatMap((f, i) => (GUID.test(f.value) ? [Math.max(0, i - 2)] : []));
  return starts.map((start, n) => fields.slice(start, starts[n + 1] ?? fields.length));
}

/**
 * Authentication values as netsh prints them, English and Japanese, lower-cased and without
 * spaces. WPA (version 1) is 'wpa' even in its enterprise form: TKIP-era security.
 */
const AUTHENTICATION: Record<string, WifiSecurity> = {
  open: 'open',
  オープン: 'open',
  shared: 'wep',
  共有: 'wep',
  'wpa-personal': 'wpa',
  'wpa-パーソナル': 'wpa',
  'wpa-enterprise': 'wpa',
  'wpa-エンタープライズ': 'wpa',
  'wpa2-personal': 'wpa2',
  'wpa2-パーソナル': 'wpa2',
  'wpa2-enterprise': 'enterprise',
  'wpa2-エンタープライズ': 'enterprise',
  'wpa3-personal': 'wpa3',
  'wpa3-パーソナル': 'wpa3',
  'wpa3-sae': 'wpa3',
  'wpa3-enterprise': 'enterprise',
  'wpa3-エンタープライズ': 'enterprise',
  'wpa3-enterprise192bits': 'enterprise',
  'wpa3-エンタープライズ192ビット': 'enterprise',
};

/** IEEE 802.11 AKM suite selectors (OUI 00-0f-ac, RSN) and the WPA1 vendor OUI 00-50-f2. */
const AKM_SUITES: Record<string, WifiSecurity> = {
  '00-0f-ac:01': 'enterprise',
  '00-0f-ac:02': 'wpa2',
  '00-0f-ac:03': 'enterprise',
  '00-0f-ac:04': 'wpa2',
  '00-0f-ac:05': 'enterprise',
  '00-0f-ac:06': 'wpa2',
  '00-0f-ac:08': 'wpa3',
  '00-0f-ac:09': 'wpa3',
  '00-0f-ac:0b': 'enterprise',
  '00-0f-ac:0c': 'enterprise',
  '00-50-f2:01': 'wpa',
  '00-50-f2:02': 'wpa',
};

/** An authentication value as the AUTHENTICATION table spells it. */
function authKey(value: string): string {
  return value.toLowerCase().replace(/\s+/g, '');
}

function securityOf(authentication: string | null, cipher: string | null, akm: string | null): WifiSecurity {
  if (cipher !== null && /^wep/i.test(cipher)) return 'wep';
  const known = authentication === null ? undefined : AUTHENTICATION[authKey(authentication)];
  if (known) return known;
  const fromAkm = akm === null ? undefined : AKM_SUITES[akm.toLowerCase()];
  return fromAkm ?? guessFromName(authentication ?? '');
}

/** A spelling we have not listed (a future build, another wording): read the WPA generation and the enterprise mark. */
function guessFromName(authentication: string): WifiSecurity {
  const enterprise = /enterprise|エンタープライズ|802\.1x/i.test(authentication);
  if (/wpa3/i.test(authentication)) return enterprise ? 'enterprise' : 'wpa3';
  if (/wpa2/i.test(authentication)) return enterprise ? 'enterprise' : 'wpa2';
  if (/wpa/i.test(authentication)) return 'wpa';
  return 'unknown';
}

function readInterface(block: readonly Field[]): WifiInterface {
  const macs = block.flatMap((f, i) => (MAC.test(f.value) ? [i] : []));
  // Prefer the line labelled BSSID ("BSSID", "AP BSSID": not translated); else the second MAC.
  const bssidAt = macs.find((i) => i !== macs[0] && /bssid/i.test(block[i]?.label ?? '')) ?? macs[1];
  if (bssidAt === undefined) return { connected: false, ssid: null, authentication: null, cipher: null, akm: null, security: null };
  const after = block.slice(bssidAt + 1);
  const cipherAt = after.findIndex((f) => CIPHER.test(f.value));
  const cipher = cipherAt >= 0 ? (after[cipherAt]?.value ?? null) : null;
  const authField = cipherAt > 0 ? after[cipherAt - 1] : after.find((f) => AUTHENTICATION[authKey(f.value)] !== undefined);
  const authentication = authField?.value ?? null;
  const akm = after.map((f) => AKM.exec(f.value)?.[1]).find((a) => a !== undefined) ?? null;
  // "SSID" is not translated either; if no line has that label, the SSID is the line before the BSSID.
  const ssidField = block.slice(0, bssidAt).find((f) => /^ssid$/i.test(f.label)) ?? block[bssidAt - 1];
  const ssid = ssidField?.value || null;
  return { connected: true, ssid, authentication, cipher, akm, security: securityOf(authentication, cipher, akm) };
}

const STRENGTH: Record<WifiSecurity, number> = { open: 0, wep: 1, unknown: 2, wpa: 3, wpa2: 4, enterprise: 5, wpa3: 5 };

/** With several connected adapters, the weakest connection is the one that counts. */
function weakest(connected: readonly WifiInterface[]): WifiInterface | undefined {
  return [...connected].sort((a, b) => STRENGTH[a.security ?? 'unknown'] - STRENGTH[b.security ?? 'unknown'])[0];
}

function noWifiExplained(doc: WifiDocument): boolean {
  return doc.wifiAdapters === 0 || (doc.wlanService !== null && doc.wlanService.toLowerCase() !== 'running');
}

export function parseWifi(stdout: string, observedAt: Date): ProbeOutcome<WifiObservation> {
  const read = readScriptJson(stdout, WifiDocument, WIFI_SOURCE, observedAt);
  if (!read.ok) return read.failure;
  const doc = read.value;
  const interfaces = interfaceBlocks(fieldsOf(doc.lines)).map(readInterface);
  const base = {
    wlanService: doc.wlanService,
    wifiAdapters: doc.wifiAdapters,
    codePage: doc.codePage,
    exitCode: doc.exitCode,
    interfaces: interfaces.length,
  };
  if (interfaces.length === 0 && !noWifiExplained(doc)) {
    const said = doc.lines
      .map((l) => l.trim())
      .filter((l) => l !== '')
      .join(' ');
    return failure('unparseable', WIFI_SOURCE, observedAt, said === '' ? 'empty netsh output' : said);
  }
  const chosen = weakest(interfaces.filter((i) => i.connected));
  if (!chosen) {
    return {
      ok: true,
      observation: { state: 'notConnected', ssid: null, security: null },
      evidence: [evidence(WIFI_SOURCE, { ...base, connected: false }, observedAt)],
    };
  }
  const facts = {
    ...base,
    connected: true,
    ssid: chosen.ssid,
    authentication: chosen.authentication,
    cipher: chosen.cipher,
    akm: chosen.akm,
  };
  return {
    ok: true,
    observation: { state: 'connected', ssid: chosen.ssid, security: chosen.security },
    evidence: [evidence(WIFI_SOURCE, facts, observedAt)],
  };
}

export function probeWifi(run: PowerShellRunner): Promise<ProbeOutcome<WifiObservation>> {
  return runWindowsProbe(run, { script: WIFI_SCRIPT, source: WIFI_SOURCE, parse: parseWifi });
}
