/**
 * The Linux grant for a whole-medium erasure run for real (issue 14), as root, on a loop device
 * standing in for a USB stick with a mounted file system: before it, an unprivileged account
 * (nobody, 65534) cannot open the device; after the very script pkexec would run — here run
 * directly, since this test is root already and no polkit agent exists — the stick is unmounted
 * and that account can open and write the device, and nothing else changed hands. Skipped with
 * one line where loop devices cannot be made.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linuxMountsOf } from '../../electron/core/erasure/whole-medium/release-device';
import { grantDeviceAccess, type ElevationCommand } from '../../electron/platform/elevation/device-access-grant';
import { runProbeCommand } from '../../electron/platform/self-check/run-probe-command';
import { attachLoopStick, detachAll, isMounted, whyLoopDevicesCannotRun, type LoopStick } from '../support/loop-device';

const exec = promisify(execFile);
const NOBODY = 65534;
const why = await whyLoopDevicesCannotRun();
const setprivMissing = await exec('sh', ['-c', 'command -v setpriv']).then(
  () => false,
  () => true,
);

/** Whether `nobody` may open the device for writing (O_DIRECT, one sector), as the erasure would. */
async function nobodyCanWrite(device: string): Promise<boolean> {
  return exec('setpriv', [
    `--reuid=${NOBODY}`,
    `--regid=${NOBODY}`,
    '--clear-groups',
    'dd',
    'if=/dev/zero',
    `of=${device}`,
    'bs=4096',
    'count=1',
    'oflag=direct',
    'conv=notrunc',
    'status=none',
  ]).then(
    () => true,
    () => false,
  );
}

/** pkexec's part done by this root test itself: the rest of the command runs as it is. */
const withoutPkexec = (command: ElevationCommand) => {
  expect(command.file).toBe('pkexec');
  const [file = '', ...args] = command.args;
  return runProbeCommand(file, args, { timeoutMs: 30_000 });
};

describe.skipIf(why !== null || setprivMissing)(
  `the Linux grant on a real loop device${why ? ` (skipped: ${why})` : setprivMissing ? ' (skipped: setpriv missing)' : ''}`,
  () => {
    let work: string;
    const attached: LoopStick[] = [];
    beforeAll(async () => {
      work = await mkdtemp(path.join(os.tmpdir(), 'fieldguard-grant-'));
    });
    afterAll(async () => {
      await detachAll(attached);
      await rm(work, { recursive: true, force: true });
    });

    it('unmounts the stick and lets the engineer’s account open it, and nothing more', async () => {
      const stick = await attachLoopStick(work, 'stick', 32 * 1024 * 1024, 'FIELDGUARD-GRANT', attached);
      expect(await isMounted(stick.mountDir)).toBe(true);
      expect(await nobodyCanWrite(stick.device)).toBe(false);
      const otherLoop = (await stat('/dev/loop-control')).uid;

      await expect(
        grantDeviceAccess(stick.device, {
          platform: 'linux',
          uid: NOBODY,
          mountsOf: (device) => linuxMountsOf(device),
          run: withoutPkexec,
        }),
      ).resolves.toBe('granted');

      expect(await isMounted(stick.mountDir)).toBe(false);
      expect((await stat(stick.device)).uid).toBe(NOBODY);
      expect(await nobodyCanWrite(stick.device)).toBe(true);
      expect((await stat('/dev/loop-control')).uid).toBe(otherLoop);
      if (stick.fileSystemDevice !== stick.device) expect((await stat(stick.fileSystemDevice)).uid).toBe(0);
    });

    it('a mount that cannot be unmounted is "unmount-failed", and the device stays root’s', async () => {
      const stick = await attachLoopStick(work, 'busy', 32 * 1024 * 1024, 'FIELDGUARD-GRANT', attached);
      // A process with its working directory on the file system keeps it busy.
      const holder = execFile('sh', ['-c', 'sleep 30'], { cwd: stick.mountDir });
      try {
        await expect(
          grantDeviceAccess(stick.device, {
            platform: 'linux',
            uid: NOBODY,
            mountsOf: (device) => linuxMountsOf(device),
            run: withoutPkexec,
          }),
        ).rejects.toMatchObject({ refusal: 'unmount-failed' });
        expect(await isMounted(stick.mountDir)).toBe(true);
        expect((await stat(stick.device)).uid).toBe(0);
      } finally {
        holder.kill('SIGKILL');
        await new Promise((resolve) => holder.once('exit', resolve));
      }
    });
  },
);
