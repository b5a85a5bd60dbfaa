/**
 * Strong passwords for the sites' maintenance accounts (8-5, 14-6), made to be typed by hand at
 * a hospital server's console, whose keyboard is usually Japanese (JIS) and whose OS layout
 * setting is not always the same as the keys printed on it.
 *
 * - Letters and digits without the ambiguous ones: no I, l, 1, O, 0, o (24 + 24 + 8).
 * - Symbols only where JIS and US layouts agree, so a password works whichever layout the
 *   console's OS thinks it has: `! # $ %` (Shift+1, 3, 4, 5 on both), `-` (the key right of 0),
 *   `.` `/` `?` (right of M, also on the numeric keypad for `. /`).
 *   Left out, because they move between the layouts: `@ [ ] : ^ _ \ " ' & * ( ) = + ~ | { } \``
 *   (e.g. Shift+2 is `@` on US and `"` on JIS; `@` has its own key on JIS; `_` needs the ろ key).
 *   Also left out although they do not move: `,` `<` `>` `;` — `;` and `,` separate fields in
 *   connection strings and CSV files, `<` `>` redirect in a console, and `;` sits where JIS
 *   and US disagree on its Shift partner, an easy slip.
 *   That is 8 symbols: 64 characters in all when every set is on, 6 bits per character.
 *
 * Characters are drawn with `crypto.randomInt` (rejection sampling, no modulo bias); a
 * password lacking one of the chosen sets is drawn again, so every password that meets the
 * rules is equally likely.
 */
import { randomInt } from 'node:crypto';
import type { PasswordRules } from '../../shared/sites';
import { AppError } from '../app-error';

export const PASSWORD_CHARACTER_SETS = {
  lower: 'abcdefghijkmnpqrstuvwxyz',
  upper: 'ABCDEFGHJKLMNPQRSTUVWXYZ',
  digits: '23456789',
  symbols: '!#$%-./?',
} as const;

type SetName = keyof typeof PASSWORD_CHARACTER_SETS;
const setNames = Object.keys(PASSWORD_CHARACTER_SETS) as SetName[];

/** Far beyond need: the hardest rules (12 characters, every set) succeed in 6 draws out of 10. */
const MAX_DRAWS = 10_000;

export function generatePassword(rules: PasswordRules, pick: (max: number) => number = randomInt): string {
  const chosen = setNames.filter((name) => rules[name]).map((name) => PASSWORD_CHARACTER_SETS[name]);
  if (chosen.length === 0 || rules.length < chosen.length) throw new AppError('IPC_INVALID_REQUEST');
  const alphabet = chosen.join('');
  for (let draw = 0; draw < MAX_DRAWS; draw += 1) {
    let password = '';
    for (let i = 0; i < rules.length; i += 1) password += alphabet.charAt(pick(alphabet.length));
    if (chosen.every((set) => [...password].some((c) => set.includes(c)))) return password;
  }
  throw new AppError('INTERNAL');
}
