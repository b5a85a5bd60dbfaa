/**
 * The CMS SignedData (RFC 5652) inside every FieldGuard PDF signature, made with pkijs and
 * read with asn1js (cms-signed-data.ts: lighter than pkijs's schemas): a PAdES baseline signature (ETSI EN 319 142-1, SubFilter ETSI.CAdES.detached) —
 * SHA-256, the signed attributes content-type, message-digest and signing-certificate-v2
 * (which binds the signer's certificate, so a second certificate for the same key cannot be
 * swapped in), no signing-time attribute (PAdES keeps the claimed time in the signature
 * dictionary's /M), the whole chain in `certificates`, and, when a timestamp authority
 * answered, a signature-timestamp token over the signature value (PAdES B-T).
 *
 * Reading is for hostile input: anything malformed is "not valid" with a short reason,
 * never an exception. The signature is checked with Node's crypto over the signed
 * attributes exactly as they were encoded in the file.
 */
import { createHash, timingSafeEqual, verify, X509Certificate, webcrypto } from 'node:crypto';
import * as asn1js from 'asn1js';
import {
  OID_CONTENT_TYPE,
  OID_DATA,
  OID_MESSAGE_DIGEST,
  OID_SHA256,
  OID_SIGNATURE_TIMESTAMP,
  OID_SIGNED_DATA,
  OID_SIGNING_CERTIFICATE_V2,
  OID_SIGNING_TIME,
} from './cms-oids';
import { CmsShapeError, readContentInfo, readSignedData, type CmsAttribute, type SignerInfoFields } from './cms-signed-data';
import { pkijsWithNodeCrypto } from './pkijs-engine';

const SIGNATURE_ALGORITHMS = new Set([
  '1.2.840.113549.1.1.1', // rsaEncryption
  '1.2.840.113549.1.1.11', // sha256WithRSAEncryption
  '1.2.840.10045.4.3.2', // ecdsa-with-SHA256
  '1.2.840.10045.2.1', // id-ecPublicKey (some signers name the key, not the scheme)
]);

export interface CmsSigner {
  readonly certificateDer: Buffer;
  /** PKCS#8 DER of an RSA key. */
  readonly privateKeyDer: Buffer;
  /** The issuers up to the root, nearest first; empty for a self-signed certificate. */
  readonly chainDer: readonly Buffer[];
}

/** Asks a timestamp authority for a token over a SHA-256 digest; returns the token's DER (a ContentInfo). */
export type TimestampSource = (digest: Buffer) => Promise<Buffer>;

function sha256(data: Uint8Array): Buffer {
  return createHash('sha256').update(data).digest();
}

function attribute(type: string, value: asn1js.AsnType): InstanceType<ReturnType<typeof pkijsWithNodeCrypto>['Attribute']> {
  const pkijs = pkijsWithNodeCrypto();
  return new pkijs.Attribute({ type, values: [value] });
}

/** ESS signing-certificate-v2 (RFC 5035) naming the certificate by its SHA-256 (the default hash, so omitted). */
function signingCertificateV2(certificateDer: Buffer): asn1js.Sequence {
  return new asn1js.Sequence({
    value: [
      new asn1js.Sequence({ value: [new asn1js.Sequence({ value: [new asn1js.OctetString({ valueHex: sha256(certificateDer) })] })] }),
    ],
  });
}

function parseDer(der: Uint8Array): asn1js.AsnType {
  const parsed = asn1js.fromBER(der);
  if (parsed.offset === -1) throw new Error('not DER');
  return parsed.result;
}

