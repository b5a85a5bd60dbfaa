/**
 * The names of delivered files (issue 15): what a site's Explorer, a FAT stick or an NTFS
 * share would refuse or show misleadingly is replaced, every other name is kept; and the
 * delivered path is proved to stay inside the output folder, unique as a case-insensitive
 * volume compares names. Properties over arbitrary strings (fast-check), plus the names from
 * the attacks that motivated them.
 */
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeName, escapeName, isSafeSegment, safeSegment } from '../../electron/core/sanitize/delivered-name';
import { DeliveredPaths, numberedName, targetInside } from '../../electron/core/sanitize/delivered-path';
import { errorCodeOf } from '../support/error-code';

/** Everything the rules refuse, written out independently of the module's own patterns. */
const BIDI = [0x061c, 0x200e, 0x200f, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069].map((c) =>
  String.fromCodePoint(c),
);
const FAT_REFUSED = ['<', '>', ':', '"', '/', '\\', '|', '?', '*'];
const CONTROLS = Array.from({ length: 0x20 }, (_, c) => String.fromCharCode(c));
const RESERVED = [
  'CON',
  'PRN',
  'AUX',
  'NUL',
  ...Array.from({ length: 9 }, (_, i) => `COM${i + 1}`),
  ...Array.from({ length: 9 }, (_, i) => `LPT${i + 1}`),
];

/** What a name must satisfy to be delivered, checked character by character. */
function assertDeliverable(name: string): void {
  expect(name.length).toBeGreaterThan(0);
  for (const char of name) {
    expect(CONTROLS.includes(char), JSON.stringify(name)).toBe(false);
    expect(BIDI.includes(char), JSON.stringify(name)).toBe(false);
    expect(FAT_REFUSED.includes(char), JSON.stringify(name)).toBe(false);
  }
  expect(name.endsWith('.') || name.endsWith(' '), JSON.stringify(name)).toBe(false);
  const stem = (name.split('.')[0] ?? '').trimEnd().toUpperCase();
  expect(RESERVED.includes(stem), JSON.stringify(name)).toBe(false);
  expect(['.', '..'].includes(name)).toBe(false);
  expect(Buffer.from(name, 'utf8').toString('utf8')).toBe(name);
}

/** Strings weighted towards the characters that matter. */
const nasty = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        ...BIDI,
        ...FAT_REFUSED,
        ...CONTROLS,
        '.',
        ' ',
        '\u{1F600}',
        '\uD800',
        '\uDC00',
        '\u0085',
        '\u2028',
        '\uFFFD',
        'é',
        '検',
      ),
      fc.constantFrom(...RESERVED, 'con', 'Com1', 'lpt9'),
      fc.string({ maxLength: 4 }),
      fc.string({ unit: 'binary', maxLength: 3 }),
    ),
    { maxLength: 8 },
  )
  .map((parts) => parts.join(''));

describe('safeSegment', () => {
  it('always gives a deliverable name, and is idempotent', () => {
    fc.assert(
      fc.property(nasty, (name) => {
        const safe = safeSegment(name);
        assertDeliverable(safe.name);
        expect(safeSegment(safe.name)).toEqual({ name: safe.name, changes: [] });
        expect(safe.changes.length === 0).toBe(safe.name === name);
      }),
      { numRuns: 3000 },
    );
  });

  it('keeps ordinary names as they are, Japanese included', () => {
    for (const name of [
      '報告書 2024.pdf',
      'IMG_0001.DCM',
      '.bashrc',
      'a..b',
      'CONSOLE.txt',
      'COM10.log',
      'nul-ish',
      'résumé.docx',
      '😀.png',
    ]) {
      expect(safeSegment(name), name).toEqual({ name, changes: [] });
      expect(isSafeSegment(name)).toBe(true);
    }
  });

  it('replaces the right-to-left override that makes "invoice\u202Efdp.txt" show as "invoicetxt.pdf"', () => {
    expect(safeSegment('invoice\u202Efdp.txt')).toEqual({ name: 'invoice_fdp.txt', changes: ['refused-character'] });
    for (const bidi of BIDI) expect(safeSegment(`a${bidi}b.txt`).name).toBe('a_b.txt');
  });

  it('replaces control characters and what FAT/NTFS refuse, one for one', () => {
    expect(safeSegment('line\nbreak\t.txt').name).toBe('line_break_.txt');
    expect(safeSegment('a<b>c:d"e/f\\g|h?i*j').name).toBe('a_b_c_d_e_f_g_h_i_j');
    expect(safeSegment('bell\u0007\u007F\u009B').name).toBe('bell___');
  });

  it('replaces trailing dots and spaces, and names that are only dots', () => {
    expect(safeSegment('report.pdf.').name).toBe('report.pdf_');
    expect(safeSegment('report.pdf . ').name).toBe('report.pdf___');
    expect(safeSegment('..').name).toBe('__');
    expect(safeSegment('.').name).toBe('_');
    expect(safeSegment('').name).toBe('_');
  });

  it('renames the device names Windows reserves, with any extension and in any case', () => {
    for (const reserved of [...RESERVED, 'COM0', 'LPT0', 'COM\u00B9']) {
      for (const name of [reserved, reserved.toLowerCase(), `${reserved}.txt`, `${reserved.toLowerCase()}.tar.gz`, `${reserved} .txt`]) {
        const safe = safeSegment(name);
        expect(safe.changes, name).toContain('windows-reserved');
        assertDeliverable(safe.name);
      }
    }
    expect(safeSegment('con.txt').name).toBe('con_.txt');
  });
});

