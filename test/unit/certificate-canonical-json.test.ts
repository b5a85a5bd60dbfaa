/**
 * The canonical JSON that evidence signatures and hashes are computed over (RFC 8785), checked
 * against the RFC's own examples, so that anyone re-deriving the signed bytes with another
 * JCS implementation gets the same ones.
 */
import { describe, expect, it } from 'vitest';
import { canonicalJson, type JsonValue } from '../../electron/core/certificates/canonical-json';

describe('RFC 8785 canonical JSON', () => {
  it('serialises numbers, strings and literals as in RFC 8785 §3.2.2', () => {
    const input = String.raw`{
      "numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],
      "string": "\u20ac$\u000F\u000aA'\u0042\u0022\u005c\\\"\/",
      "literals": [null, true, false]
    }`;
    expect(canonicalJson(JSON.parse(input) as JsonValue)).toBe(
      String.raw`{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\u000f\nA'B\"\\\\\"/"}`,
    );
  });

  it('sorts keys by UTF-16 code units as in RFC 8785 §3.2.3', () => {
    const input = String.raw`{
      "\u20ac": "Euro Sign", "\r": "Carriage Return", "\ufb33": "Hebrew Letter Dalet With Dagesh", "1": "One",
      "\ud83d\ude00": "Emoji: Grinning Face", "\u0080": "Control", "\u00f6": "Latin Small Letter O With Diaeresis"
    }`;
    // Compared as text: Object.keys would list "1" first whatever the order.
    expect(canonicalJson(JSON.parse(input) as JsonValue)).toBe(
      '{"\\r":"Carriage Return","1":"One","\u0080":"Control","\u00f6":"Latin Small Letter O With Diaeresis","\u20ac":"Euro Sign",' +
        '"\ud83d\ude00":"Emoji: Grinning Face","\ufb33":"Hebrew Letter Dalet With Dagesh"}',
    );
  });

  it('writes Japanese as itself, without escapes, and nested objects sorted', () => {
    expect(canonicalJson({ b: { z: 1, a: 'データ消去' }, a: [] })).toBe('{"a":[],"b":{"a":"データ消去","z":1}}');
  });

  it('refuses what has no JSON form', () => {
    expect(() => canonicalJson(Number.NaN)).toThrow();
    expect(() => canonicalJson(Number.POSITIVE_INFINITY)).toThrow();
  });
});
