/**
 * Collecting findings: the same thing found twice (a name seen in two overlapping scan
 * windows, two event handlers in one page) is reported once, and findings from inside an
 * archive are re-anchored under the entry's path so the report can say where they were.
 */
import type { ContentAnalysis, Finding, FindingCode } from '../sanitize-types';

/** A file found inside another, by its path there and its true type (the allow-list judges each one). */
export type Member = NonNullable<ContentAnalysis['members']>[number];

/** An inner file and everything found inside it, re-anchored under its path in the enclosing archive. */
export function membersOf(entryPath: string, inner: ContentAnalysis): Member[] {
  return [
    { entry: entryPath, type: inner.type.id },
    ...(inner.members ?? []).map((member) => ({ entry: `${entryPath}/${member.entry}`, type: member.type })),
  ];
}

export class Findings {
  private readonly byKey = new Map<string, Finding>();

  add(code: FindingCode, params?: Record<string, string | number>, entry?: string): void {
    const finding: Finding = { code, ...(params ? { params } : {}), ...(entry !== undefined ? { entry } : {}) };
    const key = JSON.stringify([code, entry ?? null, params ?? null]);
    if (!this.byKey.has(key)) this.byKey.set(key, finding);
  }

  has(code: FindingCode): boolean {
    for (const finding of this.byKey.values()) if (finding.code === code) return true;
    return false;
  }

  /** Adds an inner file's findings, with `entry` prefixed by the inner file's path in the archive. */
  addInner(entryPath: string, inner: readonly Finding[]): void {
    for (const finding of inner) {
      const entry = finding.entry === undefined ? entryPath : `${entryPath}/${finding.entry}`;
      this.add(finding.code, finding.params ? { ...finding.params } : undefined, entry);
    }
  }

  list(): Finding[] {
    return [...this.byKey.values()];
  }
}
