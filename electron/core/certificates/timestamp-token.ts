/**
 * Checks an RFC 3161 time-stamp token — a CMS SignedData (RFC 5652) whose content is a
 * TSTInfo — as PAdES carries it, in a signature time-stamp (baseline B-T) or a document
 * time-stamp (ETSI EN 319 142-1 §5.3, §5.4): the token must imprint the given SHA-256 digest,
 * the TSA's signature must verify with the certificate it names, that certificate must be a
 * time-stamping certificate (RFC 3161 §2.3: extendedKeyUsage critical, id-kp-timeStamping
 * only), and the ESS signing-certificate attribute (RFC 2634 §5.4) or its v2 (RFC 5035,
 * RFC 5816) must name it. Whether the TSA is trusted — a chain to a root the reader accepts —
 * is the caller's decision, made with the certificates returned.
 *
 * Tokens come out of PDFs anyone may have edited: nothing here throws, sizes are bounded, and
 * the structures are read with asn1js and pkijs, held to DER (readDerElement) and, where pkijs
 * is lenient (fields it skips, parameters it takes as they come), to what is checked below.
 * Exact bytes are taken as asn1js read them, never re-encoded, because the signature covers
 * the signed attributes exactly as the TSA encoded them.
 */
import { constants, createHash, timingSafeEqual, verify, X509Certificate } from 'node:crypto';
import * as asn1js from 'asn1js';
import { pkijsWithNodeCrypto } from './pkijs-engine';
import {
  OID_CONTENT_TYPE,
  OID_EXTENDED_KEY_USAGE,
  OID_MESSAGE_DIGEST,
  OID_SHA256,
  OID_SIGNED_DATA,
  OID_SIGNING_CERTIFICATE,
  OID_SIGNING_CERTIFICATE_V2,
  OID_SUBJECT_KEY_IDENTIFIER,
  OID_TIME_STAMPING,
  OID_TST_INFO,
} from './cms-oids';

type Pkijs = ReturnType<typeof pkijsWithNodeCrypto>;
type RelativeDistinguishedNames = InstanceType<Pkijs['RelativeDistinguishedNames']>;
type GeneralName = InstanceType<Pkijs['GeneralName']>;

export interface TimestampCheck {
  readonly valid: boolean;
  readonly problem?: string;
  /** When the TSA says it saw the digest, ISO-8601 UTC. */
  readonly genTime?: string;
  /** The TSA certificate's subject CN, or else the TSTInfo tsa name, readable. */
  readonly tsaName?: string;
  readonly tsaCertificateDer?: Buffer;
  /** Every certificate the token carries, for the caller's chain check. */
  readonly certificatesDer: readonly Buffer[];
  /** The TSTInfo serial number, lowercase hex. */
  readonly serialNumber?: string;
  /** The TSA policy OID. */
  readonly policy?: string;
}

/** What a TSTInfo (RFC 3161 §2.4.2) says. */
export interface TimestampInfo {
  readonly policy: string;
  readonly imprintAlgorithm: string;
  readonly imprintedDigest: Buffer;
  readonly serialNumber: string;
  readonly genTime: string;
  readonly nonce?: bigint;
  /** The tsa field as a readable name, when present. */
  readonly tsaName?: string;
  /** The tsa field's directoryName (a DER Name), when it is one. */
  readonly tsaDirectoryName?: Buffer;
}

const OID_COMMON_NAME = '2.5.4.3';

const DIGESTS: ReadonlyMap<string, string> = new Map([
  ['1.3.14.3.2.26', 'sha1'], // only for ESS signing-certificate v1, whose hash is SHA-1 by definition
  [OID_SHA256, 'sha256'],
  ['2.16.840.1.101.3.4.2.2', 'sha384'],
  ['2.16.840.1.101.3.4.2.3', 'sha512'],
]);

