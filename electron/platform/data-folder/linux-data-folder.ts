/**
 * The data folder on Linux: Déjà Dup (GNOME's backup tool, whose default include list is
 * $HOME, so it copies ~/.config/FieldGuard unless told not to), read from
 * `gsettings list-recursively org.gnome.DejaDup`, and whether the folder's file system is
 * local, from statfs. Other backup tools (rsync jobs, Borg, Timeshift in home mode) leave
 * nothing a program can read reliably: the certificate's precondition sentence covers them.
 */
import { statfs } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { BackupFinding } from '../../shared/data-folder';
import { isUnder, type DataFolderObservation } from '../../core/app/data-folder-backups';
import { runProbeCommand, type CommandOutcome, type RunOptions } from '../self-check/run-probe-command';

export type CommandRunner = (file: string, args: readonly string[], options?: RunOptions) => Promise<CommandOutcome>;

export const DEJA_DUP_SOURCE = 'gsettings list-recursively org.gnome.DejaDup';

export interface DejaDupSettings {
  readonly include: readonly string[];
  readonly exclude: readonly string[];
  readonly periodic: boolean;
  readonly lastBackup: string;
  readonly lastRun: string;
}

/** Reads "org.gnome.DejaDup KEY VALUE" lines (GVariant text); null when the keys it needs are not all there. */
export function parseDejaDupSettings(stdout: string): DejaDupSettings | null {
  const values = new Map<string, string>();
  for (const line of stdout.split('\n')) {
    const match = /^org\.gnome\.DejaDup (?<key>\S+) (?<value>.*)$/.exec(line.trimEnd());
    if (match?.groups) values.set(match.groups.key ?? '', match.groups.value ?? '');
  }
  const include = parseStringArray(values.get('include-list'));
  const exclude = parseStringArray(values.get('exclude-list'));
  const periodic = values.get('periodic');
  const lastBackup = parseString(values.get('last-backup'));
  const lastRun = parseString(values.get('last-run'));
  if (!include || !exclude || (periodic !== 'true' && periodic !== 'false') || lastBackup === null || lastRun === null) return null;
  return { include, exclude, periodic: periodic === 'true', lastBackup, lastRun };
}

/** A GVariant string: '…' or, when it holds a single quote, "…", with backslash escapes. */
const GVARIANT_STRING = /'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)"/g;

function parseStringArray(value: string | undefined): string[] | null {
  if (value === undefined) return null;
  const text = value.trim();
  if (text === '@as []' || text === '[]') return [];
  if (!text.startsWith('[') || !text.endsWith(']')) return null;
  return [...text.matchAll(GVARIANT_STRING)].map((m) => unescape(m[1] ?? m[2] ?? ''));
}

