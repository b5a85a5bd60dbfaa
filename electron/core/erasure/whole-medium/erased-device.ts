/**
 * The whole device a kept erasure result is about (issues 14 and 19), and its certificate's link
 * to the ledger. A whole-medium erasure's result is kept in the vault like any erasure's
 * (erasure-results.ts) and issued from the same result view; what that view shows of the device
 * — its identity, the technique, whether every byte was shown erased, the bad sectors — is read
 * here from the journal the certificate is made from, so the screen and the signed document
 * never disagree. Once its certificate is issued, by either channel, the ledger item of the
 * device's serial is recorded as erased (link-device-erasure.ts).
 */
import type { VaultDatabase } from '../../../db/open-vault-database';
import type { ErasedDevice } from '../../../shared/erasure';
import type { VaultSession } from '../../vault/vault-session';
import { linkDeviceErasureToLedger } from '../../ledger/link-device-erasure';
import type { ErasureEvidence } from '../erasure-evidence';
import { erasureEvidence } from '../erasure-evidence';
import { getJob, listJobItems } from '../erasure-journal';
import type { DeviceFacts } from '../medium';
import { deviceErasedIn } from './device-certificate-sections';

/** The device journaled for a whole-medium job, as planned; null for any other job. */
function deviceOfJob(db: VaultDatabase, erasureJobId: string): DeviceFacts | null {
  const job = getJob(db, erasureJobId);
  if (!job || job.scope !== 'whole-medium') return null;
  const medium = job.media?.[0] as { device?: DeviceFacts | null } | undefined;
  return medium?.device ?? null;
}

/** The device a whole-medium job erased and how that ended; null for a job of files, a volume or the vault. */
export function erasedDeviceOf(db: VaultDatabase, erasureJobId: string, toolVersion: string): ErasedDevice | null {
  const device = deviceOfJob(db, erasureJobId);
  if (!device) return null;
  const item = listJobItems(db, erasureJobId).find((i) => i.kind === 'device');
  return {
    path: device.path,
    vendor: device.vendor,
    model: device.model,
    serial: device.serial,
    sizeBytes: device.sizeBytes,
    technique: item?.sanitize?.technique ?? 'overwrite',
    erased: deviceErasedIn(erasureEvidence(db, erasureJobId, { toolVersion })),
    badSectors: item?.badSectors ?? null,
  };
}

/**
 * Links a whole-medium job's certificate, just issued, to the ledger item of the device's serial
 * — only when its evidence shows the device erased; returns the item's label, or null when none
 * was linked (no serial, no such item, or several). Null for any other job.
 */
export function linkIssuedDeviceErasure(
  session: VaultSession,
  erasureJobId: string,
  certificateId: string,
  evidence: Pick<ErasureEvidence, 'status' | 'method' | 'items'>,
  now: Date,
): string | null {
  const device = deviceOfJob(session.db, erasureJobId);
  if (!device) return null;
  const link = linkDeviceErasureToLedger(session, { serial: device.serial }, { id: certificateId, erased: deviceErasedIn(evidence) }, now);
  return link.linked ? link.item.label : null;
}
