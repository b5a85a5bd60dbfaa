/**
 * The `selfCheck.*` channels: the pre-visit security self-check of the laptop (7-4, 8-2,
 * 8-3, 7-3, 13-13, 7-12, 8-9), its policy, its history, its signed report and the readiness
 * gate a site visit needs. Checks are judged in the main process against the policy; the
 * renderer only shows results, evidence and remediation.
 */
import { z } from 'zod';
import { defineChannel, noRequest } from './ipc/define';

export const checkIds = [
  'firewall',
  'antivirus',
  'osUpdates',
  'osVersion',
  'osSupported',
  'diskEncryption',
  'screenLock',
  'wifi',
  'remoteAccess',
  'bootProtection',
  'clockSync',
  'autoRun',
  'autoLogin',
  'adminAccount',
  'fileSharing',
  'edr',
  'bluetooth',
] as const;
export const CheckId = z.enum(checkIds);
export type CheckId = z.infer<typeof CheckId>;

/**
 * 'notApplicable': the question has no meaning on this laptop now (no Wi-Fi adapter, not on
 * Wi-Fi), said with its reason; it is not a pass, but a required check that does not apply
 * does not block.
 */
export const checkStatuses = ['pass', 'warning', 'fail', 'unknown', 'notApplicable'] as const;
export const CheckStatus = z.enum(checkStatuses);
export type CheckStatus = z.infer<typeof CheckStatus>;

export const selfCheckOses = ['windows', 'macos', 'linux'] as const;
export const SelfCheckOs = z.enum(selfCheckOses);
export type SelfCheckOs = z.infer<typeof SelfCheckOs>;

export const deviceOwnerships = ['company', 'byod'] as const;
export const DeviceOwnership = z.enum(deviceOwnerships);
export type DeviceOwnership = z.infer<typeof DeviceOwnership>;

/** A Windows service name, a macOS process name or a Linux systemd unit: letters, digits and . _ @ - only. */
const ServiceName = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z0-9._@-]+$/);

/** A dotted version such as 10.0.19045 or 14.0; empty means "no minimum". */
const MinimumVersion = z
  .string()
  .trim()
  .max(40)
  .regex(/^(\d+(\.\d+)*)?$/);

export const SelfCheckPolicy = z
  .object({
    /** Shown with every result, e.g. "既定 / Default" or the company's policy name. */
    name: z.string().trim().min(1).max(100),
    /** Microsoft Defender's (and any other dated engine's) definitions; third-party products registered with Security Center are judged by their own up-to-date flag. */
    definitionsMaxAgeDays: z.number().int().min(1).max(60),
    updatesMaxAgeDays: z.number().int().min(1).max(365),
    minimumOsVersion: z.object({ windows: MinimumVersion, macos: MinimumVersion, linux: MinimumVersion }).strict(),
    screenLockMaxIdleMinutes: z.number().int().min(1).max(120),
    /**
     * How long after the screen saver starts (or the display turns off) the password may still
     * be waived (macOS "require password after", GNOME lock-delay): immediate or a few seconds.
     * Checked apart from the idle limit, never added to it. Defaults keep older policy files valid.
     */
    screenLockMaxPasswordDelaySeconds: z.number().int().min(0).max(3600).default(5),
    /** XProtect ships every one to two weeks, so it is not held to Defender's daily definitions. */
    xprotectDefinitionsMaxAgeDays: z.number().int().min(1).max(90).default(14),
    /** ClamAV's freshclam updates several times a day. */
    clamavDefinitionsMaxAgeDays: z.number().int().min(1).max(60).default(3),
    /** ClamAV scans on demand; on-access scanning (clamonacc) is required only when the company asks. */
    linuxOnAccessScanRequired: z.boolean().default(false),
    /**
     * The EDR / anti-malware agent the company requires, per OS: Windows service names
     * (Get-Service), macOS process names, Linux systemd units. One of the OS's names running
     * passes; an OS with no name listed makes the check not applicable. Older policies: none.
     */
    edrServices: z
      .object({ windows: z.array(ServiceName).max(20), macos: z.array(ServiceName).max(20), linux: z.array(ServiceName).max(20) })
      .strict()
      .default({ windows: [], macos: [], linux: [] }),
    /** How recent a passing self-check must be for the readiness gate. */
    readinessMaxAgeHours: z
      .number()
      .int()
      .min(1)
      .max(24 * 14),
    /** Which checks must pass; the others are shown but do not block. */
    // A check added later gets a default (its default below), so policies saved before it stay valid.
    required: z
      .object({
        ...(Object.fromEntries(checkIds.map((id) => [id, z.boolean()])) as Record<CheckId, z.ZodBoolean>),
        osSupported: z.boolean().default(true),
        bootProtection: z.boolean().default(true),
        clockSync: z.boolean().default(true),
        autoRun: z.boolean().default(false),
        autoLogin: z.boolean().default(true),
        adminAccount: z.boolean().default(false),
        fileSharing: z.boolean().default(false),
        edr: z.boolean().default(true),
        bluetooth: z.boolean().default(false),
      })
      .strict(),
  })
  .strict();
