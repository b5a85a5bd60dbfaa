/**
 * The site form's values while they are edited, and their check. Lengths come from the IPC
 * contract's schema (`Site`), so the form accepts exactly what the main process will.
 */
import { Contact, Site as SiteSchema } from '@shared/sites';
import type { Site, SiteDraft } from './use-sites';
import type { TextKey } from '../../i18n/text-key';

export interface SiteFormValues {
  readonly name: string;
  readonly department: string;
  readonly address: string;
  readonly adminName: string;
  readonly adminTitle: string;
  readonly adminPhone: string;
  readonly adminMail: string;
  readonly notes: string;
}

export type SiteField = keyof SiteFormValues;

export const siteMaxLength: Readonly<Record<SiteField, number>> = {
  name: SiteSchema.shape.name.maxLength ?? 200,
  department: SiteSchema.shape.department.maxLength ?? 200,
  address: SiteSchema.shape.address.maxLength ?? 400,
  adminName: Contact.shape.name.maxLength ?? 100,
  adminTitle: Contact.shape.title.maxLength ?? 100,
  adminPhone: Contact.shape.phone.maxLength ?? 40,
  adminMail: Contact.shape.mail.maxLength ?? 200,
  notes: SiteSchema.shape.notes.maxLength ?? 2000,
};

export const emptySite: SiteFormValues = {
  name: '',
  department: '',
  address: '',
  adminName: '',
  adminTitle: '',
  adminPhone: '',
  adminMail: '',
  notes: '',
};

export function valuesOf(site: Site): SiteFormValues {
  return {
    name: site.name,
    department: site.department,
    address: site.address,
    adminName: site.administrator.name,
    adminTitle: site.administrator.title,
    adminPhone: site.administrator.phone,
    adminMail: site.administrator.mail,
    notes: site.notes,
  };
}

/** What is wrong with each field, as an i18n key; empty when the form may be saved. */
export function checkSite(values: SiteFormValues): Partial<Record<SiteField, TextKey>> {
  const problems: Partial<Record<SiteField, TextKey>> = {};
  if (values.name.trim() === '') problems.name = 'sites.form.nameRequired';
  const mail = values.adminMail.trim();
  // The contract takes any text; a mistyped address is caught here, where it can still be fixed.
  if (mail !== '' && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(mail)) problems.adminMail = 'sites.form.mailInvalid';
  return problems;
}

/** The request for `sites.save`; other contacts recorded elsewhere (the CLI, a later version) are kept as they were. */
export function draftOf(values: SiteFormValues, existing: Site | null): SiteDraft {
  return {
    ...(existing ? { id: existing.id } : {}),
    name: values.name.trim(),
    department: values.department.trim(),
    address: values.address.trim(),
    administrator: {
      name: values.adminName.trim(),
      title: values.adminTitle.trim(),
      phone: values.adminPhone.trim(),
      mail: values.adminMail.trim(),
    },
    otherContacts: existing?.otherContacts ?? [],
    notes: values.notes.trim(),
  };
}
