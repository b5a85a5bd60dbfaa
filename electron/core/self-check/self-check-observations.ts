/**
 * What the self-check's probes observed, in one OS-neutral shape.
 *
 * Each OS has its own probes and parsers (electron/platform/self-check/<os>/); they turn
 * command output into these observations and never decide pass or fail. The policy
 * evaluator (evaluate-self-check.ts) is the only place that judges, so Windows, macOS and
 * Linux are judged by the same rules and those rules are tested once.
 *
 * A value the probe could not establish is `null`, never a guess: an unknown is reported as
 * unknown, never as pass. Where a probe reads a state (a mode, a status word, a number with a
 * meaning), an answer it has never seen is the explicit state 'unrecognized', with the raw
 * value kept (masked of user and host names) so the evaluator can show it.
 */

/** Why a probe produced no observation. */
export type ProbeProblem =
  | 'commandMissing' // the program does not exist on this machine
  | 'accessDenied' // it exists but this (non-admin) user may not read it
  | 'timeout' // it did not answer within the probe's time limit
  | 'unparseable' // it answered something we do not understand
  | 'notApplicable'; // the question has no meaning here (e.g. no Wi-Fi adapter)

/** What was read, from where and when: shown to the user and stored with the run. */
export interface ProbeEvidence {
  /** The command line or file that was read, e.g. "Get-MpComputerStatus" or "/var/log/apt/history.log". */
  readonly source: string;
  /** When it was read, ISO 8601 UTC. */
  readonly observedAt: string;
  /** The facts taken from it, as short key/value pairs (no secrets, no personal data). */
  readonly facts: Readonly<Record<string, string | number | boolean | null>>;
}

export type ProbeOutcome<T> =
  | { readonly ok: true; readonly observation: T; readonly evidence: readonly ProbeEvidence[] }
  | { readonly ok: false; readonly problem: ProbeProblem; readonly detail?: string; readonly evidence: readonly ProbeEvidence[] };

export interface FirewallObservation {
  /** OS firewall profiles: Windows Domain/Private/Public, macOS "global", Linux ufw/firewalld/nftables. */
  readonly profiles: readonly { readonly name: string; readonly enabled: boolean | null }[];
  /** Firewalls registered with Windows Security Center (third-party products count). */
  readonly products: readonly { readonly name: string; readonly enabled: boolean | null }[];
}

export interface AntivirusProduct {
  readonly name: string;
  /** 'defender' | 'securityCenter' | 'xprotect' | 'clamav' | other engine id. */
  readonly engine: string;
  /**
   * 'active': the product scans; 'passive': present while another product is (said to be)
   * primary (Defender's Passive, EDR Block and SxS Passive modes); 'off': present but not
   * scanning (Defender "Not running", ClamAV without a database, a disabled Security Center
   * product); 'unrecognized': a mode the probe has never seen (`modeText` keeps it).
   */
  readonly mode: AntivirusMode;
  readonly modeText?: string | null;
  readonly realTimeProtection: boolean | null;
  /** When its signature definitions were last updated, ISO 8601 UTC. */
  readonly definitionsUpdatedAt: string | null;
  /** What the product itself says about its definitions (Security Center's productState bit). */
  readonly definitionsUpToDate: boolean | null;
  readonly definitionsVersion: string | null;
  /**
   * The definitions are known to be newer than `definitionsUpdatedAt` (XProtect on macOS 15:
   * the bundle's version is above the one the install history dates), so the date is only a
   * lower bound: recent enough passes, too old is unknown, not fail.
   */
  readonly definitionsDateIsLowerBound?: boolean;
}

export type AntivirusMode = 'active' | 'passive' | 'off' | 'unrecognized';

export interface AntivirusObservation {
  readonly products: readonly AntivirusProduct[];
}

export interface OsUpdateObservation {
  /** e.g. "Windows 11 Pro", "macOS", "Debian GNU/Linux 12 (bookworm)". */
  readonly osName: string;
  /** Comparable dotted version, e.g. "10.0.22631.4460", "14.6.1", "12.7". */
  readonly osVersion: string;
  /** When the most recent security (or, where the OS does not say, any) update was installed, ISO UTC. */
  readonly lastUpdateInstalledAt: string | null;
  /** Title of that update, e.g. "2024-11 Cumulative Update for Windows 11 (KB5046633)". */
  readonly lastUpdateTitle: string | null;
  /** Automatic security updates are configured (unattended-upgrades, Windows Update auto). */
  readonly automaticUpdates: boolean | null;
}

