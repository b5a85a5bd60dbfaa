/**
 * The safety net for field use (issue 18): a log file support can ask for, never holding
 * secrets or patient data; an uncaught exception or unhandled rejection logged by name and
 * answered calmly (the vault locked at once on an exception); a renderer that goes away locks
 * the vault and reloads. Real files, a real child process that crashes, the core's own
 * 「ログを保存」 channel with the scripted save dialog.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { createCrashSafety, onRendererGone } from '../../electron/core/app/crash-safety';
import { createFileLogger, LOG_FILE_NAME } from '../../electron/core/log-file';
import { createTestCore, TEST_PASSWORD, type TestCore } from '../support/test-core';

const exec = promisify(execFile);
const PATIENT = '山田花子';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function scratch(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'fieldguard-safety-'));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

describe('the log file', () => {
  it('keeps one JSON line per event, owner-only, and rotates so the folder stays small', async () => {
    const dir = await scratch();
    const log = createFileLogger({ dir, maxBytes: 2000, keep: 2 });
    for (let i = 0; i < 100; i += 1) log.info('vault.unlocked', { count: i });
    const files = (
      await Promise.all(
        ['fieldguard.log', 'fieldguard.1.log', 'fieldguard.2.log', 'fieldguard.3.log'].map((name) =>
          stat(path.join(dir, name)).catch(() => null),
        ),
      )
    ).map((s) => s?.size ?? null);
    expect(files.slice(0, 3).every((size) => size !== null && size <= 2000)).toBe(true);
    expect(files[3]).toBeNull();
    expect((await stat(path.join(dir, LOG_FILE_NAME))).mode & 0o777).toBe(0o600);
    const lines = (await log.collect())
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { event: string; count: number });
    // Oldest first, the newest last, nothing out of order.
    expect(lines.at(-1)).toMatchObject({ event: 'vault.unlocked', count: 99 });
    expect(lines.map((l) => l.count)).toEqual([...lines.map((l) => l.count)].sort((a, b) => a - b));
  });

  it('「ログを保存」 saves it where the engineer chooses, with the vault locked, and it holds no password', async () => {
    const core: TestCore = await createTestCore();
    cleanups.push(() => core.cleanup());
    await core.createVault();
    await core.handlers['vault.lock']({});
    await expect(core.handlers['vault.unlock']({ password: `${TEST_PASSWORD}x` })).rejects.toMatchObject({ code: 'VAULT_WRONG_PASSWORD' });
    const target = path.join(await scratch(), 'support.txt');
    core.dialogs.saveFile = target;
    expect(await core.handlers['app.saveLog']({})).toEqual({ saved: true });
    const saved = await readFile(target, 'utf8');
    expect(saved).toBe(await readFile(core.logFile, 'utf8'));
    expect(saved.length).toBeGreaterThan(0);
    expect(saved).not.toContain(TEST_PASSWORD);
    expect((await stat(target)).mode & 0o777).toBe(0o600);
    core.dialogs.saveFile = null;
    expect(await core.handlers['app.saveLog']({})).toEqual({ saved: false });
  });
});

describe('an uncaught exception in the main process', () => {
  it('is logged by name only, the vault is locked, and the process ends after the calm dialog', async () => {
    const dir = await scratch();
    // A real process that throws with a patient's name in the message, as a careless bug might.
    const script = `
      import { createFileLogger } from ${JSON.stringify(path.resolve('electron/core/log-file.ts'))};
      import { createCrashSafety, installCrashSafety } from ${JSON.stringify(path.resolve('electron/core/app/crash-safety.ts'))};
      const log = createFileLogger({ dir: ${JSON.stringify(dir)} });
      installCrashSafety(process, createCrashSafety({
        log,
        lockVault: () => log.info('test.vault-locked'),
        tellUser: async (kind) => { log.info('test.dialog', { kind }); return 'quit'; },
        restart: () => process.exit(3),
        quit: () => process.exit(4),
      }));
      setTimeout(() => { throw new TypeError('cannot read /home/eng/${PATIENT}/scan.dcm'); }, 10);
      setTimeout(() => process.exit(0), 5000);
    `;
    const exit = await exec(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script]).then(
      () => 0,
      (error: unknown) => (error as { code: number }).code,
    );
    expect(exit).toBe(4);
    const text = await readFile(path.join(dir, LOG_FILE_NAME), 'utf8');
    const events = text
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(events.map((e) => e.event)).toEqual(['app.uncaught-exception', 'test.vault-locked', 'test.dialog']);
    expect(events[0]).toMatchObject({ level: 'error', errorName: 'TypeError' });
    expect(text).not.toContain(PATIENT);
    expect(text).not.toContain('/home/eng');
  });
});

describe('the calm answers', () => {
  const ports = () => {
    const calls: string[] = [];
    let answer: 'restart' | 'quit' | 'continue' = 'continue';
    return {
      calls,
      setAnswer: (next: typeof answer) => (answer = next),
      log: {
        info: (e: string) => calls.push(`info ${e}`),
        warn: (e: string) => calls.push(`warn ${e}`),
        error: (e: string) => calls.push(`error ${e}`),
      },
      lockVault: () => calls.push('lock'),
      tellUser: async (kind: string) => {
        calls.push(`dialog ${kind}`);
        return answer;
      },
      restart: () => calls.push('restart'),
      quit: () => calls.push('quit'),
    };
  };

  it('an unhandled rejection is logged every time, shown once, and the work goes on unless the engineer restarts', async () => {
    const p = ports();
    const safety = createCrashSafety(p);
    await safety.onUnhandledRejection(new Error(PATIENT));
    await safety.onUnhandledRejection(new Error('again'));
    expect(p.calls).toEqual(['error app.unhandled-rejection', 'dialog rejection', 'error app.unhandled-rejection']);
    const q = ports();
    q.setAnswer('restart');
    await createCrashSafety(q).onUnhandledRejection('x');
    expect(q.calls).toEqual(['error app.unhandled-rejection', 'dialog rejection', 'restart']);
  });

  it('an exception never goes on: "continue" is not an answer to it, and a second one shows no second dialog', async () => {
    const p = ports();
    const safety = createCrashSafety(p);
    await Promise.all([safety.onUncaughtException(new Error('a')), safety.onUncaughtException(new Error('b'))]);
    expect(p.calls).toEqual(['error app.uncaught-exception', 'lock', 'dialog exception', 'error app.uncaught-exception', 'lock', 'quit']);
  });

  it('a renderer that goes away locks the vault and reloads, unless the app is closing', () => {
    const calls: string[] = [];
    const rendererPorts = {
      log: { info: () => {}, warn: (e: string, f?: object) => calls.push(`${e} ${JSON.stringify(f)}`), error: () => {} },
      lockVault: () => calls.push('lock'),
      reload: () => calls.push('reload'),
    };
    onRendererGone({ reason: 'crashed', exitCode: 139 }, rendererPorts);
    onRendererGone({ reason: 'clean-exit', exitCode: 0 }, rendererPorts);
    expect(calls).toEqual([
      'window.renderer-gone {"reason":"crashed","exitCode":139}',
      'lock',
      'reload',
      'window.renderer-gone {"reason":"clean-exit","exitCode":0}',
      'lock',
    ]);
  });
});
