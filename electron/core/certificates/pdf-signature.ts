/**
 * The PDF signature of a certificate (10-1; DESIGN.md: "verifiable by Acrobat Reader and
 * poppler's pdfsig"): an `adbe.pkcs7.detached` signature over the whole file but its own
 * /Contents, made with the engineer's key and naming their self-signed certificate.
 *
 * The placeholder is written here rather than with `@signpdf/placeholder-pdf-lib`, which
 * writes /Name, /Reason and /Location as byte strings and so garbles Japanese; these are
 * UTF-16 text strings. `@signpdf/signpdf` fills in /ByteRange and /Contents; the CMS comes
 * from node-forge with the RSA operation done by Node (forge-signing-key.ts) — the same
 * structure `@signpdf/signer-p12` builds, without serialising the key into a P12 first.
 * pdf-lib cannot save incrementally: everything goes into the PDF before the placeholder,
 * and nothing may load and re-save it after signing.
 */
import forge from 'node-forge';
import { PDFHexString, PDFInvalidObject, PDFName, PDFString, type PDFDocument, type PDFPage } from 'pdf-lib';
import { SignPdf, Signer } from '@signpdf/signpdf';
import { forgeSigningKey, privateKeyFromPkcs8 } from './forge-signing-key';

/** Hex characters reserved for the CMS: an RSA-3072 signature with one certificate needs about 3,400. */
export const SIGNATURE_HEX_LENGTH = 8192;
const BYTE_RANGE_PLACEHOLDER = '**********';
export const SIGNATURE_FIELD_NAME = 'FieldGuardSignature';

export interface SignatureInfo {
  readonly reason: string;
  readonly name: string;
  readonly location: string;
  readonly contactInfo?: string;
  readonly signingTime: Date;
}

/** Adds the signature dictionary (with room for the CMS), an invisible signature field on `page`, and the AcroForm. */
export function addSignaturePlaceholder(pdf: PDFDocument, page: PDFPage, info: SignatureInfo): void {
  const context = pdf.context;
  const placeholder = PDFName.of(BYTE_RANGE_PLACEHOLDER);
  // /ByteRange then /Contents, in this order: @signpdf/signpdf finds /Contents after /ByteRange.
  const signature = context.obj({
    Type: 'Sig',
    Filter: 'Adobe.PPKLite',
    SubFilter: 'adbe.pkcs7.detached',
    ByteRange: [0, placeholder, placeholder, placeholder],
    Contents: PDFHexString.of('0'.repeat(SIGNATURE_HEX_LENGTH)),
    Reason: PDFHexString.fromText(info.reason),
    M: PDFString.fromDate(info.signingTime),
    Name: PDFHexString.fromText(info.name),
    Location: PDFHexString.fromText(info.location),
    ContactInfo: PDFHexString.fromText(info.contactInfo ?? ''),
    Prop_Build: { App: { Name: 'FieldGuard' } },
  });
  // Written as raw bytes so that pdf-lib can never move it into a compressed object stream,
  // where the placeholder could not be found and filled in.
  const bytes = new Uint8Array(signature.sizeInBytes());
  signature.copyBytesInto(bytes, 0);
  const signatureRef = context.register(PDFInvalidObject.of(bytes));
  const widget = context.register(
    context.obj({
      Type: 'Annot',
      Subtype: 'Widget',
      FT: 'Sig',
      Rect: [0, 0, 0, 0],
      V: signatureRef,
      T: PDFHexString.fromText(SIGNATURE_FIELD_NAME),
      F: 4, // print
      P: page.ref,
    }),
  );
  page.node.set(PDFName.of('Annots'), context.obj([widget]));
  // SigFlags 3: signatures exist, and the file must only ever be appended to.
  pdf.catalog.set(PDFName.of('AcroForm'), context.obj({ SigFlags: 3, Fields: [widget] }));
}

/** Detached CMS SignedData, SHA-256, with the attributes Acrobat and pdfsig expect, in DER order. */
class EngineerCmsSigner extends Signer {
  constructor(private readonly signer: { readonly certificateDer: Buffer; readonly privateKeyDer: Buffer }) {
    super();
  }

  override async sign(content: Buffer, signingTime?: Date): Promise<Buffer> {
    const certificate = forge.pki.certificateFromAsn1(forge.asn1.fromDer(forge.util.createBuffer(this.signer.certificateDer.toString('binary'))));
    // forge keeps a parsed UTF8String as its raw bytes but UTF-8-encodes it again when it
    // writes the signer's issuer name, which would then name no certificate (a Japanese CN
    // would come out garbled). Decoding it first makes the round trip exact; the
    // certificate itself is embedded from its original bytes.
    for (const attribute of certificate.issuer.attributes) {
      // (@types/node-forge types valueTagClass as an ASN.1 class; forge stores the tag number.)
      if (Number(attribute.valueTagClass) === forge.asn1.Type.UTF8 && typeof attribute.value === 'string') attribute.value = forge.util.decodeUtf8(attribute.value);
    }
    const cms = forge.pkcs7.createSignedData();
    cms.content = forge.util.createBuffer(content.toString('binary'));
    cms.addCertificate(certificate);
    cms.addSigner({
      key: forgeSigningKey(privateKeyFromPkcs8(this.signer.privateKeyDer)),
      certificate,
      digestAlgorithm: forge.pki.oids.sha256 as string,
      authenticatedAttributes: [
        { type: forge.pki.oids.contentType as string, value: forge.pki.oids.data as string },
        { type: forge.pki.oids.signingTime as string, value: (signingTime ?? new Date()) as unknown as string },
        { type: forge.pki.oids.messageDigest as string },
      ],
    });
    cms.sign({ detached: true });
    return Buffer.from(forge.asn1.toDer(cms.toAsn1()).getBytes(), 'binary');
  }
}

/** Signs a PDF saved with a placeholder; returns the signed file. */
export function signPdf(unsigned: Buffer, signer: { readonly certificateDer: Buffer; readonly privateKeyDer: Buffer }, signingTime: Date): Promise<Buffer> {
  return new SignPdf().sign(unsigned, new EngineerCmsSigner(signer), signingTime);
}
