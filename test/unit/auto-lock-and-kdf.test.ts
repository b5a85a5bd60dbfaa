/**
 * Auto-lock follows the configured idle time, and Argon2id calibration lands in the
 * 0.5–1 s window without going below m = 64 MiB, t = 3: the floor on this machine, for real;
 * the window on a model of the time (a wall-clock limit would fail on a loaded machine).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAutoLock } from '../../electron/core/vault/auto-lock';
import { calibrateKdf, KDF_FLOOR, stretchPassword, type KdfParameters } from '../../electron/core/vault/password-kdf';
import { createTestCore, type TestCore } from '../support/test-core';

let core: TestCore;
beforeEach(async () => {
  core = await createTestCore();
});
afterEach(async () => {
  await core.cleanup();
});

describe('auto-lock', () => {
  it('locks after the configured idle minutes, not before, and announces it', async () => {
    await core.createVault();
    await core.handlers['vault.setAutoLock']({ minutes: 3 });
    let idle = 179;
    const autoLock = createAutoLock(core.vault, () => idle);
    expect(autoLock.check()).toBe(false);
    expect(core.vault.isUnlocked()).toBe(true);
    idle = 180;
    expect(autoLock.check()).toBe(true);
    expect(core.vault.isUnlocked()).toBe(false);
    expect(core.events).toContainEqual(['vault.locked', { reason: 'idle' }]);
  });

  it('does nothing while the vault is locked', () => {
    expect(createAutoLock(core.vault, () => 10_000).check()).toBe(false);
  });
});

describe('Argon2id calibration', () => {
  it('never goes below the floor, and keeps the last parameters it measured (real Argon2id on this machine)', async () => {
    const measured: KdfParameters[] = [];
    const parameters = await calibrateKdf(async (p) => {
      measured.push(p);
      const start = performance.now();
      await stretchPassword('calibration', Buffer.alloc(16, 1), p);
      return performance.now() - start;
    });
    expect(parameters.memoryKiB).toBeGreaterThanOrEqual(KDF_FLOOR.memoryKiB);
    expect(parameters.iterations).toBeGreaterThanOrEqual(KDF_FLOOR.iterations);
    expect(measured.at(-1)).toEqual(parameters);
  }, 60_000);

  // How long Argon2id takes here depends on the machine and its load; the window is checked on
  // a model where the time grows with memory and iterations, as Argon2id's does.
  const model = (floorMs: number) => (p: KdfParameters) =>
    floorMs * (p.memoryKiB / KDF_FLOOR.memoryKiB) * (p.iterations / KDF_FLOOR.iterations);

  it('stops inside the 0.5–1 s window: a floor of 130 ms doubles memory twice, to 520 ms', async () => {
    const times: number[] = [];
    const parameters = await calibrateKdf(async (p) => {
      times.push(model(130)(p));
      return times.at(-1)!;
    });
    expect(times).toEqual([130, 260, 520]);
    expect(parameters.memoryKiB).toBe(4 * KDF_FLOOR.memoryKiB);
  });

  it('keeps the floor when the floor alone is slower than the window, and stops as soon as it is inside', async () => {
    expect((await calibrateKdf(async (p) => model(700)(p))).memoryKiB).toBe(KDF_FLOOR.memoryKiB);
    // 400 ms: one doubling projects 800 ms, inside the window: measured, and calibration stops there.
    const times: number[] = [];
    await calibrateKdf(async (p) => {
      times.push(model(400)(p));
      return times.at(-1)!;
    });
    expect(times).toEqual([400, 800]);
  });

  it('grows memory first, up to the cap, when the machine is fast', async () => {
    const parameters = await calibrateKdf(async (p) => ((p.memoryKiB / 4096) * p.iterations) / 3);
    expect(parameters.memoryKiB).toBe(1024 * 1024);
    expect(parameters.iterations).toBe(6);
  });
});
