/**
 * Bluetooth discoverability on Windows and macOS. Both make the laptop discoverable only while
 * their Bluetooth settings page is open (Windows: "Your PC is discoverable as … while Bluetooth
 * settings is open"; macOS: "Now discoverable as …" shown in Bluetooth settings), so there is no
 * standing setting a self-check could read or a user should change: the check says so (not
 * applicable), runs nothing and passes nothing.
 */
import type { BluetoothObservation, ProbeOutcome } from '../../core/self-check/self-check-observations';
import { evidence } from './run-probe-command';

export function bluetoothDiscoverableOnlyInSettings(
  os: 'Windows' | 'macOS',
  observedAt = new Date(),
): Promise<ProbeOutcome<BluetoothObservation>> {
  return Promise.resolve({
    ok: true,
    observation: { state: 'onlyWhileSettingsOpen', raw: os },
    evidence: [evidence(os, { discoverable: 'only while Bluetooth settings are open' }, observedAt)],
  });
}
