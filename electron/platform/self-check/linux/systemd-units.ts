/**
 * Whether systemd services are running, from `systemctl is-active`, which any user may ask.
 * Used for firewalld, nftables and the ClamAV services. Beware: systemd answers "inactive" for
 * a unit that does not exist, so "inactive" alone never proves a program is installed; callers
 * check installation separately.
 */
import type { CommandReading, LinuxProbeContext } from './linux-context';
import { runCommand } from './linux-context';

/** true = running, false = stopped or failed, null = unknown (no systemd, starting, or no answer). */
export type UnitState = boolean | null;

const RUNNING = new Set(['active', 'reloading', 'refreshing']);
const STOPPED = new Set(['inactive', 'failed', 'deactivating', 'dead']);

/** Parses `systemctl is-active u1 u2 …`: one state word per unit, in the order asked. */
export function parseIsActive(reading: CommandReading, units: readonly string[]): Map<string, UnitState> {
  const words = reading.ok
    ? reading.stdout
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean)
    : [];
  // Without systemd as PID 1 (containers, WSL 1) systemctl prints an error instead: all unknown.
  const answered = words.length === units.length;
  return new Map(units.map((unit, i) => [unit, answered ? stateOf(words[i] ?? '') : null]));
}

function stateOf(word: string): UnitState {
  if (RUNNING.has(word)) return true;
  if (STOPPED.has(word)) return false;
  return null;
}

/** Exit 3 is systemctl's "some unit is not active" (4 on older versions for unknown units). */
export function queryUnits(ctx: LinuxProbeContext, units: readonly string[]): Promise<CommandReading> {
  return runCommand(ctx, 'systemctl', ['is-active', ...units], { acceptExitCodes: [3, 4] });
}
