/**
 * Content disarm for DICOM: the 128-byte preamble is zeroed (CVE-2019-11687, as the
 * pipeline always did), anything after the end of the data set is cut off, and an
 * Encapsulated PDF (0042,0011) is disarmed like any PDF (pdf-rebuild.ts) and written back
 * with an even length, its Encapsulated Document Length (0042,0015) and any group length
 * made to match. Every other byte is copied as it was, streamed, so studies of any size
 * cost one buffer. A data set this reader cannot follow (big endian, deflated) is not rebuilt.
 */
import { DICOM_PREAMBLE_BYTES } from '../analyze/dicom';
import { CHUNK_BYTES, openReadOnly } from '../analyze/content-source';
import { dicomLayout } from './dicom-structure';
import { MAX_PDF_BYTES, disarmPdf } from './pdf-rebuild';
import { CannotRebuild, type RebuildOptions, type RebuildOutcome, type RemovedObject } from './rebuild-types';
import { createNewFile } from './write-new-file';
import { rm, type FileHandle } from 'node:fs/promises';

interface Patch {
  readonly offset: number;
  /** Source bytes replaced. */
  readonly length: number;
  readonly bytes: Buffer;
}

async function readRange(handle: FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  let done = 0;
  while (done < length) {
    const { bytesRead } = await handle.read(buffer, done, length - done, position + done);
    if (bytesRead === 0) throw new CannotRebuild('unreadable');
    done += bytesRead;
  }
  return buffer;
}

export async function rebuildDicom(source: string, destination: string, options: RebuildOptions): Promise<RebuildOutcome> {
  const input = await openReadOnly(source);
  try {
    const { size } = await input.stat();
    const layout = await dicomLayout(input, size);
    const removed: RemovedObject[] = [];
    const patches: Patch[] = [];
    const preamble = await readRange(input, 0, DICOM_PREAMBLE_BYTES);
    if (preamble.some((b) => b !== 0)) removed.push({ kind: 'dicom-preamble', location: 'preamble', detail: `${DICOM_PREAMBLE_BYTES} bytes` });
    patches.push({ offset: 0, length: DICOM_PREAMBLE_BYTES, bytes: Buffer.alloc(DICOM_PREAMBLE_BYTES) });
    if (layout.end < size) removed.push({ kind: 'dicom-trailing-data', location: 'after the data set', detail: `${size - layout.end} bytes` });

    const document = layout.document;
    if (document) {
      if (document.length > MAX_PDF_BYTES) throw new CannotRebuild('too-large');
      const value = await readRange(input, document.valueOffset, document.length);
      if (value.subarray(0, 1024).includes('%PDF-')) {
        const disarmed = await disarmPdf(value, options.signal);
        if (disarmed.bytes) {
          const pdf = Buffer.from(disarmed.bytes.buffer, disarmed.bytes.byteOffset, disarmed.bytes.byteLength);
          const padded = pdf.length % 2 === 0 ? pdf : Buffer.concat([pdf, Buffer.alloc(1)]);
          const head = await readRange(input, document.headerOffset, document.valueOffset - document.headerOffset);
          // The length field is the last 4 bytes of an OB header (explicit VR) and of an implicit one.
          head.writeUInt32LE(padded.length, head.length - 4);
          patches.push({ offset: document.headerOffset, length: document.valueOffset - document.headerOffset + document.length, bytes: Buffer.concat([head, padded]) });
          const delta = padded.length - document.length;
          if (layout.documentLengthValue !== null) patches.push({ offset: layout.documentLengthValue, length: 4, bytes: uint32(pdf.length) });
          if (layout.groupLengthValue !== null) {
            const old = (await readRange(input, layout.groupLengthValue, 4)).readUInt32LE(0);
            patches.push({ offset: layout.groupLengthValue, length: 4, bytes: uint32(old + delta) });
          }
          removed.push(...disarmed.removed.map((r) => ({ ...r, location: `(0042,0011) ${r.location}` })));
        }
      }
    }
    if (removed.length === 0) return { outcome: 'unchanged', removed: [] };
    await writePatched(input, layout.end, patches, destination, options.signal);
    return { outcome: 'sanitized', removed };
  } finally {
    await input.close();
  }
}

function uint32(value: number): Buffer {
  const buffer = Buffer.alloc(4);
  buffer.writeUInt32LE(value, 0);
  return buffer;
}

/** Copies bytes [0, end) of the input with the patches applied, streamed. */
async function writePatched(input: FileHandle, end: number, patches: readonly Patch[], destination: string, signal?: AbortSignal): Promise<void> {
  const output = await createNewFile(destination);
  try {
    const write = async (bytes: Buffer) => {
      let done = 0;
      while (done < bytes.length) done += (await output.write(bytes, done, bytes.length - done)).bytesWritten;
    };
    let at = 0;
    for (const patch of [...patches].sort((a, b) => a.offset - b.offset)) {
      for (; at < patch.offset; ) {
        signal?.throwIfAborted();
        const length = Math.min(CHUNK_BYTES, patch.offset - at);
        await write(await readRange(input, at, length));
        at += length;
      }
      await write(patch.bytes);
      at = patch.offset + patch.length;
    }
    for (; at < end; ) {
      signal?.throwIfAborted();
      const length = Math.min(CHUNK_BYTES, end - at);
      await write(await readRange(input, at, length));
      at += length;
    }
    await output.sync();
    await output.close();
  } catch (error) {
    await output.close();
    await rm(destination, { force: true });
    throw error;
  }
}
