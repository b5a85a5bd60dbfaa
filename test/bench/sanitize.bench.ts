/**
 * Issue 6 (10-5, 8-1): the whole sanitization pipeline (SHA-256, true type, archive and
 * active-content analysis, ClamAV, copying to the output folder with a hash of every byte
 * written) against `clamscan` alone scanning the same files with the same database and the
 * same options, on one generated 500 MiB mixed corpus: DICOM series, PDFs with image streams,
 * Word documents with media, images, CSV exports and zipped series. Target: the pipeline takes
 * at most 1.3 × the bare scan (ratio ≥ 0.77). Peak memory is reported (target < 300 MB).
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, open, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { analyzeFile } from '../../electron/core/sanitize/analyze/analyze-file';
import { runSanitization } from '../../electron/core/sanitize/run-sanitization';
import { DEFAULT_SANITIZE_POLICY } from '../../electron/core/sanitize/sanitize-policy';
import { createClamavEngine, SCAN_OPTIONS } from '../../electron/platform/antivirus/clamav-engine';
import { writeClamavTestDatabase } from '../support/clamav-test-database';
import { measureRssGrowth } from '../support/peak-memory';
import { dicomHead, ooxml, pdfOf, pdfStream, png, zipOf } from '../support/sanitize-corpus';
import { createTestCore, type TestCore } from '../support/test-core';
import type { Benchmark } from './benchmark';

const exec = promisify(execFile);
const MIB = 1024 * 1024;

interface Context {
  readonly dir: string;
  readonly corpus: string;
  readonly database: string;
  readonly files: string[];
  readonly core: TestCore;
  round: number;
  peakRss: number;
  peakGrowth: number;
}

async function writeLarge(file: string, head: Buffer, bytes: number): Promise<void> {
  const handle = await open(file, 'w');
  await handle.write(head);
  for (let written = head.length; written < bytes; written += MIB) await handle.write(randomBytes(Math.min(MIB, bytes - written)));
  await handle.close();
}

/** About 500 MiB in 240 files of the kinds a vendor hands to a hospital. */
async function writeMixedCorpus(root: string): Promise<void> {
  const folder = async (name: string) => {
    const dir = path.join(root, name);
    await mkdir(dir, { recursive: true });
    return dir;
  };
  const series = await folder('dicom');
  for (let i = 0; i < 30; i += 1) await writeLarge(path.join(series, `IM${String(i).padStart(4, '0')}.dcm`), dicomHead(10 * MIB), 10 * MIB);
  const pdfs = await folder('pdf');
  for (let i = 0; i < 10; i += 1) {
    await writeFile(
      path.join(pdfs, `report-${i}.pdf`),
      pdfOf([
        '<< /Type /Catalog /Pages 2 0 R >>',
        '<< /Type /Pages /Kids [] /Count 0 >>',
        pdfStream(
          '/Type /XObject /Subtype /Image /Width 1024 /Height 1280 /BitsPerComponent 8 /ColorSpace /DeviceRGB /Filter /DCTDecode',
          randomBytes(5 * MIB),
        ),
      ]),
    );
  }
  const documents = await folder('docx');
  for (let i = 0; i < 20; i += 1)
    await writeFile(
      path.join(documents, `manual-${i}.docx`),
      await ooxml('docx', [{ name: 'word/media/image1.png', data: Buffer.concat([png(), randomBytes(2 * MIB)]) }]),
    );
  const images = await folder('png');
  for (let i = 0; i < 50; i += 1) await writeFile(path.join(images, `screen-${i}.png`), Buffer.concat([png(), randomBytes(MIB)]));
  const exports = await folder('csv');
  const row = (i: number) =>
    `${i},1.2.392.200036.9116.2.6.1.48.${i},CT,${(i * 7) % 512},${(i * 13) % 512},2024-05-14T10:${String(i % 60).padStart(2, '0')}:00\n`;
  for (let i = 0; i < 20; i += 1) {
    let text = 'index,uid,modality,x,y,time\n';
    for (let r = 0; text.length < 2.5 * MIB; r += 1) text += row(r);
    await writeFile(path.join(exports, `export-${i}.csv`), text);
  }
  const archives = await folder('zip');
  for (let i = 0; i < 2; i += 1)
    await writeFile(
      path.join(archives, `series-${i}.zip`),
      await zipOf(
        Array.from({ length: 5 }, (_, j) => ({
          name: `IM${j}.dcm`,
          data: Buffer.concat([dicomHead(MIB), randomBytes(MIB - dicomHead(MIB).length)]),
        })),
      ),
    );
  await exec('sync');
}

async function listFiles(root: string): Promise<string[]> {
  const { stdout } = await exec('find', [root, '-type', 'f']);
  return stdout.split('\n').filter(Boolean).sort();
}

async function setup(): Promise<Context> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'fieldguard-bench-sanitize-'));
  const corpus = path.join(dir, 'corpus');
  await writeMixedCorpus(corpus);
  const database = await writeClamavTestDatabase(path.join(dir, 'clamav'));
  const core = await createTestCore();
  await core.createVault();
  return { dir, corpus, database, files: await listFiles(corpus), core, round: 0, peakRss: 0, peakGrowth: 0 };
}

async function seconds(work: () => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  await work();
  return Number(process.hrtime.bigint() - start) / 1e9;
}

const pipeline: Benchmark<Context> = {
  name: 'sanitization: whole pipeline, 500 MiB mixed corpus',
  unit: 's',
  higherIsBetter: false,
  // 1.3 × the bare scan at most.
  target: 0.77,
  referenceName: 'clamscan alone, same files, database and options',
  rounds: 3,
  setup,
  async subject(context) {
    context.round += 1;
    const output = path.join(context.dir, `out-${context.round}`);
    const engine = createClamavEngine({ databaseDir: context.database });
    const before = process.memoryUsage().rss;
    const { result: time, growth } = await measureRssGrowth(() =>
      seconds(async () => {
        const result = await runSanitization(context.core.vault.session(), [context.corpus], output, {
          engine,
          policy: DEFAULT_SANITIZE_POLICY,
          analyze: analyzeFile,
        });
        const blocked = result.files.filter((f) => f.verdict === 'blocked');
        if (blocked.length > 0)
          throw new Error(
            `the clean corpus had ${blocked.length} blocked files: ${blocked.map((f) => `${f.path} ${f.findings.map((x) => x.code).join(',')}`).join('; ')}`,
          );
      }),
    );
    context.peakRss = Math.max(context.peakRss, before + growth);
    context.peakGrowth = Math.max(context.peakGrowth, growth);
    await rm(output, { recursive: true, force: true });
    return time;
  },
  async reference(context) {
    const list = path.join(context.dir, 'files.txt');
    await writeFile(list, `${context.files.join('\n')}\n`);
    return seconds(() => exec('clamscan', ['-d', context.database, ...SCAN_OPTIONS, `--file-list=${list}`], { maxBuffer: 64 * MIB }));
  },
  async teardown(context) {
    await context.core.cleanup();
    await rm(context.dir, { recursive: true, force: true });
  },
  notes: (context) =>
    `peak RSS of the bench process while the pipeline ran: ${(context.peakRss / MIB).toFixed(0)} MiB (the pipeline added at most ${(context.peakGrowth / MIB).toFixed(0)} MiB); ${context.files.length} files`,
};

export default [pipeline];
