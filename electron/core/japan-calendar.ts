/**
 * Calendar days in Japan time, for everything compared by the day: a ledger return due
 * "on 12 March" is overdue from 00:00 JST on 13 March, an inventory due date, a warranty end.
 * Computed from the instant alone (UTC+9: Japan has had no daylight saving time since 1951),
 * never from the process's time zone, so a laptop set to UTC or Europe/Berlin agrees.
 */
import type { CalendarDate } from '../shared/ledger';
import { addMonths } from './sites/review-schedule';

const JST_OFFSET_MS = 9 * 3_600_000;
const DAY_MS = 86_400_000;

/** The day it is in Japan at this instant. */
export function japanDate(instant: Date | string): CalendarDate {
  const ms = typeof instant === 'string' ? Date.parse(instant) : instant.getTime();
  return new Date(ms + JST_OFFSET_MS).toISOString().slice(0, 10);
}

function dayNumber(date: CalendarDate): number {
  return Date.parse(`${date}T00:00:00Z`) / DAY_MS;
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  return dayNumber(to) - dayNumber(from);
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Calendar months later; a day the month lacks becomes its last day (31 Aug + 6 = 28/29 Feb), as account reviews do. */
export function addCalendarMonths(date: CalendarDate, months: number): CalendarDate {
  return addMonths(new Date(`${date}T00:00:00Z`), months)
    .toISOString()
    .slice(0, 10);
}
