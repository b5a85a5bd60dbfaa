/** The self-check probes of the OS FieldGuard runs on: Windows (the main target), macOS or Linux. */
import type { PostureProbes } from '../../core/posture/posture-observations';
import { createLinuxProbes } from './linux/linux-probes';
import { createMacosProbes } from './macos/macos-probes';
import { createWindowsProbes } from './windows/windows-probes';

export function createPostureProbes(platform: NodeJS.Platform = process.platform): PostureProbes {
  if (platform === 'win32') return createWindowsProbes();
  if (platform === 'darwin') return createMacosProbes();
  return createLinuxProbes();
}
