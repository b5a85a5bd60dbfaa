/**
 * The `sites.*`, `systems.*` and `accounts.*` channels (10-3, 14-2, 8-5, 14-7): the hospitals
 * and clinics an engineer services, the vendor systems installed there with their port and
 * data-location profile (GUIDELINE.md §5, editable per site), and the dedicated maintenance
 * accounts of each system. An account's password is kept encrypted in the vault and crosses
 * IPC only when the engineer asks to see it; copying it goes through the main process, which
 * clears the clipboard again after 30 seconds. Secrets never appear in logs or audit details.
 */
import { z } from 'zod';
import { defineChannel, noRequest } from './ipc/define';
import { Line, Text } from './text-fields';

export const sitesErrorCodes = [
  'SITE_NOT_FOUND',
  'SITE_HAS_SYSTEMS',
  'SYSTEM_NOT_FOUND',
  'SYSTEM_HAS_ACCOUNTS',
  'SITE_HAS_PROCEDURES',
  'SYSTEM_HAS_PROCEDURES',
  'ACCOUNT_NOT_FOUND',
  'ACCOUNT_NO_SECRET',
  'ACCOUNT_REVIEW_INCOMPLETE',
] as const;

const Id = z.uuid();

export const Contact = z
  .object({
    name: Line(100),
    title: Line(100),
    phone: Line(40),
    mail: Line(200),
  })
  .strict();

export const Site = z
  .object({
    id: Id,
    /** The hospital or clinic. */
    name: Line(200).min(1),
    department: Line(200),
    address: Text(400),
    /** The site's system administrator: the person who permits, watches and countersigns. */
    administrator: Contact,
    otherContacts: z.array(Contact).max(20),
    notes: Text(2000),
  })
  .strict();
export type Site = z.infer<typeof Site>;

export const PortRule = z
  .object({
    direction: z.enum(['inbound', 'outbound']),
    port: z.number().int().min(1).max(65535),
    use: Line(200),
    /** Optional ports (the image viewer's 80/808/8080) may be off at a site. */
    enabled: z.boolean(),
  })
  .strict();

export const DataLocation = z
  .object({
    path: Line(400).min(1),
    holds: Line(200),
  })
  .strict();

export const SiteSystem = z
  .object({
    id: Id,
    siteId: Id,
    product: Line(200).min(1),
    version: Line(100),
    serial: Line(100),
    hostName: Line(255),
    /** One rule per direction and port. */
    ports: z
      .array(PortRule)
      .max(100)
      .refine((rules) => new Set(rules.map((r) => `${r.direction}:${r.port}`)).size === rules.length, { message: 'duplicate port' }),
    /** One entry per location (Windows paths: case does not make two). */
    dataLocations: z
      .array(DataLocation)
      .max(100)
      .refine((locations) => new Set(locations.map((l) => l.path.toLowerCase())).size === locations.length, {
        message: 'duplicate location',
      }),
  })
  .strict();
export type SiteSystem = z.infer<typeof SiteSystem>;

/** An account as listed: never its secret. */
export const MaintenanceAccount = z
  .object({
    id: Id,
    systemId: Id,
    userName: Line(200).min(1),
    hasSecret: z.boolean(),
    /** A vendor-default password still in use (8-5): a warning stays on the dashboard until it is changed. */
    vendorDefault: z.boolean(),
    disabled: z.boolean(),
    /** When the password was last set, ISO UTC; null when none is stored. */
    lastChangedAt: z.string().nullable(),
    /** When this account is next due for review, ISO UTC. */
    nextReviewAt: z.string(),
  })
  .strict();
export type MaintenanceAccount = z.infer<typeof MaintenanceAccount>;

export const PasswordRules = z
  .object({
    length: z.number().int().min(12).max(64),
    lower: z.boolean(),
    upper: z.boolean(),
    digits: z.boolean(),
    /** Only symbols at the same place on Japanese (JIS) and US keyboards, so a password typed at a site's console works. */
    symbols: z.boolean(),
  })
  .strict()
  .refine((rules) => rules.lower || rules.upper || rules.digits || rules.symbols, { message: 'no character set' });
export type PasswordRules = z.infer<typeof PasswordRules>;

export const reviewDecisions = ['keep', 'disable', 'delete'] as const;
export const ReviewDecision = z.object({ accountId: Id, decision: z.enum(reviewDecisions), note: Text(500) }).strict();
export type ReviewDecision = z.infer<typeof ReviewDecision>;

