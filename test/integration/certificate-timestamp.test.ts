/**
 * Trusted time for signed certificates (RFC 3161, RFC 5816; ETSI EN 319 142-1 B-T and
 * document time-stamps), against a real time-stamp authority — `openssl ts -reply` behind
 * HTTP — and checked by tools FieldGuard has no part in: `openssl ts -verify` for tokens and
 * poppler's `pdfsig` for the PDF. A timestamp may only ever be appended: the engineer's signed
 * bytes stay an exact prefix, and anything appended that is not a document timestamp is
 * refused, however it is dressed up.
 */
import { execFileSync } from 'node:child_process';
import { createHash, createPrivateKey, randomBytes, X509Certificate } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PDFArray, PDFContext, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRef, PDFString, StandardFonts, type PDFPage } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDocumentTimestamp, readAppendedRevisions, type AppendedRevisions } from '../../electron/core/certificates/document-timestamp';
import { addSignaturePlaceholder, signPdf } from '../../electron/core/certificates/pdf-signature';
import { requestTimestamp } from '../../electron/core/certificates/timestamp-request';
import { checkTimestampToken } from '../../electron/core/certificates/timestamp-token';
import { opensslVerifyToken, startTimestampAuthority, type TimestampAuthority } from '../support/tsa-responder';

let dir: string;
let tsa: TimestampAuthority;
let ecTsa: TimestampAuthority;
let rejecting: TimestampAuthority;
let garbage: TimestampAuthority;
let hanging: TimestampAuthority;
let signer: { certificateDer: Buffer; privateKeyDer: Buffer; chainDer: Buffer[] };

const sha256 = (data: Uint8Array): Buffer => createHash('sha256').update(data).digest();
const DATA = Buffer.from('データ消去証明書 E-20417-ER-2026-000001', 'utf8');

async function authority(name: string, options: Parameters<typeof startTimestampAuthority>[1] = {}): Promise<TimestampAuthority> {
  const home = path.join(dir, name);
  mkdirSync(home);
  return startTimestampAuthority(home, options);
}

function derOfPem(pem: string): Buffer {
  return Buffer.from(new X509Certificate(pem).raw);
}

/** An engineer's RSA-3072 key and self-signed certificate, made with openssl. */
function makeSigner(): { certificateDer: Buffer; privateKeyDer: Buffer; chainDer: Buffer[] } {
  const key = path.join(dir, 'engineer.key');
  const cert = path.join(dir, 'engineer.pem');
  execFileSync('openssl', [
    'req',
    '-x509',
    '-newkey',
    'rsa:3072',
    '-nodes',
    '-keyout',
    key,
    '-out',
    cert,
    '-days',
    '30',
    '-subj',
    '/O=東都メディカル株式会社/CN=山田 太郎',
    '-utf8',
  ]);
  return {
    certificateDer: derOfPem(readFileSync(cert, 'utf8')),
    privateKeyDer: createPrivateKey(readFileSync(key, 'utf8')).export({ type: 'pkcs8', format: 'der' }),
    chainDer: [],
  };
}

/** A one-page PDF signed by the engineer as FieldGuard signs certificates; `useObjectStreams` picks the cross-reference form. */
async function signedPdf(useObjectStreams: boolean): Promise<Buffer> {
  const pdf = await PDFDocument.create({ updateMetadata: false });
  const page = pdf.addPage();
  page.drawText('Data Erasure Certificate E-20417-ER-2026-000001', {
    x: 50,
    y: 780,
    size: 14,
    font: await pdf.embedFont(StandardFonts.Helvetica),
  });
  pdf.setTitle('Data Erasure Certificate');
  addSignaturePlaceholder(pdf, page, {
    reason: 'FieldGuard: Data Erasure Certificate',
    name: '山田 太郎',
    location: '国立みなと医療センター',
    signingTime: new Date(),
  });
  return signPdf(Buffer.from(await pdf.save({ useObjectStreams })), signer);
}

