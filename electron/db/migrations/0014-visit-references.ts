/**
 * A visit's certificates found by a column, not by reading signed JSON (issue 18): each
 * certificate gains `visit_reference`, the visit or work-order reference it was issued for —
 * for a visit report the run's reference (`facts.procedure.reference`), for an erasure
 * certificate the reference the engineer typed (`facts.site.reference`, when not blank); NULL
 * for the other kinds. It is a copy for lookup: the signed evidence JSON stays byte for byte as
 * it was signed and remains what a verifier reads.
 *
 * Rows issued before this migration are filled from their own evidence JSON. Issued
 * certificates are immutable (0010's trigger refuses any UPDATE that does not extend the PDF),
 * so the trigger is dropped for the backfill and made again, now also refusing a change of
 * the new column once issued. Vault items keep no such column: erasing an item deletes its
 * row (the cryptographic erase), so only the audit log can still say which items a visit's
 * folder ever held, and the visit checks keep asking it (through `audit-log.ts`).
 */
import type { Migration } from '../migrate';

export const migration0014VisitReferences: Migration = {
  version: 14,
  name: 'visit-references',
  up(db) {
    db.exec(`
      ALTER TABLE certificates ADD COLUMN visit_reference TEXT CHECK (visit_reference IS NULL OR length(visit_reference) > 0);

      DROP TRIGGER certificates_immutable;
      UPDATE certificates SET visit_reference = json_extract(evidence_json, '$.payload.facts.procedure.reference')
        WHERE kind = 'visit' AND json_type(evidence_json, '$.payload.facts.procedure.reference') = 'text'
          AND length(json_extract(evidence_json, '$.payload.facts.procedure.reference')) > 0;
      UPDATE certificates SET visit_reference = trim(json_extract(evidence_json, '$.payload.facts.site.reference'))
        WHERE kind = 'erasure' AND json_type(evidence_json, '$.payload.facts.site.reference') = 'text'
          AND length(trim(json_extract(evidence_json, '$.payload.facts.site.reference'))) > 0;
      CREATE TRIGGER certificates_immutable BEFORE UPDATE ON certificates
        WHEN NEW.id IS NOT OLD.id OR NEW.number IS NOT OLD.number OR NEW.kind IS NOT OLD.kind OR NEW.issued_at IS NOT OLD.issued_at
          OR NEW.title_ja IS NOT OLD.title_ja OR NEW.title_en IS NOT OLD.title_en OR NEW.signer_fingerprint IS NOT OLD.signer_fingerprint
          OR NEW.evidence_sha256 IS NOT OLD.evidence_sha256 OR NEW.evidence_json IS NOT OLD.evidence_json OR NEW.stored_at IS NOT OLD.stored_at
          OR NEW.visit_reference IS NOT OLD.visit_reference
          OR length(NEW.pdf) <= length(OLD.pdf) OR substr(NEW.pdf, 1, length(OLD.pdf)) IS NOT OLD.pdf
        BEGIN SELECT RAISE(ABORT, 'issued certificates are immutable; a PDF may only be extended by an incremental update'); END;

      CREATE INDEX certificates_visit ON certificates (visit_reference, kind, issued_at) WHERE visit_reference IS NOT NULL;
    `);
  },
};
