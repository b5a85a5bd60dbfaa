/**
 * Migration 0014 (visit references, issue 18) on a vault at schema 13 with certificates in it,
 * in a real SQLCipher file: each certificate gains the visit it was issued for, copied from its
 * own signed facts — a visit report's run reference, an erasure certificate's typed work order
 * — and nothing for a kind that names no visit or a reference that is blank or missing. The
 * signed evidence JSON and the PDF stay byte for byte as issued, the visit's report is then found
 * by the column, and an issued certificate still refuses every edit but a longer PDF — now
 * including its visit reference.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { certificateForVisit, getCertificate, storeCertificate } from '../../electron/core/certificates/certificate-store';
import { migrate } from '../../electron/db/migrate';
import { migrations } from '../../electron/db/migrations/index';
import type { VaultDatabase } from '../../electron/db/open-vault-database';
import { scratchVaultDatabase, type ScratchDatabase } from '../support/scratch-database';

const T = '2026-11-26T01:00:00.000Z';
const SIGNER = 'a'.repeat(64);

/** Evidence as `signed-evidence.ts` writes it (format, payload with kind and facts, signature), spacing kept odd on purpose: it must survive untouched. */
const evidence = (facts: object) =>
  `{"format":"fieldguard-evidence/2", "payload":{"facts":${JSON.stringify(facts)},"kind":"x"},"signature":{"value":"QUJD"}}`;

const issued = [
  { id: 'visit-report', kind: 'visit', evidence: evidence({ procedure: { reference: 'V-20261126-01', templateId: 'maintenance-visit' } }) },
  { id: 'visit-other', kind: 'visit', evidence: evidence({ procedure: { reference: 'D-20261127-02' } }) },
  { id: 'erasure-typed', kind: 'erasure', evidence: evidence({ site: { hospital: '東都病院', reference: 'WO-7781' }, cryptoErase: [] }) },
  { id: 'erasure-blank', kind: 'erasure', evidence: evidence({ site: { hospital: '東都病院', reference: '' } }) },
  { id: 'sanitization', kind: 'sanitization', evidence: evidence({ procedure: { reference: 'V-20261126-01' } }) },
  { id: 'visit-no-reference', kind: 'visit', evidence: evidence({ procedure: { reference: 42 } }) },
] as const;

let scratch: ScratchDatabase;
let db: VaultDatabase;
let before: Map<string, { evidence_json: string; pdf: Buffer }>;

beforeAll(async () => {
  scratch = await scratchVaultDatabase('fieldguard-migration-0014-', { migrations: migrations.filter((m) => m.version <= 13) });
  db = scratch.db;
  db.prepare(
    `INSERT INTO engineer_certificates (fingerprint, public_key_sha256, der, name, company, employee_id, not_before, not_after, created_at)
     VALUES (?, ?, ?, '山田 太郎', '東都メディカル', 'E-20417', ?, ?, ?)`,
  ).run(SIGNER, 'b'.repeat(64), randomBytes(600), T, T, T);
  const insert = db.prepare(
    `INSERT INTO certificates (id, number, kind, issued_at, title_ja, title_en, signer_fingerprint, evidence_sha256, evidence_json, pdf, stored_at)
     VALUES (?, ?, ?, ?, '報告書', 'Report', ?, ?, ?, ?, ?)`,
  );
  issued.forEach((c, i) => insert.run(c.id, `E-20417-${i}`, c.kind, T, SIGNER, 'c'.repeat(64), c.evidence, randomBytes(1500), T));
  before = new Map(
    db
      .prepare('SELECT id, evidence_json, pdf FROM certificates')
      .all()
      .map((r) => {
        const row = r as { id: string; evidence_json: string; pdf: Buffer };
        return [row.id, { evidence_json: row.evidence_json, pdf: row.pdf }];
      }),
  );
  expect(
    migrate(
      db,
      migrations.filter((m) => m.version <= 14),
    ),
  ).toBe(14);
});
afterAll(async () => {
  await scratch.close();
});

const referenceOf = (id: string) => db.prepare('SELECT visit_reference FROM certificates WHERE id = ?').pluck().get(id);

describe('migration 0014 (visit references)', () => {
  it('copies each certificate’s visit from its signed facts, and leaves the rest empty', () => {
    expect(Object.fromEntries(issued.map((c) => [c.id, referenceOf(c.id)]))).toEqual({
      'visit-report': 'V-20261126-01',
      'visit-other': 'D-20261127-02',
      'erasure-typed': 'WO-7781',
      'erasure-blank': null,
      sanitization: null,
      'visit-no-reference': null,
    });
  });

  it('keeps the signed evidence JSON and the PDF exactly as issued', () => {
    for (const [id, row] of before) {
      const now = getCertificate(db, id);
      expect(now?.evidenceJson, id).toBe(row.evidence_json);
      expect(now?.pdf.equals(row.pdf), id).toBe(true);
    }
  });

  it('finds a visit’s report by the column, and no report for a visit that has none', () => {
    expect(certificateForVisit(db, 'visit', 'V-20261126-01')).toEqual({ id: 'visit-report', number: 'E-20417-0' });
    expect(certificateForVisit(db, 'erasure', 'WO-7781')).toEqual({ id: 'erasure-typed', number: 'E-20417-2' });
    expect(certificateForVisit(db, 'visit', 'WO-7781')).toBeNull();
    expect(certificateForVisit(db, 'visit', 'V-20261201-01')).toBeNull();
  });

  it('still refuses any edit of an issued certificate, its visit reference included, but lets a PDF grow', () => {
    expect(() => db.prepare("UPDATE certificates SET visit_reference = 'V-other' WHERE id = 'visit-report'").run()).toThrow(/immutable/);
    expect(() => db.prepare("UPDATE certificates SET visit_reference = 'V-new' WHERE id = 'sanitization'").run()).toThrow(/immutable/);
    expect(() => db.prepare("UPDATE certificates SET evidence_json = '{}' WHERE id = 'visit-report'").run()).toThrow(/immutable/);
    const pdf = before.get('visit-report')!.pdf;
    db.prepare("UPDATE certificates SET pdf = ? WHERE id = 'visit-report'").run(Buffer.concat([pdf, Buffer.from('%%timestamp')]));
    expect(getCertificate(db, 'visit-report')?.pdf.length).toBe(pdf.length + 11);
  });

  it('stores the visit of a newly issued certificate, and none for a blank reference', () => {
    const base = {
      kind: 'visit' as const,
      issuedAt: T,
      title: { ja: '報告書', en: 'Report' },
      signerFingerprint: SIGNER,
      evidenceSha256: 'd'.repeat(64),
      pdf: randomBytes(100),
    };
    const id = storeCertificate(
      db,
      {
        ...base,
        number: 'E-20417-new',
        evidenceJson: evidence({ procedure: { reference: 'V-20261201-01' } }),
        visitReference: 'V-20261201-01',
      },
      new Date(T),
    );
    const blank = storeCertificate(
      db,
      { ...base, kind: 'erasure', number: 'E-20417-blank', evidenceJson: evidence({ site: { reference: '' } }), visitReference: '' },
      new Date(T),
    );
    expect(certificateForVisit(db, 'visit', 'V-20261201-01')).toEqual({ id, number: 'E-20417-new' });
    expect(referenceOf(blank)).toBeNull();
  });
});
