/**
 * Sanitization as an engineer and a hospital use it, through the app's own channels on a real
 * vault with real clamscan (a signature database the test writes: it knows EICAR): the whole
 * generated corpus gets its verdicts, only what passed or was sanitized reaches the output
 * folder (the DICOM polyglot with its preamble zeroed, everything else byte for byte), blocked
 * files are in the encrypted quarantine, the signed report verifies, and the receiving side
 * (`fieldguard verify REPORT --files DIR`) catches an added, a removed and a modified file.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getCertificate } from '../../electron/core/certificates/certificate-store';
import { listItems } from '../../electron/core/vault/vault-items';
import { DEFAULT_ALLOWED_TYPES, loadSanitizePolicy, saveSanitizePolicy } from '../../electron/core/sanitize/sanitize-policy';
import { SANITIZING_FINDINGS } from '../../electron/core/sanitize/sanitize-types';
import type { SanitizationResult } from '../../electron/shared/sanitize';
import { databaseVersionText } from '../../electron/shared/sanitize-engine-texts';
import { errorCodeOf } from '../support/error-code';
import { EICAR_DETECTION } from '../support/clamav-test-database';
import { writeCorpus, type CorpusEntry } from '../support/sanitize-corpus';
import { enrollWithNewAuthority, type TestAuthority } from '../support/company-authority';
import { createTestCore, type TestCore } from '../support/test-core';

const root = path.resolve(import.meta.dirname, '../..');
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

let core: TestCore;
let authority: TestAuthority;
let work: string;
let source: string;
let output: string;
let corpus: CorpusEntry[];
let result: SanitizationResult;

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
}

beforeAll(async () => {
  core = await createTestCore();
  await core.createVault();
  authority = await enrollWithNewAuthority(core.vault.session(), `${core.dataDir}-authority`, new Date());
  work = `${core.dataDir}-sanitize`;
  source = path.join(work, 'to-site');
  output = path.join(work, 'delivered');
  await mkdir(source, { recursive: true });
  corpus = await writeCorpus(source);
  core.dialogs.importSources = [source];
  await core.handlers['sanitize.addSources']({ pick: 'folder' });
  core.dialogs.exportFolder = output;
  await core.handlers['sanitize.chooseOutput']({});
  result = await core.handlers['sanitize.start']({ jobId: crypto.randomUUID() });
}, 240_000);
afterAll(async () => {
  await core.cleanup();
  await rm(work, { recursive: true, force: true });
});

/** By the original path: a rebuilt .docm is delivered as .docx, and the result maps the two. */
const originalOf = (f: SanitizationResult['files'][number]) => f.originalPath ?? f.path;
const fileFor = (relative: string) => {
  const file = result.files.find((f) => originalOf(f) === `to-site/${relative}`);
  if (!file) throw new Error(`${relative} is not in the result`);
  return file;
};

describe('the verdicts', () => {
  it('[8-1][10-5] blocks EICAR however it is named or packed, with the engine’s own detection', () => {
    for (const entry of corpus.filter((e) => e.relativePath.startsWith('eicar/'))) {
      const file = fileFor(entry.relativePath);
      expect(file.verdict, entry.relativePath).toBe('blocked');
      expect(file.findings, entry.relativePath).toContainEqual(
        expect.objectContaining({ code: 'MALWARE', params: expect.objectContaining({ name: EICAR_DETECTION }) }),
      );
    }
  });

  it('gives every corpus file the verdict its content calls for, with the reasons the analysis found', () => {
    for (const entry of corpus) {
      const file = fileFor(entry.relativePath);
      const blocking = entry.expected.findings.filter((code) => !SANITIZING_FINDINGS.has(code));
      // The allow-list judges the file and every file inside an archive alike (a document's embedded parts are the document's).
      const members = ['zip', 'tar', 'gz'].includes(entry.expected.type) ? (entry.expected.innerTypes ?? []) : [];
      const allowed = [entry.expected.type, ...members].every((type) => DEFAULT_ALLOWED_TYPES.includes(type));
      const expected =
        entry.relativePath.startsWith('eicar/') || blocking.length > 0 || !allowed
          ? 'blocked'
          : entry.expected.transform
            ? 'sanitized'
            : 'passed';
      // Rebuilt by content disarm (what was removed is listed; rebuild/ tests check each object), e.g. a .docm
      // delivered as a .docx without its macros: sanitized instead. Never a file the engine named.
      if (file.removed?.length && !entry.relativePath.startsWith('eicar/')) {
        expect(file.verdict, entry.relativePath).toBe('sanitized');
        continue;
      }
      expect(file.verdict, entry.relativePath).toBe(expected);
      // A blocked file lists why it was blocked; nothing was changed in it.
      for (const code of expected === 'blocked' ? blocking : entry.expected.findings)
        expect(
          file.findings.map((f) => f.code),
          entry.relativePath,
        ).toContain(code);
      if (!allowed && expected === 'blocked')
        expect(
          file.findings.map((f) => f.code),
          entry.relativePath,
        ).toEqual(expect.arrayContaining([expect.stringMatching(/TYPE_NOT_ALLOWED|SOFTWARE_NOT_ON_RELEASE_LIST/)]));
    }
    expect(result.engine?.engine).toBe('ClamAV');
    // The test database is one custom signature file: named by its count, in words of each language.
    expect(databaseVersionText(result.engine, 'ja')).toBe('独自定義 1 件');
  });
});

