/** Every procedure template, by id. A new template is a new file and a new line here (and its texts). */
import type { ProcedureTemplate, TemplateId } from '../../../shared/procedures';
import { decommissioning } from './decommissioning';
import { incidentResponse } from './incident-response';
import { maintenanceVisit } from './maintenance-visit';

export const templates: Readonly<Record<TemplateId, ProcedureTemplate>> = {
  'maintenance-visit': maintenanceVisit,
  decommissioning,
  'incident-response': incidentResponse,
};
