/**
 * What the dashboard must show about the ledger, each judged by the day in Japan: media out
 * past their expected return date, an overdue inventory (7-7), media to migrate before their
 * warranty ends or they reach the configured age (12-5), and media reported lost.
 */
import type { VaultDatabase } from '../../db/open-vault-database';
import type { CalendarDate, LedgerItem, LedgerSettings, LedgerWarnings } from '../../shared/ledger';
import { addCalendarMonths, addDays, daysBetween, japanDate } from '../japan-calendar';
import { readLedgerSettings } from './ledger-settings';
import { listItems } from './ledger-store';

/** A medium due back on `expected` is overdue from the next day in Japan; the count of days late, or 0. */
export function daysOverdue(expected: CalendarDate, today: CalendarDate): number {
  return Math.max(0, daysBetween(expected, today));
}

/** When the next inventory is due: the interval after the last one completed, or after the first item was registered. */
export function nextInventoryDue(
  lastCompletedAt: string | null,
  firstRegisteredAt: string | null,
  intervalMonths: number,
): CalendarDate | null {
  const from = lastCompletedAt ?? firstRegisteredAt;
  return from === null ? null : addCalendarMonths(japanDate(from), intervalMonths);
}

/** Items holding data that should be copied to new media (12-5): warranty ending, or the age reached, within the lead time. */
export function migrationReminders(
  items: readonly LedgerItem[],
  settings: LedgerSettings,
  today: CalendarDate,
): LedgerWarnings['migrationReminders'] {
  const horizon = addDays(today, settings.reminderLeadDays);
  const reminders: LedgerWarnings['migrationReminders'] = [];
  for (const item of items) {
    // Erased, lost and disposed media hold nothing we could still copy.
    if (item.status === 'erased' || item.status === 'lost' || item.status === 'disposed') continue;
    const candidates: Array<{ reason: 'warranty' | 'age'; dueDate: CalendarDate }> = [];
    if (item.warrantyEnd) candidates.push({ reason: 'warranty', dueDate: item.warrantyEnd });
    if (item.purchaseDate)
      candidates.push({ reason: 'age', dueDate: addCalendarMonths(item.purchaseDate, settings.migrationAgeYears * 12) });
    const soonest = candidates.filter((c) => c.dueDate <= horizon).sort((a, b) => a.dueDate.localeCompare(b.dueDate))[0];
    if (soonest)
      reminders.push({
        itemId: item.id,
        label: item.label,
        reason: soonest.reason,
        dueDate: soonest.dueDate,
        daysLeft: daysBetween(today, soonest.dueDate),
      });
  }
  return reminders.sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.label.localeCompare(b.label));
}

export function ledgerWarnings(db: VaultDatabase, now: Date): LedgerWarnings {
  const today = japanDate(now);
  const settings = readLedgerSettings(db);
  const items = listItems(db);
  const overdueCheckouts = items
    .flatMap((item) => {
      const checkout = item.currentCheckout;
      if (!checkout || (item.status !== 'checked-out' && item.status !== 'at-site')) return [];
      const late = daysOverdue(checkout.expectedReturnDate, today);
      return late > 0
        ? [
            {
              itemId: item.id,
              label: item.label,
              custodian: checkout.custodian,
              expectedReturnDate: checkout.expectedReturnDate,
              daysOverdue: late,
            },
          ]
        : [];
    })
    .sort((a, b) => b.daysOverdue - a.daysOverdue || a.label.localeCompare(b.label));
  const lastCompletedAt = (db.prepare('SELECT max(completed_at) FROM ledger_inventories').pluck().get() as string | null) ?? null;
  const firstRegisteredAt =
    (db.prepare("SELECT min(created_at) FROM ledger_items WHERE status <> 'disposed'").pluck().get() as string | null) ?? null;
  const nextDueDate = nextInventoryDue(lastCompletedAt, firstRegisteredAt, settings.inventoryIntervalMonths);
  const inventoryLate = nextDueDate === null ? 0 : daysOverdue(nextDueDate, today);
  return {
    today,
    overdueCheckouts,
    inventory: { lastCompletedAt, nextDueDate, overdue: inventoryLate > 0, daysOverdue: inventoryLate },
    migrationReminders: migrationReminders(items, settings, today),
    lostItems: items.filter((item) => item.status === 'lost').length,
  };
}
