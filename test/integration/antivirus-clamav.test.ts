/**
 * The ClamAV engine against the real clamscan, with a signature database written here (the
 * machine is offline and has no official signatures): EICAR in its usual disguises is found,
 * clean files pass, awkward file names are read back right, and everything that was not
 * positively scanned (missing, unreadable, no database, cut short) is an error, never clean.
 * Skipped, with the reason printed, only where clamscan is not installed.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { access, chmod, mkdir, mkdtemp, readdir, readFile, rm, truncate, unlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZipFile } from 'yazl';
import type { ScanResult } from '../../electron/core/sanitize/sanitize-types';
import { parseBuildTime, parseCvdHeader, readClamavDatabase } from '../../electron/platform/antivirus/clamav-database';
import { createClamavEngine, parseClamscanVersion, SCAN_OPTIONS } from '../../electron/platform/antivirus/clamav-engine';
import { clamscanResults } from '../../electron/platform/antivirus/clamscan-output';
import { createAntivirusEngine } from '../../electron/platform/antivirus/engine-for-this-os';
import { runScanner } from '../../electron/platform/antivirus/run-scanner';
import { EICAR, EICAR_DETECTION, writeClamavTestDatabase } from '../support/clamav-test-database';

const clamscanVersion = spawnSync('clamscan', ['--version'], { encoding: 'utf8' });
const clamscanMissing = clamscanVersion.error
  ? `clamscan is not installed (${clamscanVersion.error.message}); install the Debian package "clamav"`
  : null;
if (clamscanMissing) console.warn(`Skipping the ClamAV integration tests: ${clamscanMissing}`);

const clamdMissing =
  clamscanMissing ?? ['clamd', 'clamdscan'].find((program) => spawnSync(program, ['--version']).error !== undefined) ?? null;
if (clamdMissing && !clamscanMissing)
  console.warn(`Skipping the clamd tests: ${clamdMissing} is not installed (Debian packages "clamav-daemon" and "clamdscan")`);

const isRoot = process.getuid?.() === 0;
const hasSetpriv = spawnSync('setpriv', ['--version']).error === undefined;

function zip(entries: Record<string, Buffer>): Promise<Buffer> {
  const archive = new ZipFile();
  for (const [name, data] of Object.entries(entries)) archive.addBuffer(data, name);
  archive.end();
  const chunks: Buffer[] = [];
  return new Promise((resolve, reject) => {
    archive.outputStream.on('data', (chunk: Buffer) => chunks.push(chunk));
    archive.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
    archive.outputStream.on('error', reject);
  });
}

/** The clamscan processes this test process started that are still alive. */
async function ourClamscans(): Promise<number[]> {
  const alive: number[] = [];
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = await readFile(`/proc/${entry}/stat`, 'utf8');
      // "pid (comm) state ppid …": comm may contain spaces, so read after the last ')'.
      const [, ppid] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(ppid) === process.pid && stat.includes('(clamscan)')) alive.push(Number(entry));
    } catch {
      // the process ended while we looked
    }
  }
  return alive;
}

const infected: ScanResult = { status: 'infected', name: EICAR_DETECTION };
const clean: ScanResult = { status: 'clean' };

