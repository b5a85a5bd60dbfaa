/**
 * The device-sanitize adapters on recorded outputs (test/fixtures/sanitize, each saying in its
 * "# Source:" header where its shape comes from): what an NVMe controller or a SATA drive
 * offers, why a technique is not offered (frozen, behind a USB bridge, not supported, no
 * rights, the OS), and a sanitize followed to its end through a fake command runner — a real
 * NVMe or SATA device cannot exist here. The rule checked throughout: "completed" only when
 * the device's own log says so after our command, never from an old log or a timeout.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { HdparmNotIdentified, parseHdparmIdentify, parseHdparmSanitizeStatus } from '../../electron/platform/sanitize/hdparm-output';
import { parseNvmeIdCtrl, parseNvmeSanitizeLog } from '../../electron/platform/sanitize/nvme-sanitize-output';
import { readSanitizeCapability } from '../../electron/platform/sanitize/read-sanitize-capability';
import { runAtaSanitize, runNvmeSanitize } from '../../electron/platform/sanitize/run-device-sanitize';
import { sanitizeCapability } from '../../electron/platform/sanitize/sanitize-capability';
import type { DeviceFacts } from '../../electron/core/erasure/medium';
import { nvmeController, runDeviceSanitize } from '../../electron/core/erasure/whole-medium/device-sanitize';
import type { CommandOutcome } from '../../electron/platform/self-check/run-probe-command';
import { scripted } from '../support/scripted-commands';

const FIXTURES = path.join(import.meta.dirname, '../fixtures/sanitize');

/** A fixture without its "# Source:" header line. */
function fixture(name: string): string {
  const text = readFileSync(path.join(FIXTURES, name), 'utf8');
  expect(text.startsWith('# Source: '), `${name} starts with its source`).toBe(true);
  return text.slice(text.indexOf('\n') + 1);
}

const ok = (stdout: string): CommandOutcome => ({ ok: true, stdout, stderr: '', exitCode: 0 });
const denied: CommandOutcome = { ok: false, problem: 'accessDenied', stdout: '', stderr: 'Permission denied', exitCode: 1 };
const missing: CommandOutcome = { ok: false, problem: 'commandMissing', stdout: '', stderr: '', exitCode: null };

function device(overrides: Partial<DeviceFacts>): DeviceFacts {
  return {
    path: '/dev/nvme0n1',
    vendor: null,
    model: 'Test',
    serial: 'SERIAL1234',
    sizeBytes: 1_000_204_886_016,
    transport: 'nvme',
    rotational: false,
    removable: false,
    logicalSectorBytes: 512,
    holdsSystem: false,
    backingFile: null,
    source: 'lsblk',
    ...overrides,
  };
}

const noWait = async () => undefined;

describe('nvme id-ctrl', () => {
  it('reads SANICAP: crypto and block erase offered, overwrite not; model and serial without padding', () => {
    const controller = parseNvmeIdCtrl(fixture('nvme-id-ctrl-crypto-block.txt'));
    expect(controller.model).toBe('Samsung SSD 980 PRO 1TB');
    expect(controller.serial).toBe('S6B0NL0T812345X');
    expect(controller.sanitize).toMatchObject({ cryptoErase: true, blockErase: true, overwrite: false, noDeallocateModifiesMedia: 'no' });
    expect(controller.formatCryptoErase).toBe(true);
  });

  it('reads a controller without the Sanitize command', () => {
    const controller = parseNvmeIdCtrl(fixture('nvme-id-ctrl-no-sanitize.txt'));
    expect(controller.sanitize).toMatchObject({
      cryptoErase: false,
      blockErase: false,
      overwrite: false,
      noDeallocateModifiesMedia: 'not-reported',
    });
  });

  it('refuses output that is not id-ctrl', () => {
    expect(() => parseNvmeIdCtrl(fixture('nvme-sanitize-log-never.txt'))).toThrow();
  });
});

describe('nvme sanitize-log', () => {
  it.each([
    ['nvme-sanitize-log-never.txt', 'never', null],
    ['nvme-sanitize-log-in-progress.txt', 'in-progress', 0.5],
    ['nvme-sanitize-log-completed.txt', 'completed', null],
    ['nvme-sanitize-log-failed.txt', 'failed', null],
    ['nvme-sanitize-log-1x-numeric.txt', 'completed', null],
  ] as const)('%s: %s', (name, state, progress) => {
    const log = parseNvmeSanitizeLog(fixture(name));
    expect(log.state).toBe(state);
    expect(log.progress).toBe(progress);
  });

  it('keeps the action and "global data erased" of the last sanitize', () => {
    expect(parseNvmeSanitizeLog(fixture('nvme-sanitize-log-completed.txt'))).toMatchObject({ lastAction: 2, globalDataErased: true });
    expect(parseNvmeSanitizeLog(fixture('nvme-sanitize-log-1x-numeric.txt'))).toMatchObject({ lastAction: 4, globalDataErased: true });
  });
});

