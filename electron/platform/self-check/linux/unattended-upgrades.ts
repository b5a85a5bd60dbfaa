/**
 * Automatic security updates on Debian and Ubuntu: unattended-upgrades.
 *
 * - Its log (/var/log/unattended-upgrades/unattended-upgrades.log, local-time stamps) is the only
 *   record that names origins: each run logs "Allowed origins are: …" and then "Packages that
 *   will be upgraded: …" and "All upgrades installed". A run whose allowed origins include a
 *   security archive (…-security, label=Debian-Security) installed every pending security update
 *   from it. The log directory is root:adm 0750 on Ubuntu, so ordinary users often get "access
 *   denied" and fall back to apt's history.
 * - Whether it runs at all is APT::Periodic::Unattended-Upgrade in apt's configuration
 *   (conventionally /etc/apt/apt.conf.d/20auto-upgrades): "1" (days) or "always" runs it, "0" or
 *   unset does not. Files are read in apt's order and the last setting wins. Only the flat
 *   `APT::Periodic::Unattended-Upgrade "1";` form is read, which is what Debian, Ubuntu and
 *   dpkg-reconfigure write; the nested `APT { Periodic { … } }` form is not.
 */
import { localStampToIso } from './local-time';

export interface UnattendedRun {
  /** ISO UTC of the "Starting unattended upgrades script" line. */
  readonly startedAt: string | null;
  /** ISO UTC of "All upgrades installed"; null when the run installed nothing or failed. */
  readonly installedAt: string | null;
  readonly allowedOrigins: readonly string[];
  readonly packages: readonly string[];
}

const LINE = /^(\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2})(?:,\d+)?\s+[A-Z]+\s+(.*)$/;

interface MutableRun {
  startedAt: string | null;
  installedAt: string | null;
  allowedOrigins: string[];
  packages: string[];
}

/** "['o=Ubuntu,a=xenial-security']" (old) or "o=Debian,…,label=Debian-Security, o=…" (new). */
export function parseAllowedOrigins(value: string): string[] {
  return value
    .replace(/^\[|\]$/g, '')
    .split(/,\s+/)
    .map((o) => o.trim().replace(/^'|'$/g, ''))
    .filter(Boolean);
}

/** The runs in an unattended-upgrades.log, oldest first. */
export function parseUnattendedUpgradesLog(text: string, zone: string): UnattendedRun[] {
  const runs: MutableRun[] = [];
  for (const line of text.split('\n')) {
    const [, stamp = '', message = ''] = LINE.exec(line.trim()) ?? [];
    if (!stamp) continue;
    const at = localStampToIso(stamp, zone);
    let run = runs.at(-1);
    if (run === undefined || message.startsWith('Starting unattended upgrades script')) {
      run = { startedAt: at, installedAt: null, allowedOrigins: [], packages: [] };
      runs.push(run);
    }
    applyMessage(run, message, at);
  }
  return runs;
}

function applyMessage(run: MutableRun, message: string, at: string | null): void {
  const origins = /^Allowed origins are:\s*(.*)$/.exec(message);
  if (origins) run.allowedOrigins = parseAllowedOrigins(origins[1] ?? '');
  const packages = /^Packages that will be upgraded:\s*(.*)$/.exec(message);
  if (packages) run.packages = (packages[1] ?? '').split(/\s+/).filter(Boolean);
  // "All upgrades installed" is also logged by runs that had nothing to do in some versions.
  if (/^All upgrades installed/.test(message) && run.packages.length > 0) run.installedAt = at;
}

export function isSecurityOrigin(origin: string): boolean {
  return /security/i.test(origin);
}

/** The last APT::Periodic::Unattended-Upgrade value set in one apt configuration file. */
export function parsePeriodicUnattendedUpgrade(text: string): string | null {
  const code = text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .split('\n')
    .map((line) => line.replace(/^\s*#.*$/, '').replace(/(^|\s)\/\/.*$/, ''))
    .join('\n');
  const values = [...code.matchAll(/APT::Periodic::Unattended-Upgrade\s+"([^"]*)"\s*;/gi)].map((m) => m[1] ?? '');
  return values.at(-1) ?? null;
}

/** "1", "7", "1d" or "always" run it; "0" or "" do not; anything else is not understood. */
export function periodicEnabled(value: string): boolean | null {
  const v = value.trim().toLowerCase();
  if (v === 'always') return true;
  if (v === '') return false;
  const m = /^(\d+)[smhd]?$/.exec(v);
  return m ? Number(m[1]) > 0 : null;
}

/**
 * apt.conf(5): files in apt.conf.d are read only when named with letters, digits, "_", "-" and
 * "." and having no extension or ".conf" — so "20auto-upgrades.dpkg-old" is ignored.
 */
export function isAptConfPart(name: string): boolean {
  if (!/^[A-Za-z0-9_.-]+$/.test(name)) return false;
  return !name.includes('.') || name.endsWith('.conf');
}
