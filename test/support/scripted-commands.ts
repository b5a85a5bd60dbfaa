/**
 * A stand-in for the commands a device sanitize runs (`nvme`, `hdparm`), which cannot run on
 * this machine: it answers each command from a script of recorded outputs, in order, checks
 * that the command asked is the one expected, and records every command — so a test can say
 * what was sent to the device, and that nothing was sent twice.
 */
import { expect } from 'vitest';
import type { CommandOutcome } from '../../electron/platform/self-check/run-probe-command';
import type { RunCommand } from '../../electron/platform/sanitize/run-device-sanitize';

export function scripted(answers: Array<[string, CommandOutcome]>): { run: RunCommand; asked: string[] } {
  const asked: string[] = [];
  const run: RunCommand = async (file, args) => {
    const line = [file, ...args].join(' ');
    asked.push(line);
    const next = answers.shift();
    if (!next) throw new Error(`unexpected command: ${line}`);
    expect(line).toContain(next[0]);
    return next[1];
  };
  return { run, asked };
}
