/**
 * An erasure certificate as a hospital would check it years later, without FieldGuard (10-1):
 * poppler's pdfsig finds the signature valid over the whole document, the text extracts in
 * Japanese and English, the attachment extracted with pdfdetach hashes to the QR's value, the
 * evidence signature verifies with nothing but Node's crypto and an RFC 8785 library, the
 * Japanese glyphs really render, and FieldGuard's own verifier agrees.
 */
import { execFileSync } from 'node:child_process';
import { constants, createHash, verify, X509Certificate } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import canonicalize from 'canonicalize';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultCertificateFontPath } from '../../electron/core/certificates/certificate-font';
import { nextCertificateNumber } from '../../electron/core/certificates/certificate-numbering';
import { findSignatureRanges } from '../../electron/core/certificates/certificate-pdf-reader';
import { issueCertificate, type IssuedCertificate } from '../../electron/core/certificates/issue-certificate';
import { verifyCertificate } from '../../electron/core/certificates/verify-certificate';
import { createEngineer, YAMADA, type TestEngineer } from '../fixtures/certificates/engineers';
import { sampleErasureDocument, sampleErasureFacts } from '../fixtures/certificates/sample-erasure';

const OUTPUT = path.resolve('test-results/certificates');
const ISSUED_AT = new Date('2026-11-26T05:04:05.000Z');

let dir: string;
let yamada: TestEngineer;
let issued: IssuedCertificate;
let pdfFile: string;
let issueMs: number;

function run(command: string, args: string[]): string {
  return execFileSync(command, args, { encoding: 'utf8' });
}

/** A grayscale PGM from pdftoppm: its size and pixels. */
function readPgm(file: string): { width: number; height: number; pixels: Buffer } {
  const data = readFileSync(file);
  const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(data.subarray(0, 50).toString('latin1'));
  if (!header) throw new Error('not a binary PGM');
  return { width: Number(header[1]), height: Number(header[2]), pixels: data.subarray(header[0].length) };
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'fieldguard-certificate-'));
  mkdirSync(OUTPUT, { recursive: true });
  yamada = await createEngineer(dir, YAMADA, ISSUED_AT);
  const number = nextCertificateNumber(yamada.db, 'erasure', YAMADA.employeeId, ISSUED_AT);
  const started = performance.now();
  issued = await issueCertificate(sampleErasureDocument(number, ISSUED_AT.toISOString()), sampleErasureFacts(), yamada.credentials, {
    location: '国立みなと医療センター',
  });
  issueMs = performance.now() - started;
  pdfFile = path.join(OUTPUT, 'erasure-certificate.pdf');
  writeFileSync(pdfFile, issued.pdf);
  console.log(`issued one certificate in ${issueMs.toFixed(0)} ms (${issued.pdf.length} bytes)`);
});

afterAll(() => {
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- unset when the setup failed
  yamada?.db.close();
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- unset when the setup failed
  yamada?.credentials.privateKeyDer.fill(0);
  rmSync(dir, { recursive: true, force: true });
});

