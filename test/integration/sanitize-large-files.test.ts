/**
 * The content analysis on files too large for the fast unit loop (hundreds of megabytes, a
 * 3 GiB zip bomb, multi-megabyte archive entries and CSVs): memory stays flat, limits are
 * counted while inflating, and a finding is seen wherever it sits in a large file. The
 * rules on small files are in test/unit/sanitize-analyze and sanitize-smuggling.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, open, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeFile } from '../../electron/core/sanitize/analyze/analyze-file';
import type { ContentAnalysis } from '../../electron/core/sanitize/sanitize-types';
import { measureRssGrowth } from '../support/peak-memory';
import { dicomPolyglot, pdfStream, writeZerosBomb, zipOf } from '../support/sanitize-corpus';

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'fieldguard-sanitize-large-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function codes(analysis: ContentAnalysis): string[] {
  return [...new Set(analysis.findings.map((finding) => finding.code))].sort();
}

async function analyzeBytes(name: string, data: Buffer | string): Promise<ContentAnalysis> {
  const file = path.join(dir, `${Math.random().toString(36).slice(2)}-${name}`);
  await writeFile(file, data);
  return analyzeFile(file, name);
}

describe('large archives', () => {
  it('stops a 3 GiB zip bomb at the ratio limit, naming the entry', async () => {
    const file = path.join(dir, 'bomb.zip');
    await writeZerosBomb(file, 'zeros.bin', 3 * 1024);
    const analysis = await analyzeFile(file, 'bomb.zip');
    expect(analysis.findings).toEqual([{ code: 'ARCHIVE_RATIO', params: { limit: 100 }, entry: 'zeros.bin' }]);
  });

  it('streams large entries to their analyzers instead of buffering them, and still sees their ends', async () => {
    const html = `<html><body>${'<p>row</p>\n'.repeat(30_000)}<script>alert(1)</script></body></html>`;
    // Incompressible enough to stay under the expansion ratio.
    const pdf = Buffer.concat([
      Buffer.from('%PDF-1.7\n'),
      pdfStream('/Subtype /Image', randomBytes(3 * 1024 * 1024)),
      Buffer.from('\n9 0 obj << /S /Launch /F (x) >> endobj\n%%EOF\n'),
    ]);
    const json = JSON.stringify(Array.from({ length: 400_000 }, () => ({ a: randomBytes(4).readUInt32LE() })));
    const zip = await zipOf([
      { name: 'page.html', data: html },
      { name: 'report.pdf', data: pdf },
      { name: 'data.json', data: json },
    ]);
    const analysis = await analyzeBytes('large-entries.zip', zip);
    expect(analysis.findings).toEqual([
      { code: 'HTML_SCRIPT', entry: 'page.html' },
      { code: 'PDF_LAUNCH', entry: 'report.pdf' },
    ]);
    expect(analysis.innerTypes).toEqual(['html', 'pdf', 'json']);
  });
});

describe('large files', () => {
  const SIZE = 600 * 1024 * 1024;

  /** A sparse file: `start`, a hole up to SIZE - end.length, then `end`. */
  async function sparse(name: string, start: Buffer, end: Buffer): Promise<string> {
    const file = path.join(dir, name);
    const handle = await open(file, 'w');
    try {
      await handle.write(start, 0, start.length, 0);
      await handle.write(end, 0, end.length, SIZE - end.length);
    } finally {
      await handle.close();
    }
    return file;
  }

  it('analyzes a 600 MB DICOM with flat memory', async () => {
    const file = await sparse('large.dcm', dicomPolyglot(), Buffer.from('end'));
    const { result, growth } = await measureRssGrowth(() => analyzeFile(file, 'large.dcm'));
    expect(result).toMatchObject({ type: { id: 'dicom' }, transform: 'dicom-zero-preamble' });
    expect(growth).toBeLessThan(100 * 1024 * 1024);
  });

  it('scans a 600 MB PDF from end to end with flat memory', async () => {
    const head = Buffer.from(`%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n3 0 obj\n<< /Length 4 0 R >>\nstream\n`);
    const tail = Buffer.from(
      '\nendstream\nendobj\n4 0 obj\n1\nendobj\n5 0 obj\n<< /S /JavaScript /JS (x) >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n',
    );
    const file = await sparse('large.pdf', head, tail);
    const { result, growth } = await measureRssGrowth(() => analyzeFile(file, 'large.pdf'));
    expect(codes(result)).toEqual(['PDF_JAVASCRIPT']);
    expect(growth).toBeLessThan(100 * 1024 * 1024);
  }, 60_000);
});

describe('the CSV formula scan', () => {
  it('finds a formula cell anywhere in a large file, across window edges, with each delimiter', async () => {
    const rows = (count: number, delimiter: string) =>
      Array.from({ length: count }, (_, i) => ['2024-05-14', `-${i}`, '+81-3-1234-5678', 'ok'].join(delimiter)).join('\n');
    for (const delimiter of [',', ';', '\t', '|']) {
      const clean = `date${delimiter}delta${delimiter}phone${delimiter}note\n${rows(60_000, delimiter)}\n`;
      expect(clean.length).toBeGreaterThan(2 * 1024 * 1024);
      expect((await analyzeBytes('big.csv', clean)).findings, JSON.stringify(delimiter)).toEqual([]);
      // At the very start of a line, in a middle column, and as the last line.
      for (const at of [1024 * 1024 - 3, 1024 * 1024 + 7, clean.length - 1]) {
        const line = `2024-05-15${delimiter}=cmd|' /C calc'!A0${delimiter}x${delimiter}y\n`;
        const cut = clean.lastIndexOf('\n', at) + 1;
        const poisoned = clean.slice(0, cut) + line + clean.slice(cut);
        expect((await analyzeBytes('big.csv', poisoned)).findings, `${JSON.stringify(delimiter)} at ${at}`).toEqual([
          { code: 'CSV_FORMULA' },
        ]);
      }
    }
  });
});
