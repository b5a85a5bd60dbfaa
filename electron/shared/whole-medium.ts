/**
 * The `wholeMedium.*` channels (issue 14): list the whole devices attached now, erase one of them
 * — every sector overwritten and read back — confirmed by the last characters of its serial,
 * and issue its certificate, linked to the ledger item with that serial. As for every erasure
 * target, the renderer never names a device path: it picks one of the opaque handles the main
 * process issued with the list (docs/decisions.md, "IPC"). Progress and cancellation go through the
 * job channels like any erasure ('job.progress', kind 'erase').
 */
import { z } from 'zod';
import { SignaturePng } from './signature-png';
import { ErasedDevice, ErasureMethod, SiteDetails } from './erasure';
import { defineChannel, noRequest } from './ipc/define';
import { wholeMediumErrorCodes } from './whole-medium-errors';

/** How a whole device is erased: FieldGuard's overwrite of every sector, or the device's own sanitize. */
export const WholeMediumTechnique = ErasedDevice.shape.technique;
export type WholeMediumTechnique = z.infer<typeof WholeMediumTechnique>;

/** One of the device's own sanitize techniques: offered now, or why not (Japanese and English, for the screen). */
export const SanitizeOfferChoice = z.object({
  technique: z.enum(['sanitize-crypto', 'sanitize-block']),
  available: z.boolean(),
  reason: z.object({ ja: z.string(), en: z.string() }).nullable(),
});
export type SanitizeOfferChoice = z.infer<typeof SanitizeOfferChoice>;

export const DeviceChoice = z.object({
  /** An opaque handle for this device, valid until the list is read again. */
  id: z.uuid(),
  /** As the OS names it (`/dev/sdb`, `\\.\PHYSICALDRIVE2`, `/dev/disk4`): shown, never sent back. */
  path: z.string(),
  vendor: z.string().nullable(),
  model: z.string().nullable(),
  serial: z.string().nullable(),
  sizeBytes: z.number().nonnegative().nullable(),
  transport: z.string().nullable(),
  rotational: z.boolean().nullable(),
  removable: z.boolean().nullable(),
  holdsSystem: z.boolean().nullable(),
  /** Why it cannot be chosen (the system disk, not removable…), or null when it can. */
  refusal: z.enum(wholeMediumErrorCodes).nullable(),
  /** What the engineer types to confirm: the serial's last characters (at least `length`), or the device name. */
  confirmation: z.object({ kind: z.enum(['serial-end', 'device-name']), length: z.number().int().positive() }),
  /** The device's own sanitize techniques, asked of the device when listed (nvme id-ctrl, hdparm -I). */
  sanitize: z.array(SanitizeOfferChoice).optional(),
});
export type DeviceChoice = z.infer<typeof DeviceChoice>;

export const DeviceErasureSummary = z.object({
  erasureJobId: z.string(),
  status: z.enum(['erased', 'erased-with-exceptions', 'aborted', 'abandoned']),
  /** Every pass over every byte, all of it read back and matched, no bad sector: from the journal's numbers. */
  erased: z.boolean(),
  bytesWritten: z.number().nonnegative(),
  bytesVerified: z.number().nonnegative(),
  badSectors: z.number().int().nonnegative().nullable(),
  /** What was unmounted before the first write. */
  unmounted: z.array(z.string()),
});
export type DeviceErasureSummary = z.infer<typeof DeviceErasureSummary>;

export const wholeMediumChannels = {
  'wholeMedium.devices': defineChannel({ request: noRequest, response: z.object({ devices: z.array(DeviceChoice) }) }),
  'wholeMedium.erase': defineChannel({
    request: z
      .object({
        jobId: z.uuid(),
        deviceId: z.uuid(),
        method: ErasureMethod,
        site: SiteDetails,
        confirmation: z.string().max(100),
        technique: WholeMediumTechnique.optional(),
      })
      .strict(),
    response: DeviceErasureSummary,
  }),
  // Asks the OS's own administrator prompt for the rights to erase one listed device (the typed confirmation again):
  // 'granted' — it may be opened now; 'relaunching' — Windows restarts FieldGuard elevated, the app quits.
  'wholeMedium.grantAccess': defineChannel({
    request: z.object({ deviceId: z.uuid(), confirmation: z.string().max(100) }).strict(),
    response: z.object({ outcome: z.enum(['granted', 'relaunching']) }),
  }),
  'wholeMedium.issueCertificate': defineChannel({
    request: z.object({ erasureJobId: z.string().min(1).max(100), countersignature: SignaturePng.nullable() }).strict(),
    response: z.object({ certificateId: z.string(), number: z.string(), ledgerItem: z.string().nullable() }),
  }),
};
