/**
 * The PDF signature's CMS is read with asn1js element by element (cms-signed-data.ts) instead
 * of pkijs's schemas, for speed (issue 20's archive sync checks every document). These tests
 * hold the reader to what pkijs gave and to the verifier's rule for hostile input: a real
 * signature verifies and yields exactly the certificates pkijs finds; every way the structure
 * can name another signer, carry content or several signers is refused with its reason; and
 * no byte changed anywhere makes it throw or verify with anything the signature covers altered.
 */
import { webcrypto } from 'node:crypto';
import * as asn1js from 'asn1js';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { signDetachedCms, verifyDetachedCms, type CmsSigner } from '../../electron/core/certificates/cms-signature';
import { pkijsWithNodeCrypto } from '../../electron/core/certificates/pkijs-engine';
import { RSA_PKCS1_SHA256, x509 } from '../../electron/core/certificates/x509';

const SIGNED = Buffer.from('%PDF-1.7 the signed ranges of a certificate, whatever they hold\n');

async function selfSigned(name: string): Promise<{ der: Buffer; privateKeyDer: Buffer }> {
  const keys = await webcrypto.subtle.generateKey(
    { ...RSA_PKCS1_SHA256, modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]) },
    true,
    ['sign', 'verify'],
  );
  const certificate = await x509.X509CertificateGenerator.createSelfSigned({
    name,
    keys,
    signingAlgorithm: RSA_PKCS1_SHA256,
    notBefore: new Date('2026-01-01T00:00:00Z'),
    notAfter: new Date('2030-01-01T00:00:00Z'),
  });
  return {
    der: Buffer.from(certificate.rawData),
    privateKeyDer: Buffer.from(await webcrypto.subtle.exportKey('pkcs8', keys.privateKey)),
  };
}

let signer: CmsSigner;
let cms: Buffer;

beforeAll(async () => {
  const leaf = await selfSigned('CN=山田 太郎, O=東都メディカル株式会社');
  const other = await selfSigned('CN=Some issuer');
  signer = { certificateDer: leaf.der, privateKeyDer: leaf.privateKeyDer, chainDer: [other.der] };
  cms = await signDetachedCms(SIGNED, signer);
});

/** The elements inside a SEQUENCE, SET or constructed tag (the array itself, to edit in place). */
function inside(element: asn1js.AsnType | undefined): asn1js.AsnType[] {
  if (!(element instanceof asn1js.Constructed)) throw new Error('not a constructed element');
  return element.valueBlock.value;
}

/** The CMS as an asn1js tree, changed by `edit` (on its SignedData's fields), and encoded again. */
function edited(edit: (signedData: asn1js.AsnType[]) => void): Buffer {
  const tree = asn1js.fromBER(cms).result;
  edit(inside(inside(inside(tree)[1])[0]));
  return Buffer.from(tree.toBER());
}

function signerInfoOf(signedData: asn1js.AsnType[]): asn1js.AsnType[] {
  return inside(inside(signedData[signedData.length - 1])[0]);
}

describe('the PDF signature read without pkijs', () => {
  it('verifies a real signature and gives exactly the certificates pkijs finds, signer first as carried', () => {
    const result = verifyDetachedCms(cms, SIGNED);
    expect(result.valid).toBe(true);
    expect(result.certificateDer?.equals(signer.certificateDer)).toBe(true);
    const pkijs = pkijsWithNodeCrypto();
    const signedData = new pkijs.SignedData({ schema: new pkijs.ContentInfo({ schema: asn1js.fromBER(cms).result }).content });
    const byPkijs = (signedData.certificates ?? []).map((c) =>
      Buffer.from((c as InstanceType<typeof pkijs.Certificate>).toSchema().toBER()),
    );
    expect(result.certificatesDer.map((d) => d.toString('hex'))).toEqual(byPkijs.map((d) => d.toString('hex')));
    // Zero padding after the DER (the rest of the PDF's /Contents) is allowed; anything else is not.
    expect(verifyDetachedCms(Buffer.concat([cms, Buffer.alloc(64)]), SIGNED).valid).toBe(true);
    expect(verifyDetachedCms(Buffer.concat([cms, Buffer.from([1])]), SIGNED)).toMatchObject({
      valid: false,
      problem: 'bytes after the signature',
    });
  });

  it('refuses other signed bytes', () => {
    expect(verifyDetachedCms(cms, Buffer.concat([SIGNED, Buffer.from(' ')]))).toMatchObject({ valid: false, problem: 'digest mismatch' });
  });

  it('refuses a second signer, an attached content, a signer named by key id and a signer whose certificate is not carried', () => {
    const twoSigners = edited((signedData) => {
      const infos = inside(signedData[signedData.length - 1]);
      infos.push(infos[0] as asn1js.AsnType);
    });
    expect(verifyDetachedCms(twoSigners, SIGNED)).toMatchObject({ valid: false, problem: 'exactly one signer is expected' });

    const attached = edited((signedData) => {
      inside(signedData[2]).push(
        new asn1js.Constructed({ idBlock: { tagClass: 3, tagNumber: 0 }, value: [new asn1js.OctetString({ valueHex: SIGNED })] }),
      );
    });
    expect(verifyDetachedCms(attached, SIGNED)).toMatchObject({ valid: false, problem: 'not detached data' });

    const byKeyId = edited((signedData) => {
      signerInfoOf(signedData)[1] = new asn1js.Primitive({ idBlock: { tagClass: 3, tagNumber: 0 }, valueHex: new Uint8Array(20) });
    });
    expect(verifyDetachedCms(byKeyId, SIGNED)).toMatchObject({ valid: false, problem: 'signer is not named by issuer and serial number' });

    const onlyTheOther = edited((signedData) => {
      inside(signedData[3]).shift();
    });
    const result = verifyDetachedCms(onlyTheOther, SIGNED);
    expect(result).toMatchObject({ valid: false, problem: 'the signer certificate is not in the signature' });
    expect(result.certificateDer).toBeUndefined();
  });

  it('never throws and never verifies with the signer, the signed attributes or the signature changed, whatever byte is altered', () => {
    const original = verifyDetachedCms(cms, SIGNED);
    fc.assert(
      fc.property(fc.nat({ max: cms.length - 1 }), fc.integer({ min: 1, max: 255 }), (at, flip) => {
        const altered = Buffer.from(cms);
        altered[at] = (altered[at] as number) ^ flip;
        const result = verifyDetachedCms(altered, SIGNED);
        if (!result.valid) return;
        // Verifying still: only bytes the signature does not cover changed (the other certificate, an algorithm's parameters).
        expect(result.certificateDer.equals(original.certificateDer as Buffer)).toBe(true);
        expect(altered.indexOf(signer.certificateDer)).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 400 },
    );
  });
});
