/**
 * Encryption of the files kept in the vault (guideline 7-3: data carried on the laptop is
 * encrypted, so a lost laptop's files are unreadable). Each file is sealed under its own
 * random 256-bit key, passed in by the caller, as a stream of AES-256-GCM chunks read
 * through two reused buffers, so memory stays flat whatever the file's size. A flipped byte,
 * a chunk moved, a file cut short or lengthened, another item's file or a wrong key is
 * refused with its own error code, and no chunk's plaintext is used before its tag checks.
 * Output goes to `<destination>.partial` (created exclusively, 0600, fsynced) and is renamed
 * to `destination` only once complete: a half-written file never carries the final name.
 *
 * Format, version 1 (integers big-endian):
 *
 *   offset  bytes  field
 *        0      4  magic "FGVF"
 *        4      1  format version, 1
 *        5      3  reserved, zero
 *        8      4  chunk size: plaintext bytes per chunk (4 KiB … 64 MiB)
 *       12      8  plaintext length (at most 2^53 − 1)
 *       20     16  file salt, random
 *       36     16  header tag: HMAC-SHA-256(header key, bytes 0–35 ‖ fileId as UTF-8), first 16 bytes
 *       52         chunks 0 … n−1, n = max(1, ⌈length ÷ chunk size⌉); chunk i is its AES-256-GCM
 *                  ciphertext (chunk size bytes, fewer or none for the last) ‖ its 16-byte tag
 *
 *   chunk key ‖ header key = HKDF-SHA-256(file key, salt = file salt, "FieldGuard vault file v1", 64 bytes)
 *   nonce of chunk i       = salt[0…4) ‖ i as 8 bytes
 *   AAD of chunk i         = header (52 bytes) ‖ i as 8 bytes ‖ 1 if i = n−1 else 0 ‖ fileId as UTF-8
 *
 * The header carries its own tag so that it is proven before any chunk is read: the length it
 * states is then trusted, which tells a file cut short (VAULT_FILE_TRUNCATED) from a damaged
 * one (VAULT_FILE_CORRUPTED) even when the cut falls inside the last chunk. Deriving the chunk
 * key from the random salt keeps nonces unique even if a caller ever reused a file key.
 */
