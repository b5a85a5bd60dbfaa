/**
 * Argon2id (RFC 9106) stretches the vault password. Parameters are calibrated once, at
 * setup, to take 0.5–1 s on this laptop, and never go below m = 64 MiB, t = 3 (docs/decisions.md,
 * "Password KDF"): a stolen vault.json then costs an attacker that much per guess.
 */
import { hashRaw, type Algorithm } from '@node-rs/argon2';

// @node-rs/argon2's Algorithm is a const enum, which isolated modules cannot import: its Argon2id value.
// eslint-disable-next-line @typescript-eslint/no-unsafe-enum-assignment -- the enum's value, written out (above)
const ARGON2ID = 2 as Algorithm;
import { z } from 'zod';

/**
 * The most work calibration ever chooses (1 GiB, then passes up to 16 while one try stays under
 * 1 s), and so the most a header may ask for: vault.json is outside the database's protection,
 * and a crafted one asking 4 GiB × 64 passes made every try take half a minute and 4 GiB (issue 17).
 */
const MAX_ITERATIONS = 16;
const MEMORY_CAP_KiB = 1024 * 1024;

export const KdfParameters = z.object({
  algorithm: z.literal('argon2id'),
  version: z.literal(19),
  memoryKiB: z
    .number()
    .int()
    .min(64 * 1024)
    .max(MEMORY_CAP_KiB),
  iterations: z.number().int().min(3).max(MAX_ITERATIONS),
  parallelism: z.number().int().min(1).max(16),
});
export type KdfParameters = z.infer<typeof KdfParameters>;

export const KDF_FLOOR: KdfParameters = { algorithm: 'argon2id', version: 19, memoryKiB: 64 * 1024, iterations: 3, parallelism: 1 };

const TARGET_MIN_MS = 500;
const TARGET_MAX_MS = 1000;

export async function stretchPassword(password: string, salt: Buffer, parameters: KdfParameters): Promise<Buffer> {
  return hashRaw(password, {
    algorithm: ARGON2ID,
    memoryCost: parameters.memoryKiB,
    timeCost: parameters.iterations,
    parallelism: parameters.parallelism,
    salt,
    outputLen: 32,
  });
}

/**
 * Doubles memory (then iterations) from the floor until one derivation takes at least
 * 0.5 s, stopping before it would exceed 1 s. Memory is the costlier resource for an
 * attacker's GPUs, so it grows first, up to 1 GiB.
 */
export async function calibrateKdf(measure: (p: KdfParameters) => Promise<number> = timeDerivation): Promise<KdfParameters> {
  let parameters: KdfParameters = { ...KDF_FLOOR, parallelism: 2 };
  let elapsed = await measure(parameters);
  while (elapsed < TARGET_MIN_MS && parameters.iterations < MAX_ITERATIONS) {
    const next: KdfParameters =
      parameters.memoryKiB < MEMORY_CAP_KiB
        ? { ...parameters, memoryKiB: parameters.memoryKiB * 2 }
        : { ...parameters, iterations: parameters.iterations + 1 };
    // Each step at most doubles the time: stop if the estimate passes the ceiling.
    const projected = next.memoryKiB !== parameters.memoryKiB ? elapsed * 2 : (elapsed * next.iterations) / parameters.iterations;
    if (projected > TARGET_MAX_MS) break;
    parameters = next;
    elapsed = await measure(parameters);
  }
  return parameters;
}

async function timeDerivation(parameters: KdfParameters): Promise<number> {
  const start = performance.now();
  await stretchPassword('calibration', Buffer.alloc(16, 1), parameters);
  return performance.now() - start;
}
