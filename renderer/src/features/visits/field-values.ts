/**
 * A record (or signature) step's form values while they are edited, their check before
 * anything is sent, and the request values. The rules are the shared rule book
 * (`visit-step-fields.ts`), the same ones the engine applies: a required field filled, a
 * required "yes" ticked, a field required only when another has a given value (`requiredWhen`)
 * shown and required only then, each value of its type. Times are typed in Japan time and
 * sent as ISO.
 */
import type { FieldValue } from '@shared/visits';
import {
  blankProblem,
  fieldDraftSchema,
  isFieldBlank,
  isFieldRequired,
  isFieldShown,
  jstLocal,
  type FieldContext,
  type FieldDraftValue,
} from '@shared/visit-step-fields';
import { dynamicKey, type TextKey } from '../../i18n/text-key';
import type { FieldTemplate } from './use-visits';

export type DraftValue = FieldDraftValue;
export type Draft = Readonly<Record<string, DraftValue>>;

/** Whether a field is on the form now: a `requiredWhen` field only while its condition holds. */
export const isShown: (field: FieldTemplate, draft: Draft) => boolean = isFieldShown;

export function initialDraft(fields: readonly FieldTemplate[], now: Date): Draft {
  return Object.fromEntries(
    fields.map((field) => [field.id, field.type === 'yes' ? false : field.type === 'datetime' ? jstLocal(now) : '']),
  );
}

/** What is wrong with each field, as an i18n key; empty when the form may be sent. */
export function checkDraft(fields: readonly FieldTemplate[], draft: Draft, context: FieldContext): Record<string, TextKey> {
  // The shared rule book names its problems as plain strings (the engine reads them too).
  const problems: Record<string, TextKey> = {};
  for (const field of fields) {
    if (!isShown(field, draft)) continue;
    const value = draft[field.id];
    if (value === undefined || isFieldBlank(value)) {
      if (isFieldRequired(field, draft)) problems[field.id] = dynamicKey(blankProblem(field));
      continue;
    }
    const parsed = fieldDraftSchema(field, context).safeParse(value);
    if (!parsed.success) problems[field.id] = dynamicKey(parsed.error.issues[0]?.message ?? 'visits.form.problems.required');
  }
  return problems;
}

/** The request's values: shown fields that were filled, each read as its type (a field `checkDraft` refuses is left out). */
export function valuesOf(fields: readonly FieldTemplate[], draft: Draft, context: FieldContext): Record<string, FieldValue> {
  const values: Record<string, FieldValue> = {};
  for (const field of fields) {
    const value = draft[field.id];
    if (!isShown(field, draft) || value === undefined || isFieldBlank(value)) continue;
    const parsed = fieldDraftSchema(field, context).safeParse(value);
    if (parsed.success) values[field.id] = parsed.data;
  }
  return values;
}
