/**
 * The decision table (check × finding → status), row by row: every row is reached by an
 * observation that should produce it, and nothing else is reachable; every row has its
 * Japanese and English reason; every row about something unread or unrecognized is unknown;
 * a probe that observed nothing is never a pass.
 */
import { nothingObserved } from '../support/self-check-fixtures';
import { OS_SUPPORT_CHECKED } from '../../electron/core/self-check/os-support';
import { describe, expect, it } from 'vitest';
import { DECISIONS, PROBE_DECISIONS } from '../../electron/core/self-check/self-check-decisions';
import { evaluateSelfCheck, type Observations } from '../../electron/core/self-check/evaluate-self-check';
import type { AntivirusProduct, ProbeOutcome } from '../../electron/core/self-check/self-check-observations';
import {
  DEFAULT_SELF_CHECK_POLICY,
  checkIds,
  type CheckId,
  type SelfCheckOs,
  type SelfCheckPolicy,
} from '../../electron/shared/self-check';
import { selfCheckTexts } from '../../electron/shared/self-check-texts';

const NOW = new Date('2026-11-26T03:00:00Z');
const daysAgo = (days: number) => new Date(NOW.getTime() - days * 86_400_000).toISOString();
const seen = [{ source: 'test', observedAt: NOW.toISOString(), facts: {} }];
const ok = <T>(observation: T): ProbeOutcome<T> => ({ ok: true, observation, evidence: seen });

const defender: AntivirusProduct = {
  name: 'Defender',
  engine: 'defender',
  mode: 'active',
  realTimeProtection: true,
  definitionsUpdatedAt: daysAgo(1),
  definitionsUpToDate: null,
  definitionsVersion: '1',
};
const thirdParty: AntivirusProduct = {
  name: 'ESET',
  engine: 'securityCenter',
  mode: 'active',
  realTimeProtection: true,
  definitionsUpdatedAt: null,
  definitionsUpToDate: true,
  definitionsVersion: null,
};
const clamav: AntivirusProduct = {
  name: 'ClamAV',
  engine: 'clamav',
  mode: 'active',
  realTimeProtection: false,
  definitionsUpdatedAt: daysAgo(1),
  definitionsUpToDate: null,
  definitionsVersion: '27834',
};
const xprotect: AntivirusProduct = {
  name: 'XProtect',
  engine: 'xprotect',
  mode: 'active',
  realTimeProtection: true,
  definitionsUpdatedAt: daysAgo(20),
  definitionsUpToDate: null,
  definitionsVersion: '5329',
};
const lock = { lockEnabled: true, idleSeconds: 300, passwordRequired: true, passwordDelaySeconds: 0 };
const updates = {
  osName: 'Windows 11 Pro',
  osVersion: '10.0.26100.2000',
  lastUpdateInstalledAt: daysAgo(3),
  lastUpdateTitle: null,
  automaticUpdates: true,
};

interface Example {
  readonly observations: Partial<Observations>;
  readonly os?: SelfCheckOs;
  readonly policy?: Partial<SelfCheckPolicy>;
  readonly now?: Date;
}

