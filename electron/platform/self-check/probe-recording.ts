/**
 * Recording what the self-check's probes read, so an engineer can send a developer the raw
 * answers of a laptop the project has never seen ("診断データを保存", `fieldguard selfcheck
 * --record DIR`) and the developer can turn them into fixtures in one step. The probes are not
 * changed: their command runner and file access are wrapped, and every answer is kept as it
 * came, with user and host names, SSIDs and serials masked (MAC addresses become 02:00:00:00:00:00).
 *
 * On disk (one directory), each output in the fixtures' shape (test/fixtures/self-check/): a
 * "# Source:" line saying what was run, where and when, then the output.
 * - windows/<probe>.txt: the probe script's stdout (JSON), exactly like the Windows fixtures
 * - commands/<nn>-<command>.txt: "--- stdout ---", "--- stderr ---", "--- exit ---" sections,
 *   like the Linux command fixtures
 * - files/<path>.txt: a file's text ("--- base64 ---" for binary, "--- error ---" with the code)
 * - listings.txt, stats.txt: directory listings and existence checks, one per line
 * - session.json: the OS, when, the desktop session and time zone the probes saw
 * readRecording() reads the directory back into the same maps the replay uses.
 */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ProbeProblem } from '../../core/self-check/self-check-observations';
import { MASKS, localNames, maskPersonal, type MaskOptions } from './mask-personal';
import type { CommandOutcome, RunOptions } from './run-probe-command';

export interface RecordedCommand {
  readonly file: string;
  readonly args: readonly string[];
  readonly outcome: CommandOutcome;
  /** Set for Windows probe scripts: which probe ran it (the file name of its recording). */
  readonly probe?: string;
}

export type RecordedRead<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly code: string };

export interface RecordingSession {
  readonly os: 'windows' | 'macos' | 'linux';
  readonly recordedAt: string;
  readonly osDescription: string;
  /** XDG_CURRENT_DESKTOP (Linux screen lock depends on it), or null. */
  readonly desktop: string | null;
  readonly timeZone: string;
}

export interface Recording {
  readonly session: RecordingSession;
  readonly commands: readonly RecordedCommand[];
  readonly files: ReadonlyMap<string, RecordedRead<Buffer>>;
  readonly listings: ReadonlyMap<string, RecordedRead<readonly string[]>>;
  readonly stats: ReadonlyMap<string, RecordedRead<string>>;
}

type Runner = (file: string, args: readonly string[], options?: RunOptions) => Promise<CommandOutcome>;

interface FileAccess {
  readFile(file: string): Promise<Buffer>;
  readHead(file: string, bytes: number): Promise<Buffer>;
  readdir(dir: string): Promise<string[]>;
  mtime(file: string): Promise<Date>;
}

function codeOf(error: unknown): string {
  return (error as NodeJS.ErrnoException | undefined)?.code ?? 'EUNKNOWN';
}

/** Collects every answer while the probes run; `recording()` masks them once all are in. */
export class ProbeRecorder {
  private readonly commands: RecordedCommand[] = [];
  private readonly files = new Map<string, RecordedRead<Buffer>>();
  private readonly listings = new Map<string, RecordedRead<readonly string[]>>();
  private readonly stats = new Map<string, RecordedRead<string>>();

  wrapRunner<R extends Runner>(run: R): R {
    const wrapped = async (file: string, args: readonly string[], options?: RunOptions) => {
      const outcome = await run(file, args, options);
      this.commands.push({ file, args: [...args], outcome });
      return outcome;
    };
    return wrapped as R;
  }

  /** A Windows probe script's runner; `probeOf` names the probe the script belongs to. */
  wrapPowerShell(run: (script: string, options?: RunOptions) => Promise<CommandOutcome>, probeOf: (script: string) => string) {
    return async (script: string, options?: RunOptions): Promise<CommandOutcome> => {
      const outcome = await run(script, options);
      this.commands.push({ file: 'powershell.exe', args: ['-EncodedCommand', '…'], outcome, probe: probeOf(script) });
      return outcome;
    };
  }

