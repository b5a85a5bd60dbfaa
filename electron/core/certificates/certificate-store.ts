/**
 * Issued certificates kept in the vault (10-1; threat model: certificates "must not be
 * silently edited"): the signed PDF and the evidence JSON exactly as issued, inside the
 * encrypted database, so that a lost copy can be handed out again and the app can list what
 * was issued. Rows are never updated (a trigger refuses it).
 */
import { randomUUID } from 'node:crypto';
import type { VaultDatabase } from '../../db/open-vault-database';
import type { Bilingual, CertificateKind } from './certificate-document';
import { isCompanyCertificate } from './engineer-certificate';

export interface StoredCertificateSummary {
  readonly id: string;
  readonly number: string;
  readonly kind: CertificateKind;
  readonly issuedAt: string;
  readonly title: Bilingual;
  readonly signerFingerprint: string;
  readonly evidenceSha256: string;
  readonly storedAt: string;
  /** Signed with a company certificate; false is shown as 「会社の認証なし」. */
  readonly companyCertified: boolean;
  /** The site the certificate's own signed facts name (erasure certificates, visit reports); null for the kinds that name none. */
  readonly site: string | null;
  /** The visit or work-order reference it was issued for (migration 0014); null when none. */
  readonly visitReference: string | null;
}

export interface StoredCertificate extends StoredCertificateSummary {
  readonly pdf: Buffer;
  readonly evidenceJson: string;
}

/**
 * What the issuer hands over: a stored certificate before the store gives it an id and a time,
 * and the visit it was issued for — a copy of the reference inside the signed facts, kept in its
 * own column so that a visit's certificates are found without reading signed JSON.
 */
export type CertificateToStore = Omit<StoredCertificate, 'id' | 'storedAt' | 'companyCertified' | 'site' | 'visitReference'> & {
  readonly visitReference?: string | null;
};

/**
 * The site as the certificate itself names it, read from its signed facts (the hospital and
 * department an erasure was done for; a visit report's site; the site a sanitization report's
 * files are handed over to): what the engineer searches by is then exactly what the document
 * says. The other kinds name no site.
 */
const SITE_COLUMN = `NULLIF(trim(CASE kind
    WHEN 'erasure' THEN coalesce(json_extract(evidence_json, '$.payload.facts.site.hospital'), '') || ' ' || coalesce(json_extract(evidence_json, '$.payload.facts.site.department'), '')
    WHEN 'visit' THEN coalesce(json_extract(evidence_json, '$.payload.facts.procedure.site.name'), '') || ' ' || coalesce(json_extract(evidence_json, '$.payload.facts.procedure.site.department'), '')
    WHEN 'sanitization' THEN coalesce(json_extract(evidence_json, '$.payload.facts.signOff.recipient.hospital'), '') || ' ' || coalesce(json_extract(evidence_json, '$.payload.facts.signOff.recipient.department'), '')
  END), '')`;

const SUMMARY_COLUMNS = `id, number, kind, issued_at AS issuedAt, title_ja AS titleJa, title_en AS titleEn,
  signer_fingerprint AS signerFingerprint, evidence_sha256 AS evidenceSha256, stored_at AS storedAt,
  visit_reference AS visitReference, ${SITE_COLUMN} AS site`;

interface SummaryRow extends Omit<StoredCertificateSummary, 'title' | 'companyCertified'> {
  readonly titleJa: string;
  readonly titleEn: string;
}

function summary(db: VaultDatabase, { titleJa, titleEn, ...row }: SummaryRow): StoredCertificateSummary {
  return { ...row, title: { ja: titleJa, en: titleEn }, companyCertified: isCompanyCertificate(db, row.signerFingerprint) };
}

