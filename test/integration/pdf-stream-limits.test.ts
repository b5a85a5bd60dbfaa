/**
 * A hostile PDF given to the verifier (issue 17): an object stream that inflates to hundreds of
 * megabytes — once, or deflated twice to hide it — is unreadable before pdf-lib unpacks it; a PDF
 * as pdf-lib writes them (object streams, a page, an embedded file) is read as before.
 */
import { deflateSync } from 'node:zlib';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { loadPdf } from '../../electron/core/certificates/certificate-pdf-reader';
import { MAX_STREAM_BYTES, streamsWithinLimits } from '../../electron/core/certificates/pdf-stream-limits';

/** A minimal PDF whose object 1 is an object stream holding `payload`, as deflated bytes. */
function pdfWithObjectStream(deflated: Buffer): Buffer {
  const head = Buffer.from(
    `%PDF-1.7\n1 0 obj\n<< /Type /Obj#53tm /N 1 /First 4 /Filter /FlateDecode /Length ${deflated.length} >>\nstream\n`,
    'latin1',
  );
  const tail = Buffer.from('\nendstream\nendobj\ntrailer\n<< /Root 2 0 R >>\n%%EOF\n', 'latin1');
  return Buffer.concat([head, deflated, tail]);
}

const HUGE = MAX_STREAM_BYTES * 6;

describe('a decompression bomb in an object stream', () => {
  it('is refused before parsing when it inflates past the cap, its type spelled with an escape', async () => {
    const bomb = pdfWithObjectStream(deflateSync(Buffer.alloc(HUGE, 0x20)));
    expect(bomb.length).toBeLessThan(HUGE / 500);
    expect(streamsWithinLimits(bomb)).toBe(false);
    expect(await loadPdf(bomb)).toBeNull();
  });

  it('is refused when deflated twice, so the first layer looks small', () => {
    const twice = deflateSync(deflateSync(Buffer.alloc(HUGE, 0x20)));
    expect(twice.length).toBeLessThan(MAX_STREAM_BYTES / 100);
    expect(streamsWithinLimits(pdfWithObjectStream(twice))).toBe(false);
  });
});

describe('a PDF as pdf-lib writes it', () => {
  it('passes the caps and loads: object streams, a page, an embedded file', async () => {
    const doc = await PDFDocument.create();
    doc.addPage().drawText('Data erasure certificate');
    await doc.attach(Buffer.from(JSON.stringify({ files: Array.from({ length: 2000 }, (_, i) => `scan-${i}.dcm`) })), 'evidence.json', {
      mimeType: 'application/json',
    });
    const bytes = Buffer.from(await doc.save({ useObjectStreams: true }));
    expect(bytes.includes(Buffer.from('/ObjStm'))).toBe(true);
    expect(streamsWithinLimits(bytes)).toBe(true);
    expect((await loadPdf(bytes))?.getPageCount()).toBe(1);
  });
});
