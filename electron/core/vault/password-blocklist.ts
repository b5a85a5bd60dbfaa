/**
 * The words a vault password may not be (14-6 "no guessable passwords"; NIST SP 800-63B
 * 5.1.1.2: refuse dictionary words and context-specific words such as the name of the
 * service). Kept as data: the rule that applies it is `password-policy.ts`, which refuses a
 * password that, after NFKC and lower-casing, is one of these words — alone, repeated, or
 * with digits, symbols and spaces around or inside it ('Fieldguard2026!', 'password1234',
 * 'フィールドガード2025', 'p@ssw0rd!', 'admin admin 1'), so the `<word>123`, `<word>2024`…
 * `<word>2030` and `<word>!` variants need no entries of their own.
 *
 * Entries are written lower-case and already NFKC-normal (a test checks both). Everything
 * else guessable — common passwords, names, keyboard walks, dates — is zxcvbn's job.
 */
export const PASSWORD_BLOCKLIST: readonly string[] = [
  // The product and its vendor.
  'fieldguard',
  'field guard',
  'フィールドガード',
  'ふぃーるどがーど',
  // The job and the place it is done: maintenance of medical devices in hospitals.
  'fieldengineer',
  'field engineer',
  'maintenance',
  'hoshu',
  '保守',
  'ほしゅ',
  'byouin',
  'byoin',
  '病院',
  'びょういん',
  'iryou',
  'iryo',
  '医療',
  'いりょう',
  // The passwords everyone tries first.
  'password',
  'passw0rd',
  'p@ssw0rd',
  'p@ssword',
  'パスワード',
  'ぱすわーど',
  'qwerty',
  'admin',
  'administrator',
  'welcome',
  'letmein',
];
