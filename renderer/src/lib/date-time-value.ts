/**
 * The value of a date-and-time field, `YYYY-MM-DDTHH:mm` in Japan time (what the visit records
 * and the ledger's permission carry, the shape Chromium's datetime-local input used to give),
 * split into the day the DatePicker edits and the time typed beside it, and joined back only
 * when both are whole: a day without a time, or a time that is not one, is no value at all.
 */
import { parseTimeOfDay } from '@shared/format-date';

const VALUE = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The day and the time of a value; both '' when there is none. */
export function splitDateTime(value: string): { readonly day: string; readonly time: string } {
  const match = VALUE.exec(value);
  return match ? { day: match[1] ?? '', time: match[2] ?? '' } : { day: '', time: '' };
}

/** The value for a day (`YYYY-MM-DD`) and a typed time, or '' unless both are whole. */
export function joinDateTime(day: string, timeText: string): string {
  const time = parseTimeOfDay(timeText);
  return DAY.test(day) && time !== null ? `${day}T${time}` : '';
}