/** Stores an issued certificate; returns its id. The signer's certificate must be the vault's (engineer_certificates). */
export function storeCertificate(db: VaultDatabase, certificate: CertificateToStore, now: Date): string {
  const id = randomUUID();
  db.prepare(
    `INSERT INTO certificates (id, number, kind, issued_at, title_ja, title_en, signer_fingerprint, evidence_sha256, evidence_json, pdf, stored_at, visit_reference)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    id,
    certificate.number,
    certificate.kind,
    certificate.issuedAt,
    certificate.title.ja,
    certificate.title.en,
    certificate.signerFingerprint,
    certificate.evidenceSha256,
    certificate.evidenceJson,
    certificate.pdf,
    now.toISOString(),
    certificate.visitReference || null,
  );
  return id;
}

/** Newest first, without the PDF and JSON. */
export function listCertificates(db: VaultDatabase, filter: { readonly kind?: CertificateKind } = {}): StoredCertificateSummary[] {
  const rows = (
    filter.kind
      ? db.prepare(`SELECT ${SUMMARY_COLUMNS} FROM certificates WHERE kind = ? ORDER BY issued_at DESC, number DESC`).all(filter.kind)
      : db.prepare(`SELECT ${SUMMARY_COLUMNS} FROM certificates ORDER BY issued_at DESC, number DESC`).all()
  ) as SummaryRow[];
  return rows.map((row) => summary(db, row));
}

export function getCertificate(db: VaultDatabase, id: string): StoredCertificate | null {
  const row = db.prepare(`SELECT ${SUMMARY_COLUMNS}, pdf, evidence_json AS evidenceJson FROM certificates WHERE id = ?`).get(id) as
    (SummaryRow & { pdf: Buffer; evidenceJson: string }) | undefined;
  if (!row) return null;
  const { pdf, evidenceJson, ...rest } = row;
  return { ...summary(db, rest), pdf, evidenceJson };
}

/** The newest number issued of a kind (the archive's anchor records it), or null when none was. */
export function lastCertificateNumber(db: VaultDatabase, kind: CertificateKind): string | null {
  const row = db.prepare('SELECT number FROM certificates WHERE kind = ? ORDER BY issued_at DESC, number DESC LIMIT 1').get(kind) as
    { number: string } | undefined;
  return row?.number ?? null;
}

/** A certificate's number, for the features that link to one (runs, reports, ledger items); null when there is none. */
export function certificateNumber(db: VaultDatabase, id: string | null): string | null {
  if (id === null) return null;
  const number = db.prepare('SELECT number FROM certificates WHERE id = ?').pluck().get(id) as string | undefined;
  return number ?? null;
}

/** A linked certificate's id and number, when the id names one. */
export function certificateReference(db: VaultDatabase, id: string | null): { certificateId: string; number: string } | null {
  const number = certificateNumber(db, id);
  return id !== null && number !== null ? { certificateId: id, number } : null;
}

/** Certificates of a kind issued at or after a time, oldest first, with their evidence JSON as signed. */
export function certificatesIssuedSince(
  db: VaultDatabase,
  kind: CertificateKind,
  since: string,
): { id: string; number: string; visitReference: string | null; evidenceJson: string }[] {
  return db
    .prepare(
      `SELECT id, number, visit_reference AS visitReference, evidence_json AS evidenceJson FROM certificates
       WHERE kind = ? AND issued_at >= ? ORDER BY issued_at, number`,
    )
    .all(kind, since) as { id: string; number: string; visitReference: string | null; evidenceJson: string }[];
}

/** The first certificate of a kind issued for a visit, found by its visit-reference column. */
export function certificateForVisit(
  db: VaultDatabase,
  kind: CertificateKind,
  visitReference: string,
): { id: string; number: string } | null {
  const row = db
    .prepare('SELECT id, number FROM certificates WHERE kind = ? AND visit_reference = ? ORDER BY issued_at LIMIT 1')
    .get(kind, visitReference) as { id: string; number: string } | undefined;
  return row ?? null;
}

/** Replaces a stored PDF by its incremental update (a document timestamp); the database refuses anything that does not extend it. */
export function extendCertificatePdf(db: VaultDatabase, id: string, pdf: Buffer): void {
  db.prepare('UPDATE certificates SET pdf = ? WHERE id = ?').run(pdf, id);
}