  wrapFileSystem<F extends FileAccess>(fs: F): F {
    const keep = async <T>(
      map: Map<string, RecordedRead<T>>,
      key: string,
      read: () => Promise<T>,
      value: (t: T) => T = (t) => t,
    ): Promise<T> => {
      try {
        const result = await read();
        map.set(key, { ok: true, value: value(result) });
        return result;
      } catch (error) {
        map.set(key, { ok: false, code: codeOf(error) });
        throw error;
      }
    };
    return {
      ...fs,
      readFile: (file: string) => keep(this.files, file, () => fs.readFile(file)),
      // The head is what the probe saw; kept as the file's content (it is all a replay needs).
      readHead: (file: string, bytes: number) => keep(this.files, file, () => fs.readHead(file, bytes)),
      readdir: (dir: string) =>
        keep(
          this.listings,
          dir,
          () => fs.readdir(dir),
          (entries) => [...entries],
        ),
      mtime: async (file: string) => {
        try {
          const time = await fs.mtime(file);
          this.stats.set(file, { ok: true, value: time.toISOString() });
          return time;
        } catch (error) {
          this.stats.set(file, { ok: false, code: codeOf(error) });
          throw error;
        }
      },
    };
  }

  /** Everything recorded, with personal names masked. */
  recording(session: RecordingSession, names = localNames()): Recording {
    const extra = personalValues(this.commands, this.files);
    const options: MaskOptions = { names, extra };
    const maskText = (text: string) => maskMacAddresses(maskPersonal(text, options));
    const maskBytes = (bytes: Buffer) => (isText(bytes) ? Buffer.from(maskText(bytes.toString('utf8')), 'utf8') : bytes);
    return {
      session: { ...session, osDescription: maskText(session.osDescription) },
      commands: this.commands.map((c) => ({
        ...c,
        args: c.args.map(maskText),
        outcome: { ...c.outcome, stdout: maskText(c.outcome.stdout), stderr: maskText(c.outcome.stderr) },
      })),
      files: new Map([...this.files].map(([file, read]) => [maskText(file), read.ok ? { ok: true, value: maskBytes(read.value) } : read])),
      listings: new Map(
        [...this.listings].map(([dir, read]) => [maskText(dir), read.ok ? { ok: true, value: read.value.map(maskText) } : read]),
      ),
      stats: new Map([...this.stats].map(([file, read]) => [maskText(file), read])),
    };
  }
}

/**
 * MAC addresses (BSSIDs, adapters' hardware addresses) identify a device. They are replaced by
 * a locally administered address of the same form (02:00:00:00:00:00), because parsers read
 * "a BSSID is present" from the shape, and a recording must still replay.
 */
function maskMacAddresses(text: string): string {
  return text.replace(/\b[0-9a-f]{2}([:-])(?:[0-9a-f]{2}\1){4}[0-9a-f]{2}\b/gi, (_mac, sep: string) =>
    ['02', '00', '00', '00', '00', '00'].join(sep),
  );
}

/** SSIDs and serial numbers the answers contain, found where each tool prints them. */
function personalValues(
  commands: readonly RecordedCommand[],
  files: ReadonlyMap<string, RecordedRead<Buffer>>,
): { value: string; mask: string }[] {
  const found: { value: string; mask: string }[] = [];
  const add = (value: string | undefined, mask: string) => {
    const v = value?.trim();
    if (v && v.length >= 2 && v !== '--' && !/^<.*>$/.test(v)) found.push({ value: v, mask });
  };
  for (const { file, args, outcome } of commands) {
    const text = `${outcome.stdout}\n${outcome.stderr}`;
    if (file.endsWith('nmcli')) {
      // Terse lines ACTIVE:SSID:SECURITY; the SSID is the middle field (escaped ":" kept as is).
      for (const line of outcome.stdout.split('\n')) add(/^[^:]*:((?:\\.|[^:\\])*):/.exec(line)?.[1]?.replace(/\\(.)/g, '$1'), MASKS.ssid);
    }
    // netsh (inside the Windows Wi-Fi probe's JSON) and networksetup: "SSID : name", "Current Wi-Fi Network: name".
    for (const m of text.matchAll(/(?:^|\\n|")\s*SSID\s*:\s*([^"\\\n]+)/g)) add(m[1], MASKS.ssid);
    for (const m of text.matchAll(/Current Wi-Fi Network:\s*(.+)/g)) add(m[1], MASKS.ssid);
    // system_profiler: the joined network's and the nearby networks' "_name" in the AirPort report.
    if (args.includes('SPAirPortDataType')) {
      for (const m of text.matchAll(/"_name"\s*:\s*"([^"]+)"/g)) if (!/^(en|awdl|llw)\d+$/.test(m[1] ?? '')) add(m[1], MASKS.ssid);
    }
    for (const m of text.matchAll(/"(?:serial[_ ]?number|SerialNumber|spairport_wireless_serial_number)"\s*:\s*"([^"]+)"/gi))
      add(m[1], MASKS.serial);
    for (const m of text.matchAll(/Serial Number[^:\n]*:\s*(\S+)/gi)) add(m[1], MASKS.serial);
  }
  for (const read of files.values()) {
    if (!read.ok || !isText(read.value)) continue;
    for (const m of read.value.toString('utf8').matchAll(/^\s*ssid\s*=\s*(.+)$/gim)) add(m[1], MASKS.ssid);
  }
  return found;
}