/** Signature algorithms a TSA uses: the key type, and the hash when the OID fixes it (rsaEncryption leaves it to digestAlgorithm). */
const SIGNATURES = new Map<string, { readonly key: 'rsa' | 'ec'; readonly hash?: string }>([
  ['1.2.840.113549.1.1.1', { key: 'rsa' }],
  ['1.2.840.113549.1.1.11', { key: 'rsa', hash: 'sha256' }],
  ['1.2.840.113549.1.1.12', { key: 'rsa', hash: 'sha384' }],
  ['1.2.840.113549.1.1.13', { key: 'rsa', hash: 'sha512' }],
  ['1.2.840.10045.4.3.2', { key: 'ec', hash: 'sha256' }],
  ['1.2.840.10045.4.3.3', { key: 'ec', hash: 'sha384' }],
  ['1.2.840.10045.4.3.4', { key: 'ec', hash: 'sha512' }],
]);

/** A token larger than this is not one a PDF placeholder holds; refusing it bounds the work. */
const MAX_TOKEN_BYTES = 256 * 1024;
/** asn1js tag classes (X.690 §8.1.2.2). */
const UNIVERSAL = 1;
const CONTEXT_SPECIFIC = 3;
/** Universal tag numbers of the constructed types; every other universal type is primitive in DER. */
const SEQUENCE = 16;
const SET = 17;
/** GeneralName choices (RFC 5280 §4.2.1.6): rfc822Name, dNSName, uniformResourceIdentifier (IA5String), directoryName (Name). */
const GENERAL_NAME_IA5 = new Set([1, 2, 6]);
const GENERAL_NAME_DIRECTORY = 4;

class TokenProblem extends Error {}

function need(condition: unknown, problem: string): asserts condition {
  if (!condition) throw new TokenProblem(problem);
}

/** Builds a pkijs object from what asn1js read; pkijs throws when the structure does not fit its schema. */
function read<T>(make: () => T, problem: string): T {
  try {
    return make();
  } catch {
    throw new TokenProblem(problem);
  }
}

/** The octets a DER length field takes for `length` (X.690 §10.1: the definite form, as short as possible). */
function lengthOctets(length: number): number {
  let octets = 1;
  if (length >= 0x80) for (let rest = length; rest > 0; rest = Math.floor(rest / 256)) octets += 1;
  return octets;
}

/**
 * Why an element asn1js read is not DER, or undefined when it and everything in it is:
 * asn1js reads BER, which also allows indefinite and padded lengths and constructed strings.
 */
function notDer(block: asn1js.BaseBlock): string | undefined {
  const { idBlock, lenBlock } = block;
  if (idBlock.blockLength !== 1) return 'multi-byte tags are not used here';
  if (lenBlock.isIndefiniteForm) return 'indefinite length is not DER';
  if (lenBlock.blockLength !== lengthOctets(lenBlock.length)) return 'length not minimally encoded';
  // asn1js lets the last element of a constructed one run past the length its container states.
  if (block.valueBeforeDecodeView.length !== 1 + lenBlock.blockLength + lenBlock.length) return 'element runs past its container';
  const structured = idBlock.tagClass === UNIVERSAL && (idBlock.tagNumber === SEQUENCE || idBlock.tagNumber === SET);
  if (!idBlock.isConstructed) return structured ? 'a SEQUENCE or SET is constructed' : undefined;
  if (idBlock.tagClass === UNIVERSAL && !structured) return 'constructed strings are not DER';
  if (!(block instanceof asn1js.Constructed)) return 'malformed constructed element';
  let contained = 0;
  for (const child of block.valueBlock.value) {
    const problem = notDer(child);
    if (problem) return problem;
    contained += child.valueBeforeDecodeView.length;
  }
  return contained === lenBlock.length ? undefined : 'element runs past its container';
}

/**
 * The DER element at the start of `input` (a token in a PDF /Contents is followed by zero
 * padding), parsed by asn1js and held to DER: definite, minimal lengths, one-byte tags,
 * primitive strings, nothing running past its container. `bytes` is the element's exact
 * encoding. Throws when there is none.
 */
