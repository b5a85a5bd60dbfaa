/**
 * Whether a vault password may be used (14-6 "no guessable passwords"), following NIST
 * SP 800-63B 5.1.1.2: at least 12 characters counted as Unicode code points after NFKC, any
 * character allowed and no composition rules; refused when it is a block-listed word
 * (`password-blocklist.ts`), contains the engineer's name, company or employee ID, or when
 * zxcvbn-ts (common + English + Japanese dictionaries) scores it below 3. The score is also
 * the strength meter; zxcvbn's feedback leaves here as translation keys, never as text.
 *
 * Threat: an offline guessing attack on a stolen laptop's vault header, and a colleague or
 * thief who knows the engineer, the product and the job guessing online.
 *
 * Limits, measured (see test/unit/password-policy.test.ts): zxcvbn-ts 3.0.4 is quadratic in
 * length and in its l33t variants — 64 characters of random base64 took ~0.6 s and 100
 * characters of repeated l33t words ~8 s with its defaults — so only the first
 * `ANALYSED_CODE_POINTS` code points are scored and at most `L33T_VARIANTS` l33t readings are
 * tried. The length, block-list and personal-information rules still see the whole password.
 * Scoring a prefix errs on the safe side: a password whose first 20 code points are
 * guessable is refused even if it goes on well, and one that repeats itself is cut at a
 * whole repeat so that the repetition stays visible.
 */
import { zxcvbn, zxcvbnOptions } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary as commonDictionary } from '@zxcvbn-ts/language-common';
import { dictionary as enDictionary, translations as enTranslations } from '@zxcvbn-ts/language-en';
import { dictionary as jaDictionary } from '@zxcvbn-ts/language-ja';
import { PASSWORD_BLOCKLIST } from './password-blocklist';

export type PasswordProblem = 'TOO_SHORT' | 'BLOCKLISTED' | 'PERSONAL_INFO' | 'TOO_WEAK';

export interface PasswordContext {
  readonly name?: string;
  readonly company?: string;
  readonly employeeId?: string;
}

/** zxcvbn's warning keys (`translations.warnings` of @zxcvbn-ts/core), less `pwned`: the haveibeenpwned matcher needs the network and is not used. */
export const PASSWORD_WARNING_KEYS = [
  'straightRow',
  'keyPattern',
  'simpleRepeat',
  'extendedRepeat',
  'sequences',
  'recentYears',
  'dates',
  'topTen',
  'topHundred',
  'common',
  'similarToCommon',
  'wordByItself',
  'namesByThemselves',
  'commonNames',
  'userInputs',
] as const;
export type PasswordWarningKey = (typeof PASSWORD_WARNING_KEYS)[number];

/** zxcvbn's suggestion keys (`translations.suggestions`), less `pwned`. */
export const PASSWORD_SUGGESTION_KEYS = [
  'l33t',
  'reverseWords',
  'allUppercase',
  'capitalization',
  'dates',
  'recentYears',
  'associatedYears',
  'sequences',
  'repeated',
  'longerKeyboardPattern',
  'anotherWord',
  'useWords',
  'noNeed',
] as const;
export type PasswordSuggestionKey = (typeof PASSWORD_SUGGESTION_KEYS)[number];

/**
 * Every key `warning` or `suggestions` may hold, for the UI to translate. `sequences`,
 * `recentYears` and `dates` are both a warning and a suggestion, with different texts in
 * zxcvbn: translate warnings and suggestions under separate namespaces.
 */
export const PASSWORD_FEEDBACK_KEYS: readonly (PasswordWarningKey | PasswordSuggestionKey)[] = [
  ...new Set([...PASSWORD_WARNING_KEYS, ...PASSWORD_SUGGESTION_KEYS]),
];

export interface PasswordAssessment {
  readonly acceptable: boolean;
  /** zxcvbn's score of the (first `ANALYSED_CODE_POINTS` code points of the) password: the strength meter. */
  readonly score: 0 | 1 | 2 | 3 | 4;
  /** Empty when acceptable; most important first (the order of `PasswordProblem`). */
  readonly problems: readonly PasswordProblem[];
  /** zxcvbn's feedback warning key (not text); null when zxcvbn has none (always when its score is 3 or 4). */
  readonly warning: PasswordWarningKey | null;
  /** zxcvbn's suggestion keys (not text). */
  readonly suggestions: readonly PasswordSuggestionKey[];
}