function isText(bytes: Buffer): boolean {
  if (bytes.includes(0)) return false;
  return Buffer.from(bytes.toString('utf8'), 'utf8').equals(bytes);
}

// ---- on disk ----

const SECTION = (name: string) => `--- ${name} ---\n`;

function header(what: string, session: RecordingSession): string {
  return `# Source: ${what} — recorded by \`fieldguard selfcheck --record\` on ${session.osDescription} at ${session.recordedAt}; user and host names, SSIDs and serials masked.\n`;
}

function slug(text: string): string {
  return (
    text
      .replace(/^.*[\\/]/, '')
      .replace(/[^A-Za-z0-9._-]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'command'
  );
}

function withNewline(text: string): string {
  return text === '' || text.endsWith('\n') ? text : `${text}\n`;
}

function exitText(outcome: CommandOutcome): string {
  return outcome.ok ? String(outcome.exitCode ?? 0) : `${outcome.exitCode ?? ''} ${outcome.problem}`.trim();
}

export async function writeRecording(dir: string, recording: Recording): Promise<string[]> {
  const written: string[] = [];
  const put = async (relative: string, text: string) => {
    const file = path.join(dir, relative);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, text, 'utf8');
    written.push(relative);
  };
  const { session } = recording;
  await put('session.json', `${JSON.stringify(session, null, 2)}\n`);
  let n = 0;
  for (const c of recording.commands) {
    if (c.probe !== undefined) {
      await put(
        `windows/${c.probe}.txt`,
        header(`the ${c.probe} probe script (Windows PowerShell 5.1)`, session) + withNewline(c.outcome.stdout),
      );
      continue;
    }
    n += 1;
    const name = `commands/${String(n).padStart(2, '0')}-${slug([c.file, ...c.args].join(' '))}.txt`;
    const body =
      SECTION('stdout') +
      withNewline(c.outcome.stdout) +
      SECTION('stderr') +
      withNewline(c.outcome.stderr) +
      SECTION('exit') +
      `${exitText(c.outcome)}\n`;
    await put(
      name,
      header(`\`${[c.file, ...c.args].join(' ')}\``, session) + SECTION('command') + `${JSON.stringify([c.file, ...c.args])}\n` + body,
    );
  }
  for (const [file, read] of recording.files) {
    const body = !read.ok
      ? SECTION('error') + `${read.code}\n`
      : isText(read.value)
        ? read.value.toString('utf8')
        : SECTION('base64') + `${read.value.toString('base64')}\n`;
    await put(
      `files${file.startsWith('/') ? '' : '/'}${file.replace(/:/g, '')}.txt`,
      header(`the file ${file}`, session) + SECTION('path') + `${file}\n` + SECTION('content') + body,
    );
  }
  const lines = <T>(map: ReadonlyMap<string, RecordedRead<T>>, show: (value: T) => string) =>
    [...map].map(([key, read]) => `${key}\t${read.ok ? show(read.value) : `error ${read.code}`}`).join('\n');
  await put(
    'listings.txt',
    header('directory listings the probes read (path, tab, entries separated by "/")', session) +
      withNewline(lines(recording.listings, (entries) => entries.join('/'))),
  );
  await put(
    'stats.txt',
    header('existence checks the probes made (path, tab, modification time or error)', session) +
      withNewline(lines(recording.stats, (time) => time)),
  );
  return written;
}

