/**
 * A strict reader of DER (definite lengths, one-byte tags): just enough to take apart the
 * CMS SignedData of a PDF signature and an X.509 certificate while keeping the exact bytes
 * of each element. Signature verification must hash the signed attributes exactly as they
 * were signed; re-encoding a parsed structure (as node-forge does) could hide a difference.
 */

export interface DerElement {
  readonly tag: number;
  /** The whole element: tag, length and content. */
  readonly bytes: Buffer;
  readonly content: Buffer;
}

export class DerError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DerError';
  }
}

export const DER = {
  INTEGER: 0x02,
  BIT_STRING: 0x03,
  OCTET_STRING: 0x04,
  OID: 0x06,
  UTF8_STRING: 0x0c,
  PRINTABLE_STRING: 0x13,
  TELETEX_STRING: 0x14,
  IA5_STRING: 0x16,
  UTC_TIME: 0x17,
  GENERALIZED_TIME: 0x18,
  BMP_STRING: 0x1e,
  SEQUENCE: 0x30,
  SET: 0x31,
  /** [n] constructed, context-specific. */
  context: (n: number): number => 0xa0 + n,
} as const;

/** Reads the element starting at `offset`. */
export function readDer(buffer: Buffer, offset = 0): DerElement {
  if (offset + 2 > buffer.length) throw new DerError('truncated element');
  const tag = buffer[offset] as number;
  if ((tag & 0x1f) === 0x1f) throw new DerError('multi-byte tags are not used here');
  const first = buffer[offset + 1] as number;
  let length = first;
  let header = 2;
  if (first & 0x80) {
    const count = first & 0x7f;
    if (count === 0) throw new DerError('indefinite length is not DER');
    if (count > 4) throw new DerError('length too large');
    if (offset + 2 + count > buffer.length) throw new DerError('truncated length');
    length = 0;
    for (let i = 0; i < count; i += 1) length = length * 256 + (buffer[offset + 2 + i] as number);
    if (length < 0x80 || (buffer[offset + 2] as number) === 0) throw new DerError('length not minimally encoded');
    header += count;
  }
  const end = offset + header + length;
  if (end > buffer.length) throw new DerError('element runs past its container');
  return { tag, bytes: buffer.subarray(offset, end), content: buffer.subarray(offset + header, end) };
}

/** The elements inside a constructed element (SEQUENCE, SET, [n]). */
export function derChildren(element: DerElement): DerElement[] {
  if ((element.tag & 0x20) === 0) throw new DerError('not a constructed element');
  const children: DerElement[] = [];
  let offset = 0;
  while (offset < element.content.length) {
    const child = readDer(element.content, offset);
    children.push(child);
    offset += child.bytes.length;
  }
  return children;
}

/** The child at `index`, which must carry `tag`. */
export function derChild(element: DerElement, index: number, tag: number): DerElement {
  const child = derChildren(element)[index];
  if (!child || child.tag !== tag) throw new DerError(`expected tag 0x${tag.toString(16)} at position ${index}`);
  return child;
}

/** Reads exactly one element that fills the whole buffer. */
export function readDerExactly(buffer: Buffer, tag: number): DerElement {
  const element = readDer(buffer, 0);
  if (element.tag !== tag) throw new DerError(`expected tag 0x${tag.toString(16)}`);
  if (element.bytes.length !== buffer.length) throw new DerError('trailing bytes after the element');
  return element;
}

export function derOid(element: DerElement): string {
  if (element.tag !== DER.OID || element.content.length === 0) throw new DerError('expected an OBJECT IDENTIFIER');
  const bytes = element.content;
  const parts: number[] = [];
  let value = 0;
  for (const byte of bytes) {
    value = value * 128 + (byte & 0x7f);
    if ((byte & 0x80) === 0) {
      if (parts.length === 0) parts.push(value < 80 ? Math.floor(value / 40) : 2, value < 80 ? value % 40 : value - 80);
      else parts.push(value);
      value = 0;
    }
  }
  if ((bytes[bytes.length - 1] as number) & 0x80) throw new DerError('truncated OBJECT IDENTIFIER');
  return parts.join('.');
}

/** The text of a directory string (UTF8String, PrintableString, IA5String, BMPString, TeletexString). */
export function derString(element: DerElement): string {
  switch (element.tag) {
    case DER.UTF8_STRING:
      return element.content.toString('utf8');
    case DER.PRINTABLE_STRING:
    case DER.IA5_STRING:
    case DER.TELETEX_STRING:
      return element.content.toString('latin1');
    case DER.BMP_STRING:
      return Buffer.from(element.content).swap16().toString('utf16le');
    default:
      throw new DerError('not a string type');
  }
}

/** UTCTime or GeneralizedTime (the forms RFC 5280 allows: seconds, Z) as an ISO string. */
export function derTime(element: DerElement): string {
  const text = element.content.toString('latin1');
  const utc = /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z$/.exec(text);
  const generalized = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z$/.exec(text);
  let parts: string[];
  if (element.tag === DER.UTC_TIME && utc) {
    const yy = Number(utc[1]);
    parts = [String(yy >= 50 ? 1900 + yy : 2000 + yy), ...utc.slice(2)];
  } else if (element.tag === DER.GENERALIZED_TIME && generalized) {
    parts = generalized.slice(1);
  } else {
    throw new DerError('unsupported time');
  }
  const [year, month, day, hour, minute, second] = parts;
  return new Date(`${year}-${month}-${day}T${hour}:${minute}:${second}Z`).toISOString();
}
