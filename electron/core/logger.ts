/**
 * The logging port. Fields are restricted to primitives chosen by the caller so that no
 * request, file content, secret or patient data ends up in a log by accident (docs/decisions.md, "IPC").
 */
export type LogFields = Readonly<Record<string, string | number | boolean>>;

export interface Logger {
  info(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields): void;
  error(event: string, fields?: LogFields): void;
}

/** Writes one JSON line per event to stderr: main process and CLI. */
export const stderrLogger: Logger = {
  info: (event, fields) => writeLine('info', event, fields),
  warn: (event, fields) => writeLine('warn', event, fields),
  error: (event, fields) => writeLine('error', event, fields),
};

/** The one shape of a log line, on stderr and in the log file (log-file.ts). */
export function logLine(level: string, event: string, fields: LogFields = {}, at = new Date()): string {
  return `${JSON.stringify({ time: at.toISOString(), level, event, ...fields })}\n`;
}

function writeLine(level: string, event: string, fields: LogFields = {}): void {
  process.stderr.write(logLine(level, event, fields));
}

export const silentLogger: Logger = { info: () => {}, warn: () => {}, error: () => {} };
