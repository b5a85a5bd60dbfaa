/**
 * The ledger's lifecycle as the main process enforces it: the rule book is `ledgerStepsFrom` in
 * electron/shared/ledger.ts (the screen reads the same one); here, where each step leads and
 * the refusal of anything else.
 */
import { canTakeLedgerStep, type LedgerStep, type MediumStatus } from '../../shared/ledger';
import { AppError } from '../app-error';

export type { LedgerStep };

/** Where each step leads. */
export const statusAfter: Readonly<Record<Exclude<LedgerStep, 'edit'>, MediumStatus | 'unchanged'>> = {
  checkOut: 'checked-out',
  markAtSite: 'at-site',
  recordPermission: 'unchanged',
  checkIn: 'in-store',
  markLost: 'lost',
  markFound: 'in-store',
  recordErasure: 'erased',
  dispose: 'disposed',
};

export const canTake = canTakeLedgerStep;

/** LEDGER_TRANSITION_NOT_ALLOWED unless the step is allowed from this status. */
export function requireStep(step: LedgerStep, status: MediumStatus): void {
  if (!canTake(step, status)) throw new AppError('LEDGER_TRANSITION_NOT_ALLOWED');
}