describe('the output folder', () => {
  it('[10-5] holds exactly the passed and sanitized files, and their recorded hashes are theirs', async () => {
    const delivered = result.files.filter((f) => f.verdict !== 'blocked');
    expect(delivered.length).toBeGreaterThan(5);
    expect(await filesUnder(output)).toEqual(delivered.map((f) => f.path).sort());
    for (const file of delivered) {
      const bytes = await readFile(path.join(output, file.path));
      expect(sha256(bytes), file.path).toBe(file.sha256After);
      if (file.verdict === 'passed') expect(file.sha256After, file.path).toBe(file.sha256Before);
    }
  });

  it('has the DICOM polyglot with its 128-byte preamble zeroed and every other byte as it was', async () => {
    const preambleOnly = (f: SanitizationResult['files'][number]) =>
      f.findings.some((x) => x.code === 'DICOM_PREAMBLE_ZEROED') || (f.removed?.length === 1 && f.removed[0]?.kind === 'dicom-preamble');
    const sanitized = result.files.filter((f) => f.verdict === 'sanitized' && preambleOnly(f));
    expect(sanitized.length).toBeGreaterThan(0);
    for (const file of sanitized) {
      const original = await readFile(path.join(path.dirname(source), originalOf(file)));
      const copy = await readFile(path.join(output, file.path));
      expect(copy.subarray(0, 128).equals(Buffer.alloc(128))).toBe(true);
      expect(copy.subarray(128).equals(original.subarray(128))).toBe(true);
      expect(original.subarray(0, 128).equals(Buffer.alloc(128))).toBe(false);
    }
  });

  it('keeps blocked files only in the encrypted quarantine, and leaves the originals untouched', async () => {
    const blocked = result.files.filter((f) => f.verdict === 'blocked' && f.sha256Before);
    const quarantined = listItems(core.vault.session(), `quarantine/${result.id}`);
    expect(quarantined.map((i) => i.sha256).sort()).toEqual(blocked.map((f) => f.sha256Before).sort());
    for (const file of result.files.filter((f) => f.sha256Before))
      expect(sha256(await readFile(path.join(path.dirname(source), originalOf(file)))), file.path).toBe(file.sha256Before);
  });

  it('refuses an output folder that is not empty, or one inside the source', async () => {
    core.dialogs.importSources = [source];
    await core.handlers['sanitize.addSources']({ pick: 'folder' });
    core.dialogs.exportFolder = output;
    await core.handlers['sanitize.chooseOutput']({});
    expect(await errorCodeOf(() => core.handlers['sanitize.start']({ jobId: crypto.randomUUID() }))).toBe('SANITIZE_OUTPUT_NOT_EMPTY');
    core.dialogs.exportFolder = path.join(source, 'out');
    await core.handlers['sanitize.chooseOutput']({});
    expect(await errorCodeOf(() => core.handlers['sanitize.start']({ jobId: crypto.randomUUID() }))).toBe('SANITIZE_OUTPUT_OVERLAPS');
  });
});

describe('the anti-virus database', () => {
  it('is named with its folder, age and signatures, and the test database (one signature) is warned about as too small', () => {
    expect(result.engine).toMatchObject({
      engine: 'ClamAV',
      databasePath: expect.stringMatching(/-clamav$/),
      signatures: 1,
      databaseAgeDays: 0,
    });
    expect(result.engineWarnings).toEqual([{ code: 'DATABASE_SMALL', params: { signatures: 1, minimum: 100_000 } }]);
    expect(result.engineProblem).toBeUndefined();
  });

  it('blocks every file when the policy says an unfit database blocks, and delivers nothing', async () => {
    const session = core.vault.session();
    const before = loadSanitizePolicy(session);
    saveSanitizePolicy(session, { ...before, antivirusDatabase: { maxAgeDays: 7, minSignatures: 100_000, whenUnfit: 'block' } });
    try {
      const strict = path.join(work, 'strict-output');
      // Sources left chosen by a refused start above are dropped: this run is the corpus once.
      for (const chosen of (await core.handlers['sanitize.selection']({})).sources)
        await core.handlers['sanitize.removeSource']({ id: chosen.id });
      core.dialogs.importSources = [source];
      await core.handlers['sanitize.addSources']({ pick: 'folder' });
      core.dialogs.exportFolder = strict;
      await core.handlers['sanitize.chooseOutput']({});
      const blocked = await core.handlers['sanitize.start']({ jobId: crypto.randomUUID() });
      expect(blocked.files.length).toBe(result.files.length);
      const deliveredBefore = new Set(result.files.filter((f) => f.verdict !== 'blocked').map((f) => f.path));
      expect(deliveredBefore.size).toBeGreaterThan(5);
      for (const file of blocked.files) {
        expect(file.verdict, file.path).toBe('blocked');
        // What the database alone would have let through says why it was not.
        if (deliveredBefore.has(file.path))
          expect(file.findings, file.path).toEqual([{ code: 'ANTIVIRUS_DATABASE_SMALL', params: { signatures: 1, minimum: 100_000 } }]);
      }
      expect(await filesUnder(strict)).toEqual([]);
    } finally {
      saveSanitizePolicy(session, before);
    }
  }, 120_000);
});

