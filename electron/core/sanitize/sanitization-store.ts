/** Sanitization runs kept in the vault, whole, with the report issued for each (at most one). */
import type { VaultDatabase } from '../../db/open-vault-database';
import type { SanitizationResult } from './run-sanitization';

export interface SanitizationSummary {
  readonly id: string;
  readonly finishedAt: string;
  readonly outputName: string;
  readonly counts: { passed: number; sanitized: number; blocked: number };
  readonly certificateNumber: string | null;
}

export function saveSanitization(db: VaultDatabase, result: SanitizationResult): void {
  db.prepare('INSERT INTO sanitization_runs (id, finished_at, result) VALUES (?, ?, ?)').run(result.id, result.finishedAt, JSON.stringify(result));
}

export function getSanitization(db: VaultDatabase, id: string): SanitizationResult | null {
  const row = db.prepare('SELECT result FROM sanitization_runs WHERE id = ?').get(id) as { result: string } | undefined;
  return row ? (JSON.parse(row.result) as SanitizationResult) : null;
}

export function listSanitizations(db: VaultDatabase, limit = 200): SanitizationSummary[] {
  const rows = db
    .prepare('SELECT r.result, c.number AS certificateNumber FROM sanitization_runs r LEFT JOIN certificates c ON c.id = r.certificate_id ORDER BY r.finished_at DESC LIMIT ?')
    .all(limit) as { result: string; certificateNumber: string | null }[];
  return rows.map((row) => {
    const result = JSON.parse(row.result) as SanitizationResult;
    const count = (verdict: string) => result.files.filter((f) => f.verdict === verdict).length;
    return { id: result.id, finishedAt: result.finishedAt, outputName: result.outputName, counts: { passed: count('passed'), sanitized: count('sanitized'), blocked: count('blocked') }, certificateNumber: row.certificateNumber };
  });
}

export function reportOfSanitization(db: VaultDatabase, id: string): { certificateId: string; number: string } | null {
  const row = db.prepare('SELECT c.id AS certificateId, c.number FROM sanitization_runs r JOIN certificates c ON c.id = r.certificate_id WHERE r.id = ?').get(id) as
    | { certificateId: string; number: string }
    | undefined;
  return row ?? null;
}

export function attachSanitizationReport(db: VaultDatabase, id: string, certificateId: string): void {
  db.prepare('UPDATE sanitization_runs SET certificate_id = ? WHERE id = ?').run(certificateId, id);
}
