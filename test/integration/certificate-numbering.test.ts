/**
 * What the vault keeps for certificates (10-1), on real SQLCipher files: numbers run on per
 * engineer, kind and year and survive reopening the vault; the engineer's X.509 certificate
 * is made once and says who they are; issued certificates come back as issued and cannot be
 * edited in place.
 */
import { createPrivateKey, randomBytes, X509Certificate } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nextCertificateNumber, numberingEmployeeId } from '../../electron/core/certificates/certificate-numbering';
import { getCertificate, listCertificates, storeCertificate } from '../../electron/core/certificates/certificate-store';
import { engineerCertificate } from '../../electron/core/certificates/engineer-certificate';
import { issueCertificate } from '../../electron/core/certificates/issue-certificate';
import { verifyCertificate } from '../../electron/core/certificates/verify-certificate';
import { migrate } from '../../electron/db/migrate';
import { openVaultDatabase, type VaultDatabase } from '../../electron/db/open-vault-database';
import { createEngineer, YAMADA, type TestEngineer } from '../fixtures/certificates/engineers';
import { sampleErasureDocument, sampleErasureFacts } from '../fixtures/certificates/sample-erasure';

const NOW = new Date('2026-11-26T05:00:00.000Z');

let dir: string;
let engineer: TestEngineer;
let db: VaultDatabase;

function reopen(): VaultDatabase {
  db.close();
  db = openVaultDatabase(engineer.file, engineer.dbKey, { create: false });
  migrate(db);
  return db;
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'fieldguard-certificate-store-'));
  engineer = await createEngineer(dir, YAMADA, NOW);
  db = engineer.db;
});

afterAll(() => {
  if (db.open) db.close();
  engineer.credentials.privateKeyDer.fill(0);
  rmSync(dir, { recursive: true, force: true });
});

describe('certificate numbers', () => {
  /** The number without its random part, which keeps numbers apart across vaults. */
  function counted(number: string): string {
    const match = /^(.*)-([0-9A-HJKMNP-TV-Z]{6})$/.exec(number);
    if (!match) throw new Error(`no random part in ${number}`);
    return match[1] as string;
  }

  it('run on per engineer and kind, and survive reopening the vault', () => {
    expect(counted(nextCertificateNumber(db, 'erasure', 'E-20417', NOW))).toBe('E-20417-ER-2026-000001');
    expect(counted(nextCertificateNumber(db, 'erasure', 'E-20417', NOW))).toBe('E-20417-ER-2026-000002');
    expect(counted(nextCertificateNumber(db, 'sanitization', 'E-20417', NOW))).toBe('E-20417-SN-2026-000001');
    expect(counted(nextCertificateNumber(db, 'erasure', 'W-00981', NOW))).toBe('W-00981-ER-2026-000001');
    reopen();
    expect(counted(nextCertificateNumber(db, 'erasure', 'E-20417', NOW))).toBe('E-20417-ER-2026-000003');
    expect(counted(nextCertificateNumber(db, 'self-check', 'E-20417', NOW))).toBe('E-20417-SC-2026-000001');
    expect(counted(nextCertificateNumber(db, 'visit', 'E-20417', NOW))).toBe('E-20417-VR-2026-000001');
    expect(counted(nextCertificateNumber(db, 'inventory', 'E-20417', NOW))).toBe('E-20417-IN-2026-000001');
  });

  it('start again each year, counted in Japan time', () => {
    // 2026-12-31 15:00 UTC is already 2027-01-01 00:00 in Japan.
    expect(counted(nextCertificateNumber(db, 'erasure', 'E-20417', new Date('2026-12-31T14:59:59.000Z')))).toBe('E-20417-ER-2026-000004');
    expect(counted(nextCertificateNumber(db, 'erasure', 'E-20417', new Date('2026-12-31T15:00:00.000Z')))).toBe('E-20417-ER-2027-000001');
  });

  it('are never handed out twice, even when taken many times in a row', () => {
    const numbers = Array.from({ length: 200 }, () => nextCertificateNumber(db, 'visit', 'X-1', NOW));
    expect(new Set(numbers).size).toBe(200);
    expect(counted(numbers.at(-1)!)).toBe('X-1-VR-2026-000200');
  });

  it('differ between two vaults of engineers given the same employee number', () => {
    const other = openVaultDatabase(path.join(dir, 'second-vault.db'), randomBytes(32), { create: true });
    migrate(other);
    const here = Array.from({ length: 20 }, () => nextCertificateNumber(db, 'ledger', 'E-99999', NOW));
    const there = Array.from({ length: 20 }, () => nextCertificateNumber(other, 'ledger', 'E-99999', NOW));
    other.close();
    expect(here.map(counted)).toEqual(there.map(counted));
    expect(here.filter((number) => there.includes(number))).toEqual([]);
  });

  it('write the employee id in one form, whatever width or case it was typed in', () => {
    expect(numberingEmployeeId('ｅ－２０４１７')).toBe('E-20417');
    expect(numberingEmployeeId(' ab 12_3 ')).toBe('AB-12-3');
    expect(() => numberingEmployeeId('山田')).toThrow();
  });
});

