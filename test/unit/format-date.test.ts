/**
 * One date format everywhere (issue 19): yyyy/MM/dd in Japanese, "6 Dec 2026" in English,
 * always the day in Japan; and a typed date read back whatever way a person writes it.
 */
import { describe, expect, it } from 'vitest';
import { formatCalendarDate, formatDate, formatDateTime, parseCalendarDate, todayInJapan } from '../../electron/shared/format-date';

describe('showing dates', () => {
  it('writes an instant as its day and time in Japan, the month in words in English', () => {
    // 23:30 UTC on 5 December is 08:30 on 6 December in Japan.
    expect(formatDateTime('2026-12-05T23:30:00.000Z', 'ja')).toBe('2026/12/06 08:30:00 JST');
    expect(formatDateTime('2026-12-05T23:30:00.000Z', 'en')).toBe('6 Dec 2026 08:30:00 JST');
    expect(formatDate('2026-12-05T23:30:00.000Z', 'ja')).toBe('2026/12/06');
    expect(formatDate('2026-12-05T23:30:00.000Z', 'en')).toBe('6 Dec 2026');
  });

  it('writes a calendar day as that day, with no time zone shift', () => {
    expect(formatCalendarDate('2027-03-06', 'ja')).toBe('2027/03/06');
    expect(formatCalendarDate('2027-03-06', 'en')).toBe('6 Mar 2027');
  });

  it('counts today in Japan', () => {
    expect(todayInJapan(new Date('2026-12-05T15:00:00.000Z'))).toBe('2026-12-06');
    expect(todayInJapan(new Date('2026-12-05T14:59:59.000Z'))).toBe('2026-12-05');
  });
});

describe('reading a typed date', () => {
  it('reads what the fields show and what people type', () => {
    for (const typed of [
      '2026/12/06',
      '2026/12/6',
      '2026-12-06',
      '２０２６／１２／０６',
      '2026年12月6日',
      '6 Dec 2026',
      '06 december 2026',
    ]) {
      expect(parseCalendarDate(typed), typed).toBe('2026-12-06');
    }
  });

  it('refuses what is not a day', () => {
    for (const typed of ['', '2026/13/01', '2026/02/30', '12/06/2026', '6 Foo 2026', 'tomorrow']) {
      expect(parseCalendarDate(typed), typed).toBeNull();
    }
  });

  it('gives back every shown day as the same day', () => {
    for (const day of ['2026-01-01', '2026-02-28', '2028-02-29', '2026-12-31']) {
      expect(parseCalendarDate(formatCalendarDate(day, 'ja'))).toBe(day);
      expect(parseCalendarDate(formatCalendarDate(day, 'en'))).toBe(day);
    }
  });
});
