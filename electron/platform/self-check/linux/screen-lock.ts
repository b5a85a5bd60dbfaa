/**
 * GNOME's screen lock (Ubuntu's and Debian's default desktop), from `gsettings get`, which
 * reads the user's dconf database without root:
 *   org.gnome.desktop.session idle-delay        "uint32 300" — blank after 300 s idle; 0 = never
 *   org.gnome.desktop.screensaver lock-enabled  true — lock when the screen blanks
 *   org.gnome.desktop.screensaver lock-delay    "uint32 0"   — …this many seconds after blanking
 *   org.gnome.desktop.lockdown disable-lock-screen  true — an administrator forbade locking
 * So it blanks after idle-delay seconds and locks lock-delay seconds later, if lock-enabled,
 * idle-delay > 0 and locking is not forbidden; GNOME's lock screen always asks for the
 * password. The two are reported apart (idle, password delay) and judged on separate limits.
 *
 * Only GNOME-family sessions (XDG_CURRENT_DESKTOP contains GNOME or Unity) are read: KDE and
 * others install the same schemas as a dependency but lock by their own settings, so reading
 * gsettings there would report GNOME's defaults as if they applied. Without any desktop session
 * (XDG_CURRENT_DESKTOP unset: ssh, CI) there is no screen to lock: notApplicable.
 */
import type { ProbeEvidence, ProbeOutcome, ScreenLockObservation } from '../../../core/self-check/self-check-observations';
import { evidence } from '../run-probe-command';
import type { CommandReading, LinuxProbeContext } from './linux-context';
import { commandFacts, runCommand } from './linux-context';

export const GNOME_KEYS = {
  lockEnabled: ['org.gnome.desktop.screensaver', 'lock-enabled'],
  idleDelay: ['org.gnome.desktop.session', 'idle-delay'],
  lockDelay: ['org.gnome.desktop.screensaver', 'lock-delay'],
  lockDisabled: ['org.gnome.desktop.lockdown', 'disable-lock-screen'],
} as const;

type Key = keyof typeof GNOME_KEYS;

export interface ScreenLockReadings {
  /** XDG_CURRENT_DESKTOP, e.g. "ubuntu:GNOME"; undefined outside a desktop session. */
  readonly desktop: string | undefined;
  /** One `gsettings get` per key; absent when the desktop is not read. */
  readonly gsettings: Readonly<Record<Key, CommandReading>> | null;
}

export function isGnomeFamily(desktop: string): boolean {
  return desktop.split(':').some((d) => /^(gnome|gnome-classic|gnome-flashback|unity)$/i.test(d.trim()));
}

/** "true" / "false". */
export function parseGsettingsBoolean(stdout: string): boolean | null {
  const v = stdout.trim();
  return v === 'true' ? true : v === 'false' ? false : null;
}

/** "uint32 300" (GVariant text with its type), or a bare "300". */
export function parseGsettingsUint(stdout: string): number | null {
  const m = /^(?:uint32\s+)?(\d+)$/.exec(stdout.trim());
  return m ? Number(m[1]) : null;
}

function noSchema(reading: CommandReading): boolean {
  return /No such schema|No such key/i.test(`${reading.stderr}\n${reading.stdout}`);
}

/** Combines the four settings; null wherever one it depends on is unknown. */
export function screenLockFrom(v: {
  lockEnabled: boolean | null;
  idleDelay: number | null;
  lockDelay: number | null;
  lockDisabled: boolean | null;
}): ScreenLockObservation {
  if (v.lockDisabled === true || v.lockEnabled === false || v.idleDelay === 0) {
    return { lockEnabled: false, idleSeconds: null, passwordRequired: false, passwordDelaySeconds: null };
  }
  if (v.lockDisabled === null || v.lockEnabled === null || v.idleDelay === null) {
    return { lockEnabled: null, idleSeconds: null, passwordRequired: null, passwordDelaySeconds: v.lockDelay };
  }
  return { lockEnabled: true, idleSeconds: v.idleDelay, passwordRequired: true, passwordDelaySeconds: v.lockDelay };
}

export function parseScreenLock(r: ScreenLockReadings, observedAt: Date): ProbeOutcome<ScreenLockObservation> {
  const desktopEvidence = evidence('XDG_CURRENT_DESKTOP', { desktop: r.desktop ?? null }, observedAt);
  if (r.desktop === undefined || r.desktop === '') {
    return {
      ok: false,
      problem: 'notApplicable',
      detail: 'no desktop session (XDG_CURRENT_DESKTOP is not set)',
      evidence: [desktopEvidence],
    };
  }
  if (r.gsettings === null || !isGnomeFamily(r.desktop)) {
    // Not "not applicable": this desktop does lock, we just have no reader for its settings.
    return {
      ok: false,
      problem: 'commandMissing',
      detail: `desktop "${r.desktop}" keeps its screen-lock settings outside GNOME's gsettings; they are not read`,
      evidence: [desktopEvidence],
    };
  }
  const out: ProbeEvidence[] = [desktopEvidence];
  const g = r.gsettings;
  for (const key of Object.keys(GNOME_KEYS) as Key[])
    out.push(evidence(g[key].source, { ...commandFacts(g[key]), value: g[key].ok ? g[key].stdout.trim() : null }, observedAt));
  const core = [g.lockEnabled, g.idleDelay];
  const missing = core.find((c) => !c.ok && c.problem === 'commandMissing');
  if (missing) return { ok: false, problem: 'commandMissing', detail: 'gsettings is not installed', evidence: out };
  if (core.some((c) => !c.ok && noSchema(c)))
    return { ok: false, problem: 'notApplicable', detail: 'GNOME desktop schemas are not installed', evidence: out };
  const failed = core.find((c) => !c.ok);
  if (failed) return { ok: false, problem: failed.problem, evidence: out };
  const value = <T>(reading: CommandReading, parse: (s: string) => T | null): T | null => (reading.ok ? parse(reading.stdout) : null);
  const observation = screenLockFrom({
    lockEnabled: value(g.lockEnabled, parseGsettingsBoolean),
    idleDelay: value(g.idleDelay, parseGsettingsUint),
    lockDelay: value(g.lockDelay, parseGsettingsUint),
    // A GNOME too old to have the lockdown key cannot forbid locking that way.
    lockDisabled: !g.lockDisabled.ok && noSchema(g.lockDisabled) ? false : value(g.lockDisabled, parseGsettingsBoolean),
  });
  return { ok: true, observation, evidence: out };
}

export async function probeScreenLock(ctx: LinuxProbeContext): Promise<ProbeOutcome<ScreenLockObservation>> {
  const desktop = ctx.env.XDG_CURRENT_DESKTOP;
  if (desktop === undefined || desktop === '' || !isGnomeFamily(desktop)) return parseScreenLock({ desktop, gsettings: null }, ctx.now());
  const get = (key: Key): Promise<CommandReading> => runCommand(ctx, 'gsettings', ['get', ...GNOME_KEYS[key]]);
  const [lockEnabled, idleDelay, lockDelay, lockDisabled] = await Promise.all([
    get('lockEnabled'),
    get('idleDelay'),
    get('lockDelay'),
    get('lockDisabled'),
  ]);
  return parseScreenLock({ desktop, gsettings: { lockEnabled, idleDelay, lockDelay, lockDisabled } }, ctx.now());
}
