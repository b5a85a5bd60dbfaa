/**
 * Checks what the engineer entered for a record or signature step against the step's fields:
 * every required field filled (including those required only because of another answer, like
 * the channel of a remote access that was used), each value of its field's type, nothing the
 * template does not know. An account must be one of the run's system's maintenance accounts
 * that is in use (10-3). Times are kept as ISO UTC. The rules themselves are the shared
 * `visit-step-fields.ts`, which the screen's form checks too.
 */
import type { FieldValue, StepTemplate } from '../../shared/visits';
import { fieldValueSchema, isFieldBlank, isFieldRequired } from '../../shared/visit-step-fields';
import { AppError } from '../app-error';

/** The values to store, normalized; PROCEDURE_STEP_INVALID when anything is missing, unknown or malformed. */
export function validateStepValues(
  step: StepTemplate,
  values: Readonly<Record<string, FieldValue>>,
  accountIds: ReadonlySet<string>,
): Record<string, FieldValue> {
  const known = new Map(step.fields.map((f) => [f.id, f]));
  for (const id of Object.keys(values)) if (!known.has(id)) throw new AppError('PROCEDURE_STEP_INVALID');
  const result: Record<string, FieldValue> = {};
  for (const field of step.fields) {
    const value = values[field.id];
    if (isFieldBlank(value)) {
      if (isFieldRequired(field, values)) throw new AppError('PROCEDURE_STEP_INVALID');
      continue;
    }
    const parsed = fieldValueSchema(field, { accountIds }).safeParse(value);
    if (!parsed.success) throw new AppError('PROCEDURE_STEP_INVALID');
    result[field.id] = parsed.data;
  }
  return result;
}