/** For every row of the table, one situation that must land on it. */
const EXAMPLES: { readonly [C in CheckId]: Readonly<Record<keyof (typeof DECISIONS)[C], Example>> } = {
  firewall: {
    firewallProduct: {
      observations: {
        firewall: ok({ profiles: [{ name: 'Public', enabled: false }], products: [{ name: 'ESET Firewall', enabled: true }] }),
      },
    },
    firewallOn: { observations: { firewall: ok({ profiles: [{ name: 'Domain', enabled: true }], products: [] }) } },
    firewallOff: { observations: { firewall: ok({ profiles: [{ name: 'Public', enabled: false }], products: [] }) } },
    firewallNone: { observations: { firewall: ok({ profiles: [], products: [] }) } },
    firewallUnreadable: { observations: { firewall: ok({ profiles: [{ name: 'ufw', enabled: null }], products: [] }) } },
  },
  antivirus: {
    antivirusOn: { observations: { antivirus: ok({ products: [defender] }) } },
    antivirusOnReported: { observations: { antivirus: ok({ products: [thirdParty] }) } },
    antivirusOnDemand: { observations: { antivirus: ok({ products: [clamav] }) }, os: 'linux' },
    antivirusRealTimeOff: { observations: { antivirus: ok({ products: [{ ...defender, realTimeProtection: false }] }) } },
    antivirusDefinitionsOld: { observations: { antivirus: ok({ products: [{ ...defender, definitionsUpdatedAt: daysAgo(4) }] }) } },
    antivirusDefinitionsOutOfDate: { observations: { antivirus: ok({ products: [{ ...thirdParty, definitionsUpToDate: false }] }) } },
    antivirusDefinitionsDateBehindVersion: {
      observations: { antivirus: ok({ products: [{ ...xprotect, definitionsDateIsLowerBound: true }] }) },
      os: 'macos',
    },
    antivirusRealTimeUnknown: { observations: { antivirus: ok({ products: [{ ...defender, realTimeProtection: null }] }) } },
    antivirusDefinitionsUnknown: { observations: { antivirus: ok({ products: [{ ...thirdParty, definitionsUpToDate: null }] }) } },
    antivirusModeUnrecognized: {
      observations: { antivirus: ok({ products: [{ ...defender, mode: 'unrecognized', modeText: 'Troubleshoot Mode' }] }) },
    },
    antivirusPrimaryNotVisible: { observations: { antivirus: ok({ products: [{ ...defender, mode: 'passive' }] }) } },
    antivirusPassiveOnly: {
      observations: {
        antivirus: ok({
          products: [
            { ...defender, mode: 'passive' },
            { ...thirdParty, mode: 'off' },
          ],
        }),
      },
    },
    antivirusNone: { observations: { antivirus: ok({ products: [] }) } },
  },
  osUpdates: {
    updatesRecent: { observations: { osUpdates: ok(updates) } },
    updatesOld: { observations: { osUpdates: ok({ ...updates, lastUpdateInstalledAt: daysAgo(90) }) } },
    updatesUnknown: { observations: { osUpdates: ok({ ...updates, lastUpdateInstalledAt: null }) } },
  },
  osVersion: {
    osVersionOk: { observations: { osUpdates: ok(updates) } },
    osVersionNoMinimum: { observations: { osUpdates: ok(updates) }, os: 'linux' },
    osVersionOld: { observations: { osUpdates: ok({ ...updates, osVersion: '10.0.17763' }) } },
    osVersionUnreadable: { observations: { osUpdates: ok({ ...updates, osVersion: 'Insider' }) } },
  },
  osSupported: {
    osSupportedUntil: { observations: { osUpdates: ok({ ...updates, osName: 'Windows 11 Enterprise' }) } },
    osSupportedNoEndYet: {
      observations: { osUpdates: ok({ ...updates, osName: 'macOS', osVersion: '15.1' }) },
      os: 'macos',
      now: new Date(`${OS_SUPPORT_CHECKED}T12:00:00Z`),
    },
    osSupportEnded: { observations: { osUpdates: ok({ ...updates, osName: 'Windows 10 Pro', osVersion: '10.0.19045.6456' }) } },
    osSupportNotListed: {
      observations: { osUpdates: ok({ ...updates, osName: 'Windows 10 Enterprise LTSC 2021', osVersion: '10.0.19044.5000' }) },
    },
    osSupportTableOld: {
      observations: { osUpdates: ok({ ...updates, osName: 'macOS', osVersion: '15.1' }) },
      os: 'macos',
      now: new Date('2028-01-01T00:00:00Z'),
    },
  },
  diskEncryption: {
    encryptionOn: { observations: { diskEncryption: ok({ volume: 'C:', state: 'on', method: 'BitLocker' }) } },
    encryptionOff: { observations: { diskEncryption: ok({ volume: 'C:', state: 'off', method: 'none' }) } },
    encryptionPartial: { observations: { diskEncryption: ok({ volume: '/', state: 'partial', method: 'LUKS' }) } },
    encryptionDecrypting: { observations: { diskEncryption: ok({ volume: 'C:', state: 'decrypting', method: 'BitLocker' }) } },
    encryptionInProgress: { observations: { diskEncryption: ok({ volume: 'C:', state: 'encrypting', method: 'BitLocker', percent: 40 }) } },
    encryptionSuspended: { observations: { diskEncryption: ok({ volume: 'C:', state: 'suspended', method: 'BitLocker' }) } },
    encryptionPending: { observations: { diskEncryption: ok({ volume: '/', state: 'pending', method: 'FileVault' }) } },
    encryptionLocked: {
      observations: { diskEncryption: ok({ volume: 'C:', state: 'locked', method: 'BitLocker', raw: 'BitLockerProtection 6' }) },
    },
    encryptionUnrecognized: {
      observations: { diskEncryption: ok({ volume: 'C:', state: 'unrecognized', method: null, raw: 'BitLockerProtection 9' }) },
    },
  },
  screenLock: {
    screenLockOn: { observations: { screenLock: ok(lock) } },
    screenLockOff: { observations: { screenLock: ok({ ...lock, lockEnabled: false }) } },
    screenLockNoPassword: { observations: { screenLock: ok({ ...lock, passwordRequired: false }) } },
    screenLockTooLate: { observations: { screenLock: ok({ ...lock, idleSeconds: 1800 }) } },
    screenLockPasswordDelayTooLong: { observations: { screenLock: ok({ ...lock, passwordDelaySeconds: 300 }) } },
    screenLockUnknown: { observations: { screenLock: ok({ ...lock, passwordDelaySeconds: null }) } },
  },
  wifi: {
    wifiSecured: { observations: { wifi: ok({ state: 'connected', ssid: 'X', security: 'wpa2' }) } },
    wifiOpen: { observations: { wifi: ok({ state: 'connected', ssid: 'X', security: 'open' }) } },
    wifiWep: { observations: { wifi: ok({ state: 'connected', ssid: 'X', security: 'wep' }) } },
    wifiSecurityUnknown: { observations: { wifi: ok({ state: 'connected', ssid: 'X', security: 'unknown' }) } },
    wifiStatusUnrecognized: {
      observations: { wifi: ok({ state: 'unrecognized', raw: 'spairport_status_init', ssid: null, security: null }) },
    },
    wifiNotConnected: { observations: { wifi: ok({ state: 'notConnected', ssid: null, security: null }) } },
    wifiNoAdapter: { observations: { wifi: { ok: false, problem: 'notApplicable', evidence: seen } } },
  },
  remoteAccess: {
    remoteAccessNone: { observations: { remoteAccess: ok({ listening: [] }) } },
    remoteAccessListening: { observations: { remoteAccess: ok({ listening: [{ service: 'ssh', port: 22, detail: null }] }) } },
    remoteAccessForbidden: {
      observations: { remoteAccess: ok({ listening: [{ service: 'ssh', port: 22, detail: null }] }) },
      policy: { required: { ...DEFAULT_SELF_CHECK_POLICY.required, remoteAccess: true } },
    },
  },
  bootProtection: {
    bootProtectionOn: {
      observations: {
        bootProtection: ok({
          parts: [
            { part: 'secureBoot', state: 'on', raw: null },
            { part: 'tpm', state: 'on', raw: null },
          ],
        }),
      },
    },
    bootProtectionOff: {
      observations: {
        bootProtection: ok({
          parts: [
            { part: 'sip', state: 'on', raw: null },
            { part: 'gatekeeper', state: 'off', raw: null },
          ],
        }),
      },
      os: 'macos',
    },
    bootProtectionUnrecognized: {
      observations: {
        bootProtection: ok({
          parts: [
            { part: 'secureBoot', state: 'on', raw: null },
            { part: 'tpm', state: 'unrecognized', raw: 'ACPI\\VEN0001 code 0' },
          ],
        }),
      },
    },
    bootProtectionUnreadable: {
      observations: {
        bootProtection: ok({
          parts: [
            { part: 'secureBoot', state: 'unread', raw: 'accessDenied' },
            { part: 'tpm', state: 'on', raw: null },
          ],
        }),
      },
    },
  },
  clockSync: {
    clockSynchronized: { observations: { clockSync: ok({ state: 'synchronized', source: 'time.windows.com', raw: null }) } },
    clockAutomatic: {
      observations: { clockSync: ok({ state: 'automatic', source: null, raw: 'TMAutomaticTimeOnlyEnabled 1' }) },
      os: 'macos',
    },
    clockNotSynchronized: {
      observations: { clockSync: ok({ state: 'notSynchronized', source: null, raw: 'NTPSynchronized=no' }) },
      os: 'linux',
    },
    clockUnrecognized: { observations: { clockSync: ok({ state: 'unrecognized', source: null, raw: '?' }) } },
  },
  autoRun: {
    autoRunOff: { observations: { autoRun: ok({ state: 'off', raw: 'NoAutorun 1' }) } },
    autoRunOn: { observations: { autoRun: ok({ state: 'on', raw: 'NoDriveTypeAutoRun not set' }) } },
    autoRunUnrecognized: { observations: { autoRun: ok({ state: 'unrecognized', raw: 'autorun-never maybe' }) }, os: 'linux' },
    autoRunNotOnThisOs: { observations: { autoRun: ok({ state: 'notOnThisOs', raw: 'macOS' }) }, os: 'macos' },
  },
  autoLogin: {
    autoLoginOff: { observations: { autoLogin: ok({ state: 'off', raw: 'AutoAdminLogon 0' }) } },
    autoLoginOn: { observations: { autoLogin: ok({ state: 'on', raw: 'AutoAdminLogon 1' }) } },
    autoLoginUnrecognized: { observations: { autoLogin: ok({ state: 'unrecognized', raw: 'AutoAdminLogon yes' }) } },
  },
  adminAccount: {
    adminAccountStandard: { observations: { adminAccount: ok({ state: 'standard', raw: '10 groups' }) } },
    adminAccountAdmin: { observations: { adminAccount: ok({ state: 'admin', raw: 'member of sudo' }) }, os: 'linux' },
    adminAccountUnrecognized: {
      observations: { adminAccount: ok({ state: 'unrecognized', raw: 'id -G gave 3 groups, id -Gn 2' }) },
      os: 'macos',
    },
  },
  fileSharing: {
    fileSharingOff: { observations: { fileSharing: ok({ state: 'off', raw: 'LanmanServer Stopped' }) } },
    fileSharingOn: { observations: { fileSharing: ok({ state: 'on', raw: 'AirDrop: Everyone' }) }, os: 'macos' },
    fileSharingUnrecognized: { observations: { fileSharing: ok({ state: 'unrecognized', raw: 'no answer for smbd' }) }, os: 'linux' },
  },
  edr: {
    edrRunning: {
      observations: { edr: ok({ services: [{ name: 'Sense', running: true }] }) },
      policy: { edrServices: { windows: ['sense'], macos: [], linux: [] } },
    },
    edrNotRunning: {
      observations: { edr: ok({ services: [{ name: 'falcon-sensor.service', running: false }] }) },
      os: 'linux',
      policy: { edrServices: { windows: [], macos: [], linux: ['falcon-sensor'] } },
    },
    edrMissing: {
      observations: { edr: ok({ services: [{ name: 'launchd', running: true }] }) },
      os: 'macos',
      policy: { edrServices: { windows: [], macos: ['falcond'], linux: [] } },
    },
    edrNotRequired: { observations: { edr: ok({ services: [] }) } },
  },
  bluetooth: {
    bluetoothHidden: { observations: { bluetooth: ok({ state: 'hidden', raw: 'Powered: yes, Discoverable: no' }) }, os: 'linux' },
    bluetoothDiscoverable: {
      observations: { bluetooth: ok({ state: 'discoverable', raw: 'Powered: yes, Discoverable: yes' }) },
      os: 'linux',
    },
    bluetoothNoAdapter: { observations: { bluetooth: ok({ state: 'noAdapter', raw: null }) }, os: 'linux' },
    bluetoothOnlyWhileSettingsOpen: { observations: { bluetooth: ok({ state: 'onlyWhileSettingsOpen', raw: 'Windows' }) } },
    bluetoothUnrecognized: {
      observations: { bluetooth: ok({ state: 'unrecognized', raw: 'No default controller available' }) },
      os: 'linux',
    },
  },
};

