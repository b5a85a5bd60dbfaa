/**
 * Issue 15: content disarm and reconstruction (CDR) throughput on a generated mixed corpus of
 * the kinds a site receives, each carrying something to remove — macro-enabled Word files with
 * pictures, PDFs with scanned pages and an OpenAction script, camera JPEGs with EXIF, PNG
 * screenshots with data appended — in MiB of input per second, against a plain copy of the same
 * files measured in the same run (the floor of any pipeline that writes a new file). The issue
 * sets no target for this figure; the floor below (CDR at least 1/100 of a copy from the page
 * cache, about 6 MiB/s here) only makes a regression visible. Per-format figures are in the notes.
 */
import { copyFile, mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PDFDocument, PDFName, PDFString } from 'pdf-lib';
import sharp, { type Sharp } from 'sharp';
import { rebuildFile, rebuildKindOf } from '../../electron/core/sanitize/rebuild/rebuild-file';
import { DEFAULT_ARCHIVE_LIMITS } from '../../electron/core/sanitize/sanitize-types';
import { dangerousDocx } from '../support/cdr-corpus';
import { zipOf } from '../support/sanitize-corpus';
import type { Benchmark } from './benchmark';

const MIB = 1024 * 1024;

interface Context {
  readonly dir: string;
  readonly files: readonly { path: string; kind: NonNullable<ReturnType<typeof rebuildKindOf>> }[];
  readonly bytes: number;
  round: number;
  /** Seconds and bytes per format over all recorded CDR rounds, for the notes. */
  readonly perKind: Map<string, { seconds: number; bytes: number }>;
}

/** A photo-like picture: smooth gradients with noise, so JPEG and PNG sizes are realistic. */
async function photo(width: number, height: number, seed: number): Promise<Sharp> {
  const pixels = Buffer.alloc(width * height * 3);
  let state = seed;
  for (let i = 0; i < pixels.length; i += 3) {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    const x = (i / 3) % width;
    const y = Math.floor(i / 3 / width);
    pixels[i] = (x * 255) / width + (state & 15);
    pixels[i + 1] = (y * 255) / height + ((state >> 4) & 15);
    pixels[i + 2] = ((x + y) * 127) / (width + height) + ((state >> 8) & 15);
  }
  return sharp(pixels, { raw: { width, height, channels: 3 } });
}

/** The package with more parts (pictures referenced from the document's relationships, so they are kept). */
async function withParts(pkg: Buffer, parts: readonly { name: string; data: Buffer }[]): Promise<Buffer> {
  const yauzl = (await import('yauzl')).default;
  const zip = await yauzl.fromBufferPromise(pkg, { lazyEntries: true });
  const items: { name: string; data: Buffer | string }[] = [];
  for await (const entry of zip.eachEntry()) {
    const chunks: Buffer[] = [];
    for await (const chunk of (await zip.openReadStreamPromise(entry)) as AsyncIterable<Buffer>) chunks.push(chunk);
    let data: Buffer | string = Buffer.concat(chunks);
    if (entry.fileName === 'word/_rels/document.xml.rels') {
      const extra = parts
        .map(
          (p, i) =>
            `<Relationship Id="rIdPic${i}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="${p.name.replace('word/', '')}"/>`,
        )
        .join('');
      data = data.toString('utf8').replace('</Relationships>', `${extra}</Relationships>`);
    }
    if (entry.fileName === '[Content_Types].xml')
      data = data
        .toString('utf8')
        .replace('<Default Extension="rels"', '<Default Extension="jpeg" ContentType="image/jpeg"/><Default Extension="rels"');
    items.push({ name: entry.fileName, data });
  }
  return zipOf([...items, ...parts]);
}

