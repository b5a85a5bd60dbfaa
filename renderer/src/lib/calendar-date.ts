/**
 * Calendar days (`YYYY-MM-DD`, a day in Japan) for the screens: shown the one way every date is
 * shown (shared/format-date.ts: 2026/12/06, 6 Dec 2026), today in Japan, and day arithmetic.
 */
export { formatCalendarDate, todayInJapan } from '@shared/format-date';

/** `YYYY-MM-DD` plus some days. */
export function addDays(date: string, days: number): string {
  const value = new Date(`${date}T00:00:00Z`);
  value.setUTCDate(value.getUTCDate() + days);
  return value.toISOString().slice(0, 10);
}
