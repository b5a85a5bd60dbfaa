/**
 * The whole path of the company archive (issue 20) with the real command line and a real store
 * with Object Lock: the engineer sets the archive and syncs documents issued offline; then,
 * as if the laptop were lost, the security office — with only the store, its key and the
 * company root — verifies everything, fetches a document by number for a hospital, lists a
 * period by site as CSV and sets a legal hold; and `archive verify` catches a certificate
 * number that never reached the archive.
 */
import { mkdtemp, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueVaultCertificate } from '../../electron/core/certificates/issue-vault-certificate';
import { createS3ArchiveStore } from '../../electron/platform/archive/s3-archive-store';
import { cephMissing, type CephS3 } from '../support/ceph-s3';
import { type TestAuthority } from '../support/company-authority';
import { runFieldguard } from '../support/run-cli';
import { closeArchiveOnCeph, openArchiveOnCeph, type ArchiveOnCeph } from '../support/archive-on-ceph';
import { TEST_PASSWORD, type TestCore } from '../support/test-core';
import { sampleErasureDocument, sampleErasureFacts } from '../fixtures/certificates/sample-erasure';

const BUCKET = 'toto-evidence';

describe.skipIf(cephMissing !== null)(cephMissing ?? 'the company archive from sync to the security office', () => {
  let s3: CephS3;
  let core: TestCore;
  let authority: TestAuthority;
  let work: string;
  const numbers: string[] = [];
  let office: string[];

  async function issueOffline(): Promise<string> {
    await core.vault.unlock(TEST_PASSWORD);
    try {
      const now = new Date();
      const issued = await issueVaultCertificate(
        core.vault.session(),
        'erasure',
        (number) => ({ document: sampleErasureDocument(number, now.toISOString(), { countersign: false }), facts: sampleErasureFacts() }),
        now,
      );
      numbers.push(issued.number);
      return issued.number;
    } finally {
      core.vault.lock('manual');
    }
  }
  const engineerCli = (args: string[], language = 'ja_JP.UTF-8') =>
    runFieldguard([...args, '--data-dir', core.dataDir, '--password-stdin'], `${TEST_PASSWORD}\n`, language);
  const officeCli = (args: string[], language = 'en_US.UTF-8') => runFieldguard([...args, ...office], '', language);

  let archive: ArchiveOnCeph | undefined;
  beforeAll(async () => {
    archive = await openArchiveOnCeph('archive-verify', BUCKET);
    ({ work, s3, core, authority } = archive);
    core.vault.lock('manual');
    // Where the office's commands read the store's key from (one account for the whole test: a bucket policy for a second is the company's setup, docs/fleet.md).
    process.env.AWS_ACCESS_KEY_ID = s3.accessKeyId;
    process.env.AWS_SECRET_ACCESS_KEY = s3.secretAccessKey;
    office = ['--endpoint', s3.endpoint, '--bucket', BUCKET, '--prefix', 'fieldguard', '--company', 'toto-medical'];
  }, 180_000);
  afterAll(async () => {
    delete process.env.AWS_ACCESS_KEY_ID;
    delete process.env.AWS_SECRET_ACCESS_KEY;
    await closeArchiveOnCeph(archive);
  });

  it('the engineer sets the archive and syncs documents issued offline', { timeout: 180_000 }, async () => {
    for (let i = 0; i < 3; i += 1) await issueOffline();
    const set = await runFieldguard(
      [
        'archive',
        'settings',
        '--endpoint',
        s3.endpoint,
        '--region',
        s3.region,
        '--bucket',
        BUCKET,
        '--prefix',
        'fieldguard',
        '--company',
        'toto-medical',
        '--access-key-id',
        s3.accessKeyId,
        '--data-dir',
        core.dataDir,
        '--password-stdin',
      ],
      `${TEST_PASSWORD}\n${s3.secretAccessKey}\n`,
    );
    expect(set.code, set.stderr).toBe(0);
    expect(set.stdout).toContain('保存期間 1827 日、COMPLIANCE');
    expect(set.stdout + set.stderr).not.toContain(s3.secretAccessKey);

    const status = await engineerCli(['archive', 'status']);
    expect(status.stdout).toContain('送信待ち: 3 件、保管済み: 0 件');
    const synced = await engineerCli(['archive', 'sync']);
    expect(synced.code, synced.stderr).toBe(0);
    expect(synced.stdout).toContain('会社の保管先へ送った文書: 3 件');
  });

  it('the security office verifies the archive with the company root alone', { timeout: 180_000 }, async () => {
    const checked = await officeCli(['archive', 'verify', '--trust-root', authority.rootFile, '--json']);
    expect(checked.code, checked.stderr).toBe(0);
    const result = JSON.parse(checked.stdout) as { ok: boolean; summary: Record<string, number>; anchors: { count: number } };
    expect(result.summary).toMatchObject({ documents: 3, genuine: 3, notGenuine: 0, missingNumbers: 0, anchorProblems: 0 });
    expect(result.anchors.count).toBe(1);
    expect(result.ok).toBe(true);

    // Without the company root nothing is called genuine.
    const untrusted = await officeCli(['archive', 'verify', '--trust-root', 'AB'.repeat(32)]);
    expect(untrusted.code).toBe(1);
    expect(untrusted.stdout).toMatch(/0 genuine, 3 issuer not confirmed/);
  });

  it('fetches a document by number for a hospital, lists the period by site, and sets a legal hold', { timeout: 120_000 }, async () => {
    const number = numbers[1]!;
    const out = await mkdtemp(path.join(work, 'out-'));
    const fetched = await officeCli(['archive', 'get', number, '--out', out, '--trust-root', authority.rootFile]);
    expect(fetched.code, fetched.stderr).toBe(0);
    expect(fetched.stdout).toContain('genuine');
    await core.vault.unlock(TEST_PASSWORD);
    const stored = core.vault.session().db.prepare('SELECT pdf FROM certificates WHERE number = ?').get(number) as { pdf: Buffer };
    core.vault.lock('manual');
    expect(await readFile(path.join(out, `${number}.pdf`))).toEqual(stored.pdf);

    const csvFile = path.join(out, 'report.csv');
    const today = new Date();
    // Two days either side: a date is read as that day in Japan, nine hours ahead of the UTC date written here.
    const from = new Date(today.getTime() - 2 * 86_400_000).toISOString().slice(0, 10);
    const to = new Date(today.getTime() + 2 * 86_400_000).toISOString().slice(0, 10);
    const report = await officeCli(['archive', 'report', '--from', from, '--to', to, '--site', 'みなと', '--out', csvFile], 'ja_JP.UTF-8');
    expect(report.code, report.stderr).toBe(0);
    const csv = await readFile(csvFile, 'utf8');
    expect(csv.split('\r\n')[0]).toContain('施設,社員番号,エンジニア,種類,証明書番号');
    for (const n of numbers) expect(csv).toContain(n);
    const none = await officeCli(['archive', 'report', '--from', from, '--to', to, '--site', '存在しない病院']);
    expect(none.stdout.trim().split('\r\n')).toHaveLength(1);

    const held = await officeCli(['archive', 'hold', number]);
    expect(held.code, held.stderr).toBe(0);
    const store = createS3ArchiveStore({ ...s3, bucket: BUCKET });
    const key = (await store.listObjects('fieldguard/')).find((o) => o.key.endsWith(`${number}.pdf`))!.key;
    expect((await store.headObject(key))?.legalHold).toBe(true);
    store.destroy();
  });

  it('catches a certificate number that never reached the archive', { timeout: 180_000 }, async () => {
    const lost = await issueOffline();
    await issueOffline();
    // The fourth document never leaves the laptop (as if it had been refused, or the laptop were lost before it was sent).
    await core.vault.unlock(TEST_PASSWORD);
    core.vault.session().db.prepare("UPDATE archive_records SET state = 'refused' WHERE number = ?").run(lost);
    core.vault.lock('manual');
    const synced = await engineerCli(['archive', 'sync']);
    expect(synced.code, synced.stderr).toBe(0);

    const checked = await officeCli(['archive', 'verify', '--trust-root', authority.rootFile]);
    expect(checked.code).toBe(1);
    const sequence = lost.split('-').slice(0, -1).join('-');
    expect(checked.stdout).toContain(`Not archived: ${sequence}`);
    expect(checked.stdout).toMatch(/4 documents: 4 genuine.*1 numbers missing/s);
  });
});
