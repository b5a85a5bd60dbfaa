/**
 * Finds the tests of the project and the guideline items each one proves, from the tags in
 * their titles (`it('[10-1] erasure certificate lists every erased file', …)`). The test files
 * are parsed with the TypeScript compiler rather than searched with a pattern, so that a
 * title split over lines, a `describe` around it or an `it.skipIf(…)` in front of it is read
 * the way the test runner reads it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/** Where the tests live: vitest (unit, integration) and Playwright (browser, Electron). */
export const TEST_FOLDERS = ['test/unit', 'test/integration', 'test/e2e', 'test/e2e-electron'] as const;
const TEST_FILE = /\.(test|spec)\.ts$/;

export interface CollectedTest {
  /** The file, relative to the repository, with forward slashes. */
  readonly file: string;
  /** The enclosing `describe` titles and the test's own title, joined by ' › ' as the runners print them. */
  readonly name: string;
  /** The guideline item ids in the title's brackets, in the order written, e.g. ['10-1', 'E.3 b']. */
  readonly tags: readonly string[];
}

/** A bracketed tag that looks like a guideline item: '7-1', '10-5', 'E.3 b'. Other brackets in a title are not tags. */
export const TAG_PATTERN = /\[(\d{1,2}-\d{1,2}|E\.3 [a-d])\]/g;

export function tagsOf(title: string): string[] {
  return [...title.matchAll(TAG_PATTERN)].map((match) => match[1]!);
}

/** Every test file under the test folders of `root`, sorted so the output does not depend on the file system's order. */
export function listTestFiles(root: string): string[] {
  const files: string[] = [];
  const walk = (relative: string) => {
    let entries;
    try {
      entries = readdirSync(path.join(root, relative), { withFileTypes: true });
    } catch {
      return; // a folder a checkout does not have (test/e2e-electron is optional)
    }
    for (const entry of entries) {
      const child = `${relative}/${entry.name}`;
      if (entry.isDirectory() && entry.name !== 'fixtures' && entry.name !== 'node_modules') walk(child);
      else if (entry.isFile() && TEST_FILE.test(entry.name)) files.push(child);
    }
  };
  for (const folder of TEST_FOLDERS) walk(folder);
  return files.sort();
}

type CallKind = 'test' | 'describe' | null;

/** The function a call's callee starts from, and the last method named on the way: `it.skipIf(x)` → ['it', 'skipIf']. */
function calleeParts(expression: ts.Expression): { root: string | null; members: string[] } {
  const members: string[] = [];
  let node: ts.Expression = expression;
  for (;;) {
    if (ts.isPropertyAccessExpression(node)) {
      members.unshift(node.name.text);
      node = node.expression;
    } else if (ts.isCallExpression(node)) {
      node = node.expression;
    } else break;
  }
  return { root: ts.isIdentifier(node) ? node.text : null, members };
}

const HOOKS = new Set([
  'use',
  'beforeEach',
  'afterEach',
  'beforeAll',
  'afterAll',
  'setTimeout',
  'step',
  'extend',
  'info',
  'slow',
  'fail',
  'configure',
]);

function kindOf(call: ts.CallExpression): CallKind {
  const { root, members } = calleeParts(call.expression);
  if (root === 'describe') return 'describe';
  if (root !== 'it' && root !== 'test') return null;
  if (members.includes('describe')) return 'describe';
  if (members.some((member) => HOOKS.has(member))) return null;
  return 'test';
}

/** A title written as a string, or a template whose placeholders are kept as written (`in ${language}`). */
function titleOf(call: ts.CallExpression, sourceFile: ts.SourceFile): string | null {
  const first = call.arguments[0];
  if (first && (ts.isStringLiteral(first) || ts.isNoSubstitutionTemplateLiteral(first))) return first.text;
  if (first && ts.isTemplateExpression(first)) return first.getText(sourceFile).slice(1, -1);
  return null;
}

/** The tests of one file, from its source text. */
export function testsInSource(file: string, source: string): CollectedTest[] {
  const sourceFile = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const tests: CollectedTest[] = [];
  const visit = (node: ts.Node, describes: readonly string[]) => {
    if (ts.isCallExpression(node)) {
      const kind = kindOf(node);
      const title = kind ? titleOf(node, sourceFile) : null;
      if (kind === 'test' && title !== null) {
        tests.push({ file, name: [...describes, title].join(' › '), tags: tagsOf(title) });
        return;
      }
      if (kind === 'describe' && title !== null) {
        node.arguments.slice(1).forEach((argument) => visit(argument, [...describes, title]));
        return;
      }
    }
    ts.forEachChild(node, (child) => visit(child, describes));
  };
  visit(sourceFile, []);
  return tests;
}

/** Every test of the repository at `root`. */
export function collectTests(root: string): CollectedTest[] {
  return listTestFiles(root).flatMap((file) => testsInSource(file, readFileSync(path.join(root, file), 'utf8')));
}
