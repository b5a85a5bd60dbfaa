/**
 * OS version and updates on Debian-family Linux, all from world-readable files.
 *
 * Last update installed — the most recent event known to have installed the pending
 * security updates, else the most recent update of any kind:
 *   1. unattended-upgrades runs that allowed a security origin and installed packages;
 *   2. apt history entries of whole-system upgrades (`apt upgrade`, GNOME Software's update);
 *   3. otherwise any apt history entry that upgraded packages.
 * Everything is read from the live logs and their logrotate generations (.1, .N.gz). The
 * /var/lib/apt/periodic stamps only prove that unattended-upgrade ran, not that it installed
 * anything, so they are recorded as evidence, never used as the date.
 *
 * Automatic updates: false when unattended-upgrades is not installed (apt's daily job skips it);
 * otherwise APT::Periodic::Unattended-Upgrade decides (apt's default, when nothing sets it, is
 * off); null when a configuration file could not be read and might have set it.
 */
import path from 'node:path';
import type { OsUpdateObservation, ProbeEvidence, ProbeOutcome } from '../../../core/self-check/self-check-observations';
import { evidence } from '../run-probe-command';
import { entryTime, entryTitle, parseAptHistory, updateKind } from './apt-history';
import type { LinuxProbeContext, Read } from './linux-context';
import { fileMtime, fileProblemToProbe, listDir, readFacts, readLog, readText } from './linux-context';
import { DEBIAN_VERSION_FILE, OS_RELEASE_FILES, osIdentity, parseDebianVersion, parseOsRelease } from './os-release';
import {
  isAptConfPart,
  isSecurityOrigin,
  parsePeriodicUnattendedUpgrade,
  parseUnattendedUpgradesLog,
  periodicEnabled,
} from './unattended-upgrades';

export const APT_LOG_DIR = '/var/log/apt';
export const UNATTENDED_LOG_DIR = '/var/log/unattended-upgrades';
export const APT_CONF_DIR = '/etc/apt/apt.conf.d';
export const APT_CONF_MAIN = '/etc/apt/apt.conf';
export const UNATTENDED_UPGRADE_PROGRAM = '/usr/bin/unattended-upgrade';
export const PERIODIC_STAMPS = ['/var/lib/apt/periodic/upgrade-stamp', '/var/lib/apt/periodic/unattended-upgrades-stamp'] as const;

export interface OsUpdateReadings {
  /** The os-release file that was read (or the last failure). */
  readonly osRelease: Read<string>;
  readonly debianVersion: Read<string>;
  readonly aptLogDir: Read<string[]>;
  readonly historyLogs: readonly Read<string>[];
  readonly unattendedLogDir: Read<string[]>;
  readonly unattendedLogs: readonly Read<string>[];
  readonly aptConfDir: Read<string[]>;
  /** apt.conf.d parts then apt.conf, in the order apt reads them. */
  readonly aptConfFiles: readonly Read<string>[];
  readonly unattendedProgram: Read<Date>;
  readonly stamps: readonly Read<Date>[];
}

interface Candidate {
  readonly at: string;
  readonly title: string;
  readonly coversSecurity: boolean;
}

/** history.log, history.log.1, history.log.2.gz …, newest first. */
export function rotatedLogs(names: readonly string[], base: string): string[] {
  const generation = (name: string): number => Number(/\.(\d+)(?:\.gz)?$/.exec(name)?.[1] ?? 0);
  const pattern = new RegExp(`^${base.replace(/\./g, '\\.')}(?:\\.\\d+(?:\\.gz)?)?$`);
  return names.filter((n) => pattern.test(n)).sort((a, b) => generation(a) - generation(b));
}

