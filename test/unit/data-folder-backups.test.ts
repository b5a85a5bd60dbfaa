/**
 * What might hold a copy of the data folder, as the engineer would check it: the folder's
 * place (roaming profile, OneDrive, iCloud Drive, a sync client's folder, an old data folder
 * with vault files left in it), Time Machine and the volume on macOS, File History and shadow
 * copies on Windows (recorded outputs in test/fixtures/data-folder), and Déjà Dup on Linux —
 * asked of the real gsettings, with Déjà Dup's own schema compiled into a temporary folder.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findingsFromPlace, inspectDataFolder, type FolderContext } from '../../electron/core/app/data-folder-backups';
import {
  dejaDupFinding,
  isLocalFileSystemType,
  observeLinuxDataFolder,
  parseDejaDupSettings,
  type CommandRunner,
} from '../../electron/platform/data-folder/linux-data-folder';
import {
  excludeFromTimeMachine,
  observeMacosDataFolder,
  parseMacosMountLocal,
  parseTmutilIsExcluded,
} from '../../electron/platform/data-folder/macos-data-folder';
import { parseWindowsDataFolder } from '../../electron/platform/data-folder/windows-data-folder';
import { runProbeCommand } from '../../electron/platform/self-check/run-probe-command';
import type { BackupFinding } from '../../electron/shared/data-folder';

const AT = new Date('2026-12-06T03:00:00Z');

/** A recorded output without its "# Source:" header line. */
function fixture(name: string): string {
  const text = readFileSync(path.join(import.meta.dirname, '../fixtures/data-folder', name), 'utf8');
  return text.slice(text.indexOf('\n') + 1);
}

const states = (findings: readonly BackupFinding[]) => Object.fromEntries(findings.map((f) => [f.tool, f.state]));

