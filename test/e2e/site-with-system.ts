/**
 * A site with one system from the vendor's standard profile, saved through the bridge as the
 * screens would save them, for the specs whose subject is something done at a site (the Sites
 * screens themselves are sites.spec.ts's). Fields a spec does not name are left blank.
 */
import type { Page } from '@playwright/test';
import { invokeFromPage as call } from './harness';

export interface SiteToSave {
  readonly name: string;
  readonly department?: string;
  readonly address?: string;
  readonly administrator: { readonly name: string; readonly title?: string; readonly phone?: string; readonly mail?: string };
}

export interface SystemToSave {
  readonly product: string;
  readonly version: string;
  readonly serial: string;
  readonly hostName: string;
}

/** Saves the site, then its system with the standard ports and data locations; returns both ids. */
export async function saveSiteWithSystem(
  page: Page,
  site: SiteToSave,
  system: SystemToSave,
): Promise<{ site: { id: string }; system: { id: string } }> {
  const { administrator } = site;
  const saved = await call<{ id: string }>(page, 'sites.save', {
    site: {
      name: site.name,
      department: site.department ?? '',
      address: site.address ?? '',
      administrator: {
        name: administrator.name,
        title: administrator.title ?? '',
        phone: administrator.phone ?? '',
        mail: administrator.mail ?? '',
      },
      otherContacts: [],
      notes: '',
    },
  });
  const profile = await call<{ ports: unknown[]; dataLocations: unknown[] }>(page, 'systems.defaultProfile', {});
  const savedSystem = await call<{ id: string }>(page, 'systems.save', { system: { siteId: saved.id, ...system, ...profile } });
  return { site: saved, system: savedSystem };
}