/** A detached PAdES CMS signature over `signedBytes`. */
export async function signDetachedCms(signedBytes: Buffer, signer: CmsSigner, timestamp?: TimestampSource): Promise<Buffer> {
  const pkijs = pkijsWithNodeCrypto();
  const certificates = [signer.certificateDer, ...signer.chainDer].map((der) => pkijs.Certificate.fromBER(new Uint8Array(der)));
  const leaf = certificates[0] as InstanceType<typeof pkijs.Certificate>;
  const signedData = new pkijs.SignedData({
    version: 1,
    encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: OID_DATA }),
    signerInfos: [
      new pkijs.SignerInfo({
        version: 1,
        sid: new pkijs.IssuerAndSerialNumber({ issuer: leaf.issuer, serialNumber: leaf.serialNumber }),
        signedAttrs: new pkijs.SignedAndUnsignedAttributes({
          type: 0,
          attributes: [
            attribute(OID_CONTENT_TYPE, new asn1js.ObjectIdentifier({ value: OID_DATA })),
            attribute(OID_MESSAGE_DIGEST, new asn1js.OctetString({ valueHex: sha256(signedBytes) })),
            attribute(OID_SIGNING_CERTIFICATE_V2, signingCertificateV2(signer.certificateDer)),
          ],
        }),
      }),
    ],
    certificates,
  });
  const keyBytes = new Uint8Array(signer.privateKeyDer);
  const key = await webcrypto.subtle
    .importKey('pkcs8', keyBytes, { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, false, ['sign'])
    .finally(() => keyBytes.fill(0));
  await signedData.sign(key, 0, 'SHA-256');
  const signerInfo = signedData.signerInfos[0] as InstanceType<typeof pkijs.SignerInfo>;
  if (timestamp) {
    const token = await timestamp(sha256(signerInfo.signature.valueBlock.valueHexView));
    signerInfo.unsignedAttrs = new pkijs.SignedAndUnsignedAttributes({
      type: 1,
      attributes: [attribute(OID_SIGNATURE_TIMESTAMP, parseDer(token))],
    });
  }
  const contentInfo = new pkijs.ContentInfo({ contentType: OID_SIGNED_DATA, content: signedData.toSchema(true) });
  return Buffer.from(contentInfo.toSchema().toBER());
}

export type CmsVerification =
  | {
      readonly valid: true;
      readonly certificateDer: Buffer;
      /** Every certificate the signature carries (the signer's and its chain). */
      readonly certificatesDer: readonly Buffer[];
      /** The legacy signing-time attribute of documents signed before PAdES (laptop clock). */
      readonly signingTime?: string;
      /** Whether signing-certificate-v2 binds the signer's certificate (PAdES); absent in older documents. */
      readonly bindsCertificate: boolean;
      /** The RFC 3161 token over the signature value, when one was added. */
      readonly signatureTimestamp?: { readonly token: Buffer; readonly imprint: Buffer };
    }
  | {
      readonly valid: false;
      readonly certificateDer?: Buffer;
      readonly certificatesDer: readonly Buffer[];
      readonly problem: string;
      readonly certificateMismatch?: boolean;
    };

class CmsProblem extends Error {}

function attributeValues(attributes: readonly CmsAttribute[] | undefined): Map<string, asn1js.AsnType> {
  const map = new Map<string, asn1js.AsnType>();
  for (const attr of attributes ?? []) {
    // A repeated attribute or one with several values leaves it open which one counts.
    if (map.has(attr.type) || attr.values.length !== 1) throw new CmsProblem(`attribute ${attr.type} must appear once with one value`);
    map.set(attr.type, attr.values[0] as asn1js.AsnType);
  }
  return map;
}

/** The certHash of the first ESSCertIDv2, when its hash algorithm is SHA-256 (the default). */
function essCertificateHash(value: asn1js.AsnType): Buffer {
  const certs = value instanceof asn1js.Sequence ? value.valueBlock.value[0] : undefined;
  const first = certs instanceof asn1js.Sequence ? certs.valueBlock.value[0] : undefined;
  const fields = first instanceof asn1js.Sequence ? first.valueBlock.value : [];
  const [head, second] = fields;
  let hash: asn1js.AsnType | undefined = head;
  if (head instanceof asn1js.Sequence) {
    const algorithm = head.valueBlock.value[0];
    if (!(algorithm instanceof asn1js.ObjectIdentifier) || algorithm.valueBlock.toString() !== OID_SHA256)
      throw new CmsProblem('signing certificate hash is not SHA-256');
    hash = second;
  }
  if (!(hash instanceof asn1js.OctetString)) throw new CmsProblem('malformed signing-certificate-v2');
  return Buffer.from(hash.valueBlock.valueHexView);
}

/**
 * Checks `cms` (the DER in a PDF's /Contents, possibly followed by zero padding) over
 * `signedBytes` (the two /ByteRange parts, concatenated).
 */
