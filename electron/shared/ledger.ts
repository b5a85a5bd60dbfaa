/**
 * The `ledger.*` channels (7-7, 7-1, 7-2, 7-10, 12-3, 12-5): the ledger of every portable
 * medium and device that may hold medical information — the laptop itself, USB memory,
 * external disks, SD cards, optical discs — with who holds each one now, its check-outs and
 * returns (with the site administrator's permission when it carries data out of a site), the
 * regular inventory (棚卸) with its signed report, erasure (linked to its erasure certificate),
 * disposal, and the reminders: overdue returns, an overdue inventory, media to migrate before
 * they age out (12-5).
 *
 * Times are ISO-8601 UTC. Calendar dates a person types or reads as a day (purchase date,
 * warranty end, expected return date, inventory due date) are `YYYY-MM-DD` in Japan time: a
 * medium due back "on 12 March" is overdue from 00:00 JST on 13 March, wherever the laptop's
 * clock is set.
 */
import { z } from 'zod';
import { SavedFile } from './app';
import { defineChannel, noRequest } from './ipc/define';
import { Line, Text } from './text-fields';

export const ledgerErrorCodes = [
  'LEDGER_ITEM_NOT_FOUND',
  'LEDGER_LABEL_TAKEN',
  /** The item's status does not allow this step (a disposed item checked out, a second check-out, …). */
  'LEDGER_TRANSITION_NOT_ALLOWED',
  /** Carrying data out of a site needs the site administrator's permission (7-1, 7-2). */
  'LEDGER_PERMISSION_REQUIRED',
  'LEDGER_RETURN_DATE_PAST',
  'LEDGER_CERTIFICATE_NOT_FOUND',
  'LEDGER_CERTIFICATE_NOT_ERASURE',
  'LEDGER_INVENTORY_NOT_FOUND',
  'LEDGER_INVENTORY_OPEN',
  'LEDGER_INVENTORY_CLOSED',
  'LEDGER_INVENTORY_INCOMPLETE',
  'LEDGER_INVENTORY_EMPTY',
  'LEDGER_ITEM_NOT_IN_INVENTORY',
] as const;

/** What the audit log records of the ledger: ids, labels and statuses, never notes or people's data. */
export const ledgerAuditEventTypes = [
  'ledger.item-saved',
  'ledger.checked-out',
  'ledger.at-site',
  'ledger.permission-recorded',
  'ledger.checked-in',
  /** Kept apart from every other step: the incident-response procedure (issue 7) starts from it. */
  'ledger.item-lost',
  'ledger.item-found',
  'ledger.item-erased',
  'ledger.item-disposed',
  'ledger.settings-changed',
  'ledger.inventory-started',
  'ledger.inventory-confirmed',
  'ledger.inventory-completed',
  'ledger.exported',
] as const;

const Id = z.uuid();

/** A day in Japan time, `YYYY-MM-DD`, that exists in the calendar (no 2026-02-30). */
export const CalendarDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine(
    (value) => {
      const date = new Date(`${value}T00:00:00Z`);
      return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
    },
    { message: 'not a calendar date' },
  );
export type CalendarDate = z.infer<typeof CalendarDate>;

/** An instant a person gives (e.g. when permission was granted), with its offset; stored and returned in UTC. */
const Instant = z.iso.datetime({ offset: true });

export const mediumTypes = ['laptop', 'usb-memory', 'external-hdd', 'external-ssd', 'sd-card', 'optical-disc', 'other'] as const;
export const MediumType = z.enum(mediumTypes);
export type MediumType = z.infer<typeof MediumType>;

/** How the medium protects what is on it at rest (7-3). */
export const encryptionStates = ['hardware', 'software', 'none', 'unknown'] as const;
export const EncryptionState = z.enum(encryptionStates);
export type EncryptionState = z.infer<typeof EncryptionState>;

/**
 * in-store: kept in the store, available; checked-out: with an engineer; at-site: left at (or
 * working inside) a site during a visit; lost: reported lost (the incident procedure starts
 * here); erased: verified erased, with its certificate, available again; disposed: gone for good.
 */
export const mediumStatuses = ['in-store', 'checked-out', 'at-site', 'lost', 'erased', 'disposed'] as const;
export const MediumStatus = z.enum(mediumStatuses);
export type MediumStatus = z.infer<typeof MediumStatus>;

/** The state a medium comes back in. `holds-data`: it still holds medical information and must be erased. */
export const returnStates = ['good', 'damaged', 'holds-data'] as const;
export const ReturnState = z.enum(returnStates);
export type ReturnState = z.infer<typeof ReturnState>;

export const disposalMethods = ['physical-destruction', 'degaussing', 'disposal-contractor', 'returned-to-lessor', 'other'] as const;
export const DisposalMethod = z.enum(disposalMethods);
export type DisposalMethod = z.infer<typeof DisposalMethod>;

