/**
 * A whole device's name as the Erasure screen shows it — maker and model, or its OS path when
 * neither is known — in the device list, the result view and the list of results waiting for
 * their certificate alike.
 */
export function deviceName(device: { readonly vendor: string | null; readonly model: string | null; readonly path: string }): string {
  return [device.vendor, device.model].filter(Boolean).join(' ') || device.path;
}
