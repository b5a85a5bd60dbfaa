/**
 * Native executables and Windows shortcuts recognised by their headers, whatever the name
 * (a PE renamed "readme.txt" still runs when someone renames it back). Checked before any
 * other rule, except DICOM, whose 128-byte preamble may legitimately hold anything.
 */

export type ExecutableFormat = 'PE' | 'ELF' | 'Mach-O';

/** Shell Link header: HeaderSize 0x4C, then LinkCLSID 00021401-0000-0000-C000-000000000046 in its on-disk byte order. */
const LNK_HEADER = Buffer.from('4c0000000114020000000000c000000000000046', 'hex');

/** True for a Windows shortcut (.lnk): its header is fixed, see [MS-SHLLINK] 2.1. */
export function isShortcut(head: Buffer): boolean {
  return head.length >= LNK_HEADER.length && head.subarray(0, LNK_HEADER.length).equals(LNK_HEADER);
}

/**
 * The executable format whose header starts `bytes`, or null. A PE needs "MZ" and "PE\0\0"
 * at e_lfanew: "MZ" alone is a DOS program Windows no longer runs, and far too common at
 * the start of text to mean anything.
 */
export function executableFormat(bytes: Buffer): ExecutableFormat | null {
  if (bytes.length < 4) return null;
  if (bytes[0] === 0x4d && bytes[1] === 0x5a && bytes.length >= 0x40) {
    const peOffset = bytes.readUInt32LE(0x3c);
    if (peOffset + 4 <= bytes.length && bytes.readUInt32BE(peOffset) === 0x50450000) return 'PE';
  }
  const magic = bytes.readUInt32BE(0);
  if (magic === 0x7f454c46) return 'ELF';
  // Mach-O thin 32/64-bit in either byte order.
  if (magic === 0xfeedface || magic === 0xfeedfacf || magic === 0xcefaedfe || magic === 0xcffaedfe) return 'Mach-O';
  // Universal ("fat") binaries share 0xCAFEBABE with Java class files; a class file has its
  // major version (≥ 45) where a fat header has its architecture count (a handful).
  if ((magic === 0xcafebabe || magic === 0xcafebabf) && bytes.length >= 8) {
    const count = bytes.readUInt32BE(4);
    if (count >= 1 && count < 45) return 'Mach-O';
  }
  return null;
}

export const EXECUTABLE_TYPE_IDS: Readonly<Record<ExecutableFormat, string>> = { PE: 'pe', ELF: 'elf', 'Mach-O': 'macho' };
