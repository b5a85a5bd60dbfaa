/**
 * Until when a passing self-check counts (the readiness gate's hours after the run), said the
 * way a person plans a day: 「今日 18:00 まで有効」「明日 10:00 まで有効」, or the date when it is
 * further away, written as every date is in the UI language (2026/12/08, 8 Dec 2026), always in
 * JST (the app shows every time in JST). "Today" is counted from the main process's clock, the
 * one the readiness gate judges with.
 */
import { formatCalendarDate, timeInJapan, todayInJapan } from '@shared/format-date';
import type { Language } from '@shared/locale';

const HOUR_MS = 60 * 60 * 1000;

export type ValidUntil =
  | { readonly kind: 'today' | 'tomorrow'; readonly time: string }
  | { readonly kind: 'date'; readonly date: string; readonly time: string }
  | { readonly kind: 'expired'; readonly date: string; readonly time: string };

/** Whole calendar days (in JST) from `from` to `to`. */
function daysBetween(from: Date, to: Date): number {
  return Math.round((Date.parse(todayInJapan(to)) - Date.parse(todayInJapan(from))) / (24 * HOUR_MS));
}

export function validUntil(finishedAt: string, hours: number, now: Date, language: Language): ValidUntil {
  const until = new Date(Date.parse(finishedAt) + hours * HOUR_MS);
  const time = timeInJapan(until);
  const date = formatCalendarDate(todayInJapan(until), language);
  if (until.getTime() <= now.getTime()) return { kind: 'expired', date, time };
  const days = daysBetween(now, until);
  if (days === 0) return { kind: 'today', time };
  if (days === 1) return { kind: 'tomorrow', time };
  return { kind: 'date', date, time };
}