describe('cancelling', () => {
  it('stops with JOB_CANCELLED and leaves the output folder empty and nothing new in the quarantine', async () => {
    const again = path.join(work, 'cancelled-output');
    core.dialogs.importSources = [source];
    await core.handlers['sanitize.addSources']({ pick: 'folder' });
    core.dialogs.exportFolder = again;
    await core.handlers['sanitize.chooseOutput']({});
    const jobId = crypto.randomUUID();
    const before = listItems(core.vault.session()).length;
    const running = core.handlers['sanitize.start']({ jobId });
    // Cancel once the pipeline has started on the files.
    await new Promise((resolve) => setTimeout(resolve, 300));
    await core.handlers['jobs.cancel']({ jobId });
    expect(await errorCodeOf(() => running)).toBe('JOB_CANCELLED');
    expect(await readdir(again)).toEqual([]);
    expect(listItems(core.vault.session()).length).toBe(before);
  }, 120_000);
});

describe('the signed report and the receiving side', () => {
  let report: string;
  const verify = (args: string[]) =>
    new Promise<{ code: number; stdout: string }>((resolve) =>
      execFile(
        process.execPath,
        ['--import', 'tsx', 'electron/cli/index.ts', 'verify', ...args, '--trust-root', authority.rootFile],
        { cwd: root, env: { ...process.env, LANG: 'ja_JP.UTF-8' } },
        (error, stdout) => resolve({ code: error ? Number(error.code) : 0, stdout }),
      ),
    );

  beforeAll(async () => {
    const signed = await core.handlers['sanitize.signOff']({ id: result.id, reviewer: '佐藤 花子' });
    expect(signed.number).toMatch(/^E-20417-SN-\d{4}-000001-[0-9A-HJKMNP-TV-Z]{6}$/);
    expect((await core.handlers['sanitize.signOff']({ id: result.id, reviewer: '' })).number).toBe(signed.number);
    report = path.join(work, 'sanitization-report.pdf');
    await writeFile(report, getCertificate(core.vault.session().db, signed.certificateId)!.pdf);
    await mkdir(path.join(root, 'test-results/certificates'), { recursive: true });
    await writeFile(path.join(root, 'test-results/certificates/sanitization-report.pdf'), await readFile(report));
  }, 60_000);

  it('[10-5] is signed as poppler sees it and names the files, verdicts and engine', async () => {
    const { stdout } = await new Promise<{ stdout: string }>((resolve) =>
      execFile('pdfsig', [report], (_e, out) => resolve({ stdout: out })),
    );
    expect(stdout).toMatch(/Signature Validation: Signature is Valid/);
    const text = await new Promise<string>((resolve) => execFile('pdftotext', ['-layout', report, '-'], (_e, out) => resolve(out)));
    expect(text).toContain('無害化報告書');
    expect(text).toContain('ClamAV');
    expect(text).toContain('佐藤 花子');
  });

  it('names the anti-virus database with its folder, age and signatures, and carries the warning about it', async () => {
    const text = await new Promise<string>((resolve) => execFile('pdftotext', ['-layout', report, '-'], (_e, out) => resolve(out)));
    expect(text).toContain('独自定義 1 件 / custom, 1 signature');
    expect(text).not.toContain('custom (1 signatures)');
    expect(text).toMatch(/0 日前/);
    expect(text).toMatch(/ウイルス定義の署名が 1 件しかない/);
    expect(text).toMatch(/signature count is only 1 /);
  });

  it('[10-5] matches the delivered folder exactly (exit 0), and names an added, a removed and a modified file (exit 1)', async () => {
    const ok = await verify([report, '--files', output]);
    expect(ok.code, ok.stdout).toBe(0);
    // The folder of the handed-over files itself (one level down) is recognised too.
    expect((await verify([report, '--files', path.join(output, 'to-site')])).code).toBe(0);
    const delivered = result.files.filter((f) => f.verdict !== 'blocked');
    const [changed, removed] = delivered.map((f) => f.path);
    await writeFile(path.join(output, changed!), 'changed on the way');
    await rm(path.join(output, removed!));
    await writeFile(path.join(output, 'to-site', 'added.exe.txt'), 'not from the vendor');
    const bad = await verify([report, '--files', output, '--json']);
    expect(bad.code).toBe(1);
    const files = (JSON.parse(bad.stdout) as { files: { changed: string[]; missing: string[]; extra: string[] } }).files;
    expect(files).toMatchObject({ changed: [changed], missing: [removed], extra: ['to-site/added.exe.txt'] });
  }, 60_000);
});
