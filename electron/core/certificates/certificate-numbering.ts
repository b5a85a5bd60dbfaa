/**
 * Certificate numbers (10-1; issue 13): `<employee id>-<kind code>-<year>-<sequence>-<random>`,
 * e.g. E-20417-ER-2026-000001-7K3QXZ. The sequence runs per engineer, kind and year (JST), so a
 * gap or a repeat in one vault stands out to an auditor; the six random characters (30 bits,
 * Crockford base 32: no I, L, O or U to misread) keep numbers apart across the company, where
 * two vaults — a reinstalled laptop, or two engineers given the same employee number — would
 * otherwise count the same sequence.
 * The counter lives in the vault database and is moved in one statement inside a
 * transaction; a number taken for a certificate that then failed to issue stays unused.
 */
import { randomInt } from 'node:crypto';
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
  'archive-report': 'AR',
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

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

function randomSuffix(): string {
  return Array.from({ length: 6 }, () => CROCKFORD[randomInt(CROCKFORD.length)]).join('');
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
  return `${employee}-${certificateKindCodes[kind]}-${year}-${String(next).padStart(6, '0')}-${randomSuffix()}`;
}

/** How far this vault's counter of an engineer, kind and year has reached (0 when it never started). */
export function lastSequence(db: VaultDatabase, employeeId: string, kind: CertificateKind, year: number): number {
  const row = db
    .prepare('SELECT last FROM certificate_sequences WHERE employee_id = ? AND kind = ? AND year = ?')
    .get(employeeId, kind, year) as { last: number } | undefined;
  return row?.last ?? 0;
}