describe('escapeName and decodeName', () => {
  it('shows what hides, keeps what is visible', () => {
    expect(escapeName('invoice\u202Efdp.txt')).toBe('invoice<U+202E>fdp.txt');
    expect(escapeName('dir/報告\n.txt')).toBe('dir/報告<U+000A>.txt');
    expect(escapeName('a:b?.txt')).toBe('a:b?.txt');
  });

  it('names an invalid UTF-8 name by its bytes, keeping the valid parts readable', () => {
    const latin1 = Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x2e, 0x74, 0x78, 0x74]); // "café.txt" in Latin-1
    expect(decodeName(latin1).valid).toBe(false);
    expect(escapeName(latin1)).toBe('caf<0xE9>.txt');
    const sjis = Buffer.concat([Buffer.from('報告', 'utf8'), Buffer.from([0x95, 0xf1]), Buffer.from('.pdf')]);
    expect(escapeName(sjis)).toBe('報告<0x95><0xF1>.pdf');
    expect(decodeName(Buffer.from('検査.dcm'))).toEqual({ text: '検査.dcm', valid: true });
  });

  it('escapes any byte string into printable text with no invisible characters', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 24 }), (bytes) => {
        const escaped = escapeName(Buffer.from(bytes));
        for (const char of escaped) expect([...CONTROLS, ...BIDI, '\uFFFD'].includes(char)).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('the delivered path', () => {
  const root = path.resolve('/tmp/out');

  it('refuses anything that could leave the output folder', async () => {
    for (const bad of [
      '../x',
      'a/../../x',
      '/etc/passwd',
      'C:/x',
      'c:x',
      'C:\\x',
      '\\\\host\\share',
      'a\\..\\..\\x',
      'a//b',
      './a',
      'a/.',
      '',
      'a\0b',
    ]) {
      expect(await errorCodeOf(async () => targetInside(root, bad)), bad).toBe('SANITIZE_OUTPUT_OUTSIDE');
    }
    expect(targetInside(root, 'to-site/a.pdf')).toBe(path.join(root, 'to-site', 'a.pdf'));
  });

  it('delivers names that only start with dots, which stay inside (found by the property below)', () => {
    for (const name of ['..CON', '...', '..a/b', 'a/..b']) expect(targetInside(root, name)).toBe(path.join(root, name));
    expect(new DeliveredPaths().assign('..CON')).toBe('..CON');
  });

  it('gives every original path a unique, safe path that stays inside, folders mapped consistently', () => {
    fc.assert(
      fc.property(fc.array(fc.array(nasty, { minLength: 1, maxLength: 3 }), { maxLength: 12 }), (originals) => {
        const paths = new DeliveredPaths();
        const delivered = originals.map((segments) => paths.assign(segments.join('/')));
        const keys = delivered.map((d) => d.normalize('NFC').toLowerCase());
        expect(new Set(keys).size).toBe(keys.length);
        for (const d of delivered) {
          expect(() => targetInside(root, d)).not.toThrow();
          for (const segment of d.split('/')) assertDeliverable(segment);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('numbers a clash instead of replacing, including names that differ only in case or in a refused character', () => {
    const paths = new DeliveredPaths();
    expect(paths.assign('site/a?.txt')).toBe('site/a_.txt');
    expect(paths.assign('site/a*.txt')).toBe('site/a_ (2).txt');
    expect(paths.assign('site/A_.TXT')).toBe('site/A_ (3).TXT');
    expect(paths.assign('site/sub/x.pdf')).toBe('site/sub/x.pdf');
    expect(paths.assign('site/sub/y.pdf')).toBe('site/sub/y.pdf');
    expect(paths.assign('site/SUB?/x.pdf')).toBe('site/SUB_/x.pdf');
    expect(paths.reassign('site/sub/x.pdf')).toBe('site/sub/x (2).pdf');
    expect(numberedName('.bashrc', 2)).toBe('.bashrc (2)');
  });
});