function historyCandidates(r: OsUpdateReadings, zone: string, out: ProbeEvidence[], at: Date): Candidate[] {
  out.push(evidence(r.aptLogDir.source, readFacts(r.aptLogDir), at));
  return r.historyLogs.flatMap((log) => {
    const entries = log.ok ? parseAptHistory(log.value, zone) : [];
    const found = entries.flatMap((e): Candidate[] => {
      const kind = updateKind(e);
      const time = entryTime(e);
      return kind === 'none' || time === null ? [] : [{ at: time, title: entryTitle(e), coversSecurity: kind === 'systemUpgrade' }];
    });
    const latestSystemUpgrade = latest(found.filter((c) => c.coversSecurity))?.at ?? null;
    out.push(
      evidence(
        log.source,
        {
          ...readFacts(log),
          entries: entries.length,
          updates: found.length,
          latestUpdate: latest(found)?.at ?? null,
          latestSystemUpgrade,
          timeZone: zone,
        },
        at,
      ),
    );
    return found;
  });
}

function unattendedCandidates(r: OsUpdateReadings, zone: string, out: ProbeEvidence[], at: Date): Candidate[] {
  out.push(evidence(r.unattendedLogDir.source, readFacts(r.unattendedLogDir), at));
  return r.unattendedLogs.flatMap((log) => {
    const runs = log.ok ? parseUnattendedUpgradesLog(log.value, zone) : [];
    const found = runs.flatMap((run): Candidate[] => {
      if (run.installedAt === null) return [];
      const security = run.allowedOrigins.some(isSecurityOrigin);
      const shown = run.packages.slice(0, 5).join(' ') + (run.packages.length > 5 ? ` (+${run.packages.length - 5} more)` : '');
      return [
        { at: run.installedAt, title: `unattended-upgrades${security ? ' (security origins)' : ''}: ${shown}`, coversSecurity: security },
      ];
    });
    const securityRuns = found.filter((c) => c.coversSecurity);
    const facts = {
      runs: runs.length,
      installingRuns: found.length,
      latestInstall: latest(found)?.at ?? null,
      latestSecurityRun: latest(securityRuns)?.at ?? null,
    };
    out.push(evidence(log.source, { ...readFacts(log), ...facts, timeZone: zone }, at));
    return found;
  });
}

function latest(candidates: readonly Candidate[]): Candidate | null {
  return candidates.reduce<Candidate | null>((best, c) => (best === null || c.at > best.at ? c : best), null);
}

function automaticUpdates(r: OsUpdateReadings, out: ProbeEvidence[], at: Date): boolean | null {
  const installed = r.unattendedProgram.ok || r.unattendedProgram.problem !== 'missing';
  out.push(evidence(r.unattendedProgram.source, { installed }, at));
  if (!installed) return false;
  let found: { value: string; index: number } | null = null;
  for (const [index, file] of r.aptConfFiles.entries()) {
    const value = file.ok ? parsePeriodicUnattendedUpgrade(file.value) : null;
    if (value !== null) found = { value, index };
    if (value !== null || !file.ok) out.push(evidence(file.source, { ...readFacts(file), 'APT::Periodic::Unattended-Upgrade': value }, at));
  }
  // A file we could not read, read after the last setting we saw, might have overridden it.
  const blindSpot =
    (!r.aptConfDir.ok && r.aptConfDir.problem !== 'missing') ||
    r.aptConfFiles.some((f, i) => !f.ok && f.problem !== 'missing' && i > (found?.index ?? -1));
  out.push(evidence(r.aptConfDir.source, { ...readFacts(r.aptConfDir), unreadableConfig: blindSpot }, at));
  if (blindSpot) return null;
  return found === null ? false : periodicEnabled(found.value);
}