export const MIN_PASSWORD_CODE_POINTS = 12;
export const MIN_ACCEPTABLE_SCORE = 3;
/** How much of the password zxcvbn scores; keeps a 64-character password well under 50 ms. */
export const ANALYSED_CODE_POINTS = 20;
/** How many l33t readings ('p4$$w0rd' as 'password', …) zxcvbn tries; its default of 100 is most of its cost. */
const L33T_VARIANTS = 20;
/** Name and company parts shorter than this are not looked for ('Li', 'Co'); 2 for kanji and kana, where 2 characters make a surname. */
const MIN_PART_CODE_POINTS = 3;
const MIN_JAPANESE_PART_CODE_POINTS = 2;
/**
 * Legal forms in company names, too common to count as personal ('Acme Inc.' must not
 * refuse 'prince'). The Japanese ones are cut out wherever they stand, since they are
 * written without a space: '東都メディカル株式会社' is looked for as '東都メディカル'.
 */
const COMPANY_FORMS: ReadonlySet<string> = new Set(['inc', 'ltd', 'llc', 'corp', 'corporation', 'company', 'gmbh', 'plc', 'kk']);
const JAPANESE_COMPANY_FORMS = ['株式会社', '有限会社', '合同会社', '合資会社', '合名会社'];

const NOT_LETTER = /[^\p{L}\p{M}]/gu;
const NOT_LETTER_OR_DIGIT = /[^\p{L}\p{M}\p{N}]+/gu;
const NON_LETTERS_AT_ENDS = /^[^\p{L}\p{M}]+|[^\p{L}\p{M}]+$/gu;
const SEPARATORS = /[\s\p{Z}\-_.・]/gu;
const JAPANESE = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー]+$/u;

/** NFKC: full-width 'ＡＢＣ' is 'ABC', half-width 'ｶﾅ' is 'カナ'. The vault stretches this form too. */
export function normalizePassword(password: string): string {
  return password.normalize('NFKC');
}