async function writeCorpus(root: string): Promise<Context['files']> {
  await mkdir(root, { recursive: true });
  const files: { path: string; kind: NonNullable<ReturnType<typeof rebuildKindOf>> }[] = [];
  const add = async (name: string, typeId: string, bytes: Buffer | Uint8Array) => {
    const file = path.join(root, name);
    await writeFile(file, bytes);
    const kind = rebuildKindOf(typeId, name);
    if (kind) files.push({ path: file, kind });
  };
  const jpeg = await (
    await photo(2048, 1536, 1)
  )
    .withExif({ IFD0: { ImageDescription: 'site photo', Make: 'camera' } })
    .jpeg({ quality: 90 })
    .toBuffer();
  for (let i = 0; i < 20; i++) await add(`photo-${i}.jpg`, 'jpeg', jpeg);
  const screenshot = await (await photo(1280, 800, 2)).png().toBuffer();
  for (let i = 0; i < 20; i++) await add(`screen-${i}.png`, 'png', Buffer.concat([screenshot, Buffer.from('PK\x03\x04 appended')]));
  // Word files: the attacker's docm around a few pictures.
  const pictures = await (await photo(1600, 1200, 4)).jpeg({ quality: 85 }).toBuffer();
  const docm = await withParts(
    await dangerousDocx(),
    [1, 2, 3].map((n) => ({ name: `word/media/picture${n}.jpeg`, data: pictures })),
  );
  for (let i = 0; i < 10; i++) await add(`manual-${i}.docm`, 'docm', docm);
  const scan = await (await photo(1654, 2339, 3)).jpeg({ quality: 80 }).toBuffer();
  for (let i = 0; i < 10; i++) {
    const document = await PDFDocument.create();
    const image = await document.embedJpg(scan);
    for (let p = 0; p < 3; p++) document.addPage([595, 842]).drawImage(image, { x: 0, y: 0, width: 595, height: 842 });
    document.catalog.set(PDFName.of('OpenAction'), document.context.obj({ S: 'JavaScript', JS: PDFString.of('app.alert(1)') }));
    await add(`scan-${i}.pdf`, 'pdf', await document.save({ useObjectStreams: false }));
  }
  return files;
}

async function setup(): Promise<Context> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'fieldguard-bench-cdr-'));
  const files = await writeCorpus(path.join(dir, 'corpus'));
  let bytes = 0;
  for (const file of files) bytes += (await stat(file.path)).size;
  return { dir, files, bytes, round: 0, perKind: new Map() };
}

async function mibPerSecond(bytes: number, work: () => Promise<void>): Promise<number> {
  const start = process.hrtime.bigint();
  await work();
  return bytes / MIB / (Number(process.hrtime.bigint() - start) / 1e9);
}

const cdr: Benchmark<Context> = {
  name: 'sanitization: content disarm (rebuild), mixed Office/PDF/image corpus',
  unit: 'MiB/s',
  higherIsBetter: true,
  target: 0.01,
  referenceName: 'plain copy of the same files',
  rounds: 3,
  setup,
  async subject(context) {
    context.round += 1;
    const out = path.join(context.dir, `cdr-${context.round}`);
    await mkdir(out);
    const speed = await mibPerSecond(context.bytes, async () => {
      for (const [index, file] of context.files.entries()) {
        const start = process.hrtime.bigint();
        const outcome = await rebuildFile(file.kind, file.path, path.join(out, String(index)), { limits: DEFAULT_ARCHIVE_LIMITS });
        if (outcome.outcome !== 'sanitized') throw new Error(`${path.basename(file.path)} was not rebuilt: ${JSON.stringify(outcome)}`);
        const entry = context.perKind.get(file.kind) ?? { seconds: 0, bytes: 0 };
        entry.seconds += Number(process.hrtime.bigint() - start) / 1e9;
        entry.bytes += (await stat(file.path)).size;
        context.perKind.set(file.kind, entry);
      }
    });
    await rm(out, { recursive: true, force: true });
    return speed;
  },
  async reference(context) {
    context.round += 1;
    const out = path.join(context.dir, `copy-${context.round}`);
    await mkdir(out);
    const speed = await mibPerSecond(context.bytes, async () => {
      for (const [index, file] of context.files.entries()) await copyFile(file.path, path.join(out, String(index)));
    });
    await rm(out, { recursive: true, force: true });
    return speed;
  },
  async teardown(context) {
    await rm(context.dir, { recursive: true, force: true });
  },
  notes: (context) =>
    `${context.files.length} files, ${(context.bytes / MIB).toFixed(0)} MiB, every one with something to remove; per format (MiB/s): ${[
      ...context.perKind,
    ]
      .map(
        ([kind, { seconds, bytes }]) =>
          `${kind} ${(bytes / MIB / seconds).toFixed(1)} (${context.files.filter((f) => f.kind === kind).length} files)`,
      )
      .join(', ')}`,
};

export default [cdr];
