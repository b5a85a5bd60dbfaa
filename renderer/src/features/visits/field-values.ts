/**
 * A record (or signature) step's form values while they are edited, their check with zod
 * before anything is sent, and the request values. The rules are the engine's
 * (`step-values.ts`): a required field filled, a required "yes" ticked, a field required
 * only when another has a given value (`requiredWhen`) shown and required only then, each
 * value of its type. Times are typed in Japan time and sent as ISO with +09:00.
 */
import { z } from 'zod';
import type { FieldValue } from '@shared/procedures';
import type { FieldTemplate } from './use-visits';

export type DraftValue = string | boolean;
export type Draft = Readonly<Record<string, DraftValue>>;

const JST_OFFSET_MS = 9 * 60 * 60 * 1000;

/** `YYYY-MM-DDTHH:mm` in Japan time, as a datetime-local input shows it. */
export function jstLocal(date: Date): string {
  return new Date(date.getTime() + JST_OFFSET_MS).toISOString().slice(0, 16);
}

/** A datetime-local value read as Japan time, as ISO 8601 with its offset. */
export function isoFromJstLocal(local: string): string {
  return `${local.length === 16 ? `${local}:00` : local}+09:00`;
}

const LOCAL_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/;
const SHA256 = /^[0-9a-fA-F]{64}$/;

/** Whether a field is on the form now: a `requiredWhen` field only while its condition holds. */
export function isShown(field: FieldTemplate, draft: Draft): boolean {
  return field.requiredWhen === undefined || draft[field.requiredWhen.field] === field.requiredWhen.equals;
}

function isRequired(field: FieldTemplate, draft: Draft): boolean {
  return field.required || (field.requiredWhen !== undefined && draft[field.requiredWhen.field] === field.requiredWhen.equals);
}

export function initialDraft(fields: readonly FieldTemplate[], now: Date): Draft {
  return Object.fromEntries(fields.map((field) => [field.id, field.type === 'yes' ? false : field.type === 'datetime' ? jstLocal(now) : '']));
}

/** The zod schema of one field's typed value (an i18n key as each message). */
function schemaOf(field: FieldTemplate, options: { accountIds: ReadonlySet<string> }) {
  const key = (problem: string) => `visits.form.problems.${problem}`;
  switch (field.type) {
    case 'text':
      return z.string().trim().max(400, key('tooLong')).regex(/^[^\r\n]*$/, key('oneLine'));
    case 'multiline':
      return z.string().trim().max(4000, key('tooLong'));
    case 'datetime':
      return z.string().regex(LOCAL_DATETIME, key('datetime')).refine((v) => !Number.isNaN(Date.parse(isoFromJstLocal(v))), key('datetime'));
    case 'choice':
      return z.string().refine((v) => field.options?.includes(v) ?? false, key('choice'));
    case 'yes':
      return z.literal(true, { error: key('yes') });
    case 'account':
      return z.string().refine((v) => options.accountIds.has(v), key('account'));
    case 'count':
      return z.string().trim().normalize('NFKC').regex(/^\d{1,15}$/, key('count'));
    case 'sha256':
      return z.string().trim().regex(SHA256, key('sha256'));
  }
}

function isEmpty(value: DraftValue | undefined): boolean {
  return value === undefined || value === false || (typeof value === 'string' && value.trim() === '');
}

/** What is wrong with each field, as an i18n key; empty when the form may be sent. */
export function checkDraft(fields: readonly FieldTemplate[], draft: Draft, options: { accountIds: ReadonlySet<string> }): Record<string, string> {
  const problems: Record<string, string> = {};
  for (const field of fields) {
    if (!isShown(field, draft)) continue;
    const value = draft[field.id];
    if (isEmpty(value)) {
      if (isRequired(field, draft)) problems[field.id] = field.type === 'yes' ? 'visits.form.problems.yes' : field.type === 'choice' || field.type === 'account' ? 'visits.form.problems.choose' : 'visits.form.problems.required';
      continue;
    }
    const parsed = schemaOf(field, options).safeParse(value);
    if (!parsed.success) problems[field.id] = parsed.error.issues[0]?.message ?? 'visits.form.problems.required';
  }
  return problems;
}

/** The request's values: shown fields that were filled, each as its type. */
export function valuesOf(fields: readonly FieldTemplate[], draft: Draft): Record<string, FieldValue> {
  const values: Record<string, FieldValue> = {};
  for (const field of fields) {
    const value = draft[field.id];
    if (!isShown(field, draft) || isEmpty(value) || value === undefined) continue;
    if (field.type === 'yes') values[field.id] = value === true;
    else if (typeof value !== 'string') continue;
    else if (field.type === 'count') values[field.id] = Number(value.normalize('NFKC').trim());
    else if (field.type === 'datetime') values[field.id] = isoFromJstLocal(value);
    else if (field.type === 'sha256') values[field.id] = value.trim().toLowerCase();
    else values[field.id] = value.trim();
  }
  return values;
}
