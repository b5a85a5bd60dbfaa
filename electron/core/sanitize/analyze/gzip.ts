/**
 * A gzip file is a one-entry archive: its content is inflated as it streams, charged to the
 * archive budget like a zip entry (a 10 MB .gz can hold 10 GB), and analyzed as a file
 * named after the .gz without its suffix.
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import type { ContentAnalysis } from '../sanitize-types';
import { LimitExceeded, type ArchiveBudget } from './archive-budget';
import type { Content } from './content-source';
import { MAX_BUFFERED_ENTRY_BYTES, entryContent, expandedChunks } from './entry-content';
import { Findings, membersOf, type Member } from './findings';

export function isGzip(head: Buffer): boolean {
  return head.length >= 3 && head[0] === 0x1f && head[1] === 0x8b && head[2] === 0x08;
}

/** "logs.tar.gz" → "logs.tar", "x.tgz" → "x.tar", "data.gz" → "data". */
export function innerGzipName(name: string): string {
  if (/\.tgz$/i.test(name)) return name.replace(/\.tgz$/i, '.tar');
  return name.replace(/\.gz$/i, '') || 'content';
}

export async function walkGzip(
  content: Content,
  budget: ArchiveBudget,
  analyzeInner: (inner: Content) => Promise<ContentAnalysis>,
  signal?: AbortSignal,
): Promise<{ findings: Findings; innerTypes: string[]; members: Member[] }> {
  const findings = new Findings();
  const innerTypes: string[] = [];
  const members: Member[] = [];
  const name = innerGzipName(content.name);
  try {
    budget.countEntry();
    const gunzip = createGunzip();
    // pipeline (not pipe) so that a read error or an abort reaches the consumer of gunzip.
    pipeline(Readable.from(content.chunks(signal)), gunzip).catch(() => undefined);
    const opened = await entryContent(name, expandedChunks(gunzip, budget, content.size ?? Number.POSITIVE_INFINITY, signal));
    if (opened.kind === 'too-large') {
      findings.add('ARCHIVE_TOO_LARGE', { limit: MAX_BUFFERED_ENTRY_BYTES }, name);
      await opened.drain();
    } else {
      const inner = await analyzeInner(opened.content);
      findings.addInner(name, inner.findings);
      innerTypes.push(inner.type.id, ...inner.innerTypes);
      members.push(...membersOf(name, inner));
      if (!budget.exhausted) await opened.drain();
    }
  } catch (error) {
    if (error instanceof LimitExceeded) findings.add(error.code, { limit: error.limit }, name);
    else if (error instanceof Error && error.name === 'AbortError') throw error;
    else findings.add('ARCHIVE_CORRUPT', undefined, name);
  }
  return { findings, innerTypes, members };
}