describe('the folder’s place', () => {
  const windows = (env: FolderContext['env']): FolderContext => ({
    env,
    platform: 'win32',
    home: 'C:\\Users\\yamada',
    legacyDataDir: null,
  });

  it('on Windows: the roaming profile may copy it, the local profile does not; OneDrive only when the folder is inside it', () => {
    const env = {
      APPDATA: 'C:\\Users\\yamada\\AppData\\Roaming',
      LOCALAPPDATA: 'C:\\Users\\yamada\\AppData\\Local',
      OneDrive: 'C:\\Users\\yamada\\OneDrive - 東都メディカル',
    };
    expect(states(findingsFromPlace('C:\\Users\\yamada\\AppData\\Roaming\\FieldGuard', windows(env)))).toEqual({
      'roaming-profile': 'may-copy',
      onedrive: 'excluded',
    });
    expect(states(findingsFromPlace('c:\\users\\YAMADA\\appdata\\local\\FieldGuard', windows(env)))).toEqual({
      'roaming-profile': 'excluded',
      onedrive: 'excluded',
    });
    expect(states(findingsFromPlace('C:\\Users\\yamada\\OneDrive - 東都メディカル\\FG', windows(env)))).toEqual({ onedrive: 'may-copy' });
    // In the roaming profile only because the move at start failed, unless the site chose the folder.
    expect(findingsFromPlace('C:\\Users\\yamada\\AppData\\Roaming\\FieldGuard', windows(env))[0]!.detail.en).toContain(
      'tried to move it to the local profile',
    );
    expect(
      findingsFromPlace(
        'C:\\Users\\yamada\\AppData\\Roaming\\FG',
        windows({ ...env, FIELDGUARD_DATA_DIR: 'C:\\Users\\yamada\\AppData\\Roaming\\FG' }),
      )[0]!.detail.en,
    ).not.toContain('tried to move');
    // No OneDrive signed in: nothing to say about it.
    expect(states(findingsFromPlace('D:\\FieldGuard', windows({ APPDATA: env.APPDATA, LOCALAPPDATA: env.LOCALAPPDATA })))).toEqual({});
  });

  it('on macOS: iCloud Drive, Desktop & Documents (unknown) and CloudStorage folders', () => {
    const mac: FolderContext = { env: {}, platform: 'darwin', home: '/Users/yamada', legacyDataDir: null };
    expect(states(findingsFromPlace('/Users/yamada/Library/Application Support/FieldGuard', mac))).toEqual({ 'icloud-drive': 'excluded' });
    expect(states(findingsFromPlace('/Users/yamada/Library/Mobile Documents/com~apple~CloudDocs/FG', mac))).toEqual({
      'icloud-drive': 'may-copy',
    });
    expect(states(findingsFromPlace('/Users/yamada/Documents/FG', mac))).toEqual({ 'icloud-drive': 'unknown' });
    const dropbox = findingsFromPlace('/Users/yamada/Library/CloudStorage/Dropbox/FG', mac);
    expect(states(dropbox)).toEqual({ 'icloud-drive': 'excluded', 'sync-folder': 'may-copy' });
    expect(dropbox[1]!.detail.ja).toContain('Dropbox');
  });

  it('on Linux: a sync client’s folder', () => {
    const linux: FolderContext = { env: {}, platform: 'linux', home: '/home/yamada', legacyDataDir: null };
    expect(states(findingsFromPlace('/home/yamada/.config/FieldGuard', linux))).toEqual({});
    expect(states(findingsFromPlace('/home/yamada/Nextcloud/FieldGuard', linux))).toEqual({ 'sync-folder': 'may-copy' });
  });

  it('an old data folder that still holds vault files is itself a copy', async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), 'fieldguard-old-'));
    try {
      const legacy = path.join(root, 'Roaming', 'FieldGuard');
      await mkdir(path.join(legacy, 'Local Storage'), { recursive: true });
      const context: FolderContext = { env: {}, platform: 'linux', home: root, legacyDataDir: legacy };
      // Electron's caches alone are not vault data.
      expect(findingsFromPlace(path.join(root, 'Local', 'FieldGuard'), context)).toEqual([]);
      await writeFile(path.join(legacy, 'vault.db'), 'left behind');
      const [found] = findingsFromPlace(path.join(root, 'Local', 'FieldGuard'), context);
      expect(found).toMatchObject({ tool: 'old-data-folder', state: 'may-copy' });
      expect(found!.detail.en).toContain('vault.db');
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });

  it('the report keeps both halves, and a failing OS check leaves the disk unknown rather than local', async () => {
    const linux: FolderContext = { env: {}, platform: 'linux', home: '/home/yamada', legacyDataDir: null };
    const report = await inspectDataFolder(
      '/home/yamada/Dropbox/FG',
      async () => ({ local: true, findings: [parseTmutilIsExcluded(fixture('tmutil-isexcluded-included.txt'))] }),
      linux,
      AT,
    );
    expect(report).toMatchObject({ dataDir: '/home/yamada/Dropbox/FG', local: true, observedAt: AT.toISOString() });
    expect(states(report.backups)).toEqual({ 'sync-folder': 'may-copy', 'time-machine': 'may-copy' });
    const failed = await inspectDataFolder('/x', async () => Promise.reject(new Error('boom')), linux, AT);
    expect(failed.local).toBeNull();
  });
});