function fold(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

function codePoints(text: string): string[] {
  return Array.from(text);
}

let configured = false;

/**
 * zxcvbn's options are process-wide. Configured on first use, since ranking ~235 000
 * dictionary words takes ~150 ms. The Japanese lists are renamed: spread as they are, they
 * would replace the English lists of the same names (commonWords, firstnames, lastnames,
 * wikipedia). Translations are zxcvbn's keys mapped to themselves, so that its feedback
 * comes back as keys for the UI to translate (English text would have to be mapped back).
 */
function configureZxcvbn(): void {
  if (configured) return;
  const keysOf = (texts: Record<string, string>) => Object.fromEntries(Object.keys(texts).map((key) => [key, key]));
  zxcvbnOptions.setOptions({
    dictionary: {
      ...commonDictionary,
      ...enDictionary,
      'ja-commonWords': jaDictionary.commonWords,
      'ja-firstnames': jaDictionary.firstnames,
      'ja-lastnames': jaDictionary.lastnames,
      'ja-wikipedia': jaDictionary.wikipedia,
    },
    graphs: adjacencyGraphs,
    translations: {
      warnings: keysOf(enTranslations.warnings),
      suggestions: keysOf(enTranslations.suggestions),
      timeEstimation: keysOf(enTranslations.timeEstimation),
    } as typeof enTranslations,
    l33tMaxSubstitutions: L33T_VARIANTS,
    // Only zxcvbnAsync applies maxLength, in UTF-16 units; `analysedPart` cuts by code points.
    maxLength: ANALYSED_CODE_POINTS * 2,
  });
  configured = true;
}

/** Each block-listed word as written, without separators, and as letters only ('p@ssw0rd' → 'psswrd'). */
const BLOCKED_FORMS: readonly string[] = [
  ...new Set(
    PASSWORD_BLOCKLIST.flatMap((word) => [word, word.replace(SEPARATORS, ''), word.replace(NOT_LETTER, '')]).filter(
      (form) => codePoints(form).length >= 2,
    ),
  ),
];

function isRepetitionOf(text: string, word: string): boolean {
  return text.length > 0 && text.length % word.length === 0 && word.repeat(text.length / word.length) === text;
}

/** The password is a block-listed word, alone or repeated, with only digits, symbols and spaces around or inside it. */
function isBlocklisted(folded: string): boolean {
  const trimmed = folded.replace(NON_LETTERS_AT_ENDS, '');
  const candidates = [trimmed, trimmed.replace(SEPARATORS, ''), folded.replace(NOT_LETTER, '')];
  return candidates.some((candidate) => BLOCKED_FORMS.some((word) => isRepetitionOf(candidate, word)));
}

function isLongEnoughPart(part: string): boolean {
  const length = codePoints(part).length;
  return length >= (JAPANESE.test(part) ? MIN_JAPANESE_PART_CODE_POINTS : MIN_PART_CODE_POINTS);
}

/** The strings a password must not contain: each value whole (without separators) and its parts. */
function personalTokens(context: PasswordContext): string[] {
  const tokens = new Set<string>();
  const fields = [
    ['name', context.name],
    ['company', context.company],
    ['employeeId', context.employeeId],
  ] as const;
  for (const [field, value] of fields) {
    if (!value) continue;
    let folded = fold(value);
    if (field === 'company') folded = JAPANESE_COMPANY_FORMS.reduce((text, form) => text.replaceAll(form, ' '), folded);
    const whole = folded.replace(NOT_LETTER_OR_DIGIT, '');
    if (isLongEnoughPart(whole)) tokens.add(whole);
    for (const part of folded.split(NOT_LETTER_OR_DIGIT)) {
      if (field === 'company' && COMPANY_FORMS.has(part)) continue;
      if (isLongEnoughPart(part)) tokens.add(part);
    }
  }
  return [...tokens];
}

function containsPersonalInfo(folded: string, tokens: readonly string[]): boolean {
  const compact = folded.replace(NOT_LETTER_OR_DIGIT, '');
  return tokens.some((token) => folded.includes(token) || compact.includes(token));
}

/** The length of the shortest string the password repeats ('abcabcab' → 3); its length if none. */
function shortestPeriod(points: readonly string[]): number {
  const border: number[] = [0];
  let length = 0;
  for (let i = 1; i < points.length; i++) {
    while (length > 0 && points[i] !== points[length]) length = border[length - 1] ?? 0;
    if (points[i] === points[length]) length++;
    border.push(length);
  }
  return points.length - (border[points.length - 1] ?? 0);
}

/**
 * What zxcvbn scores: the first `ANALYSED_CODE_POINTS` code points — cut at whole repeats
 * when the password repeats itself, so that a cut does not hide the repetition
 * ('MaintenanceMaintenance' is scored as 'Maintenance', not as 'MaintenanceMainten').
 */
function analysedPart(points: readonly string[]): string {
  if (points.length <= ANALYSED_CODE_POINTS) return points.join('');
  const period = shortestPeriod(points);
  const repeats = period * 2 <= points.length;
  const end = repeats && period <= ANALYSED_CODE_POINTS ? period * Math.floor(ANALYSED_CODE_POINTS / period) : ANALYSED_CODE_POINTS;
  return points.slice(0, end).join('');
}

function asScore(score: number): PasswordAssessment['score'] {
  return Math.min(4, Math.max(0, Math.trunc(score))) as PasswordAssessment['score'];
}

const warningKeys: ReadonlySet<string> = new Set(PASSWORD_WARNING_KEYS);
const suggestionKeys: ReadonlySet<string> = new Set(PASSWORD_SUGGESTION_KEYS);

export function assessPassword(password: string, context: PasswordContext = {}): PasswordAssessment {
  configureZxcvbn();
  const normalized = normalizePassword(password);
  const folded = normalized.toLowerCase();
  const tokens = personalTokens(context);

  // Always pass an array: zxcvbn keeps the previous call's user inputs when given none.
  const points = codePoints(normalized);
  const result = zxcvbn(analysedPart(points), [...tokens, ...BLOCKED_FORMS]);
  const score = asScore(result.score);

  const problems: PasswordProblem[] = [];
  if (points.length < MIN_PASSWORD_CODE_POINTS) problems.push('TOO_SHORT');
  if (isBlocklisted(folded)) problems.push('BLOCKLISTED');
  if (containsPersonalInfo(folded, tokens)) problems.push('PERSONAL_INFO');
  if (score < MIN_ACCEPTABLE_SCORE) problems.push('TOO_WEAK');

  const warning = result.feedback.warning;
  return {
    acceptable: problems.length === 0,
    score,
    problems,
    warning: warning !== null && warningKeys.has(warning) ? (warning as PasswordWarningKey) : null,
    suggestions: result.feedback.suggestions.filter((key): key is PasswordSuggestionKey => suggestionKeys.has(key)),
  };
}