import { createCipheriv, createDecipheriv, createHash, createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';
import { lstat, open, rename, unlink, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import type { ErrorCode } from '../../shared/errors';
import { AppError } from '../app-error';
import { syncDirectory } from '../files/sync-directory';

export interface CipherProgress {
  readonly bytesDone: number;
  readonly bytesTotal: number;
}

export interface CipherOptions {
  /** The vault item the file belongs to: a file swapped in from another item is refused. */
  readonly fileId: string;
  /** Checked between chunks; a cancelled run fails with JOB_CANCELLED and leaves no output. */
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: CipherProgress) => void;
  /** Plaintext bytes per chunk when encrypting (1 MiB by default); decryption uses the file's own. */
  readonly chunkBytes?: number;
}

export interface DecryptOptions extends CipherOptions {
  /**
   * Leave out the SHA-256 of the plaintext (then `sha256` is null). Every chunk is still
   * authenticated under the file's own key, so the output is exactly what was encrypted: a
   * caller that recorded the digest at import time (vault export) can skip a second pass.
   */
  readonly skipDigest?: boolean;
}

export interface EncryptedFile {
  readonly plaintextBytes: number;
  readonly ciphertextBytes: number;
  /** SHA-256 of the plaintext, in hex. */
  readonly sha256: string;
}

export interface DecryptedFile {
  readonly plaintextBytes: number;
  /** SHA-256 of the plaintext, in hex; null when the caller asked to skip it. */
  readonly sha256: string | null;
}

const MAGIC = Buffer.from('FGVF', 'ascii');
const FORMAT_VERSION = 1;
const HEADER_BYTES = 52;
const HEADER_SIGNED_BYTES = 36;
const SALT_OFFSET = 20;
const SALT_BYTES = 16;
const TAG_BYTES = 16;
const KEY_BYTES = 32;
const DEFAULT_CHUNK_BYTES = 1024 * 1024;
const MIN_CHUNK_BYTES = 4 * 1024;
const MAX_CHUNK_BYTES = 64 * 1024 * 1024;
const KEY_INFO = Buffer.from('FieldGuard vault file v1', 'ascii');
/**
 * How many other positions a chunk that fails is tried at, nearest first, to tell a moved
 * chunk from a damaged one. Each try is one chunk's decryption, on the failure path only.
 */
const REORDER_SEARCH_LIMIT = 4096;
const SYNC_EVERY_BYTES = 32 * 1024 * 1024;

/** Encrypts `source` into a new vault file at `destination`. */
export async function encryptFile(source: string, destination: string, key: Buffer, options: CipherOptions): Promise<EncryptedFile> {
  const fileId = fileIdBytes(options);
  const chunkBytes = chunkBytesOf(options);
  requireFileKey(key);
  throwIfCancelled(options.signal);
  const input = await openOrFail(source, () => 'VAULT_SOURCE_UNREADABLE');
  try {
    const plaintextBytes = await regularFileSize(input);
    const salt = randomBytes(SALT_BYTES);
    const keys = deriveFileKeys(key, salt);
    try {
      const header = writeHeader(chunkBytes, plaintextBytes, salt, keys.headerKey, fileId);
      const layout = chunkLayout(chunkBytes, plaintextBytes);
      const sealer = chunkCipher(keys.chunkKey, header, fileId, layout.chunkCount);
      const sha256 = await writeThroughPartial(destination, options.signal, (output) =>
        sealChunks(input, output, header, layout, sealer, options),
      );
      return { plaintextBytes, ciphertextBytes: layout.ciphertextBytes, sha256 };
    } finally {
      keys.wipe();
    }
  } finally {
    await input.close().catch(ignore);
  }
}

/** Decrypts the vault file `source` into a new plaintext file at `destination`. */
export async function decryptFile(source: string, destination: string, key: Buffer, options: DecryptOptions): Promise<DecryptedFile> {
  return withAuthenticVaultFile(source, key, options, (input, header, layout, opener) =>
    writeThroughPartial(destination, options.signal, (output) => openChunks(input, output, layout, opener, options)).then((sha256) => ({
      plaintextBytes: header.plaintextBytes,
      sha256,
    })),
  );
}

/** Authenticates every chunk of the vault file `source` and hashes its plaintext, writing nothing. */
export async function verifyEncryptedFile(source: string, key: Buffer, options: CipherOptions): Promise<DecryptedFile> {
  return withAuthenticVaultFile(source, key, options, async (input, header, layout, opener) => {
    const sha256 = await openChunks(input, undefined, layout, opener, options);
    throwIfCancelled(options.signal);
    return { plaintextBytes: header.plaintextBytes, sha256 };
  });
}

// ---------------------------------------------------------------------------------------
// The streams: read chunk i + 1 while chunk i is sealed or opened and chunk i − 1 is written.

interface ChunkLayout {
  readonly chunkBytes: number;
  readonly plaintextBytes: number;
  readonly chunkCount: number;
  readonly ciphertextBytes: number;
}

function chunkLayout(chunkBytes: number, plaintextBytes: number): ChunkLayout {
  const chunkCount = Math.max(1, Math.ceil(plaintextBytes / chunkBytes));
  return { chunkBytes, plaintextBytes, chunkCount, ciphertextBytes: HEADER_BYTES + chunkCount * TAG_BYTES + plaintextBytes };
}

function plaintextBytesOf(layout: ChunkLayout, index: number): number {
  return Math.min(layout.chunkBytes, layout.plaintextBytes - index * layout.chunkBytes);
}

function sealedOffsetOf(layout: ChunkLayout, index: number): number {
  return HEADER_BYTES + index * (layout.chunkBytes + TAG_BYTES);
}

async function sealChunks(
  input: FileHandle,
  output: PartialOutput,
  header: Buffer,
  layout: ChunkLayout,
  sealer: ChunkCipher,
  options: CipherOptions,
): Promise<string> {
  const even = Buffer.allocUnsafe(layout.chunkBytes);
  const odd = Buffer.allocUnsafe(layout.chunkBytes);
  const readPlaintext = async (index: number): Promise<Buffer> => {
    const wanted = plaintextBytesOf(layout, index);
    const buffer = index % 2 === 0 ? even : odd;
    const got = await readFully(input, buffer, wanted, index * layout.chunkBytes, 'VAULT_SOURCE_UNREADABLE');
    // The source shrank while being read: what was stated in the header can no longer be kept.
    if (got !== wanted) throw new AppError('VAULT_SOURCE_UNREADABLE');
    return buffer.subarray(0, wanted);
  };
  const hash = createHash('sha256');
  let writing = inFlight(output.write([header], 0));
  let reading = inFlight(readPlaintext(0));
  try {
    let bytesDone = 0;
    for (let index = 0; index < layout.chunkCount; index += 1) {
      throwIfCancelled(options.signal);
      const plaintext = await reading;
      if (index + 1 < layout.chunkCount) reading = inFlight(readPlaintext(index + 1));
      hash.update(plaintext);
      const sealed = sealer.seal(index, plaintext);
      await writing;
      writing = inFlight(output.write(sealed, sealedOffsetOf(layout, index)));
      bytesDone += plaintext.length;
      options.onProgress?.({ bytesDone, bytesTotal: layout.plaintextBytes });
    }
    await writing;
    // The source grew while being read: refuse rather than keep a silently shortened copy.
    const beyond = await readFully(input, Buffer.alloc(1), 1, layout.plaintextBytes, 'VAULT_SOURCE_UNREADABLE');
    if (beyond !== 0) throw new AppError('VAULT_SOURCE_UNREADABLE');
    return hash.digest('hex');
  } finally {
    await Promise.allSettled([reading, writing]);
  }
}

async function openChunks(
  input: FileHandle,
  output: PartialOutput | undefined,
  layout: ChunkLayout,
  opener: ChunkCipher,
  options: DecryptOptions,
): Promise<string | null> {
  const sealedBytes = layout.chunkBytes + TAG_BYTES;
  const even = Buffer.allocUnsafe(sealedBytes);
  const odd = Buffer.allocUnsafe(sealedBytes);
  const readSealed = async (index: number): Promise<Buffer> => {
    const wanted = plaintextBytesOf(layout, index) + TAG_BYTES;
    const buffer = index % 2 === 0 ? even : odd;
    const got = await readFully(input, buffer, wanted, sealedOffsetOf(layout, index), 'VAULT_SOURCE_UNREADABLE');
    // The header is authentic, so a short read means the file ends before its final chunk.
    if (got !== wanted) throw new AppError('VAULT_FILE_TRUNCATED');
    return buffer.subarray(0, wanted);
  };
  const hash = options.skipDigest ? null : createHash('sha256');
  let writing: Promise<void> = Promise.resolve();
  let reading = inFlight(readSealed(0));
  try {
    let bytesDone = 0;
    for (let index = 0; index < layout.chunkCount; index += 1) {
      throwIfCancelled(options.signal);
      const sealed = await reading;
      if (index + 1 < layout.chunkCount) reading = inFlight(readSealed(index + 1));
      const plaintext = opener.open(index, sealed);
      if (plaintext === undefined) throw new AppError(whyChunkFails(opener, layout, index, sealed));
      hash?.update(plaintext);
      if (output) {
        await writing;
        writing = inFlight(output.write([plaintext], index * layout.chunkBytes));
      }
      bytesDone += plaintext.length;
      options.onProgress?.({ bytesDone, bytesTotal: layout.plaintextBytes });
    }
    await writing;
    const beyond = await readFully(input, Buffer.alloc(1), 1, layout.ciphertextBytes, 'VAULT_SOURCE_UNREADABLE');
    if (beyond !== 0) throw new AppError('VAULT_FILE_CORRUPTED');
    return hash ? hash.digest('hex') : null;
  } finally {
    await Promise.allSettled([reading, writing]);
  }
}

/**
 * Chunk `index` did not authenticate. If its bytes authenticate at another position (with
 * that position's final flag), chunks were moved; otherwise the bytes were changed.
 */
function whyChunkFails(opener: ChunkCipher, layout: ChunkLayout, index: number, sealed: Buffer): ErrorCode {
  let tries = 0;
  for (let distance = 1; tries < REORDER_SEARCH_LIMIT; distance += 1) {
    const before = index - distance;
    const after = index + distance;
    if (before < 0 && after >= layout.chunkCount) break;
    for (const other of [before, after]) {
      if (other < 0 || other >= layout.chunkCount) continue;
      tries += 1;
      const length = plaintextBytesOf(layout, other) + TAG_BYTES;
      if (length <= sealed.length && opener.open(other, sealed.subarray(0, length)) !== undefined) {
        return 'VAULT_FILE_REORDERED';
      }
    }
  }
  return 'VAULT_FILE_CORRUPTED';
}

// ---------------------------------------------------------------------------------------
// Header and keys.

interface VaultFileHeader {
  readonly bytes: Buffer;
  readonly chunkBytes: number;
  readonly plaintextBytes: number;
}

interface FileKeys {
  readonly chunkKey: Buffer;
  readonly headerKey: Buffer;
  wipe(): void;
}

function deriveFileKeys(key: Buffer, salt: Buffer): FileKeys {
  const material = Buffer.from(hkdfSync('sha256', key, salt, KEY_INFO, 2 * KEY_BYTES));
  return {
    chunkKey: material.subarray(0, KEY_BYTES),
    headerKey: material.subarray(KEY_BYTES),
    wipe: () => material.fill(0),
  };
}

function headerTag(header: Buffer, headerKey: Buffer, fileId: Buffer): Buffer {
  return createHmac('sha256', headerKey).update(header.subarray(0, HEADER_SIGNED_BYTES)).update(fileId).digest().subarray(0, TAG_BYTES);
}

function writeHeader(chunkBytes: number, plaintextBytes: number, salt: Buffer, headerKey: Buffer, fileId: Buffer): Buffer {
  const header = Buffer.alloc(HEADER_BYTES);
  MAGIC.copy(header, 0);
  header.writeUInt8(FORMAT_VERSION, 4);
  header.writeUInt32BE(chunkBytes, 8);
  header.writeBigUInt64BE(BigInt(plaintextBytes), 12);
  salt.copy(header, SALT_OFFSET);
  headerTag(header, headerKey, fileId).copy(header, HEADER_SIGNED_BYTES);
  return header;
}

/** Reads the header's fields; anything this version cannot have written is corruption. */
function parseHeader(bytes: Buffer): VaultFileHeader {
  const plaintextBytes = bytes.readBigUInt64BE(12);
  const chunkBytes = bytes.readUInt32BE(8);
  const wellFormed =
    bytes.subarray(0, MAGIC.length).equals(MAGIC) &&
    bytes.readUInt8(4) === FORMAT_VERSION &&
    bytes.readUIntBE(5, 3) === 0 &&
    chunkBytes >= MIN_CHUNK_BYTES &&
    chunkBytes <= MAX_CHUNK_BYTES &&
    plaintextBytes <= BigInt(Number.MAX_SAFE_INTEGER);
  if (!wellFormed) throw new AppError('VAULT_FILE_CORRUPTED');
  return { bytes, chunkBytes, plaintextBytes: Number(plaintextBytes) };
}

type AuthenticVaultFileUse<T> = (input: FileHandle, header: VaultFileHeader, layout: ChunkLayout, opener: ChunkCipher) => Promise<T>;

/**
 * Opens a vault file, proves its header with the key and fileId, and checks that the file is
 * as long as the header says, before anything is decrypted or any output is created.
 */
async function withAuthenticVaultFile<T>(source: string, key: Buffer, options: CipherOptions, use: AuthenticVaultFileUse<T>): Promise<T> {
  const fileId = fileIdBytes(options);
  requireFileKey(key);
  throwIfCancelled(options.signal);
  const input = await openOrFail(source, (code) => (code === 'ENOENT' ? 'VAULT_FILE_MISSING' : 'VAULT_SOURCE_UNREADABLE'));
  try {
    const fileBytes = await regularFileSize(input);
    const bytes = Buffer.alloc(HEADER_BYTES);
    const got = await readFully(input, bytes, HEADER_BYTES, 0, 'VAULT_SOURCE_UNREADABLE');
    if (got < HEADER_BYTES) {
      const startsLikeVaultFile = bytes.subarray(0, Math.min(got, MAGIC.length)).equals(MAGIC.subarray(0, Math.min(got, MAGIC.length)));
      throw new AppError(startsLikeVaultFile ? 'VAULT_FILE_TRUNCATED' : 'VAULT_FILE_CORRUPTED');
    }
    const header = parseHeader(bytes);
    const keys = deriveFileKeys(key, bytes.subarray(SALT_OFFSET, SALT_OFFSET + SALT_BYTES));
    try {
      const expected = headerTag(bytes, keys.headerKey, fileId);
      if (!timingSafeEqual(expected, bytes.subarray(HEADER_SIGNED_BYTES))) throw new AppError('VAULT_FILE_CORRUPTED');
      const layout = chunkLayout(header.chunkBytes, header.plaintextBytes);
      if (fileBytes < layout.ciphertextBytes) throw new AppError('VAULT_FILE_TRUNCATED');
      if (fileBytes > layout.ciphertextBytes) throw new AppError('VAULT_FILE_CORRUPTED');
      return await use(input, header, layout, chunkCipher(keys.chunkKey, bytes, fileId, layout.chunkCount));
    } finally {
      keys.wipe();
    }
  } finally {
    await input.close().catch(ignore);
  }
}

// ---------------------------------------------------------------------------------------
// One chunk's AES-256-GCM, with its nonce and AAD written into reused buffers.

interface ChunkCipher {
  /** The chunk's ciphertext and tag, to be written one after the other. */
  seal(index: number, plaintext: Buffer): [Buffer, Buffer];
  /** The chunk's plaintext, or undefined when `sealed` (ciphertext ‖ tag) is not authentic at `index`. */
  open(index: number, sealed: Buffer): Buffer | undefined;
}

function chunkCipher(chunkKey: Buffer, header: Buffer, fileId: Buffer, chunkCount: number): ChunkCipher {
  const nonce = Buffer.alloc(12);
  header.copy(nonce, 0, SALT_OFFSET, SALT_OFFSET + 4);
  const aad = Buffer.alloc(HEADER_BYTES + 9 + fileId.length);
  header.copy(aad, 0);
  fileId.copy(aad, HEADER_BYTES + 9);
  const position = (index: number) => {
    nonce.writeBigUInt64BE(BigInt(index), 4);
    aad.writeBigUInt64BE(BigInt(index), HEADER_BYTES);
    aad.writeUInt8(index === chunkCount - 1 ? 1 : 0, HEADER_BYTES + 8);
  };
  return {
    seal(index, plaintext) {
      position(index);
      const cipher = createCipheriv('aes-256-gcm', chunkKey, nonce, { authTagLength: TAG_BYTES });
      cipher.setAAD(aad);
      const ciphertext = cipher.update(plaintext);
      cipher.final();
      return [ciphertext, cipher.getAuthTag()];
    },
    open(index, sealed) {
      if (sealed.length < TAG_BYTES) return undefined;
      position(index);
      const decipher = createDecipheriv('aes-256-gcm', chunkKey, nonce, { authTagLength: TAG_BYTES });
      decipher.setAAD(aad);
      decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
      const plaintext = decipher.update(sealed.subarray(0, sealed.length - TAG_BYTES));
      try {
        decipher.final();
      } catch {
        return undefined;
      }
      return plaintext;
    },
  };
}

// ---------------------------------------------------------------------------------------
// Files: the partial output, full reads and writes, and their errors as codes.

/** Where a stream writes its result: positioned writes into the `.partial` file. */
interface PartialOutput {
  write(buffers: readonly Buffer[], position: number): Promise<void>;
}

/**
 * Runs `produce` against `<destination>.partial`, then fsyncs and renames it to `destination`.
 * On any failure, cancellation included, the partial file is removed.
 */
async function writeThroughPartial<T>(
  destination: string,
  signal: AbortSignal | undefined,
  produce: (output: PartialOutput) => Promise<T>,
): Promise<T> {
  await requireAbsent(destination);
  const partial = `${destination}.partial`;
  const handle = await openOrFail(partial, () => 'VAULT_DESTINATION_UNWRITABLE', 'wx', 0o600);
  const output = syncingOutput(handle);
  let handleOpen = true;
  try {
    const result = await produce(output);
    throwIfCancelled(signal);
    await output.sync();
    handleOpen = false;
    await orFail(handle.close(), 'VAULT_DESTINATION_UNWRITABLE');
    // Checked again just before the rename, which would replace a file created meanwhile.
    await requireAbsent(destination);
    await orFail(rename(partial, destination), 'VAULT_DESTINATION_UNWRITABLE');
    await syncFolderOf(path.dirname(destination));
    return result;
  } catch (error) {
    await output.settle();
    if (handleOpen) await handle.close().catch(ignore);
    await unlink(partial).catch(ignore);
    throw error;
  }
}

/**
 * Writes that start a background fdatasync every SYNC_EVERY_BYTES, so the disk writes while
 * the next chunks are encrypted instead of all at the final fsync; it also keeps the page
 * cache from filling with dirty pages of a large file.
 */
function syncingOutput(handle: FileHandle): PartialOutput & { sync(): Promise<void>; settle(): Promise<void> } {
  let unsynced = 0;
  let syncing: Promise<void> | undefined;
  return {
    async write(buffers, position) {
      await writeAll(handle, buffers, position);
      for (const buffer of buffers) unsynced += buffer.length;
      if (unsynced >= SYNC_EVERY_BYTES && syncing === undefined) {
        unsynced = 0;
        syncing = inFlight(orFail(handle.datasync(), 'VAULT_DESTINATION_UNWRITABLE').finally(() => (syncing = undefined)));
      }
    },
    async sync() {
      await syncing;
      await orFail(handle.sync(), 'VAULT_DESTINATION_UNWRITABLE');
    },
    async settle() {
      await syncing?.catch(ignore);
    },
  };
}

async function requireAbsent(destination: string): Promise<void> {
  try {
    await lstat(destination);
  } catch (error) {
    if (errorCodeOf(error) === 'ENOENT') return;
    throw new AppError('VAULT_DESTINATION_UNWRITABLE');
  }
  throw new AppError('VAULT_DESTINATION_UNWRITABLE');
}

/** Makes the rename durable on POSIX. Best effort: Windows cannot open a folder, and NTFS journals renames. */
async function syncFolderOf(directory: string): Promise<void> {
  // The file itself is already complete and synced under its final name: a folder that
  // cannot be flushed does not undo that.
  await syncDirectory(directory).catch(ignore);
}

async function openOrFail(
  file: string,
  codeFor: (systemCode: string | undefined) => ErrorCode,
  flags = 'r',
  mode?: number,
): Promise<FileHandle> {
  try {
    return await open(file, flags, mode);
  } catch (error) {
    throw new AppError(codeFor(errorCodeOf(error)));
  }
}

async function regularFileSize(handle: FileHandle): Promise<number> {
  const stats = await orFail(handle.stat(), 'VAULT_SOURCE_UNREADABLE');
  if (!stats.isFile()) throw new AppError('VAULT_SOURCE_UNREADABLE');
  return stats.size;
}

/** Reads up to `length` bytes at `position`, as many reads as it takes; fewer only at the end of the file. */
async function readFully(handle: FileHandle, buffer: Buffer, length: number, position: number, failure: ErrorCode): Promise<number> {
  let filled = 0;
  while (filled < length) {
    const { bytesRead } = await orFail(handle.read(buffer, filled, length - filled, position + filled), failure);
    if (bytesRead === 0) break;
    filled += bytesRead;
  }
  return filled;
}

async function writeAll(handle: FileHandle, buffers: readonly Buffer[], position: number): Promise<void> {
  let pending = buffers.filter((buffer) => buffer.length > 0);
  let at = position;
  while (pending.length > 0) {
    const { bytesWritten } = await orFail(handle.writev(pending, at), 'VAULT_DESTINATION_UNWRITABLE');
    if (bytesWritten === 0) throw new AppError('VAULT_DESTINATION_UNWRITABLE');
    at += bytesWritten;
    let skip = bytesWritten;
    const rest: Buffer[] = [];
    for (const buffer of pending) {
      if (skip >= buffer.length) skip -= buffer.length;
      else {
        rest.push(buffer.subarray(skip));
        skip = 0;
      }
    }
    pending = rest;
  }
}

async function orFail<T>(work: Promise<T>, code: ErrorCode): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError(code);
  }
}

