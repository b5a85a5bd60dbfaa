/**
 * The app's log file (issue 18, "a safety net"): when something goes wrong on an engineer's
 * laptop, support needs what happened before it, and stderr of a desktop app is seen by no one.
 * Each event is one JSON line — the same line stderrLogger writes, built from the Logger
 * port's primitive fields only, so nothing else can reach the file — appended synchronously, so
 * the line written just before a crash is on disk. At `maxBytes` the file becomes
 * `fieldguard.1.log` (older ones move up, `keep` are kept), so the folder never grows past
 * about (keep + 1) × maxBytes. Owner-only permissions like the data folder's files.
 *
 * Small and synchronous on purpose rather than a logging library: a few events per minute, and
 * the port already decides what may be written.
 */
import { appendFileSync, chmodSync, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { logLine, type Logger } from './logger';

export const LOG_FILE_NAME = 'fieldguard.log';
const DEFAULT_MAX_BYTES = 1024 * 1024;
const DEFAULT_KEEP = 4;

export interface LogFileOptions {
  readonly dir: string;
  readonly maxBytes?: number;
  /** Rotated files kept besides the current one. */
  readonly keep?: number;
  readonly now?: () => Date;
}

export interface FileLogger extends Logger {
  readonly file: string;
  /** Every kept file, oldest first, as one text (for 「ログを保存」). */
  collect(): Promise<string>;
}

export function createFileLogger(options: LogFileOptions): FileLogger {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const keep = options.keep ?? DEFAULT_KEEP;
  const now = options.now ?? (() => new Date());
  const file = path.join(options.dir, LOG_FILE_NAME);
  const rotated = (index: number) => path.join(options.dir, `fieldguard.${index}.log`);
  mkdirSync(options.dir, { recursive: true, mode: 0o700 });
  let size = existsSync(file) ? statSync(file).size : 0;

  const rotate = () => {
    rmSync(rotated(keep), { force: true });
    for (let index = keep - 1; index >= 1; index -= 1) if (existsSync(rotated(index))) renameSync(rotated(index), rotated(index + 1));
    if (keep >= 1) renameSync(file, rotated(1));
    else rmSync(file, { force: true });
    size = 0;
  };
  const write =
    (level: string): Logger['info'] =>
    (event, fields) => {
      const line = logLine(level, event, fields, now());
      try {
        if (size > 0 && size + Buffer.byteLength(line) > maxBytes) rotate();
        appendFileSync(file, line, { mode: 0o600 });
        if (size === 0) chmodSync(file, 0o600);
        size += Buffer.byteLength(line);
      } catch {
        // A full or read-only disk must not take the app down with its log: the line is lost.
      }
    };
  return {
    file,
    info: write('info'),
    warn: write('warn'),
    error: write('error'),
    async collect() {
      const files = [...Array.from({ length: keep }, (_, i) => rotated(keep - i)), file];
      const parts = await Promise.all(files.map((name) => readFile(name, 'utf8').catch(() => '')));
      return parts.join('');
    },
  };
}

/** One logger that writes to all of `loggers` (stderr for a developer, the file for support). */
export function teeLogger(...loggers: readonly Logger[]): Logger {
  return {
    info: (event, fields) => loggers.forEach((logger) => logger.info(event, fields)),
    warn: (event, fields) => loggers.forEach((logger) => logger.warn(event, fields)),
    error: (event, fields) => loggers.forEach((logger) => logger.error(event, fields)),
  };
}
