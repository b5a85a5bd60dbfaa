/**
 * Until when a passing self-check counts (the readiness gate's hours after the run), said the
 * way a person plans a day: 「今日 18:00 まで有効」「明日 10:00 まで有効」, or the date when it is
 * further away, always in JST (the app shows every time in JST). "Today" is counted from the
 * main process's clock, the one the readiness gate judges with.
 */
const JST = 'Asia/Tokyo';
const HOUR_MS = 60 * 60 * 1000;

export type ValidUntil =
  | { readonly kind: 'today' | 'tomorrow'; readonly time: string }
  | { readonly kind: 'date'; readonly date: string; readonly time: string }
  | { readonly kind: 'expired'; readonly date: string; readonly time: string };

function partsOf(date: Date): { day: string; month: string; year: string; time: string } {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: JST,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(date);
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return { year: get('year'), month: get('month'), day: get('day'), time: `${get('hour')}:${get('minute')}` };
}

/** Whole calendar days (in JST) from `from` to `to`. */
function daysBetween(from: Date, to: Date): number {
  const a = partsOf(from);
  const b = partsOf(to);
  return Math.round((Date.UTC(+b.year, +b.month - 1, +b.day) - Date.UTC(+a.year, +a.month - 1, +a.day)) / (24 * HOUR_MS));
}

export function validUntil(finishedAt: string, hours: number, now: Date): ValidUntil {
  const until = new Date(Date.parse(finishedAt) + hours * HOUR_MS);
  const { year, month, day, time } = partsOf(until);
  const date = `${year}/${month}/${day}`;
  if (until.getTime() <= now.getTime()) return { kind: 'expired', date, time };
  const days = daysBetween(now, until);
  if (days === 0) return { kind: 'today', time };
  if (days === 1) return { kind: 'tomorrow', time };
  return { kind: 'date', date, time };
}
