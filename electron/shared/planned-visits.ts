/**
 * The `plannedVisits.*` channels: visits planned before the trip, like work orders (issue 19).
 * A planned visit names the site, the system, the day, the purpose and the data the site has
 * agreed may be carried away, so that media can be checked out for it, the dashboard can say
 * what to prepare, and the visit procedure starts from it with its site and system already
 * chosen. Once started it points at its run and no longer changes; a cancelled one keeps its
 * reason. Creating, editing and cancelling are audited with ids and dates only: the purpose and
 * the data to carry are the engineer's words and may name patients.
 */
import { z } from 'zod';
import { defineChannel, noRequest } from './ipc/define';
import { CalendarDate, MediumStatus } from './ledger';
import { Line, Text } from './text-fields';
import { TemplateId } from './visits';

export const plannedVisitErrorCodes = [
  'PLANNED_VISIT_NOT_FOUND',
  // Started or cancelled: it is a record now, not a plan.
  'PLANNED_VISIT_CLOSED',
  'PLANNED_VISIT_DATE_PAST',
  // The visit was asked to start at another site, system or procedure than planned.
  'PLANNED_VISIT_MISMATCH',
  'SITE_HAS_PLANNED_VISITS',
] as const;

export const plannedVisitAuditEventTypes = ['planned-visit.created', 'planned-visit.edited', 'planned-visit.cancelled'] as const;

export const plannedVisitStatuses = ['planned', 'started', 'cancelled'] as const;
export const PlannedVisitStatus = z.enum(plannedVisitStatuses);
export type PlannedVisitStatus = z.infer<typeof PlannedVisitStatus>;

const Id = z.uuid();

/** What the engineer types: a new plan has no id; editing one names it. */
export const PlannedVisitDraft = z
  .object({
    id: Id.optional(),
    templateId: TemplateId,
    siteId: Id,
    /** Required for a maintenance visit and a decommissioning, as when starting one. */
    systemId: Id.nullable(),
    date: CalendarDate,
    purpose: Text(500).min(1),
    /** The company's work-order number, when there is one. */
    workOrder: Line(100),
    /** The data the site's administrator has agreed may be carried away (7-1, 7-2); blank when none. */
    dataToCarry: Text(1000),
  })
  .strict();
export type PlannedVisitDraft = z.infer<typeof PlannedVisitDraft>;

export const PlannedVisit = z.object({
  id: z.string(),
  templateId: TemplateId,
  siteId: z.string(),
  siteName: z.string(),
  department: z.string(),
  /** The site's system administrator as on record: who gives the permission and countersigns. */
  administrator: z.string(),
  systemId: z.string().nullable(),
  systemName: z.string().nullable(),
  date: CalendarDate,
  purpose: z.string(),
  workOrder: z.string(),
  dataToCarry: z.string(),
  status: PlannedVisitStatus,
  /** The visit started from it, once started. */
  runId: z.string().nullable(),
  runReference: z.string().nullable(),
  cancelReason: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type PlannedVisit = z.infer<typeof PlannedVisit>;

/** A medium checked out for the planned visit and not back yet. */
export const MediumForVisit = z.object({
  itemId: z.string(),
  label: z.string(),
  status: MediumStatus,
  carriesSiteData: z.boolean(),
  permissionRecorded: z.boolean(),
  expectedReturnDate: CalendarDate,
});
export type MediumForVisit = z.infer<typeof MediumForVisit>;

/** What the dashboard's "next visit" checklist needs that belongs to that visit alone. */
export const NextVisit = z.object({
  /** The earliest planned visit not yet started or cancelled (overdue ones first), or null. */
  visit: PlannedVisit.nullable(),
  /** How many plans wait after it. */
  laterCount: z.number().int().nonnegative(),
  media: z.array(MediumForVisit),
  /** The site's maintenance accounts still on a vendor default password (8-5) and past their review (14-7). */
  accounts: z.object({ vendorDefaults: z.number().int().nonnegative(), reviewsDue: z.number().int().nonnegative() }),
  /** Today in Japan time, as the main process counts it. */
  today: CalendarDate,
});
export type NextVisit = z.infer<typeof NextVisit>;

export const plannedVisitsChannels = {
  'plannedVisits.list': defineChannel({
    request: z.object({ status: PlannedVisitStatus.optional() }).strict(),
    response: z.object({ visits: z.array(PlannedVisit) }),
  }),
  'plannedVisits.get': defineChannel({ request: z.object({ id: Id }).strict(), response: PlannedVisit }),
  /** Creates a plan (no id) or edits one still planned. */
  'plannedVisits.save': defineChannel({ request: z.object({ visit: PlannedVisitDraft }).strict(), response: PlannedVisit }),
  'plannedVisits.cancel': defineChannel({ request: z.object({ id: Id, reason: Text(1000).min(1) }).strict(), response: PlannedVisit }),
  'plannedVisits.next': defineChannel({ request: noRequest, response: NextVisit }),
};