describe("the engineer's signing certificate", () => {
  it('names the engineer, is valid for ten years for signing only, and belongs to the vault key', () => {
    const certificate = new X509Certificate(engineer.credentials.certificateDer);
    expect(certificate.subject).toContain('CN=山田 太郎');
    expect(certificate.subject).toContain('O=東都メディカル株式会社');
    expect(certificate.subject).toContain('serialNumber=E-20417');
    expect(certificate.issuer).toBe(certificate.subject);
    expect(certificate.ca).toBe(false);
    expect(certificate.keyUsage).toEqual(expect.arrayContaining(['1.3.6.1.5.5.7.3.4', '1.3.6.1.5.5.7.3.36']));
    const years = (Date.parse(certificate.validTo) - Date.parse(certificate.validFrom)) / (365.25 * 24 * 3600 * 1000);
    expect(years).toBeCloseTo(10, 1);
    expect(Date.parse(certificate.validFrom)).toBeLessThanOrEqual(NOW.getTime());
    expect(certificate.checkPrivateKey(createPrivateKey({ key: engineer.credentials.privateKeyDer, format: 'der', type: 'pkcs8' }))).toBe(
      true,
    );
    expect(certificate.fingerprint256.replaceAll(':', '').toLowerCase()).toBe(engineer.credentials.fingerprint);
  });

  it('is made once: the same certificate comes back later and after reopening the vault', async () => {
    const again = await engineerCertificate(reopen(), engineer.signingWrap, YAMADA, new Date('2030-01-01T00:00:00.000Z'));
    expect(again.fingerprint).toBe(engineer.credentials.fingerprint);
    expect(again.certificateDer.equals(engineer.credentials.certificateDer)).toBe(true);
    again.privateKeyDer.fill(0);
  });

  it('is made anew when the profile changes or the old one nears its end', async () => {
    const renamed = await engineerCertificate(db, engineer.signingWrap, { ...YAMADA, name: '山田 太朗' }, NOW);
    expect(renamed.fingerprint).not.toBe(engineer.credentials.fingerprint);
    expect(new X509Certificate(renamed.certificateDer).subject).toContain('CN=山田 太朗');
    const late = await engineerCertificate(db, engineer.signingWrap, YAMADA, new Date('2036-11-10T00:00:00.000Z'));
    expect(late.fingerprint).not.toBe(engineer.credentials.fingerprint);
    for (const credentials of [renamed, late]) credentials.privateKeyDer.fill(0);
  });

  it('cannot be had with the wrong wrapping key', async () => {
    await expect(engineerCertificate(db, Buffer.alloc(32, 7), YAMADA, NOW)).rejects.toThrow();
  });
});

describe('issued certificates in the vault', () => {
  it('come back exactly as issued, still verifying, newest first, and cannot be edited in place', async () => {
    const ids: string[] = [];
    // Both after the engineer's certificate was made: a document dated before its signer's certificate existed is not genuine.
    for (const [i, issuedAt] of ['2026-11-27T01:00:00.000Z', '2026-11-28T01:00:00.000Z'].entries()) {
      const number = nextCertificateNumber(db, 'erasure', YAMADA.employeeId, new Date(issuedAt));
      const issued = await issueCertificate(
        sampleErasureDocument(number, issuedAt, { countersign: i === 0 }),
        sampleErasureFacts(),
        engineer.credentials,
      );
      ids.push(
        storeCertificate(
          db,
          {
            number,
            kind: 'erasure',
            issuedAt,
            title: { ja: 'データ消去証明書', en: 'Data Erasure Certificate' },
            signerFingerprint: engineer.credentials.fingerprint,
            evidenceSha256: issued.evidenceSha256,
            evidenceJson: issued.evidenceJson,
            pdf: issued.pdf,
          },
          NOW,
        ),
      );
    }
    reopen();
    const list = listCertificates(db);
    expect(list.map((c) => c.id)).toEqual([ids[1], ids[0]]);
    expect(list[0]).toMatchObject({
      kind: 'erasure',
      title: { ja: 'データ消去証明書', en: 'Data Erasure Certificate' },
      signerFingerprint: engineer.credentials.fingerprint,
    });
    expect(list[0]).not.toHaveProperty('pdf');
    expect(listCertificates(db, { kind: 'visit' })).toEqual([]);

    const stored = getCertificate(db, ids[0]!);
    expect(stored?.number).toBe(list[1]?.number);
    const result = await verifyCertificate(stored!.pdf);
    expect(result.status).toBe('issuer-unconfirmed');
    expect(result.number).toBe(stored?.number);
    expect(list[0]?.companyCertified).toBe(false);
    expect((await verifyCertificate(Buffer.from(stored!.evidenceJson))).status).toBe('issuer-unconfirmed');

    expect(() => db.prepare("UPDATE certificates SET evidence_json = '{}' WHERE id = ?").run(ids[0])).toThrow(/immutable/);
    // Only an incremental update (a document timestamp) may extend the stored PDF; nothing may shorten or rewrite it.
    expect(() => db.prepare('UPDATE certificates SET pdf = ? WHERE id = ?').run(Buffer.from('%PDF-forged'), ids[0])).toThrow(/immutable/);
    expect(() =>
      db.prepare('UPDATE certificates SET pdf = ? WHERE id = ?').run(Buffer.concat([stored!.pdf.subarray(1), Buffer.from('xx')]), ids[0]),
    ).toThrow(/immutable/);
    expect(() =>
      db.prepare('UPDATE certificates SET pdf = ? WHERE id = ?').run(Buffer.concat([stored!.pdf, Buffer.from('\n%appended')]), ids[0]),
    ).not.toThrow();
    expect(() => storeCertificate(db, { ...stored!, signerFingerprint: engineer.credentials.fingerprint }, NOW)).toThrow(/UNIQUE/);
    expect(getCertificate(db, 'no-such-id')).toBeNull();
  });
});
