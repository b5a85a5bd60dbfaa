/**
 * Containers recognised by content that this analysis cannot open: disk images (ISO 9660,
 * VHD, VHDX, raw MBR/GPT images), OneNote notebooks, CAB, 7z and RAR archives. They are
 * how recent campaigns smuggle .hta, .js and .lnk files past filters that only look inside
 * zips (a double-click on an ISO or a VHD mounts it on Windows). What cannot be looked into
 * cannot be cleared, so each is reported by name and blocked; a TAR, which is simple enough
 * to walk, is recognised here too and walked by tar-walk.ts.
 */
import { readAt, type Content } from './content-source';

export interface UninspectableContainer {
  /** The true type id. */
  readonly typeId: 'iso' | 'vhd' | 'vhdx' | 'img' | 'one' | 'cab' | '7z' | 'rar';
  /** What the user reads: "<format>: cannot be inspected, blocked". */
  readonly format: string;
}

const ISO_DESCRIPTOR_OFFSETS = [0x8001, 0x8801, 0x9001];
/**
 * The OneNote revision-store file format GUIDs in on-disk byte order ([MS-ONESTORE] 2.3.1):
 * {7B5C52E4-D88C-4DA7-AEB1-5378D02996D3} for a section (.one), {43FF2FA1-EFD9-4C76-9EE2-10EA5722765F}
 * for a table of contents (.onetoc2).
 */
const ONENOTE_GUIDS = [Buffer.from('e4525c7b8cd8a74daeb15378d02996d3', 'hex'), Buffer.from('a12fff43d9ef764c9ee210ea5722765f', 'hex')];
const SEVEN_ZIP = Buffer.from('377abcaf271c', 'hex');
const RAR4 = Buffer.from('526172211a0700', 'hex');
const RAR5 = Buffer.from('526172211a070100', 'hex');
const VHD_COOKIE = 'conectix';
const VHD_FOOTER_BYTES = 512;

function startsWith(head: Buffer, magic: Buffer | string, at = 0): boolean {
  const bytes = typeof magic === 'string' ? Buffer.from(magic, 'latin1') : magic;
  return head.length >= at + bytes.length && head.subarray(at, at + bytes.length).equals(bytes);
}

/**
 * A raw disk image: a GPT header ("EFI PART" in LBA 1 for 512- or 4096-byte sectors); a
 * volume image (a FAT, exFAT or NTFS boot sector: 0x55AA and the file system's name where
 * its boot sector keeps it); or an MBR — 0x55AA with four partition entries whose boot flags
 * are all 0x00 or 0x80 and at least one of which is used.
 */
function isDiskImage(head: Buffer): boolean {
  if (startsWith(head, 'EFI PART', 512) || startsWith(head, 'EFI PART', 4096)) return true;
  if (head.length < 512 || head[510] !== 0x55 || head[511] !== 0xaa) return false;
  if (startsWith(head, 'NTFS    ', 3) || startsWith(head, 'EXFAT   ', 3) || startsWith(head, 'FAT', 54) || startsWith(head, 'FAT32   ', 82))
    return true;
  let used = 0;
  for (let entry = 446; entry < 510; entry += 16) {
    const flag = head[entry];
    if (flag !== 0x00 && flag !== 0x80) return false;
    if (head[entry + 4] !== 0) used++;
  }
  return used > 0;
}

/** The container the head proves, or null. A fixed VHD has its footer only at the end: see `vhdFooterAtEnd`. */
export function uninspectableContainer(head: Buffer): UninspectableContainer | null {
  if (ISO_DESCRIPTOR_OFFSETS.some((offset) => startsWith(head, 'CD001', offset))) return { typeId: 'iso', format: 'ISO disk image' };
  // A dynamic or differencing VHD starts with a copy of its footer.
  if (startsWith(head, VHD_COOKIE)) return { typeId: 'vhd', format: 'VHD disk image' };
  if (startsWith(head, 'vhdxfile')) return { typeId: 'vhdx', format: 'VHDX disk image' };
  if (ONENOTE_GUIDS.some((guid) => startsWith(head, guid))) return { typeId: 'one', format: 'OneNote document' };
  if (startsWith(head, 'MSCF\0\0\0\0')) return { typeId: 'cab', format: 'CAB archive' };
  if (startsWith(head, SEVEN_ZIP)) return { typeId: '7z', format: '7z archive' };
  if (startsWith(head, RAR5) || startsWith(head, RAR4)) return { typeId: 'rar', format: 'RAR archive' };
  if (isDiskImage(head)) return { typeId: 'img', format: 'Raw disk image' };
  return null;
}

/** POSIX ustar and GNU tar both put "ustar" at offset 257 of every header. */
export function isTar(head: Buffer): boolean {
  return startsWith(head, 'ustar', 257);
}

/**
 * Whether the content ends with a VHD footer (a fixed VHD is raw sectors plus this footer).
 * A file is read at its end; a streamed archive entry is read through, keeping only the last
 * 512 bytes, so memory stays flat. Call only when nothing else has read the chunks.
 */
export async function vhdFooterAtEnd(content: Content, signal?: AbortSignal): Promise<boolean> {
  if (content.random) {
    if (content.size === null || content.size < VHD_FOOTER_BYTES) return false;
    return (await readAt(content.random, content.size - VHD_FOOTER_BYTES, 8)).toString('latin1') === VHD_COOKIE;
  }
  let tail = Buffer.alloc(0);
  for await (const chunk of content.chunks(signal)) tail = Buffer.concat([tail, chunk]).subarray(-VHD_FOOTER_BYTES);
  return tail.length === VHD_FOOTER_BYTES && tail.toString('latin1', 0, 8) === VHD_COOKIE;
}
