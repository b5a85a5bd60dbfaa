/**
 * Comments and docs cite the project's own decisions, never a design page that is not in the
 * repository: a reader must be able to follow every reference. This test fails when a tracked
 * file names the old out-of-repository design page, and when a citation of docs/decisions.md names
 * a section that does not exist there (a renamed or deleted heading would leave comments pointing
 * nowhere).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const DECISIONS = 'docs/decisions.md';
// Spelled in two parts so that this file does not cite the page it forbids.
const OLD_DESIGN_PAGE = ['DESIGN', 'md'].join('.');

/** A citation may wrap across comment lines (` * `, `// `, `# `): join them into one line first. */
function joinCommentLines(text: string): string {
  return text.replace(/[ \t]*\r?\n[ \t]*(?:\*(?!\/)|\/\/|#)?[ \t]*/g, ' ');
}

/** The section titles cited after the decisions file's path and a comma, in the order they appear. */
function citedSections(text: string): string[] {
  const pattern = new RegExp(`${DECISIONS.replace('.', '\\.')},\\s*"([^"]+)"`, 'g');
  return [...joinCommentLines(text).matchAll(pattern)].map((m) => m[1] ?? '');
}

function headingsOf(markdown: string): string[] {
  return [...markdown.matchAll(/^#{2,6} (.+?)\s*$/gm)].map((m) => m[1] ?? '');
}

/** A citation names a heading exactly, or the part of it before a colon ("IPC" for "IPC: typed channels, …"). */
function namesHeading(cited: string, headings: readonly string[]): boolean {
  return headings.some((heading) => heading === cited || heading.startsWith(`${cited}:`));
}

/** Tracked text files outside node_modules (binary files such as the font are skipped). */
function trackedTextFiles(): { file: string; text: string }[] {
  const files = execFileSync('git', ['ls-files', '-z'], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
    .split('\0')
    .filter((file) => file !== '' && !file.split('/').includes('node_modules'));
  const texts: { file: string; text: string }[] = [];
  for (const file of files) {
    let bytes: Buffer;
    try {
      bytes = readFileSync(path.join(root, file));
    } catch {
      continue; // deleted in the work tree but not yet from the index
    }
    if (bytes.includes(0)) continue;
    texts.push({ file, text: bytes.toString('utf8') });
  }
  return texts;
}

describe('references in comments and docs', () => {
  const files = trackedTextFiles();
  const headings = headingsOf(readFileSync(path.join(root, DECISIONS), 'utf8'));

  it('reads the tracked files and the decisions headings', () => {
    expect(files.map((f) => f.file)).toContain(DECISIONS);
    expect(headings).toContain('IPC: typed channels, no paths from the renderer, errors as codes');
  });

  it(`no tracked file cites ${OLD_DESIGN_PAGE}, which is not in the repository`, () => {
    const offenders = files.filter(({ text }) => text.includes(OLD_DESIGN_PAGE)).map(({ file }) => file);
    expect(offenders).toEqual([]);
  });

  it(`every "${DECISIONS}, \\"Section\\"" citation names a heading of ${DECISIONS}`, () => {
    const dangling = files.flatMap(({ file, text }) =>
      citedSections(text)
        .filter((cited) => !namesHeading(cited, headings))
        .map((cited) => `${file}: "${cited}"`),
    );
    expect(dangling).toEqual([]);
  });

  it('finds citations wrapped across comment lines, and tells a missing section apart', () => {
    const wrapped = `/**\n * Renders a PDF (${DECISIONS}, "Evidence and\n * certificates"): then more.\n */`;
    expect(citedSections(wrapped)).toEqual(['Evidence and certificates']);
    expect(citedSections(`// see ${DECISIONS},\n// "The user's journey"`)).toEqual(["The user's journey"]);
    expect(namesHeading('IPC', headings)).toBe(true);
    expect(namesHeading('Evidence and certificates', headings)).toBe(true);
    expect(namesHeading('IP', headings)).toBe(false);
    expect(namesHeading('No such section', headings)).toBe(false);
  });
});
