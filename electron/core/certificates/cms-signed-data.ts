/**
 * Reads the fields a signature check needs out of a CMS SignedData (RFC 5652 §5), by walking
 * the tree asn1js parsed element by element, for verifyDetachedCms. pkijs matched the whole
 * structure — every certificate it carries included — against its schemas and encoded each
 * certificate again, which was two thirds of a document's verification (issue 20: the archive
 * sync checks every document before it leaves). The certificates are read afterwards by Node's
 * crypto and @peculiar/x509 anyway, so here they are only taken as the bytes in the file, with
 * the issuer and serial number that name the signer.
 *
 * Hostile input: anything not of the expected shape throws CmsShapeError; nothing is guessed
 * and no field is skipped over unread except the CRLs (which the verifier takes from the company,
 * never from a document) and certificate choices that are not X.509 certificates (as pkijs did).
 */
import * as asn1js from 'asn1js';

export class CmsShapeError extends Error {}

export interface CmsAttribute {
  readonly type: string;
  readonly values: readonly asn1js.AsnType[];
}

export interface CarriedCertificate {
  /** The certificate exactly as encoded in the signature. */
  readonly der: Buffer;
  readonly issuerDer: Buffer;
  readonly serialDer: Buffer;
}

export interface SignerInfoFields {
  /** IssuerAndSerialNumber; null when the signer is named by subject key identifier instead. */
  readonly sid: { readonly issuerDer: Buffer; readonly serialDer: Buffer } | null;
  readonly digestAlgorithm: string;
  readonly signatureAlgorithm: string;
  /** The signed attributes element as encoded (tag [0] included), and its attributes; null when absent. */
  readonly signedAttrs: { readonly encoded: Buffer; readonly attributes: readonly CmsAttribute[] } | null;
  readonly signature: Buffer;
  readonly unsignedAttrs: readonly CmsAttribute[];
}

export interface SignedDataFields {
  readonly eContentType: string;
  readonly hasEContent: boolean;
  readonly certificates: readonly CarriedCertificate[];
  readonly signerInfos: readonly SignerInfoFields[];
}

const CONTEXT = 3;

function isContext(element: asn1js.AsnType | undefined, tag: number): boolean {
  return element !== undefined && element.idBlock.tagClass === CONTEXT && element.idBlock.tagNumber === tag;
}

/** The children of a constructed element (SEQUENCE, SET or a constructed context tag). */
function children(element: asn1js.AsnType | undefined, what: string): asn1js.AsnType[] {
  if (!(element instanceof asn1js.Sequence || element instanceof asn1js.Set || element instanceof asn1js.Constructed))
    throw new CmsShapeError(`${what} is not constructed`);
  return element.valueBlock.value;
}

function sequence(element: asn1js.AsnType | undefined, what: string): asn1js.AsnType[] {
  if (!(element instanceof asn1js.Sequence)) throw new CmsShapeError(`${what} is not a SEQUENCE`);
  return element.valueBlock.value;
}

function oid(element: asn1js.AsnType | undefined, what: string): string {
  if (!(element instanceof asn1js.ObjectIdentifier)) throw new CmsShapeError(`${what} is not an OID`);
  return element.valueBlock.toString();
}

function integerBytes(element: asn1js.AsnType | undefined, what: string): Buffer {
  if (!(element instanceof asn1js.Integer)) throw new CmsShapeError(`${what} is not an INTEGER`);
  return Buffer.from(element.valueBlock.valueHexView);
}

function encoded(element: asn1js.AsnType): Buffer {
  return Buffer.from(element.valueBeforeDecodeView);
}

/** AlgorithmIdentifier: SEQUENCE { algorithm OID, parameters ANY OPTIONAL }. */
function algorithm(element: asn1js.AsnType | undefined, what: string): string {
  const fields = sequence(element, what);
  if (fields.length < 1 || fields.length > 2) throw new CmsShapeError(`${what} is malformed`);
  return oid(fields[0], what);
}

/** Attribute: SEQUENCE { attrType OID, attrValues SET OF ANY }. */
function attributes(element: asn1js.AsnType, what: string): CmsAttribute[] {
  return children(element, what).map((attribute) => {
    const [type, values, ...rest] = sequence(attribute, what);
    if (rest.length > 0 || !(values instanceof asn1js.Set)) throw new CmsShapeError(`${what} hold a malformed attribute`);
    return { type: oid(type, what), values: values.valueBlock.value };
  });
}