export const AccountReview = z.object({
  id: z.string(),
  reviewedAt: z.string(),
  reviewer: z.string(),
  decisions: z.array(
    z.object({
      accountId: z.string(),
      userName: z.string(),
      site: z.string(),
      system: z.string(),
      decision: z.enum(reviewDecisions),
      note: z.string(),
    }),
  ),
});
export type AccountReview = z.infer<typeof AccountReview>;

export const AccountWarnings = z.object({
  /** Accounts flagged as still using a vendor-default password (8-5). */
  vendorDefaults: z.number().int().nonnegative(),
  /** Accounts whose review date has passed (14-7). */
  reviewsDue: z.number().int().nonnegative(),
  /** When the next review is due (the earliest), or null without accounts. */
  nextReviewAt: z.string().nullable(),
});
export type AccountWarnings = z.infer<typeof AccountWarnings>;

export const SiteDraft = Site.omit({ id: true }).extend({ id: Id.optional() });
export type SiteDraft = z.infer<typeof SiteDraft>;
export const SystemDraft = SiteSystem.omit({ id: true }).extend({ id: Id.optional() });
export type SystemDraft = z.infer<typeof SystemDraft>;

export const AccountDraft = z
  .object({
    id: Id.optional(),
    systemId: Id,
    userName: Line(200).min(1),
    secret: z.string().min(1).max(256).optional(),
    vendorDefault: z.boolean(),
    disabled: z.boolean().optional(),
  })
  .strict();
export type AccountDraft = z.infer<typeof AccountDraft>;

/** Seconds until the clipboard is cleared after a password is copied (if it still holds it). */
export const CLIPBOARD_CLEAR_SECONDS = 30;

export const sitesChannels = {
  'sites.list': defineChannel({ request: noRequest, response: z.object({ sites: z.array(Site) }) }),
  'sites.save': defineChannel({ request: z.object({ site: SiteDraft }).strict(), response: Site }),
  'sites.remove': defineChannel({ request: z.object({ id: Id }).strict(), response: z.object({ removed: z.boolean() }) }),
  /** The vendor system's standard profile (GUIDELINE §5): ports and data locations to start a new system from. */
  'systems.defaultProfile': defineChannel({ request: noRequest, response: SiteSystem.pick({ ports: true, dataLocations: true }) }),
  'systems.list': defineChannel({
    request: z.object({ siteId: Id.optional() }).strict(),
    response: z.object({ systems: z.array(SiteSystem) }),
  }),
  'systems.save': defineChannel({ request: z.object({ system: SystemDraft }).strict(), response: SiteSystem }),
  'systems.remove': defineChannel({ request: z.object({ id: Id }).strict(), response: z.object({ removed: z.boolean() }) }),
  'accounts.list': defineChannel({
    request: z.object({ systemId: Id.optional() }).strict(),
    response: z.object({ accounts: z.array(MaintenanceAccount) }),
  }),
  /** Creates or updates an account; `secret` sets a new password (omit to keep the stored one). */
  'accounts.save': defineChannel({ request: AccountDraft, response: MaintenanceAccount }),
  'accounts.remove': defineChannel({ request: z.object({ id: Id }).strict(), response: z.object({ removed: z.boolean() }) }),
  /** Shows the password, on request, while unlocked; audited without the password. */
  'accounts.reveal': defineChannel({ request: z.object({ id: Id }).strict(), response: z.object({ secret: z.string() }) }),
  /** Copies the password to the clipboard in the main process; cleared after `clearsInSeconds` if unchanged. */
  'accounts.copySecret': defineChannel({ request: z.object({ id: Id }).strict(), response: z.object({ clearsInSeconds: z.number() }) }),
  'accounts.generatePassword': defineChannel({ request: PasswordRules, response: z.object({ password: z.string() }) }),
  'accounts.warnings': defineChannel({ request: noRequest, response: AccountWarnings }),
  /** The periodic account review (14-7, default every 6 months): every account across sites needs a decision. */
  'accounts.recordReview': defineChannel({
    request: z.object({ decisions: z.array(ReviewDecision).min(1).max(10_000) }).strict(),
    response: AccountReview,
  }),
  'accounts.reviews': defineChannel({ request: noRequest, response: z.object({ reviews: z.array(AccountReview) }) }),
};
