/**
 * Every procedure template. A new template is a new file and a new line here (and its texts).
 * A changed template gets a new version and the old one stays listed: a run is always read with
 * the steps it was started with, so its report still says what was done.
 */
import type { VisitTemplate, TemplateId } from '../../../shared/visits';
import { AppError } from '../../app-error';
import { decommissioning } from './decommissioning';
import { incidentResponse } from './incident-response';
import { maintenanceVisit } from './maintenance-visit';

/** The version a new run starts with. */
export const templates: Readonly<Record<TemplateId, VisitTemplate>> = {
  'maintenance-visit': maintenanceVisit,
  decommissioning,
  'incident-response': incidentResponse,
};

/** Every version that runs may have been started with (older ones are kept here when a template changes). */
const everyVersion: readonly VisitTemplate[] = [...Object.values(templates)];

export function templateVersion(id: TemplateId, version: number): VisitTemplate {
  const template = everyVersion.find((t) => t.id === id && t.version === version);
  if (!template) throw new AppError('PROCEDURE_TEMPLATE_NOT_FOUND');
  return template;
}