describe('parsing what ClamAV writes (no clamscan needed)', () => {
  it('reads an official database header, and its build time when there is no sign time', () => {
    const header = 'ClamAV-VDB:16 Apr 2020 07-58 -0400:25784:2267600:63:92baacd59fd26e6bcf03077add78d209:sig:raynman:1587038339';
    expect(parseCvdHeader(Buffer.from(header.padEnd(512, ' '), 'latin1'), 'daily')).toEqual({
      name: 'daily',
      version: 25784,
      signatures: 2267600,
      builtAt: new Date(1587038339 * 1000).toISOString(),
    });
    expect(parseBuildTime('16 Apr 2020 07-58 -0400')).toBe('2020-04-16T11:58:00.000Z');
    expect(parseCvdHeader('ClamAV-VDB:16 Apr 2020 07-58 -0400:25784:2267600:63:x:y:z:', 'daily')?.builtAt).toBe('2020-04-16T11:58:00.000Z');
    expect(parseCvdHeader('PK\u0003\u0004 not a header', 'daily')).toBeNull();
  });

  it('reads the engine version whether or not clamscan found a database', () => {
    expect(parseClamscanVersion('ClamAV 1.4.6\n')).toBe('1.4.6');
    expect(parseClamscanVersion('ClamAV 1.4.6/27450/Tue Nov 26 09:38:02 2024\n')).toBe('1.4.6');
    expect(parseClamscanVersion('clamscan: command not found')).toBeNull();
  });

  it('attributes lines whose paths contain ": " to the longest input, and never calls a problem clean', () => {
    const sizes = new Map([
      ['/d/a', 68],
      ['/d/a: OK', 5],
      ['/d/gone', 5],
      ['/d/locked', 5],
      ['/d/empty', 0],
      ['/d/not-empty', 9],
      ['/d/silent', 5],
    ]);
    const results = clamscanResults(
      {
        stdout: [
          '/d/a: Sig.X FOUND',
          '/d/a: OK: OK',
          "WARNING: /d/gone: Can't access file",
          "WARNING: Can't open file /d/locked: Permission denied",
          '/d/empty: Empty file',
          '/d/not-empty: Empty file',
          '',
        ].join('\n'),
        stderr: '/d/gone: No such file or directory\n',
        exitCode: 1,
      },
      sizes,
    );
    expect(Object.fromEntries(results)).toEqual({
      '/d/a': { status: 'infected', name: 'Sig.X' },
      '/d/a: OK': clean,
      '/d/gone': { status: 'error', detail: "clamscan: WARNING: /d/gone: Can't access file" },
      '/d/locked': { status: 'error', detail: "clamscan: WARNING: Can't open file /d/locked: Permission denied" },
      '/d/empty': clean,
      '/d/not-empty': { status: 'error', detail: 'clamscan said "Empty file" for a file of 9 bytes' },
      '/d/silent': { status: 'error', detail: 'clamscan gave no result for this file (exit code 1)' },
    });
  });

  it('distrusts OK lines when exit code 1 names no detection, and drops the half line of a killed run', () => {
    const sizes = new Map([['/d/a', 1]]);
    expect(clamscanResults({ stdout: '/d/a: OK\n', stderr: '', exitCode: 1 }, sizes).get('/d/a')?.status).toBe('error');
    expect(clamscanResults({ stdout: '/d/a: OK', stderr: '', exitCode: null, stoppedBecause: 'killed' }, sizes).get('/d/a')).toEqual({
      status: 'error',
      detail: 'clamscan gave no result for this file (killed)',
    });
  });
});

describe('the engine for this OS', () => {
  it('is Microsoft Defender on Windows and ClamAV elsewhere', () => {
    expect(createAntivirusEngine('linux').name).toBe('ClamAV');
    expect(createAntivirusEngine('darwin').name).toBe('ClamAV');
    expect(createAntivirusEngine('win32').name).toBe('Microsoft Defender');
  });
});

