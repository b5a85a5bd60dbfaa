/**
 * `fieldguard sanitize` as an engineer runs it (issue 15), the real CLI process with real
 * clamscan and a signature database the test writes:
 * - a chosen `src/sub/..` delivers under --out and nowhere else; names that hide what a file
 *   is, that Windows refuses, or that clash are delivered safe and unique, mapped original →
 *   delivered in --json; nothing already in the output is replaced;
 * - a file whose name is not valid UTF-8 is that one file blocked, named in escaped form, and
 *   the run goes on;
 * - the anti-virus line names the engine, database folder, age and signatures, and the test
 *   database (a few signatures) is warned about; an engine that cannot scan exits 2 with the
 *   cause and what to do, in Japanese and English;
 * - a 42.zip-shaped bomb (16 archives of 16 archives, four levels) gives a report of a few
 *   pages and a few lines of output, with the repeated reason counted.
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeClamavTestDatabase } from '../support/clamav-test-database';
import { zipOf } from '../support/sanitize-corpus';
import { TEST_PASSWORD } from '../support/test-core';

const root = path.resolve(import.meta.dirname, '../..');
let work: string;
let dataDir: string;
let database: string;

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

function fieldguard(args: string[], stdin = '', language = 'ja_JP.UTF-8'): Promise<Run> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      ['--import', 'tsx', 'electron/cli/index.ts', ...args, '--data-dir', dataDir],
      { cwd: root, env: { ...process.env, LANG: language, LC_ALL: '' }, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => resolve({ code: error ? Number((error as { code?: number | string }).code ?? 2) : 0, stdout, stderr }),
    );
    child.stdin?.end(stdin);
  });
}

const sanitize = (args: string[], language?: string) =>
  fieldguard(['sanitize', ...args, '--password-stdin'], `${TEST_PASSWORD}\n`, language);

interface JsonFile {
  path: string;
  originalPath?: string;
  verdict: string;
  findings: { code: string; params?: Record<string, string | number>; entry?: string }[];
}
interface JsonResult {
  files: JsonFile[];
  engine: { databasePath: string; signatures: number; databaseAgeDays: number } | null;
  engineWarnings: { code: string; params: Record<string, number> }[];
}

/** Every path under `dir`, as POSIX paths relative to it. */
async function tree(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/')).sort();
}

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'fieldguard-cli-sanitize-'));
  dataDir = path.join(work, 'data');
  database = await writeClamavTestDatabase(path.join(work, 'clamav-db'));
  const init = await fieldguard(
    ['vault', 'init', '--name', '山田 太郎', '--company', '東都メディカル株式会社', '--employee-id', 'E-20417', '--password-stdin'],
    `${TEST_PASSWORD}\n`,
  );
  expect(init.code, init.stderr).toBe(0);
}, 120_000);
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('where delivered files go', () => {
  let run: Run;
  let result: JsonResult;
  const src = () => path.join(work, 'names', 'src');
  const out = () => path.join(work, 'names', 'X', 'out');

  beforeAll(async () => {
    await mkdir(path.join(src(), 'sub'), { recursive: true });
    await writeFile(path.join(src(), 'report.txt'), '点検報告\n');
    await writeFile(path.join(src(), 'invoice\u202Efdp.txt'), 'looks like a PDF to the eye\n');
    await writeFile(path.join(src(), 'CON.txt'), 'reserved on Windows\n');
    await writeFile(path.join(src(), 'notes.txt.'), 'trailing dot\n');
    await writeFile(path.join(src(), 'a?.txt'), 'first\n');
    await writeFile(path.join(src(), 'a*.txt'), 'second\n');
    // "café.txt" written by a Latin-1 tool: not valid UTF-8, unreachable by a string path.
    await writeFile(Buffer.from(`${src()}/caf\xE9.txt`, 'latin1'), 'old tool\n');
    await writeFile(path.join(src(), 'sub', 'tab\tin name.txt'), 'control character\n');
    // clamscan reads its file list by lines: a line break in a name cannot be scanned, so it is blocked, named escaped.
    await writeFile(path.join(src(), 'sub', 'line\nbreak.txt'), 'control character\n');
    run = await sanitize([path.join(src(), 'sub', '..'), '--out', out(), '--clamav-db', database, '--json']);
    result = JSON.parse(run.stdout) as JsonResult;
  }, 120_000);

  it('resolves src/sub/.. before use and writes only inside --out', async () => {
    expect(await tree(path.join(work, 'names', 'X'))).toEqual(['out', ...(await tree(out())).map((p) => `out/${p}`)].sort());
    expect(await readFile(path.join(out(), 'src', 'report.txt'), 'utf8')).toBe('点検報告\n');
    for (const file of result.files) expect(file.path.startsWith('src/'), file.path).toBe(true);
  });

  it('delivers safe names, maps each original to its delivered name, and replaces nothing on a clash', async () => {
    const byOriginal = new Map(result.files.map((f) => [f.originalPath ?? f.path, f]));
    expect(byOriginal.get('src/invoice<U+202E>fdp.txt')).toMatchObject({ path: 'src/invoice_fdp.txt', verdict: 'passed' });
    expect(byOriginal.get('src/CON.txt')).toMatchObject({ path: 'src/CON_.txt' });
    expect(byOriginal.get('src/notes.txt.')).toMatchObject({ path: 'src/notes.txt_' });
    expect(byOriginal.get('src/sub/tab<U+0009>in name.txt')).toMatchObject({ path: 'src/sub/tab_in name.txt', verdict: 'passed' });
    expect(byOriginal.get('src/sub/line<U+000A>break.txt')).toMatchObject({ verdict: 'blocked', findings: [{ code: 'SCAN_FAILED' }] });
    expect(byOriginal.get('src/report.txt')).toMatchObject({ path: 'src/report.txt' });
    expect(byOriginal.get('src/report.txt')?.originalPath).toBeUndefined();
    // a?.txt and a*.txt are both "a_.txt" when made safe: one is numbered, both arrive whole.
    const clashing = ['src/a?.txt', 'src/a*.txt'].map((p) => byOriginal.get(p)?.path);
    expect(clashing.sort()).toEqual(['src/a_ (2).txt', 'src/a_.txt']);
    const contents = await Promise.all(clashing.map((p) => readFile(path.join(out(), p!), 'utf8')));
    expect(contents.sort()).toEqual(['first\n', 'second\n']);
    const delivered = result.files
      .filter((f) => f.verdict !== 'blocked')
      .map((f) => f.path)
      .sort();
    expect(await tree(out())).toEqual(['src', 'src/sub', ...delivered].sort());
  });

  it('blocks the one file whose name is not UTF-8, naming it escaped, and goes on with the rest', () => {
    expect(run.code).toBe(1);
    expect(result.files.find((f) => f.path === 'src/caf<0xE9>.txt')).toMatchObject({
      verdict: 'blocked',
      findings: [{ code: 'NAME_NOT_UTF8' }],
    });
    expect(result.files.filter((f) => f.verdict === 'passed').length).toBe(7);
  });

  it('says which database the engine used, how old and how big, and warns that the test database is too small', () => {
    expect(result.engine).toMatchObject({ databasePath: database, signatures: 1, databaseAgeDays: 0 });
    expect(result.engineWarnings).toEqual([{ code: 'DATABASE_SMALL', params: { signatures: 1, minimum: 100_000 } }]);
  });

  it('prints the mapping, the engine line and the warning in the terminal, in Japanese and English', async () => {
    const again = await sanitize([src(), '--out', path.join(work, 'names', 'text-ja'), '--clamav-db', database]);
    expect(again.stdout).toContain('src/invoice_fdp.txt ← src/invoice<U+202E>fdp.txt');
    expect(again.stdout).toContain(`ウイルス検査: ClamAV`);
    expect(again.stdout).toContain(`定義 独自定義 1 件（${database}）`);
    expect(again.stdout).toContain('署名 1 件');
    expect(again.stdout).toMatch(/⚠ ウイルス定義の署名が 1 件しかない/);
    const english = await sanitize([src(), '--out', path.join(work, 'names', 'text-en'), '--clamav-db', database], 'en_US.UTF-8');
    expect(english.stdout).toContain(`database custom, 1 signature in ${database}`);
    expect(english.stdout).toMatch(/⚠ The virus database's signature count is only 1 /);
    expect(english.stdout).toMatch(/0 days old/);
  }, 120_000);

  it('names a chosen path that does not exist', async () => {
    const missing = path.join(work, 'names', 'no-such-folder');
    const run = await sanitize([missing, '--out', path.join(work, 'names', 'unused'), '--clamav-db', database], 'en_US.UTF-8');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('VAULT_SOURCE_UNREADABLE');
    expect(run.stderr).toContain(missing);
  }, 60_000);

  it('never replaces a file already in the output folder: a non-empty --out is refused', async () => {
    const taken = path.join(work, 'names', 'taken');
    await mkdir(taken, { recursive: true });
    await writeFile(path.join(taken, 'keep.txt'), 'mine');
    const refused = await sanitize([src(), '--out', taken, '--clamav-db', database]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('SANITIZE_OUTPUT_NOT_EMPTY');
    expect(await tree(taken)).toEqual(['keep.txt']);
  }, 60_000);
});

describe('an anti-virus engine that cannot scan', () => {
  it('exits 2 with the cause and what to do when the database folder holds no signatures, nothing written', async () => {
    const empty = path.join(work, 'empty-db');
    await mkdir(empty, { recursive: true });
    await mkdir(path.join(work, 'av', 'src'), { recursive: true });
    await writeFile(path.join(work, 'av', 'src', 'a.txt'), 'a\n');
    const out = path.join(work, 'av', 'out');
    const ja = await sanitize([path.join(work, 'av', 'src'), '--out', out, '--clamav-db', empty]);
    expect(ja.code).toBe(2);
    expect(ja.stderr).toContain('ウイルス定義データベースが見つからない');
    expect(ja.stderr).toContain(empty);
    expect(ja.stderr).toMatch(/freshclam.*--clamav-db DIR/s);
    const en = await sanitize([path.join(work, 'av', 'src'), '--out', out, '--clamav-db', empty], 'en_US.UTF-8');
    expect(en.code).toBe(2);
    expect(en.stderr).toContain('No virus signature database was found');
    expect(en.stderr).toMatch(/sudo freshclam .*\/var\/lib\/clamav.*--clamav-db DIR/s);
    await expect(readdir(out)).rejects.toThrow();
  }, 60_000);

  it('exits 2 with what clamscan said when it refuses the database', async () => {
    const broken = path.join(work, 'broken-db');
    await mkdir(broken, { recursive: true });
    await writeFile(path.join(broken, 'site.hdb'), 'not a signature line\n');
    const run = await sanitize(
      [path.join(work, 'av', 'src'), '--out', path.join(work, 'av', 'out-broken'), '--clamav-db', broken],
      'en_US.UTF-8',
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('The virus signature database cannot be loaded');
    expect(run.stderr).toContain('Malformed database');
    expect(run.stderr).toContain('--clamav-db DIR');
    expect(await tree(path.join(work, 'av', 'out-broken'))).toEqual([]);
  }, 60_000);
});

describe('a 42.zip-shaped bomb', () => {
  it('makes a report of a few pages and a few lines of output, the repeated reason counted', async () => {
    // 16 archives of 16 archives, four levels deep, as 42.zip (its leaf is 64 KiB of zeros here, not 4.3 GB).
    let level = await zipOf([{ name: 'zeros.bin', data: Buffer.alloc(64 * 1024) }]);
    for (const prefix of ['d', 'c', 'b', 'a'])
      level = await zipOf(Array.from({ length: 16 }, (_, i) => ({ name: `${prefix}${i}.zip`, data: level })));
    const src = path.join(work, 'bomb', 'src');
    await mkdir(src, { recursive: true });
    await writeFile(path.join(src, '42.zip'), level);
    const report = path.join(work, 'bomb', 'report.pdf');
    const run = await sanitize([src, '--out', path.join(work, 'bomb', 'out'), '--clamav-db', database, '--report', report]);
    expect(run.code, run.stderr).toBe(1);
    expect(run.stdout).toMatch(/× 4096（最初: a0\.zip\/b0\.zip\/c0\.zip）/);
    expect(run.stdout.split('\n').length).toBeLessThan(15);
    const pages = await new Promise<number>((resolve, reject) =>
      execFile('pdfinfo', [report], (error, stdout) =>
        error ? reject(new Error(error.message, { cause: error })) : resolve(Number(/^Pages:\s+(\d+)/m.exec(stdout)?.[1])),
      ),
    );
    expect(pages).toBeGreaterThan(0);
    expect(pages).toBeLessThanOrEqual(3);
    const text = await new Promise<string>((resolve) => execFile('pdftotext', ['-layout', report, '-'], (_e, out) => resolve(out)));
    expect(text).toContain('× 4096');
  }, 180_000);
});
