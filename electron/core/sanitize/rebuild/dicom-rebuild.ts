/**
 * Content disarm for DICOM: the 128-byte preamble is zeroed (CVE-2019-11687, as the
 * pipeline always did), anything after the end of the data set is cut off, and an
 * Encapsulated PDF (0042,0011) is disarmed like any PDF (pdf-rebuild.ts) and written back
 * with an even length, its Encapsulated Document Length (0042,0015) and a group length
 * (0042,0000), if any, made to match. Where the data set ends and what the document holds
 * come from the analysis' own walk (analyze/dicom-dataset.ts); this module only finds the
 * document's element to patch it. Every other byte is copied as it was, streamed, so studies
 * of any size cost one buffer. A deflated data set whose document would change, a big-endian
 * one, or a damaged one is not rebuilt.
 */
import { rm, type FileHandle } from 'node:fs/promises';
import { ArchiveBudget } from '../analyze/archive-budget';
import { CHUNK_BYTES, fileContent, openReadOnly } from '../analyze/content-source';
import { DICOM_PREAMBLE_BYTES } from '../analyze/dicom';
import { walkDicomDataSet } from '../analyze/dicom-dataset';
import { MAX_PDF_BYTES, disarmPdf } from './pdf-rebuild';
import { CannotRebuild, type RebuildOptions, type RebuildOutcome, type RemovedObject } from './rebuild-types';
import { createNewFile } from './write-new-file';

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

const uint32 = (value: number) => {
  const buffer = Buffer.alloc(4);
  buffer.writeUInt32LE(value, 0);
  return buffer;
};

/** Little-endian element headers of group 0042: explicit VR (OB / UL) and implicit. */
const tag = (element: number) => Buffer.from([0x42, 0x00, element & 0xff, element >> 8]);
const HEADERS = {
  document: [Buffer.concat([tag(0x0011), Buffer.from('OB\0\0', 'latin1')]), tag(0x0011)],
  documentLength: [Buffer.concat([tag(0x0015), Buffer.from('UL', 'latin1'), Buffer.from([4, 0])]), Buffer.concat([tag(0x0015), uint32(4)])],
  groupLength: [Buffer.concat([tag(0x0000), Buffer.from('UL', 'latin1'), Buffer.from([4, 0])]), Buffer.concat([tag(0x0000), uint32(4)])],
} as const;

interface DocumentElement {
  readonly headerAt: number;
  readonly valueAt: number;
  readonly length: number;
}

/** The (0042,0011) element whose value is exactly `value`: found by its header, proven by its bytes. */
async function findDocument(handle: FileHandle, end: number, value: Buffer, signal?: AbortSignal): Promise<DocumentElement> {
  const window = CHUNK_BYTES;
  for (let start = DICOM_PREAMBLE_BYTES + 4; start < end; start += window - 16) {
    signal?.throwIfAborted();
    const chunk = await readRange(handle, start, Math.min(window, end - start));
    for (const header of HEADERS.document) {
      for (let at = chunk.indexOf(header); at >= 0; at = chunk.indexOf(header, at + 1)) {
        const headerAt = start + at;
        const valueAt = headerAt + header.length + 4;
        if (valueAt > end) continue;
        const length = (await readRange(handle, headerAt + header.length, 4)).readUInt32LE(0);
        if (length !== value.length || valueAt + length > end) continue;
        if ((await readRange(handle, valueAt, length)).equals(value)) return { headerAt, valueAt, length };
      }
    }
  }
  throw new CannotRebuild('unsupported');
}

/** A 4-byte element of group 0042 with `header`, within `range` of `from` (before when negative); null when absent. */
async function findNear(handle: FileHandle, headers: readonly Buffer[], from: number, range: number, end: number): Promise<number | null> {
  const start = Math.max(DICOM_PREAMBLE_BYTES + 4, range < 0 ? from + range : from);
  const stop = Math.min(end, range < 0 ? from : from + range);
  if (stop <= start) return null;
  const region = await readRange(handle, start, stop - start);
  for (const header of headers) {
    const at = range < 0 ? region.lastIndexOf(header) : region.indexOf(header);
    if (at >= 0 && at + header.length + 4 <= region.length) return start + at + header.length;
  }
  return null;
}

