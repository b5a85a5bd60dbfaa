/**
 * The ledger's lifecycle rules, every step against every status: what a person can and
 * cannot do with a medium in each state (a disposed medium takes no step; one that is out
 * cannot be checked out again, erased or disposed before it is back).
 */
import { describe, expect, it } from 'vitest';
import { AppError } from '../../electron/core/app-error';
import { canTake, requireStep, statusAfter, type LedgerStep } from '../../electron/core/ledger/item-transitions';
import { mediumStatuses, type MediumStatus } from '../../electron/shared/ledger';

const expected: Record<LedgerStep, MediumStatus[]> = {
  checkOut: ['in-store', 'erased'],
  markAtSite: ['checked-out'],
  recordPermission: ['checked-out', 'at-site'],
  checkIn: ['checked-out', 'at-site'],
  markLost: ['in-store', 'checked-out', 'at-site', 'erased'],
  markFound: ['lost'],
  recordErasure: ['in-store', 'erased'],
  dispose: ['in-store', 'erased'],
  // Editing the record: anything but a disposed medium, whose record is the evidence.
  edit: ['in-store', 'checked-out', 'at-site', 'lost', 'erased'],
};

describe('ledger status transitions', () => {
  for (const [step, allowed] of Object.entries(expected) as Array<[LedgerStep, MediumStatus[]]>) {
    it(`${step} is allowed from ${allowed.join(', ')} and nothing else`, () => {
      expect(mediumStatuses.filter((status) => canTake(step, status))).toEqual(allowed);
    });
  }

  it('a disposed medium takes no step at all', () => {
    for (const step of Object.keys(expected) as LedgerStep[]) {
      expect(() => requireStep(step, 'disposed')).toThrow(new AppError('LEDGER_TRANSITION_NOT_ALLOWED'));
    }
  });

  it('an item cannot be checked out twice, or while at a site or lost', () => {
    for (const status of ['checked-out', 'at-site', 'lost'] as const) expect(() => requireStep('checkOut', status)).toThrow(AppError);
    expect(statusAfter.checkOut).toBe('checked-out');
  });

  it('loss is reachable from every status in which we still had the medium, and only found again leads out of it', () => {
    expect(
      mediumStatuses.filter((status) => status !== 'lost' && status !== 'disposed').every((status) => canTake('markLost', status)),
    ).toBe(true);
    const stepsFromLost = (Object.keys(expected) as LedgerStep[]).filter((step) => canTake(step, 'lost'));
    expect(stepsFromLost).toEqual(['markFound', 'edit']);
    expect(statusAfter.markFound).toBe('in-store');
  });
});
