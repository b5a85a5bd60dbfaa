/**
 * The security office's signed listing of the company archive (issue 20), on a real store with
 * Object Lock: documents issued at two hospitals are synced; `fieldguard archive report --site
 * … --pdf FILE` lists one hospital's, and the listing is what an inspector would check — genuine
 * for `fieldguard verify` with the company root and trusted by poppler's pdfsig, its signed rows
 * exactly that hospital's documents, and its page stating the period, the filter, the counts
 * and the time it was made in JST. (Here the engineer's own enrolled vault signs the listing;
 * the office signs with any vault enrolled with the company authority.)
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveArchiveSettings } from '../../electron/core/archive/archive-settings';
import { syncArchive } from '../../electron/core/archive/sync-archive';
import { issueVaultCertificate } from '../../electron/core/certificates/issue-vault-certificate';
import { readCertificateEvidence } from '../../electron/core/certificates/verify-certificate';
import { japanDate } from '../../electron/core/japan-calendar';
import { createS3ArchiveStore } from '../../electron/platform/archive/s3-archive-store';
import { cephMissing, type CephS3 } from '../support/ceph-s3';
import { nssDatabaseWithRoot, type TestAuthority } from '../support/company-authority';
import { runFieldguard } from '../support/run-cli';
import { closeArchiveOnCeph, openArchiveOnCeph, type ArchiveOnCeph } from '../support/archive-on-ceph';
import { TEST_PASSWORD, type TestCore } from '../support/test-core';
import { sampleErasureDocument, sampleErasureFacts } from '../fixtures/certificates/sample-erasure';

const BUCKET = 'toto-evidence';
const MINATO = '国立みなと医療センター';
const CHUO = '東都中央病院';
const DAY_MS = 86_400_000;

describe.skipIf(cephMissing !== null)(cephMissing ?? 'the signed archive listing for the security office', () => {
  let s3: CephS3;
  let core: TestCore;
  let authority: TestAuthority;
  let work: string;
  const issued: Record<string, string[]> = { [MINATO]: [], [CHUO]: [] };

  let archive: ArchiveOnCeph | undefined;
  beforeAll(async () => {
    archive = await openArchiveOnCeph('archive-report', BUCKET);
    ({ work, s3, core, authority } = archive);
    const session = core.vault.session();
    saveArchiveSettings(session, archive.settings, new Date());
    for (const site of [MINATO, CHUO, MINATO, CHUO, MINATO]) {
      const now = new Date();
      const { number } = await issueVaultCertificate(
        session,
        'erasure',
        (n) => ({
          document: sampleErasureDocument(n, now.toISOString(), { countersign: false }),
          facts: { ...sampleErasureFacts(), site },
        }),
        now,
      );
      issued[site]!.push(number);
    }
    const store = createS3ArchiveStore({ ...s3, bucket: BUCKET });
    try {
      expect(await syncArchive(session, store, { now: () => new Date() })).toMatchObject({ archived: 5, refused: [], failed: [] });
    } finally {
      store.destroy();
    }
    core.vault.lock('manual');
    process.env.AWS_ACCESS_KEY_ID = s3.accessKeyId;
    process.env.AWS_SECRET_ACCESS_KEY = s3.secretAccessKey;
  }, 240_000);
  afterAll(async () => {
    delete process.env.AWS_ACCESS_KEY_ID;
    delete process.env.AWS_SECRET_ACCESS_KEY;
    await closeArchiveOnCeph(archive);
  });

  it(
    'archive report --pdf signs the listing of one site: genuine, trusted by pdfsig, exactly that site’s rows',
    { timeout: 180_000 },
    async () => {
      // Days in Japan, as the office counts them: yesterday to tomorrow (the end day excluded).
      const from = japanDate(new Date(Date.now() - DAY_MS));
      const to = japanDate(new Date(Date.now() + DAY_MS));
      const pdfFile = path.join(work, 'listing.pdf');
      const csvFile = path.join(work, 'listing.csv');
      const report = await runFieldguard(
        [
          'archive',
          'report',
          '--from',
          from,
          '--to',
          to,
          '--site',
          'みなと',
          '--endpoint',
          s3.endpoint,
          '--bucket',
          BUCKET,
          '--prefix',
          'fieldguard',
          '--company',
          'toto-medical',
          '--out',
          csvFile,
          '--pdf',
          pdfFile,
          '--data-dir',
          core.dataDir,
          '--password-stdin',
        ],
        `${TEST_PASSWORD}\n`,
      );
      expect(report.code, report.stderr).toBe(0);
      expect(report.stdout).toMatch(
        /署名付きの保管文書一覧を保存しました: .*listing\.pdf（番号 E-20417-AR-\d{4}-000001-\w{6}、文書 3 件）/,
      );

      // The project's own verifier, with the company root alone.
      const verified = await runFieldguard(['verify', pdfFile, '--trust-root', authority.rootFile, '--json']);
      expect(verified.code, verified.stderr).toBe(0);
      expect(JSON.parse(verified.stdout)).toMatchObject({ status: 'genuine', kind: 'archive-report' });
      // And a tool a hospital would reach for without FieldGuard.
      mkdirSync(path.join(work, 'nss'));
      const pdfsig = execFileSync('pdfsig', ['-nssdir', nssDatabaseWithRoot(path.join(work, 'nss'), authority.rootFile), pdfFile], {
        encoding: 'utf8',
      });
      expect(pdfsig).toContain('Signature Validation: Signature is Valid.');
      expect(pdfsig).toContain('Total document signed');
      expect(pdfsig).toContain('Certificate Validation: Certificate is Trusted.');

      // The signed rows: the three documents of みなと, none of 東都中央病院, with the filters as asked.
      const evidence = await readCertificateEvidence(await readFile(pdfFile));
      const listing = evidence?.payload.facts.archiveReport as {
        documents: number;
        filters: { site: string | null; from: { given: string }; to: { given: string } };
        rows: Array<{ number: string; site: string; employeeId: string; kind: string }>;
      };
      expect(listing.documents).toBe(3);
      expect(listing.filters).toMatchObject({ site: 'みなと', from: { given: from }, to: { given: to } });
      expect(listing.rows.map((r) => r.number).sort()).toEqual([...issued[MINATO]!].sort());
      expect(new Set(listing.rows.map((r) => r.site))).toEqual(new Set([MINATO]));
      // The CSV of the same run lists the same documents.
      const csv = await readFile(csvFile, 'utf8');
      for (const n of issued[MINATO]!) expect(csv).toContain(n);
      for (const n of issued[CHUO]!) expect(csv).not.toContain(n);

      // The page, as printed: Japanese first with English, the period and the filter, the counts, the time in JST.
      const page = execFileSync('pdftotext', ['-layout', pdfFile, '-'], { encoding: 'utf8' });
      expect(page).toContain('保管文書一覧');
      expect(page).toContain('Archive Document Listing');
      expect(page).toContain('「みなと」を含む施設');
      expect(page).toMatch(/3 件（施設 1、エンジニア 1）/);
      expect(page).toContain(`${from.replaceAll('-', '/')} 00:00:00 JST`);
      expect(page).toContain(`${to.replaceAll('-', '/')} 00:00:00 JST`);
      for (const n of issued[MINATO]!) expect(page.replace(/\s+/g, '')).toContain(n);
      for (const n of issued[CHUO]!) expect(page.replace(/\s+/g, '')).not.toContain(n);

      // Audited in the signer's vault.
      await core.vault.unlock(TEST_PASSWORD);
      const audited = core.vault.session().audit.list({ types: ['archive.report-issued'] }).entries;
      core.vault.lock('manual');
      expect(audited).toHaveLength(1);
      expect(audited[0]?.details).toMatchObject({ documents: 3, site: 'みなと' });
    },
  );
});
