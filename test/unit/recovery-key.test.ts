/**
 * The recovery key as the engineer writes it down, types it back at setup and types it in
 * again on the day it is needed: 8 groups of 6 digits, each a multiple of 11 carrying 16 bits.
 */
import { describe, expect, it } from 'vitest';
import {
  confirmsRecoveryKey,
  generateRecoveryKey,
  parseRecoveryKey,
  pickConfirmationGroups,
  recoveryKeyFromSecret,
  type RecoveryKey,
} from '../../electron/core/vault/recovery-key';

function parsedKey(input: string): RecoveryKey {
  const parsed = parseRecoveryKey(input);
  if (!parsed.ok) throw new Error(`expected ${input} to parse, got ${JSON.stringify(parsed.problem)}`);
  return parsed.key;
}

function toFullWidth(text: string): string {
  return text.replace(/[0-9]/g, (digit) => String.fromCharCode(digit.charCodeAt(0) + 0xfee0));
}

describe('generateRecoveryKey', () => {
  it('writes 8 groups of 6 digits, each a multiple of 11 under 65536 × 11, and parses back to the same 16 bytes', () => {
    for (let round = 0; round < 50; round++) {
      const key = generateRecoveryKey();
      expect(key.secret).toHaveLength(16);
      expect(key.text).toMatch(/^\d{6}(-\d{6}){7}$/);
      expect(key.groups).toEqual(key.text.split('-'));
      for (const group of key.groups) {
        expect(Number(group) % 11).toBe(0);
        expect(Number(group) / 11).toBeLessThan(65536);
      }
      const again = parsedKey(key.text);
      expect(again.secret.equals(key.secret)).toBe(true);
      expect(again.text).toBe(key.text);
    }
  });

  it('gives a different key each time', () => {
    expect(generateRecoveryKey().text).not.toBe(generateRecoveryKey().text);
  });
});

describe('recoveryKeyFromSecret', () => {
  it('puts each 16-bit big-endian word of the secret, times 11, in its group', () => {
    const key = recoveryKeyFromSecret(Buffer.from('000102030405060708090a0b0c0d0e0f', 'hex'));
    expect(key.groups).toEqual(
      [0x0001, 0x0203, 0x0405, 0x0607, 0x0809, 0x0a0b, 0x0c0d, 0x0e0f].map((word) => String(word * 11).padStart(6, '0')),
    );
    expect(recoveryKeyFromSecret(Buffer.alloc(16)).text).toBe('000000-000000-000000-000000-000000-000000-000000-000000');
    expect(recoveryKeyFromSecret(Buffer.alloc(16, 0xff)).groups).toEqual(Array(8).fill('720885'));
  });

  it('keeps its own copy of the secret and refuses anything but 16 bytes', () => {
    const secret = Buffer.alloc(16, 7);
    const key = recoveryKeyFromSecret(secret);
    secret.fill(0);
    expect(key.secret.equals(Buffer.alloc(16, 7))).toBe(true);
    expect(() => recoveryKeyFromSecret(Buffer.alloc(15))).toThrow(RangeError);
    expect(() => recoveryKeyFromSecret(Buffer.alloc(17))).toThrow(RangeError);
  });
});

