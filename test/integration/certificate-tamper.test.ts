/**
 * Forged and damaged certificates (10-1; threat model: "forged erasure or sanitization
 * certificates would be believed by hospitals"): each kind of tampering is caught by the
 * check that names it, with its stable reason code, and poppler agrees where it can tell.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalJson } from '../../electron/core/certificates/canonical-json';
import { signerIdentity } from '../../electron/core/certificates/certificate-identity';
import { findSignatureRanges } from '../../electron/core/certificates/certificate-pdf-reader';
import { issueCertificate, type IssuedCertificate } from '../../electron/core/certificates/issue-certificate';
import { signPdf } from '../../electron/core/certificates/pdf-signature';
import { printedFactsOf, signedQrText } from '../../electron/core/certificates/certificate-qr';
import { renderCertificatePdf } from '../../electron/core/certificates/render-certificate-pdf';
import { sha256Hex, signEvidence, type EvidenceDocument } from '../../electron/core/certificates/signed-evidence';
import {
  verifyCertificate,
  type CertificateCheck,
  type CertificateVerification,
} from '../../electron/core/certificates/verify-certificate';
import { createEngineer, SUZUKI, YAMADA, type TestEngineer } from '../fixtures/certificates/engineers';
import { sampleErasureDocument, sampleErasureFacts } from '../fixtures/certificates/sample-erasure';

const ISSUED_AT = new Date('2026-11-26T05:04:05.000Z');
const NUMBER = 'E-20417-ER-2026-000007';
const document = sampleErasureDocument(NUMBER, ISSUED_AT.toISOString(), { countersign: false });

let dir: string;
let yamada: TestEngineer;
let suzuki: TestEngineer;
let genuine: IssuedCertificate;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'fieldguard-certificate-tamper-'));
  [yamada, suzuki] = await Promise.all([createEngineer(dir, YAMADA, ISSUED_AT), createEngineer(dir, SUZUKI, ISSUED_AT)]);
  genuine = await issueCertificate(document, sampleErasureFacts(), yamada.credentials);
});

afterAll(() => {
  for (const engineer of [yamada, suzuki]) {
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- unset when the setup failed
    engineer?.db.close();
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- unset when the setup failed
    engineer?.credentials.privateKeyDer.fill(0);
  }
  rmSync(dir, { recursive: true, force: true });
});

function pdfsig(pdf: Buffer): string {
  const file = path.join(dir, `${randomBytes(4).toString('hex')}.pdf`);
  writeFileSync(file, pdf);
  // pdfsig exits 0 even for a digest mismatch: its text is what counts.
  return execFileSync('pdfsig', [file], { encoding: 'utf8' });
}

function failed(result: CertificateVerification): Array<[CertificateCheck, string | undefined]> {
  return result.checks.filter((c) => !c.ok).map((c) => [c.check, c.reason]);
}

/** A PDF rendered around `evidenceJson` (with the QR and printed hash `qrSha256`, the QR signed by `signer` unless given) and PDF-signed by `signer`. */
async function forgedPdf(evidenceJson: string, qrSha256: string, signer: TestEngineer, qrText?: string): Promise<Buffer> {
  const unsigned = await renderCertificatePdf(document, {
    evidenceJson,
    evidenceSha256: qrSha256,
    qrText: qrText ?? signedQrText(printedFactsOf(document, qrSha256, signer.credentials.fingerprint), signer.credentials.privateKeyDer),
    issuer: signerIdentity(signer.credentials.certificateDer),
    certifiedBy: null,
  });
  return signPdf(unsigned, signer.credentials);
}

function editedEvidence(): EvidenceDocument {
  const evidence = JSON.parse(genuine.evidenceJson) as EvidenceDocument;
  return { ...evidence, payload: { ...evidence.payload, facts: { ...evidence.payload.facts, site: '別の病院' } } };
}

