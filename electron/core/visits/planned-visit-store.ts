/**
 * The `planned_visits` table: plans of visits, kept apart from the runs they become so that a
 * run's own records stay exactly as the procedure wrote them. Only this module names the
 * table (electron/db/table-owners.ts); the rules of what may change when live in
 * `planned-visits.ts`, and the database refuses any change to a started or cancelled plan.
 */
import { randomUUID } from 'node:crypto';
import type { VaultDatabase } from '../../db/open-vault-database';
import type { PlannedVisitDraft, PlannedVisitStatus } from '../../shared/planned-visits';
import type { TemplateId } from '../../shared/visits';

export interface PlannedVisitRow {
  readonly id: string;
  readonly templateId: TemplateId;
  readonly siteId: string;
  readonly systemId: string | null;
  readonly date: string;
  readonly purpose: string;
  readonly workOrder: string;
  readonly dataToCarry: string;
  readonly status: PlannedVisitStatus;
  readonly runId: string | null;
  readonly cancelReason: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
}

const COLUMNS = `id, template_id AS templateId, site_id AS siteId, system_id AS systemId, visit_date AS date, purpose,
  work_order AS workOrder, data_to_carry AS dataToCarry, status, run_id AS runId, cancel_reason AS cancelReason,
  created_at AS createdAt, updated_at AS updatedAt`;

type PlanValues = Omit<PlannedVisitDraft, 'id'>;

export function insertPlannedVisit(db: VaultDatabase, plan: PlanValues, now: Date): string {
  const id = randomUUID();
  const time = now.toISOString();
  db.prepare(
    `INSERT INTO planned_visits (id, template_id, site_id, system_id, visit_date, purpose, work_order, data_to_carry, status, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'planned', ?, ?)`,
  ).run(id, plan.templateId, plan.siteId, plan.systemId, plan.date, plan.purpose, plan.workOrder, plan.dataToCarry, time, time);
  return id;
}

export function updatePlannedVisit(db: VaultDatabase, id: string, plan: PlanValues, now: Date): void {
  db.prepare(
    `UPDATE planned_visits SET template_id = ?, site_id = ?, system_id = ?, visit_date = ?, purpose = ?, work_order = ?, data_to_carry = ?,
       updated_at = ? WHERE id = ?`,
  ).run(plan.templateId, plan.siteId, plan.systemId, plan.date, plan.purpose, plan.workOrder, plan.dataToCarry, now.toISOString(), id);
}

export function markPlannedVisitStarted(db: VaultDatabase, id: string, runId: string, now: Date): void {
  db.prepare("UPDATE planned_visits SET status = 'started', run_id = ?, updated_at = ? WHERE id = ?").run(runId, now.toISOString(), id);
}

export function markPlannedVisitCancelled(db: VaultDatabase, id: string, reason: string, now: Date): void {
  db.prepare("UPDATE planned_visits SET status = 'cancelled', cancel_reason = ?, updated_at = ? WHERE id = ?").run(
    reason,
    now.toISOString(),
    id,
  );
}

export function getPlannedVisitRow(db: VaultDatabase, id: string): PlannedVisitRow | null {
  return (db.prepare(`SELECT ${COLUMNS} FROM planned_visits WHERE id = ?`).get(id) as PlannedVisitRow | undefined) ?? null;
}

export function plannedVisitOfRun(db: VaultDatabase, runId: string): PlannedVisitRow | null {
  return (db.prepare(`SELECT ${COLUMNS} FROM planned_visits WHERE run_id = ?`).get(runId) as PlannedVisitRow | undefined) ?? null;
}

/** Plans by day, the earliest first (the order the engineer will make them in). */
export function listPlannedVisitRows(db: VaultDatabase, status?: PlannedVisitStatus): PlannedVisitRow[] {
  return (
    status
      ? db.prepare(`SELECT ${COLUMNS} FROM planned_visits WHERE status = ? ORDER BY visit_date, created_at, id`).all(status)
      : db.prepare(`SELECT ${COLUMNS} FROM planned_visits ORDER BY visit_date, created_at, id`).all()
  ) as PlannedVisitRow[];
}

/** Whether a site (or one of its systems) has plans: they keep their site and system, as runs do. */
export function siteHasPlannedVisits(db: VaultDatabase, siteId: string): boolean {
  return db.prepare('SELECT 1 FROM planned_visits WHERE site_id = ? LIMIT 1').get(siteId) !== undefined;
}

export function systemHasPlannedVisits(db: VaultDatabase, systemId: string): boolean {
  return db.prepare('SELECT 1 FROM planned_visits WHERE system_id = ? LIMIT 1').get(systemId) !== undefined;
}
