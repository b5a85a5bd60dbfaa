/**
 * Data goes into a visit's vault folder only with the site's permission (7-2: "no import into
 * the vault without it"): while the run's permission step is open the import is refused, and a
 * completed or abandoned visit takes no more data. Folders that are not a run's reference are
 * the engineer's own business.
 */
import { AppError } from '../app-error';
import type { VaultSession } from '../vault/vault-session';
import { closedSteps, findRunByReference } from './run-store';
import { templates } from './templates/index';

export function guardVisitImport(session: VaultSession, collection: string): void {
  const run = findRunByReference(session.db, collection.trim());
  if (!run) return;
  if (run.status !== 'in-progress') throw new AppError('PROCEDURE_RUN_CLOSED');
  const needsPermission = templates[run.templateId].steps.some((s) => s.id === 'permission');
  if (needsPermission && !closedSteps(session.db, run.id).has('permission')) throw new AppError('PROCEDURE_PERMISSION_REQUIRED');
}
