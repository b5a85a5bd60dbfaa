/**
 * Certificate numbers (10-1): `<employee id>-<kind code>-<year>-<sequence>`, e.g.
 * E-20417-ER-2026-000001 — unique per engineer, kind and year (JST), so numbers never
 * collide between engineers of one company and a gap or a repeat stands out to an auditor.
 * The counter lives in the vault database and is moved in one statement inside a
 * transaction; a number taken for a certificate that then failed to issue stays unused.
 */
import type { VaultDatabase } from '../../db/open-vault-database';
import { DISPLAY_TIME_ZONE } from '../../shared/locale';
import type { CertificateKind } from './certificate-document';

export const certificateKindCodes: Readonly<Record<CertificateKind, string>> = {
  erasure: 'ER',
  'self-check': 'SC',
  sanitization: 'SN',
  visit: 'VR',
  inventory: 'IN',
  ledger: 'LG',
};

/** The employee id as it appears in numbers: NFKC, upper case, only A–Z, 0–9 and single hyphens. */
export function numberingEmployeeId(employeeId: string): string {
  const normalized = employeeId
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (!normalized) throw new Error('the employee id has no letters or digits to number certificates with');
  return normalized;
}

function japanYear(now: Date): number {
  return Number(new Intl.DateTimeFormat('en', { timeZone: DISPLAY_TIME_ZONE, year: 'numeric' }).format(now));
}

export function nextCertificateNumber(db: VaultDatabase, kind: CertificateKind, engineerEmployeeId: string, now: Date): string {
  const employee = numberingEmployeeId(engineerEmployeeId);
  const year = japanYear(now);
  const next = db.transaction(() => {
    const row = db
      .prepare(
        `INSERT INTO certificate_sequences (employee_id, kind, year, last) VALUES (?, ?, ?, 1)
         ON CONFLICT (employee_id, kind, year) DO UPDATE SET last = last + 1
         RETURNING last`,
      )
      .get(employee, kind, year) as { last: number };
    return row.last;
  })();
  return `${employee}-${certificateKindCodes[kind]}-${year}-${String(next).padStart(6, '0')}`;
}
