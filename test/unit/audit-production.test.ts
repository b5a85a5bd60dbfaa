/**
 * The CI audit of the shipped packages (scripts/audit-production.mjs) as CI would meet it:
 * a fixable high advisory fails the run and names itself, an advisory with no fix is listed
 * without failing, a clean report says so, and a registry that does not answer the audit
 * request gives one line that says the audit did not happen (not a failure, not a clean pass).
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');

async function audit(fixture: string): Promise<{ exitCode: number; lines: string[] }> {
  const args = [path.join(root, 'scripts/audit-production.mjs'), '--report', path.join(root, 'test/fixtures/npm-audit', fixture)];
  try {
    const { stdout } = await run(process.execPath, args);
    return { exitCode: 0, lines: stdout.trim().split('\n') };
  } catch (error) {
    const e = error as { code: number; stdout: string };
    return { exitCode: e.code, lines: e.stdout.trim().split('\n') };
  }
}

describe('npm audit --omit=dev in CI', () => {
  it('fails on a high advisory that has a fix, and lists the moderate one without blaming it', async () => {
    const result = await audit('high-with-fix.txt');
    expect(result.exitCode).toBe(1);
    expect(result.lines).toContain(
      'FAIL high node-forge: fix available: node-forge@1.3.1 (https://github.com/advisories/GHSA-cfm4-qjh2-4765)',
    );
    expect(result.lines).toContain(
      'note moderate nanoid: fix available (npm audit fix) (https://github.com/advisories/GHSA-mwcw-c2x4-8c55)',
    );
    expect(result.lines.at(-1)).toBe('npm audit --omit=dev: 2 vulnerable production package(s), 1 high/critical with a fix available.');
  });

  it('reports a high advisory with no fix, and passes', async () => {
    const result = await audit('high-without-fix.txt');
    expect(result.exitCode).toBe(0);
    expect(result.lines).toContain('note high xlsx: no fix available yet (https://github.com/advisories/GHSA-4r6h-8v6p-xvw6)');
    expect(result.lines.at(-1)).toBe('npm audit --omit=dev: 2 vulnerable production package(s), 0 high/critical with a fix available.');
  });

  it('says a clean audit is clean, with the number of packages audited', async () => {
    expect(await audit('clean.txt')).toEqual({
      exitCode: 0,
      lines: ['npm audit --omit=dev: no advisory for the 267 production packages.'],
    });
  });

  it('says in one line that nothing was audited when the registry refuses the audit request', async () => {
    const result = await audit('registry-405.txt');
    expect(result.exitCode).toBe(0);
    expect(result.lines).toEqual([
      'npm audit --omit=dev: not run — the registry did not answer the audit request (HTTP 405); production dependencies were not audited here.',
    ]);
  });
});
