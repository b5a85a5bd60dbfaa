/**
 * Turns what clamscan (or clamdscan, same format) printed into one result per input file.
 *
 * The output is one line per file, `PATH: OK`, `PATH: Name FOUND`, `PATH: Empty file`,
 * `PATH: <reason> ERROR`, `PATH: Symbolic link`, … plus warnings in other shapes
 * (`WARNING: PATH: Can't access file`, `WARNING: Can't open file PATH: Permission denied`,
 * `LibClamAV Error: …`). Two traps:
 * - a path may itself contain ": " (a file named "a: b.txt"), so a line is not split at the
 *   first colon: it is matched against the paths we asked for, longest first;
 * - the exit code describes the batch, not a file: an infected file plus a missing one exits 1
 *   and the missing one's error is only a warning line. So every input must find its own
 *   line, and an input without one is an error, never clean.
 */
import type { ScanResult } from '../../core/sanitize/sanitize-types';

type LineStatus =
  | { readonly kind: 'ok' }
  | { readonly kind: 'found'; readonly name: string }
  | { readonly kind: 'empty' }
  | { readonly kind: 'problem'; readonly detail: string };

export interface ClamscanRunOutput {
  readonly stdout: string;
  readonly stderr: string;
  readonly exitCode: number | null;
  /** Set when the process did not finish by itself (e.g. "timed out after 600 s"). */
  readonly stoppedBecause?: string;
}

/** Messages that prefix a line instead of the path; such a line is never a clean result. */
const MESSAGE_PREFIX = /^(?:WARNING|ERROR|LibClamAV (?:Warning|Error)): /;
/** Signature names are single words ("Win.Test.EICAR_HDB-1", "Heuristics.Encrypted.Zip"). */
const FOUND = /^(\S+) FOUND$/;

/** The severity order when a file got several lines: a detection always wins. */
const SEVERITY: Record<LineStatus['kind'], number> = { ok: 0, empty: 0, problem: 1, found: 2 };

function statusOf(rest: string): LineStatus {
  if (rest === 'OK') return { kind: 'ok' };
  if (rest === 'Empty file') return { kind: 'empty' };
  const found = FOUND.exec(rest);
  if (found?.[1] !== undefined) return { kind: 'found', name: found[1] };
  return { kind: 'problem', detail: rest };
}

/** Every index of `needle` in `text`, last first (so the longest prefix is tried first). */
function indexesFromEnd(text: string, needle: string): number[] {
  const found: number[] = [];
  for (let i = text.lastIndexOf(needle); i >= 0; i = i === 0 ? -1 : text.lastIndexOf(needle, i - 1)) found.push(i);
  return found;
}

/** Which input a line is about, and what it says; null for a line about no input. */
export function attributeLine(line: string, paths: ReadonlySet<string>): { path: string; status: LineStatus } | null {
  const prefixed = MESSAGE_PREFIX.exec(line);
  const body = prefixed ? line.slice(prefixed[0].length) : line;
  // `PATH: status`, matched from the end: with inputs "/x/a" and "/x/a: b", the line
  // "/x/a: b: OK" is about the second.
  for (const colon of indexesFromEnd(body, ': ')) {
    const candidate = body.slice(0, colon);
    if (!paths.has(candidate)) continue;
    const status = statusOf(body.slice(colon + 2));
    // "WARNING: PATH: …" is a problem whatever follows.
    return { path: candidate, status: prefixed ? { kind: 'problem', detail: line } : status };
  }
  // The path somewhere inside a message ("WARNING: Can't open file PATH: Permission denied"):
  // an absolute path starts at the line's start or after a space, and ends before a colon or
  // at the end. The longest match wins.
  let best: string | null = null;
  for (let start = body.indexOf('/'); start >= 0; start = body.indexOf('/', start + 1)) {
    if (start > 0 && body[start - 1] !== ' ') continue;
    const ends = [...indexesFromEnd(body, ':').filter((i) => i > start), body.length];
    for (const end of ends) {
      const candidate = body.slice(start, end);
      if (paths.has(candidate) && (best === null || candidate.length > best.length)) best = candidate;
    }
  }
  return best === null ? null : { path: best, status: { kind: 'problem', detail: line } };
}

function lines(text: string, complete: boolean): string[] {
  const all = text.split('\n').map((line) => line.replace(/\r$/, ''));
  // A process that was killed may have stopped in the middle of a line: drop that fragment.
  if (!complete || text.endsWith('\n')) all.pop();
  return all.filter((line) => line !== '');
}

/**
 * One result per path in `sizes` (the resolved paths that were handed to clamscan, with their
 * sizes when we listed them). Clean only for an `OK` line (or `Empty file` for a file that
 * really has no bytes) in a run whose exit code does not contradict it.
 */
export function clamscanResults(run: ClamscanRunOutput, sizes: ReadonlyMap<string, number>): Map<string, ScanResult> {
  const paths = new Set(sizes.keys());
  const complete = run.stoppedBecause === undefined;
  const byPath = new Map<string, LineStatus>();
  const general: string[] = [];
  for (const line of [...lines(run.stdout, complete), ...lines(run.stderr, complete)]) {
    const attributed = attributeLine(line, paths);
    if (!attributed) {
      general.push(line);
      continue;
    }
    const before = byPath.get(attributed.path);
    if (!before || SEVERITY[attributed.status.kind] > SEVERITY[before.kind]) byPath.set(attributed.path, attributed.status);
  }

  const anyFound = [...byPath.values()].some((s) => s.kind === 'found');
  // Exit 1 means "something was found". If no line says what, a detection went unattributed
  // and no OK line of this run can be trusted.
  const unexplainedDetection = run.exitCode === 1 && !anyFound;
  const why = run.stoppedBecause ?? `exit code ${run.exitCode ?? 'none'}`;
  const context = general.slice(0, 3).join(' | ');
  const results = new Map<string, ScanResult>();
  for (const [file, size] of sizes) {
    const status = byPath.get(file);
    results.set(file, finalResult(status, size, { unexplainedDetection, why, context }));
  }
  return results;
}

function finalResult(
  status: LineStatus | undefined,
  size: number,
  run: { unexplainedDetection: boolean; why: string; context: string },
): ScanResult {
  if (status?.kind === 'found') return { status: 'infected', name: status.name };
  if (status?.kind === 'problem') return { status: 'error', detail: `clamscan: ${status.detail}` };
  if (status === undefined) {
    return { status: 'error', detail: `clamscan gave no result for this file (${run.why}${run.context ? `: ${run.context}` : ''})` };
  }
  if (run.unexplainedDetection) return { status: 'error', detail: 'clamscan reported a detection (exit code 1) that names no file' };
  if (status.kind === 'empty' && size !== 0) return { status: 'error', detail: `clamscan said "Empty file" for a file of ${size} bytes` };
  return { status: 'clean' };
}