describe('an erasure certificate checked with standard tools', () => {
  it('pdfsig reports the signature valid, covering the whole document, by the engineer', () => {
    const report = run('pdfsig', [pdfFile]);
    expect(report).toContain('Signature Validation: Signature is Valid.');
    expect(report).toContain('Total document signed');
    expect(report).toContain('Signer Certificate Common Name: 山田 太郎');
    expect(report).toContain('O=東都メディカル株式会社');
    expect(report).toContain('Signing Hash Algorithm: SHA-256');
  });

  it('has its text in Japanese with English captions, on more than one page', () => {
    const text = run('pdftotext', ['-layout', pdfFile, '-']);
    expect(text).toContain('データ消去証明書');
    expect(text).toContain('Data Erasure Certificate');
    expect(text).toContain('E-20417-ER-2026-000001');
    expect(text).toContain('2026/11/26 14:04:05 JST');
    expect(text).toContain('国立みなと医療センター');
    expect(text).toContain('study-7.dcm'); // the end of a path wrapped inside its column
    expect(text).toContain(issued.evidenceSha256);
    expect(text).toMatch(/Page 2 of [23]/);
    expect(run('pdfinfo', [pdfFile])).toMatch(/Title:\s+データ消去証明書 Data Erasure Certificate E-20417-ER-2026-000001/);
  });

  it('carries evidence.json, whose SHA-256 (sha256sum of the extracted file) is the one the certificate states', () => {
    const out = path.join(dir, 'detached');
    mkdirSync(out);
    expect(run('pdfdetach', ['-list', pdfFile])).toContain('evidence.json');
    run('pdfdetach', ['-saveall', '-o', out, pdfFile]);
    expect(readdirSync(out)).toEqual(['evidence.json']);
    const extracted = readFileSync(path.join(out, 'evidence.json'));
    expect(createHash('sha256').update(extracted).digest('hex')).toBe(issued.evidenceSha256);
    expect(extracted.toString('utf8')).toBe(issued.evidenceJson);
  });

  it('has evidence whose signature verifies with Node crypto and an RFC 8785 library alone', () => {
    const evidence = JSON.parse(issued.evidenceJson) as {
      format: string;
      payload: unknown;
      signature: { certificate: string; value: string };
    };
    expect(evidence.format).toBe('fieldguard-evidence/2');
    const certificate = new X509Certificate(Buffer.from(evidence.signature.certificate, 'base64'));
    const signed = Buffer.from(canonicalize(evidence.payload) as string, 'utf8');
    const ok = verify(
      'sha256',
      signed,
      { key: certificate.publicKey, padding: constants.RSA_PKCS1_PADDING },
      Buffer.from(evidence.signature.value, 'base64'),
    );
    expect(ok).toBe(true);
    expect(certificate.subject).toContain('山田 太郎');
  });

  it('renders the Japanese title as glyphs, not blanks (the @pdf-lib/fontkit subset bug)', () => {
    const prefix = path.join(OUTPUT, 'erasure-certificate-gray');
    run('pdftoppm', ['-gray', '-r', '60', '-f', '1', '-l', '1', pdfFile, prefix]);
    const pgm = readPgm(
      readdirSync(OUTPUT)
        .map((f) => path.join(OUTPUT, f))
        .find((f) => f.startsWith(prefix) && f.endsWith('.pgm')) as string,
    );
    // The title's box at 60 dpi: from the left margin, about 60–100 pt below the top edge.
    const scale = 60 / 72;
    let dark = 0;
    for (let y = Math.round(62 * scale); y < Math.round(92 * scale); y += 1) {
      for (let x = Math.round(48 * scale); x < Math.round(250 * scale); x += 1)
        if ((pgm.pixels[y * pgm.width + x] as number) < 100) dark += 1;
    }
    expect(dark).toBeGreaterThan(150);
  });

  it('renders every page as PNG for people to look at (test-results/certificates)', () => {
    run('pdftoppm', ['-png', '-r', '60', pdfFile, path.join(OUTPUT, 'erasure-certificate-page')]);
    const pages = readdirSync(OUTPUT).filter((f) => f.startsWith('erasure-certificate-page') && f.endsWith('.png'));
    expect(pages.length).toBeGreaterThanOrEqual(2);
  });

  it('has exactly one signature and nothing after it', () => {
    const ranges = findSignatureRanges(issued.pdf);
    expect(ranges).toHaveLength(1);
    const [start1, , start2, length2] = ranges[0]!.byteRange;
    expect(start1).toBe(0);
    expect(start2 + length2).toBe(issued.pdf.length);
  });

  it('embeds the font shipped in assets/fonts, which ships with its licence', () => {
    const fontPath = defaultCertificateFontPath();
    expect(fontPath).toBe(path.resolve('assets/fonts/NotoSansJP-Regular.ttf'));
    expect(readFileSync(path.join(path.dirname(fontPath), 'OFL.txt'), 'utf8')).toContain('SIL OPEN FONT LICENSE Version 1.1');
    expect(run('pdffonts', [pdfFile])).toMatch(/NotoSansJP-Regular\S*\s+CID TrueType\s+Identity-H\s+yes/);
    expect(issued.pdf.length).toBeLessThan(300_000); // a subset, not the 5.5 MB font
  });
});

describe("FieldGuard's verifier", () => {
  it('finds every check passing but the chain: a self-signed engineer is intact, issuer not confirmed, never genuine', async () => {
    const result = await verifyCertificate(issued.pdf);
    expect(result.status).toBe('issuer-unconfirmed');
    expect(result.checks.map((c) => [c.check, c.ok])).toEqual([
      ['pdf-signature', true],
      ['whole-document', true],
      ['evidence-attached', true],
      ['evidence-signature', true],
      ['evidence-hash', true],
      ['qr', true],
      ['signer-matches', true],
      ['signer-chain', false],
    ]);
    expect(result.problem).toBe('CERT_NOT_COMPANY_CERTIFIED');
    expect(result.companyCertified).toBe(false);
    expect(result.signer).toMatchObject({ ...YAMADA, fingerprint: yamada.credentials.fingerprint });
    expect(result.signingTime).toEqual({ source: 'laptop-clock', at: ISSUED_AT.toISOString() });
    expect(result).toMatchObject({ kind: 'erasure', issuedAt: ISSUED_AT.toISOString(), evidenceSha256: issued.evidenceSha256 });
    expect(result.number).toMatch(/^E-20417-ER-2026-000001-[0-9A-HJKMNP-TV-Z]{6}$/);
  });

  it('does not become genuine when the engineer’s own certificate is "trusted": trust goes to company roots only', async () => {
    const own = {
      fingerprints: new Set([yamada.credentials.fingerprint]),
      certificates: [yamada.credentials.certificateDer],
      revocationLists: [],
    };
    const result = await verifyCertificate(issued.pdf, own);
    expect(result.status).toBe('issuer-unconfirmed');
    expect(result.problem).toBe('CERT_NOT_COMPANY_CERTIFIED');
  });

  it('verifies the bare evidence JSON on its own, with the same answer', async () => {
    const result = await verifyCertificate(Buffer.from(issued.evidenceJson));
    expect(result.status).toBe('issuer-unconfirmed');
    expect(result.checks).toEqual([
      { check: 'evidence-signature', ok: true },
      { check: 'signer-chain', ok: false, reason: 'CERT_NOT_COMPANY_CERTIFIED' },
    ]);
    expect(result.signer?.fingerprint).toBe(yamada.credentials.fingerprint);
    expect(result.evidenceSha256).toBe(issued.evidenceSha256);
  });
});
