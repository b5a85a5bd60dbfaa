/**
 * ClamAV, the antivirus a Linux laptop is likely to have, read without root.
 *
 * - Installed: one of its programs exists, or its database directory holds databases.
 * - Definitions: the 512-byte header of daily.cld / daily.cvd (main.* when there is no daily)
 *   in the database directory (freshclam.conf's DatabaseDirectory, default /var/lib/clamav):
 *   "ClamAV-VDB:<build time>:<version>:<sigs>:<f-level>:<md5>:<dsig>:<builder>:<stime>".
 *   The build time says how current the signatures are, which the file's mtime (download
 *   time) does not; stime (epoch seconds) is used when present, else the build time text.
 * - Mode: 'active' when installed with a database. Without one clamscan refuses to scan, so an
 *   installed but never-updated ClamAV is 'off' with no definitions date — not guessed.
 * - Real-time protection: ClamAV on Linux scans on demand; only clamonacc (on-access scanning)
 *   makes it real time, so this is true only when clamonacc is seen running. Whether that is
 *   required is the policy's (linuxOnAccessScanRequired), judged by the evaluator.
 */
import path from 'node:path';
import type { AntivirusObservation, AntivirusProduct, ProbeEvidence, ProbeOutcome } from '../../../core/self-check/self-check-observations';
import { evidence } from '../run-probe-command';
import type { CommandReading, LinuxProbeContext, Read } from './linux-context';
import { commandFacts, fileMtime, fileProblemToProbe, listDir, readFacts, readHead, readText } from './linux-context';
import { listProcesses, type ProcessList } from './processes';
import { parseIsActive, queryUnits } from './systemd-units';

export const CLAMAV_DEFAULT_DB_DIR = '/var/lib/clamav';
export const FRESHCLAM_CONF = '/etc/clamav/freshclam.conf';
export const CLAMAV_PROGRAMS = ['/usr/bin/clamscan', '/usr/sbin/clamd', '/usr/bin/freshclam', '/usr/sbin/clamonacc'] as const;
const UNITS = ['clamav-daemon', 'clamav-freshclam', 'clamav-clamonacc'] as const;
const HEADER_BYTES = 512;
/** Databases in order of preference for "how current are the signatures": daily changes daily. */
const DATABASE_FILES = ['daily.cld', 'daily.cvd', 'main.cld', 'main.cvd'] as const;

export interface CvdHeader {
  readonly version: string;
  /** When the database was built, ISO UTC; null when neither stime nor the build time parses. */
  readonly builtAt: string | null;
  readonly signatures: number | null;
}

