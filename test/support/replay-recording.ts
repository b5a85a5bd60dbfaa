/**
 * The probes of a recorded laptop (a `fieldguard selfcheck --record` folder, or one saved with
 * 「診断データを保存」), for tests: the real probe code runs, and every command, file and
 * directory it asks for is answered from the recording. A recording added under
 * test/fixtures/self-check/recordings/<name>/ is a laptop the tests can judge as it was.
 */
import type { SelfCheckProbes } from '../../electron/core/self-check/self-check-observations';
import type { ProbeFileSystem } from '../../electron/platform/self-check/linux/linux-context';
import { createLinuxProbes } from '../../electron/platform/self-check/linux/linux-probes';
import { createMacosProbes } from '../../electron/platform/self-check/macos/macos-probes';
import { readRecording, type RecordedCommand, type RecordedRead, type Recording } from '../../electron/platform/self-check/probe-recording';
import { WINDOWS_SCRIPT_NAMES } from '../../electron/platform/self-check/probes-for-this-os';
import type { CommandOutcome } from '../../electron/platform/self-check/run-probe-command';
import { createWindowsProbes } from '../../electron/platform/self-check/windows/windows-probes';

const notRecorded: CommandOutcome = { ok: false, problem: 'commandMissing', stdout: '', stderr: '', exitCode: null };

function errorFor(path: string, code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: ${path} (as recorded)`), { code });
}

function answer<T>(map: ReadonlyMap<string, RecordedRead<T>>, key: string): T {
  const read = map.get(key);
  if (read === undefined) throw errorFor(key, 'ENOENT');
  if (!read.ok) throw errorFor(key, read.code);
  return read.value;
}

/** Commands answered in the order they were recorded: the same command twice gets its two answers. */
function commandReplayer(commands: readonly RecordedCommand[]) {
  const used = new Set<RecordedCommand>();
  return (file: string, args: readonly string[]): Promise<CommandOutcome> => {
    const same = commands.filter((c) => c.probe === undefined && c.file === file && c.args.join('\u0000') === args.join('\u0000'));
    const next = same.find((c) => !used.has(c)) ?? same.at(-1);
    if (next) used.add(next);
    return Promise.resolve(next?.outcome ?? notRecorded);
  };
}

export function probesFromRecording(recording: Recording): SelfCheckProbes {
  const { session } = recording;
  if (session.os === 'windows') {
    return createWindowsProbes({
      runPowerShell: (script) => {
        const name = WINDOWS_SCRIPT_NAMES.get(script);
        return Promise.resolve(recording.commands.find((c) => c.probe === name)?.outcome ?? notRecorded);
      },
    });
  }
  const run = commandReplayer(recording.commands);
  if (session.os === 'macos') return createMacosProbes(run);
  const fs: ProbeFileSystem = {
    readFile: (file) => Promise.resolve().then(() => answer(recording.files, file)),
    readHead: (file, bytes) => Promise.resolve().then(() => answer(recording.files, file).subarray(0, bytes)),
    readdir: (dir) => Promise.resolve().then(() => [...answer(recording.listings, dir)]),
    mtime: (file) => Promise.resolve().then(() => new Date(answer(recording.stats, file))),
  };
  return createLinuxProbes({
    run,
    fs,
    env: session.desktop === null ? {} : { XDG_CURRENT_DESKTOP: session.desktop },
    timeZone: session.timeZone,
    now: () => new Date(session.recordedAt),
  });
}

export async function probesFromRecordingDir(dir: string): Promise<{ probes: SelfCheckProbes; recording: Recording }> {
  const recording = await readRecording(dir);
  return { probes: probesFromRecording(recording), recording };
}
