/** Sanitization runs kept in the vault, whole, with the report issued for each (at most one). */
import type { VaultDatabase } from '../../db/open-vault-database';
import { certificateReference } from '../certificates/certificate-store';
import type { SanitizationResult } from './run-sanitization';

export interface SanitizationSummary {
  readonly id: string;
  readonly finishedAt: string;
  readonly outputName: string;
  readonly counts: { passed: number; sanitized: number; blocked: number };
  readonly certificateNumber: string | null;
  readonly certificateId: string | null;
}

export function saveSanitization(db: VaultDatabase, result: SanitizationResult): void {
  db.prepare('INSERT INTO sanitization_runs (id, finished_at, result) VALUES (?, ?, ?)').run(
    result.id,
    result.finishedAt,
    JSON.stringify(result),
  );
}

export function getSanitization(db: VaultDatabase, id: string): SanitizationResult | null {
  const row = db.prepare('SELECT result FROM sanitization_runs WHERE id = ?').get(id) as { result: string } | undefined;
  return row ? (JSON.parse(row.result) as SanitizationResult) : null;
}

export function listSanitizations(db: VaultDatabase, limit = 200): SanitizationSummary[] {
  const rows = db
    .prepare('SELECT result, certificate_id AS certificateId FROM sanitization_runs ORDER BY finished_at DESC LIMIT ?')
    .all(limit) as { result: string; certificateId: string | null }[];
  return rows.map((row) => {
    const result = JSON.parse(row.result) as SanitizationResult;
    const count = (verdict: string) => result.files.filter((f) => f.verdict === verdict).length;
    const report = certificateReference(db, row.certificateId);
    return {
      id: result.id,
      finishedAt: result.finishedAt,
      outputName: result.outputName,
      counts: { passed: count('passed'), sanitized: count('sanitized'), blocked: count('blocked') },
      certificateNumber: report?.number ?? null,
      certificateId: report?.certificateId ?? null,
    };
  });
}

export function reportOfSanitization(db: VaultDatabase, id: string): { certificateId: string; number: string } | null {
  const certificateId = db.prepare('SELECT certificate_id FROM sanitization_runs WHERE id = ?').pluck().get(id) as
    string | null | undefined;
  return certificateReference(db, certificateId ?? null);
}

export function attachSanitizationReport(db: VaultDatabase, id: string, certificateId: string): void {
  db.prepare('UPDATE sanitization_runs SET certificate_id = ? WHERE id = ?').run(certificateId, id);
}
