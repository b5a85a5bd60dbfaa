/**
 * Whether this Linux laptop is discoverable over Bluetooth, from BlueZ (`bluetoothctl show`,
 * over D-Bus; no root needed). Its answer, in English whatever the locale:
 *
 *   Controller 00:1A:7D:DA:71:13 (public)
 *   	Name: …
 *   	Powered: yes
 *   	Discoverable: no
 *   	…
 *
 * No adapter in /sys/class/bluetooth → 'noAdapter' without running anything. Otherwise:
 * Powered no or Discoverable no → 'hidden'; Powered yes and Discoverable yes → 'discoverable';
 * "No default controller available", or an answer without both lines → 'unrecognized'. The
 * controller's address and name are never kept. bluetoothctl waits for bluetoothd when it is
 * not running, so it gets a short limit (2 s) of its own: the whole self-check stays within 5 s.
 */
import type { BluetoothObservation, ProbeOutcome } from '../../../core/self-check/self-check-observations';
import { evidence } from '../run-probe-command';
import type { CommandReading, LinuxProbeContext, Read } from './linux-context';
import { commandFacts, listDir, readFacts, runCommand } from './linux-context';

export const BLUETOOTH_CLASS_DIR = '/sys/class/bluetooth';
const LIMIT_MS = 2000;

export function parseBluetooth(
  adapters: Read<string[]>,
  reading: CommandReading | null,
  observedAt: Date,
): ProbeOutcome<BluetoothObservation> {
  const seen = evidence(
    adapters.source,
    { ...readFacts(adapters), adapters: adapters.ok ? adapters.value.filter((n) => /^hci\d+$/.test(n)).length : null },
    observedAt,
  );
  if (reading === null)
    return { ok: true, observation: { state: 'noAdapter', raw: 'no adapter in /sys/class/bluetooth' }, evidence: [seen] };
  if (!reading.ok)
    return { ok: false, problem: reading.problem, evidence: [seen, evidence(reading.source, commandFacts(reading), observedAt)] };
  const lines = reading.stdout.split('\n').map((l) => l.trim());
  const value = (key: string) => lines.map((l) => new RegExp(`^${key}: (yes|no)$`).exec(l)?.[1]).find((v) => v !== undefined) ?? null;
  const controller = /^Controller ([0-9A-F]{2}:){5}[0-9A-F]{2}\b/i.test(lines[0] ?? '');
  const powered = value('Powered');
  const discoverable = value('Discoverable');
  let state: BluetoothObservation['state'] = 'unrecognized';
  if (controller && powered !== null && discoverable !== null)
    state = powered === 'yes' && discoverable === 'yes' ? 'discoverable' : 'hidden';
  const raw =
    state === 'unrecognized'
      ? (lines.find((l) => l !== '' && !/^Controller /.test(l)) ?? 'no output').slice(0, 80)
      : `Powered: ${powered}, Discoverable: ${discoverable}`;
  return {
    ok: true,
    observation: { state, raw },
    evidence: [seen, evidence(reading.source, { ...commandFacts(reading), state, raw }, observedAt)],
  };
}

export async function probeBluetooth(ctx: LinuxProbeContext): Promise<ProbeOutcome<BluetoothObservation>> {
  const adapters = await listDir(ctx, BLUETOOTH_CLASS_DIR);
  const present = !adapters.ok ? adapters.problem !== 'missing' : adapters.value.some((n) => /^hci\d+$/.test(n));
  const reading = present ? await runCommand({ ...ctx, timeoutMs: Math.min(ctx.timeoutMs, LIMIT_MS) }, 'bluetoothctl', ['show']) : null;
  return parseBluetooth(adapters, reading, ctx.now());
}
