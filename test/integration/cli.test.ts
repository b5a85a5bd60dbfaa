/** The `fieldguard` command as a person uses it: version, help in their language, disks, errors. */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ExitCode, type Command } from '../../electron/cli/command';
import { runCli } from '../../electron/cli/run-cli';
import { VolumeList } from '../../electron/shared/disks';
import packageJson from '../../package.json' with { type: 'json' };

const root = path.resolve(import.meta.dirname, '../..');
const exec = promisify(execFile);

async function cli(argv: string[], env: Record<string, string> = {}, commands?: Command[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    version: packageJson.version,
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    env,
    ...(commands ? { commands } : {}),
  });
  return { code, stdout, stderr };
}

describe('fieldguard', () => {
  it('--version prints the package version', async () => {
    await expect(cli(['--version'])).resolves.toEqual({ code: 0, stdout: `fieldguard ${packageJson.version}\n`, stderr: '' });
  });

  it('--help is Japanese by default and under a Japanese locale', async () => {
    for (const env of [{}, { LANG: 'ja_JP.UTF-8' }, { LANG: 'C' }] as Record<string, string>[]) {
      const { code, stdout } = await cli(['--help'], env);
      expect(code).toBe(0);
      expect(stdout).toContain('使い方: fieldguard <コマンド>');
      expect(stdout).toContain('マウントされているボリュームを一覧表示します');
    }
  });

  it('--help is English when LANG, LC_MESSAGES or LC_ALL says English, in POSIX order', async () => {
    expect((await cli(['--help'], { LANG: 'en_US.UTF-8' })).stdout).toContain('Usage: fieldguard <command>');
    expect((await cli(['--help'], { LANG: 'ja_JP.UTF-8', LC_MESSAGES: 'en_GB.UTF-8' })).stdout).toContain('List the mounted volumes');
    expect((await cli(['--help'], { LANG: 'en_US.UTF-8', LC_ALL: 'ja_JP.UTF-8' })).stdout).toContain('使い方');
  });

  it('a subcommand explains itself with --help', async () => {
    const { code, stdout } = await cli(['disks', '--help'], { LANG: 'en_US.UTF-8' });
    expect(code).toBe(0);
    expect(stdout).toBe('Usage: fieldguard disks [--json]\n  List the mounted volumes\n');
  });

  it('an unknown command or option is an error (exit 2) with a pointer to the help', async () => {
    const unknown = await cli(['erase-everything']);
    expect(unknown.code).toBe(ExitCode.error);
    expect(unknown.stderr).toContain('不明なコマンドです: erase-everything');
    const badOption = await cli(['disks', '--format=xml'], { LANG: 'en_US.UTF-8' });
    expect(badOption.code).toBe(ExitCode.error);
    expect(badOption.stderr).toContain('Invalid arguments');
    expect(badOption.stderr).toContain('fieldguard --help');
  });

  it('disks --json prints the volume list the System page shows', async () => {
    const { code, stdout } = await cli(['disks', '--json']);
    expect(code).toBe(0);
    const list = VolumeList.parse(JSON.parse(stdout));
    expect(list.volumes.some((v) => v.mount === '/')).toBe(true);
  });

  it('disks prints a table with a header in the user’s language', async () => {
    const { stdout } = await cli(['disks'], { LANG: 'en_US.UTF-8' });
    expect(stdout.split('\n')[0]).toBe('Mount\tFile system\tSize\tFree\tRemovable');
    expect(stdout).toMatch(/^\/\t/m);
  });

  it('a command that fails prints a code and a translated message, never a stack trace', async () => {
    const failing: Command = {
      name: 'boom',
      summary: { ja: 'x', en: 'x' },
      usage: 'boom',
      options: {},
      run: () => Promise.reject(new Error('secret /home/yamada/患者.csv')),
    };
    const { code, stderr } = await cli(['boom'], {}, [failing]);
    expect(code).toBe(ExitCode.error);
    expect(stderr).toBe('INTERNAL: 予期しないエラーが発生しました。操作をやり直してください。\n');
  });

  it('runs as a real process from the checkout (npm run cli)', async () => {
    const { stdout } = await exec(process.execPath, ['--import', 'tsx', 'electron/cli/index.ts', '--version'], { cwd: root });
    expect(stdout).toBe(`fieldguard ${packageJson.version}\n`);
    await expect(exec(process.execPath, ['--import', 'tsx', 'electron/cli/index.ts', 'nope'], { cwd: root })).rejects.toMatchObject({
      code: 2,
    });
  });
});