export type SelfCheckPolicy = z.infer<typeof SelfCheckPolicy>;

export const DEFAULT_SELF_CHECK_POLICY: SelfCheckPolicy = {
  name: '既定 / Default',
  definitionsMaxAgeDays: 3,
  updatesMaxAgeDays: 35,
  // Windows 10 22H2, macOS 13 Ventura: the oldest releases still receiving security updates in 2026 is a company decision; these are floors.
  minimumOsVersion: { windows: '10.0.19045', macos: '13.0', linux: '' },
  screenLockMaxIdleMinutes: 15,
  screenLockMaxPasswordDelaySeconds: 5,
  xprotectDefinitionsMaxAgeDays: 14,
  clamavDefinitionsMaxAgeDays: 3,
  linuxOnAccessScanRequired: false,
  edrServices: { windows: [], macos: [], linux: [] },
  readinessMaxAgeHours: 24,
  required: {
    firewall: true,
    antivirus: true,
    osUpdates: true,
    osVersion: true,
    osSupported: true,
    diskEncryption: true,
    screenLock: true,
    wifi: true,
    remoteAccess: false,
    // Secure Boot/TPM (SIP and Gatekeeper on macOS): every Windows 11 laptop has them; a company may relax it for older hardware.
    bootProtection: true,
    // Every record and certificate is dated by this clock.
    clockSync: true,
    // AutoPlay is on in a fresh Windows (USB autorun.inf is ignored since Windows 7; CDs still run): recommended, shown, not blocking.
    autoRun: false,
    // Automatic login hands the laptop, its vault and its sessions to whoever opens it.
    autoLogin: true,
    // Working as an administrator is a warning to see, not a reason to block a visit.
    adminAccount: false,
    // Shared folders and AirDrop for everyone: shown as a fail, blocking only where the company requires it.
    fileSharing: false,
    // Applies only where the policy names an agent; there, it must run.
    edr: true,
    bluetooth: false,
  },
};

const FactValue = z.union([z.string(), z.number(), z.boolean(), z.null()]);

export const Evidence = z.object({
  source: z.string(),
  observedAt: z.string(),
  facts: z.record(z.string(), FactValue),
});

export const CheckResult = z.object({
  id: CheckId,
  status: CheckStatus,
  required: z.boolean(),
  /** The reason code: texts under `selfCheck.reason.<code>` (with `params`). */
  reason: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  evidence: z.array(Evidence),
});
export type CheckResult = z.infer<typeof CheckResult>;

/**
 * Warnings a required check may have and still let the laptop go on a visit, shown as 注意 with
 * what to do: the protection is arriving. BitLocker or FileVault still encrypting the disk is
 * such a warning (blocking it blocked a healthy laptop for nothing, issue 16). Every other
 * warning keeps a required check from clearing: suspended BitLocker leaves its key in the clear
 * on the disk, encryption switched on but not yet protecting protects nothing yet, and a warning
 * the company made required (daily work as an administrator) is what the company asked to block.
 */
export const WARNINGS_THAT_CLEAR: ReadonlySet<string> = new Set(['encryptionInProgress']);

/** Whether a check lets the whole run pass: not required, passed, not applicable here, or a warning that clears. */
export function checkClears(check: Pick<CheckResult, 'required' | 'status' | 'reason'>): boolean {
  if (!check.required || check.status === 'pass' || check.status === 'notApplicable') return true;
  return check.status === 'warning' && WARNINGS_THAT_CLEAR.has(check.reason);
}

