/**
 * Entry point of the content analysis (10-5, 8-1): what a file truly is and what active
 * content it carries, from its bytes — never from its name alone — including everything
 * inside archives, within the archive limits. Pure analysis: no verdict, no policy, no
 * anti-virus; the file is opened read-only, without following symlinks, and never changed.
 */
import { DEFAULT_ARCHIVE_LIMITS, type ArchiveLimits, type ContentAnalysis } from '../sanitize-types';
import { analyzeContent } from './analyze-content';
import { ArchiveBudget } from './archive-budget';
import { fileContent, openReadOnly } from './content-source';
import { trueType } from './type-table';

export { zeroDicomPreamble } from './dicom';

export interface AnalyzeOptions {
  readonly limits?: ArchiveLimits;
  readonly signal?: AbortSignal;
}

export async function analyzeFile(file: string, name: string, options: AnalyzeOptions = {}): Promise<ContentAnalysis> {
  const limits = options.limits ?? DEFAULT_ARCHIVE_LIMITS;
  options.signal?.throwIfAborted();
  let handle;
  try {
    handle = await openReadOnly(file);
  } catch {
    // Missing, not permitted, or a symlink (ELOOP): nothing can be said of its content.
    return { type: trueType('unknown'), findings: [{ code: 'UNREADABLE' }], transform: null, innerTypes: [] };
  }
  try {
    const content = await fileContent(name, handle);
    return await analyzeContent(content, { limits, budget: new ArchiveBudget(limits), level: 0, signal: options.signal });
  } catch (error) {
    if (error instanceof Error && error.name === 'AbortError') throw error;
    return { type: trueType('unknown'), findings: [{ code: 'UNREADABLE' }], transform: null, innerTypes: [] };
  } finally {
    await handle.close();
  }
}
