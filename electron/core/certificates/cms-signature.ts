/**
 * Verifies the detached CMS SignedData (RFC 5652) of a PDF signature ourselves, because
 * node-forge can make PKCS#7 but not verify it, and a certificate's validity is what a
 * hospital relies on (10-1): the signed attributes' messageDigest must equal the SHA-256 of
 * the signed bytes, and the RSA signature over the DER SET OF those attributes must verify
 * with the public key of the certificate the signer info names. Exact bytes are taken from
 * the DER (der-reader.ts), never re-encoded.
 */
import { constants, createHash, timingSafeEqual, verify, X509Certificate } from 'node:crypto';
import { DER, derChild, derChildren, derOid, derTime, readDer, type DerElement } from './der-reader';

const OID_SIGNED_DATA = '1.2.840.113549.1.7.2';
const OID_DATA = '1.2.840.113549.1.7.1';
const OID_SHA256 = '2.16.840.1.101.3.4.2.1';
const OID_RSA = '1.2.840.113549.1.1.1';
const OID_SHA256_WITH_RSA = '1.2.840.113549.1.1.11';
const OID_CONTENT_TYPE = '1.2.840.113549.1.9.3';
const OID_MESSAGE_DIGEST = '1.2.840.113549.1.9.4';
const OID_SIGNING_TIME = '1.2.840.113549.1.9.5';

export type CmsVerification =
  | { readonly valid: true; readonly certificateDer: Buffer; readonly signingTime?: string }
  | { readonly valid: false; readonly certificateDer?: Buffer; readonly problem: string };

/** The issuer Name and serialNumber of a certificate, as a SignerInfo's IssuerAndSerialNumber names it. */
function issuerAndSerial(certificateDer: Buffer): { issuer: Buffer; serial: Buffer } {
  const tbs = derChild(readDer(certificateDer), 0, DER.SEQUENCE);
  const fields = derChildren(tbs);
  const start = fields[0]?.tag === DER.context(0) ? 1 : 0;
  const serial = fields[start];
  const issuer = fields[start + 2];
  if (serial?.tag !== DER.INTEGER || issuer?.tag !== DER.SEQUENCE) throw new Error('malformed certificate');
  return { issuer: issuer.bytes, serial: serial.content };
}

function algorithmOid(element: DerElement | undefined): string {
  if (!element || element.tag !== DER.SEQUENCE) throw new Error('expected an AlgorithmIdentifier');
  return derOid(derChild(element, 0, DER.OID));
}

/** The single value of each signed attribute; a repeated attribute makes the set unusable. */
function signedAttributes(element: DerElement): Map<string, DerElement> {
  const attributes = new Map<string, DerElement>();
  for (const attribute of derChildren(element)) {
    const [type, values] = derChildren(attribute);
    if (!type || values?.tag !== DER.SET) throw new Error('malformed attribute');
    const oid = derOid(type);
    const list = derChildren(values);
    if (attributes.has(oid) || list.length !== 1) throw new Error(`attribute ${oid} must have exactly one value`);
    attributes.set(oid, list[0] as DerElement);
  }
  return attributes;
}

/**
 * Checks `cms` (the DER in a PDF's /Contents, possibly followed by zero padding) over
 * `signedBytes` (the two /ByteRange parts, concatenated).
 */
