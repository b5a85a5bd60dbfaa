/**
 * CPU time of the calling thread against that of the whole process (every thread, those that
 * have already exited included), read from Linux's /proc: which thread did a job's work is a
 * question of CPU accounting, not of the wall clock, so a loaded machine does not change the
 * answer. Node 20 has no per-thread CPU usage of its own (process.threadCpuUsage came later).
 */
import { readFileSync } from 'node:fs';

/** Where the answer cannot be had (not Linux, or no /proc), one line saying why; null when it can. */
export function whyThreadCpuCannotBeRead(): string | null {
  try {
    readFileSync('/proc/thread-self/stat', 'utf8');
    readFileSync('/proc/self/stat', 'utf8');
    return null;
  } catch {
    return 'per-thread CPU time needs Linux /proc (thread-self/stat)';
  }
}

/** utime + stime, in clock ticks, from a /proc stat line (fields 14 and 15; the name in parentheses may hold spaces). */
function ticksOf(stat: string): number {
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // fields[0] is field 3 (state): utime is field 14, stime field 15.
  return Number(fields[11]) + Number(fields[12]);
}

export interface CpuTicks {
  /** The calling thread alone. */
  readonly thread: number;
  /** The whole process: every thread, exited ones included. */
  readonly process: number;
}

export function cpuTicks(): CpuTicks {
  return { thread: ticksOf(readFileSync('/proc/thread-self/stat', 'utf8')), process: ticksOf(readFileSync('/proc/self/stat', 'utf8')) };
}

/** The CPU ticks `work` cost this thread and the whole process; null ticks where /proc cannot tell. */
export async function cpuTicksOf<T>(work: () => Promise<T>): Promise<{ result: T; ticks: CpuTicks | null }> {
  if (whyThreadCpuCannotBeRead() !== null) return { result: await work(), ticks: null };
  const before = cpuTicks();
  const result = await work();
  const after = cpuTicks();
  return { result, ticks: { thread: after.thread - before.thread, process: after.process - before.process } };
}
