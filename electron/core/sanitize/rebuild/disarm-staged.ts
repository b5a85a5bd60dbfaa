/**
 * How the sanitization pipeline uses content disarm for one staged copy: rebuild it when its
 * true type has a rebuilder and the policy does not say "block" for that type, analyse the
 * rebuilt file with the pipeline's own analysis, and hand back what to judge and deliver
 * instead, the rebuild itself in a worker thread. The verdict stays decideVerdict's: a rebuilt file is judged on its own analysis
 * (and the anti-virus result of the original), so nothing is delivered on the rebuild's word.
 */
import path from 'node:path';
import { DEFAULT_ARCHIVE_LIMITS, type ArchiveLimits, type ContentAnalysis, type Finding } from '../sanitize-types';
import { rebuildKindOf, type RemovedObject } from './rebuild-file';
import { rebuilderFor, type Rebuild } from './rebuild-in-worker';

export type StagedDisarm =
  /** Rebuilt: deliver `copy` (judged by `analysis`) as a sanitized file listing `removed`; its name takes `extension` when set. */
  | {
      readonly kind: 'rebuilt';
      readonly copy: string;
      readonly analysis: ContentAnalysis;
      readonly removed: readonly RemovedObject[];
      readonly extension?: string;
    }
  /** No rebuilder, CDR off for this type, or nothing to remove: the staged copy is judged as it is. */
  | { readonly kind: 'kept' }
  /** The rebuild failed: the staged copy is judged as it is; if it is blocked, `finding` says why it was not rebuilt. */
  | { readonly kind: 'failed'; readonly finding: Finding };

export interface DisarmOptions {
  readonly analyze: (file: string, name: string, options?: { signal?: AbortSignal }) => Promise<ContentAnalysis>;
  /** True types for which the policy says "block" instead of "rebuild". */
  readonly blockTypes?: readonly string[];
  readonly limits?: ArchiveLimits;
  readonly signal?: AbortSignal;
  /** How to rebuild; by default in the shared worker thread (rebuild-in-worker.ts). */
  readonly rebuild?: Rebuild;
}

let sharedRebuild: Rebuild | null = null;
/** One rebuild thread for the process, started on first use. */
function defaultRebuild(): Rebuild {
  sharedRebuild ??= rebuilderFor();
  return sharedRebuild;
}

/** `relativePath` with its extension replaced (a rebuilt .docm is a .docx). */
export function withExtension(relativePath: string, extension: string | undefined): string {
  if (!extension) return relativePath;
  const parsed = path.posix.parse(relativePath);
  return path.posix.join(parsed.dir, `${parsed.name}.${extension}`);
}

/**
 * `copy` is the staged copy (never changed), `name` its original file name, `analysis` what the
 * pipeline found in it. The rebuilt file is written next to the copy (`<copy>.rebuilt`).
 */
export async function disarmStaged(copy: string, name: string, analysis: ContentAnalysis, options: DisarmOptions): Promise<StagedDisarm> {
  const kind = rebuildKindOf(analysis.type.id, name);
  if (!kind || options.blockTypes?.includes(analysis.type.id)) return { kind: 'kept' };
  const rebuilt = `${copy}.rebuilt`;
  const outcome = await (options.rebuild ?? defaultRebuild())(kind, copy, rebuilt, {
    limits: options.limits ?? DEFAULT_ARCHIVE_LIMITS,
    signal: options.signal,
  });
  if (outcome.outcome === 'unchanged') return { kind: 'kept' };
  if (outcome.outcome === 'cannot-rebuild')
    return { kind: 'failed', finding: { code: 'REBUILD_FAILED', params: { reason: outcome.reason } } };
  const after = await options.analyze(rebuilt, withExtension(name, outcome.extension), { signal: options.signal });
  return {
    kind: 'rebuilt',
    copy: rebuilt,
    analysis: after,
    removed: outcome.removed,
    ...(outcome.extension ? { extension: outcome.extension } : {}),
  };
}