function parseString(value: string | undefined): string | null {
  if (value === undefined) return null;
  const match = /^(?:'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)")$/.exec(value.trim());
  return match ? unescape(match[1] ?? match[2] ?? '') : null;
}

function unescape(text: string): string {
  return text.replace(/\\(.)/g, '$1');
}

/** Déjà Dup's reserved names (its gschema), at the start of an entry; relative entries are under home. */
const SPECIAL_DIRS: Readonly<Record<string, string>> = {
  $DESKTOP: 'Desktop',
  $DOCUMENTS: 'Documents',
  $DOWNLOAD: 'Downloads',
  $MUSIC: 'Music',
  $PICTURES: 'Pictures',
  $PUBLIC_SHARE: 'Public',
  $TEMPLATES: 'Templates',
  $VIDEOS: 'Videos',
  $TRASH: '.local/share/Trash',
};

export function expandDejaDupPath(entry: string, home: string, user: string): string {
  const withUser = entry.replaceAll('$USER', user);
  const [head = '', ...rest] = withUser.split('/');
  if (head === '$HOME' || head === '~') return path.join(home, ...rest);
  const special = SPECIAL_DIRS[head];
  if (special !== undefined) return path.join(home, special, ...rest);
  return path.isAbsolute(withUser) ? withUser : path.join(home, withUser);
}

/** What Déjà Dup's settings mean for the folder: the deepest matching entry decides, an exclude winning a tie. */
export function dejaDupFinding(settings: DejaDupSettings, dataDir: string, home: string, user: string): BackupFinding {
  const depth = (entries: readonly string[]) =>
    Math.max(
      -1,
      ...entries
        .map((entry) => expandDejaDupPath(entry, home, user))
        .filter((folder) => isUnder(dataDir, folder, 'linux'))
        .map((folder) => path.resolve(folder).length),
    );
  const included = depth(settings.include) > depth(settings.exclude);
  if (!included) {
    return {
      tool: 'deja-dup',
      state: 'excluded',
      detail: { ja: 'データフォルダーは Déjà Dup のバックアップ対象外です。', en: 'The data folder is not in what Déjà Dup backs up.' },
    };
  }
  if (!settings.periodic && settings.lastBackup === '' && settings.lastRun === '') {
    return {
      tool: 'deja-dup',
      state: 'excluded',
      detail: {
        ja: 'Déjà Dup はデータフォルダーを対象に含みますが、まだ一度もバックアップしておらず、自動バックアップも無効です。',
        en: 'Déjà Dup includes the data folder but has never made a backup and is not scheduled.',
      },
    };
  }
  return {
    tool: 'deja-dup',
    state: 'may-copy',
    detail: {
      ja: `データフォルダーは Déjà Dup のバックアップ対象です${settings.lastBackup ? `（最終バックアップ ${settings.lastBackup}）` : ''}。除外リストに ${dataDir} を加えてください。`,
      en: `The data folder is included in Déjà Dup backups${settings.lastBackup ? ` (last backup ${settings.lastBackup})` : ''}. Add ${dataDir} to its exclude list.`,
    },
  };
}

function dejaDupUnknown(): BackupFinding {
  return {
    tool: 'deja-dup',
    state: 'unknown',
    detail: { ja: 'Déjà Dup の設定を読み取れませんでした。', en: 'Could not read Déjà Dup’s settings.' },
  };
}

/** statfs magic numbers (linux/magic.h) of file systems that are local, and of network ones. */
const LOCAL_FS = new Set([
  0xef53, 0x9123683e, 0x58465342, 0x01021994, 0xf2f52010, 0x2fc12fc1, 0x794c7630, 0x4d44, 0x2011bab0, 0x5346544e, 0x7366746e, 0xca451a4e,
]);
const NETWORK_FS = new Set([0x6969, 0x517b, 0xff534d42, 0xfe534d42, 0x5346414f, 0x564c, 0x00c36400]);

/** Whether a statfs type is a local file system (true), a network one (false), or neither known (null: FUSE, for one, can be either). */
export function isLocalFileSystemType(type: number): boolean | null {
  if (LOCAL_FS.has(type)) return true;
  if (NETWORK_FS.has(type)) return false;
  return null;
}

async function localFileSystem(folder: string): Promise<boolean | null> {
  // The folder may not exist yet (no vault): its nearest existing parent is where it will be.
  for (let current = path.resolve(folder); ; current = path.dirname(current)) {
    const info = await statfs(current).catch(() => null);
    if (info) return isLocalFileSystemType(info.type);
    if (path.dirname(current) === current) return null;
  }
}

export async function observeLinuxDataFolder(
  dataDir: string,
  run: CommandRunner = runProbeCommand,
  home: string = os.homedir(),
  user: string = os.userInfo().username,
): Promise<DataFolderObservation> {
  const [outcome, local] = await Promise.all([run('gsettings', ['list-recursively', 'org.gnome.DejaDup']), localFileSystem(dataDir)]);
  // No gsettings, or no Déjà Dup schema: Déjà Dup is not installed for this user, so it is not listed.
  const notInstalled = !outcome.ok && (outcome.problem === 'commandMissing' || /No such schema|No schemas installed/i.test(outcome.stderr));
  if (notInstalled) return { local, findings: [] };
  const settings = outcome.ok ? parseDejaDupSettings(outcome.stdout) : null;
  return { local, findings: [settings ? dejaDupFinding(settings, dataDir, home, user) : dejaDupUnknown()] };
}