describe('hdparm -I', () => {
  it('reads the SANITIZE feature set and an unfrozen security state', () => {
    const drive = parseHdparmIdentify(fixture('hdparm-I-sata-ssd-not-frozen.txt'));
    expect(drive).toMatchObject({ model: 'Samsung SSD 870 EVO 500GB', serial: 'S62ANJ0R123456K', solidState: true });
    expect(drive.sanitize).toEqual({ featureSet: true, cryptoScramble: true, blockErase: true, overwrite: false });
    expect(drive.security).toEqual({ supported: true, enabled: false, locked: false, frozen: false, enhancedErase: true });
  });

  it('reads "frozen" as frozen and "not frozen" as not', () => {
    expect(parseHdparmIdentify(fixture('hdparm-I-sata-ssd-frozen.txt')).security?.frozen).toBe(true);
  });

  it('reads a rotational disk without SANITIZE', () => {
    const drive = parseHdparmIdentify(fixture('hdparm-I-sata-hdd-no-sanitize.txt'));
    expect(drive.solidState).toBe(false);
    expect(drive.sanitize.featureSet).toBe(false);
  });

  it('says a USB bridge that does not pass ATA commands identified nothing', () => {
    expect(() => parseHdparmIdentify(fixture('hdparm-I-usb-bridge.txt'))).toThrow(HdparmNotIdentified);
  });

  it('reads the sanitize status states', () => {
    expect(parseHdparmSanitizeStatus(fixture('hdparm-sanitize-status-in-progress.txt'))).toEqual({
      state: 'in-progress',
      progress: 0.25,
      lastCompletedWithoutError: false,
    });
    expect(parseHdparmSanitizeStatus(fixture('hdparm-sanitize-status-succeeded.txt'))).toMatchObject({
      state: 'idle',
      lastCompletedWithoutError: true,
    });
    expect(parseHdparmSanitizeStatus(fixture('hdparm-sanitize-status-failed.txt')).state).toBe('failed');
  });
});

describe('sanitize capability', () => {
  const available = (capability: ReturnType<typeof sanitizeCapability>) =>
    capability.offers.filter((o) => o.available).map((o) => o.technique);

  it('offers NVMe crypto and block erase when SANICAP has them', async () => {
    const capability = await readSanitizeCapability(
      device({}),
      scripted([['nvme id-ctrl /dev/nvme0n1', ok(fixture('nvme-id-ctrl-crypto-block.txt'))]]).run,
      'linux',
    );
    expect(available(capability)).toEqual(['sanitize-crypto', 'sanitize-block']);
    expect(capability.reason).toBeNull();
  });

  it('offers nothing, saying "not supported", for a controller without Sanitize', async () => {
    const capability = await readSanitizeCapability(
      device({}),
      scripted([['nvme id-ctrl', ok(fixture('nvme-id-ctrl-no-sanitize.txt'))]]).run,
      'linux',
    );
    expect(available(capability)).toEqual([]);
    expect(capability.reason).toBe('not-supported');
  });

  it('says what is needed when nvme-cli is missing or refused', async () => {
    expect((await readSanitizeCapability(device({}), scripted([['nvme', missing]]).run, 'linux')).reason).toBe('tool-missing');
    expect((await readSanitizeCapability(device({}), scripted([['nvme', denied]]).run, 'linux')).reason).toBe('no-admin-rights');
  });

  it('offers ATA sanitize on an unfrozen SATA SSD, and not on a frozen one', async () => {
    const sata = device({ path: '/dev/sdb', transport: 'sata' });
    const unfrozen = await readSanitizeCapability(
      sata,
      scripted([['hdparm -I /dev/sdb', ok(fixture('hdparm-I-sata-ssd-not-frozen.txt'))]]).run,
      'linux',
    );
    expect(available(unfrozen)).toEqual(['sanitize-crypto', 'sanitize-block']);
    const frozen = await readSanitizeCapability(
      sata,
      scripted([['hdparm -I /dev/sdb', ok(fixture('hdparm-I-sata-ssd-frozen.txt'))]]).run,
      'linux',
    );
    expect(available(frozen)).toEqual([]);
    expect(frozen.reason).toBe('frozen');
  });

  it('names the bridge for a USB device, without asking it anything', async () => {
    const { run, asked } = scripted([]);
    const capability = await readSanitizeCapability(device({ path: '/dev/sdc', transport: 'usb' }), run, 'linux');
    expect(capability.reason).toBe('bridge');
    expect(asked).toEqual([]);
  });

  it('names the bridge when hdparm gets no identify answer from a SATA-looking device', async () => {
    const capability = await readSanitizeCapability(
      device({ path: '/dev/sdc', transport: 'sata' }),
      scripted([['hdparm -I', ok(fixture('hdparm-I-usb-bridge.txt'))]]).run,
      'linux',
    );
    expect(capability.reason).toBe('bridge');
  });

  it('never offers a sanitize of a disk that holds (or may hold) the system', () => {
    expect(sanitizeCapability({ platform: 'linux', device: { transport: 'nvme', holdsSystem: true } }).reason).toBe('system-disk');
    expect(sanitizeCapability({ platform: 'linux', device: { transport: 'nvme', holdsSystem: null } }).reason).toBe('system-disk');
  });

  it('on macOS offers no device sanitize (an overwrite is used)', () => {
    expect(sanitizeCapability({ platform: 'darwin', device: { transport: 'nvme', holdsSystem: false } }).reason).toBe('platform');
  });

  it('on Windows: IOCTL_STORAGE_REINITIALIZE_MEDIA could apply only to an NVMe data disk, and is not run without the native helper', () => {
    const nvme = sanitizeCapability({ platform: 'win32', device: { transport: 'nvme', holdsSystem: false } });
    expect(nvme.offers.every((o) => o.command === 'windows-reinitialize-media' && !o.available)).toBe(true);
    expect(nvme.reason).toBe('platform');
    expect(sanitizeCapability({ platform: 'win32', device: { transport: 'usb', holdsSystem: false } }).reason).toBe('bridge');
    expect(sanitizeCapability({ platform: 'win32', device: { transport: 'sata', holdsSystem: false } }).reason).toBe('not-supported');
  });

  it('offers nothing for a loop device or an SD card', () => {
    expect(sanitizeCapability({ platform: 'linux', device: { transport: 'virtual', holdsSystem: false } }).reason).toBe('not-supported');
    expect(sanitizeCapability({ platform: 'linux', device: { transport: 'sd', holdsSystem: false } }).reason).toBe('not-supported');
  });
});

