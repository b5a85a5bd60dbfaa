/**
 * Which programs are running, from /proc/<pid>/comm: readable by any user, no `ps` needed.
 * When /proc is mounted with hidepid, other users' processes (root's clamonacc, say) are
 * invisible, so "not found" then means "not known" — the caller gets that flag.
 */
import type { LinuxProbeContext, Read } from './linux-context';
import { listDir, readText, systemPath } from './linux-context';

export interface ProcessList {
  /** Names as the kernel keeps them (comm: at most 15 characters). */
  readonly names: ReadonlySet<string>;
  /** Every process was visible: a name missing from `names` is really not running. */
  readonly complete: boolean;
}

/** hidepid=1|2|invisible|noaccess on the /proc mount hides other users' processes. */
export function procHidesOthers(mountsText: string): boolean {
  return mountsText.split('\n').some((line) => {
    const [, mountPoint, fsType, options = ''] = line.trim().split(/\s+/);
    return mountPoint === '/proc' && fsType === 'proc' && /(^|,)hidepid=(?!0(,|$)|off(,|$))/.test(options);
  });
}

export async function listProcesses(ctx: LinuxProbeContext): Promise<Read<ProcessList>> {
  const [dir, mounts] = await Promise.all([listDir(ctx, '/proc'), readText(ctx, '/proc/self/mounts')]);
  if (!dir.ok) return dir;
  const pids = dir.value.filter((name) => /^\d+$/.test(name));
  const names = await Promise.all(
    // A process may exit between readdir and read: such a miss is simply skipped.
    pids.map((pid) =>
      ctx.fs.readFile(systemPath(ctx, `/proc/${pid}/comm`)).then(
        (b) => b.toString('utf8').trim(),
        () => null,
      ),
    ),
  );
  const complete = mounts.ok && !procHidesOthers(mounts.value);
  return { source: dir.source, ok: true, value: { names: new Set(names.filter((n): n is string => n !== null)), complete } };
}
