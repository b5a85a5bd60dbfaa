/**
 * Small builders for the procedure templates, so that each template reads as its list of
 * steps — kind, guideline items, required or not — without repeating the defaults. Every
 * step's and field's words live in `electron/shared/i18n/visit-texts.{ja,en}.json`, keyed by
 * template, step and field id; a test checks that no id is without its texts.
 */
import type { AutomaticCheck, FieldTemplate, FieldType, VisitTemplate, StepTemplate } from '../../../shared/visits';

type StepOptions = Partial<Pick<StepTemplate, 'required' | 'notApplicable' | 'attachments' | 'fields'>>;

function step(id: string, kind: StepTemplate['kind'], items: string[], options: StepOptions = {}, check?: AutomaticCheck): StepTemplate {
  return {
    id,
    kind,
    items,
    required: options.required ?? true,
    notApplicable: options.notApplicable ?? false,
    fields: options.fields ?? [],
    attachments: options.attachments ?? (kind === 'evidence' ? 'required' : 'none'),
    ...(check ? { check } : {}),
  };
}

export const confirm = (id: string, items: string[], options?: StepOptions) => step(id, 'confirm', items, options);
export const record = (id: string, items: string[], fields: FieldTemplate[], options?: StepOptions) =>
  step(id, 'record', items, { ...options, fields });
export const evidence = (id: string, items: string[], options?: StepOptions) => step(id, 'evidence', items, options);
export const signature = (id: string, items: string[], fields: FieldTemplate[] = [], options?: StepOptions) =>
  step(id, 'signature', items, { ...options, fields });
export const automatic = (id: string, items: string[], check: AutomaticCheck, options?: StepOptions) =>
  step(id, 'automatic', items, options, check);

export function field(id: string, type: FieldType, options: Partial<Omit<FieldTemplate, 'id' | 'type'>> = {}): FieldTemplate {
  return {
    id,
    type,
    required: options.required ?? true,
    ...(options.options ? { options: options.options } : {}),
    ...(options.requiredWhen ? { requiredWhen: options.requiredWhen } : {}),
  };
}

/** "When, who, what": how the incident-response and decommissioning steps record an action (18-1, E.3). */
export const whenWhoWhat = (): FieldTemplate[] => [field('at', 'datetime'), field('by', 'text'), field('details', 'multiline')];

export function defineTemplate(template: Omit<VisitTemplate, 'items'>): VisitTemplate {
  const ids = template.steps.map((s) => s.id);
  if (new Set(ids).size !== ids.length) throw new Error(`template ${template.id}: duplicate step id`);
  const items = [...new Set(template.steps.flatMap((s) => s.items))];
  return Object.freeze({ ...template, items });
}