describe('a certificate changed after signing', () => {
  it('with one byte flipped inside the signed range fails the PDF signature, and pdfsig sees a mismatch', async () => {
    const [, length1, start2] = findSignatureRanges(genuine.pdf)[0]!.byteRange;
    for (const offset of [Math.floor(length1 / 2), start2 + 200]) {
      const flipped = Buffer.from(genuine.pdf);
      flipped[offset] = (flipped[offset] as number) ^ 0x01;
      const result = await verifyCertificate(flipped);
      expect(result.status).toBe('not-genuine');
      expect(result.checks.find((c) => c.check === 'pdf-signature')).toEqual({
        check: 'pdf-signature',
        ok: false,
        reason: 'CERT_PDF_SIGNATURE_INVALID',
      });
      expect(result.problem).toBe('CERT_PDF_SIGNATURE_INVALID');
      expect(pdfsig(flipped)).toMatch(/Signature Validation: (Digest Mismatch|Signature is Invalid)/);
    }
  });

  it('with bytes appended is no longer signed as a whole', async () => {
    const appended = Buffer.concat([genuine.pdf, Buffer.from('\n% added later\n')]);
    const result = await verifyCertificate(appended);
    expect(result.status).toBe('not-genuine');
    expect(result.problem).toBe('CERT_NOT_WHOLE_DOCUMENT');
    expect(failed(result)).toEqual([
      ['whole-document', 'CERT_NOT_WHOLE_DOCUMENT'],
      ['signer-chain', 'CERT_NOT_COMPANY_CERTIFIED'],
    ]);
  });

  it('with a valid incremental update (a new title) is caught, though pdfsig still calls the signature valid', async () => {
    const text = genuine.pdf.toString('latin1');
    const size = Number(/\/Size (\d+)/.exec(text.slice(text.lastIndexOf('trailer')))![1]);
    const root = /\/Root (\d+ \d+ R)/.exec(text.slice(text.lastIndexOf('trailer')))![1];
    const previousXref = Number(/startxref\s+(\d+)/.exec(text.slice(text.lastIndexOf('startxref')))![1]);
    const object = `\n${size} 0 obj\n<< /Title (Forged certificate) /Producer (editor) >>\nendobj\n`;
    const objectOffset = genuine.pdf.length + 1;
    const xrefOffset = genuine.pdf.length + object.length;
    const update =
      object +
      `xref\n0 1\n0000000000 65535 f \n${size} 1\n${String(objectOffset).padStart(10, '0')} 00000 n \n` +
      `trailer\n<< /Size ${size + 1} /Root ${root} /Info ${size} 0 R /Prev ${previousXref} >>\nstartxref\n${xrefOffset}\n%%EOF\n`;
    const updated = Buffer.concat([genuine.pdf, Buffer.from(update, 'latin1')]);

    expect(execFileSync('pdfinfo', ['-'], { input: updated, encoding: 'utf8' })).toContain('Forged certificate');
    const report = pdfsig(updated);
    expect(report).toContain('Signature is Valid');
    expect(report).toContain('Not total document signed');

    const result = await verifyCertificate(updated);
    expect(result.status).toBe('not-genuine');
    expect(result.problem).toBe('CERT_NOT_WHOLE_DOCUMENT');
  });
});

describe('a certificate forged by another engineer', () => {
  it('with the evidence edited and the PDF re-signed by them: the evidence signature and the signer fail', async () => {
    const json = canonicalJson(editedEvidence());
    const forged = await forgedPdf(json, sha256Hex(json), suzuki);
    expect(pdfsig(forged)).toContain('Signature is Valid'); // the PDF itself is honestly signed — by the wrong person

    const result = await verifyCertificate(forged);
    expect(result.status).toBe('not-genuine');
    expect(failed(result)).toEqual([
      ['evidence-signature', 'CERT_EVIDENCE_SIGNATURE_INVALID'],
      ['signer-matches', 'CERT_SIGNER_MISMATCH'],
      ['signer-chain', 'CERT_NOT_COMPANY_CERTIFIED'],
    ]);
    expect(result.signer?.name).toBe(SUZUKI.name);
  });

  it('with everything re-signed by them is consistent, but names them and is not trusted as the genuine engineer', async () => {
    const evidence = signEvidence({ ...editedEvidence().payload, issuer: { ...SUZUKI } }, suzuki.credentials);
    const forged = await forgedPdf(evidence.json, evidence.sha256, suzuki);
    const result = await verifyCertificate(forged);
    expect(result.status).toBe('issuer-unconfirmed');
    expect(result.problem).toBe('CERT_NOT_COMPANY_CERTIFIED');
    expect(result.signer).toMatchObject({ ...SUZUKI, fingerprint: suzuki.credentials.fingerprint });
  });

  it('with evidence signed by one engineer inside a PDF signed by another: the signers do not match', async () => {
    const evidence = signEvidence(editedEvidence().payload, suzuki.credentials);
    const mixed = await forgedPdf(evidence.json, evidence.sha256, yamada);
    const result = await verifyCertificate(mixed);
    expect(result.status).toBe('not-genuine');
    expect(failed(result)).toEqual([
      ['signer-matches', 'CERT_SIGNER_MISMATCH'],
      ['signer-chain', 'CERT_NOT_COMPANY_CERTIFIED'],
    ]);
  });
});

