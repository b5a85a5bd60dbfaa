/**
 * The self-check's decision table, as data: for each check, every finding the evaluator can
 * reach (its reason code, texts `selfCheck.reason.<code>`) and the status it gives. The
 * evaluator (evaluate-self-check.ts) only works out *which* finding an observation is; what that
 * finding means — pass, warning, fail, unknown, not applicable — is read here, so the whole
 * rule set can be reviewed in one screen and is tested row by row.
 *
 * The first rule shows in the table: every finding about something unread, unrecognized or
 * undecidable is 'unknown', and only findings that name positive evidence are 'pass'.
 */
import type { CheckId, CheckStatus } from '../../shared/self-check';
import type { ProbeProblem } from './self-check-observations';

export const DECISIONS = {
  firewall: {
    firewallProduct: 'pass',
    firewallOn: 'pass',
    firewallOff: 'fail',
    firewallNone: 'fail',
    firewallUnreadable: 'unknown',
  },
  antivirus: {
    antivirusOn: 'pass',
    antivirusOnReported: 'pass',
    /** ClamAV with fresh definitions, scanning on demand, where the policy does not ask for on-access scanning. */
    antivirusOnDemand: 'pass',
    antivirusRealTimeOff: 'fail',
    antivirusDefinitionsOld: 'fail',
    antivirusDefinitionsOutOfDate: 'fail',
    /** The date is only a lower bound (XProtect's install history behind its bundle) and that bound is too old. */
    antivirusDefinitionsDateBehindVersion: 'unknown',
    antivirusRealTimeUnknown: 'unknown',
    antivirusDefinitionsUnknown: 'unknown',
    antivirusModeUnrecognized: 'unknown',
    /** Defender passive (another product is said to be primary) and no other product visible. */
    antivirusPrimaryNotVisible: 'unknown',
    antivirusPassiveOnly: 'fail',
    antivirusNone: 'fail',
  },
  osUpdates: {
    updatesRecent: 'pass',
    updatesOld: 'fail',
    updatesUnknown: 'unknown',
  },
  osVersion: {
    osVersionOk: 'pass',
    osVersionNoMinimum: 'pass',
    osVersionOld: 'fail',
    osVersionUnreadable: 'unknown',
  },
  osSupported: {
    osSupportedUntil: 'pass',
    /** No end announced yet, and the table was checked recently enough to say so. */
    osSupportedNoEndYet: 'pass',
    osSupportEnded: 'fail',
    osSupportNotListed: 'unknown',
    /** No end announced when the table was checked, but that was too long ago to rely on. */
    osSupportTableOld: 'unknown',
  },
  diskEncryption: {
    encryptionOn: 'pass',
    encryptionOff: 'fail',
    encryptionPartial: 'fail',
    encryptionDecrypting: 'fail',
    /** Encrypting now: the reason says to wait for it to finish. */
    encryptionInProgress: 'warning',
    /** BitLocker suspended: encrypted, key in the clear; the reason says how to resume. */
    encryptionSuspended: 'warning',
    /** Switched on but not yet protecting (FileVault after restart, BitLocker waiting for activation). */
    encryptionPending: 'warning',
    /** "Locked" cannot be the running system drive's state: the answer is not believed. */
    encryptionLocked: 'unknown',
    encryptionUnrecognized: 'unknown',
  },
  screenLock: {
    screenLockOn: 'pass',
    screenLockOff: 'fail',
    screenLockNoPassword: 'fail',
    screenLockTooLate: 'fail',
    screenLockPasswordDelayTooLong: 'fail',
    screenLockUnknown: 'unknown',
  },
  wifi: {
    wifiSecured: 'pass',
    wifiOpen: 'fail',
    wifiWep: 'fail',
    wifiSecurityUnknown: 'unknown',
    wifiStatusUnrecognized: 'unknown',
    wifiNotConnected: 'notApplicable',
    wifiNoAdapter: 'notApplicable',
  },
  remoteAccess: {
    remoteAccessNone: 'pass',
    /** Listening remote access: a warning, or a failure where the company requires the check. */
    remoteAccessListening: 'warning',
    remoteAccessForbidden: 'fail',
  },
  bootProtection: {
    /** Every part this OS has read as on (Secure Boot on and a TPM present; SIP and Gatekeeper on). */
    bootProtectionOn: 'pass',
    bootProtectionOff: 'fail',
    bootProtectionUnrecognized: 'unknown',
    /** A part could not be read without admin rights (or at all): never a pass. */
    bootProtectionUnreadable: 'unknown',
  },
  clockSync: {
    clockSynchronized: 'pass',
    /**
     * macOS: "set date and time automatically" is on; macOS shows its sync state only to an
     * admin. The setting is the evidence (what device-compliance tools check on macOS), and the
     * reason says it is the setting that was read.
     */
    clockAutomatic: 'pass',
    clockNotSynchronized: 'fail',
    clockUnrecognized: 'unknown',
  },
  autoRun: {
    autoRunOff: 'pass',
    autoRunOn: 'fail',
    autoRunUnrecognized: 'unknown',
    /** macOS never starts or offers software from inserted media: nothing to switch off. */
    autoRunNotOnThisOs: 'notApplicable',
  },
  autoLogin: {
    autoLoginOff: 'pass',
    autoLoginOn: 'fail',
    autoLoginUnrecognized: 'unknown',
  },
  adminAccount: {
    adminAccountStandard: 'pass',
    /** Daily work as an administrator: a warning with how to get a standard account (the issue asks for a warning, not a fail). */
    adminAccountAdmin: 'warning',
    adminAccountUnrecognized: 'unknown',
  },
  fileSharing: {
    fileSharingOff: 'pass',
    fileSharingOn: 'fail',
    fileSharingUnrecognized: 'unknown',
  },
  edr: {
    edrRunning: 'pass',
    /** Installed (the service exists) but not running. */
    edrNotRunning: 'fail',
    edrMissing: 'fail',
    /** The policy names no EDR agent for this OS. */
    edrNotRequired: 'notApplicable',
  },
  bluetooth: {
    bluetoothHidden: 'pass',
    bluetoothDiscoverable: 'fail',
    bluetoothNoAdapter: 'notApplicable',
    /** Windows and macOS are discoverable only while their Bluetooth settings page is open. */
    bluetoothOnlyWhileSettingsOpen: 'notApplicable',
    bluetoothUnrecognized: 'unknown',
  },
} as const satisfies Record<CheckId, Record<string, CheckStatus>>;

/** A probe that observed nothing: never a pass, whatever the check. */
export const PROBE_DECISIONS = {
  commandMissing: 'unknown',
  accessDenied: 'unknown',
  timeout: 'unknown',
  unparseable: 'unknown',
  notApplicable: 'unknown',
} as const satisfies Record<ProbeProblem, CheckStatus>;

export type Finding<C extends CheckId> = keyof (typeof DECISIONS)[C] & string;

export function decide<C extends CheckId>(check: C, finding: Finding<C>): CheckStatus {
  return (DECISIONS[check] as Record<string, CheckStatus>)[finding] as CheckStatus;
}