describe('running a device sanitize', () => {
  it('NVMe: starts the block erase and follows the log through "in progress" to "completed"', async () => {
    const progress: number[] = [];
    const { run, asked } = scripted([
      ['nvme sanitize-log /dev/nvme0', ok(fixture('nvme-sanitize-log-never.txt'))],
      ['nvme sanitize /dev/nvme0 --sanact=2', ok('')],
      ['nvme sanitize-log', ok(fixture('nvme-sanitize-log-in-progress.txt'))],
      ['nvme sanitize-log', ok(fixture('nvme-sanitize-log-completed.txt'))],
    ]);
    const result = await runNvmeSanitize('/dev/nvme0', 'sanitize-block', { run, sleep: noWait, onProgress: (p) => progress.push(p) });
    expect(result.outcome).toBe('completed');
    expect(progress).toEqual([0.5, 1]);
    expect(asked[1]).toBe('nvme sanitize /dev/nvme0 --sanact=2');
  });

  it('NVMe: a log that still shows an earlier, identical sanitize is not taken as this one', async () => {
    const { run } = scripted([
      ['nvme sanitize-log', ok(fixture('nvme-sanitize-log-completed.txt'))],
      ['nvme sanitize', ok('')],
      ['nvme sanitize-log', ok(fixture('nvme-sanitize-log-completed.txt'))],
    ]);
    expect((await runNvmeSanitize('/dev/nvme0', 'sanitize-block', { run, sleep: noWait })).outcome).toBe('unconfirmed');
  });

  it('NVMe: a completed log naming another action than ours is not ours', async () => {
    const { run } = scripted([
      ['nvme sanitize-log', ok(fixture('nvme-sanitize-log-never.txt'))],
      ['nvme sanitize /dev/nvme0 --sanact=4', ok('')],
      ['nvme sanitize-log', ok(fixture('nvme-sanitize-log-completed.txt'))],
    ]);
    expect((await runNvmeSanitize('/dev/nvme0', 'sanitize-crypto', { run, sleep: noWait })).outcome).toBe('unconfirmed');
  });

  it('NVMe: a failed sanitize is failed', async () => {
    const { run } = scripted([
      ['nvme sanitize-log', ok(fixture('nvme-sanitize-log-never.txt'))],
      ['nvme sanitize /dev/nvme0 --sanact=4', ok('')],
      ['nvme sanitize-log', ok(fixture('nvme-sanitize-log-failed.txt'))],
    ]);
    expect((await runNvmeSanitize('/dev/nvme0', 'sanitize-crypto', { run, sleep: noWait })).outcome).toBe('failed');
  });

  it('NVMe: a refused command (no rights) is refused, and nothing is polled', async () => {
    const { run, asked } = scripted([
      ['nvme sanitize-log', ok(fixture('nvme-sanitize-log-never.txt'))],
      ['nvme sanitize', denied],
    ]);
    expect((await runNvmeSanitize('/dev/nvme0', 'sanitize-crypto', { run, sleep: noWait })).outcome).toBe('refused');
    expect(asked).toHaveLength(2);
  });

  it('NVMe: stops following after the time limit and says it is unconfirmed', async () => {
    const answers: Array<[string, CommandOutcome]> = [
      ['nvme sanitize-log', ok(fixture('nvme-sanitize-log-never.txt'))],
      ['nvme sanitize', ok('')],
    ];
    for (let i = 0; i < 5; i += 1) answers.push(['nvme sanitize-log', ok(fixture('nvme-sanitize-log-in-progress.txt'))]);
    const { run } = scripted(answers);
    let waited = 0;
    const result = await runNvmeSanitize('/dev/nvme0', 'sanitize-block', { run, sleep: async () => void (waited += 1), timeoutMs: 0 });
    expect(result.outcome).toBe('unconfirmed');
    expect(waited).toBe(1);
  });

  it('ATA: BLOCK ERASE EXT through hdparm, followed from SD0 through SD2 to "completed without error"', async () => {
    const { run, asked } = scripted([
      ['hdparm --sanitize-status /dev/sdb', ok(fixture('hdparm-sanitize-status-idle-before.txt'))],
      ['hdparm --yes-i-know-what-i-am-doing --sanitize-block-erase /dev/sdb', ok('')],
      ['hdparm --sanitize-status', ok(fixture('hdparm-sanitize-status-in-progress.txt'))],
      ['hdparm --sanitize-status', ok(fixture('hdparm-sanitize-status-succeeded.txt'))],
    ]);
    expect((await runAtaSanitize('/dev/sdb', 'sanitize-block', { run, sleep: noWait })).outcome).toBe('completed');
    expect(asked).toHaveLength(4);
  });

  it('ATA: SD3 is failed', async () => {
    const { run } = scripted([
      ['hdparm --sanitize-status', ok(fixture('hdparm-sanitize-status-idle-before.txt'))],
      ['hdparm --yes-i-know-what-i-am-doing --sanitize-crypto-scramble /dev/sdb', ok('')],
      ['hdparm --sanitize-status', ok(fixture('hdparm-sanitize-status-failed.txt'))],
    ]);
    expect((await runAtaSanitize('/dev/sdb', 'sanitize-crypto', { run, sleep: noWait })).outcome).toBe('failed');
  });
});