/** Certificate: SEQUENCE { tbsCertificate SEQUENCE { [0] version?, serialNumber, signature, issuer, … }, algorithm, BIT STRING }. */
function carriedCertificate(element: asn1js.AsnType): CarriedCertificate {
  const [tbs, signatureAlgorithm, signature, ...rest] = sequence(element, 'certificate');
  if (rest.length > 0 || !(signature instanceof asn1js.BitString)) throw new CmsShapeError('malformed certificate');
  algorithm(signatureAlgorithm, 'certificate signature algorithm');
  const fields = sequence(tbs, 'tbsCertificate');
  const start = isContext(fields[0], 0) ? 1 : 0;
  const serial = integerBytes(fields[start], 'certificate serial number');
  algorithm(fields[start + 1], 'certificate signature algorithm');
  const issuer = fields[start + 2];
  sequence(issuer, 'certificate issuer');
  return { der: encoded(element), issuerDer: encoded(issuer as asn1js.AsnType), serialDer: serial };
}

function signerInfo(element: asn1js.AsnType): SignerInfoFields {
  const fields = sequence(element, 'SignerInfo');
  let at = 0;
  integerBytes(fields[at++], 'SignerInfo version');
  const sidElement = fields[at++];
  let sid: SignerInfoFields['sid'];
  if (isContext(sidElement, 0)) sid = null;
  else {
    const [issuer, serial, ...rest] = sequence(sidElement, 'signer identifier');
    sequence(issuer, 'signer issuer');
    if (rest.length > 0) throw new CmsShapeError('malformed signer identifier');
    sid = { issuerDer: encoded(issuer as asn1js.AsnType), serialDer: integerBytes(serial, 'signer serial number') };
  }
  const digestAlgorithm = algorithm(fields[at++], 'digest algorithm');
  let signedAttrs: SignerInfoFields['signedAttrs'] = null;
  const maybeSigned = fields[at];
  if (maybeSigned && isContext(maybeSigned, 0)) {
    signedAttrs = { encoded: encoded(maybeSigned), attributes: attributes(maybeSigned, 'signed attributes') };
    at += 1;
  }
  const signatureAlgorithm = algorithm(fields[at++], 'signature algorithm');
  const signature = fields[at++];
  if (!(signature instanceof asn1js.OctetString) || signature.valueBlock.isConstructed)
    throw new CmsShapeError('signature value is not an OCTET STRING');
  let unsignedAttrs: CmsAttribute[] = [];
  const maybeUnsigned = fields[at];
  if (maybeUnsigned && isContext(maybeUnsigned, 1)) {
    unsignedAttrs = attributes(maybeUnsigned, 'unsigned attributes');
    at += 1;
  }
  if (at !== fields.length) throw new CmsShapeError('unexpected fields in SignerInfo');
  return {
    sid,
    digestAlgorithm,
    signatureAlgorithm,
    signedAttrs,
    signature: Buffer.from(signature.valueBlock.valueHexView),
    unsignedAttrs,
  };
}

/**
 * SignedData: SEQUENCE { version, digestAlgorithms SET, encapContentInfo, [0] certificates?, [1] crls?, signerInfos SET },
 * from the content of a ContentInfo whose type the caller checked.
 */
export function readSignedData(content: asn1js.AsnType): SignedDataFields {
  const fields = sequence(content, 'SignedData');
  let at = 0;
  integerBytes(fields[at++], 'SignedData version');
  if (!(fields[at++] instanceof asn1js.Set)) throw new CmsShapeError('digest algorithms are not a SET');
  const [eContentType, eContent, ...restOfEncap] = sequence(fields[at++], 'encapsulated content');
  if (restOfEncap.length > 0 || (eContent !== undefined && !isContext(eContent, 0)))
    throw new CmsShapeError('malformed encapsulated content');
  let certificates: CarriedCertificate[] = [];
  if (isContext(fields[at], 0)) {
    // Certificate choices other than an X.509 certificate (tagged [0]–[3]) are not certificates a signer can be.
    certificates = children(fields[at++], 'certificates')
      .filter((choice) => choice.idBlock.tagClass !== CONTEXT)
      .map(carriedCertificate);
  }
  if (isContext(fields[at], 1)) at += 1;
  const signerInfos = fields[at++];
  if (!(signerInfos instanceof asn1js.Set) || at !== fields.length) throw new CmsShapeError('malformed signer infos');
  return {
    eContentType: oid(eContentType, 'content type'),
    hasEContent: eContent !== undefined,
    certificates,
    signerInfos: signerInfos.valueBlock.value.map(signerInfo),
  };
}

/** ContentInfo: SEQUENCE { contentType OID, [0] EXPLICIT content }. */
export function readContentInfo(element: asn1js.AsnType): { readonly contentType: string; readonly content: asn1js.AsnType } {
  const [contentType, wrapper, ...rest] = sequence(element, 'ContentInfo');
  if (rest.length > 0 || !isContext(wrapper, 0)) throw new CmsShapeError('malformed ContentInfo');
  const inner = children(wrapper, 'ContentInfo content');
  if (inner.length !== 1) throw new CmsShapeError('malformed ContentInfo content');
  return { contentType: oid(contentType, 'ContentInfo type'), content: inner[0] as asn1js.AsnType };
}
