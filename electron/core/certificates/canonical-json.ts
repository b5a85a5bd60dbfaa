/**
 * RFC 8785 (JSON Canonicalization Scheme) for the evidence of certificates (10-1, 10-5):
 * the bytes that are signed and hashed must not depend on key order or spacing, so that
 * anyone can re-derive them years later from the JSON alone. The `canonicalize` package
 * is the RFC author's implementation; this module only types it and refuses values that
 * have no JSON form (it would return `undefined` for them).
 */
import canonicalize from 'canonicalize';

export type JsonValue = null | boolean | number | string | readonly JsonValue[] | JsonObject;
export interface JsonObject {
  readonly [key: string]: JsonValue;
}

export function canonicalJson(value: JsonValue): string {
  const text = canonicalize(value);
  if (text === undefined) throw new Error('value has no JSON form');
  return text;
}
