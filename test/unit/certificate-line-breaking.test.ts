/**
 * Line breaking in certificate PDFs: long Japanese and English values wrap inside their
 * column, following the basic Japanese rules (no line starts with closing punctuation or a
 * small kana, none ends with an opening bracket), and a hash or path too long for a line is
 * cut rather than overflowing.
 */
import { describe, expect, it } from 'vitest';
import { wrapText } from '../../electron/core/certificates/line-breaking';

/** Every character one unit wide: widths are character counts. */
const measure = (text: string): number => [...text].length;

describe('wrapping certificate text', () => {
  it('keeps short text on one line and explicit newlines as breaks', () => {
    expect(wrapText('データ消去', 10, measure)).toEqual(['データ消去']);
    expect(wrapText('一行目\n二行目', 10, measure)).toEqual(['一行目', '二行目']);
    expect(wrapText('', 10, measure)).toEqual(['']);
  });

  it('breaks Japanese between any two characters, within the width', () => {
    const lines = wrapText('定期点検に伴うログと画像データの持ち出し', 6, measure);
    expect(lines.join('')).toBe('定期点検に伴うログと画像データの持ち出し');
    for (const line of lines) expect(measure(line)).toBeLessThanOrEqual(6);
  });

  it('never starts a line with closing punctuation or a small kana, nor ends one with an opening bracket', () => {
    const text = '金庫内のデータは暗号消去した。フラッシュ媒体では「部分的なサニタイズ」にとどまる、ということ。';
    for (const width of [4, 5, 6, 7, 8, 9, 10, 11, 12, 13]) {
      const lines = wrapText(text, width, measure);
      expect(lines.join('')).toBe(text);
      for (const line of lines.slice(1)) expect(line).not.toMatch(/^[、。」ゃゅょっャュョッー]/);
      for (const line of lines) expect(line).not.toMatch(/「$/);
    }
  });

  it('breaks English at spaces and keeps words whole', () => {
    expect(wrapText('Each item was read back after erasure', 12, measure)).toEqual(['Each item', 'was read', 'back after', 'erasure']);
  });

  it('cuts a word longer than the line, such as a SHA-256 value', () => {
    const hash = 'a'.repeat(30) + 'b'.repeat(34);
    const lines = wrapText(`SHA-256: ${hash}`, 20, measure);
    expect(lines[0]).toBe('SHA-256:');
    expect(lines.slice(1).join('')).toBe(hash);
    for (const line of lines) expect(measure(line)).toBeLessThanOrEqual(20);
  });

  it('mixes Japanese and Latin words without a space between them', () => {
    const lines = wrapText('USBメモリ上のファイルはClearにとどまる', 8, measure);
    expect(lines.join('')).toBe('USBメモリ上のファイルはClearにとどまる');
    expect(lines.some((line) => line.includes('Clear'))).toBe(true);
  });
});
