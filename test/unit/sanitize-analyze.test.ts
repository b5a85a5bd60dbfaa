/**
 * The content analysis of 10-5 against a generated corpus (every product rule has a file in
 * it), then the properties a corpus cannot show: archive limits counted while inflating,
 * byte-exact DICOM preamble zeroing, and the PDF scanner's resistance to the tricks that hide
 * a name from a naive scan. Files of hundreds of megabytes are in
 * test/integration/sanitize-large-files.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdtemp, open, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeFile, zeroDicomPreamble } from '../../electron/core/sanitize/analyze/analyze-file';
import { CHUNK_BYTES } from '../../electron/core/sanitize/analyze/content-source';
import { OLE_MAX_BYTES } from '../../electron/core/sanitize/analyze/ole';
import { DEFAULT_ARCHIVE_LIMITS, type ArchiveLimits, type ContentAnalysis } from '../../electron/core/sanitize/sanitize-types';
import {
  deflatedEntry,
  dicom,
  dicomElement,
  dicomPolyglot,
  handZip,
  pdfOf,
  pdfStream,
  portableExecutable,
  writeCorpus,
  writeZerosBomb,
  zipOf,
  type CorpusEntry,
} from '../support/sanitize-corpus';

let dir: string;
let corpus: CorpusEntry[];

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'fieldguard-sanitize-'));
  corpus = await writeCorpus(path.join(dir, 'corpus'));
}, 120_000);
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function codes(analysis: ContentAnalysis): string[] {
  return [...new Set(analysis.findings.map((finding) => finding.code))].sort();
}

async function analyzeBytes(name: string, data: Buffer | string, limits?: ArchiveLimits): Promise<ContentAnalysis> {
  const file = path.join(dir, `${Math.random().toString(36).slice(2)}-${name}`);
  await writeFile(file, data);
  return analyzeFile(file, name, limits ? { limits } : {});
}

async function sha256(file: string, start = 0): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file, { start })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

describe('analyzeFile over the corpus', () => {
  it('gives every corpus file its expected type, findings, transform and inner types', async () => {
    const failures: string[] = [];
    for (const entry of corpus) {
      const analysis = await analyzeFile(path.join(dir, 'corpus', entry.relativePath), path.basename(entry.relativePath));
      const actual = {
        type: analysis.type.id,
        findings: codes(analysis),
        transform: analysis.transform,
        innerTypes: [...analysis.innerTypes].sort(),
      };
      const expected = {
        type: entry.expected.type,
        findings: [...new Set(entry.expected.findings)].sort(),
        transform: entry.expected.transform ?? null,
        innerTypes: [...(entry.expected.innerTypes ?? [])].sort(),
      };
      if (JSON.stringify(actual) !== JSON.stringify(expected))
        failures.push(
          `${entry.relativePath}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)} ${JSON.stringify(analysis.findings)}`,
        );
    }
    expect(failures).toEqual([]);
    expect(corpus.length).toBeGreaterThan(90);
  }, 120_000);

  it('names the extension and type of a mismatch, the format of an executable and the language of a script', async () => {
    const pe = await analyzeFile(path.join(dir, 'corpus/exe/readme.txt'), 'readme.txt');
    expect(pe.findings).toEqual(
      expect.arrayContaining([
        { code: 'EXECUTABLE', params: { format: 'PE' } },
        { code: 'EXTENSION_MISMATCH', params: { extension: 'txt', type: 'pe' } },
      ]),
    );
    const renamed = await analyzeFile(path.join(dir, 'corpus/office/macro-renamed.docx'), 'macro-renamed.docx');
    expect(renamed.findings).toEqual(
      expect.arrayContaining([{ code: 'EXTENSION_MISMATCH', params: { extension: 'docx', type: 'docm' } }, { code: 'OFFICE_MACRO' }]),
    );
    expect((await analyzeFile(path.join(dir, 'corpus/scripts/run.ps1'), 'run.ps1')).findings).toEqual([
      { code: 'SCRIPT', params: { language: 'powershell' } },
    ]);
    expect((await analyzeFile(path.join(dir, 'corpus/scripts/shebang.txt'), 'shebang.txt')).findings).toContainEqual({
      code: 'SCRIPT',
      params: { language: 'python' },
    });
    expect((await analyzeFile(path.join(dir, 'corpus/exe/universal.bin'), 'universal.bin')).findings).toContainEqual({
      code: 'EXECUTABLE',
      params: { format: 'Mach-O' },
    });
  });

  it('says where inside an archive each finding is, nested paths joined with "/"', async () => {
    const traversal = await analyzeFile(path.join(dir, 'corpus/archives/traversal.zip'), 'traversal.zip');
    expect(
      traversal.findings.filter((finding) => finding.code === 'ARCHIVE_PATH_TRAVERSAL').map((finding) => finding.params?.entry),
    ).toEqual(['../../evil.txt', 'C:\\evil.txt', '/etc/x']);
    const hidden = await analyzeFile(path.join(dir, 'corpus/archives/hidden-exe.zip'), 'hidden-exe.zip');
    expect(hidden.findings).toEqual(
      expect.arrayContaining([
        { code: 'EXECUTABLE', params: { format: 'PE' }, entry: 'docs/readme.txt' },
        { code: 'OFFICE_MACRO', entry: 'docs/macro.docm' },
      ]),
    );
    const deep = await analyzeFile(path.join(dir, 'corpus/archives/too-deep.zip'), 'too-deep.zip');
    expect(deep.findings).toEqual([{ code: 'ARCHIVE_TOO_DEEP', params: { limit: 3 }, entry: 'l2.zip/l3.zip/l4.zip' }]);
    const nested = await analyzeFile(path.join(dir, 'corpus/eicar/eicar-nested.zip'), 'eicar-nested.zip');
    expect(nested.findings).toEqual([
      { code: 'EXTENSION_MISMATCH', params: { extension: 'com', type: 'txt' }, entry: 'inner.zip/eicar.com' },
    ]);
    expect((await analyzeFile(path.join(dir, 'corpus/archives/symlink.zip'), 'symlink.zip')).findings).toEqual([
      { code: 'ARCHIVE_LINK', entry: 'link' },
    ]);
    expect((await analyzeFile(path.join(dir, 'corpus/archives/encrypted.zip'), 'encrypted.zip')).findings).toEqual([
      { code: 'ARCHIVE_ENCRYPTED', entry: 'secret.txt' },
    ]);
    // A PE/DICOM polyglot inside an archive cannot be zeroed (the archive is copied as it is): it blocks.
    const study = await analyzeFile(path.join(dir, 'corpus/dicom/study.zip'), 'study.zip');
    expect(study).toMatchObject({ transform: null, findings: [{ code: 'EXECUTABLE', params: { format: 'PE' }, entry: 'IM0002.dcm' }] });
    const message = await analyzeFile(path.join(dir, 'corpus/office/attachment.msg'), 'attachment.msg');
    expect(message.findings).toContainEqual({ code: 'EXECUTABLE', params: { format: 'PE' }, entry: 'invoice.pdf' });
  });
});

describe('archive limits', () => {
  const limits = (overrides: Partial<ArchiveLimits>): ArchiveLimits => ({ ...DEFAULT_ARCHIVE_LIMITS, ...overrides });

  it('counts expanded bytes while inflating, whatever the header declares', async () => {
    // 50 MiB of zeros declared as 10 bytes: only the inflater's count can see it.
    const file = path.join(dir, 'lying-large.zip');
    await writeZerosBomb(file, 'small.txt', 50, 10);
    const analysis = await analyzeFile(file, 'lying-large.zip', { limits: limits({ maxExpandedBytes: 8 * 1024 * 1024, maxRatio: 1e9 }) });
    expect(analysis.findings).toEqual([{ code: 'ARCHIVE_TOO_LARGE', params: { limit: 8 * 1024 * 1024 }, entry: 'small.txt' }]);
  });

  it('counts entries over the whole tree, nested archives included', async () => {
    const inner = await zipOf([
      { name: 'a.txt', data: 'a' },
      { name: 'b.txt', data: 'b' },
    ]);
    const outer = await zipOf([
      { name: 'one.zip', data: inner },
      { name: 'two.zip', data: inner },
    ]);
    expect(codes(await analyzeBytes('tree.zip', outer, limits({ maxEntries: 6 })))).toEqual([]);
    const over = await analyzeBytes('tree.zip', outer, limits({ maxEntries: 5 }));
    expect(over.findings).toEqual([{ code: 'ARCHIVE_TOO_MANY_ENTRIES', params: { limit: 5 }, entry: 'two.zip' }]);
  });

  it('applies the depth limit to nested archives', async () => {
    const inner = await zipOf([{ name: 'a.txt', data: 'a' }]);
    const outer = await zipOf([{ name: 'inner.zip', data: inner }]);
    expect(codes(await analyzeBytes('outer.zip', outer, limits({ maxDepth: 2 })))).toEqual([]);
    expect((await analyzeBytes('outer.zip', outer, limits({ maxDepth: 1 }))).findings).toEqual([
      { code: 'ARCHIVE_TOO_DEEP', params: { limit: 1 }, entry: 'inner.zip' },
    ]);
  });

  it('reads Zip64 archives (Zip64 end-of-central-directory record and entry sizes)', async () => {
    const zip = await zipOf([
      { name: 'log.txt', data: 'service log', zip64: true },
      { name: 'scan.exe', data: portableExecutable(), zip64: true },
    ]);
    expect(zip.includes(Buffer.from('504b0606', 'hex'))).toBe(true);
    expect(await analyzeBytes('zip64.zip', zip)).toMatchObject({
      type: { id: 'zip' },
      innerTypes: ['txt', 'pe'],
      findings: [{ code: 'EXECUTABLE', entry: 'scan.exe' }],
    });
  });

  it('charges a gzip file to the same budget as a zip', async () => {
    const bomb = zlib.gzipSync(Buffer.alloc(64 * 1024 * 1024));
    expect((await analyzeBytes('zeros.bin.gz', bomb)).findings).toEqual([
      { code: 'ARCHIVE_RATIO', params: { limit: 100 }, entry: 'zeros.bin' },
    ]);
    expect((await analyzeBytes('tool.exe.gz', zlib.gzipSync(portableExecutable()))).findings).toEqual([
      { code: 'EXECUTABLE', params: { format: 'PE' }, entry: 'tool.exe' },
    ]);
    expect((await analyzeBytes('broken.gz', Buffer.from('1f8b0800000000000003ffff', 'hex'))).findings).toEqual([
      { code: 'ARCHIVE_CORRUPT', entry: 'broken' },
    ]);
  });

  it('reports a header that lies about a small entry as corrupt', async () => {
    const analysis = await analyzeBytes('lying.zip', handZip([deflatedEntry('small.txt', 'y'.repeat(5000), { declaredSize: 10 })]));
    expect(analysis.findings).toEqual([{ code: 'ARCHIVE_CORRUPT', entry: 'small.txt' }]);
  });
});

describe('zeroDicomPreamble', () => {
  it('zeroes bytes 0..127 and keeps every later byte identical', async () => {
    const source = path.join(dir, 'polyglot-large.dcm');
    const original = dicomPolyglot();
    // Several chunks long, with varied bytes after the preamble (in a private element, so the data set is whole).
    const filler = Buffer.alloc(3 * CHUNK_BYTES + 12345);
    for (let i = 0; i < filler.length; i++) filler[i] = (i * 7 + 3) & 0xff;
    const element = dicomElement(0x7fe1, 0x0010, 'OB', filler);
    await writeFile(source, Buffer.concat([original, element]));
    const target = path.join(dir, 'polyglot-zeroed.dcm');
    await zeroDicomPreamble(source, target);
    const copy = await readFile(target);
    expect(copy.length).toBe(original.length + element.length);
    expect(copy.subarray(0, 128).every((byte) => byte === 0)).toBe(true);
    expect(await sha256(target, 128)).toBe(await sha256(source, 128));
    expect(await analyzeFile(target, 'polyglot-zeroed.dcm')).toMatchObject({ type: { id: 'dicom' }, findings: [], transform: null });
    await expect(zeroDicomPreamble(source, target)).rejects.toMatchObject({ code: 'EEXIST' });
  });
});

describe('PDF scanning', () => {
  const pages = ['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [] /Count 0 >>'];

  it('finds a name cut by a chunk boundary', async () => {
    const padding = `%${'x'.repeat(CHUNK_BYTES)}\n`;
    for (const cut of [3, 5, 8]) {
      const prefix = `%PDF-1.7\n${padding}`.slice(0, CHUNK_BYTES - cut);
      const pdf = `${prefix}\n1 0 obj << /S /JavaScript /JS (x) >> endobj\n`;
      expect(codes(await analyzeBytes('cut.pdf', pdf))).toEqual(['PDF_JAVASCRIPT']);
    }
  });

  it('reports names in stream data when the stream /Length does not end at endstream', async () => {
    const data = '/JS (hidden) ';
    const pdf = pdfOf([...pages, Buffer.from(`<< /Length 3 >>\nstream\n${data}\nendstream`)]);
    expect(codes(await analyzeBytes('lying-length.pdf', pdf))).toEqual(['PDF_JAVASCRIPT']);
  });

  it('reports an object hidden inside stream data that an xref entry could point to', async () => {
    const hidden = '9 0 obj << /S /Launch /F (x.exe) >> endobj';
    expect(codes(await analyzeBytes('hidden-object.pdf', pdfOf([...pages, pdfStream('/Subtype /Image', hidden)])))).toEqual(['PDF_LAUNCH']);
  });

  it('is not fooled by a fake stream inside a string, nor by a stray parenthesis before an object stream', async () => {
    const fake = pdfOf([...pages, '<< /Length 20 /T (x >> stream\n) /OpenAction 1 0 R\n\nendstream >>']);
    expect(codes(await analyzeBytes('fake-stream.pdf', fake))).toContain('PDF_AUTO_ACTION');
    const objectStream = zlib.deflateSync('5 0 << /S /JavaScript /JS (x) >>');
    const stray = Buffer.concat([
      Buffer.from('%PDF-1.7\n( junk \n'),
      pdfStream('/Type /ObjStm /N 1 /First 4 /Filter /FlateDecode', objectStream),
      Buffer.from('\n%%EOF\n'),
    ]);
    expect(codes(await analyzeBytes('stray.pdf', stray))).toEqual(['PDF_JAVASCRIPT']);
  });

  it('treats an object stream with a filter it cannot decode as unparseable', async () => {
    const pdf = pdfOf([...pages, pdfStream('/Type /ObjStm /N 1 /First 4 /Filter /LZWDecode', 'abc')]);
    expect(codes(await analyzeBytes('lzw.pdf', pdf))).toEqual(['PDF_UNPARSEABLE_STREAM']);
  });
});

describe('markup and misc', () => {
  it('finds a script element cut by a chunk boundary in a large HTML file', async () => {
    const html = `<html><body>${'<p>line</p>\n'.repeat(Math.ceil(CHUNK_BYTES / 12))}`;
    const cut = CHUNK_BYTES - 3;
    const page = `${html.slice(0, cut)}<script>alert(1)</script></body></html>`;
    expect(codes(await analyzeBytes('big.html', page))).toEqual(['HTML_SCRIPT']);
  });

  it('treats a text file named .html as HTML (a browser would)', async () => {
    expect(codes(await analyzeBytes('page.html', 'hello <img src=x onerror=alert(1)>'))).toEqual(['EXTENSION_MISMATCH', 'HTML_SCRIPT']);
  });

  it('reports a symlink, a missing file and an empty file sensibly', async () => {
    const link = path.join(dir, 'link.txt');
    await symlink(path.join(dir, 'corpus/exe/readme.txt'), link);
    expect(await analyzeFile(link, 'link.txt')).toMatchObject({ findings: [{ code: 'UNREADABLE' }] });
    expect(await analyzeFile(path.join(dir, 'missing.txt'), 'missing.txt')).toMatchObject({ findings: [{ code: 'UNREADABLE' }] });
    expect(await analyzeBytes('empty.txt', '')).toMatchObject({ type: { id: 'txt' }, findings: [] });
  });

  it('does not call random binary data a mismatch, and stops when cancelled', async () => {
    const noise = Buffer.alloc(4096);
    for (let i = 0; i < noise.length; i++) noise[i] = (i * 97 + 13) % 256;
    expect(await analyzeBytes('blob.dat', noise)).toMatchObject({ type: { id: 'unknown' }, findings: [] });
    const file = path.join(dir, 'cancel.exe');
    await writeFile(file, portableExecutable());
    await expect(analyzeFile(file, 'cancel.exe', { signal: AbortSignal.abort() })).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('reports an OLE file too large to parse in memory as unreadable rather than guessing', async () => {
    const file = path.join(dir, 'huge.doc');
    const handle = await open(file, 'w');
    try {
      await handle.write(Buffer.from('d0cf11e0a1b11ae1', 'hex'), 0, 8, 0);
      await handle.truncate(OLE_MAX_BYTES + 1);
    } finally {
      await handle.close();
    }
    expect(await analyzeFile(file, 'huge.doc')).toMatchObject({ type: { id: 'ole' }, findings: [{ code: 'UNREADABLE' }] });
  });

  it('keeps a DICOM with a zero preamble as it is, whatever its name', async () => {
    expect(await analyzeBytes('IM0001', dicom())).toMatchObject({ type: { id: 'dicom' }, findings: [], transform: null });
  });
});
