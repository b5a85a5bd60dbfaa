/**
 * Line breaking for the certificate PDFs, so that long Japanese values (site names, file
 * paths, notes) and English captions wrap inside their column instead of running over it.
 * A simplified JIS X 4051: a line may break between any two Japanese characters and at
 * spaces between words, never before closing punctuation or small kana (、。」ゃ…) and never
 * after an opening bracket; a word wider than the line (a hash, a path) is cut where needed.
 */

export interface TextMeasure {
  /** Width of `text` in points at the size being laid out. */
  (text: string): number;
}

const NO_LINE_START = new Set([
  ...Array.from('、。，．,.：:；;？?！!）)」』】〕〉》］]｝}”’ー～ゝゞヽヾ々・…‥％%'),
  ...Array.from('ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ'),
]);
const NO_LINE_END = new Set(Array.from('（(「『【〔〈《［[｛{“‘'));

/** Kana, CJK ideographs and full-width forms: a break is allowed on either side. */
function isBreakableEverywhere(char: string): boolean {
  const code = char.codePointAt(0) ?? 0;
  return (
    (code >= 0x3000 && code <= 0x30ff) || // CJK punctuation, hiragana, katakana
    (code >= 0x3400 && code <= 0x9fff) || // CJK ideographs (+ extension A)
    (code >= 0xf900 && code <= 0xfaff) || // compatibility ideographs
    (code >= 0xff00 && code <= 0xffef) || // full- and half-width forms
    (code >= 0x20000 && code <= 0x3ffff) // supplementary ideographs
  );
}

/** Units a line may not be broken inside: words, single Japanese characters with the punctuation bound to them, spaces. */
function segments(text: string): string[] {
  const units: string[] = [];
  let word = '';
  const flush = () => {
    if (word) units.push(word);
    word = '';
  };
  for (const char of text) {
    if (/\s/.test(char)) {
      flush();
      units.push(' ');
    } else if (isBreakableEverywhere(char) || NO_LINE_START.has(char) || NO_LINE_END.has(char)) {
      flush();
      units.push(char);
    } else {
      word += char;
    }
  }
  flush();
  // Bind closing punctuation to what precedes it and opening brackets to what follows.
  const bound: string[] = [];
  for (const unit of units) {
    const previous = bound[bound.length - 1];
    if (
      previous !== undefined &&
      previous !== ' ' &&
      (NO_LINE_START.has([...unit][0] ?? '') || NO_LINE_END.has([...previous].at(-1) ?? ''))
    ) {
      bound[bound.length - 1] = previous + unit;
    } else {
      bound.push(unit);
    }
  }
  return bound;
}

/** Cuts a unit wider than the line into pieces that fit (at least one character each). */
function cut(unit: string, maxWidth: number, measure: TextMeasure): string[] {
  const pieces: string[] = [];
  let piece = '';
  for (const char of unit) {
    if (piece && measure(piece + char) > maxWidth) {
      pieces.push(piece);
      piece = '';
    }
    piece += char;
  }
  if (piece) pieces.push(piece);
  return pieces;
}

/** The lines of `text` at most `maxWidth` wide; explicit newlines are kept. An empty text is one empty line. */
export function wrapText(text: string, maxWidth: number, measure: TextMeasure): string[] {
  const lines: string[] = [];
  for (const paragraph of text.replace(/\r\n?/g, '\n').split('\n')) {
    let line = '';
    const push = () => {
      lines.push(line.trimEnd());
      line = '';
    };
    for (const unit of segments(paragraph.replace(/\t/g, ' '))) {
      if (unit === ' ' && line === '') continue;
      if (measure(line + unit) <= maxWidth) {
        line += unit;
      } else if (unit === ' ') {
        push();
      } else {
        if (line.trim() !== '') push();
        const pieces = measure(unit) <= maxWidth ? [unit] : cut(unit, maxWidth, measure);
        for (const piece of pieces.slice(0, -1)) lines.push(piece);
        line = pieces.at(-1) ?? '';
      }
    }
    push();
  }
  return lines;
}
