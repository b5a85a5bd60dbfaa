/**
 * Every key a screen names literally — `t('…')`, `i18n.t('…')`, `i18nKey="…"` — exists in the Japanese
 * texts the app loads, so a misspelt or removed key fails here instead of showing the key itself on a
 * screen. (Keys built at run time, t(`a.${b}`), are checked by the tests of the screens that build them.)
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { texts } from '../../renderer/src/i18n/texts';

const rendererSource = path.resolve(import.meta.dirname, '../../renderer/src');
const LITERAL_KEY = /(?:\bt\(\s*|\bi18nKey=\{?)(['"])([A-Za-z][\w-]*(?:\.[\w-]+)+)\1/g;

function sourceFiles(): string[] {
  return readdirSync(rendererSource, { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.tsx?$/.test(file))
    .map((file) => path.join(rendererSource, file));
}

const at = (tree: unknown, key: string): unknown =>
  key
    .split('.')
    .reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), tree);

/** The text at a dotted key, or undefined; a plural key (`_other`) counts for its base key. */
const lookup = (tree: unknown, key: string): unknown => at(tree, key) ?? at(tree, `${key}_other`);

describe('text keys', () => {
  const literalKeys = sourceFiles().flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(LITERAL_KEY)].map((match) => ({
      file: path.relative(rendererSource, file),
      key: match[2] ?? '',
    })),
  );

  it('finds the screens’ literal keys (the pattern still matches how screens call t)', () => {
    expect(literalKeys.length).toBeGreaterThan(500);
  });

  it('every literal key names a text in the Japanese files', () => {
    const missing = literalKeys.filter(({ key }) => typeof lookup(texts.ja, key) !== 'string').map(({ file, key }) => `${file}: ${key}`);
    expect(missing).toEqual([]);
  });

  it('a misspelt key is caught', () => {
    expect(typeof lookup(texts.ja, 'dashboard.intro')).toBe('string');
    expect(lookup(texts.ja, 'dashboard.intr')).toBeUndefined();
  });
});
