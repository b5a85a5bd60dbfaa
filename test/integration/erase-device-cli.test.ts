/**
 * `fieldguard erase --list-devices` and `fieldguard erase --device` on a real 64 MiB loop device
 * with a mounted ext4 file system full of marker strings, through the real CLI on a real vault
 * (issue 14): the device is listed as one that can be chosen; a wrong confirmation is refused
 * with exit 1 and leaves it mounted; the right one unmounts it, erases every sector and reads it
 * all back, issues a certificate whose signed evidence names the whole medium, and exits 0 —
 * and afterwards no sector of the device holds a marker. Needs Linux, root, losetup and
 * mkfs.ext4 (skipped with one line otherwise).
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCertificateEvidence } from '../../electron/core/certificates/verify-certificate';
import type { ErasureEvidence } from '../../electron/core/erasure/erasure-evidence';
import { attachLoopStick, detachAll, isMounted, whyLoopDevicesCannotRun, type LoopStick } from '../support/loop-device';
import { initVaultWithCli, runFieldguard, type CliRun } from '../support/run-cli';
import { TEST_PASSWORD } from '../support/test-core';

const MARKER = 'FIELDGUARD-CLI-WHOLE-MEDIUM-MARKER';
const SIZE = 64 * 1024 * 1024;
const skipReason = await whyLoopDevicesCannotRun();
if (skipReason) console.warn(`erase-device-cli: skipped — ${skipReason}`);

let work: string;
let dataDir: string;
const attached: LoopStick[] = [];

function fieldguard(args: string[]): Promise<CliRun> {
  return runFieldguard([...args, '--data-dir', dataDir, '--password-stdin'], `${TEST_PASSWORD}\n`);
}

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'fieldguard-erase-device-'));
  dataDir = path.join(work, 'data');
  if (skipReason) return;
  await initVaultWithCli(dataDir, TEST_PASSWORD);
}, 90_000);
afterAll(async () => {
  await detachAll(attached);
  await rm(work, { recursive: true, force: true });
});

describe.skipIf(skipReason !== null)('fieldguard erase --device on a loop device', () => {
  let stick: LoopStick;
  let name: string;
  beforeAll(async () => {
    stick = await attachLoopStick(work, 'stick', SIZE, MARKER, attached);
    name = path.basename(stick.device);
  });

  it('lists the device as one that can be chosen, confirmed by its name', async () => {
    const listed = await fieldguard(['erase', '--list-devices', '--json']);
    expect(listed.code, listed.stderr).toBe(0);
    const { devices } = JSON.parse(listed.stdout) as {
      devices: Array<{
        path: string;
        refusal: string | null;
        confirmation: { kind: string; text: string };
        sanitize: { reason: string | null };
      }>;
    };
    // A loop device has no sanitize of its own: the list says so, and why.
    expect(devices.find((d) => d.path === stick.device)).toMatchObject({
      refusal: null,
      confirmation: { kind: 'device-name', text: name },
      sanitize: { reason: 'not-supported' },
    });
    // The disk this machine runs from is listed too, and refused.
    expect(devices.some((d) => d.refusal === 'ERASURE_DEVICE_HOLDS_SYSTEM')).toBe(true);
  });

  it('refuses a wrong confirmation with exit 1, before the vault is opened, and leaves the file system mounted', async () => {
    const refused = await fieldguard(['erase', '--device', stick.device, '--confirm-serial', `${name}0`, '--site', '東都病院']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('ERASURE_DEVICE_CONFIRMATION_MISMATCH');
    expect(await isMounted(stick.mountDir)).toBe(true);
  });

  it('refuses a device sanitize the device does not offer with exit 1, naming the reason, before anything is journaled or unmounted', async () => {
    const refused = await fieldguard([
      'erase',
      '--device',
      stick.device,
      '--confirm-serial',
      name,
      '--site',
      '東都病院',
      '--technique',
      'sanitize-crypto',
    ]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('ERASURE_DEVICE_SANITIZE_UNAVAILABLE');
    expect(refused.stderr).toMatch(
      /sanitize-crypto — (この装置はこの方式のサニタイズに対応していません|the device does not support this sanitize technique)/,
    );
    expect(await isMounted(stick.mountDir)).toBe(true);
    const jobs = await fieldguard(['erase', '--list-jobs', '--json']);
    expect(jobs.stdout).not.toContain(stick.device);
    const unknown = await fieldguard([
      'erase',
      '--device',
      stick.device,
      '--confirm-serial',
      name,
      '--site',
      '東都病院',
      '--technique',
      'secure-erase',
    ]);
    expect(unknown.code).toBe(2);
  });

  it('erases every sector, issues the certificate of the whole medium, and exits 0; no marker is left on the device', async () => {
    const certificate = path.join(work, 'stick.pdf');
    const run = await fieldguard([
      'erase',
      '--device',
      stick.device,
      '--confirm-serial',
      name,
      '--site',
      '東都病院',
      '--administrator',
      '佐藤 一郎',
      '--certificate',
      certificate,
      '--json',
    ]);
    expect(run.code, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout) as {
      status: string;
      erased: boolean;
      bytesVerified: number;
      badSectors: number;
      certificate: string;
    };
    expect(result).toMatchObject({ status: 'erased', erased: true, bytesVerified: SIZE, badSectors: 0 });
    expect(await isMounted(stick.mountDir)).toBe(false);

    const bytes = await readFile(stick.device);
    expect(bytes.length).toBe(SIZE);
    expect(bytes.includes(MARKER)).toBe(false);
    expect(bytes.equals(Buffer.alloc(SIZE))).toBe(false);

    const document = await readCertificateEvidence(await readFile(certificate));
    const evidence = (document?.payload.facts as unknown as { erasure: ErasureEvidence }).erasure;
    expect(evidence).toMatchObject({ scope: 'whole-medium', status: 'erased' });
    expect(evidence.items[0]).toMatchObject({ kind: 'device', path: stick.device, bytesVerified: SIZE });
  }, 120_000);
});
