/**
 * Judges what the probes observed against the policy, the same for Windows, macOS and Linux:
 * it works out which finding (a row of the decision table in self-check-decisions.ts) each
 * observation is, and the table says what that finding's status is. A probe that could not
 * observe, a value it could not establish (null) or a state it did not recognize makes the
 * check *unknown*, never *pass*.
 * A check that does not pass carries a reason code (texts: `selfCheck.reason.<code>`) with
 * the numbers a person needs to fix it.
 */
import {
  checkClears,
  type CheckId,
  type CheckResult,
  type CheckStatus,
  type SelfCheckOs,
  type SelfCheckPolicy,
} from '../../shared/self-check';
import { OS_SUPPORT_CHECKED, lookUpSupport } from './os-support';
import { PROBE_DECISIONS, decide, type Finding } from './self-check-decisions';
import type {
  AdminAccountObservation,
  BluetoothObservation,
  AntivirusObservation,
  AutoLoginObservation,
  AutoRunObservation,
  BootProtectionObservation,
  ClockSyncObservation,
  EdrObservation,
  FileSharingObservation,
  AntivirusProduct,
  DiskEncryptionObservation,
  DiskEncryptionState,
  FirewallObservation,
  Observations,
  OsUpdateObservation,
  ProbeOutcome,
  RemoteAccessObservation,
  ScreenLockObservation,
  WifiObservation,
} from './self-check-observations';

export type { Observations };

type Params = Record<string, string | number>;
/** What the evaluator found for one check: a row of the decision table and the numbers a person needs. */
type Found<C extends CheckId> = { readonly finding: Finding<C>; readonly params?: Params };

const DAY_MS = 24 * 60 * 60 * 1000;
const found = <C extends CheckId>(finding: Finding<C>, params?: Params): Found<C> => ({ finding, ...(params ? { params } : {}) });

/** Whole days between an ISO time and now; null when the time cannot be read. */
function ageInDays(iso: string | null, now: Date): number | null {
  if (iso === null) return null;
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return null;
  return Math.max(0, Math.floor((now.getTime() - time) / DAY_MS));
}

function judgeFirewall(o: FirewallObservation): Found<'firewall'> {
  const product = o.products.find((p) => p.enabled === true);
  if (product) return found('firewallProduct', { name: product.name });
  const off = o.profiles.filter((p) => p.enabled === false).map((p) => p.name);
  if (off.length > 0) return found('firewallOff', { profiles: off.join(', ') });
  if (o.profiles.length === 0) return found('firewallNone');
  if (o.profiles.some((p) => p.enabled === null)) return found('firewallUnreadable');
  return found('firewallOn', { profiles: o.profiles.map((p) => p.name).join(', ') });
}

/** Each engine's definitions limit; third-party products registered with Security Center report their own up-to-date flag instead of a date. */
function definitionsLimitDays(engine: string, policy: SelfCheckPolicy): number {
  if (engine === 'xprotect') return policy.xprotectDefinitionsMaxAgeDays;
  if (engine === 'clamav') return policy.clamavDefinitionsMaxAgeDays;
  return policy.definitionsMaxAgeDays;
}

function judgeAntivirusProduct(p: AntivirusProduct, policy: SelfCheckPolicy, now: Date): Found<'antivirus'> {
  const name = p.name;
  // ClamAV scans on demand unless clamonacc runs; on-access scanning is the company's choice.
  const onDemandAllowed = p.engine === 'clamav' && !policy.linuxOnAccessScanRequired;
  if (p.realTimeProtection === false && !onDemandAllowed) return found('antivirusRealTimeOff', { name });
  const age = ageInDays(p.definitionsUpdatedAt, now);
  const max = definitionsLimitDays(p.engine, policy);
  if (age !== null && age > max)
    return found(p.definitionsDateIsLowerBound === true ? 'antivirusDefinitionsDateBehindVersion' : 'antivirusDefinitionsOld', {
      name,
      days: age,
      max,
    });
  if (age === null && p.definitionsUpToDate === false) return found('antivirusDefinitionsOutOfDate', { name });
  if (p.realTimeProtection === null) return found('antivirusRealTimeUnknown', { name });
  if (age === null && p.definitionsUpToDate !== true) return found('antivirusDefinitionsUnknown', { name });
  if (!p.realTimeProtection) return found('antivirusOnDemand', { name, days: age ?? '—', max });
  return age === null ? found('antivirusOnReported', { name }) : found('antivirusOn', { name, days: age, max });
}

const RANK: Record<CheckStatus, number> = { pass: 0, notApplicable: 1, warning: 2, unknown: 3, fail: 4 };
const better = (a: Found<'antivirus'>, b: Found<'antivirus'>): Found<'antivirus'> =>
  RANK[decide('antivirus', b.finding)] < RANK[decide('antivirus', a.finding)] ? b : a;

