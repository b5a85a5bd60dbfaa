/**
 * Automatic login and AutoRun on a Linux desktop, from files and settings a normal user may
 * read.
 *
 * Automatic login is a display manager's setting, in its configuration (world-readable):
 * - GDM: /etc/gdm3/daemon.conf (Debian), /etc/gdm3/custom.conf (Ubuntu) or /etc/gdm/custom.conf, section [daemon]:
 *   AutomaticLoginEnable=true, or TimedLoginEnable=true (signs in after a delay);
 * - LightDM: /etc/lightdm/lightdm.conf and /etc/lightdm/lightdm.conf.d/*.conf:
 *   autologin-user=NAME (not commented);
 * - SDDM: /etc/sddm.conf and /etc/sddm.conf.d/*.conf, section [Autologin]: User=NAME.
 * Any of them → 'on'. At least one configuration read and none → 'off'. No configuration
 * found, one that could not be read or not understood (a line that is not INI, a switch neither
 * true nor false, an empty account name) while none said on → 'unrecognized'. Names are never kept.
 *
 * AutoRun: GNOME offers to run software from inserted media unless
 * org.gnome.desktop.media-handling autorun-never is true (`gsettings get`, per user):
 * true → 'off', false → 'on'. Other desktops are not read → 'unrecognized'.
 */
import type { AutoLoginObservation, AutoRunObservation, ProbeOutcome } from '../../../core/self-check/self-check-observations';
import { evidence } from '../run-probe-command';
import type { CommandReading, LinuxProbeContext, Read } from './linux-context';
import { commandFacts, listDir, readFacts, readText, runCommand } from './linux-context';
import { isGnomeFamily, parseGsettingsBoolean } from './screen-lock';

const SINGLE_FILES = [
  '/etc/gdm3/daemon.conf',
  '/etc/gdm3/custom.conf',
  '/etc/gdm/custom.conf',
  '/etc/lightdm/lightdm.conf',
  '/etc/sddm.conf',
] as const;
const DROP_IN_DIRS = ['/etc/lightdm/lightdm.conf.d', '/etc/sddm.conf.d'] as const;

type Entry = { readonly section: string; readonly key: string; readonly value: string };

/** Sections and their key=value lines of an INI-style file (comments dropped); null when a line is neither. */
function iniEntries(text: string): Entry[] | null {
  let section = '';
  const entries: Entry[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.startsWith(';')) continue;
    const header = /^\[(.+)\]$/.exec(line);
    const pair = /^([^=]+)=(.*)$/.exec(line);
    if (header?.[1] !== undefined) section = header[1].trim().toLowerCase();
    else if (pair?.[1] !== undefined && pair[2] !== undefined)
      entries.push({ section, key: pair[1].trim().toLowerCase(), value: pair[2].trim() });
    else return null;
  }
  return entries;
}

const TRUE = /^(true|1|yes)$/i;

/** The section names a file declares, lower-cased. */
function headers(text: string): string[] {
  return text.split('\n').flatMap((line) => {
    const header = /^\s*\[(.+)\]\s*$/.exec(line);
    return header?.[1] === undefined ? [] : [header[1].trim().toLowerCase()];
  });
}
const FALSE = /^(false|0|no)$/i;

/**
 * Whether this configuration file turns automatic login on, by the display manager it belongs
 * to; null when it cannot be told (a line that is not INI, a switch that is neither true nor
 * false, an account name left empty).
 */
export function signsInAutomatically(file: string, text: string): boolean | null {
  const entries = iniEntries(text);
  if (entries === null) return null;
  const sections = new Set(headers(text));
  if (file.includes('/gdm')) {
    // The switches count only in [daemon]; found elsewhere, or no [daemon] at all, the file is not one GDM would read as we do.
    const switches = entries.filter((e) => e.key === 'automaticloginenable' || e.key === 'timedloginenable');
    if (!sections.has('daemon') || switches.some((e) => e.section !== 'daemon' || (!TRUE.test(e.value) && !FALSE.test(e.value))))
      return null;
    return switches.some((e) => TRUE.test(e.value));
  }
  if (file.includes('lightdm')) {
    const users = entries.filter((e) => e.key === 'autologin-user');
    if (![...sections].some((s) => /^(seat:.*|seatdefaults|lightdm)$/.test(s)) || users.some((e) => e.value === '')) return null;
    return users.length > 0;
  }
  const users = entries.filter((e) => e.key === 'user' && e.section === 'autologin');
  if (sections.size === 0 || users.some((e) => e.value === '')) return null;
  return users.length > 0;
}

