/**
 * Converts the wall-clock stamps that apt ("Start-Date: 2026-11-20  10:12:01") and
 * unattended-upgrades ("2026-11-20 06:25:13,123") write into UTC. Both write the machine's
 * local time with no offset, so the zone must come from outside the log: by default the zone
 * this process runs in, which on a desktop is the machine's /etc/localtime. A laptop whose zone
 * was changed since the entry was written is off by the difference; a few hours do not matter
 * for "was it updated in the last N days".
 */

export interface WallClock {
  readonly year: number;
  readonly month: number; // 1-12
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
}

/** The zone this process runs in (TZ, else /etc/localtime), e.g. "Asia/Tokyo". */
export function machineTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** Parses "YYYY-MM-DD HH:MM:SS" (any run of spaces between, optional ",mmm" ignored). */
export function parseWallClock(text: string): WallClock | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})\s+(\d{2}):(\d{2}):(\d{2})/.exec(text.trim());
  if (!m) return null;
  const [year, month, day, hour, minute, second] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) return null;
  return { year, month, day, hour, minute, second };
}

/**
 * The UTC instant at which `zone`'s clocks showed `wall`. Found by correcting a first guess with
 * the zone's offset at that guess, then once more, which settles DST transitions; a time repeated
 * by a DST fall-back resolves to one of its two instants (an hour apart at most).
 */
export function wallClockToUtc(wall: WallClock, zone: string): Date {
  const asIfUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  const firstGuess = asIfUtc - offsetMs(asIfUtc, zone);
  return new Date(asIfUtc - offsetMs(firstGuess, zone));
}

/** How far `zone`'s clocks are ahead of UTC at `instant`, in ms. */
function offsetMs(instant: number, zone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(new Date(instant));
  const get = (type: Intl.DateTimeFormatPartTypes): number => Number(parts.find((p) => p.type === type)?.value ?? NaN);
  const shown = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  // Whole seconds: formatToParts drops the milliseconds of `instant`.
  return shown - Math.floor(instant / 1000) * 1000;
}

/** Convenience: text to ISO UTC, or null when it is not a wall-clock stamp. */
export function localStampToIso(text: string, zone: string): string | null {
  const wall = parseWallClock(text);
  return wall === null ? null : wallClockToUtc(wall, zone).toISOString();
}
