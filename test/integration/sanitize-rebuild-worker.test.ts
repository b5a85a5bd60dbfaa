/**
 * The rebuild worker thread (issue 15): content disarm runs off the main thread so the window
 * never stalls, with the same outcome as in this thread, and a cancelled rebuild leaves
 * nothing behind. Integration, not unit: each case starts real worker threads that load sharp.
 */
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rebuilderFor, rebuildWorkerEntry } from '../../electron/core/sanitize/rebuild/rebuild-in-worker';
import { rebuildFile } from '../../electron/core/sanitize/rebuild/rebuild-file';
import { DEFAULT_ARCHIVE_LIMITS } from '../../electron/core/sanitize/sanitize-types';
import { dangerousDocx, pdfWith, pngWithExtras, testPixels } from '../support/cdr-corpus';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'fg-cdr-worker-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

let counter = 0;
async function writeTemp(bytes: Buffer): Promise<string> {
  counter++;
  const file = path.join(dir, `${counter}-source`);
  await writeFile(file, bytes);
  return file;
}

describe('off the main thread', () => {
  it('rebuilds in a worker thread with the same outcome as in this thread, one thread for many files', async () => {
    const entry = rebuildWorkerEntry();
    expect(entry?.pathname).toMatch(/rebuild-worker\.dev\.mjs$/);
    const inWorker = rebuilderFor(entry);
    const docm = await writeTemp(await dangerousDocx());
    const csv = await writeTemp(Buffer.from('a,=1+1\n'));
    const [a, b] = await Promise.all([
      inWorker('ooxml', docm, `${docm}.w`, { limits: DEFAULT_ARCHIVE_LIMITS }),
      inWorker('csv', csv, `${csv}.w`, { limits: DEFAULT_ARCHIVE_LIMITS }),
    ]);
    expect(a).toEqual(await rebuildFile('ooxml', docm, `${docm}.t`, { limits: DEFAULT_ARCHIVE_LIMITS }));
    expect(b.removed).toEqual([{ kind: 'csv-formula', location: 'R1C2' }]);
    expect(await readFile(`${docm}.w`)).toEqual(await readFile(`${docm}.t`));
  });

  it('is cancelled by terminating the thread, leaving nothing behind, and the next rebuild starts a new one', async () => {
    const inWorker = rebuilderFor(rebuildWorkerEntry());
    const pdf = await writeTemp(await pdfWith(['open-action-js', 'launch', 'embedded-file']));
    const controller = new AbortController();
    const running = inWorker('pdf', pdf, `${pdf}.w`, { limits: DEFAULT_ARCHIVE_LIMITS, signal: controller.signal });
    controller.abort();
    await expect(running).rejects.toThrow();
    await new Promise((resolve) => setTimeout(resolve, 200));
    await expect(stat(`${pdf}.w`)).rejects.toThrow();
    expect((await inWorker('pdf', pdf, `${pdf}.w2`, { limits: DEFAULT_ARCHIVE_LIMITS })).outcome).toBe('sanitized');
  });

  it('re-encodes images in a worker, and again in a new worker after one was terminated (sharp loads in each)', async () => {
    const png = await writeTemp(await pngWithExtras());
    const first = rebuilderFor(rebuildWorkerEntry());
    expect((await first('png', png, `${png}.a`, { limits: DEFAULT_ARCHIVE_LIMITS })).outcome).toBe('sanitized');
    const controller = new AbortController();
    const cancelled = first('png', png, `${png}.b`, { limits: DEFAULT_ARCHIVE_LIMITS, signal: controller.signal });
    controller.abort();
    await expect(cancelled).rejects.toThrow();
    expect((await first('png', png, `${png}.c`, { limits: DEFAULT_ARCHIVE_LIMITS })).outcome).toBe('sanitized');
    expect(await sharp(`${png}.c`).raw().toBuffer()).toEqual(testPixels());
  });

  it('runs in this thread when there is no worker entry (the single-file CLI)', async () => {
    expect(rebuilderFor(null)).toBe(rebuildFile);
  });
});
