/**
 * The clipboard port over Electron's `clipboard` (main process only), for a copied maintenance
 * password (14-2). The text goes out in one atomic write together with the platforms' "this is
 * a password" markers, so clipboard history and sync leave it alone: on Windows
 * `ExcludeClipboardContentFromMonitorProcessing` plus `CanIncludeInClipboardHistory` and
 * `CanUploadToCloudClipboard` set to DWORD 0 (Win+V history, cloud clipboard); on macOS the
 * nspasteboard.org `ConcealedType` and `TransientType` markers; on Linux KDE's
 * `x-kde-passwordManagerHint: secret`. Should a platform refuse the markers, the plain text is
 * written instead — the core still clears it after 30 seconds and at lock.
 */
import { clipboard, ClipboardItem } from 'electron';
import type { Clipboard } from '../core/clipboard';

const osFormat = (name: string) => `electron application/osclipboard;format="${name}"`;

function passwordMarkers(): Record<string, string | Blob> {
  const dwordZero = () => new Blob([new Uint8Array(4)]);
  switch (process.platform) {
    case 'win32':
      return {
        [osFormat('ExcludeClipboardContentFromMonitorProcessing')]: dwordZero(),
        [osFormat('CanIncludeInClipboardHistory')]: dwordZero(),
        [osFormat('CanUploadToCloudClipboard')]: dwordZero(),
      };
    case 'darwin':
      // nspasteboard.org: the markers' content does not matter, only their presence.
      return { [osFormat('org.nspasteboard.ConcealedType')]: '', [osFormat('org.nspasteboard.TransientType')]: '' };
    case 'linux':
    case 'aix':
    case 'android':
    case 'cygwin':
    case 'freebsd':
    case 'haiku':
    case 'netbsd':
    case 'openbsd':
    case 'sunos':
      return { [osFormat('x-kde-passwordManagerHint')]: 'secret' };
    default: {
      // A platform Node learns later must choose its markers; until then, KDE's.
      const _unhandled: never = process.platform;
      return { [osFormat('x-kde-passwordManagerHint')]: 'secret' };
    }
  }
}

export const electronClipboard: Clipboard = {
  async writeText(text) {
    try {
      await clipboard.write([new ClipboardItem({ 'text/plain': text, ...passwordMarkers() })]);
    } catch {
      await clipboard.writeText(text);
    }
  },
  readText: () => clipboard.readText(),
  clear: async () => clipboard.clear(),
};
