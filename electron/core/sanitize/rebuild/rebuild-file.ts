/**
 * The one entry point of content disarm and reconstruction (CDR): which formats can be
 * rebuilt, and the rebuild of one file into a new file, each format by its own module behind
 * the same contract. The source is only ever read. Whatever a rebuilder wrote is analysed
 * again by the same content analysis the pipeline uses (analyze/analyze-file.ts): if it still
 * finds anything, the rebuilt file is deleted and the outcome is cannot-rebuild — a rebuild is
 * delivered only on the positive evidence that it is clean.
 *
 * The rebuilders are mostly asynchronous I/O and libvips (sharp works off the JavaScript
 * thread); the XML and PDF object work is synchronous JavaScript, so callers in the Electron
 * main process should expect it to take the thread for the time of one document.
 */
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { analyzeFile } from '../analyze/analyze-file';
import { rebuildBmp } from './bmp-rebuild';
import { rebuildCsv } from './csv-rebuild';
import { rebuildDicom } from './dicom-rebuild';
import { rebuildImage } from './image-rebuild';
import { rebuildOoxml } from './ooxml-rebuild';
import { rebuildPdf } from './pdf-rebuild';
import { CannotRebuild, removedKinds, type RebuildKind, type RebuildOptions, type RebuildOutcome } from './rebuild-types';

export * from './rebuild-types';

const OOXML_TYPES = new Set([
  'docx',
  'docm',
  'dotx',
  'dotm',
  'xlsx',
  'xlsm',
  'xltx',
  'xltm',
  'pptx',
  'pptm',
  'ppsx',
  'ppsm',
  'potx',
  'potm',
]);
const SIMPLE_KINDS: Readonly<Record<string, RebuildKind>> = {
  pdf: 'pdf',
  png: 'png',
  jpeg: 'jpeg',
  tiff: 'tiff',
  bmp: 'bmp',
  dicom: 'dicom',
};

/**
 * The rebuilder for a true type (`ContentAnalysis.type.id`), or null when there is none.
 * CSV and TSV share the type 'csv'; the delimiter comes from the name (.tsv, .tab).
 */
export function rebuildKindOf(typeId: string, name: string): RebuildKind | null {
  if (OOXML_TYPES.has(typeId)) return 'ooxml';
  if (typeId === 'csv') return /\.(tsv|tab)$/i.test(name) ? 'tsv' : 'csv';
  return SIMPLE_KINDS[typeId] ?? null;
}

async function run(kind: RebuildKind, source: string, destination: string, options: RebuildOptions): Promise<RebuildOutcome> {
  switch (kind) {
    case 'ooxml':
      return rebuildOoxml(source, destination, options);
    case 'pdf':
      return rebuildPdf(source, destination, options);
    case 'png':
    case 'jpeg':
    case 'tiff':
      return rebuildImage(kind, source, destination, options);
    case 'bmp':
      return rebuildBmp(source, destination, options);
    case 'dicom':
      return rebuildDicom(source, destination, options);
    case 'csv':
      return rebuildCsv(',', source, destination, options);
    case 'tsv':
      return rebuildCsv('\t', source, destination, options);
  }
}

/**
 * Rebuilds `source` into `destination` (which must not exist). 'unchanged' writes nothing;
 * 'cannot-rebuild' leaves nothing behind. Cancellation (options.signal) is rethrown.
 */
export async function rebuildFile(
  kind: RebuildKind,
  source: string,
  destination: string,
  options: RebuildOptions,
): Promise<RebuildOutcome> {
  options.signal?.throwIfAborted();
  let outcome: RebuildOutcome;
  try {
    outcome = await run(kind, path.resolve(source), destination, options);
  } catch (error) {
    // A rebuilder removes what it wrote itself; an existing destination (EEXIST) is never ours to remove.
    if (error instanceof Error && error.name === 'AbortError') throw error;
    if (options.signal?.aborted) throw options.signal.reason;
    if (error instanceof CannotRebuild) return { outcome: 'cannot-rebuild', removed: error.removed, reason: error.reason };
    return { outcome: 'cannot-rebuild', removed: [], reason: 'unreadable' };
  }
  if (outcome.outcome !== 'sanitized') return outcome;
  // One kind's objects together, in the order of removedKinds (macros before links…): a list a person can read.
  const ordered = [...outcome.removed].sort((a, b) => removedKinds.indexOf(a.kind) - removedKinds.indexOf(b.kind));
  // The name only decides name rules (scripts by extension, mismatch), which are not the rebuild's to judge.
  const check = await analyzeFile(destination, `rebuilt${outcome.extension ? `.${outcome.extension}` : ''}`, {
    limits: options.limits,
    signal: options.signal,
  });
  const remaining = check.findings.filter((f) => f.code !== 'EXTENSION_MISMATCH');
  if (remaining.length > 0) {
    await rm(destination, { force: true });
    return { outcome: 'cannot-rebuild', removed: ordered, reason: 'active-content-remains' };
  }
  return { ...outcome, removed: ordered };
}