export function verifyDetachedCms(cms: Buffer, signedBytes: Buffer): CmsVerification {
  let certificateDer: Buffer | undefined;
  let certificatesDer: Buffer[] = [];
  try {
    const parsed = asn1js.fromBER(cms);
    if (parsed.offset === -1) throw new CmsProblem('not DER');
    if (cms.subarray(parsed.offset).some((byte) => byte !== 0)) throw new CmsProblem('bytes after the signature');
    const contentInfo = readContentInfo(parsed.result);
    if (contentInfo.contentType !== OID_SIGNED_DATA) throw new CmsProblem('not SignedData');
    const signedData = readSignedData(contentInfo.content);
    if (signedData.eContentType !== OID_DATA || signedData.hasEContent) throw new CmsProblem('not detached data');
    certificatesDer = signedData.certificates.map((c) => c.der);
    if (signedData.signerInfos.length !== 1) throw new CmsProblem('exactly one signer is expected');
    const info = signedData.signerInfos[0] as SignerInfoFields;
    const sid = info.sid;
    if (!sid) throw new CmsProblem('signer is not named by issuer and serial number');
    // Named by the bytes of its issuer and serial number, exactly as the signer copied them from its certificate.
    const signer = signedData.certificates.find((c) => c.issuerDer.equals(sid.issuerDer) && c.serialDer.equals(sid.serialDer));
    if (!signer) throw new CmsProblem('the signer certificate is not in the signature');
    certificateDer = signer.der;
    if (info.digestAlgorithm !== OID_SHA256) throw new CmsProblem('digest is not SHA-256');
    if (!SIGNATURE_ALGORITHMS.has(info.signatureAlgorithm)) throw new CmsProblem('unsupported signature algorithm');
    if (!info.signedAttrs) throw new CmsProblem('no signed attributes');

    const attributes = attributeValues(info.signedAttrs.attributes);
    const contentType = attributes.get(OID_CONTENT_TYPE);
    if (!(contentType instanceof asn1js.ObjectIdentifier) || contentType.valueBlock.toString() !== OID_DATA)
      throw new CmsProblem('content type is not data');
    const messageDigest = attributes.get(OID_MESSAGE_DIGEST);
    const digest = sha256(signedBytes);
    const stated = messageDigest instanceof asn1js.OctetString ? Buffer.from(messageDigest.valueBlock.valueHexView) : Buffer.alloc(0);
    if (stated.length !== digest.length || !timingSafeEqual(stated, digest))
      return { valid: false, certificateDer, certificatesDer, problem: 'digest mismatch' };

    // The signature covers the attributes as encoded in the file, with the SET OF tag instead of [0].
    const encoded = Buffer.from(info.signedAttrs.encoded);
    if (encoded.length === 0) throw new CmsProblem('signed attributes not kept as encoded');
    encoded[0] = 0x31;
    const publicKey = new X509Certificate(certificateDer).publicKey;
    const signature = info.signature;
    if (!verify('sha256', encoded, publicKey, signature))
      return { valid: false, certificateDer, certificatesDer, problem: 'signature does not verify' };

    const bound = attributes.get(OID_SIGNING_CERTIFICATE_V2);
    if (bound && !essCertificateHash(bound).equals(sha256(certificateDer))) {
      return {
        valid: false,
        certificateDer,
        certificatesDer,
        problem: 'signing-certificate-v2 names another certificate',
        certificateMismatch: true,
      };
    }
    const signingTimeValue = attributes.get(OID_SIGNING_TIME);
    const signingTime =
      signingTimeValue instanceof asn1js.UTCTime || signingTimeValue instanceof asn1js.GeneralizedTime
        ? signingTimeValue.toDate().toISOString()
        : undefined;
    const unsigned = attributeValues(info.unsignedAttrs);
    const tokenValue = unsigned.get(OID_SIGNATURE_TIMESTAMP);
    return {
      valid: true,
      certificateDer,
      certificatesDer,
      bindsCertificate: bound !== undefined,
      ...(signingTime ? { signingTime } : {}),
      ...(tokenValue ? { signatureTimestamp: { token: Buffer.from(tokenValue.valueBeforeDecodeView), imprint: sha256(signature) } } : {}),
    };
  } catch (error) {
    const problem = error instanceof CmsProblem || error instanceof CmsShapeError ? error.message : 'malformed signature';
    return { valid: false, ...(certificateDer ? { certificateDer } : {}), certificatesDer, problem };
  }
}