function judgeAntivirus(o: AntivirusObservation, policy: SelfCheckPolicy, now: Date): Found<'antivirus'> {
  if (o.products.length === 0) return found('antivirusNone');
  // One product that protects is enough; a product whose mode we cannot read is judged unknown beside it.
  const verdicts = [
    ...o.products.filter((p) => p.mode === 'active').map((p) => judgeAntivirusProduct(p, policy, now)),
    ...o.products
      .filter((p) => p.mode === 'unrecognized')
      .map((p) => found<'antivirus'>('antivirusModeUnrecognized', { name: p.name, mode: p.modeText ?? '—' })),
  ];
  if (verdicts.length > 0) return verdicts.reduce(better);
  // Defender passive says another product is primary; if none is visible at all we cannot judge it.
  const passive = o.products.filter((p) => p.mode === 'passive');
  if (passive.length === o.products.length) return found('antivirusPrimaryNotVisible', { name: passive.map((p) => p.name).join(', ') });
  return found('antivirusPassiveOnly');
}

function judgeOsUpdates(o: OsUpdateObservation, policy: SelfCheckPolicy, now: Date): Found<'osUpdates'> {
  const age = ageInDays(o.lastUpdateInstalledAt, now);
  const max = policy.updatesMaxAgeDays;
  if (age === null) return found('updatesUnknown');
  if (age > max) return found('updatesOld', { days: age, max });
  return found('updatesRecent', { days: age, max });
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

function judgeOsVersion(o: OsUpdateObservation, os: SelfCheckOs, policy: SelfCheckPolicy): Found<'osVersion'> {
  const minimum = policy.minimumOsVersion[os];
  const version = o.osVersion;
  if (!minimum) return found('osVersionNoMinimum', { version });
  const order = compareVersions(version, minimum);
  if (order === null) return found('osVersionUnreadable', { version });
  return order < 0 ? found('osVersionOld', { version, minimum }) : found('osVersionOk', { version, minimum });
}

/** How long "no end announced" in the support table is believed after the day it was checked. */
const NO_END_TRUSTED_DAYS = 180;

function judgeOsSupported(o: OsUpdateObservation, os: SelfCheckOs, now: Date): Found<'osSupported'> {
  const release = lookUpSupport(o, os);
  if (release.kind === 'notListed') return found('osSupportNotListed', { name: release.name, checked: OS_SUPPORT_CHECKED });
  if (release.end === null) {
    const age = ageInDays(`${OS_SUPPORT_CHECKED}T00:00:00Z`, now) ?? Number.POSITIVE_INFINITY;
    return found(age > NO_END_TRUSTED_DAYS ? 'osSupportTableOld' : 'osSupportedNoEndYet', {
      name: release.name,
      checked: OS_SUPPORT_CHECKED,
    });
  }
  // Supported through the last day (end of that day in UTC, the latest time zone to reach it is later still).
  const ended = now.getTime() > Date.parse(`${release.end}T23:59:59Z`);
  return found(ended ? 'osSupportEnded' : 'osSupportedUntil', { name: release.name, date: release.end });
}

const DISK_FINDINGS: Readonly<Record<DiskEncryptionState, Finding<'diskEncryption'>>> = {
  on: 'encryptionOn',
  off: 'encryptionOff',
  partial: 'encryptionPartial',
  encrypting: 'encryptionInProgress',
  decrypting: 'encryptionDecrypting',
  suspended: 'encryptionSuspended',
  pending: 'encryptionPending',
  locked: 'encryptionLocked',
  unrecognized: 'encryptionUnrecognized',
};

function judgeDiskEncryption(o: DiskEncryptionObservation): Found<'diskEncryption'> {
  const percent = o.percent === null || o.percent === undefined ? '—' : `${o.percent}`;
  return found(DISK_FINDINGS[o.state], { volume: o.volume, method: o.method ?? '—', raw: o.raw ?? '—', percent });
}

function judgeScreenLock(o: ScreenLockObservation, policy: SelfCheckPolicy): Found<'screenLock'> {
  const max = policy.screenLockMaxIdleMinutes;
  const maxDelay = policy.screenLockMaxPasswordDelaySeconds;
  if (o.lockEnabled === false) return found('screenLockOff', { max });
  if (o.passwordRequired === false) return found('screenLockNoPassword', { max });
  if (o.idleSeconds !== null && o.idleSeconds > max * 60)
    return found('screenLockTooLate', { minutes: Math.ceil(o.idleSeconds / 60), max });
  // The password delay is its own limit, never added to the idle time (a 300 s delay once passed inside a 15-minute sum).
  if (o.passwordDelaySeconds !== null && o.passwordDelaySeconds > maxDelay)
    return found('screenLockPasswordDelayTooLong', { seconds: o.passwordDelaySeconds, maxSeconds: maxDelay });
  if (o.lockEnabled === null || o.passwordRequired === null || o.idleSeconds === null || o.passwordDelaySeconds === null)
    return found('screenLockUnknown', { max });
  return found('screenLockOn', { minutes: Math.ceil(o.idleSeconds / 60), max, seconds: o.passwordDelaySeconds, maxSeconds: maxDelay });
}

function judgeWifi(o: WifiObservation): Found<'wifi'> {
  if (o.state === 'notConnected') return found('wifiNotConnected');
  if (o.state === 'unrecognized') return found('wifiStatusUnrecognized', { raw: o.raw ?? '—' });
  if (o.security === 'open' || o.security === 'wep') return found(o.security === 'open' ? 'wifiOpen' : 'wifiWep');
  if (o.security === null || o.security === 'unknown') return found('wifiSecurityUnknown');
  return found('wifiSecured', { security: o.security.toUpperCase() });
}

function judgeRemoteAccess(o: RemoteAccessObservation, required: boolean): Found<'remoteAccess'> {
  if (o.listening.length === 0) return found('remoteAccessNone');
  const services = [...new Set(o.listening.map((l) => l.service.toUpperCase()))].join(', ');
  // 7-12: listening remote access is worth a warning; a company that forbids it makes the check required.
  return found(required ? 'remoteAccessForbidden' : 'remoteAccessListening', { services });
}

const PART_NAMES: Readonly<Record<BootProtectionObservation['parts'][number]['part'], string>> = {
  secureBoot: 'Secure Boot',
  tpm: 'TPM',
  sip: 'SIP',
  gatekeeper: 'Gatekeeper',
};

function judgeBootProtection(o: BootProtectionObservation): Found<'bootProtection'> {
  const names = (state: string) =>
    o.parts
      .filter((p) => p.state === state)
      .map((p) => PART_NAMES[p.part])
      .join(', ');
  const raws = (state: string) =>
    o.parts
      .filter((p) => p.state === state)
      .map((p) => `${PART_NAMES[p.part]}: ${p.raw ?? '—'}`)
      .join('; ');
  if (o.parts.some((p) => p.state === 'off')) return found('bootProtectionOff', { parts: names('off') });
  if (o.parts.some((p) => p.state === 'unrecognized'))
    return found('bootProtectionUnrecognized', { parts: names('unrecognized'), raw: raws('unrecognized') });
  // Nothing read at all is no evidence either.
  if (o.parts.length === 0) return found('bootProtectionUnreadable', { parts: '—', raw: '—' });
  if (o.parts.some((p) => p.state === 'unread')) return found('bootProtectionUnreadable', { parts: names('unread'), raw: raws('unread') });
  return found('bootProtectionOn', { parts: names('on') });
}

function judgeClockSync(o: ClockSyncObservation): Found<'clockSync'> {
  const source = o.source ?? '—';
  if (o.state === 'synchronized') return found('clockSynchronized', { source });
  if (o.state === 'automatic') return found('clockAutomatic');
  if (o.state === 'notSynchronized') return found('clockNotSynchronized', { raw: o.raw ?? '—' });
  return found('clockUnrecognized', { raw: o.raw ?? '—' });
}

const AUTO_RUN_FINDINGS: Readonly<Record<AutoRunObservation['state'], Finding<'autoRun'>>> = {
  off: 'autoRunOff',
  on: 'autoRunOn',
  notOnThisOs: 'autoRunNotOnThisOs',
  unrecognized: 'autoRunUnrecognized',
};

const ADMIN_FINDINGS: Readonly<Record<AdminAccountObservation['state'], Finding<'adminAccount'>>> = {
  admin: 'adminAccountAdmin',
  standard: 'adminAccountStandard',
  unrecognized: 'adminAccountUnrecognized',
};

/** Windows service names are case-insensitive; a Linux unit may be named with or without ".service". */
function sameService(listed: string, seen: string, os: SelfCheckOs): boolean {
  if (os === 'windows') return listed.toLowerCase() === seen.toLowerCase();
  if (os === 'linux') return listed.replace(/\.service$/, '') === seen.replace(/\.service$/, '');
  return listed === seen;
}

function judgeEdr(o: EdrObservation, os: SelfCheckOs, policy: SelfCheckPolicy): Found<'edr'> {
  const wanted = policy.edrServices[os];
  const names = wanted.join(', ');
  const seen = o.services.filter((s) => wanted.some((w) => sameService(w, s.name, os)));
  if (seen.some((s) => s.running))
    return found('edrRunning', {
      names: seen
        .filter((s) => s.running)
        .map((s) => s.name)
        .join(', '),
    });
  return seen.length > 0 ? found('edrNotRunning', { names: seen.map((s) => s.name).join(', ') }) : found('edrMissing', { names });
}

const BLUETOOTH_FINDINGS: Readonly<Record<BluetoothObservation['state'], Finding<'bluetooth'>>> = {
  discoverable: 'bluetoothDiscoverable',
  hidden: 'bluetoothHidden',
  noAdapter: 'bluetoothNoAdapter',
  onlyWhileSettingsOpen: 'bluetoothOnlyWhileSettingsOpen',
  unrecognized: 'bluetoothUnrecognized',
};

const SHARING_FINDINGS: Readonly<Record<FileSharingObservation['state'], Finding<'fileSharing'>>> = {
  off: 'fileSharingOff',
  on: 'fileSharingOn',
  unrecognized: 'fileSharingUnrecognized',
};

const AUTO_LOGIN_FINDINGS: Readonly<Record<AutoLoginObservation['state'], Finding<'autoLogin'>>> = {
  off: 'autoLoginOff',
  on: 'autoLoginOn',
  unrecognized: 'autoLoginUnrecognized',
};

function resultOf<C extends CheckId, T>(
  id: C,
  outcome: ProbeOutcome<T>,
  policy: SelfCheckPolicy,
  judge: (observation: T) => Found<C>,
): CheckResult {
  const required = policy.required[id];
  const evidence = [...outcome.evidence];
  if (outcome.ok) {
    const f = judge(outcome.observation);
    return { id, status: decide(id, f.finding), required, reason: f.finding, params: f.params ?? {}, evidence };
  }
  // No Wi-Fi adapter at all: the laptop cannot be on an open Wi-Fi network, which is said, not passed.
  if (id === 'wifi' && outcome.problem === 'notApplicable')
    return { id, status: decide('wifi', 'wifiNoAdapter'), required, reason: 'wifiNoAdapter', params: {}, evidence };
  return { id, status: PROBE_DECISIONS[outcome.problem], required, reason: `probe.${outcome.problem}`, params: {}, evidence };
}

export function evaluateSelfCheck(o: Observations, os: SelfCheckOs, policy: SelfCheckPolicy, now: Date): CheckResult[] {
  return [
    resultOf('firewall', o.firewall, policy, judgeFirewall),
    resultOf('antivirus', o.antivirus, policy, (x) => judgeAntivirus(x, policy, now)),
    resultOf('osUpdates', o.osUpdates, policy, (x) => judgeOsUpdates(x, policy, now)),
    resultOf('osVersion', o.osUpdates, policy, (x) => judgeOsVersion(x, os, policy)),
    resultOf('osSupported', o.osUpdates, policy, (x) => judgeOsSupported(x, os, now)),
    resultOf('diskEncryption', o.diskEncryption, policy, judgeDiskEncryption),
    resultOf('screenLock', o.screenLock, policy, (x) => judgeScreenLock(x, policy)),
    resultOf('wifi', o.wifi, policy, judgeWifi),
    resultOf('remoteAccess', o.remoteAccess, policy, (x) => judgeRemoteAccess(x, policy.required.remoteAccess)),
    resultOf('bootProtection', o.bootProtection, policy, judgeBootProtection),
    resultOf('clockSync', o.clockSync, policy, judgeClockSync),
    resultOf('autoRun', o.autoRun, policy, (x) => found(AUTO_RUN_FINDINGS[x.state], { raw: x.raw ?? '—' })),
    resultOf('autoLogin', o.autoLogin, policy, (x) => found(AUTO_LOGIN_FINDINGS[x.state], { raw: x.raw ?? '—' })),
    resultOf('adminAccount', o.adminAccount, policy, (x) => found(ADMIN_FINDINGS[x.state], { raw: x.raw ?? '—' })),
    resultOf('fileSharing', o.fileSharing, policy, (x) => found(SHARING_FINDINGS[x.state], { raw: x.raw ?? '—' })),
    // No agent named for this OS: not applicable, whatever the probe saw (or failed to see).
    policy.edrServices[os].length === 0
      ? {
          id: 'edr',
          status: decide('edr', 'edrNotRequired'),
          required: policy.required.edr,
          reason: 'edrNotRequired',
          params: {},
          evidence: [...o.edr.evidence],
        }
      : resultOf('edr', o.edr, policy, (x) => judgeEdr(x, os, policy)),
    resultOf('bluetooth', o.bluetooth, policy, (x) => found(BLUETOOTH_FINDINGS[x.state], { raw: x.raw ?? '—' })),
  ];
}

/**
 * Pass only when every required check passed, does not apply here, or has a warning that clears
 * (WARNINGS_THAT_CLEAR: the disk still encrypting); unknown is never pass (issue 5).
 */
export function overallOf(checks: readonly CheckResult[]): 'pass' | 'fail' {
  return checks.every(checkClears) ? 'pass' : 'fail';
}
