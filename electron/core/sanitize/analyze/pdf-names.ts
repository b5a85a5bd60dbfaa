/**
 * PDF names that make a document act on its own (10-5): run JavaScript, act on opening or on
 * events, launch programs, carry files. Names may be written with #xx escapes
 * ("/J#61vaScript" is "/JavaScript"), so every name is decoded before it is compared.
 */
import type { FindingCode } from '../sanitize-types';

export const ACTIVE_NAMES: ReadonlyMap<string, FindingCode> = new Map<string, FindingCode>([
  ['JavaScript', 'PDF_JAVASCRIPT'],
  ['JS', 'PDF_JAVASCRIPT'],
  ['OpenAction', 'PDF_AUTO_ACTION'],
  ['AA', 'PDF_AUTO_ACTION'],
  ['Launch', 'PDF_LAUNCH'],
  ['EmbeddedFile', 'PDF_EMBEDDED_FILE'],
  ['EmbeddedFiles', 'PDF_EMBEDDED_FILE'],
  // An XFA form's scripts are XML inside its streams, not PDF names: the form itself is the finding.
  ['XFA', 'PDF_XFA'],
]);

/** Decodes #xx escapes in a name's characters (without the leading slash). */
export function decodePdfName(raw: string): string {
  return raw.includes('#') ? raw.replace(/#([0-9A-Fa-f]{2})/g, (_all, hex: string) => String.fromCharCode(parseInt(hex, 16))) : raw;
}

/** No name we look for is longer than this even with every character escaped ("EmbeddedFiles" → 39 chars). */
const MAX_INTERESTING_NAME = 64;

/**
 * Finds names in text that arrives in pieces (raw stream bytes, inflated object streams):
 * a name cut by the end of a piece is held back until the next piece ends it.
 */
export class NameScanner {
  private carry = '';

  constructor(private readonly onName: (name: string) => void) {}

  push(text: string): void {
    const data = this.carry + text;
    this.carry = '';
    const pattern = /\/([^\0\t\n\f\r /%()<>[\]{}]*)/g;
    for (let match = pattern.exec(data); match; match = pattern.exec(data)) {
      if (match.index + match[0].length === data.length) {
        // Possibly cut: wait for the byte that ends it (names longer than any we look for can be dropped).
        if (match[0].length <= MAX_INTERESTING_NAME) this.carry = match[0];
        break;
      }
      this.report(match[1] ?? '');
    }
  }

  /** The end of the text ends a pending name too (a name cannot run past the end of its stream). */
  flush(): void {
    if (this.carry) this.report(this.carry.slice(1));
    this.carry = '';
  }

  private report(raw: string): void {
    if (raw.length <= MAX_INTERESTING_NAME) this.onName(decodePdfName(raw));
  }
}
