/**
 * The PDF signature of a certificate (10-1; issue 13): a PAdES baseline signature (ETSI EN
 * 319 142-1, SubFilter ETSI.CAdES.detached) over the whole file but its own /Contents, made
 * with the engineer's key and carrying the chain up to the company root, so that Acrobat,
 * `pdfsig` with the company root in its NSS database, and `fieldguard verify` all reach the
 * same answer. The claimed signing time is /M (the laptop's clock); a timestamp token, when
 * a timestamp authority answered, travels inside the CMS.
 *
 * The placeholder is written here rather than with `@signpdf/placeholder-pdf-lib`, which
 * writes /Name, /Reason and /Location as byte strings and so garbles Japanese; these are
 * UTF-16 text strings. `@signpdf/signpdf` fills in /ByteRange and /Contents; the CMS comes
 * from cms-signature.ts. pdf-lib cannot save incrementally: everything goes into the PDF
 * before the placeholder, and nothing may load and re-save it after signing (a document
 * timestamp is appended by document-timestamp.ts as an incremental update).
 */
import { PDFHexString, PDFInvalidObject, PDFName, PDFString, type PDFDocument, type PDFPage } from 'pdf-lib';
import { SignPdf, Signer } from '@signpdf/signpdf';
import { signDetachedCms, type CmsSigner, type TimestampSource } from './cms-signature';

/** Hex characters reserved for the CMS: an RSA-3072 signature with a chain of two needs about 5,000, a timestamp token with its TSA chain about 10,000 more. */
export const SIGNATURE_HEX_LENGTH = 32768;
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
    SubFilter: 'ETSI.CAdES.detached',
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

/** @signpdf's signer interface over cms-signature.ts. */
class PadesCmsSigner extends Signer {
  constructor(
    private readonly signer: CmsSigner,
    private readonly timestamp: TimestampSource | undefined,
  ) {
    super();
  }

  override sign(content: Buffer): Promise<Buffer> {
    return signDetachedCms(content, this.signer, this.timestamp);
  }
}

/** Signs a PDF saved with a placeholder; returns the signed file. */
export function signPdf(unsigned: Buffer, signer: CmsSigner, timestamp?: TimestampSource): Promise<Buffer> {
  return new SignPdf().sign(unsigned, new PadesCmsSigner(signer, timestamp));
}
