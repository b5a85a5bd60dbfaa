/**
 * Calendar days (`YYYY-MM-DD`, a day in Japan) as people read them, the same on every screen
 * (issue 19, "Dates"): 2026/12/06 in Japanese, 6 Dec 2026 in English — never day-first digits
 * that an English reader takes for month-first. The day itself is formatted, with no time zone
 * shift; "today" is today in Japan, where the sites are.
 */
import type { Language } from '@shared/locale';

export function formatCalendarDate(date: string, language: Language): string {
  return new Intl.DateTimeFormat(language === 'ja' ? 'ja-JP' : 'en-GB', {
    timeZone: 'UTC',
    year: 'numeric',
    month: language === 'ja' ? '2-digit' : 'short',
    day: language === 'ja' ? '2-digit' : 'numeric',
  }).format(new Date(`${date}T00:00:00Z`));
}

/** Today in Japan time as `YYYY-MM-DD` (the screen's default dates; the main process decides what is overdue). */
export function todayInJapan(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** `YYYY-MM-DD` plus some days. */
export function addDays(date: string, days: number): string {
  const value = new Date(`${date}T00:00:00Z`);
  value.setUTCDate(value.getUTCDate() + days);
  return value.toISOString().slice(0, 10);
}
