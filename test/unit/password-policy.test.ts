/**
 * The vault password rule (14-6, NIST SP 800-63B) as the setup wizard and `vault init` see it:
 * length in code points after NFKC, the block-list, personal information, zxcvbn's score
 * with the Japanese dictionaries and feedback as keys. How long one assessment takes is
 * measured by `npm run bench` (password-assessment), not asserted here.
 */
import { translations as zxcvbnEnglish } from '@zxcvbn-ts/language-en';
import { beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD_BLOCKLIST } from '../../electron/core/vault/password-blocklist';
import {
  ANALYSED_CODE_POINTS,
  PASSWORD_FEEDBACK_KEYS,
  PASSWORD_SUGGESTION_KEYS,
  PASSWORD_WARNING_KEYS,
  assessPassword,
  normalizePassword,
} from '../../electron/core/vault/password-policy';

/** 12 random-looking ASCII characters: zxcvbn scores them 4. */
const STRONG_12 = 'Xk9#mQ2!vL9z';
const engineer = { name: 'Taro Yamada', company: 'Acme Medical Inc.', employeeId: 'E-204871' };

beforeAll(() => {
  // The first call ranks zxcvbn's dictionaries (~150 ms); the timings below are of the calls after it.
  assessPassword('warm up the dictionaries');
});

describe('length', () => {
  it('[14-6] refuses 11 characters as TOO_SHORT and accepts 12 when they are strong', () => {
    expect(assessPassword(STRONG_12.slice(0, 11))).toMatchObject({ acceptable: false, problems: ['TOO_SHORT'] });
    const twelve = assessPassword(STRONG_12);
    expect(twelve).toMatchObject({ acceptable: true, problems: [], warning: null, suggestions: [] });
    expect(twelve.score).toBeGreaterThanOrEqual(3);
  });

  it('counts 12 emoji or 12 kanji and kana as 12 characters, not as UTF-16 units', () => {
    const emoji = '😀🎉🔥🌸🍣🗻🎌🐟🌊🎋🍵🐙';
    expect(emoji.length).toBe(24);
    expect(assessPassword(emoji)).toMatchObject({ acceptable: true, problems: [] });
    expect(assessPassword(Array.from(emoji).slice(0, 11).join('')).problems).toEqual(['TOO_SHORT']);

    const kanji = '湯呑み茶碗と急須の時間だ';
    expect(Array.from(kanji)).toHaveLength(12);
    expect(assessPassword(kanji)).toMatchObject({ acceptable: true, problems: [] });
    expect(assessPassword(kanji.slice(0, 11)).problems).toEqual(['TOO_SHORT']);
  });

  it('counts after NFKC: か + combining dakuten is one character, が', () => {
    const twelveBeforeElevenAfter = `${STRONG_12.slice(0, 10)}か\u3099`;
    expect(Array.from(twelveBeforeElevenAfter)).toHaveLength(12);
    expect(assessPassword(twelveBeforeElevenAfter).problems).toEqual(['TOO_SHORT']);
  });
});

describe('NFKC', () => {
  it('treats full-width ＡＢＣ as ABC and half-width ｶﾅ as カナ', () => {
    expect(normalizePassword('ＡＢＣ１２３')).toBe('ABC123');
    expect(normalizePassword('ﾌｨｰﾙﾄﾞｶﾞｰﾄﾞ')).toBe('フィールドガード');
    expect(assessPassword('ＡＢＣ#Zq8!Tw4$Rk')).toEqual(assessPassword('ABC#Zq8!Tw4$Rk'));
  });
});

describe('block-list', () => {
  it.each(['password1234', 'Fieldguard2026!', 'フィールドガード2025'])('refuses %s as BLOCKLISTED', (password) => {
    const { acceptable, problems } = assessPassword(password);
    expect(acceptable).toBe(false);
    expect(problems[0]).toBe('BLOCKLISTED');
  });

  it('[14-6] refuses every block-listed word with 123, 2024 to 2030 or ! after it, in any case', () => {
    const suffixes = ['123', '2024', '2025', '2026', '2027', '2028', '2029', '2030', '!'];
    PASSWORD_BLOCKLIST.forEach((word, index) => {
      const suffix = suffixes[index % suffixes.length];
      const candidate = `${index % 2 ? word.toUpperCase() : word}${suffix}`;
      expect(assessPassword(candidate).problems, candidate).toContain('BLOCKLISTED');
    });
    for (const suffix of suffixes) expect(assessPassword(`FieldGuard${suffix}`).problems).toContain('BLOCKLISTED');
  });

  it('refuses a block-listed word spaced, repeated, in half-width kana or behind digits and symbols', () => {
    for (const password of [
      'Field Guard 2026',
      'p@ssw0rd!2026',
      'MaintenanceMaintenance',
      '2026!!hoshu!!2026',
      '保守2025保守2025',
      'ﾌｨｰﾙﾄﾞｶﾞｰﾄﾞ2025',
      'Admin#1#2#3#4#5',
    ]) {
      expect(assessPassword(password).problems, password).toContain('BLOCKLISTED');
    }
  });

  it('does not refuse a strong passphrase because one of its words is on the list', () => {
    expect(assessPassword('maintenance window purple giraffe 湯呑み')).toMatchObject({ acceptable: true, problems: [] });
  });

  it('is written lower-case and NFKC, as the comparison expects', () => {
    for (const word of PASSWORD_BLOCKLIST) expect(word).toBe(word.normalize('NFKC').toLowerCase());
  });
});

