/**
 * The Microsoft Defender engine without Windows: MpCmdRun's output parser against the outputs
 * in test/fixtures/antivirus/defender (each says in its `# Source:` header where its format
 * comes from, and what it expects), the Get-MpComputerStatus reader, and the engine's
 * plumbing with a stand-in MpCmdRun that prints a fixture.
 */
import { chmod, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScanResult } from '../../electron/core/sanitize/sanitize-types';
import {
  createDefenderEngine,
  newestPlatformFolder,
  parseDefenderInfo,
  parseMpCmdRunScan,
} from '../../electron/platform/antivirus/defender-engine';
import type { CommandOutcome } from '../../electron/platform/self-check/run-probe-command';

const FIXTURES = path.join(import.meta.dirname, '../fixtures/antivirus/defender');

interface Fixture {
  readonly name: string;
  readonly exitCode: number;
  readonly expect: string;
  /** What MpCmdRun printed, with the CRLF line ends Windows gives it. */
  readonly stdout: string;
}

async function loadFixtures(): Promise<Fixture[]> {
  const names = (await readdir(FIXTURES)).filter((name) => name.endsWith('.txt')).sort();
  return Promise.all(
    names.map(async (name) => {
      const lines = (await readFile(path.join(FIXTURES, name), 'utf8')).split('\n');
      const header = lines.filter((line) => line.startsWith('# '));
      const field = (label: string) => header.find((line) => line.startsWith(`# ${label}: `))?.slice(label.length + 4);
      const body = lines.filter((line) => !line.startsWith('# ')).join('\r\n');
      return { name, exitCode: Number(field('Exit code')), expect: field('Expect') ?? '', stdout: body };
    }),
  );
}

function matchesExpectation(result: ScanResult, expectation: string): boolean {
  const [kind, ...rest] = expectation.split(' ');
  const detail = rest.join(' ');
  if (kind === 'clean') return result.status === 'clean';
  if (kind === 'infected') return result.status === 'infected' && result.name === detail;
  if (kind === 'error') return result.status === 'error' && (detail === '' || result.detail.includes(detail));
  return false;
}

let fixtures: Fixture[];
beforeAll(async () => {
  fixtures = await loadFixtures();
});

describe('parseMpCmdRunScan on recorded and reconstructed outputs', () => {
  it('has the cases the engine must handle, each saying where it comes from', async () => {
    expect(fixtures.map((f) => f.name)).toEqual(
      expect.arrayContaining([
        'clean.txt',
        'eicar-found.txt',
        'error-file-not-found.txt',
        'error-access-denied.txt',
        'japanese-windows-clean.txt',
        'japanese-windows-disabled.txt',
        'threat-line-exit-0.txt',
        'exit-0-no-scan-finished.txt',
      ]),
    );
    for (const name of fixtures.map((f) => f.name)) {
      const text = await readFile(path.join(FIXTURES, name), 'utf8');
      expect(text.startsWith('# Source: '), name).toBe(true);
    }
  });

  it('gives each fixture its expected verdict, with CRLF and with LF line ends', () => {
    for (const fixture of fixtures) {
      expect(Number.isInteger(fixture.exitCode), fixture.name).toBe(true);
      for (const stdout of [fixture.stdout, fixture.stdout.replace(/\r\n/g, '\n')]) {
        const result = parseMpCmdRunScan(stdout, fixture.exitCode);
        expect(matchesExpectation(result, fixture.expect), `${fixture.name}: ${JSON.stringify(result)} should be ${fixture.expect}`).toBe(
          true,
        );
      }
    }
  });

  it('never passes a file unless exit code, "Scan finished." and "found no threats" all agree', () => {
    const clean = fixtures.find((f) => f.name === 'clean.txt')!;
    expect(parseMpCmdRunScan(clean.stdout, 0)).toEqual({ status: 'clean' });
    for (const exitCode of [1, 2, 3, 5, null]) expect(parseMpCmdRunScan(clean.stdout, exitCode).status).toBe('error');
    expect(parseMpCmdRunScan(clean.stdout.replace('Scan finished.', ''), 0).status).toBe('error');
    expect(parseMpCmdRunScan(clean.stdout.replace(' found no threats.', ''), 0).status).toBe('error');
    expect(parseMpCmdRunScan('', 0).status).toBe('error');
  });

  it('lets a listed threat win over any exit code, and names every threat', () => {
    const found = fixtures.find((f) => f.name === 'eicar-found.txt')!;
    for (const exitCode of [0, 1, 2, null]) {
      expect(parseMpCmdRunScan(found.stdout, exitCode)).toEqual({ status: 'infected', name: 'Virus:DOS/EICAR_Test_File' });
    }
    const two = found.stdout.replace(
      'Threat                  : Virus:DOS/EICAR_Test_File',
      'Threat                  : Virus:DOS/EICAR_Test_File\r\nThreat                  : PUA:Win32/Example',
    );
    expect(parseMpCmdRunScan(two, 2)).toEqual({ status: 'infected', name: 'Virus:DOS/EICAR_Test_File, PUA:Win32/Example' });
    // A count without the list (output cut after the summary) is still a detection.
    expect(parseMpCmdRunScan('Scan starting...\r\nScan finished.\r\nScanning C:\\x.exe found 2 threats.\r\n', 2).status).toBe('infected');
  });
});