export interface AntivirusReadings {
  readonly programs: readonly Read<Date>[];
  readonly freshclamConf: Read<string>;
  readonly databaseDir: Read<string[]>;
  /** Headers of the database files found in databaseDir, in DATABASE_FILES order. */
  readonly headers: readonly Read<Buffer>[];
  readonly processes: Read<ProcessList>;
  readonly units: CommandReading;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "25 Nov 2026 08-27 +0000" (strftime "%d %b %Y %H-%M %z") to ISO UTC. */
export function parseCvdBuildTime(text: string): string | null {
  const m = /^(\d{1,2}) ([A-Z][a-z]{2}) (\d{4}) (\d{2})-(\d{2}) ([+-])(\d{2})(\d{2})$/.exec(text.trim());
  if (!m) return null;
  const [, day, mon, year, hour, minute, sign, offH, offM] = m;
  const month = MONTHS.indexOf(mon ?? '');
  if (month < 0) return null;
  const offset = (sign === '-' ? -1 : 1) * (Number(offH) * 60 + Number(offM));
  return new Date(Date.UTC(Number(year), month, Number(day), Number(hour), Number(minute)) - offset * 60_000).toISOString();
}

/** The header of a .cvd/.cld file (its first 512 bytes, space-padded); null when it is not one. */
export function parseCvdHeader(head: Buffer | string): CvdHeader | null {
  const text = (typeof head === 'string' ? head : head.toString('latin1')).slice(0, HEADER_BYTES).replace(/[\s\0]+$/, '');
  const fields = text.split(':');
  if (fields[0] !== 'ClamAV-VDB' || !/^\d+$/.test(fields[2] ?? '')) return null;
  const stime = /^\d{9,11}$/.exec(fields[8]?.trim() ?? '')?.[0];
  // stime is exact and zone-free; the build-time text is the fallback for headers without it.
  const builtAt = stime ? new Date(Number(stime) * 1000).toISOString() : parseCvdBuildTime(fields[1] ?? '');
  const signatures = /^\d+$/.test(fields[3] ?? '') ? Number(fields[3]) : null;
  return { version: fields[2] ?? '', builtAt, signatures };
}

/** `DatabaseDirectory /path` from freshclam.conf, when set. */
export function parseDatabaseDirectory(conf: string): string | null {
  const m = /^\s*DatabaseDirectory\s+("?)(.+?)\1\s*$/m.exec(conf);
  return m?.[2] ?? null;
}

function realTimeProtection(r: AntivirusReadings, clamonaccUnit: boolean | null): boolean | null {
  if (r.processes.ok && r.processes.value.names.has('clamonacc')) return true;
  if (clamonaccUnit === true) return true;
  // Not seen: that is a "no" only if every process was visible to us (no hidepid on /proc).
  if (r.processes.ok && r.processes.value.complete) return false;
  return clamonaccUnit === false ? false : null;
}

/** The newest parsable daily header (highest version), else the newest main one. */
function definitions(r: AntivirusReadings, out: ProbeEvidence[], at: Date): CvdHeader | null {
  const parsed = r.headers.map((read) => {
    const header = read.ok ? parseCvdHeader(read.value) : null;
    out.push(
      evidence(
        read.source,
        { ...readFacts(read), parsed: header !== null, version: header?.version ?? null, builtAt: header?.builtAt ?? null },
        at,
      ),
    );
    return { daily: path.basename(read.source).startsWith('daily'), header };
  });
  const newest = (daily: boolean): CvdHeader | null =>
    parsed
      .flatMap((p) => (p.daily === daily && p.header ? [p.header] : []))
      .reduce<CvdHeader | null>((best, h) => (best === null || Number(h.version) > Number(best.version) ? h : best), null);
  return newest(true) ?? newest(false);
}

function processFacts(r: AntivirusReadings): ProbeEvidence['facts'] {
  if (!r.processes.ok) return readFacts(r.processes);
  const { names, complete } = r.processes.value;
  return { clamd: names.has('clamd'), freshclam: names.has('freshclam'), clamonacc: names.has('clamonacc'), allProcessesVisible: complete };
}

export function parseAntivirus(r: AntivirusReadings, observedAt: Date): ProbeOutcome<AntivirusObservation> {
  const out: ProbeEvidence[] = r.programs.map((p) => evidence(p.source, { installed: p.ok || p.problem !== 'missing' }, observedAt));
  const configuredDir = r.freshclamConf.ok ? parseDatabaseDirectory(r.freshclamConf.value) : null;
  out.push(evidence(r.freshclamConf.source, { ...readFacts(r.freshclamConf), DatabaseDirectory: configuredDir }, observedAt));
  const databases = r.databaseDir.ok ? r.databaseDir.value.filter((f) => /\.(cvd|cld)$/.test(f)) : [];
  out.push(evidence(r.databaseDir.source, { ...readFacts(r.databaseDir), databases: databases.join(' ') || null }, observedAt));
  const installed = r.programs.some((p) => p.ok || p.problem !== 'missing') || databases.length > 0;
  if (!installed) return { ok: true, observation: { products: [] }, evidence: out };
  if (!r.databaseDir.ok && r.databaseDir.problem !== 'missing') {
    const problem = fileProblemToProbe(r.databaseDir.problem, 'notApplicable');
    return {
      ok: false,
      problem,
      detail: `ClamAV is installed but ${r.databaseDir.source} could not be read (${r.databaseDir.code})`,
      evidence: out,
    };
  }
  const header = definitions(r, out, observedAt);
  const units = parseIsActive(r.units, UNITS);
  out.push(evidence('/proc/*/comm', processFacts(r), observedAt));
  out.push(
    evidence(r.units.source, { ...commandFacts(r.units), ...Object.fromEntries(UNITS.map((u) => [u, units.get(u) ?? null])) }, observedAt),
  );
  const product: AntivirusProduct = {
    name: 'ClamAV',
    engine: 'clamav',
    mode: databases.length > 0 ? 'active' : 'off',
    realTimeProtection: realTimeProtection(r, units.get('clamav-clamonacc') ?? null),
    definitionsUpdatedAt: header?.builtAt ?? null,
    // ClamAV keeps no "up to date" flag of its own: the evaluator judges the age.
    definitionsUpToDate: null,
    definitionsVersion: header?.version ?? null,
  };
  return { ok: true, observation: { products: [product] }, evidence: out };
}

export async function probeAntivirus(ctx: LinuxProbeContext): Promise<ProbeOutcome<AntivirusObservation>> {
  const freshclamConf = await readText(ctx, FRESHCLAM_CONF);
  const dir = (freshclamConf.ok ? parseDatabaseDirectory(freshclamConf.value) : null) ?? CLAMAV_DEFAULT_DB_DIR;
  const [programs, databaseDir, processes, units] = await Promise.all([
    Promise.all(CLAMAV_PROGRAMS.map((p) => fileMtime(ctx, p))),
    listDir(ctx, dir),
    listProcesses(ctx),
    queryUnits(ctx, UNITS),
  ]);
  const present = databaseDir.ok ? DATABASE_FILES.filter((f) => databaseDir.value.includes(f)) : [];
  const headers = await Promise.all(present.map((f) => readHead(ctx, path.posix.join(dir, f), HEADER_BYTES)));
  return parseAntivirus({ programs, freshclamConf, databaseDir, headers, processes, units }, ctx.now());
}