export function parseAutoLogin(files: readonly Read<string>[], observedAt: Date): ProbeOutcome<AutoLoginObservation> {
  const read = files.filter((f): f is Read<string> & { ok: true } => f.ok);
  const unreadable = files.filter((f) => !f.ok && f.problem !== 'missing');
  const verdicts = read.map((f) => ({ source: f.source, on: signsInAutomatically(f.source, f.value) }));
  const on = verdicts.filter((v) => v.on === true).map((v) => v.source);
  const unclear = verdicts.filter((v) => v.on === null).map((v) => v.source);
  let state: AutoLoginObservation['state'] = 'unrecognized';
  let raw = 'no GDM, LightDM or SDDM configuration found';
  if (on.length > 0) [state, raw] = ['on', on.join(', ')];
  else if (unreadable.length > 0) raw = `not readable: ${unreadable.map((f) => f.source).join(', ')}`;
  else if (unclear.length > 0) raw = `not understood: ${unclear.join(', ')}`;
  else if (read.length > 0) [state, raw] = ['off', read.map((f) => f.source).join(', ')];
  const found = files.filter((f) => f.ok || f.problem !== 'missing');
  const items = found.map((f) => evidence(f.source, { ...readFacts(f), autoLogin: on.includes(f.source) }, observedAt));
  // Nothing found is evidence too: which files were looked for.
  const none = evidence(files.map((f) => f.source).join(', ') || 'display manager configuration', { found: 0 }, observedAt);
  return { ok: true, observation: { state, raw }, evidence: items.length > 0 ? items : [none] };
}

export async function probeAutoLogin(ctx: LinuxProbeContext): Promise<ProbeOutcome<AutoLoginObservation>> {
  const dirs = await Promise.all(DROP_IN_DIRS.map((dir) => listDir(ctx, dir)));
  const dropIns = dirs.flatMap((dir, i) =>
    dir.ok ? dir.value.filter((name) => name.endsWith('.conf')).map((name) => `${DROP_IN_DIRS[i] ?? ''}/${name}`) : [],
  );
  const files = await Promise.all([...SINGLE_FILES, ...dropIns].map((file) => readText(ctx, file)));
  return parseAutoLogin(files, ctx.now());
}

export const AUTORUN_KEY = ['org.gnome.desktop.media-handling', 'autorun-never'] as const;

export function parseAutoRun(
  desktop: string | undefined,
  reading: CommandReading | null,
  observedAt: Date,
): ProbeOutcome<AutoRunObservation> {
  if (reading === null) {
    const raw = `desktop ${desktop ?? 'none'} not read`;
    return {
      ok: true,
      observation: { state: 'unrecognized', raw },
      evidence: [evidence('XDG_CURRENT_DESKTOP', { desktop: desktop ?? null }, observedAt)],
    };
  }
  if (!reading.ok) return { ok: false, problem: reading.problem, evidence: [evidence(reading.source, commandFacts(reading), observedAt)] };
  const never = parseGsettingsBoolean(reading.stdout);
  const state: AutoRunObservation['state'] = never === true ? 'off' : never === false ? 'on' : 'unrecognized';
  const raw = `autorun-never ${never === null ? reading.stdout.trim().slice(0, 40) || 'no output' : String(never)}`;
  return {
    ok: true,
    observation: { state, raw },
    evidence: [evidence(reading.source, { ...commandFacts(reading), state, raw }, observedAt)],
  };
}

export async function probeAutoRun(ctx: LinuxProbeContext): Promise<ProbeOutcome<AutoRunObservation>> {
  const desktop = ctx.env['XDG_CURRENT_DESKTOP'];
  const reading = desktop !== undefined && isGnomeFamily(desktop) ? await runCommand(ctx, 'gsettings', ['get', ...AUTORUN_KEY]) : null;
  return parseAutoRun(desktop, reading, ctx.now());
}