describe('a device sanitize chosen for a whole-medium erasure', () => {
  it('asks the NVMe controller what it offers, then sanitizes the controller of the namespace and follows it to completion', async () => {
    const { run, asked } = scripted([
      ['nvme id-ctrl /dev/nvme0n1', ok(fixture('nvme-id-ctrl-crypto-block.txt'))],
      ['nvme sanitize-log /dev/nvme0 ', ok(fixture('nvme-sanitize-log-never.txt'))],
      ['nvme sanitize /dev/nvme0 --sanact=2', ok('')],
      ['nvme sanitize-log /dev/nvme0 ', ok(fixture('nvme-sanitize-log-completed.txt'))],
    ]);
    const result = await runDeviceSanitize(device({}), 'sanitize-block', { run, platform: 'linux', sleep: noWait });
    expect(result.outcome).toBe('completed');
    expect(asked).toHaveLength(4);
    expect(nvmeController('/dev/nvme12n3')).toBe('/dev/nvme12');
  });

  it('runs nothing on a drive that is frozen now, and says so', async () => {
    const { run, asked } = scripted([['hdparm -I /dev/sdb', ok(fixture('hdparm-I-sata-ssd-frozen.txt'))]]);
    const result = await runDeviceSanitize(device({ path: '/dev/sdb', transport: 'sata' }), 'sanitize-crypto', {
      run,
      platform: 'linux',
      sleep: noWait,
    });
    expect(result).toMatchObject({ outcome: 'refused', commands: [] });
    expect(result.detail).toMatch(/frozen/);
    expect(asked).toEqual(['hdparm -I /dev/sdb']);
  });

  it('runs nothing on a controller that lacks the technique chosen', async () => {
    const { run } = scripted([['nvme id-ctrl', ok(fixture('nvme-id-ctrl-no-sanitize.txt'))]]);
    expect((await runDeviceSanitize(device({}), 'sanitize-crypto', { run, platform: 'linux' })).outcome).toBe('refused');
  });
});
