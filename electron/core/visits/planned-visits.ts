/**
 * Planned visits (issue 19): what may change when, and what the dashboard's "next visit"
 * checklist reads of other features. A plan is edited or cancelled only while it is still a
 * plan; its day is never set in the past (a plan for yesterday is a record, not a plan); its
 * system belongs to its site, and a procedure that needs a system gets one, as when starting a
 * visit. Every change is audited with ids, the day and the procedure — never the purpose or the
 * data to carry, which are the engineer's words.
 */
import { NextVisit, PlannedVisitDraft, type PlannedVisit, type PlannedVisitStatus } from '../../shared/planned-visits';
import { AppError } from '../app-error';
import { japanDate } from '../japan-calendar';
import { itemsOutForPlannedVisit } from '../ledger/ledger-store';
import { accountWarnings } from '../sites/account-store';
import { parseDraft } from '../sites/parse-draft';
import { requireSite } from '../sites/site-store';
import { listSystems, requireSystem } from '../sites/system-store';
import type { VaultDatabase } from '../../db/open-vault-database';
import type { VaultSession } from '../vault/vault-session';
import {
  getPlannedVisitRow,
  insertPlannedVisit,
  listPlannedVisitRows,
  markPlannedVisitCancelled,
  updatePlannedVisit,
  type PlannedVisitRow,
} from './planned-visit-store';
import { getRunRow } from './run-store';
import { templates } from './templates/index';

/** `product / host`, as the visits name a system. */
export function systemLabel(system: { product: string; hostName: string }): string {
  return [system.product, system.hostName].filter(Boolean).join(' / ');
}

function plannedVisitOf(db: VaultDatabase, row: PlannedVisitRow): PlannedVisit {
  const site = requireSite(db, row.siteId);
  const system = row.systemId ? requireSystem(db, row.systemId) : null;
  return {
    id: row.id,
    templateId: row.templateId,
    siteId: row.siteId,
    siteName: site.name,
    department: site.department,
    administrator: site.administrator.name,
    systemId: row.systemId,
    systemName: system ? systemLabel(system) : null,
    date: row.date,
    purpose: row.purpose,
    workOrder: row.workOrder,
    dataToCarry: row.dataToCarry,
    status: row.status,
    runId: row.runId,
    runReference: row.runId ? (getRunRow(db, row.runId)?.reference ?? null) : null,
    cancelReason: row.cancelReason,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

export function requirePlannedVisitRow(db: VaultDatabase, id: string): PlannedVisitRow {
  const row = getPlannedVisitRow(db, id);
  if (!row) throw new AppError('PLANNED_VISIT_NOT_FOUND');
  return row;
}

/** A plan media can still be checked out for and a visit started from: there and not cancelled. */
export function requireOpenPlannedVisit(db: VaultDatabase, id: string): PlannedVisitRow {
  const row = requirePlannedVisitRow(db, id);
  if (row.status === 'cancelled') throw new AppError('PLANNED_VISIT_CLOSED');
  return row;
}

export function getPlannedVisit(session: VaultSession, id: string): PlannedVisit {
  return plannedVisitOf(session.db, requirePlannedVisitRow(session.db, id));
}

export function listPlannedVisits(session: VaultSession, status?: PlannedVisitStatus): PlannedVisit[] {
  return listPlannedVisitRows(session.db, status).map((row) => plannedVisitOf(session.db, row));
}

/** The site, system and procedure agree with each other, as `visits.start` will require. */
function checkPlace(db: VaultDatabase, draft: PlannedVisitDraft): void {
  requireSite(db, draft.siteId);
  if (templates[draft.templateId].needsSystem && draft.systemId === null) throw new AppError('PROCEDURE_SYSTEM_REQUIRED');
  if (draft.systemId !== null && requireSystem(db, draft.systemId).siteId !== draft.siteId) throw new AppError('SYSTEM_NOT_FOUND');
}

/** Creates a plan (no id) or edits one still planned. */
export function savePlannedVisit(session: VaultSession, input: PlannedVisitDraft, now: Date): PlannedVisit {
  const draft = parseDraft(PlannedVisitDraft, input);
  const { db } = session;
  const id = db.transaction(() => {
    checkPlace(db, draft);
    const before = draft.id === undefined ? null : requirePlannedVisitRow(db, draft.id);
    if (before && before.status !== 'planned') throw new AppError('PLANNED_VISIT_CLOSED');
    // An overdue plan may still be edited (its purpose, its media) without moving its day; a new day is never in the past.
    if (draft.date < japanDate(now) && before?.date !== draft.date) throw new AppError('PLANNED_VISIT_DATE_PAST');
    const saved = before ? before.id : insertPlannedVisit(db, draft, now);
    if (before) updatePlannedVisit(db, before.id, draft, now);
    session.audit.append(before ? 'planned-visit.edited' : 'planned-visit.created', session.actor(), {
      plannedVisitId: saved,
      templateId: draft.templateId,
      siteId: draft.siteId,
      systemId: draft.systemId,
      visitDate: draft.date,
    });
    return saved;
  })();
  return getPlannedVisit(session, id);
}

export function cancelPlannedVisit(session: VaultSession, id: string, reason: string, now: Date): PlannedVisit {
  const { db } = session;
  db.transaction(() => {
    const row = requirePlannedVisitRow(db, id);
    if (row.status !== 'planned') throw new AppError('PLANNED_VISIT_CLOSED');
    markPlannedVisitCancelled(db, id, reason.trim(), now);
    // The reason is the engineer's words: the audit log keeps that there was one, the plan keeps the words.
    session.audit.append('planned-visit.cancelled', session.actor(), { plannedVisitId: id, siteId: row.siteId, visitDate: row.date });
  })();
  return getPlannedVisit(session, id);
}

/**
 * The dashboard's next visit: the earliest plan still planned — an overdue one first, because
 * it still waits to be started or cancelled — with the media out for it and its site's
 * account warnings. What is not the visit's own (the self-check, data still held, reports not
 * yet issued) the dashboard reads from those features' own channels.
 */
export function nextVisit(session: VaultSession, now: Date): NextVisit {
  const { db } = session;
  const planned = listPlannedVisitRows(db, 'planned');
  const first = planned[0];
  const today = japanDate(now);
  if (!first) return NextVisit.parse({ visit: null, laterCount: 0, media: [], accounts: { vendorDefaults: 0, reviewsDue: 0 }, today });
  const systems = listSystems(db, first.siteId).map((system) => system.id);
  const warnings = accountWarnings(db, now, systems);
  return {
    visit: plannedVisitOf(db, first),
    laterCount: planned.length - 1,
    media: itemsOutForPlannedVisit(db, first.id).flatMap(({ id, label, status, currentCheckout: out }) =>
      out
        ? [
            {
              itemId: id,
              label,
              status,
              carriesSiteData: out.carriesSiteData,
              permissionRecorded: out.permission !== null,
              expectedReturnDate: out.expectedReturnDate,
            },
          ]
        : [],
    ),
    accounts: { vendorDefaults: warnings.vendorDefaults, reviewsDue: warnings.reviewsDue },
    today,
  };
}