export function parseOsUpdates(r: OsUpdateReadings, zone: string, observedAt: Date): ProbeOutcome<OsUpdateObservation> {
  const out: ProbeEvidence[] = [];
  if (!r.osRelease.ok) {
    out.push(evidence(r.osRelease.source, readFacts(r.osRelease), observedAt));
    return {
      ok: false,
      problem: fileProblemToProbe(r.osRelease.problem, 'unparseable'),
      detail: `${r.osRelease.source}: ${r.osRelease.code}`,
      evidence: out,
    };
  }
  const fields = parseOsRelease(r.osRelease.value);
  const debianVersion = r.debianVersion.ok ? parseDebianVersion(r.debianVersion.value) : null;
  const identity = osIdentity(fields, debianVersion);
  out.push(
    evidence(
      r.osRelease.source,
      { ID: fields.ID ?? null, PRETTY_NAME: fields.PRETTY_NAME ?? null, VERSION_ID: fields.VERSION_ID ?? null },
      observedAt,
    ),
  );
  out.push(evidence(r.debianVersion.source, { ...readFacts(r.debianVersion), pointRelease: debianVersion }, observedAt));
  const candidates = [...unattendedCandidates(r, zone, out, observedAt), ...historyCandidates(r, zone, out, observedAt)];
  const chosen = latest(candidates.filter((c) => c.coversSecurity)) ?? latest(candidates);
  for (const stamp of r.stamps)
    out.push(evidence(stamp.source, { ...readFacts(stamp), mtime: stamp.ok ? stamp.value.toISOString() : null }, observedAt));
  const observation: OsUpdateObservation = {
    ...identity,
    lastUpdateInstalledAt: chosen?.at ?? null,
    lastUpdateTitle: chosen?.title ?? null,
    automaticUpdates: automaticUpdates(r, out, observedAt),
  };
  return { ok: true, observation, evidence: out };
}

async function readOsRelease(ctx: LinuxProbeContext): Promise<Read<string>> {
  const first = await readText(ctx, OS_RELEASE_FILES[0]);
  return first.ok ? first : readText(ctx, OS_RELEASE_FILES[1]);
}

/** Every generation of a rotated log in `dir`, newest first. */
async function readRotated(ctx: LinuxProbeContext, dir: string, base: string): Promise<[Read<string[]>, Read<string>[]]> {
  const listing = await listDir(ctx, dir);
  const names = listing.ok ? rotatedLogs(listing.value, base) : [];
  return [listing, await Promise.all(names.map((n) => readLog(ctx, path.posix.join(dir, n))))];
}

async function readAptConf(ctx: LinuxProbeContext): Promise<[Read<string[]>, Read<string>[]]> {
  const listing = await listDir(ctx, APT_CONF_DIR);
  const parts = listing.ok ? listing.value.filter(isAptConfPart).map((n) => path.posix.join(APT_CONF_DIR, n)) : [];
  return [listing, await Promise.all([...parts, APT_CONF_MAIN].map((f) => readText(ctx, f)))];
}

export async function probeOsUpdates(ctx: LinuxProbeContext): Promise<ProbeOutcome<OsUpdateObservation>> {
  const [
    osRelease,
    debianVersion,
    [aptLogDir, historyLogs],
    [unattendedLogDir, unattendedLogs],
    [aptConfDir, aptConfFiles],
    unattendedProgram,
    stamps,
  ] = await Promise.all([
    readOsRelease(ctx),
    readText(ctx, DEBIAN_VERSION_FILE),
    readRotated(ctx, APT_LOG_DIR, 'history.log'),
    readRotated(ctx, UNATTENDED_LOG_DIR, 'unattended-upgrades.log'),
    readAptConf(ctx),
    fileMtime(ctx, UNATTENDED_UPGRADE_PROGRAM),
    Promise.all(PERIODIC_STAMPS.map((s) => fileMtime(ctx, s))),
  ]);
  const readings = {
    osRelease,
    debianVersion,
    aptLogDir,
    historyLogs,
    unattendedLogDir,
    unattendedLogs,
    aptConfDir,
    aptConfFiles,
    unattendedProgram,
    stamps,
  };
  return parseOsUpdates(readings, ctx.timeZone, ctx.now());
}
