/**
 * Erasure evidence that is always true (issue 14, 10-1) for the entries that are not simply
 * one name of one file: hard links, symbolic links, and a file whose overwrite a crash cut in
 * half. On real files in a temporary folder and a real SQLCipher vault database, these check
 * what an auditor would: per name, what the evidence and the certificate say (the SHA-256
 * before erasure, the bytes written, the names of one file together, where a link pointed),
 * that every erased name is gone — and that a file with a name outside the job, or what a
 * link pointed to, is untouched byte for byte.
 */
import { execFile, spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { link, mkdir, mkdtemp, readFile, readlink, rename, rm, stat, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../../electron/db/migrate';
import { openVaultDatabase, type VaultDatabase } from '../../electron/db/open-vault-database';
import type { CertificateDocument } from '../../electron/core/certificates/certificate-document';
import { getCertificate } from '../../electron/core/certificates/certificate-store';
import { erasureCertificateDocument, maskFileName } from '../../electron/core/erasure/erasure-certificate';
import { erasureEvidence, type ErasureEvidence } from '../../electron/core/erasure/erasure-evidence';
import { getJob, listJobItems } from '../../electron/core/erasure/erasure-journal';
import { planErasure } from '../../electron/core/erasure/plan-erasure';
import { resumeJob, runErasureJob } from '../../electron/core/erasure/run-erasure-job';
import { erasureWorkerFromSource, runErasureJobInWorker } from '../../electron/core/erasure/run-erasure-in-worker';
import { exists, freshFolder as newFolder, markerBody as plantedBody, sha256 } from '../support/erasure-files';
import { createTestCore } from '../support/test-core';

const exec = promisify(execFile);
const repository = path.resolve(import.meta.dirname, '../..');
const MIB = 1024 * 1024;
const MARKER = Buffer.from('PATIENT-佐藤花子-MRN-0815-');
const TOOL = { toolVersion: '0.1.0-test' };
const SITE = { hospital: '東都大学病院', department: '放射線科', administrator: '佐藤 一郎', reference: 'WO-2026-1201' };
const ENGINEER = { name: '山田 太郎', company: '東都メディカル株式会社', employeeId: 'E-20417', title: '' };
const EMPTY_SHA256 = createHash('sha256').digest('hex');

let dir: string;
const databaseKey = randomBytes(32);
const dbFile = () => path.join(dir, 'vault.db');
let db: VaultDatabase;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'fieldguard-erasure-links-'));
  db = openVaultDatabase(dbFile(), databaseKey, { create: true });
  migrate(db);
});
afterAll(async () => {
  db.close();
  await rm(dir, { recursive: true, force: true });
});

const markerBody = (size: number): Buffer => plantedBody(MARKER, size);
const freshFolder = (name: string): Promise<string> => newFolder(dir, name);

/** Planned and run as the app and the CLI do: the run in a worker thread with its own connection. */
async function erase(targets: string[]): Promise<ErasureEvidence> {
  const jobId = await planErasure(db, { targets, siteReference: JSON.stringify(SITE) });
  await runErasureJobInWorker(erasureWorkerFromSource, { path: dbFile(), key: databaseKey }, jobId);
  return erasureEvidence(db, jobId, TOOL);
}

function itemFor(evidence: ErasureEvidence, file: string) {
  const item = evidence.items.find((i) => i.path === file);
  if (!item) throw new Error(`${file} is not in the evidence`);
  return item;
}

function certificateOf(evidence: ErasureEvidence): CertificateDocument {
  return erasureCertificateDocument(
    { files: evidence, vault: [], toolVersion: TOOL.toolVersion },
    SITE,
    ENGINEER,
    'test-laptop',
    'E-20417-ER-2026-000001-TEST00',
    new Date('2026-12-01T03:00:00Z'),
    null,
  );
}

/** Everything the certificate's page says, as one text. */
function pageText(document: CertificateDocument): string {
  return document.sections
    .flatMap((s) => [
      s.heading.ja,
      s.heading.en,
      ...(s.rows ?? []).flatMap((r) => [r.label.ja, r.label.en, r.value]),
      ...(s.table ? [...s.table.columns.flatMap((c) => [c.ja, c.en]), ...s.table.rows.flat()] : []),
      s.note?.ja ?? '',
      s.note?.en ?? '',
    ])
    .join('\n');
}

