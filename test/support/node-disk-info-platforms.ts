/**
 * node-disk-info's own per-OS parsers, reached inside the package, so that tests can feed them
 * recorded `df` outputs (by replacing its command runner) and check what the app makes
 * of the drives they return. `restoreAfterEach` puts the real runner back after every test.
 */
import { createRequire } from 'node:module';
import { afterEach } from 'vitest';
import type { DriveRecord } from '../../electron/platform/disks/volumes-from-drives';

const require = createRequire(import.meta.url);
export const utils = require('node-disk-info/dist/utils/utils.js') as { Utils: { execute(cmd: string): Buffer; chcp(): string } };
export const { Darwin } = require('node-disk-info/dist/platforms/darwin.js') as { Darwin: { run(): DriveRecord[] } };
export const { Linux } = require('node-disk-info/dist/platforms/linux.js') as { Linux: { run(): DriveRecord[] } };

export function restoreAfterEach(): void {
  // Kept only to be put back as they were, never called unbound.
  // eslint-disable-next-line @typescript-eslint/unbound-method
  const originalExecute = utils.Utils.execute;
  // eslint-disable-next-line @typescript-eslint/unbound-method
  const originalChcp = utils.Utils.chcp;
  afterEach(() => {
    utils.Utils.execute = originalExecute;
    utils.Utils.chcp = originalChcp;
  });
}