describe('macOS', () => {
  it('reads tmutil isexcluded', () => {
    expect(parseTmutilIsExcluded(fixture('tmutil-isexcluded-excluded.txt')).state).toBe('excluded');
    expect(parseTmutilIsExcluded(fixture('tmutil-isexcluded-included.txt')).state).toBe('may-copy');
    expect(parseTmutilIsExcluded('').state).toBe('unknown');
    expect(parseTmutilIsExcluded('tmutil: isexcluded requires Full Disk Access\n').state).toBe('unknown');
  });

  it('tells a local volume from a network share by the longest mount point', () => {
    const mounts = fixture('macos-mount.txt');
    expect(parseMacosMountLocal(mounts, '/Users/yamada/Library/Application Support/FieldGuard')).toBe(true);
    expect(parseMacosMountLocal(mounts, '/Volumes/home/yamada/FieldGuard')).toBe(false);
    expect(parseMacosMountLocal(mounts, '/Volumes/USB (2)/FieldGuard')).toBe(true);
    expect(parseMacosMountLocal(mounts, '/Volumes/homework')).toBe(true);
    expect(parseMacosMountLocal('', '/Users/yamada')).toBeNull();
  });

  it('excludes the folder with the sticky, non-admin form of tmutil and reports a refusal', async () => {
    const calls: string[][] = [];
    const answering =
      (ok: boolean): CommandRunner =>
      async (file, args) => {
        calls.push([file, ...args]);
        return ok
          ? { ok: true, stdout: '', stderr: '', exitCode: 0 }
          : {
              ok: false,
              problem: 'accessDenied',
              stdout: '',
              stderr: 'tmutil: addexclusion requires Full Disk Access privileges.\n',
              exitCode: 80,
            };
      };
    expect(await excludeFromTimeMachine('/Users/y/Library/Application Support/FieldGuard', answering(true))).toEqual({
      ok: true,
      detail: 'excluded',
    });
    expect(calls[0]).toEqual(['/usr/bin/tmutil', 'addexclusion', '/Users/y/Library/Application Support/FieldGuard']);
    expect(await excludeFromTimeMachine('/x', answering(false))).toEqual({
      ok: false,
      detail: 'accessDenied: tmutil: addexclusion requires Full Disk Access privileges.',
    });
  });

  it('a missing tmutil is unknown, never excluded', async () => {
    const run: CommandRunner = async (file) =>
      file.endsWith('tmutil')
        ? { ok: false, problem: 'commandMissing', stdout: '', stderr: '', exitCode: null }
        : { ok: true, stdout: fixture('macos-mount.txt'), stderr: '', exitCode: 0 };
    const observed = await observeMacosDataFolder('/Users/yamada/Library/Application Support/FieldGuard', run);
    expect(observed).toMatchObject({ local: true, findings: [{ tool: 'time-machine', state: 'unknown' }] });
  });
});

describe('Windows', () => {
  it('a non-elevated check cannot rule out shadow copies; File History never set up copies nothing', () => {
    const observed = parseWindowsDataFolder(fixture('windows-local-no-file-history-not-elevated.txt'), AT);
    expect(observed.local).toBe(true);
    expect(states(observed.findings)).toEqual({ 'file-history': 'excluded', 'shadow-copies': 'unknown' });
    expect(observed.findings[1]!.detail.ja).toContain('vssadmin list shadows');
  });

  it('restore points on the drive may hold a copy; File History set up is unknown', () => {
    const observed = parseWindowsDataFolder(fixture('windows-elevated-two-shadow-copies.txt'), AT);
    expect(states(observed.findings)).toEqual({ 'file-history': 'unknown', 'shadow-copies': 'may-copy' });
    expect(observed.findings[1]!.detail.en).toContain('2 shadow copies');
  });

  it('File History off by policy and no shadow copies: nothing copies the folder', () => {
    const observed = parseWindowsDataFolder(fixture('windows-elevated-no-shadow-copies-policy-off.txt'), AT);
    expect(observed).toMatchObject({ local: true });
    expect(states(observed.findings)).toEqual({ 'file-history': 'excluded', 'shadow-copies': 'excluded' });
  });

  it('a network drive is not local, and failed parts are unknown', () => {
    const observed = parseWindowsDataFolder(fixture('windows-redirected-network.txt'), AT);
    expect(observed.local).toBe(false);
    expect(states(observed.findings)).toEqual({ 'file-history': 'unknown', 'shadow-copies': 'unknown' });
    expect(states(parseWindowsDataFolder('Get-CimInstance : アクセスが拒否されました。', AT).findings)).toEqual({
      'file-history': 'unknown',
      'shadow-copies': 'unknown',
    });
  });
});