function sectionOf(document: CertificateDocument, heading: RegExp) {
  const section = document.sections.find((s) => heading.test(s.heading.ja));
  if (!section) throw new Error(`no section ${heading}: ${document.sections.map((s) => s.heading.ja).join(', ')}`);
  return section;
}

describe('hard links whose names all lie inside the job', () => {
  let root: string;
  let names: string[];
  let body: Buffer;
  let identity: { dev: bigint; ino: bigint };
  let other: string;
  let evidence: ErasureEvidence;

  beforeAll(async () => {
    root = await freshFolder('hardlinks-inside');
    await mkdir(path.join(root, 'a'));
    await mkdir(path.join(root, 'b'));
    body = markerBody(50_000);
    names = [path.join(root, 'a', '佐藤花子_1.dcm'), path.join(root, 'a', '佐藤花子_2.dcm'), path.join(root, 'b', '佐藤花子_3.dcm')];
    await writeFile(names[0]!, body);
    await link(names[0]!, names[1]!);
    await link(names[0]!, names[2]!);
    other = path.join(root, 'b', 'report.txt');
    await writeFile(other, markerBody(7000));
    const info = await stat(names[0]!, { bigint: true });
    identity = { dev: info.dev, ino: info.ino };
    expect(info.nlink).toBe(3n);
    evidence = await erase([root]);
  });

  it('removes every name, and the folders they were in', async () => {
    for (const name of names) expect(await exists(name), name).toBe(false);
    expect(await exists(root)).toBe(false);
  });

  it('records the file once, as one inode with all its names, hashed before its first write and overwritten and verified once', () => {
    expect(evidence.status).toBe('erased');
    expect(evidence.hardLinks).toHaveLength(1);
    const file = evidence.hardLinks[0]!;
    expect(file).toMatchObject({
      device: String(identity.dev),
      inode: String(identity.ino),
      linkCount: 3,
      namesOutsideJob: 0,
      names,
      size: 50_000,
      sha256Before: sha256(body),
      outcome: 'erased',
      exceptionCode: null,
    });
    expect(file.bytesWritten).toBeGreaterThanOrEqual(50_000);
    expect(file.bytesVerified).toBe(file.bytesWritten);
    // Once: the job wrote this file's bytes once, not once per name.
    const written = names.map((name) => itemFor(evidence, name).bytesWritten);
    expect(written.filter((bytes) => bytes > 0)).toEqual([file.bytesWritten]);
  });

  it('says for every name: the same file, its true SHA-256 before erasure, erased — never the digest of an emptied file', () => {
    const holder = itemFor(evidence, names[0]!);
    expect(holder).toMatchObject({ kind: 'file', outcome: 'erased', sha256Before: sha256(body), names, sameFileAs: null, linkCount: 3 });
    for (const name of names.slice(1)) {
      expect(itemFor(evidence, name), name).toMatchObject({
        kind: 'file',
        state: 'removed',
        outcome: 'erased',
        sha256Before: sha256(body),
        names,
        sameFileAs: holder.seq,
        bytesWritten: 0,
        bytesVerified: 0,
      });
    }
    expect(evidence.items.some((i) => i.sha256Before === EMPTY_SHA256)).toBe(false);
  });

  it('counts the file once in the totals and its target: bytes erased are bytes that existed', () => {
    expect(evidence.totals).toMatchObject({ files: 2, filesErased: 2, bytesErased: 50_000 + 7000, exceptions: 0, notErased: 0 });
    expect(evidence.totals.bytesWritten).toBe(evidence.hardLinks[0]!.bytesWritten + itemFor(evidence, other).bytesWritten);
    expect(evidence.targets[0]).toMatchObject({ files: 2, bytes: 57_000, filesErased: 2, bytesErased: 57_000 });
  });

  it('lists the names together on the certificate, masked, with the bytes written', () => {
    const document = certificateOf(evidence);
    const section = sectionOf(document, /ハードリンク/);
    expect(section.table?.rows).toHaveLength(1);
    const row = section.table!.rows[0]!.join('\n');
    for (const name of names) expect(row).toContain(maskFileName(path.basename(name)));
    expect(row).toContain('3 / 3');
    expect(row).toMatch(/消去済み/);
    expect(pageText(document)).not.toContain('佐藤花子');
  });
});

