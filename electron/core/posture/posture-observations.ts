/**
 * What the self-check's probes observed, in one OS-neutral shape.
 *
 * Each OS has its own probes and parsers (electron/platform/posture/<os>/); they turn
 * command output into these observations and never decide pass or fail. The policy
 * evaluator (evaluate-posture.ts) is the only place that judges, so Windows, macOS and
 * Linux are judged by the same rules and those rules are tested once.
 *
 * A value the probe could not establish is `null`, never a guess: an unknown is reported as
 * unknown, never as pass.
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
  /** The product is the active scanner (Defender in passive mode is present but not active). */
  readonly active: boolean | null;
  readonly realTimeProtection: boolean | null;
  /** When its signature definitions were last updated, ISO 8601 UTC. */
  readonly definitionsUpdatedAt: string | null;
  /** What the product itself says about its definitions (Security Center's productState bit). */
  readonly definitionsUpToDate: boolean | null;
  readonly definitionsVersion: string | null;
}

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
  readonly encrypted: boolean | null;
  /** 'BitLocker' | 'FileVault' | 'LUKS' | 'none' | other. */
  readonly method: string | null;
}

export interface ScreenLockObservation {
  /** The screen saver or lock starts after idle time at all. */
  readonly lockEnabled: boolean | null;
  /** Idle seconds before the screen locks (the shortest of the applicable settings). */
  readonly idleSeconds: number | null;
  /** Waking it needs the password. */
  readonly passwordRequired: boolean | null;
}

export type WifiSecurity = 'open' | 'wep' | 'wpa' | 'wpa2' | 'wpa3' | 'enterprise' | 'unknown';

export interface WifiObservation {
  /** False when no Wi-Fi connection is up (wired only): then the check passes as not applicable. */
  readonly connected: boolean;
  readonly ssid: string | null;
  readonly security: WifiSecurity | null;
}

export interface RemoteAccessObservation {
  /** Remote-access services found listening on this laptop. */
  readonly listening: readonly { readonly service: 'rdp' | 'vnc' | 'ssh'; readonly port: number | null; readonly detail: string | null }[];
}

/** One OS's full set of probes; every probe has its own time limit and they run concurrently. */
export interface PostureProbes {
  readonly os: 'windows' | 'macos' | 'linux';
  firewall(): Promise<ProbeOutcome<FirewallObservation>>;
  antivirus(): Promise<ProbeOutcome<AntivirusObservation>>;
  osUpdates(): Promise<ProbeOutcome<OsUpdateObservation>>;
  diskEncryption(): Promise<ProbeOutcome<DiskEncryptionObservation>>;
  screenLock(): Promise<ProbeOutcome<ScreenLockObservation>>;
  wifi(): Promise<ProbeOutcome<WifiObservation>>;
  remoteAccess(): Promise<ProbeOutcome<RemoteAccessObservation>>;
}