describe('Get-MpComputerStatus', () => {
  const status = (fields: Record<string, unknown>) =>
    JSON.stringify({
      amServiceEnabled: true,
      antivirusEnabled: true,
      runningMode: 'Normal',
      engineVersion: '1.1.24090.11',
      signatureVersion: '1.421.114.0',
      signatureLastUpdated: '2024-11-21T23:14:05.0000000Z',
      ...fields,
    });

  it('gives the engine and signature versions of a running Defender', () => {
    expect(parseDefenderInfo(status({}))).toEqual({
      engine: 'Microsoft Defender',
      version: '1.1.24090.11',
      databaseVersion: '1.421.114.0',
      databaseDate: '2024-11-21T23:14:05.000Z',
    });
    // Windows PowerShell 5.1 prints a DateTime that slipped through as \/Date(ms)\/.
    expect(parseDefenderInfo(status({ signatureLastUpdated: '/Date(1732230845000)/' }))?.databaseDate).toBe('2024-11-21T23:14:05.000Z');
  });

  it('has no info for a Defender that cannot scan, or a status it could not read', () => {
    expect(parseDefenderInfo(status({ antivirusEnabled: false, runningMode: 'Not running' }))).toBeNull();
    expect(parseDefenderInfo(status({ amServiceEnabled: 'False' }))).toBeNull();
    expect(parseDefenderInfo(status({ signatureVersion: '' }))).toBeNull();
    expect(parseDefenderInfo('{"error":"commandMissing","message":"Get-MpComputerStatus is not recognized"}')).toBeNull();
    expect(parseDefenderInfo('')).toBeNull();
  });

  it('picks the newest platform folder by version, not by name', () => {
    expect(newestPlatformFolder(['4.18.2010.7-0', '4.18.24090.11-0', '4.18.9999.1-0', 'Backup', '4.18.24090.2-0'])).toBe('4.18.24090.11-0');
    expect(newestPlatformFolder(['Backup'])).toBeNull();
  });
});

describe('the Defender engine with a stand-in MpCmdRun', () => {
  let work: string;
  beforeAll(async () => {
    work = await mkdtemp(path.join(os.tmpdir(), 'fieldguard-defender-test-'));
  });
  afterAll(async () => {
    await rm(work, { recursive: true, force: true });
  });

  /** A shell script that logs its arguments and prints a fixture, exiting with its code. */
  async function fakeMpCmdRun(fixture: Fixture): Promise<{ exe: string; argsLog: string }> {
    const argsLog = path.join(work, `${fixture.name}.args`);
    const output = path.join(work, `${fixture.name}.out`);
    await writeFile(output, fixture.stdout);
    const exe = path.join(work, `${fixture.name}.sh`);
    await writeFile(exe, `#!/bin/sh\nprintf '%s\\n' "$@" > '${argsLog}'\ncat '${output}'\nexit ${fixture.exitCode}\n`);
    await chmod(exe, 0o755);
    return { exe, argsLog };
  }

  const powerShell = (stdout: string) => async (): Promise<CommandOutcome> => ({ ok: true, stdout, stderr: '', exitCode: 0 });

  it('scans each file with -Scan -ScanType 3 -File <path> -DisableRemediation and reads the verdict', async () => {
    const target = path.join(work, 'report.pdf');
    await writeFile(target, 'pdf');
    for (const [fixtureName, expected] of [
      ['eicar-found.txt', { status: 'infected', name: 'Virus:DOS/EICAR_Test_File' }],
      ['clean.txt', { status: 'clean' }],
      ['threat-line-exit-0.txt', { status: 'infected', name: 'Trojan:Win32/Wacatac.B!ml' }],
      ['error-file-not-found.txt', { status: 'error' }],
    ] as const) {
      const { exe, argsLog } = await fakeMpCmdRun(fixtures.find((f) => f.name === fixtureName)!);
      const results = await createDefenderEngine({ mpCmdRunPath: exe }).scan([target]);
      expect(results.get(target), fixtureName).toMatchObject(expected);
      expect((await readFile(argsLog, 'utf8')).split('\n').slice(0, 6)).toEqual([
        '-Scan',
        '-ScanType',
        '3',
        '-File',
        target,
        '-DisableRemediation',
      ]);
    }
  });

  it('refuses network paths, missing files and a missing MpCmdRun without passing anything', async () => {
    const { exe } = await fakeMpCmdRun(fixtures.find((f) => f.name === 'clean.txt')!);
    const engine = createDefenderEngine({ mpCmdRunPath: exe });
    const results = await engine.scan(['\\\\attacker\\share\\x.pdf', '//attacker/share/x.pdf', path.join(work, 'missing.pdf'), work]);
    expect([...results.values()].map((r) => r.status)).toEqual(['error', 'error', 'error', 'error']);

    const noDefender = createDefenderEngine({ mpCmdRunPath: path.join(work, 'no-such-MpCmdRun.exe') });
    const target = path.join(work, 'x.txt');
    await writeFile(target, 'x');
    expect((await noDefender.scan([target])).get(target)).toMatchObject({ status: 'error' });
  });

  it('reads info from Get-MpComputerStatus and stops on cancellation', async () => {
    const { exe } = await fakeMpCmdRun(fixtures.find((f) => f.name === 'clean.txt')!);
    const running = JSON.stringify({
      amServiceEnabled: true,
      antivirusEnabled: true,
      runningMode: 'Normal',
      engineVersion: '1.1.24090.11',
      signatureVersion: '1.421.114.0',
      signatureLastUpdated: '2024-11-21T23:14:05Z',
    });
    expect(await createDefenderEngine({ mpCmdRunPath: exe, runPowerShell: powerShell(running) }).info()).toMatchObject({
      version: '1.1.24090.11',
    });
    const controller = new AbortController();
    controller.abort(new Error('cancelled'));
    await expect(createDefenderEngine({ mpCmdRunPath: exe }).scan([exe], { signal: controller.signal })).rejects.toThrow('cancelled');
  });
});
