/**
 * The vendor systems installed at a site (product, version, serial, server host name) with
 * their own copy of the §5 profile — ports and data locations as this site has them, which a
 * decommissioning (E.3) and the visit's firewall check work from. Saves and removals are
 * audited; a system that still has maintenance accounts is not removed.
 */
import { randomUUID } from 'node:crypto';
import type { VaultDatabase } from '../../db/open-vault-database';
import { SiteSystem, SystemDraft } from '../../shared/sites';
import { AppError } from '../app-error';
import { systemHasPlannedVisits } from '../visits/planned-visit-store';
import { systemHasRuns } from '../visits/run-store';
import type { VaultSession } from '../vault/vault-session';
import { parseDraft } from './parse-draft';
import { requireSite } from './site-store';

interface SystemRow {
  readonly id: string;
  readonly site_id: string;
  readonly product: string;
  readonly version: string;
  readonly serial: string;
  readonly host_name: string;
  readonly ports: string;
  readonly data_locations: string;
}

const Profile = SiteSystem.pick({ ports: true, dataLocations: true });

function systemOf(row: SystemRow): SiteSystem {
  const profile = Profile.parse({ ports: JSON.parse(row.ports) as unknown, dataLocations: JSON.parse(row.data_locations) as unknown });
  return {
    id: row.id,
    siteId: row.site_id,
    product: row.product,
    version: row.version,
    serial: row.serial,
    hostName: row.host_name,
    ...profile,
  };
}

/** Every system, or a site's (SITE_NOT_FOUND for a site that is not there). */
export function listSystems(db: VaultDatabase, siteId?: string): SiteSystem[] {
  if (siteId === undefined) return (db.prepare('SELECT * FROM systems ORDER BY product, id').all() as SystemRow[]).map(systemOf);
  requireSite(db, siteId);
  return (db.prepare('SELECT * FROM systems WHERE site_id = ? ORDER BY product, id').all(siteId) as SystemRow[]).map(systemOf);
}

export function getSystem(db: VaultDatabase, id: string): SiteSystem | null {
  const row = db.prepare('SELECT * FROM systems WHERE id = ?').get(id) as SystemRow | undefined;
  return row ? systemOf(row) : null;
}

export function requireSystem(db: VaultDatabase, id: string): SiteSystem {
  const system = getSystem(db, id);
  if (!system) throw new AppError('SYSTEM_NOT_FOUND');
  return system;
}

/** Creates a system (no id) or updates one, possibly moving it to another site of the vault. */
export function saveSystem(session: VaultSession, input: SystemDraft, now: Date): SiteSystem {
  const draft = parseDraft(SystemDraft, input);
  const { db } = session;
  const created = draft.id === undefined;
  const id = draft.id ?? randomUUID();
  const time = now.toISOString();
  db.transaction(() => {
    requireSite(db, draft.siteId);
    const values = [
      draft.siteId,
      draft.product,
      draft.version,
      draft.serial,
      draft.hostName,
      JSON.stringify(draft.ports),
      JSON.stringify(draft.dataLocations),
      time,
    ];
    if (created) {
      db.prepare(
        'INSERT INTO systems (site_id, product, version, serial, host_name, ports, data_locations, updated_at, id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      ).run(...values, id, time);
    } else {
      const changed = db
        .prepare(
          'UPDATE systems SET site_id = ?, product = ?, version = ?, serial = ?, host_name = ?, ports = ?, data_locations = ?, updated_at = ? WHERE id = ?',
        )
        .run(...values, id).changes;
      if (changed === 0) throw new AppError('SYSTEM_NOT_FOUND');
    }
    session.audit.append('system.saved', session.actor(), { systemId: id, siteId: draft.siteId, product: draft.product, created });
  })();
  return requireSystem(db, id);
}

/** False when there was no such system; SYSTEM_HAS_ACCOUNTS while maintenance accounts are registered for it. */
export function removeSystem(session: VaultSession, id: string): boolean {
  const { db } = session;
  return db.transaction(() => {
    const system = getSystem(db, id);
    if (!system) return false;
    if (db.prepare('SELECT 1 FROM maintenance_accounts WHERE system_id = ? LIMIT 1').get(id)) throw new AppError('SYSTEM_HAS_ACCOUNTS');
    if (systemHasRuns(db, id)) throw new AppError('SYSTEM_HAS_PROCEDURES');
    if (systemHasPlannedVisits(db, id)) throw new AppError('SITE_HAS_PLANNED_VISITS');
    db.prepare('DELETE FROM systems WHERE id = ?').run(id);
    session.audit.append('system.removed', session.actor(), { systemId: id, siteId: system.siteId, product: system.product });
    return true;
  })();
}