const NOTHING = nothingObserved(seen);

describe('the decision table', () => {
  const rows = checkIds.flatMap((check) => Object.keys(DECISIONS[check]).map((finding) => [check, finding] as const));

  it('has a row set for every check and an example for every row, and nothing more', () => {
    expect(Object.keys(DECISIONS).sort()).toEqual([...checkIds].sort());
    for (const check of checkIds) expect(Object.keys(EXAMPLES[check]).sort(), check).toEqual(Object.keys(DECISIONS[check]).sort());
  });

  it.each(rows)('%s × %s: the example lands on the row and gets its status', (check, finding) => {
    const example = (EXAMPLES[check] as Record<string, Example>)[finding]!;
    const policy = { ...DEFAULT_SELF_CHECK_POLICY, ...example.policy };
    const result = evaluateSelfCheck({ ...NOTHING, ...example.observations }, example.os ?? 'windows', policy, example.now ?? NOW).find(
      (r) => r.id === check,
    );
    expect(result).toMatchObject({ reason: finding, status: (DECISIONS[check] as Record<string, string>)[finding] });
  });

  it.each(rows)('%s × %s has its reason in Japanese and English, with the same placeholders', (_check, finding) => {
    const ja = (selfCheckTexts.ja.reason as Record<string, unknown>)[finding];
    const en = (selfCheckTexts.en.reason as Record<string, unknown>)[finding];
    expect(typeof ja).toBe('string');
    expect(typeof en).toBe('string');
    const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    expect(placeholders(ja as string)).toEqual(placeholders(en as string));
  });

  it('calls every finding about something unread, unrecognized or unseen unknown, and only Wi-Fi, AutoRun, EDR and Bluetooth can not apply', () => {
    for (const [check, finding] of rows) {
      const status = (DECISIONS[check] as Record<string, string>)[finding];
      if (/Unknown|Unrecognized|Unreadable|NotVisible|Locked|BehindVersion|NotListed|TableOld/.test(finding))
        expect(status, finding).toBe('unknown');
      if (status === 'notApplicable') expect(['wifi', 'autoRun', 'edr', 'bluetooth']).toContain(check);
    }
  });

  it('never passes a probe that observed nothing', () => {
    expect(Object.values(PROBE_DECISIONS)).not.toContain('pass');
    expect(Object.keys(PROBE_DECISIONS).sort()).toEqual(['accessDenied', 'commandMissing', 'notApplicable', 'timeout', 'unparseable']);
    // With an EDR agent named (without one, that check does not apply whatever the probe saw).
    const naming = { ...DEFAULT_SELF_CHECK_POLICY, edrServices: { windows: ['Sense'], macos: [], linux: [] } };
    for (const result of evaluateSelfCheck(NOTHING, 'windows', naming, NOW))
      expect(result).toMatchObject({ status: 'unknown', reason: 'probe.commandMissing' });
  });
});
