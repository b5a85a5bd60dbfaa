/**
 * The one builder of FieldGuard's signed reports (self-check, sanitization, inventory, ledger,
 * visit, erasure): the pieces each report's page is made of — a row with its bilingual label,
 * a table's bilingual columns, a value in both languages — and the hand-off to signing, which
 * names the engineer, the kind, the signed facts and the font the same way for every report.
 * Each report module keeps only what it says; the layout (header, footer, QR code, signature
 * lines) is render-certificate-pdf.ts's, for all of them.
 */
import type { VaultSession, Profile } from '../vault/vault-session';
import type { JsonObject } from './canonical-json';
import type { Bilingual, CertificateDocument, CertificateKind, CertificateRow } from './certificate-document';
import { issueVaultCertificate } from './issue-vault-certificate';

/** One row of a section: its label in Japanese and English, and its value. */
export function row(ja: string, en: string, value: string): CertificateRow {
  return { label: { ja, en }, value };
}

/** A table's columns, each as `[ja, en]`. */
export function columns(...names: readonly (readonly [ja: string, en: string])[]): Bilingual[] {
  return names.map(([ja, en]) => ({ ja, en }));
}

/** A value in both languages on one line, Japanese first; once when they are the same. */
export function both(ja: string, en: string): string {
  return ja === en ? ja : `${ja} / ${en}`;
}

/** A report as the renderer takes it: its title and sections under its kind, number and issue time (ISO UTC). */
export function reportDocument(
  kind: CertificateKind,
  number: string,
  issuedAt: Date,
  content: Omit<CertificateDocument, 'kind' | 'number' | 'issuedAt'>,
): CertificateDocument {
  return { kind, number, issuedAt: issuedAt.toISOString(), ...content };
}

/**
 * The signed facts of a report: a stored record (a run, a result, an inventory) that is plain
 * JSON data by construction — it was parsed or built from JSON-shaped types — taken as the
 * evidence payload as it is.
 */
export function signedFacts(facts: Readonly<Record<string, unknown>>): JsonObject {
  return facts as JsonObject;
}

export interface ReportToIssue {
  readonly kind: CertificateKind;
  /** The page, for the number the report is given and the engineer who signs it. */
  readonly document: (number: string, engineer: Profile) => CertificateDocument;
  /** What is signed and embedded (evidence.json); the page is a view of it. */
  readonly facts: () => JsonObject;
  /** Where it was signed (the site), for the PDF signature. */
  readonly location?: string;
  /** The visit it was issued for: kept in the certificate's visit-reference column for lookup (the signed facts stay the proof). */
  readonly visitReference?: string;
}

/** Issues, signs and stores a report with the unlocked vault's engineer; returns its id and number. */
export function issueReport(
  session: VaultSession,
  report: ReportToIssue,
  now: Date,
  fontPath?: string,
): Promise<{ id: string; number: string; evidenceSha256: string }> {
  const engineer = session.profile();
  return issueVaultCertificate(
    session,
    report.kind,
    (number) => ({ document: report.document(number, engineer), facts: report.facts() }),
    now,
    {
      ...(report.location === undefined ? {} : { location: report.location }),
      ...(report.visitReference === undefined ? {} : { visitReference: report.visitReference }),
      ...(fontPath ? { fontPath } : {}),
    },
  );
}
