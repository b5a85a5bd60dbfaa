/**
 * The Japanese font of every certificate PDF (docs/decisions.md, "PDF and the embedded font":
 * shipped in assets/fonts with its licence, so Japanese renders the same on every machine): Noto Sans
 * JP Regular (SIL OFL 1.1, assets/fonts/OFL.txt), embedded as a subset of the glyphs used.
 *
 * pdf-lib's own `@pdf-lib/fontkit` 1.1 silently drops CJK glyphs from subsets (the text
 * extracts, but renders blank); upstream fontkit 2 subsets correctly but no longer has the
 * `encodeStream()` that pdf-lib calls, so `pdfLibFontkit` adds it.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { EventEmitter } from 'node:events';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as fontkit from 'fontkit';
import type { PDFDocument } from 'pdf-lib';

export const CERTIFICATE_FONT_FILE = 'NotoSansJP-Regular.ttf';

/**
 * assets/fonts/NotoSansJP-Regular.ttf in the nearest folder above this module that has one:
 * three levels up from the sources (tests, `npm run cli`), two from the bundles in out/. The
 * packaged app passes `<resources>/assets/fonts/…` instead (electron-builder's extraResources).
 */
export function defaultCertificateFontPath(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let depth = 0; depth < 6; depth += 1) {
    const candidate = path.join(dir, 'assets', 'fonts', CERTIFICATE_FONT_FILE);
    if (existsSync(candidate)) return candidate;
    dir = path.dirname(dir);
  }
  throw new Error(`${CERTIFICATE_FONT_FILE} not found above ${fileURLToPath(import.meta.url)}`);
}

interface Subset {
  encode(): Uint8Array;
  encodeStream?: () => EventEmitter;
}

/** Upstream fontkit with the `encodeStream()` pdf-lib expects on a subset. */
const pdfLibFontkit = {
  create(data: Uint8Array): fontkit.Font {
    const font = fontkit.create(Buffer.from(data.buffer, data.byteOffset, data.byteLength)) as fontkit.Font;
    const createSubset = font.createSubset.bind(font);
    font.createSubset = () => {
      const subset = createSubset() as unknown as Subset;
      subset.encodeStream = () => {
        const stream = new EventEmitter();
        // pdf-lib attaches its listeners after the call returns.
        setImmediate(() => {
          try {
            stream.emit('data', subset.encode());
            stream.emit('end');
          } catch (error) {
            stream.emit('error', error);
          }
        });
        return stream;
      };
      return subset as unknown as ReturnType<fontkit.Font['createSubset']>;
    };
    return font;
  },
};

export async function embedCertificateFont(pdf: PDFDocument, fontPath: string = defaultCertificateFontPath()) {
  // pdf-lib declares its own copy of fontkit's types; the adapter matches what it calls.
  pdf.registerFontkit(pdfLibFontkit as unknown as Parameters<PDFDocument['registerFontkit']>[0]);
  return pdf.embedFont(await readFile(fontPath), { subset: true });
}