/** Marks a promise that is awaited later as handled now, so its failure is not reported as unhandled meanwhile. */
function inFlight<T>(work: Promise<T>): Promise<T> {
  work.catch(ignore);
  return work;
}

function errorCodeOf(error: unknown): string | undefined {
  return error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}

function ignore(): void {}

// ---------------------------------------------------------------------------------------
// Arguments: a wrong one is a programming error, not something the user can correct.

function requireFileKey(key: Buffer): void {
  if (!Buffer.isBuffer(key) || key.length !== KEY_BYTES) throw new RangeError('A vault file key is 32 bytes.');
}

function fileIdBytes(options: CipherOptions): Buffer {
  if (typeof options.fileId !== 'string' || options.fileId.length === 0) throw new RangeError('A vault file needs its fileId.');
  return Buffer.from(options.fileId, 'utf8');
}

function chunkBytesOf(options: CipherOptions): number {
  const chunkBytes = options.chunkBytes ?? DEFAULT_CHUNK_BYTES;
  if (!Number.isInteger(chunkBytes) || chunkBytes < MIN_CHUNK_BYTES || chunkBytes > MAX_CHUNK_BYTES) {
    throw new RangeError(`chunkBytes must be an integer from ${MIN_CHUNK_BYTES} to ${MAX_CHUNK_BYTES}.`);
  }
  return chunkBytes;
}

function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new AppError('JOB_CANCELLED');
}
