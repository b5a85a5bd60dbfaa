/**
 * What every FieldGuard certificate and report is made of (10-1 erasure certificates, 10-5
 * sanitization reports, the self-check and visit reports, the inventory): a bilingual
 * document to render — Japanese first, for the site, with English captions for auditors —
 * and the evidence behind it, a JSON payload that is signed, hashed and embedded in the PDF
 * (docs/decisions.md, "Evidence and certificates"). Times are ISO-8601 UTC here and shown in JST.
 */
import { certificateKinds } from '../../shared/certificates';
import type { JsonObject } from './canonical-json';

// Declared with the IPC contract, so that screens can list and translate them.
export { certificateKinds };
export type CertificateKind = (typeof certificateKinds)[number];

export interface Bilingual {
  readonly ja: string;
  readonly en: string;
}

export interface CertificateRow {
  readonly label: Bilingual;
  readonly value: string;
}

export interface CertificateTable {
  readonly columns: readonly Bilingual[];
  readonly rows: readonly (readonly string[])[];
  /** Relative column widths; by default they follow the content. */
  readonly widths?: readonly number[];
}

export interface CertificateSection {
  readonly heading: Bilingual;
  readonly rows?: readonly CertificateRow[];
  readonly table?: CertificateTable;
  readonly note?: Bilingual;
}

export interface SignatureLine {
  readonly label: Bilingual;
  /** A drawn signature (e.g. the site administrator's countersignature) as PNG bytes. */
  readonly image?: Uint8Array;
}

/** What the QR code repeats from the page, besides number, kind, date and evidence hash (issue 13). */
export interface PrintedSummary {
  readonly site?: string;
  readonly status?: string;
  readonly counts?: Readonly<Record<string, number>>;
}

export interface CertificateDocument {
  readonly kind: CertificateKind;
  /** From `nextCertificateNumber`, e.g. E-20417-ER-2026-000001. */
  readonly number: string;
  /** ISO-8601 UTC; shown in JST. */
  readonly issuedAt: string;
  readonly title: Bilingual;
  readonly sections: readonly CertificateSection[];
  readonly signatureLines?: readonly SignatureLine[];
  readonly summary?: PrintedSummary;
}

/** How every certificate names the engineer who did the work: name, title, company and employee id. */
export function performerText(engineer: {
  readonly name: string;
  readonly title: string;
  readonly company: string;
  readonly employeeId: string;
}): string {
  return `${engineer.name}${engineer.title ? `（${engineer.title}）` : ''} ${engineer.company} 社員番号 ${engineer.employeeId}`;
}

/** The engineer who issued a certificate, as the signing certificate names them. (Types, not interfaces: they must fit JsonValue.) */
export type CertificateIssuer = {
  readonly name: string;
  readonly company: string;
  readonly employeeId: string;
};

/**
 * The signed facts. `facts` is the kind's own record (for erasure: the NIST SP 800-88 fields
 * of each medium and item); the rendered document is only a view of it.
 */
export type EvidencePayload = {
  readonly kind: CertificateKind;
  readonly number: string;
  readonly issuedAt: string;
  readonly issuer: CertificateIssuer;
  readonly facts: JsonObject;
};

/** The evidence payload of a document: its kind, number and time, with the issuer and the facts. */
export function evidencePayloadFor(document: CertificateDocument, issuer: CertificateIssuer, facts: JsonObject): EvidencePayload {
  return { kind: document.kind, number: document.number, issuedAt: document.issuedAt, issuer, facts };
}
