/**
 * The media attached to the laptop now, for registering them and for the inventory: the
 * removable volumes (the ReadVolumes port, node-disk-info), each with its device's make,
 * model and serial (the ReadDeviceDetails port), matched to the ledger by serial. One that
 * no item has is "unregistered" — the screen points it out. Without device details (a
 * command that failed) the volumes are still listed, only without serials to match.
 */
import type { VaultDatabase } from '../../db/open-vault-database';
import type { Volume } from '../../shared/disks';
import type { DetectedMedium, MediumType } from '../../shared/ledger';
import { listVolumes, type ReadVolumes } from '../disks/list-volumes';
import type { Logger } from '../logger';
import type { DeviceDetails, ReadDeviceDetails } from './device-details';
import { serialKey } from './ledger-store';

const EXTERNAL_BUSES = new Set(['usb', 'sd', 'mmc', 'firewire', 'thunderbolt']);
const OPTICAL_FILE_SYSTEMS = /^(?:udf|iso9660|cd9660|cdfs)$/i;
/** Above this a USB medium is more likely an external disk than a memory stick (the engineer confirms either way). */
const STICK_MAX_BYTES = 300e9;

/** Mount points compared as the OS does: Windows drive letters without case or trailing separator. */
export function mountKey(mount: string): string {
  const trimmed = mount.length > 1 ? mount.replace(/[\\/]+$/, '') : mount;
  return /^[A-Za-z]:$/.test(trimmed) ? trimmed.toUpperCase() : trimmed;
}

export function suggestType(volume: Volume, details: DeviceDetails | undefined): MediumType {
  if (volume.fileSystem && OPTICAL_FILE_SYSTEMS.test(volume.fileSystem)) return 'optical-disc';
  const bus = details?.bus ?? null;
  const model = `${details?.vendor ?? ''} ${details?.model ?? ''}`;
  if (bus === 'sd' || bus === 'mmc' || /\bSD\b|SDXC|SDHC|card reader/i.test(model)) return 'sd-card';
  if (/\bSSD\b/i.test(model)) return 'external-ssd';
  const size = details?.sizeBytes ?? volume.sizeBytes;
  return size > STICK_MAX_BYTES ? 'external-hdd' : 'usb-memory';
}

/** Joins each volume with the device it is on; a volume is "attached media" when removable or on an external bus. */
export function attachedMedia(
  volumes: readonly Volume[],
  details: readonly DeviceDetails[],
  items: ReadonlyArray<{ id: string; label: string; serial: string }>,
): DetectedMedium[] {
  const byMount = new Map<string, DeviceDetails>();
  for (const device of details) for (const mount of device.mounts) byMount.set(mountKey(mount), device);
  const bySerial = new Map<string, { id: string; label: string }>();
  for (const item of items) if (item.serial.trim()) bySerial.set(serialKey(item.serial), item);
  const media: DetectedMedium[] = [];
  for (const volume of volumes) {
    const device = byMount.get(mountKey(volume.mount));
    const removable = volume.removable ?? device?.removable ?? null;
    const external = device?.bus ? EXTERNAL_BUSES.has(device.bus) : false;
    if (removable !== true && !external) continue;
    const serial = device?.serial ?? null;
    const registered = serial ? bySerial.get(serialKey(serial)) : undefined;
    media.push({
      mount: volume.mount,
      device: volume.device,
      volumeLabel: volume.label,
      fileSystem: volume.fileSystem,
      sizeBytes: volume.sizeBytes,
      vendor: device?.vendor ?? null,
      model: device?.model ?? null,
      serial,
      bus: device?.bus ?? null,
      deviceSizeBytes: device?.sizeBytes ?? null,
      suggestedType: suggestType(volume, device),
      registeredItemId: registered?.id ?? null,
      registeredLabel: registered?.label ?? null,
    });
  }
  return media;
}

export interface DetectionPorts {
  readonly readVolumes: ReadVolumes;
  readonly readDeviceDetails: ReadDeviceDetails;
  readonly log: Logger;
}

export async function detectMedia(
  db: VaultDatabase,
  ports: DetectionPorts,
  now: Date,
): Promise<{ media: DetectedMedium[]; unregistered: number; readAt: string }> {
  const { volumes } = await listVolumes(ports.readVolumes);
  const details = await ports.readDeviceDetails().catch(() => {
    ports.log.warn('ledger.device-details-unavailable');
    return [];
  });
  const items = db.prepare('SELECT id, label, serial FROM ledger_items').all() as Array<{ id: string; label: string; serial: string }>;
  const media = attachedMedia(volumes, details, items);
  return { media, unregistered: media.filter((m) => m.registeredItemId === null).length, readAt: now.toISOString() };
}