export async function rebuildDicom(source: string, destination: string, options: RebuildOptions): Promise<RebuildOutcome> {
  const input = await openReadOnly(source);
  try {
    const { size } = await input.stat();
    const dataSet = await walkDicomDataSet(
      await fileContent('dicom', input),
      new ArchiveBudget(options.limits),
      MAX_PDF_BYTES,
      options.signal,
    ).catch((error: unknown) => {
      if (error instanceof Error && error.name === 'AbortError') throw error;
      throw new CannotRebuild('unreadable');
    });
    if (dataSet.damaged) throw new CannotRebuild('unreadable');
    const end = dataSet.trailingAt ?? size;
    const removed: RemovedObject[] = [];
    const patches: Patch[] = [{ offset: 0, length: DICOM_PREAMBLE_BYTES, bytes: Buffer.alloc(DICOM_PREAMBLE_BYTES) }];
    const preamble = await readRange(input, 0, DICOM_PREAMBLE_BYTES);
    if (preamble.some((b) => b !== 0))
      removed.push({ kind: 'dicom-preamble', location: 'preamble', detail: `${DICOM_PREAMBLE_BYTES} bytes` });
    if (end < size) removed.push({ kind: 'dicom-trailing-data', location: 'after the data set', detail: `${size - end} bytes` });

    if (dataSet.document === 'too-large') throw new CannotRebuild('too-large');
    if (dataSet.document && dataSet.document.subarray(0, 1024).includes('%PDF-')) {
      const disarmed = await disarmPdf(dataSet.document, options.signal);
      if (disarmed.bytes) {
        const element = await findDocument(input, end, dataSet.document, options.signal);
        const pdf = Buffer.from(disarmed.bytes.buffer, disarmed.bytes.byteOffset, disarmed.bytes.byteLength);
        const padded = pdf.length % 2 === 0 ? pdf : Buffer.concat([pdf, Buffer.alloc(1)]);
        const head = await readRange(input, element.headerAt, element.valueAt - element.headerAt);
        // The length field is the last 4 bytes of an OB header (explicit VR) and of an implicit one.
        head.writeUInt32LE(padded.length, head.length - 4);
        patches.push({
          offset: element.headerAt,
          length: element.valueAt - element.headerAt + element.length,
          bytes: Buffer.concat([head, padded]),
        });
        const documentLength = await findNear(input, HEADERS.documentLength, element.valueAt + element.length, 4096, end);
        if (documentLength !== null) patches.push({ offset: documentLength, length: 4, bytes: uint32(pdf.length) });
        const groupLength = await findNear(input, HEADERS.groupLength, element.headerAt, -4096, end);
        if (groupLength !== null) {
          const old = (await readRange(input, groupLength, 4)).readUInt32LE(0);
          // A group length that does not reach past this element is not this group's: refuse rather than guess.
          if (groupLength + 4 + old < element.valueAt + element.length) throw new CannotRebuild('unsupported');
          patches.push({ offset: groupLength, length: 4, bytes: uint32(old + padded.length - element.length) });
        }
        removed.push(...disarmed.removed.map((r) => ({ ...r, location: `(0042,0011) ${r.location}` })));
      }
    }
    if (removed.length === 0) return { outcome: 'unchanged', removed: [] };
    await writePatched(input, end, patches, destination, options.signal);
    return { outcome: 'sanitized', removed };
  } finally {
    await input.close();
  }
}

/** Copies bytes [0, end) of the input with the patches applied, streamed. */
async function writePatched(
  input: FileHandle,
  end: number,
  patches: readonly Patch[],
  destination: string,
  signal?: AbortSignal,
): Promise<void> {
  const output = await createNewFile(destination);
  try {
    const write = async (bytes: Buffer) => {
      let done = 0;
      while (done < bytes.length) done += (await output.write(bytes, done, bytes.length - done)).bytesWritten;
    };
    const copy = async (from: number, to: number) => {
      for (let at = from; at < to;) {
        signal?.throwIfAborted();
        const length = Math.min(CHUNK_BYTES, to - at);
        await write(await readRange(input, at, length));
        at += length;
      }
    };
    let at = 0;
    for (const patch of [...patches].sort((a, b) => a.offset - b.offset)) {
      await copy(at, patch.offset);
      await write(patch.bytes);
      at = patch.offset + patch.length;
    }
    await copy(at, end);
    await output.sync();
    await output.close();
  } catch (error) {
    await output.close();
    await rm(destination, { force: true });
    throw error;
  }
}
