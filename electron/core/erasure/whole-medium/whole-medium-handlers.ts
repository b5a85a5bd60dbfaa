/**
 * The whole-medium channels (issue 14): the device list with opaque handles (a compromised
 * renderer cannot name a device path), the erasure of one device confirmed by the last
 * characters of its serial, and its certificate, linked to the ledger item with that serial.
 * The device is read again when the erasure starts — what was listed a minute ago may have been
 * pulled or replaced — and planned with the same checks as `fieldguard erase --device`; the job
 * then runs through the erasure screen's own runner (progress, cancellation, the audit's end),
 * so a whole device is erased like any job, and its result is kept in the vault until its
 * certificate is issued — by the same path as every kept result (issue 19), whichever channel
 * asks. Without the rights to open the device, the refusal
 * ERASURE_DEVICE_NEEDS_ADMIN says what is needed on each OS.
 */
import { randomUUID } from 'node:crypto';
import type { DeviceChoice, DeviceErasureSummary } from '../../../shared/whole-medium';
import { AppError } from '../../app-error';
import type { ConfirmInMain } from '../../confirmations/confirm-in-main';
import { erasureEvidence } from '../erasure-evidence';
import { getJob, listJobItems } from '../erasure-journal';
import { auditErasureStart } from '../erasure-workflow';
import type { DeviceFacts } from '../medium';
import type { Handlers } from '../../ipc/router';
import type { VaultService } from '../../vault/vault-service';
import { deviceErasedIn } from './device-certificate-sections';
import { confirmationHint, confirmationMatches, CONFIRMATION_MIN_CHARACTERS, deviceIdentity } from './device-identity';
import { planWholeMediumErasure, wholeMediumRefusal } from './plan-whole-medium-erasure';
import { readSanitizeCapability } from '../../../platform/sanitize/read-sanitize-capability';
import type { RunCommand } from '../../../platform/sanitize/run-device-sanitize';
import { SANITIZE_REASON_TEXT, type SanitizeCapability } from '../../../platform/sanitize/sanitize-capability';
import { ElevationError, type ElevationRefusal, type GrantOutcome } from '../../../platform/elevation/device-access-grant';

type WholeMediumChannel = 'wholeMedium.devices' | 'wholeMedium.erase' | 'wholeMedium.grantAccess' | 'wholeMedium.issueCertificate';

export interface WholeMediumPorts {
  readonly vault: VaultService;
  readonly now: () => Date;
  readonly toolVersion: string;
  /** The main process's own confirmation box, the last step before the device is unmounted and erased. */
  readonly confirm: ConfirmInMain;
  readonly fontPath?: string;
  /** The whole devices attached now (electron/platform/media), the data folder's disk marked as holding the system. */
  readonly listDevices: () => Promise<DeviceFacts[]>;
  /**
   * Runs a planned job as the Erasure screen runs it (erasure-handlers' `runPlanned`): progress,
   * cancellation, audit, and its result kept in the vault until its certificate is issued (issue 19).
   */
  readonly runJob: (uiJobId: string, erasureJobId: string) => Promise<unknown>;
  /**
   * Issues a kept result's certificate as the Erasure screen's result view does (erasure-handlers'
   * `erasure.issueCertificate`): once, exactly as measured, a whole device's linked to its ledger item.
   */
  readonly issueCertificate: (request: {
    erasureJobId: string;
    countersignature: string | null;
  }) => Promise<{ certificateId: string; number: string; ledgerItem?: string | null }>;
  /** Unmounts and checks the device is free; the real one by default (a fake in tests). */
  readonly release?: (device: DeviceFacts) => Promise<readonly string[]>;
  /** Runs nvme / hdparm to ask a device what sanitize it offers; the real tools by default (a fake in tests). */
  readonly runSanitizeCommand?: RunCommand;
  /**
   * Asks the OS's own administrator prompt for the rights to erase the device
   * (electron/platform/elevation); absent where no prompt can be shown.
   */
  readonly grantAccess?: (device: DeviceFacts) => Promise<GrantOutcome>;
}

const REFUSAL_CODE: Record<
  ElevationRefusal,
  'ERASURE_DEVICE_ADMIN_DECLINED' | 'ERASURE_DEVICE_ADMIN_UNAVAILABLE' | 'ERASURE_DEVICE_ADMIN_FAILED' | 'ERASURE_DEVICE_UNMOUNT_FAILED'
> = {
  declined: 'ERASURE_DEVICE_ADMIN_DECLINED',
  unavailable: 'ERASURE_DEVICE_ADMIN_UNAVAILABLE',
  failed: 'ERASURE_DEVICE_ADMIN_FAILED',
  'unmount-failed': 'ERASURE_DEVICE_UNMOUNT_FAILED',
};

