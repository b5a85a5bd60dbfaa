/**
 * Files rebuilt by content disarm still open — checked the way a recipient would, with the
 * real tools: LibreOffice (headless) converts each rebuilt Office document to PDF, qpdf checks
 * each rebuilt PDF's structure and poppler renders its first page, sharp decodes the rebuilt
 * images. Each tool is skipped with one line when it is not installed
 * (scripts/install-test-deps.sh installs them). LibreOffice runs with a throw-away profile
 * and HOME, and a time limit.
 */
import { execFile, spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rebuildFile, type RebuildKind } from '../../electron/core/sanitize/rebuild/rebuild-file';
import { DEFAULT_ARCHIVE_LIMITS } from '../../electron/core/sanitize/sanitize-types';
import {
  dangerousDocx,
  dangerousPptx,
  dangerousXlsx,
  dicomWithPdf,
  encapsulatedDocument,
  jpegWithExtras,
  pdfWith,
  pngWithExtras,
  tiffWithXmp,
  type PdfActiveContent,
} from '../support/cdr-corpus';

const run = promisify(execFile);
const has = (tool: string) => spawnSync(tool, ['--version'], { stdio: 'ignore' }).status === 0;
const soffice = ['soffice', 'libreoffice'].find(has) ?? null;
const qpdf = has('qpdf');
const pdftoppm = spawnSync('pdftoppm', ['-v'], { stdio: 'ignore' }).status === 0;

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'fg-cdr-open-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function rebuilt(kind: RebuildKind, bytes: Buffer, name: string): Promise<string> {
  const source = path.join(dir, `source-${name}`);
  await writeFile(source, bytes);
  const outcome = await rebuildFile(kind, source, path.join(dir, `rebuilt-${name}`), { limits: DEFAULT_ARCHIVE_LIMITS });
  expect(outcome.outcome).toBe('sanitized');
  if (outcome.outcome !== 'sanitized') throw new Error('not rebuilt');
  // LibreOffice picks its import filter by extension too: the delivered name carries the rebuilt type's.
  const delivered = path.join(dir, `${path.parse(name).name}.${outcome.extension ?? path.extname(name).slice(1)}`);
  await writeFile(delivered, await readFile(path.join(dir, `rebuilt-${name}`)));
  return delivered;
}

/** LibreOffice headless → PDF, with its own profile and HOME; returns the PDF's text layer. */
async function officeToPdf(file: string): Promise<Buffer> {
  const home = await mkdtemp(path.join(tmpdir(), 'fg-lo-home-'));
  const out = path.join(home, 'out');
  await mkdir(out);
  try {
    await run(
      soffice ?? 'soffice',
      [
        `-env:UserInstallation=${pathToFileURL(path.join(home, 'profile')).href}`,
        '--headless',
        '--norestore',
        '--convert-to',
        'pdf',
        '--outdir',
        out,
        file,
      ],
      {
        env: { ...process.env, HOME: home },
        timeout: 120_000,
      },
    );
    const [pdf] = await readdir(out);
    if (!pdf) throw new Error(`LibreOffice made no PDF of ${path.basename(file)}`);
    return await readFile(path.join(out, pdf));
  } finally {
    await rm(home, { recursive: true, force: true });
  }
}

async function pdfText(pdf: Buffer): Promise<string> {
  const file = path.join(dir, `text-${Date.now()}-${Math.random()}.pdf`);
  await writeFile(file, pdf);
  return (await run('pdftotext', [file, '-'])).stdout;
}

describe.skipIf(soffice === null)('rebuilt Office documents open in LibreOffice (skipped: soffice not installed)', () => {
  it.each([
    ['report.docm', dangerousDocx, ['Service report 2024', 'complex result', 'Manual']],
    ['data.xlsx', dangerousXlsx, ['Pressure', '42']],
    ['plan.pptx', dangerousPptx, ['Maintenance plan']],
  ] as const)(
    '%s converts to a PDF showing its text',
    async (name, build, texts) => {
      const file = await rebuilt('ooxml', await build(), name);
      const pdf = await officeToPdf(file);
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      if (!pdftoppm) return;
      const text = await pdfText(pdf);
      for (const expected of texts) expect(text).toContain(expected);
    },
    180_000,
  );
});

const PDF_CASES: readonly PdfActiveContent[] = [
  'open-action-js',
  'names-js',
  'page-aa',
  'launch',
  'submit-form',
  'import-data',
  'uri',
  'gotor',
  'gotoe',
  'xfa',
  'embedded-file',
  'file-attachment',
  'rich-media',
];

describe.skipIf(!qpdf || !pdftoppm)('rebuilt PDFs pass qpdf --check and render (skipped: qpdf or pdftoppm not installed)', () => {
  it.each([...PDF_CASES.map((c) => [c, [c]] as const), ['all of them', PDF_CASES] as const])('with %s', async (_label, active) => {
    const file = await rebuilt('pdf', await pdfWith(active), `doc-${_label.replace(/\W+/g, '-')}.pdf`);
    const check = await run('qpdf', ['--check', file]);
    expect(check.stdout).toContain('No syntax or stream encoding errors found');
    const png = path.join(dir, `page-${Date.now()}`);
    await run('pdftoppm', ['-png', '-r', '30', '-f', '1', '-l', '1', '-singlefile', file, png]);
    const meta = await sharp(await readFile(`${png}.png`)).metadata();
    expect(meta.width).toBeGreaterThan(0);
    expect(await pdfText(await readFile(file))).toContain('Inspection record');
  });

  it('with the PDF inside a DICOM Encapsulated PDF', async () => {
    const file = await rebuilt('dicom', dicomWithPdf(await pdfWith(['open-action-js', 'launch'])), 'IM0001.dcm');
    const document = encapsulatedDocument(await readFile(file));
    const pdf = path.join(dir, 'encapsulated.pdf');
    await writeFile(pdf, document.value.subarray(0, document.declaredLength));
    expect((await run('qpdf', ['--check', pdf])).stdout).toContain('No syntax or stream encoding errors found');
    expect(await pdfText(document.value)).toContain('Inspection record');
  });
});

describe('rebuilt images decode', () => {
  it.each([
    ['png', pngWithExtras, 'photo.png'],
    ['jpeg', jpegWithExtras, 'photo.jpg'],
    ['tiff', tiffWithXmp, 'scan.tif'],
  ] as const)('%s', async (kind, build, name) => {
    const file = await rebuilt(kind, await build(), name);
    const meta = await sharp(await readFile(file)).metadata();
    expect(meta.format).toBe(kind);
    expect(meta.exif ?? meta.xmp ?? meta.icc ?? null).toBeNull();
    expect(meta.width * meta.height).toBe(32 * 24);
  });
});
