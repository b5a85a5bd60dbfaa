/**
 * The data folder on macOS: Time Machine (the folder is excluded at every start with
 * `tmutil addexclusion PATH` — the sticky, per-item form, which needs no administrator rights
 * and follows the folder if it moves — and `tmutil isexcluded PATH` says whether it is), and
 * whether its volume is local, from the flags `mount` prints for it.
 */
import type { BackupFinding } from '../../shared/data-folder';
import type { DataFolderObservation } from '../../core/app/data-folder-backups';
import { runProbeCommand, type CommandOutcome, type RunOptions } from '../self-check/run-probe-command';

export type CommandRunner = (file: string, args: readonly string[], options?: RunOptions) => Promise<CommandOutcome>;

const TMUTIL = '/usr/bin/tmutil';

/** `tmutil isexcluded PATH` prints one line per path: "[Excluded]    /path" or "[Included]    /path". */
export function parseTmutilIsExcluded(stdout: string): BackupFinding {
  const line = stdout.split('\n').find((l) => /^\[(Excluded|Included)\]\s/.test(l.trim()));
  if (line?.trim().startsWith('[Excluded]')) {
    return {
      tool: 'time-machine',
      state: 'excluded',
      detail: {
        ja: 'データフォルダーは Time Machine のバックアップから除外されています。',
        en: 'The data folder is excluded from Time Machine backups.',
      },
    };
  }
  if (line?.trim().startsWith('[Included]')) {
    return {
      tool: 'time-machine',
      state: 'may-copy',
      detail: {
        ja: 'データフォルダーは Time Machine のバックアップ対象です。以前のバックアップにも複製が残ります。',
        en: 'The data folder is included in Time Machine backups; earlier backups also hold copies.',
      },
    };
  }
  return timeMachineUnknown();
}

function timeMachineUnknown(): BackupFinding {
  return {
    tool: 'time-machine',
    state: 'unknown',
    detail: { ja: 'Time Machine の除外設定を確認できませんでした。', en: 'Could not tell whether Time Machine excludes the data folder.' },
  };
}

/**
 * Whether the volume holding `folder` is local, from `mount` output lines such as
 * "/dev/disk3s5 on /System/Volumes/Data (apfs, local, journaled, nobrowse, protect)" or
 * "//user@nas/share on /Volumes/share (smbfs, nodev, nosuid, mounted by yamada)":
 * the longest mount point that contains the folder decides; "local" among its flags.
 */
export function parseMacosMountLocal(stdout: string, folder: string): boolean | null {
  let best: { point: string; local: boolean } | null = null;
  for (const line of stdout.split('\n')) {
    const match = /^.+? on (?<point>.+) \((?<flags>[^)]*)\)\s*$/.exec(line);
    const point = match?.groups?.point;
    if (!point) continue;
    const inside = point === '/' || folder === point || folder.startsWith(`${point}/`);
    if (!inside || (best && best.point.length >= point.length)) continue;
    best = {
      point,
      local: (match.groups?.flags ?? '')
        .split(',')
        .map((flag) => flag.trim())
        .includes('local'),
    };
  }
  return best ? best.local : null;
}

/** Excludes the folder from Time Machine; run at every start (cheap, and it repairs a removed exclusion). */
export async function excludeFromTimeMachine(
  dataDir: string,
  run: CommandRunner = runProbeCommand,
): Promise<{ readonly ok: boolean; readonly detail: string }> {
  const outcome = await run(TMUTIL, ['addexclusion', dataDir]);
  return outcome.ok
    ? { ok: true, detail: 'excluded' }
    : { ok: false, detail: `${outcome.problem}: ${outcome.stderr.trim().slice(0, 200)}` };
}

export async function observeMacosDataFolder(dataDir: string, run: CommandRunner = runProbeCommand): Promise<DataFolderObservation> {
  const [excluded, mounts] = await Promise.all([run(TMUTIL, ['isexcluded', dataDir]), run('/sbin/mount', [])]);
  return {
    local: mounts.ok ? parseMacosMountLocal(mounts.stdout, dataDir) : null,
    findings: [excluded.ok ? parseTmutilIsExcluded(excluded.stdout) : timeMachineUnknown()],
  };
}
