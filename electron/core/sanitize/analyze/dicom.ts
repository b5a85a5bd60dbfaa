/**
 * DICOM's 128-byte preamble (PS3.10 7.1) is free for any use, which CVE-2019-11687 turns
 * into PE/DICOM polyglots: a file that is both a valid study and a Windows program. Zeroing
 * the preamble of the output copy keeps the study intact and removes the program, so such a
 * file is sanitized, not blocked. A TIFF header there is a legitimate dual-format file the
 * engineer decides on (zeroing would break its TIFF side).
 */
import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import { executableFormat, isShortcut, type ExecutableFormat } from './executables';
import { CHUNK_BYTES, openReadOnly } from './content-source';

export const DICOM_PREAMBLE_BYTES = 128;

export function isDicom(head: Buffer): boolean {
  return head.length >= DICOM_PREAMBLE_BYTES + 4 && head.toString('latin1', DICOM_PREAMBLE_BYTES, DICOM_PREAMBLE_BYTES + 4) === 'DICM';
}

export type PreambleKind =
  | { readonly kind: 'zero' }
  | { readonly kind: 'tiff' }
  /** Something runnable sits in the preamble: an executable header, a shortcut or a shebang. */
  | { readonly kind: 'runnable'; readonly what: ExecutableFormat | 'shortcut' | 'script' }
  | { readonly kind: 'other' };

export function classifyPreamble(head: Buffer): PreambleKind {
  const preamble = head.subarray(0, DICOM_PREAMBLE_BYTES);
  if (preamble.every((byte) => byte === 0)) return { kind: 'zero' };
  const start = preamble.toString('latin1', 0, 4);
  if (start === 'II*\0' || start === 'MM\0*') return { kind: 'tiff' };
  // The PE header of a polyglot lies past the preamble, so look at the whole head.
  const format = executableFormat(head);
  if (format) return { kind: 'runnable', what: format };
  if (isShortcut(head)) return { kind: 'runnable', what: 'shortcut' };
  if (start.startsWith('#!')) return { kind: 'runnable', what: 'script' };
  return { kind: 'other' };
}

/**
 * Writes a copy of `source` to `target` (which must not exist) with bytes 0..127 zeroed and
 * every other byte identical, streamed through one buffer.
 */
export async function zeroDicomPreamble(source: string, target: string): Promise<void> {
  const input = await openReadOnly(source);
  try {
    const output = await open(
      target,
      constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | ((constants as Partial<typeof constants>).O_NOFOLLOW ?? 0),
      0o600,
    );
    try {
      const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
      let position = 0;
      for (;;) {
        const { bytesRead } = await input.read(buffer, 0, buffer.length, position);
        if (bytesRead === 0) break;
        if (position < DICOM_PREAMBLE_BYTES) buffer.fill(0, 0, Math.min(bytesRead, DICOM_PREAMBLE_BYTES - position));
        let written = 0;
        while (written < bytesRead) {
          const { bytesWritten } = await output.write(buffer, written, bytesRead - written, position + written);
          written += bytesWritten;
        }
        position += bytesRead;
      }
      await output.sync();
    } finally {
      await output.close();
    }
  } finally {
    await input.close();
  }
}
