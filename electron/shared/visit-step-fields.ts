/**
 * The one rule book of a visit step's fields (record and signature steps): which types a field
 * has, when a field is shown and required, and what each type accepts. The IPC contract takes
 * its field and value schemas from here, the engine checks what arrives with
 * `fieldValueSchema` before storing it, and the screen checks what the engineer types with
 * `fieldDraftSchema` — the same zod rules behind both, so the form cannot let through what the
 * engine then refuses, nor refuse what it would take.
 *
 * Each rule's message is the screen's i18n key (`visits.form.problems.*`); the engine does not
 * show it and answers PROCEDURE_STEP_INVALID for any of them.
 */
import { z } from 'zod';
import { Text } from './text-fields';

export const fieldTypes = ['text', 'multiline', 'datetime', 'choice', 'yes', 'account', 'count', 'sha256'] as const;
export type FieldType = (typeof fieldTypes)[number];

/** One field of a record (or signature) step. Labels come from the texts by `templateId.stepId.fieldId`. */
export const FieldTemplate = z.object({
  id: z.string(),
  type: z.enum(fieldTypes),
  required: z.boolean(),
  /** For `choice`: the option ids (their labels are texts too). */
  options: z.array(z.string()).optional(),
  /** Required only when another field has this value (e.g. the channel of a remote access that was used). */
  requiredWhen: z.object({ field: z.string(), equals: z.string() }).optional(),
});
export type FieldTemplate = z.infer<typeof FieldTemplate>;

/** A stored (or sent) value: text, a whole number, or a yes/no. */
export const FieldValue = z.union([Text(4000), z.number().int().min(0).max(1e15), z.boolean()]);
export type FieldValue = z.infer<typeof FieldValue>;

/** What the form holds while it is edited: the inputs' strings, and checkboxes. */
export type FieldDraftValue = string | boolean;

/** What the rules need besides the field: the maintenance accounts of the run's system that are in use (10-3). */
export interface FieldContext {
  readonly accountIds: ReadonlySet<string>;
}

const problem = (name: string) => `visits.form.problems.${name}`;

const MAX_LINE = 400;
const MAX_MULTILINE = 4000;
/** ISO 8601 with its offset: a time without one would be read in whatever zone the reader is in. */
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;
/** What a datetime-local input gives: Japan time without an offset. */
const LOCAL_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/;
const JST_OFFSET_MS = 9 * 60 * 60 * 1000;

/** `YYYY-MM-DDTHH:mm` in Japan time, as a datetime-local input shows it. */
export function jstLocal(date: Date): string {
  return new Date(date.getTime() + JST_OFFSET_MS).toISOString().slice(0, 16);
}

/** A datetime-local value read as Japan time, as ISO 8601 with its offset. */
export function isoFromJstLocal(local: string): string {
  return `${local.length === 16 ? `${local}:00` : local}+09:00`;
}

/** Whether a field is on the form now: a `requiredWhen` field only while its condition holds. */
export function isFieldShown(field: FieldTemplate, values: Readonly<Record<string, unknown>>): boolean {
  return field.requiredWhen === undefined || values[field.requiredWhen.field] === field.requiredWhen.equals;
}

/** Required always, or because another field has the value that makes it so. */
export function isFieldRequired(field: FieldTemplate, values: Readonly<Record<string, unknown>>): boolean {
  return field.required || (field.requiredWhen !== undefined && values[field.requiredWhen.field] === field.requiredWhen.equals);
}

/**
 * Nothing entered: absent, blank, or an unticked "yes" — a required "yes" means the engineer
 * must confirm it, so false does not fill it.
 */
export function isFieldBlank(value: unknown): boolean {
  return value === undefined || value === false || (typeof value === 'string' && value.trim() === '');
}

/** The problem of a required field left blank: tick it, choose one, or fill it in. */
export function blankProblem(field: FieldTemplate): string {
  if (field.type === 'yes') return problem('yes');
  return field.type === 'choice' || field.type === 'account' ? problem('choose') : problem('required');
}

/** A count: a whole number, not negative. */
const COUNT_VALUE = z.number({ error: problem('count') }).refine((v) => Number.isSafeInteger(v) && v >= 0, problem('count'));
/** A "yes" that is filled in is ticked. */
const YES_VALUE = z.literal(true, { error: problem('yes') });

/** The rule of a field whose value is a string. */
function stringValueSchema(
  type: Exclude<FieldType, 'yes' | 'count'>,
  field: FieldTemplate,
  context: FieldContext,
): z.ZodType<string, string> {
  switch (type) {
    case 'text':
      return z
        .string()
        .max(MAX_LINE, problem('tooLong'))
        .regex(/^[^\r\n]*$/, problem('oneLine'));
    case 'multiline':
      return z.string().max(MAX_MULTILINE, problem('tooLong'));
    case 'datetime':
      return z
        .string()
        .regex(ISO_TIME, problem('datetime'))
        .refine((v) => !Number.isNaN(Date.parse(v)), problem('datetime'))
        .transform((v) => new Date(v).toISOString());
    case 'choice':
      return z.string().refine((v) => field.options?.includes(v) ?? false, problem('choice'));
    case 'account':
      return z.string().refine((v) => context.accountIds.has(v), problem('account'));
    case 'sha256':
      return z
        .string()
        .trim()
        .toLowerCase()
        .regex(/^[0-9a-f]{64}$/, problem('sha256'));
  }
}

/** What a filled-in field's value must be, as sent and stored; the output is the value to store (a time in UTC, a hash in lower case). */
export function fieldValueSchema(field: FieldTemplate, context: FieldContext): z.ZodType<FieldValue> {
  if (field.type === 'yes') return YES_VALUE;
  if (field.type === 'count') return COUNT_VALUE;
  return stringValueSchema(field.type, field, context);
}

/**
 * What the form's input must be, read into the value to send: text trimmed, a count typed
 * with full-width digits read as a number, a Japan-time datetime-local given its +09:00 —
 * then the same rules as `fieldValueSchema`.
 */
export function fieldDraftSchema(field: FieldTemplate, context: FieldContext): z.ZodType<FieldValue> {
  switch (field.type) {
    case 'yes':
      return YES_VALUE;
    case 'count':
      return z
        .string()
        .trim()
        .normalize('NFKC')
        .regex(/^\d{1,15}$/, problem('count'))
        .transform(Number)
        .pipe(COUNT_VALUE);
    case 'datetime':
      return z
        .string()
        .regex(LOCAL_DATETIME, problem('datetime'))
        .transform(isoFromJstLocal)
        .pipe(stringValueSchema('datetime', field, context));
    case 'text':
    case 'multiline':
    case 'choice':
    case 'account':
    case 'sha256':
      return z
        .string()
        .trim()
        .pipe(stringValueSchema(field.type, field, context));
  }
}
