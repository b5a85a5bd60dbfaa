/**
 * The anti-virus engine explained (issue 15): its database judged against the policy (too old,
 * date unknown, too few signatures — warn, or block when the policy says so), the adapters'
 * own cause when they cannot scan, the one-line description a report and the CLI print, and
 * repeated reasons grouped with their count so a bomb's report stays readable.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assessDatabase, DEFAULT_ANTIVIRUS_DATABASE_POLICY } from '../../electron/core/sanitize/antivirus-database-policy';
import { SanitizePolicy } from '../../electron/core/sanitize/sanitize-policy';
import type { EngineInfo } from '../../electron/core/sanitize/sanitize-types';
import { createClamavEngine, databaseRefusal } from '../../electron/platform/antivirus/clamav-engine';
import { createDefenderEngine } from '../../electron/platform/antivirus/defender-engine';
import type { CommandOutcome } from '../../electron/platform/self-check/run-probe-command';
import { databaseVersionText, engineLine, engineProblemText, groupedFindingTexts } from '../../electron/shared/sanitize-engine-texts';

const NOW = new Date('2026-12-06T09:00:00Z');
const clamav = (fields: Partial<EngineInfo>): EngineInfo => ({
  engine: 'ClamAV',
  version: '1.4.6',
  databaseVersion: 'daily 27450, main 62, bytecode 335',
  databaseDate: '2026-12-05T06:00:00.000Z',
  databasePath: '/var/lib/clamav',
  signatures: 3_627_519,
  ...fields,
});

describe('the signature database against the policy', () => {
  it('accepts a current official database without a word', () => {
    expect(assessDatabase(clamav({}), DEFAULT_ANTIVIRUS_DATABASE_POLICY, NOW)).toEqual({ ageDays: 1, warnings: [], blockingFindings: [] });
  });

  it('warns about a database from 2015 and one with 2 signatures, and says how old and how small', () => {
    const old = assessDatabase(clamav({ databaseDate: '2015-06-16T09:00:00.000Z' }), DEFAULT_ANTIVIRUS_DATABASE_POLICY, NOW);
    expect(old.ageDays).toBe(4191);
    expect(old.warnings).toEqual([{ code: 'DATABASE_OLD', params: { days: 4191, limit: 7 } }]);
    expect(
      assessDatabase(clamav({ databaseVersion: 'custom (2 signatures)', signatures: 2 }), DEFAULT_ANTIVIRUS_DATABASE_POLICY, NOW).warnings,
    ).toEqual([{ code: 'DATABASE_SMALL', params: { signatures: 2, minimum: 100_000 } }]);
    // Exactly at the limit is still current; a day more is not.
    expect(assessDatabase(clamav({ databaseDate: '2026-11-29T09:00:00.000Z' }), DEFAULT_ANTIVIRUS_DATABASE_POLICY, NOW).warnings).toEqual(
      [],
    );
    expect(
      assessDatabase(clamav({ databaseDate: '2026-11-28T09:00:00.000Z' }), DEFAULT_ANTIVIRUS_DATABASE_POLICY, NOW).warnings,
    ).toHaveLength(1);
  });

  it('says a missing date cannot be shown current, but never calls an unknown count small (Defender does not give one)', () => {
    const defender = assessDatabase(
      { engine: 'Microsoft Defender', version: '1.1', databaseVersion: '1.421', databaseDate: null, signatures: null },
      DEFAULT_ANTIVIRUS_DATABASE_POLICY,
      NOW,
    );
    expect(defender).toMatchObject({ ageDays: null, warnings: [{ code: 'DATABASE_DATE_UNKNOWN', params: { limit: 7 } }] });
  });

  it('turns each warning into a blocking finding only when the policy blocks', () => {
    const policy = { ...DEFAULT_ANTIVIRUS_DATABASE_POLICY, whenUnfit: 'block' as const };
    expect(assessDatabase(clamav({ databaseDate: '2015-06-16T09:00:00.000Z', signatures: 2 }), policy, NOW).blockingFindings).toEqual([
      { code: 'ANTIVIRUS_DATABASE_OLD', params: { days: 4191, limit: 7 } },
      { code: 'ANTIVIRUS_DATABASE_SMALL', params: { signatures: 2, minimum: 100_000 } },
    ]);
    expect(assessDatabase(clamav({}), policy, NOW).blockingFindings).toEqual([]);
  });

  it('is an optional part of the stored policy, so policies saved before it still load', () => {
    expect(SanitizePolicy.safeParse({ allowedTypes: ['pdf'], releases: [] }).success).toBe(true);
    expect(
      SanitizePolicy.safeParse({
        allowedTypes: ['pdf'],
        releases: [],
        antivirusDatabase: { maxAgeDays: 3, minSignatures: 0, whenUnfit: 'block' },
      }).success,
    ).toBe(true);
    expect(
      SanitizePolicy.safeParse({
        allowedTypes: ['pdf'],
        releases: [],
        antivirusDatabase: { maxAgeDays: 0, minSignatures: 0, whenUnfit: 'block' },
      }).success,
    ).toBe(false);
  });
});

describe('the engine line', () => {
  it('names engine, database, folder, build time, age and signatures, in Japanese and English', () => {
    const engine = { ...clamav({}), databaseAgeDays: 1 };
    expect(engineLine(engine, 'ClamAV', 'ja')).toBe(
      'ウイルス検査: ClamAV 1.4.6 — 定義 daily 27450, main 62, bytecode 335（/var/lib/clamav）、作成 2026/12/05 15:00:00 JST（1 日前）、署名 3,627,519 件',
    );
    expect(engineLine(engine, 'ClamAV', 'en')).toBe(
      'Anti-virus: ClamAV 1.4.6 — database daily 27450, main 62, bytecode 335 in /var/lib/clamav, built 5 Dec 2026 15:00:00 JST (1 day old), 3,627,519 signatures',
    );
    expect(engineLine({ ...engine, signatures: null }, 'Microsoft Defender', 'en')).toContain('signature count unknown');
    expect(engineLine(null, 'ClamAV', 'ja')).toBe('ウイルス検査: ClamAV（使用不可）');
  });
});

describe('the database version in the reader’s language (issue 19)', () => {
  it('counts custom ClamAV signatures in words of each language, after the official databases', () => {
    const both = { databaseVersion: 'daily 27450, main 62', customSignatures: 12 };
    expect(databaseVersionText(both, 'ja')).toBe('daily 27450, main 62、独自定義 12 件');
    expect(databaseVersionText(both, 'en')).toBe('daily 27450, main 62, custom, 12 signatures');
    expect(databaseVersionText({ databaseVersion: null, customSignatures: 1 }, 'ja')).toBe('独自定義 1 件');
    expect(databaseVersionText({ databaseVersion: null, customSignatures: 1 }, 'en')).toBe('custom, 1 signature');
    expect(databaseVersionText({ databaseVersion: '1.421.114.0', customSignatures: 0 }, 'ja')).toBe('1.421.114.0');
    expect(databaseVersionText({ databaseVersion: null, customSignatures: null }, 'en')).toBeNull();
    expect(databaseVersionText(null, 'en')).toBeNull();
  });

  it('rewords runs stored before the count had its own field, which carried it in English inside the version', () => {
    expect(databaseVersionText({ databaseVersion: 'custom (1 signatures)' }, 'ja')).toBe('独自定義 1 件');
    expect(databaseVersionText({ databaseVersion: 'daily 27450, custom (3 signatures)' }, 'ja')).toBe('daily 27450、独自定義 3 件');
    expect(engineLine(clamav({ databaseVersion: 'custom (1 signatures)', databasePath: null }), 'ClamAV', 'ja')).toContain(
      '定義 独自定義 1 件、',
    );
  });
});

describe('why an engine cannot scan, from its adapter', () => {
  let work: string;
  beforeAll(async () => {
    work = await mkdtemp(path.join(os.tmpdir(), 'fieldguard-engine-check-'));
  });
  afterAll(async () => {
    await rm(work, { recursive: true, force: true });
  });

  it('ClamAV: clamscan missing, or no signatures in the folder named, each with where it looked and what to do', async () => {
    const missing = await createClamavEngine({ clamscanPath: path.join(work, 'no-clamscan') }).check();
    expect(missing).toEqual({
      ok: false,
      problem: { code: 'ENGINE_NOT_INSTALLED', detail: `clamscan was not found (looked in ${path.join(work, 'no-clamscan')})` },
    });
    expect(engineProblemText(missing.ok ? { code: '', detail: '' } : missing.problem, 'ja').advice).toMatch(
      /sudo apt install clamav.*freshclam/,
    );
    const noDatabase = await createClamavEngine({ databaseDir: work }).check();
    expect(noDatabase).toEqual({
      ok: false,
      problem: { code: 'DATABASE_MISSING', detail: `no ClamAV signature database (.cvd/.cld or signature files) in ${work}` },
    });
  });

  it('ClamAV: a database libclamav refused is told from a scan that ran (recorded clamscan 1.4.6 output)', () => {
    const refused = {
      exitCode: 2,
      stdout: 'ERROR: Malformed database\n',
      stderr:
        "LibClamAV Error: cli_loadhash: Problem parsing database at line 1\nLibClamAV Error: Can't load /db/site.hdb: Malformed database\nLibClamAV Error: cli_loaddbdir: error loading database /db/site.hdb\n",
    };
    expect(databaseRefusal(refused)).toBe(
      "LibClamAV Error: cli_loadhash: Problem parsing database at line 1 / LibClamAV Error: Can't load /db/site.hdb: Malformed database / LibClamAV Error: cli_loaddbdir: error loading database /db/site.hdb",
    );
    expect(databaseRefusal({ exitCode: 2, stdout: "/a.txt: OK\n/b.txt: Can't open file or directory ERROR\n", stderr: '' })).toBeNull();
    expect(databaseRefusal({ exitCode: 0, stdout: '/a.txt: OK\n', stderr: '' })).toBeNull();
  });

  it('Defender: switched off, or not installed, with the cause; running, with an unknown (not small) signature count', async () => {
    const powerShell = (fields: Record<string, unknown>) => async (): Promise<CommandOutcome> => ({
      ok: true,
      stdout: JSON.stringify({
        amServiceEnabled: true,
        antivirusEnabled: true,
        runningMode: 'Normal',
        engineVersion: '1.1.24090.11',
        signatureVersion: '1.421.114.0',
        signatureLastUpdated: '2026-12-05T23:14:05Z',
        ...fields,
      }),
      stderr: '',
      exitCode: 0,
    });
    const exe = path.join(work, 'MpCmdRun.exe');
    expect(await createDefenderEngine({ mpCmdRunPath: exe, runPowerShell: powerShell({ antivirusEnabled: false }) }).check()).toMatchObject(
      { ok: false, problem: { code: 'ENGINE_OFF' } },
    );
    expect(await createDefenderEngine({ mpCmdRunPath: exe, runPowerShell: powerShell({}) }).check()).toMatchObject({
      ok: true,
      info: { engine: 'Microsoft Defender', signatures: null },
    });
    const none = await createDefenderEngine({ env: { ProgramData: path.join(work, 'pd'), ProgramFiles: path.join(work, 'pf') } }).check();
    expect(none).toMatchObject({ ok: false, problem: { code: 'ENGINE_NOT_INSTALLED' } });
  });
});

describe('repeated reasons', () => {
  it('are grouped with their count and the first entry; distinct reasons stay apart, in first-found order', () => {
    const deep = Array.from({ length: 256 }, (_, i) => ({ code: 'ARCHIVE_TOO_DEEP', params: { limit: 3 }, entry: `a/b${i}/c.zip` }));
    const findings = [
      { code: 'EXTENSION_MISMATCH', params: { extension: 'pdf', type: 'zip' } },
      ...deep,
      { code: 'ARCHIVE_TOO_DEEP', params: { limit: 4 }, entry: 'x.zip' },
    ];
    expect(groupedFindingTexts(findings, 'en')).toEqual([
      'Named .pdf but is really zip',
      'Archives nested too deep (limit 3) × 256, first: a/b0/c.zip',
      'Archives nested too deep (limit 4)（x.zip）',
    ]);
    expect(groupedFindingTexts(deep, 'ja')).toEqual(['圧縮ファイルの入れ子が深すぎる（上限 3 段） × 256（最初: a/b0/c.zip）']);
    expect(groupedFindingTexts([], 'ja')).toEqual([]);
  });
});
