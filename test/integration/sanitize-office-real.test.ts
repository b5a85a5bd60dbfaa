/**
 * Legacy Office is on the default allow-list now, so the rules that look inside its streams
 * (DDE, workbook links, embedded objects, run-program actions) must not block what an office
 * suite really writes: documents, workbooks with formulas and presentations saved by
 * LibreOffice as .doc/.xls/.ppt and .docx/.xlsx/.pptx pass with no finding. The corpus's
 * hand-built files show the rules find what they look for; these, that ordinary files are
 * not caught by them.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeFile } from '../../electron/core/sanitize/analyze/analyze-file';
import { decideVerdict } from '../../electron/core/sanitize/decide-verdict';
import { DEFAULT_SANITIZE_POLICY } from '../../electron/core/sanitize/sanitize-policy';

const exec = promisify(execFile);
const SOFFICE = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((file) => existsSync(file));

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'fieldguard-office-real-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Converts with a profile of its own, so that other LibreOffice runs (other tests) do not collide with it. */
async function convert(source: string, to: string, infilter?: string): Promise<string> {
  const profile = `file://${path.join(dir, `profile-${to.replace(/\W/g, '')}`)}`;
  await exec(
    SOFFICE!,
    [
      `-env:UserInstallation=${profile}`,
      '--headless',
      ...(infilter ? [`--infilter=${infilter}`] : []),
      '--convert-to',
      to,
      '--outdir',
      dir,
      source,
    ],
    { timeout: 120_000 },
  );
  return path.join(dir, `${path.basename(source).replace(/\.[^.]+$/, '')}.${to.split(':')[0]}`);
}

const REPORT =
  '<html><body><h1>Service report</h1><p>Device CT-7 passed. See <a href="https://www.example.com/manual?a=1&amp;b=2">the manual</a>.</p><table><tr><td>a</td><td>b</td></tr></table></body></html>';
const SHEET = 'device,value,double\nCT-7,5,=B2*2\nMR-3,-3,=SUM(B2:B3)\n';
const SLIDES = `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.presentation">
<office:body><office:presentation><draw:page draw:name="page1"><draw:frame svg:x="2cm" svg:y="2cm" svg:width="20cm" svg:height="3cm"><draw:text-box><text:p>Service report</text:p></draw:text-box></draw:frame></draw:page></office:presentation></office:body></office:document>`;

describe.skipIf(!SOFFICE)(
  'Office files saved by LibreOffice (apt install libreoffice-writer-nogui libreoffice-calc-nogui libreoffice-impress-nogui)',
  () => {
    it('passes clean .doc/.xls/.ppt and .docx/.xlsx/.pptx under the default policy', async () => {
      const report = path.join(dir, 'report.html');
      const sheet = path.join(dir, 'sheet.csv');
      const slides = path.join(dir, 'slides.fodp');
      await writeFile(report, REPORT);
      await writeFile(sheet, SHEET);
      await writeFile(slides, SLIDES);
      const files = [
        [await convert(report, 'doc:MS Word 97'), 'doc'],
        [await convert(report, 'docx:MS Word 2007 XML'), 'docx'],
        [await convert(sheet, 'xls', 'CSV:44,34,76,1'), 'xls'],
        [await convert(sheet, 'xlsx', 'CSV:44,34,76,1'), 'xlsx'],
        [await convert(slides, 'ppt'), 'ppt'],
        [await convert(slides, 'pptx'), 'pptx'],
      ] as const;
      for (const [file, type] of files) {
        const analysis = await analyzeFile(file, path.basename(file));
        expect(analysis, file).toMatchObject({ type: { id: type }, findings: [] });
        expect(decideVerdict(analysis, { status: 'clean' }, 'ClamAV', '0'.repeat(64), DEFAULT_SANITIZE_POLICY).verdict, file).toBe(
          'passed',
        );
      }
    }, 300_000);
  },
);