function pdfsig(pdf: Buffer): string[] {
  const file = path.join(dir, `${randomBytes(4).toString('hex')}.pdf`);
  writeFileSync(file, pdf);
  // pdfsig exits 0 even when a signature is broken, and says so on stdout: its text is what counts.
  const report = execFileSync('pdfsig', [file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  return report.split(/^Signature #\d+:$/m).slice(1);
}

const timestampFrom = (authority: TimestampAuthority) => (digest: Buffer) => requestTimestamp(authority.url, digest);

/** The last cross-reference section's offset, text and /Size. */
function lastSection(pdf: Buffer): { startxref: number; text: string; size: number } {
  const startxref = Number((/startxref\s+(\d+)\s+%%EOF\s*$/.exec(pdf.toString('latin1', pdf.length - 1024)) as RegExpExecArray)[1]);
  const text = pdf.toString('latin1', startxref, pdf.length);
  return { startxref, text, size: Number((/\/Size (\d+)/.exec(text) as RegExpExecArray)[1]) };
}

/**
 * Appends an incremental update written by hand, as pdf-lib would write its objects: the
 * objects (number → body) and a cross-reference section of the kind the file already uses,
 * continuing its trailer.
 */
function appendRevision(pdf: Buffer, objects: ReadonlyMap<number, string>): Buffer {
  const context = PDFContext.create();
  const previous = lastSection(pdf);
  const ref = (key: string): PDFRef => {
    const [n, g] = (new RegExp(`/${key} (\\d+) (\\d+) R`).exec(previous.text) as RegExpExecArray).slice(1).map(Number);
    return PDFRef.of(n as number, g);
  };
  const numbers = [...objects.keys()].sort((a, b) => a - b);
  const xrefNumber = Math.max(previous.size, ...numbers.map((n) => n + 1));
  let text = '\n';
  const offsets = new Map<number, number>();
  for (const n of numbers) {
    offsets.set(n, pdf.length + text.length);
    text += `${n} 0 obj\n${objects.get(n) as string}\nendobj\n`;
  }
  const xrefAt = pdf.length + text.length;
  const trailer = { Size: xrefNumber + 1, Prev: previous.startxref, Root: ref('Root'), Info: ref('Info') };
  if (previous.text.startsWith('xref')) {
    const rows = numbers.map((n) => `${n} 1\n${String(offsets.get(n)).padStart(10, '0')} 00000 n\r\n`).join('');
    text += `xref\n${rows}trailer\n${context.obj(trailer).toString()}\n`;
  } else {
    offsets.set(xrefNumber, xrefAt);
    const all = [...numbers, xrefNumber];
    const rows = all
      .map((n) => String.fromCharCode(1, ...Buffer.from((offsets.get(n) as number).toString(16).padStart(8, '0'), 'hex'), 0, 0))
      .join('');
    const dict = context.obj({ Type: 'XRef', ...trailer, W: [1, 4, 2], Index: all.flatMap((n) => [n, 1]), Length: rows.length });
    text += `${xrefNumber} 0 obj\n${dict.toString()}\nstream\n${rows}\nendstream\nendobj\n`;
  }
  return Buffer.concat([pdf, Buffer.from(`${text}startxref\n${xrefAt}\n%%EOF\n`, 'latin1')]);
}

/** Replaces `from` with `to` (same length, so no offset moves) in the last occurrence. */
function patchLast(pdf: Buffer, from: string, to: string): Buffer {
  expect(to.length).toBe(from.length);
  const at = pdf.lastIndexOf(from);
  expect(at).toBeGreaterThan(0);
  const patched = Buffer.from(pdf);
  patched.write(to, at, 'latin1');
  return patched;
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'fieldguard-timestamp-'));
  signer = makeSigner();
  [tsa, ecTsa, rejecting, garbage, hanging] = await Promise.all([
    authority('tsa'),
    authority('ec-tsa', { keyType: 'ec', essCertIdAlg: 'sha1' }),
    authority('rejecting', { behaviour: 'reject', keyType: 'ec' }),
    authority('garbage', { behaviour: 'garbage', keyType: 'ec' }),
    authority('hanging', { behaviour: 'hang', keyType: 'ec' }),
  ]);
});

afterAll(async () => {
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- unset when the setup failed
  await Promise.all([tsa, ecTsa, rejecting, garbage, hanging].map((authority) => authority?.close()));
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- unset when the setup failed
  signer?.privateKeyDer.fill(0);
  rmSync(dir, { recursive: true, force: true });
});