describe('personal information', () => {
  it('[14-6] refuses a strong password containing the employee ID as PERSONAL_INFO', () => {
    const password = 'Xk9#204871mQ2!vL';
    expect(assessPassword(password)).toMatchObject({ acceptable: true });
    const withProfile = assessPassword(password, engineer);
    expect(withProfile).toMatchObject({ acceptable: false, problems: ['PERSONAL_INFO'] });
    expect(withProfile.score).toBeGreaterThanOrEqual(3);
  });

  it('refuses a strong password containing the surname, in any case or width', () => {
    for (const password of ['Xk9#yamadamQ2!vL9z', 'Xk9#YAMADAmQ2!vL9z', 'Xk9#ＹａｍａｄａmQ2!']) {
      expect(assessPassword(password, engineer).problems, password).toEqual(['PERSONAL_INFO']);
    }
    expect(assessPassword('Xk9#yamadamQ2!', { name: 'Ｙａｍａｄａ' }).problems).toEqual(['PERSONAL_INFO']);
  });

  it('refuses a two-kanji surname, the usual length of one', () => {
    expect(assessPassword('Xk9#山田mQ2!vL9z', { name: '山田 太郎' }).problems).toEqual(['PERSONAL_INFO']);
  });

  it('refuses the company name but not its legal form, nor Latin name parts under 3 letters', () => {
    expect(assessPassword('Xk9#acmemQ2!vL', engineer).problems).toEqual(['PERSONAL_INFO']);
    expect(assessPassword('princeXk9#mQ2!vL', engineer)).toMatchObject({ acceptable: true });
    const tohto = { company: '東都メディカル株式会社' };
    expect(assessPassword('Xk9#東都メディカルmQ2!', tohto).problems).toEqual(['PERSONAL_INFO']);
    expect(assessPassword('Xk9#株式会社mQ2!vL', tohto)).toMatchObject({ acceptable: true });
    expect(assessPassword('Xk9#limQ2!vL9z', { name: 'Li Na' })).toMatchObject({ acceptable: true });
  });

  it('looks at the whole password, beyond what zxcvbn scores', () => {
    const password = `Xk9#mQ2!vL9zR7&pW3^d`.slice(0, ANALYSED_CODE_POINTS) + '204871';
    expect(assessPassword(password, engineer).problems).toEqual(['PERSONAL_INFO']);
  });
});

describe('zxcvbn', () => {
  it('refuses aaaaaaaaaaaa and qwertyuiopas as too weak, with the reason as a key', () => {
    expect(assessPassword('aaaaaaaaaaaa')).toMatchObject({ acceptable: false, problems: ['TOO_WEAK'], score: 0, warning: 'simpleRepeat' });
    const keyboard = assessPassword('qwertyuiopas');
    expect(keyboard.acceptable).toBe(false);
    expect(keyboard.problems).toContain('TOO_WEAK');
    expect(keyboard.suggestions).toContain('anotherWord');
  });

  it('accepts a long random passphrase with a score of 3 or more', () => {
    const passphrase = assessPassword('correct horse battery staple 湯呑み');
    expect(passphrase).toMatchObject({ acceptable: true, problems: [] });
    expect(passphrase.score).toBeGreaterThanOrEqual(3);
  });

  it('scores common Japanese words (あなた, わたし in romaji) lower than a random passphrase and than the same letters shuffled', () => {
    const japanese = assessPassword('anatawatashi');
    expect(japanese.score).toBeLessThan(assessPassword('correct horse battery staple 湯呑み').score);
    expect(japanese.score).toBeLessThan(assessPassword('tanawaiatash').score);
    expect(japanese.problems).toEqual(['TOO_WEAK']);
  });

  it('scores a password that repeats itself by what it repeats, however long', () => {
    expect(assessPassword('correcthorse'.repeat(3)).problems).toEqual(['TOO_WEAK']);
    expect(assessPassword('ab'.repeat(512)).problems).toEqual(['TOO_WEAK']);
  });

  it('scores only the first code points: a guessable start is refused even if strong characters follow', () => {
    expect(assessPassword(`${'a'.repeat(ANALYSED_CODE_POINTS)}Xk9#mQ2!vL9zR7&pW3^d`).problems).toEqual(['TOO_WEAK']);
  });
});

describe('feedback keys', () => {
  it('are zxcvbn-ts’s own keys, less pwned (which needs the network)', () => {
    const withoutPwned = (keys: string[]) => keys.filter((key) => key !== 'pwned').sort();
    expect([...PASSWORD_WARNING_KEYS].sort()).toEqual(withoutPwned(Object.keys(zxcvbnEnglish.warnings)));
    expect([...PASSWORD_SUGGESTION_KEYS].sort()).toEqual(withoutPwned(Object.keys(zxcvbnEnglish.suggestions)));
    expect([...PASSWORD_FEEDBACK_KEYS].sort()).toEqual([...new Set([...PASSWORD_WARNING_KEYS, ...PASSWORD_SUGGESTION_KEYS])].sort());
  });

  it('come back as keys, never as English text', () => {
    const weak = [
      'aaaaaaaaaaaa',
      'qwertyuiopas',
      'P@ssw0rd2026!',
      'abcdefghijkl',
      '19871231aaaa',
      'Yamada204871',
      'drowssap1234',
      'zxcvbnmasdfg',
      '',
    ];
    for (const password of weak) {
      const { warning, suggestions } = assessPassword(password, engineer);
      if (warning !== null) expect(PASSWORD_WARNING_KEYS, password).toContain(warning);
      for (const suggestion of suggestions) expect(PASSWORD_SUGGESTION_KEYS, password).toContain(suggestion);
    }
  });
});
