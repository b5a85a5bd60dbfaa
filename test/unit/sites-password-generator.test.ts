/**
 * The generator of maintenance-account passwords (8-5, 14-6): only characters that are
 * unambiguous and sit at the same place on Japanese (JIS) and US keyboards, every chosen set
 * present, the asked length, and characters drawn evenly (no modulo bias, no favourites).
 */
import { randomInt } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../electron/core/app-error';
import { generatePassword, PASSWORD_CHARACTER_SETS } from '../../electron/core/sites/password-generator';
import { addMonths } from '../../electron/core/sites/review-schedule';
import { PasswordRules } from '../../electron/shared/sites';

const ALL = { length: 20, lower: true, upper: true, digits: true, symbols: true };

describe('the character sets', () => {
  it('leave out the characters people misread: I l 1 O 0 o', () => {
    const every = Object.values(PASSWORD_CHARACTER_SETS).join('');
    for (const c of 'Il1O0o') expect(every, c).not.toContain(c);
    expect(PASSWORD_CHARACTER_SETS.lower).toHaveLength(24);
    expect(PASSWORD_CHARACTER_SETS.upper).toHaveLength(24);
    expect(PASSWORD_CHARACTER_SETS.digits).toBe('23456789');
  });

  it('hold only symbols that JIS and US layouts put on the same key', () => {
    expect(PASSWORD_CHARACTER_SETS.symbols).toBe('!#$%-./?');
    // Each of these moves between the layouts (or is an IME key on JIS).
    for (const c of '@[]:;^_\\"\'&*()=~|`{}+') expect(PASSWORD_CHARACTER_SETS.symbols, c).not.toContain(c);
    expect(new Set(Object.values(PASSWORD_CHARACTER_SETS).join('')).size).toBe(64);
  });
});

describe('a generated password', () => {
  it('[8-5][14-6] has the asked length and at least one character of every chosen set, and nothing else', () => {
    const combos = [
      ALL,
      { length: 12, lower: true, upper: false, digits: true, symbols: false },
      { length: 12, lower: false, upper: true, digits: false, symbols: true },
      { length: 64, lower: false, upper: false, digits: true, symbols: false },
      { length: 12, lower: true, upper: true, digits: true, symbols: true },
    ];
    for (const rules of combos) {
      for (let i = 0; i < 300; i += 1) {
        const password = generatePassword(rules);
        expect(password).toHaveLength(rules.length);
        for (const name of ['lower', 'upper', 'digits', 'symbols'] as const) {
          const set = PASSWORD_CHARACTER_SETS[name];
          const present = [...password].some((c) => set.includes(c));
          expect(present, `${name} in ${JSON.stringify(rules)}`).toBe(rules[name]);
        }
      }
    }
  });

  it('is drawn evenly: every character about equally often (chi-square), and passwords do not repeat', () => {
    const counts = new Map<string, number>();
    const seen = new Set<string>();
    const passwords = 2000;
    for (let i = 0; i < passwords; i += 1) {
      const password = generatePassword({ ...ALL, length: 64 });
      seen.add(password);
      for (const c of password) counts.set(c, (counts.get(c) ?? 0) + 1);
    }
    expect(seen.size).toBe(passwords);
    expect(counts.size).toBe(64);
    const expected = (passwords * 64) / 64;
    const chiSquare = [...counts.values()].reduce((sum, n) => sum + (n - expected) ** 2 / expected, 0);
    // 63 degrees of freedom: p = 0.0001 at about 112. A modulo bias toward a few characters would be far above.
    expect(chiSquare).toBeLessThan(112);
    for (const [c, n] of counts) expect(Math.abs(n - expected) / expected, c).toBeLessThan(0.15);
  });

  it('draws each character with one bounded call (crypto.randomInt: rejection sampling, no modulo), never settling for a missing set', () => {
    const bounds = new Set<number>();
    const password = generatePassword({ ...ALL, length: 16 }, (max) => {
      bounds.add(max);
      return randomInt(max);
    });
    expect(password).toHaveLength(16);
    expect([...bounds]).toEqual([64]);
    // A source that only ever gives the first character cannot meet the rules: it gives up rather than return a weak password.
    expect(() => generatePassword({ ...ALL, length: 16 }, () => 0)).toThrow(AppError);
  });

  it('is refused without any character set, or shorter than 12', () => {
    expect(PasswordRules.safeParse({ length: 16, lower: false, upper: false, digits: false, symbols: false }).success).toBe(false);
    expect(PasswordRules.safeParse({ ...ALL, length: 11 }).success).toBe(false);
    expect(() => generatePassword({ length: 16, lower: false, upper: false, digits: false, symbols: false })).toThrow(AppError);
  });
});

describe('the review schedule', () => {
  it('[14-7] is six calendar months on, ending on the last day of a shorter month', () => {
    expect(addMonths(new Date('2026-04-01T01:00:00.000Z'), 6).toISOString()).toBe('2026-10-01T01:00:00.000Z');
    expect(addMonths(new Date('2026-08-31T09:30:00.000Z'), 6).toISOString()).toBe('2027-02-28T09:30:00.000Z');
    expect(addMonths(new Date('2027-08-31T00:00:00.000Z'), 6).toISOString()).toBe('2028-02-29T00:00:00.000Z');
    expect(addMonths(new Date('2026-10-12T02:00:00.000Z'), 6).toISOString()).toBe('2027-04-12T02:00:00.000Z');
  });
});