describe('a time-stamp token from a real TSA', () => {
  let token: Buffer;

  beforeAll(async () => {
    token = await requestTimestamp(tsa.url, sha256(DATA));
  });

  it('verifies with checkTimestampToken and with openssl ts -verify, and is from about now', async () => {
    const check = await checkTimestampToken(token, sha256(DATA));
    expect(check).toMatchObject({ valid: true, tsaName: 'FieldGuard Test TSA', policy: '1.3.6.1.4.1.99999.3161.1' });
    expect(check.problem).toBeUndefined();
    expect(Math.abs(Date.parse(check.genTime as string) - Date.now())).toBeLessThan(60_000);
    expect(check.serialNumber).toMatch(/^[0-9a-f]+$/);
    expect(check.tsaCertificateDer).toEqual(derOfPem(tsa.tsaCertPem));
    // The chain travels with the token, for the caller's trust decision.
    expect(check.certificatesDer).toContainEqual(derOfPem(tsa.rootPem));
    expect(opensslVerifyToken({ data: DATA, token, rootPem: tsa.rootPem, tsaCertPem: tsa.tsaCertPem })).toBe(true);
    expect(opensslVerifyToken({ digestHex: sha256(DATA).toString('hex'), token, rootPem: tsa.rootPem, tsaCertPem: tsa.tsaCertPem })).toBe(
      true,
    );
    expect(tsa.requests).toBeGreaterThanOrEqual(1);
  });

  it('verifies as well from an ECDSA TSA naming itself with ESS signing-certificate v1 (SHA-1)', async () => {
    const ecToken = await requestTimestamp(ecTsa.url, sha256(DATA));
    expect(await checkTimestampToken(ecToken, sha256(DATA))).toMatchObject({ valid: true, tsaName: 'FieldGuard Test TSA' });
    expect(opensslVerifyToken({ data: DATA, token: ecToken, rootPem: ecTsa.rootPem, tsaCertPem: ecTsa.tsaCertPem })).toBe(true);
  });

  it('is not valid for other data', async () => {
    const check = await checkTimestampToken(token, sha256(Buffer.from('other data')));
    expect(check).toEqual({ valid: false, problem: 'the token is for other data', certificatesDer: [] });
    expect(opensslVerifyToken({ data: Buffer.from('other data'), token, rootPem: tsa.rootPem, tsaCertPem: tsa.tsaCertPem })).toBe(false);
  });

  it('is not valid with any byte flipped, except inside the CA certificate it merely carries', async () => {
    const root = derOfPem(tsa.rootPem);
    const rootAt = token.indexOf(root);
    expect(rootAt).toBeGreaterThan(0);
    const validAt: number[] = [];
    for (let i = 0; i < token.length; i += 1) {
      const flipped = Buffer.from(token);
      flipped[i] = (flipped[i] as number) ^ 0xff;
      if ((await checkTimestampToken(flipped, sha256(DATA))).valid) validAt.push(i);
    }
    // The root is the caller's to check by chaining to it; everything the TSA signed or names is covered.
    expect(validAt.every((i) => i >= rootAt && i < rootAt + root.length)).toBe(true);
    // One full check per byte of the token (about 3,000): generous room for a loaded CI machine.
  }, 120_000);

  it('is not valid, and nothing throws, for random bytes, an empty buffer or a truncated token', async () => {
    const inputs: Buffer[] = [
      Buffer.alloc(0),
      Buffer.from([0x30]),
      Buffer.from([0x30, 0x84, 0xff, 0xff, 0xff, 0xff]),
      randomBytes(16 * 1024),
    ];
    for (let length = 1; length < token.length; length += 61) inputs.push(token.subarray(0, length));
    for (let i = 0; i < 50; i += 1) inputs.push(Buffer.concat([Buffer.from([0x30, 0x82, 0x3f, 0xfc]), randomBytes(16 * 1024 - 4)]));
    for (const input of inputs) {
      const check = await checkTimestampToken(input, sha256(DATA));
      expect(check.valid).toBe(false);
      expect(check.problem).toEqual(expect.any(String));
      expect(check.certificatesDer).toEqual([]);
    }
  });
});