export function verifyDetachedCms(cms: Buffer, signedBytes: Buffer): CmsVerification {
  let certificateDer: Buffer | undefined;
  try {
    const contentInfo = readDer(cms);
    if (contentInfo.tag !== DER.SEQUENCE) throw new Error('not a ContentInfo');
    if (cms.subarray(contentInfo.bytes.length).some((byte) => byte !== 0)) throw new Error('bytes after the signature');
    if (derOid(derChild(contentInfo, 0, DER.OID)) !== OID_SIGNED_DATA) throw new Error('not SignedData');
    const signedData = derChild(derChild(contentInfo, 1, DER.context(0)), 0, DER.SEQUENCE);
    const parts = derChildren(signedData);
    const encapsulated = parts[2];
    if (!encapsulated || encapsulated.tag !== DER.SEQUENCE) throw new Error('no EncapsulatedContentInfo');
    const encapsulatedParts = derChildren(encapsulated);
    if (derOid(encapsulatedParts[0] as DerElement) !== OID_DATA || encapsulatedParts.length !== 1) throw new Error('not detached data');
    const certificates = parts.find((part) => part.tag === DER.context(0));
    const signerInfos = parts[parts.length - 1];
    if (!certificates || signerInfos?.tag !== DER.SET) throw new Error('no certificates or signer infos');
    const infos = derChildren(signerInfos);
    if (infos.length !== 1) throw new Error('exactly one signer is expected');
    const info = derChildren(infos[0] as DerElement);
    // SignerInfo: version, sid, digestAlgorithm, [0] signedAttrs, signatureAlgorithm, signature, [1] unsignedAttrs?
    const [, sid, digestAlgorithm, attributesElement, signatureAlgorithm, signature] = info;
    if (!sid || sid.tag !== DER.SEQUENCE) throw new Error('signer is not named by issuer and serial number');
    if (!attributesElement || attributesElement.tag !== DER.context(0)) throw new Error('no signed attributes');
    if (!signature || signature.tag !== DER.OCTET_STRING) throw new Error('no signature value');
    if (algorithmOid(digestAlgorithm) !== OID_SHA256) throw new Error('digest is not SHA-256');
    const signatureOid = algorithmOid(signatureAlgorithm);
    if (signatureOid !== OID_RSA && signatureOid !== OID_SHA256_WITH_RSA) throw new Error('signature is not RSA');

    const [sidIssuer, sidSerial] = derChildren(sid);
    certificateDer = derChildren(certificates)
      .map((element) => element.bytes)
      .find((der) => {
        const named = issuerAndSerial(der);
        return sidIssuer !== undefined && sidSerial !== undefined && named.issuer.equals(sidIssuer.bytes) && named.serial.equals(sidSerial.content);
      });
    if (!certificateDer) throw new Error('the signer certificate is not in the signature');
    certificateDer = Buffer.from(certificateDer);

    const attributes = signedAttributes(attributesElement);
    const contentType = attributes.get(OID_CONTENT_TYPE);
    if (!contentType || derOid(contentType) !== OID_DATA) throw new Error('content type is not data');
    const messageDigest = attributes.get(OID_MESSAGE_DIGEST);
    const digest = createHash('sha256').update(signedBytes).digest();
    if (!messageDigest || messageDigest.tag !== DER.OCTET_STRING || messageDigest.content.length !== digest.length || !timingSafeEqual(messageDigest.content, digest)) {
      return { valid: false, certificateDer, problem: 'digest mismatch' };
    }
    // The signature covers the attributes encoded as a SET OF, not as the [0] IMPLICIT they travel in.
    const signedAttributesDer = Buffer.concat([Buffer.from([DER.SET]), attributesElement.bytes.subarray(1)]);
    const publicKey = new X509Certificate(certificateDer).publicKey;
    if (publicKey.asymmetricKeyType !== 'rsa') throw new Error('the signer key is not RSA');
    if (!verify('sha256', signedAttributesDer, { key: publicKey, padding: constants.RSA_PKCS1_PADDING }, signature.content)) {
      return { valid: false, certificateDer, problem: 'signature does not verify' };
    }
    const time = attributes.get(OID_SIGNING_TIME);
    return time ? { valid: true, certificateDer, signingTime: derTime(time) } : { valid: true, certificateDer };
  } catch (error) {
    const problem = error instanceof Error ? error.message : 'malformed signature';
    return certificateDer ? { valid: false, certificateDer, problem } : { valid: false, problem };
  }
}
