/**
 * `fieldguard selfcheck --record DIR` on this machine, round-tripped: the recording is in the
 * fixtures' shape (every file starts with its "# Source:" line), holds no user or host name,
 * and replayed through the fixture-driven path (test/support/replay-recording.ts) it gives
 * the very verdicts the live run printed. A Windows recording is byte for byte the shape of
 * test/fixtures/self-check/windows, so it becomes a fixture by copying.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runSelfCheck } from '../../electron/core/self-check/run-self-check';
import { ProbeRecorder, readRecording, writeRecording } from '../../electron/platform/self-check/probe-recording';
import { createWindowsProbes } from '../../electron/platform/self-check/windows/windows-probes';
import { DEFAULT_SELF_CHECK_POLICY, type SelfCheckRun } from '../../electron/shared/self-check';
import { WINDOWS_SCRIPT_NAMES } from '../../electron/platform/self-check/probes-for-this-os';
import { HEALTHY_WINDOWS, RECORDED_AT, recordedWindowsRunner } from '../support/recorded-windows-probes';
import { fixtureBody, readSelfCheckFixture } from '../support/self-check-fixtures';
import { probesFromRecording, probesFromRecordingDir } from '../support/replay-recording';

const ROOT = path.resolve(import.meta.dirname, '../..');
const scratch: string[] = [];
afterAll(async () => {
  await Promise.all(scratch.map((dir) => rm(dir, { recursive: true, force: true })));
});

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'fieldguard-record-'));
  scratch.push(dir);
  return dir;
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) =>
    execFile(
      process.execPath,
      ['--import', 'tsx', 'electron/cli/index.ts', 'selfcheck', ...args],
      { cwd: ROOT, maxBuffer: 32 * 1024 * 1024 },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code) : 0, stdout, stderr }),
    ),
  );
}

describe('fieldguard selfcheck --record', () => {
  it('records this machine and the recording replays to the same verdicts', async () => {
    const dir = path.join(await tempDir(), 'this-laptop');
    const result = await cli(['--json', '--record', dir]);
    const live = JSON.parse(result.stdout) as SelfCheckRun;
    expect(result.code).toBe(live.overall === 'pass' ? 0 : 1);
    expect(result.stderr).toMatch(/診断データ \d+ 件|Saved \d+ diagnostic files/);

    const files = await filesUnder(dir);
    expect(files.some((f) => f.includes(`${path.sep}commands${path.sep}`))).toBe(true);
    const host = os.hostname();
    for (const file of files.filter((f) => !f.endsWith('session.json'))) {
      const text = await readFile(file, 'utf8');
      expect(text.startsWith('# Source: '), file).toBe(true);
      expect(text.split('\n')[0], file).toContain('recorded by `fieldguard selfcheck --record`');
      if (host.length >= 3) expect(text.includes(host), `${file} holds the host name`).toBe(false);
    }

    const { probes, recording } = await probesFromRecordingDir(dir);
    expect(recording.session.os).toBe('linux');
    const replayed = await runSelfCheck(probes, DEFAULT_SELF_CHECK_POLICY, 'company', () => new Date(recording.session.recordedAt));
    const verdicts = (run: SelfCheckRun) => run.checks.map((c) => `${c.id}: ${c.status} (${c.reason})`);
    expect(verdicts(replayed)).toEqual(verdicts(live));
  }, 60_000);

  it("writes a Windows laptop in the Windows fixtures' shape, which replays to the same run", async () => {
    const recorder = new ProbeRecorder();
    // The recorded scenario's answers, through the same wrapper the live runner gets on Windows.
    const runPowerShell = recorder.wrapPowerShell(
      recordedWindowsRunner(HEALTHY_WINDOWS),
      (script) => WINDOWS_SCRIPT_NAMES.get(script) ?? 'unknown-script',
    );
    const original = await runSelfCheck(createWindowsProbes({ runPowerShell }), DEFAULT_SELF_CHECK_POLICY, 'company', () => RECORDED_AT);
    expect(original.overall).toBe('pass');
    const dir = await tempDir();
    const session = {
      os: 'windows' as const,
      recordedAt: RECORDED_AT.toISOString(),
      osDescription: 'Windows 11 Pro 10.0.22631',
      desktop: null,
      timeZone: 'Asia/Tokyo',
    };
    await writeRecording(dir, recorder.recording(session, { users: [], hosts: [] }));
    // Each probe's file is its fixture: the same body after the "# Source:" line.
    const recorded = await readFile(path.join(dir, 'windows', 'firewall.txt'), 'utf8');
    expect(fixtureBody(recorded)).toBe(readSelfCheckFixture('windows', HEALTHY_WINDOWS.firewall));
    // The SSID and the access point's and adapter's hardware addresses do not leave the laptop.
    const wifi = await readFile(path.join(dir, 'windows', 'wifi.txt'), 'utf8');
    expect(wifi).not.toContain('ServiceNet');
    expect(wifi).toContain('SSID                   : <ssid>');
    expect(wifi).not.toMatch(/8c:17:59|3c:37:86/);
    const replayed = await runSelfCheck(
      probesFromRecording(await readRecording(dir)),
      DEFAULT_SELF_CHECK_POLICY,
      'company',
      () => RECORDED_AT,
    );
    expect(replayed.checks.map((c) => [c.id, c.status, c.reason])).toEqual(original.checks.map((c) => [c.id, c.status, c.reason]));
  });
});
