/**
 * What apt installed and when, from /var/log/apt/history.log (world-readable) and its logrotate
 * generations (history.log.1, history.log.2.gz, …). An entry looks like:
 *
 *     Start-Date: 2026-11-20  10:12:01
 *     Commandline: apt-get -y upgrade
 *     Upgrade: libc6:amd64 (2.36-9+deb12u7, 2.36-9+deb12u8), …
 *     End-Date: 2026-11-20  10:12:30
 *
 * The dates are the machine's local time (see local-time.ts). history.log does not say which
 * archive (e.g. bookworm-security) a package came from, so an entry is only known to include
 * the pending security updates when its command was a whole-system upgrade: `apt upgrade`,
 * `apt-get dist-upgrade`, GNOME Software's update (packagekit role='update-packages'), ….
 * `apt install foo` that happens to upgrade a dependency is an update, but says nothing about
 * security; an entry that only installs new packages is not an update at all, except within an
 * upgrade command (new kernel ABI packages arrive as Install:).
 */
import { localStampToIso } from './local-time';

export interface AptHistoryEntry {
  /** ISO UTC; null when the stamp did not parse. */
  readonly startedAt: string | null;
  readonly endedAt: string | null;
  readonly commandline: string | null;
  /** Package names without architecture. */
  readonly upgraded: readonly string[];
  readonly installed: readonly string[];
}

export type UpdateKind = 'systemUpgrade' | 'partial' | 'none';

const SYSTEM_UPGRADE = [
  /\b(?:apt|apt-get|aptitude)\b.*\s(?:upgrade|full-upgrade|dist-upgrade|safe-upgrade)(?:\s|$)/,
  /\bpackagekit role='(?:update-packages|upgrade-system)'/,
];

/** "libc6:amd64 (2.36-9+deb12u7, 2.36-9+deb12u8), tzdata:all (…)" to ["libc6", "tzdata"]. */
export function parsePackageList(value: string): string[] {
  return [...value.matchAll(/(?:^|\),\s*)([^\s:(),]+)(?::[\w-]+)?\s*\(/g)].map((m) => m[1] ?? '').filter(Boolean);
}

/** Splits history.log into entries; each starts at a "Start-Date:" line. */
export function parseAptHistory(text: string, zone: string): AptHistoryEntry[] {
  const entries: AptHistoryEntry[] = [];
  for (const block of text.split(/\n(?=Start-Date:)/)) {
    const field = (name: string): string | null => new RegExp(`^${name}:[ \\t]*(.*)$`, 'm').exec(block)?.[1]?.trim() ?? null;
    const start = field('Start-Date');
    if (start === null) continue;
    const end = field('End-Date');
    entries.push({
      startedAt: localStampToIso(start, zone),
      endedAt: end === null ? null : localStampToIso(end, zone),
      commandline: field('Commandline'),
      upgraded: parsePackageList(field('Upgrade') ?? ''),
      installed: parsePackageList(field('Install') ?? ''),
    });
  }
  return entries;
}

export function isSystemUpgradeCommand(commandline: string | null): boolean {
  return commandline !== null && SYSTEM_UPGRADE.some((re) => re.test(commandline));
}

/** Whether an entry updated the system, and whether it was a whole-system upgrade. */
export function updateKind(entry: AptHistoryEntry): UpdateKind {
  const changed = entry.upgraded.length + entry.installed.length > 0;
  if (changed && isSystemUpgradeCommand(entry.commandline)) return 'systemUpgrade';
  return entry.upgraded.length > 0 ? 'partial' : 'none';
}

/** The entry's completion time: End-Date, else Start-Date for an entry cut off by a crash. */
export function entryTime(entry: AptHistoryEntry): string | null {
  return entry.endedAt ?? entry.startedAt;
}

/** Short human title, e.g. "apt-get -y upgrade: 12 upgraded, 1 installed". */
export function entryTitle(entry: AptHistoryEntry): string {
  const counts = [
    entry.upgraded.length ? `${entry.upgraded.length} upgraded` : '',
    entry.installed.length ? `${entry.installed.length} installed` : '',
  ]
    .filter(Boolean)
    .join(', ');
  const command = (entry.commandline ?? 'apt').slice(0, 100);
  return `${command}: ${counts}`;
}
