/**
 * One date format everywhere (issue 19): yyyy/MM/dd in Japanese, "6 Dec 2026" in English,
 * always the day in Japan; and a typed date or time read back whatever way a person writes it.
 */
import { describe, expect, it } from 'vitest';
import {
  formatCalendarDate,
  formatDate,
  formatDateTime,
  parseCalendarDate,
  parseTimeOfDay,
  todayInJapan,
} from '../../electron/shared/format-date';
import { isoFromJstLocal } from '../../electron/shared/visit-step-fields';
import { joinDateTime, splitDateTime } from '../../renderer/src/lib/date-time-value';

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

describe('reading a typed time of day (the date-and-time fields, issue 19)', () => {
  it('reads the 24-hour clock however it is typed, as HH:mm', () => {
    const cases: [string, string][] = [
      ['14:03', '14:03'],
      ['9:05', '09:05'],
      [' 09:05 ', '09:05'],
      ['９：０５', '09:05'],
      ['14時3分', '14:03'],
      ['14時', '14:00'],
      ['0905', '09:05'],
      ['0:00', '00:00'],
      ['23:59', '23:59'],
    ];
    for (const [typed, time] of cases) expect(parseTimeOfDay(typed), typed).toBe(time);
  });

  it('refuses what is not a time rather than guessing', () => {
    for (const typed of ['', '24:00', '12:60', '9:5', '2:03 PM', '14.03', '905', 'noon', '14:03:30']) {
      expect(parseTimeOfDay(typed), typed).toBeNull();
    }
  });
});

describe('the value of a date-and-time field', () => {
  it('joins a day and a typed time into Japan time YYYY-MM-DDTHH:mm, and splits it back', () => {
    expect(joinDateTime('2026-12-06', '9:05')).toBe('2026-12-06T09:05');
    expect(splitDateTime('2026-12-06T09:05')).toEqual({ day: '2026-12-06', time: '09:05' });
    expect(isoFromJstLocal(joinDateTime('2026-12-06', '０９：０５'))).toBe('2026-12-06T09:05:00+09:00');
  });

  it('gives no value while the day or the time is missing or not one', () => {
    expect(joinDateTime('', '14:03')).toBe('');
    expect(joinDateTime('2026-12-06', '')).toBe('');
    expect(joinDateTime('2026-12-06', '25:00')).toBe('');
    expect(splitDateTime('')).toEqual({ day: '', time: '' });
  });
});