/** The site administrator's permission to carry data out of the site (7-1, 7-2). */
export const Permission = z
  .object({
    /** The site's system administrator who permitted it. */
    administrator: Line(100).min(1),
    /** When they permitted it (any offset in, UTC out). */
    grantedAt: Instant,
  })
  .strict();
export type Permission = z.infer<typeof Permission>;

export const Checkout = z.object({
  id: z.string(),
  itemId: z.string(),
  checkedOutAt: z.string(),
  /** Who took it: the medium's custodian until it is returned. */
  custodian: z.string(),
  purpose: z.string(),
  /** The visit it belongs to, once the visits feature links them; null until then. */
  visitId: z.string().nullable(),
  /** The visit in the engineer's words (a site and a date, a work order number). */
  visitReference: z.string(),
  /** The planned visit it was checked out for (issue 19), or null for a check-out described in words only. */
  plannedVisitId: z.string().nullable(),
  /** Whether it carries data out of a site; then `permission` is set. */
  carriesSiteData: z.boolean(),
  permission: z.object({ administrator: z.string(), grantedAt: z.string() }).nullable(),
  expectedReturnDate: CalendarDate,
  atSiteSince: z.string().nullable(),
  returnedAt: z.string().nullable(),
  returnedBy: z.string().nullable(),
  returnState: ReturnState.nullable(),
  returnNote: z.string(),
});
export type Checkout = z.infer<typeof Checkout>;

export const Disposal = z.object({
  disposedAt: z.string(),
  disposedBy: z.string(),
  method: DisposalMethod,
  /** Always true: a disposal is recorded only once someone confirmed nothing readable remains (7-10). */
  noReadableDataConfirmed: z.literal(true),
  note: z.string(),
});
export type Disposal = z.infer<typeof Disposal>;

/**
 * Which step each status allows: the one rule book for the ledger's lifecycle, read by the main
 * process (which refuses anything else) and by the screen (which offers only these). A disposed
 * medium is gone (no step at all, not even editing: its record is the evidence); a medium out
 * with someone cannot be checked out again, erased or disposed before it is back; losing it is
 * its own step from any status in which we still had it, because the incident response starts there.
 */
export const ledgerStepsFrom = {
  checkOut: ['in-store', 'erased'],
  markAtSite: ['checked-out'],
  recordPermission: ['checked-out', 'at-site'],
  checkIn: ['checked-out', 'at-site'],
  markLost: ['in-store', 'checked-out', 'at-site', 'erased'],
  markFound: ['lost'],
  recordErasure: ['in-store', 'erased'],
  dispose: ['in-store', 'erased'],
  edit: ['in-store', 'checked-out', 'at-site', 'lost', 'erased'],
} as const satisfies Record<string, readonly MediumStatus[]>;
export type LedgerStep = keyof typeof ledgerStepsFrom;

export function canTakeLedgerStep(step: LedgerStep, status: MediumStatus): boolean {
  return (ledgerStepsFrom[step] as readonly MediumStatus[]).includes(status);
}