export function readDerElement(input: Uint8Array): { readonly element: asn1js.AsnType; readonly bytes: Buffer } {
  need(input.length > 0, 'truncated element');
  let parsed: ReturnType<typeof asn1js.fromBER>;
  try {
    // A copy, so that nothing asn1js keeps refers to the caller's buffer; OCTET STRINGs are not searched for more DER.
    parsed = asn1js.fromBER(new Uint8Array(input), { parseEmbedded: false, copyInput: false });
  } catch {
    throw new TokenProblem('malformed DER'); // asn1js throws on some malformed values (a time that is not one)
  }
  need(parsed.offset !== -1, 'malformed DER');
  const problem = notDer(parsed.result);
  need(!problem, problem ?? '');
  return { element: parsed.result, bytes: Buffer.from(parsed.result.valueBeforeDecodeView) };
}

/** Exactly one DER element that fills `bytes`. */
function readDerExactly(bytes: Uint8Array): asn1js.AsnType {
  const { element, bytes: encoded } = readDerElement(bytes);
  need(encoded.length === bytes.length, 'trailing bytes after the element');
  return element;
}

function isContext(block: asn1js.AsnType | undefined, tagNumber: number): block is asn1js.Constructed {
  return block instanceof asn1js.Constructed && block.idBlock.tagClass === CONTEXT_SPECIFIC && block.idBlock.tagNumber === tagNumber;
}

/** The elements of a SEQUENCE. */
function sequenceItems(block: unknown, problem: string): asn1js.BaseBlock[] {
  need(block instanceof asn1js.Sequence, problem);
  return block.valueBlock.value;
}

/** The OID of an AlgorithmIdentifier whose parameters, as for every algorithm accepted here, are absent or NULL. */
function algorithmOid(block: asn1js.AsnType | undefined): string {
  need(block instanceof asn1js.Sequence, 'malformed algorithm identifier');
  const pkijs = pkijsWithNodeCrypto();
  const algorithm = read(() => new pkijs.AlgorithmIdentifier({ schema: block }), 'malformed algorithm identifier');
  // pkijs takes any parameters and skips whatever follows them.
  const parameters: unknown = algorithm.algorithmParams;
  const nullOrAbsent = parameters === undefined || (parameters instanceof asn1js.Null && parameters.lenBlock.length === 0);
  need(block.valueBlock.value.length <= 2 && nullOrAbsent, 'unexpected algorithm parameters');
  return algorithm.algorithmId;
}

function digestName(block: asn1js.AsnType | undefined): string {
  const name = DIGESTS.get(algorithmOid(block));
  need(name && name !== 'sha1', 'unsupported digest algorithm');
  return name;
}

/** The content of an INTEGER, as encoded (pkijs keeps versions only as numbers, which hide a padded encoding). */
function integerContent(block: asn1js.AsnType | undefined): Buffer | undefined {
  return block instanceof asn1js.Integer && !(block instanceof asn1js.Enumerated) ? Buffer.from(block.valueBlock.valueHexView) : undefined;
}

function integerIs(block: asn1js.AsnType | undefined, values: readonly number[]): boolean {
  const content = integerContent(block);
  return content?.length === 1 && values.includes(content[0] as number);
}

