/**
 * Checks what the engineer entered for a record or signature step against the step's fields:
 * every required field filled (including those required only because of another answer, like
 * the channel of a remote access that was used), each value of its field's type, nothing the
 * template does not know. An account must be one of the run's system's maintenance accounts
 * that is in use (10-3). Times are kept as ISO UTC.
 */
import type { FieldTemplate, FieldValue, StepTemplate } from '../../shared/procedures';
import { AppError } from '../app-error';

const SHA256 = /^[0-9a-f]{64}$/;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

function isEmpty(value: FieldValue | undefined): boolean {
  return value === undefined || value === '' || value === false;
}

function isRequired(field: FieldTemplate, values: Readonly<Record<string, FieldValue>>): boolean {
  return field.required || (field.requiredWhen !== undefined && values[field.requiredWhen.field] === field.requiredWhen.equals);
}

function normalize(field: FieldTemplate, value: FieldValue, accountIds: ReadonlySet<string>): FieldValue {
  const invalid = () => new AppError('PROCEDURE_STEP_INVALID');
  switch (field.type) {
    case 'text':
      if (typeof value !== 'string' || /[\r\n]/.test(value) || value.length > 400) throw invalid();
      return value;
    case 'multiline':
      if (typeof value !== 'string') throw invalid();
      return value;
    case 'datetime':
      if (typeof value !== 'string' || !ISO_TIME.test(value) || Number.isNaN(Date.parse(value))) throw invalid();
      return new Date(value).toISOString();
    case 'choice':
      if (typeof value !== 'string' || !field.options?.includes(value)) throw invalid();
      return value;
    case 'yes':
      if (typeof value !== 'boolean') throw invalid();
      return value;
    case 'account':
      if (typeof value !== 'string' || !accountIds.has(value)) throw invalid();
      return value;
    case 'count':
      if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) throw invalid();
      return value;
    case 'sha256': {
      const hex = typeof value === 'string' ? value.trim().toLowerCase() : '';
      if (!SHA256.test(hex)) throw invalid();
      return hex;
    }
  }
}

/** The values to store, normalized; PROCEDURE_STEP_INVALID when anything is missing, unknown or malformed. */
export function validateStepValues(step: StepTemplate, values: Readonly<Record<string, FieldValue>>, accountIds: ReadonlySet<string>): Record<string, FieldValue> {
  const known = new Map(step.fields.map((f) => [f.id, f]));
  for (const id of Object.keys(values)) if (!known.has(id)) throw new AppError('PROCEDURE_STEP_INVALID');
  const result: Record<string, FieldValue> = {};
  for (const field of step.fields) {
    const value = values[field.id];
    if (isEmpty(value)) {
      // A "yes" that is required means the engineer must confirm it: false does not close the step.
      if (isRequired(field, values)) throw new AppError('PROCEDURE_STEP_INVALID');
      continue;
    }
    result[field.id] = normalize(field, value as FieldValue, accountIds);
  }
  return result;
}
