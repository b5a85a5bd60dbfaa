/**
 * Dates and times as the engineers and the sites read them, the same on every screen, report
 * and CLI line: always Japan time, marked JST; in Japanese 2026/12/06 14:03:00 JST, in English
 * 6 Dec 2026 14:03:00 JST — a month written as a word, because 06/12/2026 reads as 6 December
 * in Britain and 12 June in America.
 */
import { DISPLAY_TIME_ZONE, type Language } from './locale';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

interface DayParts {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

function dayText({ year, month, day }: DayParts, language: Language): string {
  return language === 'ja' ? `${year}/${pad(month)}/${pad(day)}` : `${day} ${MONTHS[month - 1] ?? '?'} ${year}`;
}

/** The calendar day and the time of `instant` in Japan. */
function japanParts(instant: Date): DayParts & { readonly time: string } {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: DISPLAY_TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(instant);
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return {
    year: Number(get('year')),
    month: Number(get('month')),
    day: Number(get('day')),
    time: `${get('hour')}:${get('minute')}:${get('second')}`,
  };
}

/** An instant as a date and time in Japan: "2026/12/06 14:03:00 JST", "6 Dec 2026 14:03:00 JST". */
export function formatDateTime(iso: string, language: Language): string {
  const parts = japanParts(new Date(iso));
  return `${dayText(parts, language)} ${parts.time} JST`;
}

/** The day an instant falls on in Japan: "2026/12/06", "6 Dec 2026". */
export function formatDate(iso: string, language: Language): string {
  return dayText(japanParts(new Date(iso)), language);
}

/** A calendar day `YYYY-MM-DD` (a day, not an instant: no time zone applies) as people read it. */
export function formatCalendarDate(date: string, language: Language): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return date;
  return dayText({ year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) }, language);
}

/** Today in Japan as `YYYY-MM-DD`. */
export function todayInJapan(now: Date = new Date()): string {
  const { year, month, day } = japanParts(now);
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** The time of day of an instant in Japan, `HH:mm`. */
export function timeInJapan(instant: Date): string {
  return japanParts(instant).time.slice(0, 5);
}

/**
 * A day typed by a person, as `YYYY-MM-DD`, or null when it is not one: 2026/12/6, 2026-12-06,
 * 2026年12月6日 or 6 Dec 2026 (what the date fields show, so a shown date can be typed back).
 */
export function parseCalendarDate(text: string): string | null {
  const value = text.normalize('NFKC').trim();
  let parts: DayParts | null = null;
  const numeric = /^(\d{4})\s*[/\-.年]\s*(\d{1,2})\s*[/\-.月]\s*(\d{1,2})\s*日?$/.exec(value);
  if (numeric) parts = { year: Number(numeric[1]), month: Number(numeric[2]), day: Number(numeric[3]) };
  const written = /^(\d{1,2})\s+([A-Za-z]{3})[a-z]*\.?\s+(\d{4})$/.exec(value);
  if (written) {
    const month = MONTHS.findIndex((m) => m.toLowerCase() === written[2]?.toLowerCase());
    if (month >= 0) parts = { year: Number(written[3]), month: month + 1, day: Number(written[1]) };
  }
  if (!parts) return null;
  const check = new Date(Date.UTC(parts.year, parts.month - 1, parts.day));
  if (check.getUTCFullYear() !== parts.year || check.getUTCMonth() !== parts.month - 1 || check.getUTCDate() !== parts.day) return null;
  return `${parts.year}-${pad(parts.month)}-${pad(parts.day)}`;
}

/**
 * A time of day typed by a person, as `HH:mm` on the 24-hour clock, or null when it is not one:
 * 14:03, 9:05, ９：０５ (typed with the Japanese input method on), 14時3分, 14時, or 0905. A 12-hour
 * time ("2:03 PM") is refused rather than guessed, since 2:03 could be either.
 */
export function parseTimeOfDay(text: string): string | null {
  const value = text.normalize('NFKC').trim();
  // Minutes after a colon have two digits, as the field shows them ("9:5" is more likely a slip than 09:05).
  const match =
    /^(\d{1,2})\s*:\s*(\d{2})$/.exec(value) ?? /^(\d{1,2})\s*時(?:\s*(\d{1,2})\s*分)?$/.exec(value) ?? /^(\d{2})(\d{2})$/.exec(value);
  if (!match) return null;
  const hours = Number(match[1]);
  const minutes = Number(match[2] ?? 0);
  if (hours > 23 || minutes > 59) return null;
  return `${pad(hours)}:${pad(minutes)}`;
}