describe('a hard link with a name outside the job', () => {
  it('is an exception, in Japanese and English, listed once with its names inside the job; nothing is written, the outside file is untouched byte for byte', async () => {
    const outside = await freshFolder('outside-of-hardlinks');
    const root = await freshFolder('hardlinked-outside');
    const body = markerBody(40_000);
    const inJob = [path.join(root, '共有_1.dcm'), path.join(root, '共有_2.dcm')];
    const elsewhere = path.join(outside, 'other-name.dcm');
    await writeFile(inJob[0]!, body);
    await link(inJob[0]!, inJob[1]!);
    await link(inJob[0]!, elsewhere);
    await writeFile(path.join(root, 'alone.txt'), markerBody(100));

    const evidence = await erase([root]);

    expect((await readFile(elsewhere)).equals(body)).toBe(true);
    for (const name of inJob) expect((await readFile(name)).equals(body), name).toBe(true);
    for (const name of inJob)
      expect(itemFor(evidence, name), name).toMatchObject({
        outcome: 'exception',
        exceptionCode: 'HARD_LINKED',
        bytesWritten: 0,
        sha256Before: null,
        linkCount: 3,
      });
    expect(itemFor(evidence, path.join(root, 'alone.txt')).outcome).toBe('erased');
    expect(evidence.status).toBe('erased-with-exceptions');
    const hardLinked = evidence.exceptions.filter((e) => e.code === 'HARD_LINKED');
    expect(hardLinked).toHaveLength(1);
    expect(hardLinked[0]).toMatchObject({ path: inJob[0], names: inJob, linkCount: 3 });
    expect(hardLinked[0]!.descriptionJa).toMatch(/消去対象の外に別の名前（ハードリンク）.*消去していません/);
    expect(hardLinked[0]!.description).toMatch(/hard link/);
    expect(evidence.hardLinks).toEqual([
      expect.objectContaining({
        linkCount: 3,
        names: inJob,
        namesOutsideJob: 1,
        outcome: 'exception',
        exceptionCode: 'HARD_LINKED',
        bytesWritten: 0,
      }),
    ]);
    expect(evidence.totals).toMatchObject({ files: 2, filesErased: 1, bytesErased: 100 });

    const document = certificateOf(evidence);
    const exceptions = sectionOf(document, /例外/).table!.rows.map((r) => r.join(' '));
    const row = exceptions.find((r) => r.includes('HARD_LINKED'));
    expect(row).toMatch(/消去していません/);
    expect(row).toMatch(/hard link/);
    for (const name of inJob) expect(row).toContain(maskFileName(path.basename(name)));
    expect(sectionOf(document, /ハードリンク/).table!.rows[0]!.join(' ')).toContain('2 / 3');
    expect(pageText(document)).not.toContain('共有_');
  });

  it('a hard link made outside after planning: refused when the run reaches it, nothing written', async () => {
    const outside = await freshFolder('outside-after-plan');
    const root = await freshFolder('linked-after-plan');
    const body = markerBody(30_000);
    const file = path.join(root, 'scan.dcm');
    await writeFile(file, body);
    const jobId = await planErasure(db, { targets: [root] });
    await link(file, path.join(outside, 'scan.dcm'));
    await runErasureJob(db, jobId);
    const evidence = erasureEvidence(db, jobId, TOOL);
    expect(itemFor(evidence, file)).toMatchObject({ outcome: 'exception', exceptionCode: 'HARD_LINKED', bytesWritten: 0 });
    expect((await readFile(path.join(outside, 'scan.dcm'))).equals(body)).toBe(true);
  });

  it('a name moved out of the job after planning: the file now has a name elsewhere, so it is not overwritten', async () => {
    const outside = await freshFolder('outside-moved');
    const root = await freshFolder('moved-after-plan');
    const body = markerBody(30_000);
    const first = path.join(root, 'a.dcm');
    const second = path.join(root, 'b.dcm');
    await writeFile(first, body);
    await link(first, second);
    const jobId = await planErasure(db, { targets: [root] });
    const moved = path.join(outside, 'b.dcm');
    await rename(second, moved);
    await runErasureJob(db, jobId);
    const evidence = erasureEvidence(db, jobId, TOOL);
    expect((await readFile(moved)).equals(body)).toBe(true);
    expect((await readFile(first)).equals(body)).toBe(true);
    expect(itemFor(evidence, first)).toMatchObject({ outcome: 'exception', exceptionCode: 'HARD_LINKED', bytesWritten: 0 });
    expect(itemFor(evidence, second).outcome).toBe('exception');
    expect(evidence.totals.filesErased).toBe(0);
  });
});