describe('Linux: Déjà Dup', () => {
  const home = '/home/yamada';
  const dataDir = '/home/yamada/.config/FieldGuard';
  const finding = (name: string) => dejaDupFinding(parseDejaDupSettings(fixture(name))!, dataDir, home, 'yamada');

  it('reads gsettings output, including an empty list and a path with a quote', () => {
    expect(parseDejaDupSettings(fixture('deja-dup-folder-excluded.txt'))).toEqual({
      include: ['$HOME'],
      exclude: ['$TRASH', '$DOWNLOAD', '/home/yamada/.config/FieldGuard', "/home/yamada/it's mine"],
      periodic: true,
      lastBackup: '2026-11-30T09:12:44.021Z',
      lastRun: '2026-11-30T09:12:44.021Z',
    });
    expect(parseDejaDupSettings(fixture('deja-dup-empty-include.txt'))?.include).toEqual([]);
    expect(parseDejaDupSettings('org.gnome.DejaDup periodic true\n')).toBeNull();
  });

  it('decides from the include and exclude lists and whether it has ever backed up', () => {
    expect(finding('deja-dup-defaults.txt').state).toBe('excluded');
    expect(finding('deja-dup-backing-up-home.txt')).toMatchObject({
      state: 'may-copy',
      detail: { en: expect.stringContaining('last backup 2026-11-30') },
    });
    expect(finding('deja-dup-folder-excluded.txt').state).toBe('excluded');
    expect(finding('deja-dup-includes-config.txt').state).toBe('may-copy');
    expect(finding('deja-dup-empty-include.txt').state).toBe('excluded');
  });

  it('knows local and network file systems by their statfs type, and says unknown for FUSE', () => {
    expect(isLocalFileSystemType(0xef53)).toBe(true);
    expect(isLocalFileSystemType(0x6969)).toBe(false);
    expect(isLocalFileSystemType(0xff534d42)).toBe(false);
    expect(isLocalFileSystemType(0x65735546)).toBeNull();
  });

  describe.skipIf(!hasGlibSchemaCompiler())('asking the real gsettings with Déjà Dup’s schema', () => {
    let root = '';
    let run: CommandRunner;
    const gsettings = (...args: string[]) => execFileSync('gsettings', args, { env: { ...process.env, ...gsettingsEnv() } });
    const gsettingsEnv = () => ({
      GSETTINGS_SCHEMA_DIR: path.join(root, 'schemas'),
      GSETTINGS_BACKEND: 'keyfile',
      XDG_CONFIG_HOME: path.join(root, 'config'),
    });

    beforeAll(async () => {
      root = await mkdtemp(path.join(os.tmpdir(), 'fieldguard-dejadup-'));
      await mkdir(path.join(root, 'schemas'));
      await writeFile(
        path.join(root, 'schemas', 'org.gnome.DejaDup.gschema.xml'),
        readFileSync(path.join(import.meta.dirname, '../fixtures/data-folder/org.gnome.DejaDup.gschema.xml')),
      );
      execFileSync('glib-compile-schemas', [path.join(root, 'schemas')]);
      run = (file, args, options) => runProbeCommand(file, args, { ...options, env: { ...options?.env, ...gsettingsEnv() } });
    });
    afterAll(async () => {
      await rm(root, { recursive: true, force: true });
    });

    it('follows the settings as the engineer changes them in Déjà Dup', async () => {
      const folder = path.join(root, 'home', '.config', 'FieldGuard');
      const observe = () => observeLinuxDataFolder(folder, run, path.join(root, 'home'), 'yamada');
      expect((await observe()).findings).toMatchObject([{ tool: 'deja-dup', state: 'excluded' }]);
      gsettings('set', 'org.gnome.DejaDup', 'periodic', 'true');
      gsettings('set', 'org.gnome.DejaDup', 'last-backup', '2026-12-01T08:00:00Z');
      const backingUp = await observe();
      expect(backingUp.findings).toMatchObject([{ tool: 'deja-dup', state: 'may-copy' }]);
      // The temporary folder is on a local file system (ext4 or tmpfs) on every machine these tests run on.
      expect(backingUp.local).toBe(true);
      gsettings('set', 'org.gnome.DejaDup', 'exclude-list', `['$TRASH', '${folder}']`);
      expect((await observe()).findings).toMatchObject([{ tool: 'deja-dup', state: 'excluded' }]);
    });

    it('lists nothing when Déjà Dup is not installed (no schema)', async () => {
      const noSchema: CommandRunner = (file, args, options) =>
        runProbeCommand(file, args, {
          ...options,
          env: {
            ...options?.env,
            ...gsettingsEnv(),
            GSETTINGS_SCHEMA_DIR: path.join(root, 'config'),
            XDG_DATA_DIRS: path.join(root, 'config'),
          },
        });
      expect((await observeLinuxDataFolder('/home/y/.config/FieldGuard', noSchema, '/home/y', 'y')).findings).toEqual([]);
    });
  });
});

function hasGlibSchemaCompiler(): boolean {
  return existsSync('/usr/bin/glib-compile-schemas') && existsSync('/usr/bin/gsettings');
}