export const SelfCheckRun = z.object({
  id: z.string(),
  startedAt: z.string(),
  finishedAt: z.string(),
  os: SelfCheckOs,
  osDescription: z.string(),
  hostname: z.string(),
  ownership: DeviceOwnership,
  policy: SelfCheckPolicy,
  /** SHA-256 of the policy's canonical JSON: which policy judged this run. */
  policySha256: z.string(),
  /** 'pass' only when every required check cleared (checkClears: passed, not applicable, or a warning that clears). */
  overall: z.enum(['pass', 'fail']),
  checks: z.array(CheckResult),
});
export type SelfCheckRun = z.infer<typeof SelfCheckRun>;

export const SelfCheckRunSummary = SelfCheckRun.pick({ id: true, finishedAt: true, overall: true, os: true, ownership: true }).extend({
  policyName: z.string(),
  counts: z.record(CheckStatus, z.number().int().nonnegative()),
  certificateNumber: z.string().nullable(),
  /** The issued report's id, for 「PDFを保存」 where the run is shown. */
  certificateId: z.string().nullable(),
});
export type SelfCheckRunSummary = z.infer<typeof SelfCheckRunSummary>;

export const Readiness = z.object({
  ready: z.boolean(),
  reason: z.enum(['passed', 'noRun', 'stale', 'failed']),
  latestRun: SelfCheckRunSummary.nullable(),
  maxAgeHours: z.number(),
  /** The main process's clock when it answered: "today" and "tomorrow" on screen are counted from it. */
  now: z.string(),
});
export type Readiness = z.infer<typeof Readiness>;

export const PolicySource = z.enum(['default', 'edited', 'imported']);

export const selfCheckErrorCodes = [
  'SELF_CHECK_NOT_FOUND',
  'SELF_CHECK_POLICY_INVALID',
  'SELF_CHECK_OVERRIDE_REASON_REQUIRED',
  'SELF_CHECK_RECORD_UNWRITABLE',
] as const;

const RunId = z.string().min(1).max(100);

export const selfCheckChannels = {
  'selfCheck.run': defineChannel({ request: noRequest, response: SelfCheckRun }),
  'selfCheck.history': defineChannel({ request: noRequest, response: z.object({ runs: z.array(SelfCheckRunSummary) }) }),
  'selfCheck.get': defineChannel({ request: z.object({ id: RunId }).strict(), response: SelfCheckRun }),
  'selfCheck.policy': defineChannel({
    request: noRequest,
    response: z.object({ policy: SelfCheckPolicy, source: PolicySource, ownership: DeviceOwnership }),
  }),
  'selfCheck.setPolicy': defineChannel({
    request: z.object({ policy: SelfCheckPolicy, ownership: DeviceOwnership }).strict(),
    response: z.object({ policy: SelfCheckPolicy, source: PolicySource, ownership: DeviceOwnership }),
  }),
  /** A company policy file (JSON) chosen in a native dialog. */
  'selfCheck.importPolicy': defineChannel({
    request: noRequest,
    response: z.object({ imported: z.boolean(), policy: SelfCheckPolicy, source: PolicySource, ownership: DeviceOwnership }),
  }),
  'selfCheck.resetPolicy': defineChannel({
    request: noRequest,
    response: z.object({ policy: SelfCheckPolicy, source: PolicySource, ownership: DeviceOwnership }),
  }),
  /** Issues the signed self-check report (PDF + JSON through the certificate service) and keeps it in the vault. */
  'selfCheck.issueReport': defineChannel({
    request: z.object({ id: RunId }).strict(),
    response: z.object({ certificateId: z.string(), number: z.string() }),
  }),
  'selfCheck.readiness': defineChannel({ request: noRequest, response: Readiness }),
  /**
   * 「診断データを保存」: runs every probe once more and saves what it read (masked of user and
   * host names, SSIDs and serials) into a new folder inside the folder the user picks, in the
   * shape of the test fixtures, as `fieldguard selfcheck --record` does.
   */
  'selfCheck.saveDiagnostics': defineChannel({
    request: noRequest,
    response: z.object({ saved: z.boolean(), folder: z.string().nullable(), files: z.number().int().nonnegative() }),
  }),
  /** Proceeding without a passing self-check: the reason is audited and printed in the visit report. */
  'selfCheck.override': defineChannel({
    request: z.object({ reason: z.string().trim().max(500), context: z.string().trim().max(200) }).strict(),
    response: z.object({ overrideId: z.string() }),
  }),
};
