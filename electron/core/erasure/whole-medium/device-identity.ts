/**
 * Which device a whole-medium erasure is about, and the engineer's confirmation of it (issue
 * 14). A device path names whatever is plugged in now: after a crash or a replug, /dev/sdb may
 * be another stick. So the plan records the device's identity — its serial, or for a loop device
 * its backing file, with its size — and the run re-reads the device at that path and writes
 * nothing unless it is the same one.
 *
 * The engineer confirms by typing the last characters of the serial printed on the screen (at
 * least four, or all of a shorter one); a device that reports no serial is confirmed by its
 * device name (`sdb`, `loop7`), typed whole. Typing is compared after NFKC (full-width digits
 * from a Japanese IME count) and without regard to case.
 */
import path from 'node:path';
import type { DeviceFacts } from '../medium';

/** The identity recorded with the plan (the journal item's file id) and checked again before the first write. */
export function deviceIdentity(device: Pick<DeviceFacts, 'serial' | 'backingFile' | 'path'>): string {
  if (device.serial) return `serial:${device.serial}`;
  if (device.backingFile) return `backing:${device.backingFile}`;
  return `path:${device.path}`;
}

/** The fewest trailing characters of the serial the engineer must type. */
export const CONFIRMATION_MIN_CHARACTERS = 4;

/** What the engineer is asked to type (the hint shown beside the field): the serial's last characters, or the device name. */
export function confirmationHint(device: Pick<DeviceFacts, 'serial' | 'path'>): {
  readonly kind: 'serial-end' | 'device-name';
  readonly text: string;
} {
  if (device.serial) return { kind: 'serial-end', text: [...device.serial].slice(-CONFIRMATION_MIN_CHARACTERS).join('') };
  return { kind: 'device-name', text: path.basename(device.path) };
}

function normalized(text: string): string {
  return text.normalize('NFKC').trim().toUpperCase();
}

/** Whether `typed` confirms this device: the serial's last four or more characters, or the whole device name. */
export function confirmationMatches(device: Pick<DeviceFacts, 'serial' | 'path'>, typed: string): boolean {
  const entered = normalized(typed);
  if (entered === '') return false;
  if (device.serial) {
    const serial = normalized(device.serial);
    return [...entered].length >= Math.min(CONFIRMATION_MIN_CHARACTERS, [...serial].length) && serial.endsWith(entered);
  }
  return entered === normalized(path.basename(device.path));
}

/**
 * A loop device: a block device backed by a file, created with `losetup`. It cannot be the disk
 * the system runs from (holdsSystem still decides that), and it is what the tests and the
 * benchmark erase; it is accepted like a removable device because erasing it changes only its
 * backing file.
 */
export function isLoopDevice(device: Pick<DeviceFacts, 'path' | 'backingFile'>): boolean {
  return /^\/dev\/loop\d+$/.test(device.path) && device.backingFile !== null;
}
