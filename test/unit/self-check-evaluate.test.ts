/**
 * The judging rules of the self-check, once for every OS: what passes, what fails and why,
 * and that nothing unestablished ever passes. This machine's real probes and the
 * `fieldguard selfcheck` process are in test/integration/self-check-this-machine.
 */
import { describe, expect, it } from 'vitest';
import { compareVersions, evaluateSelfCheck, overallOf, type Observations } from '../../electron/core/self-check/evaluate-self-check';
import type { ProbeOutcome } from '../../electron/core/self-check/self-check-observations';
import { DEFAULT_SELF_CHECK_POLICY, type CheckId, type CheckResult } from '../../electron/shared/self-check';
import { reasonText } from '../../electron/shared/self-check-texts';

const NOW = new Date('2026-11-26T03:00:00Z');
const daysAgo = (days: number) => new Date(NOW.getTime() - days * 86_400_000).toISOString();
const seen = [{ source: 'test', observedAt: NOW.toISOString(), facts: {} }];
const ok = <T>(observation: T): ProbeOutcome<T> => ({ ok: true, observation, evidence: seen });

const healthy: Observations = {
  firewall: ok({
    profiles: [
      { name: 'Domain', enabled: true },
      { name: 'Private', enabled: true },
      { name: 'Public', enabled: true },
    ],
    products: [],
  }),
  antivirus: ok({
    products: [
      {
        name: 'Microsoft Defender Antivirus',
        engine: 'defender',
        mode: 'active' as const,
        realTimeProtection: true,
        definitionsUpdatedAt: daysAgo(1),
        definitionsUpToDate: null,
        definitionsVersion: '1.421.0.0',
      },
    ],
  }),
  osUpdates: ok({
    osName: 'Windows 11 Pro',
    osVersion: '10.0.26200.7171',
    lastUpdateInstalledAt: daysAgo(10),
    lastUpdateTitle: 'KB5046633',
    automaticUpdates: true,
  }),
  diskEncryption: ok({ volume: 'C:', state: 'on' as const, method: 'BitLocker' }),
  screenLock: ok({ lockEnabled: true, idleSeconds: 600, passwordRequired: true, passwordDelaySeconds: 0 }),
  wifi: ok({ state: 'connected' as const, ssid: 'HOSPITAL-MAINT', security: 'wpa2' }),
  remoteAccess: ok({ listening: [] }),
  bootProtection: ok({
    parts: [
      { part: 'secureBoot' as const, state: 'on' as const, raw: 'UEFISecureBootEnabled 1' },
      { part: 'tpm' as const, state: 'on' as const, raw: 'ACPI\\MSFT0101 code 0' },
    ],
  }),
  clockSync: ok({ state: 'synchronized' as const, source: 'time.windows.com', raw: null }),
  autoRun: ok({ state: 'off' as const, raw: 'NoAutorun 1' }),
  autoLogin: ok({ state: 'off' as const, raw: 'AutoAdminLogon 0' }),
  adminAccount: ok({ state: 'standard' as const, raw: '10 groups, not S-1-5-32-544' }),
  fileSharing: ok({ state: 'off' as const, raw: 'LanmanServer Stopped' }),
  edr: ok({ services: [{ name: 'Sense', running: true }] }),
  bluetooth: ok({ state: 'hidden' as const, raw: 'Powered: yes, Discoverable: no' }),
};

function judge(changes: Partial<Observations>, policy = DEFAULT_SELF_CHECK_POLICY): Record<CheckId, CheckResult> {
  const results = evaluateSelfCheck({ ...healthy, ...changes }, 'windows', policy, NOW);
  return Object.fromEntries(results.map((r) => [r.id, r])) as Record<CheckId, CheckResult>;
}