describe('parseRecoveryKey', () => {
  const key = recoveryKeyFromSecret(Buffer.from('00ff10ef20df30cf40bf50af609f708f', 'hex'));

  it('accepts full-width digits, spaces, no separators and surrounding white space', () => {
    const typed = [
      toFullWidth(key.text),
      toFullWidth(key.groups.join('　')),
      key.groups.join(' '),
      key.groups.join(''),
      `  ${key.text}\n`,
      key.groups.map((group) => `${group.slice(0, 3)} ${group.slice(3)}`).join(' - '),
      key.groups.join('ー'),
    ];
    for (const input of typed) expect(parsedKey(input).secret.equals(key.secret), input).toBe(true);
  });

  it('reports a changed digit as CHECK_DIGIT in the group that holds it, for every digit and every change', () => {
    const digits = key.groups.join('');
    for (let position = 0; position < 48; position++) {
      for (const replacement of '0123456789') {
        if (replacement === digits[position]) continue;
        const changed = digits.slice(0, position) + replacement + digits.slice(position + 1);
        expect(parseRecoveryKey(changed)).toEqual({ ok: false, problem: { kind: 'CHECK_DIGIT', group: Math.floor(position / 6) + 1 } });
      }
    }
  });

  it('reports two swapped neighbouring digits as CHECK_DIGIT', () => {
    const groups = [...key.groups];
    const third = groups[2] ?? '';
    const at = [...third].findIndex((digit, i) => i < 5 && digit !== third[i + 1]);
    groups[2] = third.slice(0, at) + third.charAt(at + 1) + third.charAt(at) + third.slice(at + 2);
    expect(parseRecoveryKey(groups.join('-'))).toEqual({ ok: false, problem: { kind: 'CHECK_DIGIT', group: 3 } });
  });

  it('reports 47 or 49 digits, letters, an empty or an over-long input as FORMAT', () => {
    const digits = key.groups.join('');
    for (const input of [
      digits.slice(1),
      `${digits}0`,
      `${digits.slice(0, 47)}a`,
      '',
      '      ',
      `${key.text} ${'-'.repeat(300)}`,
      `${key.text}x`,
    ]) {
      expect(parseRecoveryKey(input), input).toEqual({ ok: false, problem: { kind: 'FORMAT' } });
    }
  });

  it('refuses a group that is a multiple of 11 but carries more than 16 bits', () => {
    for (const tooBig of ['720896', '999999']) {
      expect(Number(tooBig) % 11).toBe(0);
      const groups = [...key.groups];
      groups[4] = tooBig;
      expect(parseRecoveryKey(groups.join('-'))).toEqual({ ok: false, problem: { kind: 'CHECK_DIGIT', group: 5 } });
    }
  });
});

describe('pickConfirmationGroups', () => {
  it('picks two distinct groups in 0..7, and over many picks every pair', () => {
    const picks = Array.from({ length: 2000 }, () => pickConfirmationGroups());
    const valid = (group: number) => Number.isInteger(group) && group >= 0 && group <= 7;
    expect(picks.filter(([first, second]) => first === second || !valid(first) || !valid(second))).toEqual([]);
    expect(new Set(picks.map(([first, second]) => `${Math.min(first, second)}-${Math.max(first, second)}`)).size).toBe(28);
  });
});

describe('confirmsRecoveryKey', () => {
  const key = recoveryKeyFromSecret(Buffer.from('1f2e3d4c5b6a79880123456789abcdef', 'hex'));
  const answer = (group: number, digits = key.groups[group] ?? '') => ({ group, digits });

  it('is true when the two asked groups are typed right, also in full-width digits or with a space', () => {
    expect(confirmsRecoveryKey(key, [answer(1), answer(6)])).toBe(true);
    expect(
      confirmsRecoveryKey(key, [
        answer(0, toFullWidth(key.groups[0] ?? '')),
        answer(7, ` ${key.groups[7]?.slice(0, 3)} ${key.groups[7]?.slice(3)} `),
      ]),
    ).toBe(true);
    expect(confirmsRecoveryKey(key, [answer(2), answer(3), answer(4)])).toBe(true);
  });

  it('is false when a group is typed wrong, even if the other is right', () => {
    const wrong = String((Number(key.groups[5]) + 11) % 720896).padStart(6, '0');
    expect(confirmsRecoveryKey(key, [answer(1), answer(5, wrong)])).toBe(false);
    expect(confirmsRecoveryKey(key, [answer(1), answer(5, key.groups[4])])).toBe(false);
    expect(confirmsRecoveryKey(key, [answer(1), answer(5, '')])).toBe(false);
    expect(confirmsRecoveryKey(key, [answer(1), answer(5, `${key.groups[5]}0`)])).toBe(false);
  });

  it('is false for the same group given twice, a single group, or a group that does not exist', () => {
    expect(confirmsRecoveryKey(key, [answer(3), answer(3)])).toBe(false);
    expect(confirmsRecoveryKey(key, [answer(3)])).toBe(false);
    expect(confirmsRecoveryKey(key, [])).toBe(false);
    expect(confirmsRecoveryKey(key, [answer(3), { group: 8, digits: '000000' }])).toBe(false);
    expect(confirmsRecoveryKey(key, [answer(3), { group: -1, digits: '000000' }])).toBe(false);
    expect(confirmsRecoveryKey(key, [answer(3), { group: 1.5, digits: '000000' }])).toBe(false);
  });
});
