/**
 * The vault's recovery key (7-3, 14-6): the way back into a vault whose password is
 * forgotten or throttled, or whose device secret died with the laptop, without weakening the
 * password rule. 128 random bits written BitLocker-style as 48 digits in 8 groups of 6. Each
 * group is a 16-bit number times 11, so a mistyped digit or two swapped neighbours in a
 * group are always caught (mod 11) and reported by group before any key is derived.
 * Setup asks the engineer to type two random groups back, so a key that was never written
 * down is noticed before it is needed.
 *
 * Threat: a lost password, a throttled vault or a dead laptop leaving field data unreadable;
 * a typo found only when the key is needed; timing of the read-back comparison.
 */
import { randomBytes, randomInt, timingSafeEqual } from 'node:crypto';

export const RECOVERY_KEY_GROUPS = 8;
export const RECOVERY_KEY_GROUP_DIGITS = 6;
export const RECOVERY_KEY_SECRET_BYTES = 16;
const CHECK_MODULUS = 11;
const GROUP_LIMIT = 65536;
/** Longer input is not a mistyped key: refused before it is normalized. */
const MAX_INPUT_LENGTH = 200;
/**
 * What may separate the digits: white space and dashes. After NFKC, full-width '－' is '-'
 * and the ideographic space is a space; a Japanese IME in full-width mode also gives 'ー'
 * (prolonged sound mark) or '−' (minus) for the hyphen key.
 */
const SEPARATORS = /[\s\p{Pd}\u2212\u30fc]/gu;

export interface RecoveryKey {
  /** 8 groups of 6 ASCII digits. */
  readonly groups: readonly string[];
  /** The groups joined by '-': '123456-234567-…'. */
  readonly text: string;
  /** The 16 bytes the groups encode. */
  readonly secret: Buffer;
}

export type RecoveryKeyProblem = { readonly kind: 'FORMAT' } | { readonly kind: 'CHECK_DIGIT'; readonly group: number /* 1-based */ };

export type RecoveryKeyParse =
  { readonly ok: true; readonly key: RecoveryKey } | { readonly ok: false; readonly problem: RecoveryKeyProblem };

export function generateRecoveryKey(): RecoveryKey {
  const secret = randomBytes(RECOVERY_KEY_SECRET_BYTES);
  const key = recoveryKeyFromSecret(secret);
  secret.fill(0);
  return key;
}

export function recoveryKeyFromSecret(secret: Buffer): RecoveryKey {
  if (secret.length !== RECOVERY_KEY_SECRET_BYTES) throw new RangeError(`A recovery key holds ${RECOVERY_KEY_SECRET_BYTES} bytes`);
  const copy = Buffer.from(secret);
  const groups: string[] = [];
  for (let group = 0; group < RECOVERY_KEY_GROUPS; group++) {
    groups.push(String(copy.readUInt16BE(group * 2) * CHECK_MODULUS).padStart(RECOVERY_KEY_GROUP_DIGITS, '0'));
  }
  return { groups, text: groups.join('-'), secret: copy };
}

/** Reads a typed or pasted key: spaces, hyphens and full-width digits allowed; exactly 48 digits. */
export function parseRecoveryKey(input: string): RecoveryKeyParse {
  if (input.length > MAX_INPUT_LENGTH) return { ok: false, problem: { kind: 'FORMAT' } };
  const digits = input.normalize('NFKC').replace(SEPARATORS, '');
  if (!/^[0-9]{48}$/.test(digits)) return { ok: false, problem: { kind: 'FORMAT' } };
  const secret = Buffer.alloc(RECOVERY_KEY_SECRET_BYTES);
  for (let group = 0; group < RECOVERY_KEY_GROUPS; group++) {
    const start = group * RECOVERY_KEY_GROUP_DIGITS;
    const value = Number(digits.slice(start, start + RECOVERY_KEY_GROUP_DIGITS));
    if (value % CHECK_MODULUS !== 0 || value / CHECK_MODULUS >= GROUP_LIMIT) {
      secret.fill(0);
      return { ok: false, problem: { kind: 'CHECK_DIGIT', group: group + 1 } };
    }
    secret.writeUInt16BE(value / CHECK_MODULUS, group * 2);
  }
  const key = recoveryKeyFromSecret(secret);
  secret.fill(0);
  return { ok: true, key };
}

/** Two distinct 0-based group indexes for the setup read-back, in ascending order. */
export function pickConfirmationGroups(): readonly [number, number] {
  const first = randomInt(RECOVERY_KEY_GROUPS);
  const other = randomInt(RECOVERY_KEY_GROUPS - 1);
  const second = other >= first ? other + 1 : other;
  return first < second ? [first, second] : [second, first];
}

/**
 * Whether the engineer read the key back right: at least two distinct groups (0-based), no
 * group twice, each answer (spaces and full-width digits allowed) equal to its group. Every
 * answer is compared, in constant time, even after a wrong one.
 */
export function confirmsRecoveryKey(
  key: RecoveryKey,
  answers: ReadonlyArray<{ readonly group: number; readonly digits: string }>,
): boolean {
  const seen = new Set<number>();
  let allMatch = answers.length >= 2;
  for (const { group, digits } of answers) {
    const expected = Number.isInteger(group) ? key.groups[group] : undefined;
    if (expected === undefined || seen.has(group)) {
      allMatch = false;
      continue;
    }
    seen.add(group);
    const typed = digits.length <= MAX_INPUT_LENGTH ? digits.normalize('NFKC').replace(SEPARATORS, '') : '';
    const given = Buffer.from(/^[0-9]{6}$/.test(typed) ? typed : '------');
    allMatch = timingSafeEqual(given, Buffer.from(expected)) && allMatch;
  }
  return allMatch && seen.size >= 2;
}
