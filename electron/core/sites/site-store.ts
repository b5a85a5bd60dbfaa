/**
 * The hospitals and clinics an engineer services, above all who their system administrator
 * is: the person who permits data to leave (7-1, 7-2), watches the work and countersigns.
 * Saves and removals are audited; a site that still has systems is not removed.
 */
import { randomUUID } from 'node:crypto';
import type { VaultDatabase } from '../../db/open-vault-database';
import { Contact, Site, SiteDraft } from '../../shared/sites';
import { AppError } from '../app-error';
import { siteHasPlannedVisits } from '../visits/planned-visit-store';
import { siteHasRuns } from '../visits/run-store';
import type { VaultSession } from '../vault/vault-session';
import { parseDraft } from './parse-draft';

interface SiteRow {
  readonly id: string;
  readonly name: string;
  readonly department: string;
  readonly address: string;
  readonly administrator: string;
  readonly other_contacts: string;
  readonly notes: string;
}

function siteOf(row: SiteRow): Site {
  return {
    id: row.id,
    name: row.name,
    department: row.department,
    address: row.address,
    administrator: Contact.parse(JSON.parse(row.administrator)),
    otherContacts: Contact.array().parse(JSON.parse(row.other_contacts)),
    notes: row.notes,
  };
}

export function listSites(db: VaultDatabase): Site[] {
  return (db.prepare('SELECT * FROM sites ORDER BY name, id').all() as SiteRow[]).map(siteOf);
}

export function getSite(db: VaultDatabase, id: string): Site | null {
  const row = db.prepare('SELECT * FROM sites WHERE id = ?').get(id) as SiteRow | undefined;
  return row ? siteOf(row) : null;
}

export function requireSite(db: VaultDatabase, id: string): Site {
  const site = getSite(db, id);
  if (!site) throw new AppError('SITE_NOT_FOUND');
  return site;
}

/** Creates a site (no id) or updates one (its id); SITE_NOT_FOUND for an id that is not there. */
export function saveSite(session: VaultSession, input: SiteDraft, now: Date): Site {
  const draft = parseDraft(SiteDraft, input);
  const { db } = session;
  const created = draft.id === undefined;
  const id = draft.id ?? randomUUID();
  const time = now.toISOString();
  db.transaction(() => {
    const values = [
      draft.name,
      draft.department,
      draft.address,
      JSON.stringify(draft.administrator),
      JSON.stringify(draft.otherContacts),
      draft.notes,
      time,
    ];
    if (created) {
      db.prepare(
        'INSERT INTO sites (name, department, address, administrator, other_contacts, notes, updated_at, id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
      ).run(...values, id, time);
    } else {
      const changed = db
        .prepare(
          'UPDATE sites SET name = ?, department = ?, address = ?, administrator = ?, other_contacts = ?, notes = ?, updated_at = ? WHERE id = ?',
        )
        .run(...values, id).changes;
      if (changed === 0) throw new AppError('SITE_NOT_FOUND');
    }
    session.audit.append('site.saved', session.actor(), { siteId: id, name: draft.name, created });
  })();
  return requireSite(db, id);
}

/** False when there was no such site; SITE_HAS_SYSTEMS while systems are registered there. */
export function removeSite(session: VaultSession, id: string): boolean {
  const { db } = session;
  return db.transaction(() => {
    const site = getSite(db, id);
    if (!site) return false;
    if (db.prepare('SELECT 1 FROM systems WHERE site_id = ? LIMIT 1').get(id)) throw new AppError('SITE_HAS_SYSTEMS');
    // Visits, decommissionings and incidents are records of what happened there: they keep their site.
    if (siteHasRuns(db, id)) throw new AppError('SITE_HAS_PROCEDURES');
    if (siteHasPlannedVisits(db, id)) throw new AppError('SITE_HAS_PLANNED_VISITS');
    db.prepare('DELETE FROM sites WHERE id = ?').run(id);
    session.audit.append('site.removed', session.actor(), { siteId: id, name: site.name });
    return true;
  })();
}