describe.skipIf(clamscanMissing !== null)('the ClamAV engine with the real clamscan', () => {
  let work: string;
  let database: string;
  let files: string;

  beforeAll(async () => {
    work = await mkdtemp(path.join(os.tmpdir(), 'fieldguard-av-test-'));
    database = await writeClamavTestDatabase(path.join(work, 'db'));
    files = path.join(work, 'files');
    await mkdir(files);
  });
  afterAll(async () => {
    await rm(work, { recursive: true, force: true });
  });

  const put = async (name: string, data: Buffer | string): Promise<string> => {
    const file = path.join(files, name);
    await writeFile(file, data);
    return file;
  };

  it('[8-1] finds EICAR plain, renamed, zipped and zipped twice, passes clean files, in one batch', async () => {
    const eicarZip = await zip({ 'eicar.com': EICAR });
    const batch = {
      cleanText: await put('notes.txt', 'Service visit 2026-11-26: replaced the fan.\n'),
      cleanZip: await put('logs.zip', await zip({ 'log.txt': Buffer.from('all fine\n') })),
      eicar: await put('eicar.com', EICAR),
      renamed: await put('report.pdf', EICAR),
      zipped: await put('eicar.zip', eicarZip),
      zipInZip: await put('outer.zip', await zip({ 'inner/eicar.zip': eicarZip })),
      empty: await put('empty.txt', ''),
    };
    const results = await createClamavEngine({ databaseDir: database }).scan(Object.values(batch));
    expect(results.size).toBe(Object.keys(batch).length);
    expect(results.get(batch.cleanText)).toEqual(clean);
    expect(results.get(batch.cleanZip)).toEqual(clean);
    expect(results.get(batch.empty)).toEqual(clean);
    for (const file of [batch.eicar, batch.renamed, batch.zipped, batch.zipInZip]) expect(results.get(file), file).toEqual(infected);
  });

  it('reads back names with spaces, Japanese, a leading dash and ": ", and keeps relative inputs as given', async () => {
    const names = {
      spaces: await put('service report 2026.txt', EICAR),
      japanese: await put('保守報告 第2版.txt', EICAR),
      japaneseClean: await put('点検記録.csv', 'a,b\n1,2\n'),
      dash: await put('-leading-dash.txt', EICAR),
      option: await put('--version', 'not an option\n'),
      colon: await put('a', EICAR),
      colonClean: await put('a: OK', 'clean\n'),
      colonSpaces: await put('x: y: z.txt', EICAR),
    };
    const relative = path.relative(process.cwd(), names.japaneseClean);
    const inputs = [...Object.values(names), relative];
    const results = await createClamavEngine({ databaseDir: database }).scan(inputs);
    expect([...results.keys()]).toEqual(inputs);
    expect(Object.fromEntries(Object.entries(names).map(([key, file]) => [key, results.get(file)]))).toEqual({
      spaces: infected,
      japanese: infected,
      japaneseClean: clean,
      dash: infected,
      option: clean,
      colon: infected,
      colonClean: clean,
      colonSpaces: infected,
    });
    expect(results.get(relative)).toEqual(clean);
  });

  it('reports a file deleted before the scan, a directory and a name with a line break as errors', async () => {
    const gone = await put('gone.txt', 'x');
    await unlink(gone);
    const folder = path.join(files, 'folder');
    await mkdir(folder, { recursive: true });
    await writeFile(path.join(folder, 'inside.txt'), EICAR);
    const lineBreak = await put('two\nlines.txt', 'x');
    const ok = await put('ok.txt', 'ok');
    const results = await createClamavEngine({ databaseDir: database }).scan([gone, folder, lineBreak, ok]);
    expect(results.get(gone)).toMatchObject({ status: 'error' });
    expect(results.get(folder)).toMatchObject({ status: 'error', detail: 'not a regular file' });
    expect(results.get(lineBreak)).toMatchObject({ status: 'error', detail: expect.stringContaining('line break') });
    expect(results.get(ok)).toEqual(clean);
  });

  it('does not let an infected file hide a missing one (clamscan exits 1 for both)', async () => {
    // The race the engine's own check cannot close: the file goes away after we listed it.
    const eicar = await put('race-eicar.com', EICAR);
    const missing = path.join(files, 'race-missing.txt');
    const list = await put('race-list.txt', `${eicar}\n${missing}\n`);
    const run = await runScanner('clamscan', [...SCAN_OPTIONS, `--database=${database}`, `--file-list=${list}`], { timeoutMs: 60_000 });
    expect(run.exitCode).toBe(1);
    const results = clamscanResults(
      run,
      new Map([
        [eicar, EICAR.length],
        [missing, 0],
      ]),
    );
    expect(results.get(eicar)).toEqual(infected);
    expect(results.get(missing)).toMatchObject({ status: 'error' });
  });

  it.skipIf(isRoot && !hasSetpriv)('reports a file it may not read as an error, never clean', async () => {
    const locked = await put('locked.txt', 'secret\n');
    await chmod(locked, 0o000);
    let clamscanPath: string | undefined;
    if (isRoot) {
      // root reads any file: run clamscan as root without the capabilities that bypass permissions.
      clamscanPath = await put(
        'clamscan-without-dac.sh',
        '#!/bin/sh\nexec setpriv --bounding-set -dac_override,-dac_read_search --inh-caps -dac_override,-dac_read_search clamscan "$@"\n',
      );
      await chmod(clamscanPath, 0o755);
    }
    const ok = await put('readable.txt', 'fine\n');
    const results = await createClamavEngine({ databaseDir: database, ...(clamscanPath ? { clamscanPath } : {}) }).scan([locked, ok]);
    expect(results.get(locked)).toMatchObject({ status: 'error', detail: expect.stringContaining('Permission denied') });
    expect(results.get(ok)).toEqual(clean);
  });

  it('flags a file too large for ClamAV instead of calling it clean', async () => {
    const huge = path.join(files, 'huge.dcm');
    await writeFile(huge, '');
    await truncate(huge, 2100 * 1024 * 1024); // sparse: takes no disk space
    const results = await createClamavEngine({ databaseDir: database }).scan([huge]);
    expect(results.get(huge)).toEqual({ status: 'infected', name: 'Heuristics.Limits.Exceeded.MaxFileSize' });
    await unlink(huge);
  });

  it('flags an encrypted archive: no engine looked inside it', async () => {
    // A zip whose only entry has the "encrypted" flag (general purpose bit 0) set.
    const plain = await zip({ 'secret.txt': Buffer.from('secret\n') });
    const flagged = Buffer.from(plain);
    flagged.writeUInt16LE(flagged.readUInt16LE(6) | 1, 6); // local header
    const central = flagged.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    flagged.writeUInt16LE(flagged.readUInt16LE(central + 8) | 1, central + 8); // central directory
    const encrypted = await put('encrypted.zip', flagged);
    const results = await createClamavEngine({ databaseDir: database }).scan([encrypted]);
    expect(results.get(encrypted)).toMatchObject({ status: 'infected', name: expect.stringMatching(/^Heuristics\.Encrypted\./) });
  });

  it('describes the engine and the test database', async () => {
    const info = await createClamavEngine({ databaseDir: database }).info();
    expect(info).toMatchObject({ engine: 'ClamAV', version: parseClamscanVersion(clamscanVersion.stdout) });
    expect(info?.version).toMatch(/^\d+\.\d+/);
    // Only custom signatures: no official database to name, and the count in its own field for the screens to word.
    expect(info?.databaseVersion).toBeNull();
    expect(info?.customSignatures).toBe(1);
    expect(Date.parse(info?.databaseDate ?? '')).not.toBeNaN();
    expect(info?.databaseDate).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
  });

  it('has no info and scans nothing clean without a database, or with one ClamAV refuses', async () => {
    const empty = path.join(work, 'empty-db');
    await mkdir(empty, { recursive: true });
    const file = await put('plain.txt', 'plain\n');
    const noDatabase = createClamavEngine({ databaseDir: empty });
    expect(await noDatabase.info()).toBeNull();
    expect((await noDatabase.scan([file])).get(file)).toMatchObject({
      status: 'error',
      detail: expect.stringContaining('no ClamAV signature database'),
    });

    // Headers of an official database that is not really one: info() can only read the
    // header, but clamscan refuses the file, so nothing passes.
    const fake = path.join(work, 'fake-official-db');
    await mkdir(fake, { recursive: true });
    const header = (name: string, version: number) =>
      Buffer.concat([
        Buffer.from(`ClamAV-VDB:26 Nov 2026 06-00 +0000:${version}:100:90:md5:sig:${name}:1795672800`.padEnd(512, ' '), 'latin1'),
        Buffer.from('not a tar.gz'),
      ]);
    await writeFile(path.join(fake, 'daily.cvd'), header('daily', 27450));
    await writeFile(path.join(fake, 'main.cvd'), header('main', 62));
    const refused = createClamavEngine({ databaseDir: fake });
    expect(await refused.info()).toMatchObject({ databaseVersion: 'daily 27450, main 62', databaseDate: '2026-11-26T06:00:00.000Z' });
    expect((await readClamavDatabase(fake))?.official.map((h) => h.name)).toEqual(['daily', 'main']);
    const result = (await refused.scan([file])).get(file);
    expect(result).toMatchObject({
      status: 'error',
      detail: expect.stringContaining("Can't verify database integrity"),
      problem: { code: 'DATABASE_UNUSABLE', detail: expect.stringContaining("Can't verify database integrity") },
    });
  });

  it('has no info and scans nothing clean when clamscan is missing', async () => {
    const file = await put('plain2.txt', 'plain\n');
    const missing = createClamavEngine({ databaseDir: database, clamscanPath: path.join(work, 'no-such-clamscan') });
    expect(await missing.info()).toBeNull();
    expect((await missing.scan([file])).get(file)).toEqual({
      status: 'error',
      detail: 'clamscan is not installed',
      problem: { code: 'ENGINE_NOT_INSTALLED', detail: `clamscan was not found (looked in ${path.join(work, 'no-such-clamscan')})` },
    });
  });

  it('falls back to clamscan when clamdscan reaches no clamd', async () => {
    const eicar = await put('fallback-eicar.com', EICAR);
    const ok = await put('fallback-ok.txt', 'ok\n');
    const engine = createClamavEngine({ databaseDir: database, clamdscanPath: path.join(work, 'no-such-clamdscan') });
    expect(Object.fromEntries(await engine.scan([eicar, ok]))).toEqual({ [eicar]: infected, [ok]: clean });
  });

  it('kills clamscan when the scan is cancelled, and reports a timeout as errors', async () => {
    // 1.5 GB of zeros (sparse, no disk space) takes clamscan about 15 s here.
    const big = path.join(files, 'big.bin');
    await writeFile(big, '');
    await truncate(big, 1500 * 1024 * 1024);
    const engine = createClamavEngine({ databaseDir: database });

    const controller = new AbortController();
    const scanning = engine.scan([big], { signal: controller.signal });
    // Wait until clamscan runs (a busy machine may take a moment to start it).
    for (let waited = 0; (await ourClamscans()).length === 0 && waited < 10_000; waited += 50) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(await ourClamscans()).toHaveLength(1);
    const cancelledAt = Date.now();
    controller.abort(new Error('cancelled by the engineer'));
    await expect(scanning).rejects.toThrow('cancelled by the engineer');
    expect(Date.now() - cancelledAt).toBeLessThan(2000);
    expect(await ourClamscans()).toEqual([]);
    await expect(engine.scan([big], { signal: controller.signal })).rejects.toThrow('cancelled by the engineer');

    const timed = await createClamavEngine({ databaseDir: database, timeoutMs: 500 }).scan([big]);
    expect(timed.get(big)).toMatchObject({ status: 'error', detail: expect.stringContaining('timed out') });
    expect(await ourClamscans()).toEqual([]);
    await unlink(big);
  });
});