describe('symbolic links inside a folder target', () => {
  it('are listed with where they pointed (masked on the certificate) and only the link is removed, never followed', async () => {
    const outside = await freshFolder('outside-of-symlinks');
    const outsideFile = path.join(outside, '鈴木一郎_keep.dcm');
    const outsideBody = markerBody(20_000);
    await writeFile(outsideFile, outsideBody);
    await mkdir(path.join(outside, 'folder'));
    await writeFile(path.join(outside, 'folder', 'inner.txt'), 'inner');
    const root = await freshFolder('symlinks');
    const inside = path.join(root, 'inside.txt');
    await writeFile(inside, markerBody(3000));
    const links = {
      absolute: [path.join(root, '鈴木一郎へのリンク.dcm'), outsideFile],
      folder: [path.join(root, 'folder-link'), path.join(outside, 'folder')],
      relative: [path.join(root, 'relative-link'), path.relative(root, outsideFile)],
      dangling: [path.join(root, 'dangling'), path.join(outside, 'missing.dcm')],
      internal: [path.join(root, 'to-inside'), 'inside.txt'],
    } as const;
    for (const [name, target] of Object.values(links)) await symlink(target, name);
    for (const [name, target] of Object.values(links)) expect(await readlink(name)).toBe(target);

    const evidence = await erase([root]);

    expect(await exists(root)).toBe(false);
    expect((await readFile(outsideFile)).equals(outsideBody)).toBe(true);
    expect(await readFile(path.join(outside, 'folder', 'inner.txt'), 'utf8')).toBe('inner');
    for (const [name, target] of Object.values(links)) {
      expect(itemFor(evidence, name), name).toMatchObject({
        kind: 'link',
        outcome: 'removed',
        linkTarget: target,
        bytesWritten: 0,
        sha256Before: null,
      });
    }
    expect(itemFor(evidence, inside).outcome).toBe('erased');
    expect(evidence.targets[0]).toMatchObject({ links: 5, files: 1 });

    const document = certificateOf(evidence);
    const section = sectionOf(document, /シンボリックリンク/);
    expect(section.table?.rows).toHaveLength(5);
    const absolute = section.table!.rows.find((r) => r[0]?.endsWith(maskFileName('鈴木一郎へのリンク.dcm')));
    // Every folder of a path outside the targets is masked too, well-known ones (/tmp) aside.
    expect(absolute?.[1]).toMatch(/^\/tmp\/f＊+\/o＊+\/鈴＊+\.dcm$/);
    expect(absolute?.[1]?.endsWith(maskFileName('鈴木一郎_keep.dcm'))).toBe(true);
    expect(absolute?.[2]).toMatch(/リンクのみ削除/);
    expect(`${section.note?.ja} ${section.note?.en}`).toMatch(/たどらず.*not followed/s);
    expect(pageText(document)).not.toContain('鈴木一郎');
  });
});

/**
 * A FieldGuard process killed with SIGKILL in the middle of a file's overwrite: it runs the
 * job and kills itself at the `FG_KILL_AT`-th progress event of pass `FG_KILL_PASS`'s writing
 * (after the file was hashed), when that many 4 MiB blocks are on their way to the file.
 */
