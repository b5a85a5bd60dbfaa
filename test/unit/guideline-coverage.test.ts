/**
 * The guideline coverage table cannot drift: every item of the catalogue is proven by a test
 * that cites it ('[10-1] …') or carries a written reason why it is out of FieldGuard's reach,
 * and the committed docs/guideline-coverage.md and electron/shared/guideline-tests.json are
 * exactly what `npm run guideline` writes from today's tests.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { guidelineItems, type GuidelineItem } from '../../electron/shared/guideline-items';
import { guidelineTests } from '../../electron/shared/guideline-tests';
import { collectTests, testsInSource } from '../../scripts/guideline/collect-tests';
import { COVERAGE_DOC, COVERAGE_JSON, joinCoverage, renderCoverageFiles } from '../../scripts/guideline/coverage';

const root = path.resolve(import.meta.dirname, '../..');

describe('the guideline coverage', () => {
  const tests = collectTests(root);
  const { byItem, problems } = joinCoverage(guidelineItems, tests, root);
  // Prettier takes a few seconds over the Markdown table: render once for the tests below.
  let files: [string, string][] = [];
  beforeAll(async () => {
    files = await renderCoverageFiles(root, guidelineItems, byItem);
  });

  it('has a test or a written reason for every item, and no test cites an unknown item', () => {
    expect(problems).toEqual([]);
  });

  it('is committed as `npm run guideline` writes it (run it after changing a tagged test or the catalogue)', () => {
    expect(files.map(([file]) => file)).toEqual([COVERAGE_DOC, COVERAGE_JSON]);
    for (const [file, text] of files) {
      expect(readFileSync(path.join(root, file), 'utf8'), `${file} is out of date: run \`npm run guideline\``).toBe(text);
    }
    // What the About screen shows is the same list.
    expect(guidelineTests).toEqual(byItem);
  });

  it('shows an item, what FieldGuard does, where, and the tests that cite it, in both languages', () => {
    const doc = files[0]![1];
    const section = doc.slice(doc.indexOf('### 10-1'), doc.indexOf('### 10-3'));
    expect(section).toContain('保守で個人情報を含むデータを使ったら、終了後に確実に消去する');
    expect(section).toContain('After maintenance work that used personal data, erase it for certain');
    expect(section).toContain('データ消去 / Erasure');
    expect(section).toContain('データ消去証明書 / Data erasure certificate');
    expect(section).toContain('`electron/core/erasure/erasure-certificate.ts`');
    const cited = tests.filter((test) => test.tags.includes('10-1'));
    expect(cited.length).toBeGreaterThan(0);
    for (const test of cited) expect(section).toContain(test.name);
  });
});

describe('the checker', () => {
  const untested: GuidelineItem = {
    id: '99-1',
    part: 'operation',
    title: { ja: '架空の項目', en: 'A made-up item' },
    fieldGuard: { ja: 'なし', en: 'Nothing' },
    screens: ['erasure'],
    services: [],
    reports: [],
    outOfReach: null,
  };
  const cite = (tags: string[]) => [{ file: 'test/unit/made-up.test.ts', name: 'a made-up test', tags }];

  it('fails an item with neither a test nor a written reason, naming it', () => {
    const { problems } = joinCoverage([untested], cite([]), root);
    expect(problems).toEqual(["[99-1] has no test citing it and no written reason why it is out of FieldGuard's reach"]);
  });

  it('passes the same item once a test cites it, or once it says why it is out of reach', () => {
    expect(joinCoverage([untested], cite(['99-1']), root).problems).toEqual([]);
    expect(joinCoverage([{ ...untested, outOfReach: { ja: '施設の責務', en: "The site's duty" } }], cite([]), root).problems).toEqual([]);
  });

  it('fails a test that cites an item the catalogue does not have, a service that does not exist and a screen with no label', () => {
    const broken = {
      ...untested,
      outOfReach: { ja: '施設の責務', en: "The site's duty" },
      services: ['electron/core/no-such-service.ts'],
      screens: ['no-such-screen' as 'erasure'],
    };
    expect(joinCoverage([broken], cite(['10-9']), root).problems).toEqual([
      'test/unit/made-up.test.ts: "a made-up test" cites [10-9], which is not in electron/shared/guideline-items.ts',
      '[99-1] names the service electron/core/no-such-service.ts, which does not exist',
      "[99-1] names the screen 'no-such-screen', which has no navigation label",
    ]);
  });
});

describe('reading the tags from test titles', () => {
  it('reads them as the runners name the tests: describe titles, it.skipIf, it.each, Playwright, and not from hooks', () => {
    const source = [
      "describe('erasure', () => {",
      "  it('[10-1] erases', () => {});",
      "  it.skipIf(!canLoop())('[10-1][7-10] erases a whole medium', () => {});",
      "  describe('nested', () => { it.each([1, 2])('[E.3 b] case %i', () => {}); });",
      '  it(`in ${language} [not-a-tag]`, () => {});',
      '});',
      "test.describe('screens', () => { test.use({}); test('[14-6]\\n refuses', async () => { test.skip(true, '[8-1] not a test'); }); });",
    ].join('\n');
    expect(testsInSource('test/unit/sample.test.ts', source)).toEqual([
      { file: 'test/unit/sample.test.ts', name: 'erasure › [10-1] erases', tags: ['10-1'] },
      { file: 'test/unit/sample.test.ts', name: 'erasure › [10-1][7-10] erases a whole medium', tags: ['10-1', '7-10'] },
      { file: 'test/unit/sample.test.ts', name: 'erasure › nested › [E.3 b] case %i', tags: ['E.3 b'] },
      { file: 'test/unit/sample.test.ts', name: 'erasure › in ${language} [not-a-tag]', tags: [] },
      { file: 'test/unit/sample.test.ts', name: 'screens › [14-6]\n refuses', tags: ['14-6'] },
    ]);
  });
});