export interface DiskEncryptionObservation {
  /** The system volume, e.g. "C:", "/", "/System/Volumes/Data". */
  readonly volume: string;
  readonly state: DiskEncryptionState;
  /** The raw status the state was read from (e.g. "BitLockerProtection 9"), for the evidence and the reason. */
  readonly raw?: string | null;
  /** How far encryption or decryption has got, when the OS says. */
  readonly percent?: number | null;
  /** 'BitLocker' | 'FileVault' | 'LUKS' | 'none' | other. */
  readonly method: string | null;
}

/**
 * - on / off: the system volume is / is not protected by encryption
 * - encrypting, decrypting: part of it is encrypted (FileVault, BitLocker conversion)
 * - suspended: encrypted, but the key is stored in the clear (BitLocker protection suspended)
 * - locked: the OS reports the volume locked, which the running system volume cannot be
 * - pending: switched on but not started (FileVault after restart, BitLocker waiting for activation)
 * - partial: some of what the volume is built from is encrypted and some not (Linux LVM)
 * - unrecognized: a status the probe has never seen (`raw` keeps it)
 */
export type DiskEncryptionState =
  'on' | 'off' | 'encrypting' | 'decrypting' | 'suspended' | 'locked' | 'pending' | 'partial' | 'unrecognized';

export interface ScreenLockObservation {
  /** The screen saver or lock starts after idle time at all. */
  readonly lockEnabled: boolean | null;
  /** Idle seconds before the screen saver starts or the display turns off (the shortest that locks), without any password delay. */
  readonly idleSeconds: number | null;
  /**
   * Seconds after that before the password is asked for (macOS "require password after",
   * GNOME lock-delay); 0 when it locks at once. Judged on its own limit.
   */
  readonly passwordDelaySeconds: number | null;
  /** Waking it needs the password. */
  readonly passwordRequired: boolean | null;
}

export type WifiSecurity = 'open' | 'wep' | 'wpa' | 'wpa2' | 'wpa3' | 'enterprise' | 'unknown';

export interface WifiObservation {
  /**
   * 'connected' to a network; 'notConnected' (wired only, Wi-Fi off): the check does not apply
   * and says so; 'unrecognized': a status the probe cannot read (`raw` keeps it).
   */
  readonly state: 'connected' | 'notConnected' | 'unrecognized';
  readonly raw?: string | null;
  readonly ssid: string | null;
  readonly security: WifiSecurity | null;
}

export interface RemoteAccessObservation {
  /** Remote-access services found listening on this laptop. */
  readonly listening: readonly { readonly service: 'rdp' | 'vnc' | 'ssh'; readonly port: number | null; readonly detail: string | null }[];
}

/** What protects the laptop before and under the OS: Secure Boot and the TPM (Windows, Linux), SIP and Gatekeeper (macOS). */
export type BootProtectionPart = 'secureBoot' | 'tpm' | 'sip' | 'gatekeeper';

export interface BootProtectionReading {
  readonly part: BootProtectionPart;
  /**
   * 'on': enabled / present, read from the OS; 'off': disabled / absent, read from the OS;
   * 'unrecognized': an answer the probe has never seen (`raw` keeps it, masked); 'unread': the
   * source refused a non-admin user, was missing or timed out (`raw` says which).
   */
  readonly state: 'on' | 'off' | 'unrecognized' | 'unread';
  readonly raw: string | null;
}

export interface BootProtectionObservation {
  /** The parts this OS has, each read on its own (Windows and Linux: secureBoot, tpm; macOS: sip, gatekeeper). */
  readonly parts: readonly BootProtectionReading[];
}

export interface ClockSyncObservation {
  /**
   * 'synchronized': the OS's time service says the clock is synchronized to a time source
   * (w32tm, timedatectl NTPSynchronized=yes); 'automatic': "set time automatically" is on and
   * the OS tells a non-admin nothing more (macOS); 'notSynchronized': the service says it is
   * not, or is not running; 'unrecognized': an answer the probe cannot read (`raw` keeps it).
   */
  readonly state: 'synchronized' | 'automatic' | 'notSynchronized' | 'unrecognized';
  /** The time source, when the OS names it (e.g. "time.windows.com"). */
  readonly source: string | null;
  /** The raw status, masked, for the evidence and the reason. */
  readonly raw: string | null;
}

export interface AutoRunObservation {
  /**
   * 'off': software on inserted media is not started or offered (policy NoAutorun /
   * NoDriveTypeAutoRun covering removable and CD drives, AutoPlay off, GNOME autorun-never);
   * 'on': the OS starts or offers it; 'notOnThisOs': the OS has no such feature (macOS);
   * 'unrecognized': a value the probe has never seen (`raw` keeps it).
   */
  readonly state: 'off' | 'on' | 'notOnThisOs' | 'unrecognized';
  readonly raw: string | null;
}