const CHILD = `
import { openVaultDatabase } from ${JSON.stringify(path.join(repository, 'electron/db/open-vault-database.ts'))};
import { runErasureJob } from ${JSON.stringify(path.join(repository, 'electron/core/erasure/run-erasure-job.ts'))};
const db = openVaultDatabase(process.env.FG_DB, Buffer.from(process.env.FG_KEY, 'hex'), { create: false });
const killAt = Number(process.env.FG_KILL_AT);
const killPass = Number(process.env.FG_KILL_PASS);
let hashed = false;
let writes = 0;
await runErasureJob(db, process.env.FG_JOB, {
  onProgress: (p) => {
    if (p.phase === 'hash') hashed = true;
    if (hashed && p.phase === 'overwrite' && p.currentPass === killPass && ++writes === killAt) process.kill(process.pid, 'SIGKILL');
  },
});
process.stdout.write('finished\\n');
`;

function runKilledChild(jobId: string, pass: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', CHILD], {
      cwd: repository,
      env: {
        ...process.env,
        FG_DB: dbFile(),
        FG_KEY: databaseKey.toString('hex'),
        FG_JOB: jobId,
        FG_KILL_AT: '2',
        FG_KILL_PASS: String(pass),
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL' && !output.includes('finished')) resolve();
      else reject(new Error(`the child was not killed mid-overwrite (exit ${code}, ${output.trim()})`));
    });
  });
}

const BIG = 24 * MIB;

/** The file as the crash left it: neither the original nor wholly the pattern (so the test is not vacuous). */
async function partlyOverwritten(file: string, original: Buffer, pass: number): Promise<string> {
  const now = await readFile(file);
  expect(now.length).toBe(original.length);
  expect(now.equals(original), 'the crash came after the first write').toBe(false);
  if (pass === 1)
    expect(now.subarray(BIG - MIB).equals(original.subarray(BIG - MIB)), 'the end of the file is still the original').toBe(true);
  return sha256(now);
}

describe('the SHA-256 before erasure when a crash cut an overwrite in half', () => {
  it('a resumed job reports the hash taken before the first write, not the half-overwritten content', async () => {
    const root = await freshFolder('crash-plain');
    const file = path.join(root, '佐藤花子_CT.raw');
    const body = markerBody(BIG);
    await writeFile(file, body);
    const jobId = await planErasure(db, { targets: [root] });
    await runKilledChild(jobId, 1);
    const partial = await partlyOverwritten(file, body, 1);
    expect(listJobItems(db, jobId).find((i) => i.path === file)?.sha256Before).toBe(sha256(body));

    await resumeJob(db, jobId);
    const evidence = erasureEvidence(db, jobId, TOOL);
    const item = itemFor(evidence, file);
    expect(item.sha256Before).not.toBe(partial);
    expect(item).toMatchObject({ outcome: 'erased', sha256Before: sha256(body) });
    expect(item.observations).toContain('rewritten-after-interruption');
    expect(await exists(file)).toBe(false);
  }, 120_000);

  it('two names of one file, the first cut in half: both report the original hash, the bytes are written once, both names gone', async () => {
    const root = await freshFolder('crash-hardlink');
    const first = path.join(root, 'a-佐藤花子.raw');
    const second = path.join(root, 'b-佐藤花子.raw');
    const body = markerBody(BIG);
    await writeFile(first, body);
    await link(first, second);
    const jobId = await planErasure(db, { targets: [root] });
    await runKilledChild(jobId, 1);
    const partial = await partlyOverwritten(second, body, 1);

    await resumeJob(db, jobId);
    const evidence = erasureEvidence(db, jobId, TOOL);
    for (const name of [first, second]) {
      const item = itemFor(evidence, name);
      expect(item.sha256Before, name).not.toBe(partial);
      expect(item, name).toMatchObject({ outcome: 'erased', sha256Before: sha256(body), names: [first, second] });
      expect(await exists(name)).toBe(false);
    }
    expect(evidence.hardLinks).toEqual([
      expect.objectContaining({
        names: [first, second],
        sha256Before: sha256(body),
        outcome: 'erased',
        bytesWritten: BIG,
        bytesVerified: BIG,
      }),
    ]);
    expect(evidence.items.some((i) => i.sha256Before === EMPTY_SHA256)).toBe(false);
  }, 120_000);

  it('when the journal holds no hash for a file already written to, the evidence says the hash is unknown rather than hashing the overwritten data', async () => {
    const root = await freshFolder('crash-unknown');
    const file = path.join(root, '佐藤花子_MR.raw');
    const body = markerBody(BIG);
    await writeFile(file, body);
    // Three passes: the kill lands in pass 2, after pass 1 was flushed and journaled.
    const jobId = await planErasure(db, { targets: [root], method: 'three-pass' });
    await runKilledChild(jobId, 2);
    const partial = await partlyOverwritten(file, body, 2);
    const seq = listJobItems(db, jobId).find((i) => i.path === file)!.seq;
    expect(listJobItems(db, jobId).find((i) => i.seq === seq)).toMatchObject({ passesDone: 1, sha256Before: sha256(body) });
    // A journal whose hash before is missing although writing had begun (as a hard link's
    // second name was left by earlier versions): the content on disk is no longer the original.
    db.prepare('UPDATE erasure_items SET sha256_before = NULL WHERE job_id = ? AND seq = ?').run(jobId, seq);

    await resumeJob(db, jobId);
    expect(getJob(db, jobId)?.state).toBe('completed');
    const evidence = erasureEvidence(db, jobId, TOOL);
    const item = itemFor(evidence, file);
    expect(item.sha256Before).not.toBe(partial);
    expect(item).toMatchObject({ outcome: 'erased', sha256Before: null });
    expect(item.observations).toContain('sha256-before-unknown');
    expect(evidence.notes.map((n) => n.en).join(' ')).toMatch(/SHA-256 before erasure is unknown/);
    const section = sectionOf(certificateOf(evidence), /SHA-256/);
    expect(section.table!.rows.map((r) => r.join(' ')).join('\n')).toContain('不明（消去中に中断）');
    expect(pageText(certificateOf(evidence))).not.toContain('佐藤花子');
  }, 120_000);
});

