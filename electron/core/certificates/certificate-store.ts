/**
 * Issued certificates kept in the vault (10-1; threat model: certificates "must not be
 * silently edited"): the signed PDF and the evidence JSON exactly as issued, inside the
 * encrypted database, so that a lost copy can be handed out again and the app can list what
 * was issued. Rows are never updated (a trigger refuses it).
 */
import { randomUUID } from 'node:crypto';
import type { VaultDatabase } from '../../db/open-vault-database';
import type { Bilingual, CertificateKind } from './certificate-document';

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
}

export interface StoredCertificate extends StoredCertificateSummary {
  readonly pdf: Buffer;
  readonly evidenceJson: string;
}

/** What the issuer hands over: a stored certificate before the store gives it an id and a time. */
export type CertificateToStore = Omit<StoredCertificate, 'id' | 'storedAt' | 'companyCertified'>;

const SUMMARY_COLUMNS = `id, number, kind, issued_at AS issuedAt, title_ja AS titleJa, title_en AS titleEn,
  signer_fingerprint AS signerFingerprint, evidence_sha256 AS evidenceSha256, stored_at AS storedAt,
  (SELECT chain IS NOT NULL FROM engineer_certificates e WHERE e.fingerprint = certificates.signer_fingerprint) AS companyCertified`;

interface SummaryRow extends Omit<StoredCertificateSummary, 'title' | 'companyCertified'> {
  readonly titleJa: string;
  readonly titleEn: string;
  readonly companyCertified: number;
}

function summary({ titleJa, titleEn, companyCertified, ...row }: SummaryRow): StoredCertificateSummary {
  return { ...row, title: { ja: titleJa, en: titleEn }, companyCertified: companyCertified === 1 };
}

/** Stores an issued certificate; returns its id. The signer's certificate must be the vault's (engineer_certificates). */
export function storeCertificate(db: VaultDatabase, certificate: CertificateToStore, now: Date): string {
  const id = randomUUID();
  db.prepare(
    `INSERT INTO certificates (id, number, kind, issued_at, title_ja, title_en, signer_fingerprint, evidence_sha256, evidence_json, pdf, stored_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
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
  return rows.map(summary);
}

export function getCertificate(db: VaultDatabase, id: string): StoredCertificate | null {
  const row = db.prepare(`SELECT ${SUMMARY_COLUMNS}, pdf, evidence_json AS evidenceJson FROM certificates WHERE id = ?`).get(id) as
    | (SummaryRow & { pdf: Buffer; evidenceJson: string })
    | undefined;
  if (!row) return null;
  const { pdf, evidenceJson, ...rest } = row;
  return { ...summary(rest), pdf, evidenceJson };
}
