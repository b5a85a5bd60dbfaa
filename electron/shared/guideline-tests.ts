/**
 * The tests that prove each guideline item, as `npm run guideline` found them in the test
 * titles (electron/shared/guideline-tests.json, generated). The About screen shows them beside
 * the catalogue, so what an auditor reads in the app is what the test suite checks.
 */
import generated from './guideline-tests.json' with { type: 'json' };

export interface GuidelineTest {
  /** The test file, relative to the repository. */
  readonly file: string;
  /** The describe titles and the test title, joined by ' › '. */
  readonly name: string;
}

export type GuidelineTests = Readonly<Record<string, readonly GuidelineTest[]>>;

export const guidelineTests: GuidelineTests = generated;

export function testsOfItem(id: string): readonly GuidelineTest[] {
  return guidelineTests[id] ?? [];
}