export interface AutoLoginObservation {
  /** 'on': the OS signs a user in without a password at start-up; 'off': it does not; 'unrecognized': `raw` keeps what was read (never a user name). */
  readonly state: 'off' | 'on' | 'unrecognized';
  readonly raw: string | null;
}

export interface AdminAccountObservation {
  /**
   * 'admin': the signed-in account is in the local administrators group (BUILTIN\Administrators
   * S-1-5-32-544; macOS admin; Linux sudo, wheel or admin), even when UAC filters its token;
   * 'standard': the whole group list was read and it is in none of them; 'unrecognized': the
   * list could not be read whole (`raw` says why).
   */
  readonly state: 'admin' | 'standard' | 'unrecognized';
  readonly raw: string | null;
}

export interface FileSharingObservation {
  /**
   * What this laptop offers to others on the network: folders shared over SMB (Windows shares,
   * macOS smbd listening, Linux smbd/nmbd/nfs-server running) and AirDrop open to everyone
   * (macOS). 'off': every source was read and none shares; 'on': one does (`raw` says which);
   * 'unrecognized': a source could not be read or was not understood (`raw` says which).
   */
  readonly state: 'off' | 'on' | 'unrecognized';
  readonly raw: string | null;
}

export interface EdrObservation {
  /**
   * What runs on this laptop, by the names a policy uses: Windows services (name, running or
   * not), macOS processes, Linux systemd services. The policy's EDR names are matched against
   * this in the evaluator; only counts go into the evidence.
   */
  readonly services: readonly { readonly name: string; readonly running: boolean }[];
}

export interface BluetoothObservation {
  /**
   * 'discoverable': nearby devices can find the laptop now; 'hidden': the adapter is off or not
   * discoverable; 'noAdapter': there is none; 'onlyWhileSettingsOpen': the OS makes itself
   * discoverable only while its Bluetooth settings page is open (Windows, macOS), so there is
   * no standing setting to check; 'unrecognized': `raw` keeps what was read.
   */
  readonly state: 'discoverable' | 'hidden' | 'noAdapter' | 'onlyWhileSettingsOpen' | 'unrecognized';
  readonly raw: string | null;
}

/** One OS's full set of probes; every probe has its own time limit and they run concurrently. */
export interface SelfCheckProbes {
  readonly os: 'windows' | 'macos' | 'linux';
  firewall(): Promise<ProbeOutcome<FirewallObservation>>;
  antivirus(): Promise<ProbeOutcome<AntivirusObservation>>;
  osUpdates(): Promise<ProbeOutcome<OsUpdateObservation>>;
  diskEncryption(): Promise<ProbeOutcome<DiskEncryptionObservation>>;
  screenLock(): Promise<ProbeOutcome<ScreenLockObservation>>;
  wifi(): Promise<ProbeOutcome<WifiObservation>>;
  remoteAccess(): Promise<ProbeOutcome<RemoteAccessObservation>>;
  bootProtection(): Promise<ProbeOutcome<BootProtectionObservation>>;
  clockSync(): Promise<ProbeOutcome<ClockSyncObservation>>;
  autoRun(): Promise<ProbeOutcome<AutoRunObservation>>;
  autoLogin(): Promise<ProbeOutcome<AutoLoginObservation>>;
  adminAccount(): Promise<ProbeOutcome<AdminAccountObservation>>;
  fileSharing(): Promise<ProbeOutcome<FileSharingObservation>>;
  edr(): Promise<ProbeOutcome<EdrObservation>>;
  bluetooth(): Promise<ProbeOutcome<BluetoothObservation>>;
}

/** The name of each probe (every member of SelfCheckProbes but the OS). */
export type ProbeName = Exclude<keyof SelfCheckProbes, 'os'>;

/** What every probe answered, by probe name: derived, so a new probe needs no second list. */
export type Observations = { readonly [K in ProbeName]: Awaited<ReturnType<SelfCheckProbes[K]>> };

/**
 * Every probe, once. The object's type makes a probe added to SelfCheckProbes without an entry
 * here (or a misspelt one) a type error.
 */
export const PROBE_NAMES = Object.keys({
  firewall: true,
  antivirus: true,
  osUpdates: true,
  diskEncryption: true,
  screenLock: true,
  wifi: true,
  remoteAccess: true,
  bootProtection: true,
  clockSync: true,
  autoRun: true,
  autoLogin: true,
  adminAccount: true,
  fileSharing: true,
  edr: true,
  bluetooth: true,
} satisfies Record<ProbeName, true>) as readonly ProbeName[];
