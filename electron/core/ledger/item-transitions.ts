/**
 * Which step each status allows: the one rule book for the ledger's lifecycle. A disposed
 * medium is gone (no step at all); a medium out with someone cannot be checked out again,
 * erased or disposed before it is back; losing it is its own step from any status in which
 * we still had it, because the incident-response procedure starts there.
 */
import type { MediumStatus } from '../../shared/ledger';
import { AppError } from '../app-error';

export type LedgerStep = 'checkOut' | 'markAtSite' | 'recordPermission' | 'checkIn' | 'markLost' | 'markFound' | 'recordErasure' | 'dispose';

const allowedFrom: Readonly<Record<LedgerStep, readonly MediumStatus[]>> = {
  checkOut: ['in-store', 'erased'],
  markAtSite: ['checked-out'],
  recordPermission: ['checked-out', 'at-site'],
  checkIn: ['checked-out', 'at-site'],
  markLost: ['in-store', 'checked-out', 'at-site', 'erased'],
  markFound: ['lost'],
  recordErasure: ['in-store', 'erased'],
  dispose: ['in-store', 'erased'],
};

/** Where each step leads. */
export const statusAfter: Readonly<Record<LedgerStep, MediumStatus | 'unchanged'>> = {
  checkOut: 'checked-out',
  markAtSite: 'at-site',
  recordPermission: 'unchanged',
  checkIn: 'in-store',
  markLost: 'lost',
  markFound: 'in-store',
  recordErasure: 'erased',
  dispose: 'disposed',
};

export function canTake(step: LedgerStep, status: MediumStatus): boolean {
  return allowedFrom[step].includes(status);
}

/** LEDGER_TRANSITION_NOT_ALLOWED unless the step is allowed from this status. */
export function requireStep(step: LedgerStep, status: MediumStatus): void {
  if (!canTake(step, status)) throw new AppError('LEDGER_TRANSITION_NOT_ALLOWED');
}