export const LedgerItem = z.object({
  id: z.string(),
  /** The asset number written on the medium; unique in the ledger. */
  label: z.string(),
  type: MediumType,
  make: z.string(),
  model: z.string(),
  serial: z.string(),
  capacityBytes: z.number().int().nonnegative().nullable(),
  encryption: EncryptionState,
  /** Who is responsible for it (管理責任者). */
  owner: z.string(),
  /** Where it is kept while in store. */
  storageLocation: z.string(),
  purchaseDate: CalendarDate.nullable(),
  warrantyEnd: CalendarDate.nullable(),
  notes: z.string(),
  status: MediumStatus,
  /** Who holds it now: the engineer who checked it out, or the storage location. */
  custodian: z.string(),
  /** The open check-out (checked-out, at-site, or lost while out), else null. */
  currentCheckout: Checkout.nullable(),
  erasureCertificate: z.object({ id: z.string(), number: z.string(), linkedAt: z.string() }).nullable(),
  disposal: Disposal.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type LedgerItem = z.infer<typeof LedgerItem>;

/** What a person edits of an item; status and custody change only through the audited steps. */
export const LedgerItemDraft = z
  .object({
    id: Id.optional(),
    label: Line(60).min(1),
    type: MediumType,
    make: Line(100),
    model: Line(200),
    serial: Line(100),
    capacityBytes: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER).nullable(),
    encryption: EncryptionState,
    owner: Line(100),
    storageLocation: Line(200),
    purchaseDate: CalendarDate.nullable(),
    warrantyEnd: CalendarDate.nullable(),
    notes: Text(2000),
  })
  .strict();
export type LedgerItemDraft = z.infer<typeof LedgerItemDraft>;

export const CheckOutRequest = z
  .object({
    itemId: Id,
    custodian: Line(100).min(1),
    purpose: Text(500).min(1),
    visitId: Line(100).min(1).optional(),
    visitReference: Line(200),
    /** A planned visit instead of (or beside) the reference in words. */
    plannedVisitId: Id.optional(),
    expectedReturnDate: CalendarDate,
    carriesSiteData: z.boolean(),
    permission: Permission.optional(),
  })
  .strict();
export type CheckOutRequest = z.infer<typeof CheckOutRequest>;

export const CheckInRequest = z.object({ itemId: Id, returnedBy: Line(100).min(1), state: ReturnState, note: Text(1000) }).strict();
export type CheckInRequest = z.infer<typeof CheckInRequest>;

export const DisposeRequest = z
  .object({
    itemId: Id,
    disposedBy: Line(100).min(1),
    method: DisposalMethod,
    /** The person confirms that nothing readable remains (7-10); a disposal without it is refused. */
    noReadableDataConfirmed: z.literal(true),
    note: Text(1000),
  })
  .strict();
export type DisposeRequest = z.infer<typeof DisposeRequest>;

/** A volume attached to the laptop now, with what the OS tells of its device, and whether the ledger knows it. */
export const DetectedMedium = z.object({
  mount: z.string(),
  device: z.string(),
  volumeLabel: z.string().nullable(),
  fileSystem: z.string().nullable(),
  sizeBytes: z.number().int().nonnegative(),
  vendor: z.string().nullable(),
  model: z.string().nullable(),
  serial: z.string().nullable(),
  /** usb, sata, nvme, sd, …, as the OS names the bus; null when unknown. */
  bus: z.string().nullable(),
  /** The whole device's capacity (a volume may be one partition of it); null when unknown. */
  deviceSizeBytes: z.number().int().nonnegative().nullable(),
  suggestedType: MediumType,
  /** The ledger item with this serial, or null: an attached medium that is not registered. */
  registeredItemId: z.string().nullable(),
  registeredLabel: z.string().nullable(),
});
export type DetectedMedium = z.infer<typeof DetectedMedium>;

export const LedgerSettings = z
  .object({
    /** How often an inventory is due (default every 3 months). */
    inventoryIntervalMonths: z.number().int().min(1).max(24),
    /** After how many years from purchase a medium should be migrated (12-5). */
    migrationAgeYears: z.number().int().min(1).max(30),
    /** How many days before the warranty end or the migration age the reminder starts. */
    reminderLeadDays: z.number().int().min(0).max(365),
  })
  .strict();
export type LedgerSettings = z.infer<typeof LedgerSettings>;

export const LedgerWarnings = z.object({
  /** Today in Japan time, the day every comparison below is made against. */
  today: CalendarDate,
  overdueCheckouts: z.array(
    z.object({
      itemId: z.string(),
      label: z.string(),
      custodian: z.string(),
      expectedReturnDate: CalendarDate,
      daysOverdue: z.number().int().positive(),
    }),
  ),
  inventory: z.object({
    lastCompletedAt: z.string().nullable(),
    /** null while the ledger is empty and was never inventoried. */
    nextDueDate: CalendarDate.nullable(),
    overdue: z.boolean(),
    daysOverdue: z.number().int().nonnegative(),
  }),
  migrationReminders: z.array(
    z.object({
      itemId: z.string(),
      label: z.string(),
      reason: z.enum(['warranty', 'age']),
      dueDate: CalendarDate,
      daysLeft: z.number().int(),
    }),
  ),
  lostItems: z.number().int().nonnegative(),
});
export type LedgerWarnings = z.infer<typeof LedgerWarnings>;

export const inventoryResults = ['present', 'missing'] as const;
export const InventoryResult = z.enum(inventoryResults);

export const InventoryEntry = z.object({
  itemId: z.string(),
  label: z.string(),
  type: MediumType,
  serial: z.string(),
  /** The ledger's status when the inventory started: what the count is compared with. */
  statusAtStart: MediumStatus,
  custodianAtStart: z.string(),
  result: InventoryResult.nullable(),
  /** `serial`: confirmed because a medium with its serial was attached; `manual`: by the engineer. */
  method: z.enum(['manual', 'serial']).nullable(),
  note: z.string(),
  checkedAt: z.string().nullable(),
});
export type InventoryEntry = z.infer<typeof InventoryEntry>;

export const InventoryDiscrepancy = z.object({
  /** missing: the ledger says we have it, the count did not find it; found: the ledger says lost, it was found; unregistered: attached but not in the ledger. */
  kind: z.enum(['missing', 'found', 'unregistered']),
  itemId: z.string().nullable(),
  label: z.string(),
  detail: z.string(),
});
export type InventoryDiscrepancy = z.infer<typeof InventoryDiscrepancy>;

export const Inventory = z.object({
  id: z.string(),
  startedAt: z.string(),
  completedAt: z.string().nullable(),
  startedBy: z.string(),
  entries: z.array(InventoryEntry),
  /** Media attached during the count whose serial is in no ledger item. */
  unregistered: z.array(z.object({ mount: z.string(), serial: z.string().nullable(), model: z.string().nullable() })),
  discrepancies: z.array(InventoryDiscrepancy),
  report: z.object({ certificateId: z.string(), number: z.string() }).nullable(),
});
export type Inventory = z.infer<typeof Inventory>;

export const ledgerChannels = {
  'ledger.list': defineChannel({
    request: z.object({ status: MediumStatus.optional() }).strict(),
    response: z.object({ items: z.array(LedgerItem) }),
  }),
  'ledger.get': defineChannel({
    request: z.object({ id: Id }).strict(),
    response: z.object({ item: LedgerItem, checkouts: z.array(Checkout) }),
  }),
  /** Creates (no id) or edits an item; the label must be unique. */
  'ledger.save': defineChannel({ request: z.object({ item: LedgerItemDraft }).strict(), response: LedgerItem }),
  /** Attached removable media with make, model and serial, each matched to the ledger by serial. */
  'ledger.detect': defineChannel({
    request: noRequest,
    response: z.object({ media: z.array(DetectedMedium), unregistered: z.number().int().nonnegative(), readAt: z.string() }),
  }),
  'ledger.checkOut': defineChannel({ request: CheckOutRequest, response: LedgerItem }),
  'ledger.markAtSite': defineChannel({ request: z.object({ itemId: Id }).strict(), response: LedgerItem }),
  /** Records the site administrator's permission on the open check-out, when data is taken out at the site. */
  'ledger.recordPermission': defineChannel({ request: z.object({ itemId: Id, permission: Permission }).strict(), response: LedgerItem }),
  'ledger.checkIn': defineChannel({ request: CheckInRequest, response: LedgerItem }),
  /** A distinct, audited transition: the incident-response procedure starts from `ledger.item-lost`. */
  /** When the medium was out for a visit, the incident-response procedure (18-1) starts at that visit's site: its run id. */
  'ledger.markLost': defineChannel({
    request: z.object({ itemId: Id, note: Text(1000) }).strict(),
    response: LedgerItem.extend({ incidentRunId: z.string().nullable() }),
  }),
  'ledger.markFound': defineChannel({ request: z.object({ itemId: Id, note: Text(1000) }).strict(), response: LedgerItem }),
  /** Links the medium to its erasure certificate in the vault (kind 'erasure'); the medium becomes `erased`. */
  'ledger.recordErasure': defineChannel({
    request: z.object({ itemId: Id, certificateId: z.string().min(1).max(100) }).strict(),
    response: LedgerItem,
  }),
  'ledger.dispose': defineChannel({ request: DisposeRequest, response: LedgerItem }),
  'ledger.warnings': defineChannel({ request: noRequest, response: LedgerWarnings }),
  'ledger.settings': defineChannel({ request: noRequest, response: LedgerSettings }),
  'ledger.saveSettings': defineChannel({ request: LedgerSettings, response: LedgerSettings }),
  /** Opens an inventory of every item not disposed; attached media are confirmed by serial at once. */
  'ledger.startInventory': defineChannel({ request: noRequest, response: Inventory }),
  /** The open inventory, or null. */
  'ledger.currentInventory': defineChannel({ request: noRequest, response: z.object({ inventory: Inventory.nullable() }) }),
  'ledger.confirmInventoryItem': defineChannel({
    request: z.object({ inventoryId: Id, itemId: Id, result: InventoryResult, note: Text(500) }).strict(),
    response: Inventory,
  }),
  /** Reads the attached media again and confirms the items whose serial is attached. */
  'ledger.scanInventory': defineChannel({ request: z.object({ inventoryId: Id }).strict(), response: Inventory }),
  /** Closes the inventory once every item has a result, and issues the signed inventory report. */
  'ledger.completeInventory': defineChannel({ request: z.object({ inventoryId: Id }).strict(), response: Inventory }),
  'ledger.inventories': defineChannel({ request: noRequest, response: z.object({ inventories: z.array(Inventory) }) }),
  /** The ledger as CSV for Excel (UTF-8 with BOM, formula-safe), saved where the user picks. */
  'ledger.exportCsv': defineChannel({ request: noRequest, response: z.object({ saved: z.boolean() }) }),
  /** Issues the signed ledger report (kind 'ledger') and saves its PDF where the user picks. */
  'ledger.exportReport': defineChannel({
    request: noRequest,
    response: z.object({
      saved: z.boolean(),
      certificateId: z.string().nullable(),
      number: z.string().nullable(),
      file: SavedFile.nullable(),
    }),
  }),
};