describe('the certificate a site receives', () => {
  it('prints the hard-linked names together and the symbolic links with where they pointed, all masked', async () => {
    const core = await createTestCore();
    // The engineer answers the main process's confirmation box yes (renderer-compromise.test.ts covers no).
    core.dialogs.confirm = 'yes';
    try {
      await core.createVault();
      const folder = `${core.dataDir}-visit/高橋美咲_US`;
      await mkdir(folder, { recursive: true });
      const outside = `${core.dataDir}-elsewhere`;
      await mkdir(outside, { recursive: true });
      await writeFile(path.join(outside, '高橋美咲_report.pdf'), 'report');
      await writeFile(path.join(folder, '高橋美咲_001.dcm'), markerBody(64 * 1024));
      await link(path.join(folder, '高橋美咲_001.dcm'), path.join(folder, '高橋美咲_001_copy.dcm'));
      await symlink(path.join(outside, '高橋美咲_report.pdf'), path.join(folder, '高橋美咲_report.lnk'));
      core.dialogs.importSources = [folder];
      await core.handlers['erasure.addTargets']({ pick: 'folder' });
      const summary = await core.handlers['erasure.start']({
        jobId: crypto.randomUUID(),
        method: 'random-verify',
        site: SITE,
        confirmation: '2',
      });
      expect(summary).toMatchObject({ status: 'erased', exceptions: 0 });
      const issued = await core.handlers['erasure.issueCertificate']({ erasureJobId: summary.erasureJobId, countersignature: null });
      const pdf = path.join(dir, 'links-certificate.pdf');
      await writeFile(pdf, getCertificate(core.vault.session().db, issued.certificateId)!.pdf);
      // In drawing order (-raw), each cell's wrapped lines follow one another; compared without the line breaks.
      const { stdout } = await exec('pdftotext', ['-raw', pdf, '-']);
      const page = stdout.replace(/\s+/g, '');
      for (const text of [
        'ハードリンク',
        'シンボリックリンク',
        'リンクのみ削除',
        maskFileName('高橋美咲_001.dcm'),
        maskFileName('高橋美咲_001_copy.dcm'),
        maskFileName('高橋美咲_report.lnk'),
        maskFileName('高橋美咲_report.pdf'),
      ])
        expect(page).toContain(text);
      expect(page).not.toContain('高橋美咲');
      expect(await readFile(path.join(outside, '高橋美咲_report.pdf'), 'utf8')).toBe('report');
    } finally {
      await core.cleanup();
    }
  }, 120_000);
});
