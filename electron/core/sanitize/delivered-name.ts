/**
 * The name a file gets in the delivered copy (10-5), made safe for whatever the site opens it
 * with: a hospital PC's Explorer, a FAT-formatted USB stick, an NTFS share. A name that hides
 * what a file is (`invoice\u202Efdp.txt` shows as "invoicetxt.pdf"), that Windows cannot open
 * (`CON.txt`, `report.`), or that FAT/NTFS refuses (`a:b`, `a?`) is replaced here, one path
 * segment at a time; the report then maps the original name to the delivered one.
 *
 * Pure and small on purpose: every rule is checked exhaustively by property tests
 * (test/unit/sanitize-delivered-name.test.ts), and the output-path proof in
 * delivered-path.ts relies on a safe segment never being empty, "." or "..", and never holding
 * a separator.
 */

/** What replaces every refused character. */
export const REPLACEMENT = '_';

/**
 * Characters that hide or reorder what a name shows: the C0 and C1 controls and DEL, the
 * bidirectional controls (U+200E/F, U+061C, U+202A–U+202E, U+2066–U+2069), the line and
 * paragraph separators, U+FFFD (what an undecodable byte became, see decodeName) and lone
 * surrogates (no UTF-8 encoding: no file system can store them). The look-arounds keep a
 * surrogate pair whole.
 */
const INVISIBLE =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u001F\u007F-\u009F\u061C\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069\uFFFD]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** The invisible ones and what FAT and NTFS refuse in a name (`< > : " / \ | ? *`). */
const REFUSED = new RegExp(`[<>:"/\\\\|?*]|${INVISIBLE.source}`, 'g');

/** Device names Windows reserves whatever the extension (`con.txt`, `Com1.tar.gz`), including COM0/LPT0 and the superscript-digit forms (Microsoft's list). */
const WINDOWS_RESERVED = /^(?:CON|PRN|AUX|NUL|COM[0-9\u00B9\u00B2\u00B3]|LPT[0-9\u00B9\u00B2\u00B3])$/i;

export type NameChange = 'refused-character' | 'trailing-dot-or-space' | 'windows-reserved' | 'empty';

export interface SafeSegment {
  readonly name: string;
  /** Why the name was changed; empty when it is delivered as it was. */
  readonly changes: readonly NameChange[];
}

/** One path segment (a file or folder name) made safe. */
export function safeSegment(original: string): SafeSegment {
  const changes: NameChange[] = [];
  let name = original.replace(REFUSED, REPLACEMENT);
  if (name !== original) changes.push('refused-character');
  // Windows drops trailing dots and spaces when opening: "report.pdf." would open another file,
  // and ".." would name the folder above.
  const trailing = /[. ]+$/.exec(name);
  if (trailing) {
    name = name.slice(0, trailing.index) + REPLACEMENT.repeat(trailing[0].length);
    changes.push('trailing-dot-or-space');
  }
  if (name === '') {
    name = REPLACEMENT;
    changes.push('empty');
  }
  // Windows reads the part before the first dot (trailing spaces ignored) as the device name.
  const dot = name.indexOf('.');
  const stem = dot < 0 ? name : name.slice(0, dot);
  if (WINDOWS_RESERVED.test(stem.replace(/ +$/, ''))) {
    name = `${stem}${REPLACEMENT}${name.slice(stem.length)}`;
    changes.push('windows-reserved');
  }
  return { name, changes };
}

/** True when safeSegment would deliver `name` as it is. */
export function isSafeSegment(name: string): boolean {
  return safeSegment(name).changes.length === 0;
}

/**
 * A file name read from disk as bytes: its text, and whether the bytes were valid UTF-8. A
 * name that is not (written by an old Shift_JIS tool, or a damaged FAT directory) cannot be
 * named by a string path at all, so the pipeline handles that file by its bytes.
 */
export function decodeName(bytes: Buffer): { readonly text: string; readonly valid: boolean } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), valid: true };
  } catch {
    return { text: bytes.toString('utf8'), valid: false };
  }
}

/**
 * A name (or path) as a person may safely read it (report, CLI, screen): every character that
 * hides or reorders what is shown is written as `<U+202E>`, an undecodable byte as `<0xFF>`;
 * the rest, separators included, stays as it is.
 */
export function escapeName(name: string | Buffer): string {
  if (typeof name !== 'string') {
    const decoded = decodeName(name);
    if (!decoded.valid) return escapeBytes(name);
    name = decoded.text;
  }
  let out = '';
  for (const char of name)
    out += INVISIBLE.test(char) ? `<U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}>` : char;
  return out;
}

/** Valid UTF-8 sequences kept as text, each other byte as `<0xNN>`. */
function escapeBytes(bytes: Buffer): string {
  let out = '';
  let start = 0;
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const flush = (end: number) => {
    if (end > start) out += escapeName(decoder.decode(bytes.subarray(start, end)));
  };
  for (let i = 0; i < bytes.length;) {
    const length = utf8SequenceLength(bytes, i);
    if (length > 0) {
      i += length;
      continue;
    }
    flush(i);
    out += `<0x${(bytes[i] ?? 0).toString(16).toUpperCase().padStart(2, '0')}>`;
    i += 1;
    start = i;
  }
  flush(bytes.length);
  return out;
}

/** The length of the valid UTF-8 sequence starting at `i`, or 0 when the byte there starts none. */
function utf8SequenceLength(bytes: Buffer, i: number): number {
  for (const length of [1, 2, 3, 4]) {
    if (i + length > bytes.length) break;
    try {
      const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(i, i + length));
      if ([...text].length === 1) return length;
    } catch {
      // not a complete sequence of this length
    }
  }
  return 0;
}