function choiceOf(id: string, device: DeviceFacts, capability: SanitizeCapability): DeviceChoice {
  const hint = confirmationHint(device);
  return {
    id,
    path: device.path,
    vendor: device.vendor,
    model: device.model,
    serial: device.serial,
    sizeBytes: device.sizeBytes,
    transport: device.transport,
    rotational: device.rotational,
    removable: device.removable,
    holdsSystem: device.holdsSystem,
    refusal: wholeMediumRefusal(device),
    confirmation: {
      kind: hint.kind,
      length: hint.kind === 'serial-end' ? Math.min(CONFIRMATION_MIN_CHARACTERS, [...(device.serial ?? '')].length) : [...hint.text].length,
    },
    sanitize: capability.offers.map((offer) => ({
      technique: offer.technique,
      available: offer.available,
      reason: offer.reason === null ? null : SANITIZE_REASON_TEXT[offer.reason],
    })),
  };
}

export function createWholeMediumHandlers(ports: WholeMediumPorts): Pick<Handlers, WholeMediumChannel> {
  /** The handles of the last list: id → the device as listed. */
  let listed = new Map<string, DeviceFacts>();

  /** The listed device, read again now: the same device (serial or backing file, and size) must still be at that path. */
  const stillListed = async (deviceId: string): Promise<DeviceFacts> => {
    const chosen = listed.get(deviceId);
    if (!chosen) throw new AppError('ERASURE_DEVICE_NOT_FOUND');
    const device = (await ports.listDevices()).find((d) => d.path === chosen.path);
    if (!device) throw new AppError('ERASURE_DEVICE_NOT_FOUND');
    if (deviceIdentity(device) !== deviceIdentity(chosen) || device.sizeBytes !== chosen.sizeBytes)
      throw new AppError('ERASURE_DEVICE_CHANGED');
    return device;
  };

  return {
    'wholeMedium.devices': async () => {
      const devices = await ports.listDevices();
      listed = new Map(devices.map((device) => [randomUUID(), device]));
      const entries = [...listed];
      const capabilities = await Promise.all(entries.map(([, device]) => readSanitizeCapability(device, ports.runSanitizeCommand)));
      return { devices: entries.map(([id, device], i) => choiceOf(id, device, capabilities[i] as SanitizeCapability)) };
    },
    'wholeMedium.erase': async ({ jobId, deviceId, method, site, confirmation, technique }) => {
      const device = await stillListed(deviceId);
      const session = ports.vault.session();
      const plan = await planWholeMediumErasure(session.db, device, {
        method,
        siteReference: JSON.stringify(site),
        confirmation,
        release: ports.release,
        technique,
        runSanitizeCommand: ports.runSanitizeCommand,
        // The device as read again now, in the main process's own words: a compromised renderer cannot answer it.
        confirm: (facts) =>
          ports.confirm({
            kind: 'erase-device',
            device: { path: facts.path, vendor: facts.vendor, model: facts.model, serial: facts.serial, sizeBytes: facts.sizeBytes },
          }),
      });
      listed.delete(deviceId);
      auditErasureStart(session, plan.jobId, { method, targets: 1, site });
      await ports.runJob(jobId, plan.jobId);
      const job = getJob(session.db, plan.jobId);
      if (!job) throw new AppError('INTERNAL');
      const evidence = erasureEvidence(session.db, plan.jobId, { toolVersion: ports.toolVersion });
      const [item] = listJobItems(session.db, plan.jobId);
      const summary: DeviceErasureSummary = {
        erasureJobId: plan.jobId,
        status: evidence.status,
        erased: deviceErasedIn(evidence),
        bytesWritten: item?.bytesWritten ?? 0,
        bytesVerified: item?.bytesVerified ?? 0,
        badSectors: item?.badSectors ?? null,
        unmounted: [...plan.unmounted],
      };
      return summary;
    },
    'wholeMedium.grantAccess': async ({ deviceId, confirmation }) => {
      const session = ports.vault.session();
      const device = await stillListed(deviceId);
      // Rights are asked for only for a device this erasure may take, and only once the engineer has named it.
      const refusal = wholeMediumRefusal(device);
      if (refusal !== null) throw new AppError(refusal);
      if (!confirmationMatches(device, confirmation)) throw new AppError('ERASURE_DEVICE_CONFIRMATION_MISMATCH');
      if (!ports.grantAccess) throw new AppError('ERASURE_DEVICE_ADMIN_UNAVAILABLE');
      let outcome: GrantOutcome;
      try {
        outcome = await ports.grantAccess(device);
      } catch (error) {
        if (error instanceof ElevationError) throw new AppError(REFUSAL_CODE[error.refusal]);
        throw error;
      }
      session.audit.append('erasure.device-access-granted', session.actor(), {
        device: device.path,
        model: device.model,
        serial: device.serial,
        outcome,
      });
      return { outcome };
    },
    'wholeMedium.issueCertificate': async ({ erasureJobId, countersignature }) => {
      const job = getJob(ports.vault.session().db, erasureJobId);
      if (!job || job.scope !== 'whole-medium') throw new AppError('ERASURE_JOB_NOT_FOUND');
      // One way to issue a kept result, whichever channel asks: issued once, exactly as measured, linked to the ledger.
      const issued = await ports.issueCertificate({ erasureJobId, countersignature });
      return { certificateId: issued.certificateId, number: issued.number, ledgerItem: issued.ledgerItem ?? null };
    },
  };
}
