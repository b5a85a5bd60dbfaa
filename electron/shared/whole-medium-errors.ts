/**
 * Refusals of a whole-medium erasure (issue 14), declared apart from the erasure contract so
 * that `erasureErrorCodes` can list them without an import cycle. Each is said before anything
 * is written, or — for the ones a resumed run meets — leaves the job resumable.
 */
export const wholeMediumErrorCodes = [
  // No whole device is listed at that path now (or its size or identity could not be read).
  'ERASURE_DEVICE_NOT_FOUND',
  // The device holds the running system or the vault's data folder (or might: unknown counts as yes).
  'ERASURE_DEVICE_HOLDS_SYSTEM',
  // Not a removable device (USB stick, memory card, external disk) nor a loop device.
  'ERASURE_DEVICE_NOT_REMOVABLE',
  // The typed confirmation is not the last characters of the serial (or the device name).
  'ERASURE_DEVICE_CONFIRMATION_MISMATCH',
  // A partition could not be unmounted.
  'ERASURE_DEVICE_UNMOUNT_FAILED',
  // Still held after unmounting: an open LUKS/LVM/RAID mapping or another program.
  'ERASURE_DEVICE_IN_USE',
  // The process may not open the device: root (Linux) or administrator rights are needed.
  'ERASURE_DEVICE_NEEDS_ADMIN',
  // The device now at the planned path is another one (replugged): nothing was written to it.
  'ERASURE_DEVICE_CHANGED',
  // The device's own sanitize technique chosen is not offered by the device now (frozen, not
  // supported, behind a USB bridge, no tool or rights…): refused at planning, nothing journaled.
  'ERASURE_DEVICE_SANITIZE_UNAVAILABLE',
  // The engineer dismissed the OS's own administrator prompt (polkit, macOS, UAC): nothing changed.
  'ERASURE_DEVICE_ADMIN_DECLINED',
  // No administrator prompt can be shown here (pkexec or its agent missing, another OS): run the CLI as root instead.
  'ERASURE_DEVICE_ADMIN_UNAVAILABLE',
  // The prompt was answered but granting the device failed.
  'ERASURE_DEVICE_ADMIN_FAILED',
] as const;

export type WholeMediumErrorCode = (typeof wholeMediumErrorCodes)[number];