describe('the rules', () => {
  it('passes a well-kept laptop, with reasons that state the numbers', () => {
    const results = evaluateSelfCheck(healthy, 'windows', DEFAULT_SELF_CHECK_POLICY, NOW);
    // The default policy names no EDR agent: that check does not apply.
    expect(results.map((r) => r.status)).toEqual([...Array(15).fill('pass'), 'notApplicable', 'pass']);
    expect(overallOf(results)).toBe('pass');
    expect(
      reasonText(
        results.find((r) => r.id === 'antivirus')!,
        'ja',
      ),
    ).toBe('「Microsoft Defender Antivirus」のリアルタイム保護が有効で、定義ファイルは 1 日前のものです（上限 3 日）。');
  });

  it('[7-4] fails a firewall profile that is off, unless a registered third-party firewall is on', () => {
    const publicOff = ok({
      profiles: [
        { name: 'Domain', enabled: true },
        { name: 'Public', enabled: false },
      ],
      products: [],
    });
    expect(judge({ firewall: publicOff }).firewall).toMatchObject({
      status: 'fail',
      reason: 'firewallOff',
      params: { profiles: 'Public' },
    });
    const withProduct = ok({ profiles: [{ name: 'Public', enabled: false }], products: [{ name: 'ESET Firewall', enabled: true }] });
    expect(judge({ firewall: withProduct }).firewall).toMatchObject({ status: 'pass', reason: 'firewallProduct' });
    expect(judge({ firewall: ok({ profiles: [], products: [] }) }).firewall.status).toBe('fail');
    expect(judge({ firewall: ok({ profiles: [{ name: 'ufw', enabled: null }], products: [] }) }).firewall.status).toBe('unknown');
  });

  it('[7-4][8-2] judges anti-virus by the active product: passive Defender beside a working third party passes, old definitions fail', () => {
    const defenderPassive = {
      name: 'Defender',
      engine: 'defender',
      mode: 'passive' as const,
      realTimeProtection: false,
      definitionsUpdatedAt: daysAgo(30),
      definitionsUpToDate: null,
      definitionsVersion: null,
    };
    const thirdParty = {
      name: 'Trend Micro',
      engine: 'securityCenter',
      mode: 'active' as const,
      realTimeProtection: true,
      definitionsUpdatedAt: null,
      definitionsUpToDate: true,
      definitionsVersion: null,
    };
    expect(judge({ antivirus: ok({ products: [defenderPassive, thirdParty] }) }).antivirus).toMatchObject({
      status: 'pass',
      reason: 'antivirusOnReported',
      params: { name: 'Trend Micro' },
    });
    expect(judge({ antivirus: ok({ products: [defenderPassive] }) }).antivirus).toMatchObject({
      status: 'unknown',
      reason: 'antivirusPrimaryNotVisible',
    });
    expect(judge({ antivirus: ok({ products: [defenderPassive, { ...thirdParty, mode: 'off' as const }] }) }).antivirus).toMatchObject({
      status: 'fail',
      reason: 'antivirusPassiveOnly',
    });
    expect(judge({ antivirus: ok({ products: [] }) }).antivirus).toMatchObject({ status: 'fail', reason: 'antivirusNone' });
    expect(
      judge({ antivirus: ok({ products: [{ ...thirdParty, definitionsUpdatedAt: daysAgo(4), definitionsUpToDate: null }] }) }).antivirus,
    ).toMatchObject({ status: 'fail', params: { days: 4, max: 3 } });
    expect(judge({ antivirus: ok({ products: [{ ...thirdParty, definitionsUpToDate: false }] }) }).antivirus.reason).toBe(
      'antivirusDefinitionsOutOfDate',
    );
    expect(judge({ antivirus: ok({ products: [{ ...thirdParty, realTimeProtection: null }] }) }).antivirus.status).toBe('unknown');
  });

  it('[7-3][8-3] holds updates, OS version, encryption and screen lock to the policy', () => {
    const policy = {
      ...DEFAULT_SELF_CHECK_POLICY,
      updatesMaxAgeDays: 7,
      screenLockMaxIdleMinutes: 5,
      minimumOsVersion: { ...DEFAULT_SELF_CHECK_POLICY.minimumOsVersion, windows: '10.0.26300' },
    };
    const results = judge({}, policy);
    expect(results.osUpdates).toMatchObject({ status: 'fail', params: { days: 10, max: 7 } });
    expect(results.osVersion).toMatchObject({ status: 'fail', reason: 'osVersionOld' });
    expect(results.screenLock).toMatchObject({ status: 'fail', reason: 'screenLockTooLate', params: { minutes: 10, max: 5 } });
    expect(judge({ diskEncryption: ok({ volume: 'C:', state: 'unrecognized' as const, method: 'BitLocker' }) }).diskEncryption.status).toBe(
      'unknown',
    );
    expect(
      judge({ screenLock: ok({ lockEnabled: true, idleSeconds: 300, passwordRequired: false, passwordDelaySeconds: 0 }) }).screenLock
        .reason,
    ).toBe('screenLockNoPassword');
    expect(
      judge({
        osUpdates: ok({
          osName: 'Windows 11 Pro',
          osVersion: '10.0.22631.4460',
          lastUpdateInstalledAt: null,
          lastUpdateTitle: null,
          automaticUpdates: null,
        }),
      }).osUpdates.status,
    ).toBe('unknown');
  });

  it('[13-13][7-12] fails open and WEP Wi-Fi, says no Wi-Fi is not applicable, and warns on listening remote access unless the policy requires it', () => {
    expect(judge({ wifi: ok({ state: 'connected' as const, ssid: 'FreeWiFi', security: 'open' }) }).wifi).toMatchObject({
      status: 'fail',
      reason: 'wifiOpen',
    });
    expect(judge({ wifi: ok({ state: 'connected' as const, ssid: 'old', security: 'wep' }) }).wifi.reason).toBe('wifiWep');
    expect(judge({ wifi: ok({ state: 'notConnected' as const, ssid: null, security: null }) }).wifi.status).toBe('notApplicable');
    expect(judge({ wifi: { ok: false, problem: 'notApplicable', evidence: seen } }).wifi).toMatchObject({
      status: 'notApplicable',
      reason: 'wifiNoAdapter',
    });
    const listening = ok({ listening: [{ service: 'rdp' as const, port: 3389, detail: null }] });
    const results = evaluateSelfCheck({ ...healthy, remoteAccess: listening }, 'windows', DEFAULT_SELF_CHECK_POLICY, NOW);
    expect(results.find((r) => r.id === 'remoteAccess')?.status).toBe('warning');
    expect(overallOf(results)).toBe('pass');
    const strict = { ...DEFAULT_SELF_CHECK_POLICY, required: { ...DEFAULT_SELF_CHECK_POLICY.required, remoteAccess: true } };
    expect(overallOf(evaluateSelfCheck({ ...healthy, remoteAccess: listening }, 'windows', strict, NOW))).toBe('fail');
  });

  it('never passes what a probe could not observe, and an unknown required check fails the whole', () => {
    for (const problem of ['commandMissing', 'accessDenied', 'timeout', 'unparseable'] as const) {
      const results = judge({ diskEncryption: { ok: false, problem, evidence: seen } });
      expect(results.diskEncryption).toMatchObject({ status: 'unknown', reason: `probe.${problem}` });
      expect(overallOf(Object.values(results))).toBe('fail');
    }
  });

  it('compares versions as numbers', () => {
    expect(compareVersions('10.0.22631.4460', '10.0.19045')).toBe(1);
    expect(compareVersions('14.10', '14.9')).toBe(1);
    expect(compareVersions('13.0', '13')).toBe(0);
    expect(compareVersions('12.7', '13.0')).toBe(-1);
    expect(compareVersions('unknown', '1')).toBeNull();
  });
});