describe('requestTimestamp returns only a granted, fresh token for its own request', () => {
  it('throws when the TSA refuses (openssl answers status rejection for an imprint algorithm it does not accept)', async () => {
    await expect(requestTimestamp(rejecting.url, sha256(DATA))).rejects.toThrow('the time-stamp authority refused the request (status 2)');
    expect(rejecting.requests).toBe(1);
  });

  it('throws when the answer is garbage', async () => {
    await expect(requestTimestamp(garbage.url, sha256(DATA))).rejects.toThrow('the time-stamp response is not DER');
  });

  it('throws when nobody answers at the address', async () => {
    await expect(requestTimestamp('http://127.0.0.1:1/tsa', sha256(DATA))).rejects.toThrow('the time-stamp authority could not be reached');
  });

  it('gives up on a TSA that never answers', async () => {
    // The TSA never answers: only the 300 ms limit can end the request with this message.
    await expect(requestTimestamp(hanging.url, sha256(DATA), { timeoutMs: 300 })).rejects.toThrow(
      'the time-stamp authority did not answer in time',
    );
  });

  it('refuses URLs that are not http or https, without asking', async () => {
    const before = tsa.requests;
    await expect(requestTimestamp('file:///etc/passwd', sha256(DATA))).rejects.toThrow(
      'the time-stamp authority URL must be http or https',
    );
    await expect(requestTimestamp('ftp://127.0.0.1/tsa', sha256(DATA))).rejects.toThrow('must be http or https');
    expect(tsa.requests).toBe(before);
  });

  it('refuses a replayed answer (another request’s nonce) and an oversized one', async () => {
    let recorded: Buffer | undefined;
    const recording: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      recorded = Buffer.from(await response.arrayBuffer());
      return new Response(new Uint8Array(recorded), { status: 200 });
    };
    await requestTimestamp(tsa.url, sha256(DATA), { fetchImpl: recording });
    expect(opensslVerifyToken({ data: DATA, response: recorded, rootPem: tsa.rootPem, tsaCertPem: tsa.tsaCertPem })).toBe(true);
    const replay: typeof fetch = async () => new Response(new Uint8Array(recorded as Buffer), { status: 200 });
    await expect(requestTimestamp(tsa.url, sha256(DATA), { fetchImpl: replay })).rejects.toThrow('nonce');
    const oversized: typeof fetch = async () => new Response(new Uint8Array(2 * 1024 * 1024), { status: 200 });
    await expect(requestTimestamp(tsa.url, sha256(DATA), { fetchImpl: oversized })).rejects.toThrow('the time-stamp response is too large');
  });

  it('refuses a digest that is not SHA-256 sized', async () => {
    await expect(requestTimestamp(tsa.url, Buffer.alloc(20))).rejects.toThrow('SHA-256');
  });
});

describe.each([
  { form: 'an XRef stream (object streams)', useObjectStreams: true },
  { form: 'a cross-reference table (as renderCertificatePdf saves)', useObjectStreams: false },
])('document timestamps appended to a signed PDF whose last section is $form', ({ useObjectStreams }) => {
  let signed: Buffer;
  let once: Buffer;
  let twice: Buffer;
  let revisions: AppendedRevisions;

  beforeAll(async () => {
    signed = await signedPdf(useObjectStreams);
    once = await addDocumentTimestamp(signed, timestampFrom(tsa));
    twice = await addDocumentTimestamp(once, timestampFrom(tsa));
    revisions = await readAppendedRevisions(twice, signed.length);
  });

  it('never touches the bytes before it: the signed PDF is an exact prefix', () => {
    expect(once.subarray(0, signed.length).equals(signed)).toBe(true);
    expect(twice.subarray(0, once.length).equals(once)).toBe(true);
    expect(twice.length).toBeGreaterThan(once.length);
  });

  it('pdfsig lists three signatures: the engineer’s valid and no longer total, the last timestamp covering the whole document', () => {
    const [engineer, first, last, ...more] = pdfsig(twice);
    expect(more).toEqual([]);
    expect(engineer).toContain('Signature Field Name: FieldGuardSignature');
    expect(engineer).toContain('Signature Validation: Signature is Valid.');
    expect(engineer).toContain('Not total document signed');
    expect(first).toContain('Signature Field Name: FieldGuardTimestamp1');
    expect(first).toContain('Not total document signed');
    expect(last).toContain('Signature Field Name: FieldGuardTimestamp2');
    expect(last).toContain('Signer Certificate Common Name: FieldGuard Test TSA');
    expect(last).toContain('Total document signed');
    expect(last).not.toContain('Not total document signed');
  });

  it('readAppendedRevisions finds both timestamps, each token imprinting the SHA-256 of its signed bytes', async () => {
    expect(revisions.problem).toBeUndefined();
    expect(revisions.ok).toBe(true);
    expect(revisions.timestamps.map((t) => t.coversToEnd)).toEqual([false, true]);
    const [first, second] = revisions.timestamps;
    expect(first?.byteRange[0]).toBe(0);
    expect((first?.byteRange[2] as number) + (first?.byteRange[3] as number)).toBe(once.length);
    expect((second?.byteRange[2] as number) + (second?.byteRange[3] as number)).toBe(twice.length);
    for (const timestamp of revisions.timestamps) {
      const check = await checkTimestampToken(timestamp.token, sha256(timestamp.signedBytes));
      expect(check).toMatchObject({ valid: true, tsaName: 'FieldGuard Test TSA' });
    }
  });

  it('openssl ts -verify accepts the last timestamp over its signed bytes', () => {
    const last = revisions.timestamps[1];
    expect(opensslVerifyToken({ data: last?.signedBytes, token: last?.token, rootPem: tsa.rootPem, tsaCertPem: tsa.tsaCertPem })).toBe(
      true,
    );
  });

  it('accepts nothing appended, and whitespace after the last %%EOF', async () => {
    expect(await readAppendedRevisions(signed, signed.length)).toEqual({ ok: true, timestamps: [] });
    const padded = await readAppendedRevisions(Buffer.concat([twice, Buffer.from('\r\n  \n')]), signed.length);
    expect(padded.ok).toBe(true);
    expect(padded.timestamps.map((t) => t.coversToEnd)).toEqual([false, true]);
  });

  it('refuses a token that does not fit the reserved /Contents', async () => {
    await expect(addDocumentTimestamp(signed, timestampFrom(tsa), { contentsHexLength: 1000 })).rejects.toThrow('does not fit');
  });
});