describe.skipIf(clamdMissing !== null)('the ClamAV engine through a running clamd', () => {
  let work: string;
  let clamd: ChildProcess;
  let clamdscan: string;

  beforeAll(async () => {
    work = await mkdtemp(path.join(os.tmpdir(), 'fieldguard-clamd-test-'));
    const database = await writeClamavTestDatabase(path.join(work, 'db'));
    const socket = path.join(work, 'clamd.sock');
    const config = path.join(work, 'clamd.conf');
    // The settings that SCAN_OPTIONS gives clamscan: clamd takes them only from its configuration.
    await writeFile(
      config,
      [
        `LocalSocket ${socket}`,
        `DatabaseDirectory ${database}`,
        `LogFile ${path.join(work, 'clamd.log')}`,
        'Foreground yes',
        'AlertExceedsMax yes',
        'MaxFileSize 2047M',
        'MaxScanSize 2047M',
        'AlertEncrypted yes',
        'AlertOLE2Macros yes',
        'AlertBrokenExecutables yes',
        '',
      ].join('\n'),
    );
    clamd = spawn('clamd', ['-c', config], { stdio: 'ignore' });
    for (let waited = 0; ; waited += 100) {
      try {
        await access(socket);
        break;
      } catch {
        if (waited > 30_000) throw new Error('clamd did not open its socket within 30 s');
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
    // clamdscan finds clamd through a configuration file; the engine runs clamdscan as given.
    clamdscan = path.join(work, 'clamdscan');
    await writeFile(clamdscan, `#!/bin/sh\nexec clamdscan --config-file='${config}' "$@"\n`);
    await chmod(clamdscan, 0o755);
  });
  afterAll(async () => {
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- unset when the setup failed
    clamd?.kill('SIGKILL');
    await rm(work, { recursive: true, force: true });
  });

  it('gives every file its own result, as clamscan does', async () => {
    const put = async (name: string, data: Buffer | string) => {
      const file = path.join(work, name);
      await writeFile(file, data);
      return file;
    };
    const files = {
      clean: await put('notes.txt', 'fine\n'),
      eicar: await put('report.pdf', EICAR),
      zipped: await put('eicar.zip', await zip({ 'eicar.com': EICAR })),
      colon: await put('a: b.txt', EICAR),
      dash: await put('-dash.txt', 'fine\n'),
      japanese: await put('保守 報告.txt', EICAR),
    };
    const missing = path.join(work, 'missing.txt');
    const results = await createClamavEngine({ databaseDir: path.join(work, 'db'), clamdscanPath: clamdscan }).scan([
      ...Object.values(files),
      missing,
    ]);
    expect(Object.fromEntries(Object.entries(files).map(([key, file]) => [key, results.get(file)]))).toEqual({
      clean,
      eicar: infected,
      zipped: infected,
      colon: infected,
      dash: clean,
      japanese: infected,
    });
    expect(results.get(missing)).toMatchObject({ status: 'error' });
    // clamd itself did the work (no fallback to clamscan): it logged the detection.
    expect(await readFile(path.join(work, 'clamd.log'), 'utf8')).toContain(`${files.eicar}: ${EICAR_DETECTION} FOUND`);
  });
});
