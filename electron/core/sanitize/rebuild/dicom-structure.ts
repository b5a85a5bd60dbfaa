/**
 * Just enough of the DICOM file format (PS3.5 7, PS3.10 7) to rebuild a file: the elements
 * of the data set are followed header by header — sequences and encapsulated data by their
 * items — without reading their values, so a 2 GB study costs a few reads. The data set ends
 * where the elements stop being well-formed and ascending: anything after that (a zip or a
 * script appended to the study) is not part of it. Also found on the way: the Encapsulated
 * Document (0042,0011) and the elements that state its length.
 */
import type { FileHandle } from 'node:fs/promises';
import { DICOM_PREAMBLE_BYTES } from '../analyze/dicom';
import { CannotRebuild } from './rebuild-types';

const LONG_VRS = new Set(['OB', 'OD', 'OF', 'OL', 'OV', 'OW', 'SQ', 'UC', 'UN', 'UR', 'UT', 'SV', 'UV']);
const UNDEFINED = 0xffffffff;
const MAX_NESTING = 32;
const EXPLICIT_LE = new Set(['1.2.840.10008.1.2.1']);
const IMPLICIT_LE = '1.2.840.10008.1.2';

export interface DicomLayout {
  /** The first byte after the data set. */
  readonly end: number;
  /** The Encapsulated Document element, when present at the top level. */
  readonly document: { readonly headerOffset: number; readonly valueOffset: number; readonly length: number } | null;
  /** Offsets of the 4-byte values of (0042,0015) Encapsulated Document Length and the (0042,0000) group length. */
  readonly documentLengthValue: number | null;
  readonly groupLengthValue: number | null;
  readonly explicit: boolean;
}

class Reader {
  constructor(
    private readonly handle: FileHandle,
    readonly size: number,
  ) {}

  async bytes(position: number, length: number): Promise<Buffer | null> {
    if (position < 0 || position + length > this.size) return null;
    const buffer = Buffer.alloc(length);
    const { bytesRead } = await this.handle.read(buffer, 0, length, position);
    return bytesRead === length ? buffer : null;
  }
}

interface Header {
  readonly group: number;
  readonly element: number;
  readonly vr: string | null;
  readonly length: number;
  readonly headerLength: number;
}

async function header(reader: Reader, position: number, explicit: boolean): Promise<Header | null> {
  const head = await reader.bytes(position, 8);
  if (!head) return null;
  const group = head.readUInt16LE(0);
  const element = head.readUInt16LE(2);
  // Item and delimitation tags never carry a VR.
  if (group === 0xfffe || !explicit) return { group, element, vr: null, length: head.readUInt32LE(4), headerLength: 8 };
  const vr = head.toString('latin1', 4, 6);
  if (!/^[A-Z]{2}$/.test(vr)) return null;
  if (LONG_VRS.has(vr)) {
    const long = await reader.bytes(position + 8, 4);
    if (!long) return null;
    return { group, element, vr, length: long.readUInt32LE(0), headerLength: 12 };
  }
  return { group, element, vr, length: head.readUInt16LE(6), headerLength: 8 };
}

/** Skips the items of an undefined-length value; returns the position after its delimiter, or null. */
async function skipUndefined(reader: Reader, position: number, explicit: boolean, depth: number): Promise<number | null> {
  if (depth > MAX_NESTING) return null;
  let at = position;
  for (;;) {
    const item = await header(reader, at, false);
    if (!item || item.group !== 0xfffe) return null;
    at += 8;
    if (item.element === 0xe0dd) return at; // sequence delimitation
    if (item.element !== 0xe000) return null;
    if (item.length !== UNDEFINED) {
      if (at + item.length > reader.size) return null;
      at += item.length;
      continue;
    }
    // An item of undefined length: elements up to the item delimitation.
    for (;;) {
      const inner = await header(reader, at, false);
      if (!inner) return null;
      if (inner.group === 0xfffe && inner.element === 0xe00d) {
        at += 8;
        break;
      }
      const next = await skipElement(reader, at, explicit, depth + 1);
      if (next === null) return null;
      at = next;
    }
  }
}

async function skipElement(reader: Reader, position: number, explicit: boolean, depth: number): Promise<number | null> {
  const element = await header(reader, position, explicit);
  if (!element) return null;
  const valueAt = position + element.headerLength;
  if (element.length === UNDEFINED) return skipUndefined(reader, valueAt, explicit, depth);
  return valueAt + element.length <= reader.size ? valueAt + element.length : null;
}

export async function dicomLayout(handle: FileHandle, size: number): Promise<DicomLayout> {
  const reader = new Reader(handle, size);
  const magic = await reader.bytes(DICOM_PREAMBLE_BYTES, 4);
  if (magic?.toString('latin1') !== 'DICM') throw new CannotRebuild('unreadable');
  // File meta information: always explicit VR little endian.
  let at = DICOM_PREAMBLE_BYTES + 4;
  let transferSyntax = '';
  for (;;) {
    const element = await header(reader, at, true);
    if (!element || element.group !== 0x0002) break;
    if (element.length === UNDEFINED) throw new CannotRebuild('unreadable');
    if (element.element === 0x0010) transferSyntax = ((await reader.bytes(at + element.headerLength, element.length)) ?? Buffer.alloc(0)).toString('latin1').replace(/[\0 ]+$/, '');
    at += element.headerLength + element.length;
    if (at > size) throw new CannotRebuild('unreadable');
  }
  if (!EXPLICIT_LE.has(transferSyntax) && transferSyntax !== IMPLICIT_LE && !/^1\.2\.840\.10008\.1\.2\.4\./.test(transferSyntax) && !/^1\.2\.840\.10008\.1\.2\.5$/.test(transferSyntax)) {
    // Big endian or deflated data sets cannot be followed element by element here.
    throw new CannotRebuild('unsupported');
  }
  const explicit = transferSyntax !== IMPLICIT_LE;
  let previous = -1;
  let document: DicomLayout['document'] = null;
  let documentLengthValue: number | null = null;
  let groupLengthValue: number | null = null;
  for (;;) {
    const element = at < size ? await header(reader, at, explicit) : null;
    const tag = element ? element.group * 0x10000 + element.element : -1;
    if (!element || element.group === 0xfffe || tag <= previous) break;
    const next = await skipElement(reader, at, explicit, 0);
    if (next === null) break;
    if (tag === 0x00420011 && element.length !== UNDEFINED) document = { headerOffset: at, valueOffset: at + element.headerLength, length: element.length };
    if (tag === 0x00420015 && element.length === 4) documentLengthValue = at + element.headerLength;
    if (tag === 0x00420000 && element.length === 4) groupLengthValue = at + element.headerLength;
    previous = tag;
    at = next;
  }
  return { end: at, document, documentLengthValue, groupLengthValue, explicit };
}
