/**
 * The bytes an erasure pass writes (10-1). "random" is an AES-256-CTR keystream under a key
 * drawn for each run of a job and held only in memory: it looks random to anyone without the
 * key, yet verification can regenerate it block by block, so nothing written is ever stored.
 * Each (item, pass, part) has its own counter block, so no two places share a stream.
 *
 * Node's Cipher allocates its output. Pieces of 64 KiB stay below glibc's mmap threshold
 * (128 KiB), so the allocator reuses them; from 256 KiB up every piece is a fresh mapping
 * with page faults (measured on the same machine: ~3.5 GB/s for 32–64 KiB pieces, ~1.1 GB/s
 * for 256 KiB and 1 MiB). Copying into the caller's reused, page-aligned buffer keeps
 * O_DIRECT possible. crypto-lane.ts runs the same functions on a lane's helper thread.
 */
import { createCipheriv, type Cipher } from 'node:crypto';
import type { PassPattern } from './erasure-methods';

export const KEYSTREAM_PIECE_BYTES = 64 * 1024;
const ZERO_PIECE = Buffer.alloc(KEYSTREAM_PIECE_BYTES);

/** Where a stream belongs: the journal's item number, the pass, and the part (fill file) within the item. */
export interface StreamId {
  readonly seq: number;
  readonly pass: number;
  readonly part?: number;
}

export interface PatternSource {
  readonly pattern: PassPattern;
  /** Fills `target[0, length)` with the pattern's bytes at `offset` of this stream (offset: a multiple of 16). */
  fill(target: Buffer, length: number, offset: number): void;
  /** For a keystream: what another thread needs to produce the same bytes (absent for zeros). */
  readonly keystream?: KeystreamParameters;
}

export interface KeystreamParameters {
  readonly key: Buffer;
  /** The AES-256-CTR counter block at `offset` of the stream (a multiple of 16). */
  counterBlock(offset: number): Buffer;
}

/**
 * Writes `length` bytes of `cipher`'s keystream into `target` at `at`, piece by piece (the
 * size of `zeros`). Each piece comes out as a latin1 string (byte for byte) rather than a
 * Buffer: a Buffer's memory is zero-filled, given back only when the garbage collector gets
 * round to it and then returned to the OS, so every piece faulted in fresh pages (~200 000
 * page faults and up to ~64 MiB of dead pieces per thread for each GiB); a string's copy
 * lives in the young generation, which is collected within megabytes. Measured on this
 * machine: about a third less CPU per GiB and a flat RSS. Self-contained — no names from
 * outside its body — so that crypto-lane.ts runs this very function on a helper thread.
 */
export function writeKeystream(cipher: Cipher, zeros: Buffer, target: Buffer, at: number, length: number): void {
  for (let done = 0; done < length; done += zeros.length) {
    const piece = Math.min(zeros.length, length - done);
    target.write(cipher.update(piece === zeros.length ? zeros : zeros.subarray(0, piece), undefined, 'latin1'), at + done, piece, 'latin1');
  }
}

/** The index of the first byte where `a` and `b` differ within `[0, length)`, or `length`. Self-contained, like writeKeystream. */
export function firstDifference(a: Buffer, b: Buffer, length: number): number {
  if (a.subarray(0, length).equals(b.subarray(0, length))) return length;
  let i = 0;
  while (i < length && a[i] === b[i]) i += 1;
  return i;
}

/** The 16-byte initial counter block: seq (32 bits), pass (16), part (16), then a 64-bit block counter. */
function counterBlock(id: StreamId, offset: number): Buffer {
  if (offset % 16 !== 0) throw new RangeError('stream offsets must be multiples of 16');
  const iv = Buffer.alloc(16);
  iv.writeUInt32BE(id.seq >>> 0, 0);
  iv.writeUInt16BE(id.pass & 0xffff, 4);
  iv.writeUInt16BE((id.part ?? 0) & 0xffff, 6);
  iv.writeBigUInt64BE(BigInt(offset / 16), 8);
  return iv;
}

export function patternSource(pattern: PassPattern, key: Buffer, id: StreamId): PatternSource {
  if (pattern === 'zeros') {
    return { pattern, fill: (target, length) => void target.fill(0, 0, length) };
  }
  if (key.length !== 32) throw new RangeError('the stream key must be 256 bits');
  let cipher: Cipher | null = null;
  let position = -1;
  return {
    pattern,
    fill(target, length, offset) {
      // Sequential use keeps one cipher; a jump (a retried, shorter write) restarts at the new counter.
      if (cipher === null || position !== offset) {
        cipher = createCipheriv('aes-256-ctr', key, counterBlock(id, offset));
        position = offset;
      }
      writeKeystream(cipher, ZERO_PIECE, target, 0, length);
      position += length;
    },
    keystream: { key, counterBlock: (offset) => counterBlock(id, offset) },
  };
}
