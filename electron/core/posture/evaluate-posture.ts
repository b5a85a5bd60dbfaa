/**
 * Judges what the probes observed against the policy: the only place where pass, warning,
 * fail and unknown are decided, the same for Windows, macOS and Linux. A probe that could not
 * observe, or a value it could not establish (null), makes the check *unknown*, never *pass*.
 * A check that does not pass carries a reason code (texts: `selfCheck.reason.<code>`) with
 * the numbers a person needs to fix it.
 */
import type { CheckId, CheckResult, CheckStatus, PostureOs, PosturePolicy } from '../../shared/posture';
import type {
  AntivirusObservation,
  AntivirusProduct,
  DiskEncryptionObservation,
  FirewallObservation,
  OsUpdateObservation,
  ProbeOutcome,
  RemoteAccessObservation,
  ScreenLockObservation,
  WifiObservation,
} from './posture-observations';

export interface Observations {
  readonly firewall: ProbeOutcome<FirewallObservation>;
  readonly antivirus: ProbeOutcome<AntivirusObservation>;
  readonly osUpdates: ProbeOutcome<OsUpdateObservation>;
  readonly diskEncryption: ProbeOutcome<DiskEncryptionObservation>;
  readonly screenLock: ProbeOutcome<ScreenLockObservation>;
  readonly wifi: ProbeOutcome<WifiObservation>;
  readonly remoteAccess: ProbeOutcome<RemoteAccessObservation>;
}

type Params = Record<string, string | number>;
type Verdict = { readonly status: CheckStatus; readonly reason: string; readonly params?: Params };

const DAY_MS = 24 * 60 * 60 * 1000;
const verdict = (status: CheckStatus, reason: string, params?: Params): Verdict => ({ status, reason, ...(params ? { params } : {}) });

/** Whole days between an ISO time and now; null when the time cannot be read. */
function ageInDays(iso: string | null, now: Date): number | null {
  if (iso === null) return null;
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return null;
  return Math.max(0, Math.floor((now.getTime() - time) / DAY_MS));
}

function judgeFirewall(o: FirewallObservation): Verdict {
  const product = o.products.find((p) => p.enabled === true);
  if (product) return verdict('pass', 'firewallProduct', { name: product.name });
  const off = o.profiles.filter((p) => p.enabled === false).map((p) => p.name);
  if (off.length > 0) return verdict('fail', 'firewallOff', { profiles: off.join(', ') });
  if (o.profiles.length === 0) return verdict('fail', 'firewallNone');
  if (o.profiles.some((p) => p.enabled === null)) return verdict('unknown', 'firewallUnreadable');
  return verdict('pass', 'firewallOn', { profiles: o.profiles.map((p) => p.name).join(', ') });
}

function judgeAntivirusProduct(p: AntivirusProduct, policy: PosturePolicy, now: Date): Verdict {
  const name = p.name;
  if (p.realTimeProtection === false) return verdict('fail', 'antivirusRealTimeOff', { name });
  const age = ageInDays(p.definitionsUpdatedAt, now);
  const max = policy.definitionsMaxAgeDays;
  if (age !== null && age > max) return verdict('fail', 'antivirusDefinitionsOld', { name, days: age, max });
  if (age === null && p.definitionsUpToDate === false) return verdict('fail', 'antivirusDefinitionsOutOfDate', { name });
  if (p.realTimeProtection === null) return verdict('unknown', 'antivirusRealTimeUnknown', { name });
  if (age === null && p.definitionsUpToDate !== true) return verdict('unknown', 'antivirusDefinitionsUnknown', { name });
  return age === null ? verdict('pass', 'antivirusOnReported', { name }) : verdict('pass', 'antivirusOn', { name, days: age, max });
}

const RANK: Record<CheckStatus, number> = { pass: 0, warning: 1, unknown: 2, fail: 3 };

function judgeAntivirus(o: AntivirusObservation, policy: PosturePolicy, now: Date): Verdict {
  // A product in passive mode (Defender beside a third-party product) does not protect by itself.
  const active = o.products.filter((p) => p.active !== false);
  if (active.length === 0) return verdict('fail', o.products.length > 0 ? 'antivirusPassiveOnly' : 'antivirusNone');
  const verdicts = active.map((p) => judgeAntivirusProduct(p, policy, now));
  return verdicts.reduce((best, v) => (RANK[v.status] < RANK[best.status] ? v : best));
}

function judgeOsUpdates(o: OsUpdateObservation, policy: PosturePolicy, now: Date): Verdict {
  const age = ageInDays(o.lastUpdateInstalledAt, now);
  const max = policy.updatesMaxAgeDays;
  if (age === null) return verdict('unknown', 'updatesUnknown');
  if (age > max) return verdict('fail', 'updatesOld', { days: age, max });
  return verdict('pass', 'updatesRecent', { days: age, max });
}