describe('the QR code and the evidence', () => {
  it('a QR code for another hash, even in a properly signed PDF, does not match', async () => {
    const other = sha256Hex('some other evidence');
    const pdf = await forgedPdf(genuine.evidenceJson, other, yamada);
    expect(pdfsig(pdf)).toContain('Signature is Valid');
    const result = await verifyCertificate(pdf);
    expect(result.status).toBe('not-genuine');
    expect(failed(result)).toEqual([
      ['qr', 'CERT_QR_MISMATCH'],
      ['signer-chain', 'CERT_NOT_COMPANY_CERTIFIED'],
    ]);
  });

  it('a QR whose facts are signed by another key, or an unsigned QR of the old form, does not match a new document', async () => {
    const byOther = signedQrText(
      printedFactsOf(document, genuine.evidenceSha256, yamada.credentials.fingerprint),
      suzuki.credentials.privateKeyDer,
    );
    const legacyForm = `FGCERT:${NUMBER}:${genuine.evidenceSha256.toUpperCase()}`;
    for (const qrText of [byOther, legacyForm]) {
      const result = await verifyCertificate(await forgedPdf(genuine.evidenceJson, genuine.evidenceSha256, yamada, qrText));
      expect(result.status).toBe('not-genuine');
      expect(result.problem).toBe('CERT_QR_MISMATCH');
    }
  });

  it('evidence attached in another form than the signed canonical bytes is reported', async () => {
    const pretty = JSON.stringify(JSON.parse(genuine.evidenceJson), null, 2);
    const pdf = await forgedPdf(pretty, genuine.evidenceSha256, yamada);
    const result = await verifyCertificate(pdf);
    expect(result.status).toBe('not-genuine');
    expect(failed(result)).toEqual([
      ['evidence-hash', 'CERT_EVIDENCE_HASH_MISMATCH'],
      ['signer-chain', 'CERT_NOT_COMPANY_CERTIFIED'],
    ]);
  });

  it('a signed PDF without evidence is reported as missing it', async () => {
    const pdf = await PDFDocument.create();
    pdf.addPage();
    const { addSignaturePlaceholder } = await import('../../electron/core/certificates/pdf-signature');
    addSignaturePlaceholder(pdf, pdf.getPage(0), { reason: 'test', name: 'test', location: '', signingTime: ISSUED_AT });
    const signed = await signPdf(Buffer.from(await pdf.save({ useObjectStreams: false })), yamada.credentials);
    const result = await verifyCertificate(signed);
    expect(result.status).toBe('not-genuine');
    expect(failed(result)).toEqual([['evidence-attached', 'CERT_EVIDENCE_MISSING']]);
  });

  it('an unsigned PDF is not genuine, refused at the signature check before anything else is read', async () => {
    const pdf = await PDFDocument.create();
    pdf.addPage();
    const result = await verifyCertificate(Buffer.from(await pdf.save()));
    expect(result.status).toBe('not-genuine');
    expect(failed(result)).toEqual([['pdf-signature', 'CERT_PDF_SIGNATURE_INVALID']]);
  });
});

describe('bare evidence JSON', () => {
  it('verifies when only its formatting changed (the signature is over the canonical form)', async () => {
    const pretty = JSON.stringify(JSON.parse(genuine.evidenceJson), null, 2);
    const result = await verifyCertificate(Buffer.from(pretty));
    expect(result.status).toBe('issuer-unconfirmed');
    expect(result.evidenceSha256).toBe(genuine.evidenceSha256);
  });

  it('fails its signature when a fact is edited', async () => {
    const result = await verifyCertificate(Buffer.from(canonicalJson(editedEvidence())));
    expect(result.status).toBe('not-genuine');
    expect(failed(result)).toEqual([
      ['evidence-signature', 'CERT_EVIDENCE_SIGNATURE_INVALID'],
      ['signer-chain', 'CERT_NOT_COMPANY_CERTIFIED'],
    ]);
  });

  it('fails its signature when the certificate is swapped for another engineer’s', async () => {
    const evidence = JSON.parse(genuine.evidenceJson) as EvidenceDocument;
    const swapped = {
      ...evidence,
      signature: { ...evidence.signature, certificate: suzuki.credentials.certificateDer.toString('base64') },
    };
    expect((await verifyCertificate(Buffer.from(JSON.stringify(swapped)))).problem).toBe('CERT_EVIDENCE_SIGNATURE_INVALID');
  });

  it('refuses a document with a key nobody signed for', async () => {
    const evidence = JSON.parse(genuine.evidenceJson) as EvidenceDocument;
    const extra = { ...evidence, payload: { ...evidence.payload, approvedBy: 'someone' } };
    const result = await verifyCertificate(Buffer.from(JSON.stringify(extra)));
    expect(result.status).toBe('not-genuine');
    expect(result.problem).toBe('CERT_EVIDENCE_MISSING');
  });
});

describe('input that is not a certificate', () => {
  it.each([
    ['random bytes', randomBytes(4096)],
    ['an empty file', Buffer.alloc(0)],
  ])('is unreadable: %s', async (_name, bytes) => {
    expect(await verifyCertificate(bytes)).toEqual({
      status: 'unreadable',
      checks: [],
      problem: 'CERT_UNREADABLE',
      companyCertified: false,
    });
  });

  it.each([
    ['JSON of another kind', Buffer.from('{"hello":"world"}'), 'CERT_EVIDENCE_MISSING'],
    ['a PDF header and nothing else', Buffer.from('%PDF-1.7\n%garbage'), 'CERT_PDF_SIGNATURE_INVALID'],
  ])('is not genuine, never unreadable, when it claims to be a PDF or JSON: %s', async (_name, bytes, problem) => {
    const result = await verifyCertificate(bytes);
    expect(result.status).toBe('not-genuine');
    expect(result.problem).toBe(problem);
  });
});
