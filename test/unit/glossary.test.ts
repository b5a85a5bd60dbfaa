/**
 * One word per concept (docs/glossary.md): every Japanese and English resource file — the
 * screens' texts and the texts the CLI and the signed PDFs share — uses the preferred terms,
 * full-width punctuation inside Japanese sentences, and no English word left in a Japanese text.
 * It reads the resource files, not the components, so a text is checked wherever it is shown.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkText, loadGlossary, parseGlossary, textsOf, type Finding, type Language } from '../support/glossary-check';

const root = path.resolve(__dirname, '../..');
const glossary = loadGlossary(root);

/** Each resource file and the key its texts sit under in the app (renderer/src/i18n/index.ts). */
const resources: readonly { file: string; prefix: string }[] = [
  { file: 'renderer/src/i18n/{lang}.json', prefix: '' },
  { file: 'renderer/src/i18n/ledger.{lang}.json', prefix: 'ledger' },
  { file: 'renderer/src/i18n/visits.{lang}.json', prefix: 'visits' },
  { file: 'renderer/src/i18n/whole-medium.{lang}.json', prefix: 'wholeMedium' },
  { file: 'renderer/src/i18n/archive.{lang}.json', prefix: 'archive' },
  { file: 'electron/shared/i18n/errors.{lang}.json', prefix: 'errors' },
  { file: 'electron/shared/i18n/password.{lang}.json', prefix: 'password' },
  { file: 'electron/shared/i18n/visit-texts.{lang}.json', prefix: 'visitTexts' },
  { file: 'electron/shared/i18n/sanitize.{lang}.json', prefix: 'sanitizeTexts' },
  { file: 'electron/shared/i18n/self-check.{lang}.json', prefix: 'selfCheckTexts' },
];

function findingsIn(language: Language): Finding[] {
  return resources.flatMap(({ file, prefix }) => {
    const resource: unknown = JSON.parse(readFileSync(path.join(root, file.replace('{lang}', language)), 'utf8'));
    return textsOf(resource, prefix).flatMap(([key, text]) => checkText(key, text, language, glossary));
  });
}

const shown = (findings: Finding[]) => findings.map((f) => `${f.key} [${f.kind}] ${f.detail}`);

describe('glossary', () => {
  it('is read from docs/glossary.md with the issue’s terms and a Latin-letter allow-list', () => {
    const avoided = glossary.rules.map((rule) => rule.term);
    expect(avoided).toEqual(expect.arrayContaining(['案件', '端末', 'パソコン', '合格', '遮断', '移行', 'visit or case', 'blocked']));
    expect(glossary.rules.find((rule) => rule.term === '合格')?.scope).toContain('sanitizeTexts.verdict');
    expect([...glossary.latinWords]).toEqual(expect.arrayContaining(['ClamAV', 'BitLocker', 'FieldGuard']));
    expect(glossary.latinWords.has('Default')).toBe(false);
  });

  it('finds no term to avoid, ASCII punctuation or stray English in the Japanese texts', () => {
    expect(shown(findingsIn('ja'))).toEqual([]);
  });

  it('finds no term to avoid in the English texts', () => {
    expect(shown(findingsIn('en'))).toEqual([]);
  });

  it('fails on a bad sample: each kind of mistake is found, and the right text passes', () => {
    const bad = (key: string, text: string) => shown(checkText(key, text, 'ja', glossary));
    expect(bad('vaultFiles.filter.label', '訪問・案件で絞り込む')).toEqual(
      expect.arrayContaining([expect.stringContaining('“案件” → 訪問作業')]),
    );
    expect(bad('dashboard.device.title', 'この端末')).toEqual([expect.stringContaining('“端末” → ノートPC')]);
    expect(bad('x', '保管庫のフォルダ')).toEqual([expect.stringContaining('フォルダー')]);
    expect(bad('x', '{{count}} 個のファイル')).toEqual([expect.stringContaining('→ 件')]);
    expect(bad('sanitizeTexts.verdict.passed', '合格')).toEqual([expect.stringContaining('→ 問題なし')]);
    expect(bad('dashboard.media.summary', 'ボリューム: {{count}} 件(うち {{n}} 件)')).toHaveLength(3);
    expect(bad('x', '署名: Default')).toEqual([expect.stringContaining('[punctuation]'), 'x [latin] Default']);
    expect(bad('x', 'ClamAV の定義 custom (1 signatures)')).toEqual(['x [latin] custom', 'x [latin] signatures']);
    // Kept on one line by a word joiner, still the word of the list.
    expect(bad('x', 'Wi-\u2060Fi の設定')).toEqual([]);
    expect(shown(checkText('x', 'Show visit or case.', 'en', glossary))).toEqual(['x [avoid] “visit or case” → 訪問作業']);

    // 合格 is right for a self-check, a drive letter and a command line stay as typed.
    expect(bad('selfCheckTexts.status.pass', '合格')).toEqual([]);
    expect(bad('x', 'システムドライブ（C:）の BitLocker を有効にし、ターミナルで sudo ufw enable を実行します。')).toEqual([]);
    expect(bad('x', '訪問作業の保管庫フォルダー「{{collection}}」に取り込んだ 3 件のファイル：問題なし')).toEqual([]);
  });

  it('parses a term written as a regular expression and a scoped row', () => {
    const parsed = parseGlossary(
      [
        '<!-- glossary:start -->',
        '| a | b | c | d | e | f |',
        '| --- | --- | --- | --- | --- | --- |',
        '| 件 | /[0-9]個/ | item | piece | ledger | m |',
        '<!-- glossary:end -->',
        '<!-- latin:start -->',
        '- x: Foo',
        '- commands: run',
        '<!-- latin:end -->',
      ].join('\n'),
    );
    expect(parsed.rules.map((r) => [r.language, r.term, r.scope])).toEqual([
      ['ja', '/[0-9]個/', ['ledger']],
      ['en', 'piece', ['ledger']],
    ]);
    expect(parsed.rules[0]!.pattern.test('3個')).toBe(true);
    expect(parsed.commands).toEqual(['run']);
  });
});
