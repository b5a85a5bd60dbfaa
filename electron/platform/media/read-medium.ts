/**
 * The medium under an erasure target, and the whole devices of this computer, for this OS —
 * the one entry point the erasure evidence and the whole-medium erasure call. Never throws for
 * a fact it cannot read: the fact stays null and the reason goes to `problems`, so the grade
 * (core/erasure/nist-grade.ts) falls to partial rather than guessing. Only listWholeDevices
 * throws MediaUnreadableError, when there is no device list at all to show.
 */
import type { DeviceFacts, Medium } from '../../core/erasure/medium';
import { listLinuxWholeDevices, readLinuxMedium } from './linux-medium-probe';
import { listMacWholeDevices, readMacMedium } from './macos-medium-probe';
import { MediaUnreadableError, type MediumOptions } from './medium-options';
import { listWindowsWholeDevices, readWindowsMedium } from './windows-medium-probe';

export { MediaUnreadableError, type MediumOptions } from './medium-options';

export async function readMedium(target: string, options: MediumOptions = {}): Promise<Medium> {
  try {
    switch (process.platform) {
      case 'linux':
        return await readLinuxMedium(target, options);
      case 'win32':
        return await readWindowsMedium(target, options);
      case 'darwin':
        return await readMacMedium(target, options);
      case 'aix':
      case 'android':
      case 'cygwin':
      case 'freebsd':
      case 'haiku':
      case 'netbsd':
      case 'openbsd':
      case 'sunos':
        return { volume: null, device: null, problems: [`the medium cannot be read on ${process.platform}`] };
      default: {
        // A platform Node learns later must choose its probe; until then, unreadable.
        const unhandled: never = process.platform;
        return { volume: null, device: null, problems: [`the medium cannot be read on ${String(unhandled)}`] };
      }
    }
  } catch (error) {
    // The probes report failures as problems; this is the last guard of "never throws".
    return {
      volume: null,
      device: null,
      problems: [`the medium could not be read: ${error instanceof Error ? error.message : String(error)}`],
    };
  }
}

export async function listWholeDevices(options: MediumOptions = {}): Promise<DeviceFacts[]> {
  switch (process.platform) {
    case 'linux':
      return listLinuxWholeDevices(options);
    case 'win32':
      return listWindowsWholeDevices(options);
    case 'darwin':
      return listMacWholeDevices(options);
    case 'aix':
    case 'android':
    case 'cygwin':
    case 'freebsd':
    case 'haiku':
    case 'netbsd':
    case 'openbsd':
    case 'sunos':
      throw new MediaUnreadableError([`devices cannot be listed on ${process.platform}`]);
    default: {
      // A platform Node learns later must choose its probe; until then, unlisted.
      const unhandled: never = process.platform;
      throw new MediaUnreadableError([`devices cannot be listed on ${String(unhandled)}`]);
    }
  }
}
