/**
 * `wholeMedium.grantAccess` (issue 14) through the app's own handlers on a real vault: the OS's
 * administrator prompt is asked for only for a listed device this erasure may take and only
 * once the engineer has typed its confirmation — never for the system disk, never for a device
 * replaced since it was listed — each answer of the prompt becomes its own refusal, and a grant
 * is written to the audit log with the device it was for.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeviceFacts } from '../../electron/core/erasure/medium';
import { ElevationError, type ElevationRefusal } from '../../electron/platform/elevation/device-access-grant';
import { errorCodeOf } from '../support/error-code';
import { invokeThroughRouter, type Invoke } from '../support/invoke';
import { createTestCore, recordingLogger, type TestCore } from '../support/test-core';

const facts = (overrides: Partial<DeviceFacts>): DeviceFacts => ({
  path: '/dev/sdb',
  vendor: 'SanDisk',
  model: 'Cruzer Blade',
  serial: '4C530001230815117224',
  sizeBytes: 16_008_609_792,
  transport: 'usb',
  rotational: false,
  removable: true,
  logicalSectorBytes: 512,
  holdsSystem: false,
  backingFile: null,
  source: 'lsblk',
  ...overrides,
});
const STICK = facts({});
const SYSTEM = facts({
  path: '/dev/nvme0n1',
  vendor: null,
  model: 'KIOXIA KXG60ZNV512G',
  serial: '8ED1234ABCD',
  transport: 'nvme',
  removable: false,
  holdsSystem: true,
});

let core: TestCore;
let invoke: Invoke;
let attached: DeviceFacts[] = [SYSTEM, STICK];
const asked: string[] = [];
let answer: ElevationRefusal | 'granted' = 'granted';

async function listed(path: string): Promise<string> {
  const { devices } = await invoke('wholeMedium.devices', {});
  const device = devices.find((d) => d.path === path);
  if (!device) throw new Error(`${path} not listed`);
  return device.id;
}

beforeAll(async () => {
  core = await createTestCore({
    listWholeDevices: async () => attached,
    grantDeviceAccess: async (device) => {
      asked.push(device.path);
      if (answer !== 'granted') throw new ElevationError(answer, 'from the test');
      return 'granted';
    },
  });
  invoke = invokeThroughRouter(core.handlers, recordingLogger(core.logLines));
  await core.createVault();
});
afterAll(async () => {
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- unset when the setup failed
  await core?.cleanup();
});

describe('wholeMedium.grantAccess', () => {
  it('asks the OS once for a confirmed removable device, and records the grant in the audit log', async () => {
    asked.length = 0;
    answer = 'granted';
    await expect(invoke('wholeMedium.grantAccess', { deviceId: await listed('/dev/sdb'), confirmation: '７２２４' })).resolves.toEqual({
      outcome: 'granted',
    });
    expect(asked).toEqual(['/dev/sdb']);
    const { entries } = await invoke('audit.list', { types: ['erasure.device-access-granted'] });
    expect(entries).toHaveLength(1);
    expect(entries[0]?.details).toMatchObject({
      device: '/dev/sdb',
      model: 'Cruzer Blade',
      serial: '4C530001230815117224',
      outcome: 'granted',
    });
  });

  it('never asks for the system disk, a wrong confirmation, an unknown handle, or a device replaced since the list', async () => {
    asked.length = 0;
    answer = 'granted';
    // One list: each listing replaces the handles of the one before.
    const { devices } = await invoke('wholeMedium.devices', {});
    const system = devices.find((d) => d.path === '/dev/nvme0n1')?.id ?? '';
    const stick = devices.find((d) => d.path === '/dev/sdb')?.id ?? '';
    expect(await errorCodeOf(() => invoke('wholeMedium.grantAccess', { deviceId: system, confirmation: 'ABCD' }))).toBe(
      'ERASURE_DEVICE_HOLDS_SYSTEM',
    );
    expect(await errorCodeOf(() => invoke('wholeMedium.grantAccess', { deviceId: stick, confirmation: '7225' }))).toBe(
      'ERASURE_DEVICE_CONFIRMATION_MISMATCH',
    );
    expect(await errorCodeOf(() => invoke('wholeMedium.grantAccess', { deviceId: crypto.randomUUID(), confirmation: '7224' }))).toBe(
      'ERASURE_DEVICE_NOT_FOUND',
    );
    const id = stick;
    attached = [SYSTEM, facts({ serial: 'AA00000000000000BB01' })];
    try {
      expect(await errorCodeOf(() => invoke('wholeMedium.grantAccess', { deviceId: id, confirmation: '7224' }))).toBe(
        'ERASURE_DEVICE_CHANGED',
      );
    } finally {
      attached = [SYSTEM, STICK];
    }
    expect(asked).toEqual([]);
  });

  it.each([
    ['declined', 'ERASURE_DEVICE_ADMIN_DECLINED'],
    ['unavailable', 'ERASURE_DEVICE_ADMIN_UNAVAILABLE'],
    ['failed', 'ERASURE_DEVICE_ADMIN_FAILED'],
    ['unmount-failed', 'ERASURE_DEVICE_UNMOUNT_FAILED'],
  ] as const)('a prompt that ends "%s" is refused as %s, and nothing is audited as granted', async (refusal, code) => {
    answer = refusal;
    const before = (await invoke('audit.list', { types: ['erasure.device-access-granted'] })).total;
    const stick = await listed('/dev/sdb');
    expect(await errorCodeOf(() => invoke('wholeMedium.grantAccess', { deviceId: stick, confirmation: '7224' }))).toBe(code);
    expect((await invoke('audit.list', { types: ['erasure.device-access-granted'] })).total).toBe(before);
  });

  it('without a prompt on this computer the refusal says so', async () => {
    const bare = await createTestCore({ listWholeDevices: async () => [STICK] });
    try {
      const invokeBare = invokeThroughRouter(bare.handlers, recordingLogger(bare.logLines));
      await bare.createVault();
      const [device] = (await invokeBare('wholeMedium.devices', {})).devices;
      expect(await errorCodeOf(() => invokeBare('wholeMedium.grantAccess', { deviceId: device?.id ?? '', confirmation: '7224' }))).toBe(
        'ERASURE_DEVICE_ADMIN_UNAVAILABLE',
      );
    } finally {
      await bare.cleanup();
    }
  });
});
