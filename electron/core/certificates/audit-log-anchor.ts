/**
 * The audit log's position in every signed document (issue 17): the sequence and hash of the
 * log's last entry when the document was issued, in its signed facts and on its page. Each site
 * then holds an anchor of the engineer's log that nobody can move afterwards; `fieldguard audit
 * verify --anchor DOC.pdf` checks that the log still holds that entry unchanged. A log cut back
 * or rewritten after the document was issued no longer does.
 */
import type { JsonObject } from './canonical-json';
import type { CertificateDocument, CertificateSection } from './certificate-document';

/** The key under the document's facts (facts are free-form per kind, so older verifiers read it too). */
export const AUDIT_ANCHOR_FACT = 'auditLogHead';

export interface AuditLogHead {
  readonly seq: number;
  readonly sha256: string;
}

function anchorSection(head: AuditLogHead): CertificateSection {
  return {
    heading: { ja: '監査ログの位置', en: 'Audit log position' },
    rows: [
      { label: { ja: '発行時の最新の記録', en: 'Latest entry when issued' }, value: `#${head.seq}` },
      { label: { ja: 'その記録のハッシュ（SHA-256）', en: 'Its hash (SHA-256)' }, value: head.sha256 },
    ],
    note: {
      ja: '発行した端末の監査ログに、この記録が変わらずに残っていることを fieldguard audit verify --anchor（この文書）で確かめられます。',
      en: 'fieldguard audit verify --anchor (this document) checks that the issuing laptop’s audit log still holds this entry unchanged.',
    },
  };
}

/** The document and facts with the log's position added; unchanged when the log is empty. */
export function withAuditAnchor(
  built: { document: CertificateDocument; facts: JsonObject },
  head: { seq: number; hash: string } | null,
): { document: CertificateDocument; facts: JsonObject } {
  if (head === null) return built;
  const anchor: AuditLogHead = { seq: head.seq, sha256: head.hash };
  return {
    document: { ...built.document, sections: [...built.document.sections, anchorSection(anchor)] },
    facts: { ...built.facts, [AUDIT_ANCHOR_FACT]: { seq: anchor.seq, sha256: anchor.sha256 } },
  };
}

/** The anchor a document's signed facts carry, or null (a document from before anchors, or of another shape). */
export function auditAnchorOf(facts: Readonly<Record<string, unknown>>): AuditLogHead | null {
  const value = facts[AUDIT_ANCHOR_FACT] as { seq?: unknown; sha256?: unknown } | undefined;
  if (!value || typeof value !== 'object') return null;
  if (typeof value.seq !== 'number' || !Number.isInteger(value.seq) || value.seq < 1) return null;
  if (typeof value.sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(value.sha256)) return null;
  return { seq: value.seq, sha256: value.sha256 };
}