/** Compares dotted versions numerically (10.0.22631 > 10.0.19045; 14.10 > 14.9). */
export function compareVersions(a: string, b: string): number | null {
  const parse = (v: string) => (/^\d+(\.\d+)*/.exec(v.trim())?.[0] ?? '').split('.').filter(Boolean).map(Number);
  const x = parse(a);
  const y = parse(b);
  if (x.length === 0 || y.length === 0) return null;
  for (let i = 0; i < Math.max(x.length, y.length); i += 1) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d !== 0) return Math.sign(d);
  }
  return 0;
}

function judgeOsVersion(o: OsUpdateObservation, os: PostureOs, policy: PosturePolicy): Verdict {
  const minimum = policy.minimumOsVersion[os];
  const version = o.osVersion;
  if (!minimum) return verdict('pass', 'osVersionNoMinimum', { version });
  const order = compareVersions(version, minimum);
  if (order === null) return verdict('unknown', 'osVersionUnreadable', { version });
  return order < 0 ? verdict('fail', 'osVersionOld', { version, minimum }) : verdict('pass', 'osVersionOk', { version, minimum });
}

function judgeDiskEncryption(o: DiskEncryptionObservation): Verdict {
  const params = { volume: o.volume, method: o.method ?? '—' };
  if (o.encrypted === true) return verdict('pass', 'encryptionOn', params);
  if (o.encrypted === false) return verdict('fail', 'encryptionOff', params);
  return verdict('unknown', 'encryptionUnknown', params);
}

function judgeScreenLock(o: ScreenLockObservation, policy: PosturePolicy): Verdict {
  const max = policy.screenLockMaxIdleMinutes;
  if (o.lockEnabled === false) return verdict('fail', 'screenLockOff', { max });
  if (o.passwordRequired === false) return verdict('fail', 'screenLockNoPassword', { max });
  if (o.idleSeconds !== null && o.idleSeconds > max * 60) return verdict('fail', 'screenLockTooLate', { minutes: Math.ceil(o.idleSeconds / 60), max });
  if (o.lockEnabled === null || o.passwordRequired === null || o.idleSeconds === null) return verdict('unknown', 'screenLockUnknown', { max });
  return verdict('pass', 'screenLockOn', { minutes: Math.ceil(o.idleSeconds / 60), max });
}

function judgeWifi(o: WifiObservation): Verdict {
  if (!o.connected) return verdict('pass', 'wifiNotConnected');
  if (o.security === 'open' || o.security === 'wep') return verdict('fail', o.security === 'open' ? 'wifiOpen' : 'wifiWep');
  if (o.security === null || o.security === 'unknown') return verdict('unknown', 'wifiSecurityUnknown');
  return verdict('pass', 'wifiSecured', { security: o.security.toUpperCase() });
}

function judgeRemoteAccess(o: RemoteAccessObservation, required: boolean): Verdict {
  if (o.listening.length === 0) return verdict('pass', 'remoteAccessNone');
  const services = [...new Set(o.listening.map((l) => l.service.toUpperCase()))].join(', ');
  // 7-12: listening remote access is worth a warning; a company that forbids it makes the check required.
  return verdict(required ? 'fail' : 'warning', 'remoteAccessListening', { services });
}

function resultOf<T>(id: CheckId, outcome: ProbeOutcome<T>, policy: PosturePolicy, judge: (observation: T) => Verdict): CheckResult {
  const required = policy.required[id];
  // No Wi-Fi adapter at all: the laptop cannot be on an open Wi-Fi network.
  const v = outcome.ok ? judge(outcome.observation) : id === 'wifi' && outcome.problem === 'notApplicable' ? verdict('pass', 'wifiNoAdapter') : verdict('unknown', `probe.${outcome.problem}`);
  return { id, status: v.status, required, reason: v.reason, params: v.params ?? {}, evidence: [...outcome.evidence] };
}

export function evaluatePosture(o: Observations, os: PostureOs, policy: PosturePolicy, now: Date): CheckResult[] {
  return [
    resultOf('firewall', o.firewall, policy, judgeFirewall),
    resultOf('antivirus', o.antivirus, policy, (x) => judgeAntivirus(x, policy, now)),
    resultOf('osUpdates', o.osUpdates, policy, (x) => judgeOsUpdates(x, policy, now)),
    resultOf('osVersion', o.osUpdates, policy, (x) => judgeOsVersion(x, os, policy)),
    resultOf('diskEncryption', o.diskEncryption, policy, judgeDiskEncryption),
    resultOf('screenLock', o.screenLock, policy, (x) => judgeScreenLock(x, policy)),
    resultOf('wifi', o.wifi, policy, judgeWifi),
    resultOf('remoteAccess', o.remoteAccess, policy, (x) => judgeRemoteAccess(x, policy.required.remoteAccess)),
  ];
}

/** Pass only when every required check passed: unknown is never pass (issue 5). */
export function overallOf(checks: readonly CheckResult[]): 'pass' | 'fail' {
  return checks.every((c) => !c.required || c.status === 'pass') ? 'pass' : 'fail';
}