function sameBytes(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

/** An INTEGER's value as hex, without the sign byte DER adds to a positive number. */
function integerHex(integer: asn1js.Integer): string {
  const content = Buffer.from(integer.valueBlock.valueHexView);
  return (content.length > 1 && content[0] === 0 ? content.subarray(1) : content).toString('hex');
}

/** RFC 3161 §2.4.2: GeneralizedTime in UTC with optional fraction and no trailing zeros. */
function generalizedTime(block: asn1js.AsnType | undefined): string {
  need(block instanceof asn1js.GeneralizedTime, 'genTime missing');
  const match = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(?:\.(\d*[1-9]))?Z$/.exec(
    Buffer.from(block.valueBlock.valueHexView).toString('latin1'),
  );
  need(match, 'malformed genTime');
  const [, year = '', month = '', day = '', hour = '', minute = '', second = '', fraction] = match;
  const date = new Date(`${year}-${month}-${day}T${hour}:${minute}:${second}.${(fraction ?? '').padEnd(3, '0').slice(0, 3)}Z`);
  need(!Number.isNaN(date.getTime()), 'malformed genTime');
  return date.toISOString();
}

/** The text of a directory string (UTF8String, PrintableString, IA5String, BMPString, TeletexString), from its octets. */
function directoryString(value: unknown): string | undefined {
  if (value instanceof asn1js.Utf8String && value.idBlock.tagNumber === 12)
    return Buffer.from(value.valueBlock.valueHexView).toString('utf8');
  if (value instanceof asn1js.PrintableString || value instanceof asn1js.IA5String || value instanceof asn1js.TeletexString) {
    return Buffer.from(value.valueBlock.valueHexView).toString('latin1');
  }
  if (value instanceof asn1js.BmpString) return Buffer.from(value.valueBlock.valueHexView).swap16().toString('utf16le');
  return undefined;
}

/** The attributes of a Name (RFC 5280 §4.1.2.4) as OID and text, in order. */
function nameAttributes(name: RelativeDistinguishedNames): Array<[string, string]> {
  const attributes: Array<[string, string]> = [];
  for (const { type, value } of name.typesAndValues) {
    // Only for display: a value that is not a directory string (RFC 5280 §4.1.2.4) is left out rather than failing the check.
    const text = directoryString(value);
    if (text !== undefined) attributes.push([type, text]);
  }
  return attributes;
}

function commonName(name: RelativeDistinguishedNames): string | undefined {
  return nameAttributes(name).find(([oid]) => oid === OID_COMMON_NAME)?.[1];
}

/** A Name's CN, or else its attributes as "oid=value" pairs. */
function readableName(name: RelativeDistinguishedNames): string {
  return (
    commonName(name) ??
    nameAttributes(name)
      .map(([oid, text]) => `${oid}=${text}`)
      .join(', ')
  );
}

/** The tsa GeneralName: a directoryName, or an IA5String name (rfc822Name, dNSName, URI). */
function tsaGeneralName(general: GeneralName): { name: string; directoryName?: Buffer } {
  const pkijs = pkijsWithNodeCrypto();
  if (general.type === GENERAL_NAME_DIRECTORY && general.value instanceof pkijs.RelativeDistinguishedNames) {
    return { name: readableName(general.value), directoryName: Buffer.from(general.value.valueBeforeDecode) };
  }
  // pkijs reads these as IA5String, one character a byte.
  if (GENERAL_NAME_IA5.has(general.type) && typeof general.value === 'string') return { name: general.value };
  return { name: 'unreadable name' };
}

/** Parses a TSTInfo (RFC 3161 §2.4.2). Throws on anything malformed. */
function parseTstInfo(der: Buffer): TimestampInfo {
  const pkijs = pkijsWithNodeCrypto();
  const block = readDerExactly(der);
  const fields = sequenceItems(block, 'malformed TSTInfo');
  need(integerIs(fields[0], [1]), 'TSTInfo version is not 1');
  const tstInfo = read(() => new pkijs.TSTInfo({ schema: block }), 'malformed TSTInfo');
  // accuracy, ordering, nonce, [0] tsa, [1] extensions: each optional, in this order. pkijs skips what it does not recognise; nothing may be left.
  const optional = [tstInfo.accuracy, tstInfo.ordering, tstInfo.nonce, tstInfo.tsa, tstInfo.extensions].filter(
    (field) => field !== undefined,
  );
  need(fields.length === 5 + optional.length, 'malformed TSTInfo');
  need(!(tstInfo.extensions ?? []).some((extension) => extension.critical), 'TSTInfo has a critical extension');
  const hashAlgorithm = sequenceItems(fields[2], 'malformed message imprint')[0];
  const nonce = tstInfo.nonce ? Buffer.from(tstInfo.nonce.valueBlock.valueHexView) : undefined;
  const tsa = tstInfo.tsa ? tsaGeneralName(tstInfo.tsa) : undefined;
  return {
    policy: tstInfo.policy,
    imprintAlgorithm: algorithmOid(hashAlgorithm),
    imprintedDigest: Buffer.from(tstInfo.messageImprint.hashedMessage.valueBlock.valueHexView),
    serialNumber: integerHex(tstInfo.serialNumber),
    genTime: generalizedTime(fields[4]),
    ...(nonce && nonce.length > 0 && nonce.length <= 64 ? { nonce: BigInt(`0x${nonce.toString('hex')}`) } : {}),
    ...(tsa ? { tsaName: tsa.name, ...(tsa.directoryName ? { tsaDirectoryName: tsa.directoryName } : {}) } : {}),
  };
}

interface CertificateFields {
  readonly der: Buffer;
  readonly serial: Buffer;
  readonly issuer: Buffer;
  readonly subject: RelativeDistinguishedNames;
  readonly subjectDer: Buffer;
  readonly extensions: ReadonlyMap<string, { readonly critical: boolean; readonly value: Buffer }>;
}

/** The parts of an X.509 certificate (RFC 5280 §4.1), read by pkijs, a signer is matched and checked by. */
function certificateFields(der: Buffer, certificate: InstanceType<Pkijs['Certificate']>): CertificateFields {
  const extensions = new Map<string, { critical: boolean; value: Buffer }>();
  for (const extension of certificate.extensions ?? []) {
    extensions.set(extension.extnID, { critical: extension.critical, value: Buffer.from(extension.extnValue.valueBlock.valueHexView) });
  }
  return {
    der,
    serial: Buffer.from(certificate.serialNumber.valueBlock.valueHexView),
    issuer: Buffer.from(certificate.issuer.valueBeforeDecode),
    subject: certificate.subject,
    subjectDer: Buffer.from(certificate.subject.valueBeforeDecode),
    extensions,
  };
}

/** The content of a DER OCTET STRING that fills `der`. */
function octetStringContent(der: Buffer): Buffer {
  const element = readDerExactly(der);
  need(element instanceof asn1js.OctetString, 'expected an OCTET STRING');
  return Buffer.from(element.valueBlock.valueHexView);
}

/** The certificate the SignerIdentifier names: by issuer and serial number, or by subject key identifier. */
function findSigner(sid: unknown, certificates: readonly CertificateFields[]): CertificateFields {
  const pkijs = pkijsWithNodeCrypto();
  let found: CertificateFields | undefined;
  if (sid instanceof pkijs.IssuerAndSerialNumber) {
    const issuer = Buffer.from(sid.issuer.valueBeforeDecode);
    const serial = Buffer.from(sid.serialNumber.valueBlock.valueHexView);
    found = certificates.find((c) => c.issuer.equals(issuer) && c.serial.equals(serial));
  } else {
    // [0] IMPLICIT SubjectKeyIdentifier, a primitive element (pkijs also takes a constructed [0]).
    need(
      sid instanceof asn1js.Primitive && sid.idBlock.tagClass === CONTEXT_SPECIFIC && sid.idBlock.tagNumber === 0,
      'malformed signer identifier',
    );
    const keyIdentifier = Buffer.from(sid.valueBlock.valueHexView);
    found = certificates.find((c) => {
      const extension = c.extensions.get(OID_SUBJECT_KEY_IDENTIFIER);
      return extension !== undefined && octetStringContent(extension.value).equals(keyIdentifier);
    });
  }
  need(found, 'the signer certificate is not in the token');
  return found;
}

/** RFC 3161 §2.3: the TSA certificate's only extended key usage is timeStamping, and it is critical. */
function isTimeStampingCertificate(certificate: CertificateFields): boolean {
  const extension = certificate.extensions.get(OID_EXTENDED_KEY_USAGE);
  if (!extension?.critical) return false;
  const pkijs = pkijsWithNodeCrypto();
  const usage = read(() => new pkijs.ExtKeyUsage({ schema: readDerExactly(extension.value) }), 'malformed extended key usage');
  return usage.keyPurposes.length === 1 && usage.keyPurposes[0] === OID_TIME_STAMPING;
}

/** The single value of each signed attribute; a repeated attribute makes the set unusable. */
function signedAttributes(attributes: readonly InstanceType<Pkijs['Attribute']>[]): Map<string, unknown> {
  const values = new Map<string, unknown>();
  for (const attribute of attributes) {
    need(!values.has(attribute.type) && attribute.values.length === 1, 'an attribute is repeated');
    values.set(attribute.type, attribute.values[0]);
  }
  return values;
}

/**
 * ESS signing-certificate (v1: SHA-1 certHash; v2: hashAlgorithm DEFAULT SHA-256): the first
 * ESSCertID names the signer (RFC 5035 §5.4), by the hash of its DER and, when given, by its
 * issuer and serial number.
 */
function namesCertificate(attribute: unknown, v2: boolean, certificate: CertificateFields): boolean {
  const problem = 'malformed signing-certificate attribute';
  const [certs] = sequenceItems(attribute, problem);
  const [first] = sequenceItems(certs, problem);
  const parts = [...sequenceItems(first, problem)];
  let hash = 'sha1';
  if (v2 && parts[0] instanceof asn1js.Sequence) hash = DIGESTS.get(algorithmOid(parts.shift())) ?? '';
  else if (v2) hash = 'sha256';
  const [certHash, issuerSerial] = parts;
  need(hash && certHash instanceof asn1js.OctetString, problem);
  if (!sameBytes(Buffer.from(certHash.valueBlock.valueHexView), createHash(hash).update(certificate.der).digest())) return false;
  if (!issuerSerial) return true;
  need(issuerSerial instanceof asn1js.Sequence, problem);
  const pkijs = pkijsWithNodeCrypto();
  const named = read(() => new pkijs.IssuerSerial({ schema: issuerSerial }), problem);
  const issuerNamed = named.issuer.names.some(
    (name) =>
      name.type === GENERAL_NAME_DIRECTORY &&
      name.value instanceof pkijs.RelativeDistinguishedNames &&
      Buffer.from(name.value.valueBeforeDecode).equals(certificate.issuer),
  );
  return issuerNamed && Buffer.from(named.serialNumber.valueBlock.valueHexView).equals(certificate.serial);
}

/** The CMS signature over the signed attributes, with the signer's RSA (PKCS #1 v1.5) or ECDSA key. */
function signatureVerifies(
  signedAttributesDer: Buffer,
  digest: string,
  algorithm: asn1js.AsnType | undefined,
  signature: Buffer,
  certificateDer: Buffer,
): boolean {
  const scheme = SIGNATURES.get(algorithmOid(algorithm));
  need(scheme, 'unsupported signature algorithm');
  need(!scheme.hash || scheme.hash === digest, 'signature and digest algorithms disagree');
  const key = new X509Certificate(certificateDer).publicKey;
  need(key.asymmetricKeyType === scheme.key, 'the signer key does not match the signature algorithm');
  return scheme.key === 'rsa'
    ? verify(digest, signedAttributesDer, { key, padding: constants.RSA_PKCS1_PADDING }, signature)
    : verify(digest, signedAttributesDer, { key, dsaEncoding: 'der' }, signature);
}

/** RFC 5652 §5.1 SignedData, field by field as asn1js read them: pkijs keeps versions only as numbers and re-encodes certificates. */
interface Token {
  readonly version: asn1js.BaseBlock;
  readonly digestAlgorithms: asn1js.Set;
  /** CertificateChoices. */
  readonly certificates: readonly asn1js.BaseBlock[];
  readonly signerInfos: readonly asn1js.BaseBlock[];
  /** The encapsulated content, a TSTInfo's DER. */
  readonly tstInfoDer: Buffer;
}

/**
 * The SignedData of a token, which may be followed by the zero padding of a PDF /Contents.
 * Its fields are taken apart here and each is read by pkijs, rather than all of it by
 * pkijs.SignedData, which builds the schema of every CertificateChoices alternative
 * (attribute certificates included) for every token: several times the cost of the rest
 * of the check, for certificate kinds a time-stamp token does not carry.
 */
function parseToken(tokenDer: Buffer): Token {
  need(tokenDer.length > 0 && tokenDer.length <= MAX_TOKEN_BYTES, 'not a time-stamp token');
  const { element, bytes } = readDerElement(tokenDer);
  need(!tokenDer.subarray(bytes.length).some((byte) => byte !== 0), 'bytes after the token');
  const pkijs = pkijsWithNodeCrypto();
  const contentInfo = read(() => new pkijs.ContentInfo({ schema: element }), 'not a ContentInfo');
  need(contentInfo.contentType === OID_SIGNED_DATA, 'not SignedData');
  // version, digestAlgorithms, encapContentInfo, [0] certificates?, [1] crls?, signerInfos
  const [version, digestAlgorithms, encapsulated, ...rest] = sequenceItems(contentInfo.content, 'not SignedData');
  const signerInfos = rest.pop();
  need(version instanceof asn1js.Integer && digestAlgorithms instanceof asn1js.Set && signerInfos instanceof asn1js.Set, 'not SignedData');
  need(
    rest.every((field, index) => (index === 0 && isContext(field, 0)) || (index === rest.length - 1 && isContext(field, 1))),
    'not SignedData',
  );
  const encapContentInfo = read(() => new pkijs.EncapsulatedContentInfo({ schema: encapsulated }), 'no encapsulated content');
  need(encapContentInfo.eContentType === OID_TST_INFO, 'the content is not a TSTInfo');
  const eContent: unknown = encapContentInfo.eContent;
  need(eContent instanceof asn1js.OctetString && !eContent.idBlock.isConstructed, 'no TSTInfo');
  const certificates = rest.find((field) => isContext(field, 0));
  return {
    version,
    digestAlgorithms,
    certificates: certificates?.valueBlock.value ?? [],
    signerInfos: signerInfos.valueBlock.value,
    tstInfoDer: Buffer.from(eContent.valueBlock.valueHexView),
  };
}

/** The TSTInfo in a token, unchecked: for a requester comparing its nonce. Throws when there is none. */
export function readTimestampInfo(tokenDer: Buffer): TimestampInfo {
  return parseTstInfo(parseToken(tokenDer).tstInfoDer);
}

function checkOrThrow(tokenDer: Buffer, imprintedDigest: Buffer): TimestampCheck {
  need(imprintedDigest.length === 32, 'the digest is not a SHA-256 digest');
  const pkijs = pkijsWithNodeCrypto();
  const token = parseToken(tokenDer);
  const info = parseTstInfo(token.tstInfoDer);
  need(info.imprintAlgorithm === OID_SHA256, 'the message imprint is not SHA-256');
  need(sameBytes(info.imprintedDigest, imprintedDigest), 'the token is for other data');

  // X.509 certificates, exactly as carried; the other CertificateChoices (attribute certificates) are left out.
  const certificates = token.certificates
    .filter((choice) => choice instanceof asn1js.Sequence)
    .map((choice) =>
      certificateFields(
        Buffer.from(choice.valueBeforeDecodeView),
        read(() => new pkijs.Certificate({ schema: choice }), 'malformed certificate'),
      ),
    );
  const certificatesDer = certificates.map((certificate) => certificate.der);
  need(token.signerInfos.length === 1, 'a time-stamp token has exactly one signer');
  const signerInfoBlock = token.signerInfos[0];
  const signerInfo = read(() => new pkijs.SignerInfo({ schema: signerInfoBlock }), 'malformed signer info');
  // SignerInfo: version, sid, digestAlgorithm, [0] signedAttrs, signatureAlgorithm, signature, [1] unsignedAttrs?
  need(signerInfo.signedAttrs, 'no signed attributes');
  const [signerVersion, , digestAlgorithm, , signatureAlgorithm] = sequenceItems(signerInfoBlock, 'malformed signer info');
  const digest = digestName(digestAlgorithm);
  // The versions and the digestAlgorithms set are outside the signature: held to RFC 5652 §5.1 and §5.3 so that they cannot say something else.
  const sidVersion = signerInfo.sid instanceof pkijs.IssuerAndSerialNumber ? 1 : 3;
  need(integerIs(token.version, [3, 4, 5]) && integerIs(signerVersion, [sidVersion]), 'unexpected CMS version');
  need(
    token.digestAlgorithms.valueBlock.value.some((algorithm) => DIGESTS.get(algorithmOid(algorithm)) === digest),
    'the digest algorithm is not announced',
  );
  const signer = findSigner(signerInfo.sid, certificates);

  const attributes = signedAttributes(signerInfo.signedAttrs.attributes);
  const contentType = attributes.get(OID_CONTENT_TYPE);
  need(
    contentType instanceof asn1js.ObjectIdentifier && contentType.valueBlock.toString() === OID_TST_INFO,
    'the signed content type is not TSTInfo',
  );
  const messageDigest = attributes.get(OID_MESSAGE_DIGEST);
  need(
    messageDigest instanceof asn1js.OctetString &&
      sameBytes(Buffer.from(messageDigest.valueBlock.valueHexView), createHash(digest).update(token.tstInfoDer).digest()),
    'message digest mismatch',
  );
  // The signature covers the attributes encoded as a SET OF, not as the [0] IMPLICIT they travel in: pkijs keeps them as read.
  const signedAttributesDer = Buffer.from(signerInfo.signedAttrs.encodedValue);
  need(signedAttributesDer.length > 0, 'no signed attributes');
  signedAttributesDer[0] = 0x31;
  const signature = Buffer.from(signerInfo.signature.valueBlock.valueHexView);
  need(signatureVerifies(signedAttributesDer, digest, signatureAlgorithm, signature, signer.der), 'signature does not verify');

  need(isTimeStampingCertificate(signer), 'the signer is not a time-stamping certificate');
  const essV1 = attributes.get(OID_SIGNING_CERTIFICATE);
  const essV2 = attributes.get(OID_SIGNING_CERTIFICATE_V2);
  // RFC 3161 §2.4.1 and RFC 5816 §2.2.1 require one of the two, so a signer cannot be swapped in.
  need(essV1 || essV2, 'no ESS signing-certificate attribute');
  need(!essV1 || namesCertificate(essV1, false, signer), 'signing-certificate names another certificate');
  need(!essV2 || namesCertificate(essV2, true, signer), 'signing-certificate-v2 names another certificate');
  need(!info.tsaDirectoryName || info.tsaDirectoryName.equals(signer.subjectDer), 'the tsa name is not the signer');

  return {
    valid: true,
    genTime: info.genTime,
    tsaName: commonName(signer.subject) ?? info.tsaName ?? readableName(signer.subject),
    tsaCertificateDer: signer.der,
    certificatesDer,
    serialNumber: info.serialNumber,
    policy: info.policy,
  };
}

/** Checks a time-stamp token over `imprintedDigest` (the SHA-256 of the time-stamped bytes). Never throws. */
export async function checkTimestampToken(tokenDer: Buffer, imprintedDigest: Buffer): Promise<TimestampCheck> {
  try {
    return checkOrThrow(tokenDer, imprintedDigest);
  } catch (error) {
    // TokenProblem messages are short English; anything else (a stack overflow, a crypto error) is just malformed.
    const problem = error instanceof TokenProblem ? error.message : 'malformed token';
    return { valid: false, problem, certificatesDer: [] };
  }
}
