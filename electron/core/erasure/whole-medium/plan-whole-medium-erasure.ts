/**
 * Planning the erasure of a whole removable device (issue 14, 7-10: the ledger's USB sticks,
 * SD cards and external disks at the end of a job or before disposal). Refused before anything
 * is written or journaled:
 * - a device that holds the running system or the vault's data folder — or might: the OS
 *   could not say (holdsSystem null) counts as yes;
 * - a device that is not removable. A loop device (a block device backed by a file, made with
 *   `losetup`) is accepted like a removable one: it cannot be the disk the system runs from,
 *   erasing it changes only its backing file, and it is what the tests and the benchmark erase;
 * - a device whose size is unknown (every sector cannot be written if their number is unknown);
 * - a confirmation that is not the last four or more characters of its serial (or, for a device
 *   with no serial, its device name, e.g. `loop7`);
 * - a device still in use once its partitions are unmounted (release-device.ts).
 * - a device sanitize technique (crypto or block erase) the device does not offer now, asked of
 *   the device itself (readSanitizeCapability): refused with the reason (frozen, bridge…).
 * Then one job is journaled: scope 'whole-medium', one item of kind 'device' whose size is the
 * device's and whose file id is its identity (checked again before the first write), and the
 * device's facts as the job's medium, for the certificate.
 */
import { randomUUID } from 'node:crypto';
import type { VaultDatabase } from '../../../db/open-vault-database';
import type { WholeMediumErrorCode } from '../../../shared/whole-medium-errors';
import { createJob } from '../erasure-journal';
import { ErasureError } from '../erasure-exceptions';
import { DEFAULT_ERASURE_METHOD, type ErasureMethod } from '../erasure-methods';
import type { DeviceFacts, Medium } from '../medium';
import { confirmationMatches, deviceIdentity, isLoopDevice } from './device-identity';
import { releaseDevice } from './release-device';
import { readSanitizeCapability } from '../../../platform/sanitize/read-sanitize-capability';
import type { RunCommand } from '../../../platform/sanitize/run-device-sanitize';
import type { SanitizeUnavailableReason } from '../../../platform/sanitize/sanitize-capability';
import { WholeMediumTechnique } from '../../../shared/whole-medium';

export type { WholeMediumTechnique };

export function isWholeMediumTechnique(value: unknown): value is WholeMediumTechnique {
  return WholeMediumTechnique.safeParse(value).success;
}

/** The chosen sanitize is not offered by the device now; `reason` says why (SANITIZE_REASON_TEXT). */
export class SanitizeUnavailableError extends ErasureError {
  constructor(readonly reason: SanitizeUnavailableReason) {
    super('ERASURE_DEVICE_SANITIZE_UNAVAILABLE');
  }
}

export interface WholeMediumPlanOptions {
  readonly method?: ErasureMethod;
  /** The site or visit, as the certificate names it (the workflow's JSON of SiteDetails). */
  readonly siteReference?: string | null;
  /** What the engineer typed: the serial's last characters, or the device name. */
  readonly confirmation: string;
  /** Unmounts and checks the device is free (a fake in unit tests). */
  readonly release?: (device: DeviceFacts) => Promise<readonly string[]>;
  /** 'overwrite' (the default) or the device's own sanitize, if it offers it now. */
  readonly technique?: WholeMediumTechnique;
  /** Runs nvme / hdparm to ask the device what it offers (a fake replaying recorded outputs in tests). */
  readonly runSanitizeCommand?: RunCommand;
  readonly platform?: NodeJS.Platform;
  /**
   * The last word before anything is done to the device — the main process's own box in the
   * app — asked once every check has passed and before anything is unmounted; it throws to stop.
   * The CLI has its own typed confirmation and passes none.
   */
  readonly confirm?: (device: DeviceFacts) => Promise<void>;
}

export interface WholeMediumPlan {
  readonly jobId: string;
  /** What was unmounted before the job was journaled (mount points on Linux). */
  readonly unmounted: readonly string[];
}

/**
 * Why this device may not be erased as a whole, or null when it may: what the device list
 * shows for a device that cannot be chosen.
 */
export function wholeMediumRefusal(device: DeviceFacts): WholeMediumErrorCode | null {
  if (device.holdsSystem !== false) return 'ERASURE_DEVICE_HOLDS_SYSTEM';
  if (device.removable !== true && !isLoopDevice(device)) return 'ERASURE_DEVICE_NOT_REMOVABLE';
  if (device.sizeBytes === null || device.sizeBytes <= 0) return 'ERASURE_DEVICE_NOT_FOUND';
  return null;
}

/** Checks, unmounts and journals the erasure of `device`; returns the job's id. Nothing is written to the device here. */
export async function planWholeMediumErasure(
  db: VaultDatabase,
  device: DeviceFacts,
  options: WholeMediumPlanOptions,
): Promise<WholeMediumPlan> {
  const refusal = wholeMediumRefusal(device);
  if (refusal !== null) throw new ErasureError(refusal);
  if (!confirmationMatches(device, options.confirmation)) throw new ErasureError('ERASURE_DEVICE_CONFIRMATION_MISMATCH');
  const technique = options.technique ?? 'overwrite';
  if (technique !== 'overwrite') {
    const capability = await readSanitizeCapability(device, options.runSanitizeCommand, options.platform);
    const offer = capability.offers.find((o) => o.technique === technique);
    if (!offer?.available) throw new SanitizeUnavailableError(offer?.reason ?? capability.reason ?? 'not-supported');
  }
  await options.confirm?.(device);
  const unmounted = await (options.release ?? releaseDevice)(device);
  const jobId = randomUUID();
  const medium: Medium = { volume: null, device, problems: [] };
  createJob(
    db,
    {
      id: jobId,
      method: options.method ?? DEFAULT_ERASURE_METHOD,
      scope: 'whole-medium',
      targets: [device.path],
      siteReference: options.siteReference ?? null,
      media: [medium],
    },
    [
      {
        targetIndex: 0,
        path: device.path,
        kind: 'device',
        size: device.sizeBytes ?? 0,
        fileId: deviceIdentity(device),
        sha256Before: null,
        observations: [],
        exceptionCode: null,
        sanitize: technique === 'overwrite' ? null : { technique, result: null },
      },
    ],
  );
  return { jobId, unmounted };
}