function afterHeader(text: string): string {
  if (!text.startsWith('# Source: ')) throw new Error('a recording file must start with its "# Source:" line');
  return text.slice(text.indexOf('\n') + 1);
}

function sections(body: string): Record<string, string> {
  const parts = body.split(/^--- (\w+) ---\n/m);
  const found: Record<string, string> = {};
  for (let i = 1; i + 1 < parts.length; i += 2) found[parts[i] ?? ''] = parts[i + 1] ?? '';
  return found;
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const nested = await Promise.all(
    entries.map((e) => (e.isDirectory() ? listFiles(path.join(dir, e.name)) : Promise.resolve([path.join(dir, e.name)]))),
  );
  return nested.flat().sort();
}

/** "0" (answered) or "<exit code> <problem>" / "<problem>" as exitText() wrote it. */
function readExit(text: string): { ok: boolean; exitCode: number | null; problem: ProbeProblem } {
  const [first = '', second] = text.trim().split(/\s+/);
  if (second === undefined && /^\d+$/.test(first)) return { ok: true, exitCode: Number(first), problem: 'unparseable' };
  if (second === undefined) return { ok: false, exitCode: null, problem: first as ProbeProblem };
  return { ok: false, exitCode: Number(first), problem: second as ProbeProblem };
}

/** Reads a recording directory back (the replay of a recorded laptop). */
export async function readRecording(dir: string): Promise<Recording> {
  const session = JSON.parse(await readFile(path.join(dir, 'session.json'), 'utf8')) as RecordingSession;
  const commands: RecordedCommand[] = [];
  for (const file of await listFiles(path.join(dir, 'windows'))) {
    const stdout = afterHeader(await readFile(file, 'utf8'));
    commands.push({
      file: 'powershell.exe',
      args: [],
      probe: path.basename(file, '.txt'),
      outcome: { ok: true, stdout, stderr: '', exitCode: 0 },
    });
  }
  for (const file of await listFiles(path.join(dir, 'commands'))) {
    const s = sections(afterHeader(await readFile(file, 'utf8')));
    const [command, ...args] = JSON.parse(s['command'] ?? '[]') as string[];
    const exit = readExit(s['exit'] ?? '0');
    const base = { stdout: s['stdout'] ?? '', stderr: s['stderr'] ?? '', exitCode: exit.exitCode };
    const outcome: CommandOutcome = exit.ok ? { ok: true, ...base } : { ok: false, problem: exit.problem, ...base };
    commands.push({ file: command ?? '', args, outcome });
  }
  const files = new Map<string, RecordedRead<Buffer>>();
  for (const file of await listFiles(path.join(dir, 'files'))) {
    const body = afterHeader(await readFile(file, 'utf8'));
    const where = /^--- path ---\n(.*)\n/.exec(body)?.[1] ?? '';
    // Everything after "--- content ---" is the file, whatever lines it holds.
    const content = body.slice(body.indexOf('--- content ---\n') + '--- content ---\n'.length);
    const special = /^--- (error|base64) ---\n([\s\S]*)$/.exec(content);
    if (special?.[1] === 'error') files.set(where, { ok: false, code: (special[2] ?? '').trim() });
    else if (special?.[1] === 'base64') files.set(where, { ok: true, value: Buffer.from((special[2] ?? '').trim(), 'base64') });
    else files.set(where, { ok: true, value: Buffer.from(content, 'utf8') });
  }
  const table = async <T>(name: string, value: (text: string) => T): Promise<Map<string, RecordedRead<T>>> => {
    const text = afterHeader(await readFile(path.join(dir, name), 'utf8'));
    const map = new Map<string, RecordedRead<T>>();
    for (const line of text.split('\n').filter((l) => l.includes('\t'))) {
      const [key = '', rest = ''] = line.split('\t');
      const error = /^error (\S+)$/.exec(rest);
      map.set(key, error ? { ok: false, code: error[1] ?? 'EUNKNOWN' } : { ok: true, value: value(rest) });
    }
    return map;
  };
  const listings = await table<readonly string[]>('listings.txt', (text) => (text === '' ? [] : text.split('/')));
  const stats = await table('stats.txt', (text) => text);
  return { session, commands, files, listings, stats };
}