describe('anything else appended after the engineer’s signature is refused', () => {
  let signed: Buffer;
  let stamped: Buffer;
  let document: PDFDocument;

  beforeAll(async () => {
    signed = await signedPdf(true);
    stamped = await addDocumentTimestamp(signed, timestampFrom(tsa));
    document = await PDFDocument.load(signed, { updateMetadata: false });
  });

  async function refused(pdf: Buffer): Promise<string> {
    const result = await readAppendedRevisions(pdf, signed.length);
    expect(result.ok).toBe(false);
    expect(result.timestamps).toEqual([]);
    return result.problem as string;
  }

  it('an update drawing on the page, even when a valid timestamp follows it', async () => {
    const page = document.getPages()[0] as PDFPage;
    const drawing = '0 0 1 rg 100 600 300 80 re f';
    const contentNumber = document.context.largestObjectNumber + 10;
    const contents = page.node.get(PDFName.of('Contents'));
    const changed = page.node.clone();
    changed.set(
      PDFName.of('Contents'),
      contents instanceof PDFArray ? document.context.obj([...contents.asArray(), PDFRef.of(contentNumber)]) : PDFRef.of(contentNumber),
    );
    const tampered = appendRevision(
      stamped,
      new Map([
        [contentNumber, `${document.context.obj({ Length: drawing.length }).toString()}\nstream\n${drawing}\nendstream`],
        [page.ref.objectNumber, changed.toString()],
      ]),
    );
    const restamped = await addDocumentTimestamp(tampered, timestampFrom(tsa));
    // The engineer's signature still verifies over its range: only the appended part can tell.
    const [engineer] = pdfsig(restamped);
    expect(engineer).toContain('Signature is Valid.');
    expect(await refused(restamped)).toBe('the update adds a stream');
  });

  it('garbage bytes after the last %%EOF', async () => {
    expect(await refused(Buffer.concat([stamped, randomBytes(4096)]))).toEqual(expect.any(String));
    expect(await refused(Buffer.concat([stamped, Buffer.from('\n%garbage\n')]))).toEqual(expect.any(String));
  });

  it('a revision cut short', async () => {
    expect(await refused(stamped.subarray(0, stamped.length - 20))).toEqual(expect.any(String));
  });

  it('a second signature of another type (/Type /Sig), added the way a timestamp is', async () => {
    const current = await PDFDocument.load(stamped, { updateMetadata: false });
    const page = current.getPages()[0] as PDFPage;
    const signatureNumber = lastSection(stamped).size;
    const widgetRef = PDFRef.of(signatureNumber + 1);
    const signature = current.context.obj({
      Type: 'Sig',
      Filter: 'Adobe.PPKLite',
      SubFilter: 'ETSI.CAdES.detached',
      ByteRange: [0, 0, 0, 0],
      Contents: PDFHexString.of('00'.repeat(64)),
    });
    const widget = current.context.obj({
      Type: 'Annot',
      Subtype: 'Widget',
      FT: 'Sig',
      Rect: [0, 0, 0, 0],
      F: 4,
      T: PDFString.of('Second'),
      V: PDFRef.of(signatureNumber),
      P: page.ref,
    });
    (page.node.get(PDFName.of('Annots')) as PDFArray).push(widgetRef);
    ((current.catalog.get(PDFName.of('AcroForm')) as PDFDict).get(PDFName.of('Fields')) as PDFArray).push(widgetRef);
    const catalogNumber = Number(String(current.context.trailerInfo.Root).split(' ')[0]);
    const update = new Map([
      [signatureNumber, signature.toString()],
      [widgetRef.objectNumber, widget.toString()],
      [page.ref.objectNumber, page.node.toString()],
      [catalogNumber, current.catalog.toString()],
    ]);
    expect(await refused(appendRevision(stamped, update))).toBe('the update adds something other than a document timestamp');
  });

  it('a timestamp dictionary or update not written exactly as FieldGuard writes them', async () => {
    const other = await addDocumentTimestamp(stamped, timestampFrom(tsa));
    expect(await refused(patchLast(other, '/Type /DocTimeStamp', '/Type /Sig         '))).toBe(
      'an object in the update is not written as FieldGuard writes it',
    );
    expect(await refused(patchLast(other, '/SubFilter /ETSI.RFC3161', '/SubFilter /ETSI.CAdES.d'))).toBe(
      'the timestamp signature is not laid out as FieldGuard writes it',
    );
    // A repeated key: pdf-lib keeps the last /Annots, another reader may take the first.
    expect(await refused(patchLast(other, '/Type /Page\n', '/Annots [ ]\n'))).toBe(
      'an object in the update is not written as FieldGuard writes it',
    );
  });

  it('a visible widget', async () => {
    expect(await refused(patchLast(stamped, '/Rect [ 0 0 0 0 ]', '/Rect [ 0 0 9 9 ]'))).toBe('the timestamp widget is visible');
  });

  it('an /OpenAction added to the catalog, and a changed /Info, even when timestamped', async () => {
    const catalog = document.catalog.clone();
    catalog.set(PDFName.of('OpenAction'), document.context.obj({ S: 'JavaScript', JS: PDFString.of('app.alert(1)') }));
    const withAction = appendRevision(
      stamped,
      new Map([[Number(String(document.context.trailerInfo.Root).split(' ')[0]), catalog.toString()]]),
    );
    expect(await refused(await addDocumentTimestamp(withAction, timestampFrom(tsa)))).toBe('the update changes the catalog');

    const infoNumber = Number(String(document.context.trailerInfo.Info).split(' ')[0]);
    const withInfo = appendRevision(
      stamped,
      new Map([[infoNumber, document.context.obj({ Title: PDFString.of('Forged Certificate') }).toString()]]),
    );
    expect(await refused(withInfo)).toBe(`the update changes object ${infoNumber}`);
  });

  it('more than eight timestamps', async () => {
    let pdf = signed;
    for (let i = 0; i < 9; i += 1) pdf = await addDocumentTimestamp(pdf, timestampFrom(tsa));
    expect(await refused(pdf)).toBe('too many updates after the signature');
  });

  it('64 MiB of random bytes, refused by their size before any parsing', async () => {
    const hostile = Buffer.concat([stamped, randomBytes(64 * 1024 * 1024)]);
    expect(await refused(hostile)).toBe('too much was appended after the signature');
  });

  it('random updates of up to 1 MiB, without throwing', async () => {
    for (const size of [1, 100, 10_000, 1024 * 1024]) {
      await refused(Buffer.concat([stamped, Buffer.from('\n1 0 obj\n<< /A ', 'latin1'), randomBytes(size)]));
      await refused(Buffer.concat([stamped, Buffer.from('\n', 'latin1'), Buffer.from('['.repeat(size), 'latin1')]));
    }
  });
});
