/**
 * Overdue by the Japanese calendar, whatever the laptop's time zone: a medium due back on a
 * day is overdue from 00:00 JST the next day; an inventory due date is the interval after
 * the last one in JST; migration reminders by warranty end and age (12-5). Every case runs
 * under several process time zones, at instants on both sides of JST midnight.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { addCalendarMonths, daysBetween, japanDate } from '../../electron/core/japan-calendar';
import { daysOverdue, migrationReminders, nextInventoryDue } from '../../electron/core/ledger/ledger-warnings';
import { DEFAULT_LEDGER_SETTINGS } from '../../electron/core/ledger/ledger-settings';
import type { LedgerItem } from '../../electron/shared/ledger';

const originalTz = process.env.TZ;
afterAll(() => {
  process.env.TZ = originalTz;
});

// UTC+14, UTC−10, UTC, a zone with summer time, and Japan itself.
const zones = ['Pacific/Kiritimati', 'Pacific/Honolulu', 'UTC', 'Europe/Berlin', 'Asia/Tokyo'];

function item(overrides: Partial<LedgerItem>): LedgerItem {
  return {
    id: 'i',
    label: 'FG-1',
    type: 'usb-memory',
    make: '',
    model: '',
    serial: '',
    capacityBytes: null,
    encryption: 'hardware',
    owner: '',
    storageLocation: '',
    purchaseDate: null,
    warrantyEnd: null,
    notes: '',
    status: 'in-store',
    custodian: '',
    currentCheckout: null,
    erasureCertificate: null,
    disposal: null,
    createdAt: '',
    updatedAt: '',
    ...overrides,
  };
}

describe.each(zones)('with the process in %s', (zone) => {
  it('the day in Japan changes at 15:00 UTC, not at local midnight', () => {
    process.env.TZ = zone;
    // The zone is in effect: local midnight is somewhere else than JST midnight (except in Tokyo).
    expect(new Intl.DateTimeFormat('en', { timeZoneName: 'short' }).resolvedOptions().timeZone).toBe(zone === 'UTC' ? 'UTC' : zone);
    expect(japanDate(new Date('2026-03-12T14:59:59.999Z'))).toBe('2026-03-12');
    expect(japanDate(new Date('2026-03-12T15:00:00.000Z'))).toBe('2026-03-13');
    expect(japanDate('2026-12-31T15:00:00.000Z')).toBe('2027-01-01');
  });

  it('a return due on 12 March is on time until 23:59:59 JST and one day late from 00:00 JST on the 13th', () => {
    process.env.TZ = zone;
    expect(daysOverdue('2026-03-12', japanDate(new Date('2026-03-12T14:59:59Z')))).toBe(0);
    expect(daysOverdue('2026-03-12', japanDate(new Date('2026-03-12T15:00:00Z')))).toBe(1);
    // Across Europe's switch to summer time (29 March 2026) and a leap day: still whole days.
    expect(daysOverdue('2026-03-12', japanDate(new Date('2026-04-01T03:00:00Z')))).toBe(20);
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2);
  });

  it('the next inventory is due the interval after the last one, by its JST date', () => {
    process.env.TZ = zone;
    // Completed 2026-03-31 16:00 UTC = 1 April 01:00 JST: due 1 July, not 30 June.
    expect(nextInventoryDue('2026-03-31T16:00:00Z', null, 3)).toBe('2026-07-01');
    expect(nextInventoryDue(null, '2026-11-30T03:00:00Z', 3)).toBe('2027-02-28');
    expect(nextInventoryDue(null, null, 3)).toBeNull();
  });
});

describe('migration reminders (12-5)', () => {
  const settings = DEFAULT_LEDGER_SETTINGS;

  it('[12-5] reminds from the lead time before the warranty end, counting down to it', () => {
    const withWarranty = item({ warrantyEnd: '2026-06-30' });
    // 91 days before: not yet; 90 days before (the default lead time): reminded.
    expect(migrationReminders([withWarranty], settings, '2026-03-31')).toEqual([]);
    expect(migrationReminders([withWarranty], settings, '2026-04-01')).toEqual([
      { itemId: 'i', label: 'FG-1', reason: 'warranty', dueDate: '2026-06-30', daysLeft: 90 },
    ]);
    expect(migrationReminders([withWarranty], settings, '2026-07-02')[0]?.daysLeft).toBe(-2);
  });

  it('[12-5] reminds by age from the purchase date when that comes first, and never for erased, lost or disposed media', () => {
    const old = item({ purchaseDate: '2021-05-10', warrantyEnd: '2027-01-01' });
    expect(migrationReminders([old], settings, '2026-03-01')).toEqual([
      { itemId: 'i', label: 'FG-1', reason: 'age', dueDate: '2026-05-10', daysLeft: 70 },
    ]);
    for (const status of ['erased', 'lost', 'disposed'] as const)
      expect(migrationReminders([{ ...old, status }], settings, '2026-03-01')).toEqual([]);
    expect(migrationReminders([old], { ...settings, migrationAgeYears: 7 }, '2026-03-01')).toEqual([]);
  });

  it('adds calendar months as the account reviews do: 31 August + 6 months is the end of February', () => {
    expect(addCalendarMonths('2026-08-31', 6)).toBe('2027-02-28');
    expect(addCalendarMonths('2027-08-31', 6)).toBe('2028-02-29');
  });
});
