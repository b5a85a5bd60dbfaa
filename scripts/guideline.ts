/**
 * `npm run guideline`: writes docs/guideline-coverage.md and electron/shared/guideline-tests.json
 * from the guideline catalogue and the tags in the test titles. Exits 1, writing nothing, when
 * an item has neither a test nor a written reason, or a test cites an item the catalogue does
 * not have. `--check` writes nothing and exits 1 when either file is out of date.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { guidelineItems } from '../electron/shared/guideline-items';
import { collectTests } from './guideline/collect-tests';
import { COVERAGE_DOC, COVERAGE_JSON, joinCoverage, renderCoverageFiles } from './guideline/coverage';

const root = path.resolve(import.meta.dirname, '..');
const { byItem, problems } = joinCoverage(guidelineItems, collectTests(root), root);
if (problems.length > 0) {
  process.stderr.write(`guideline coverage: ${problems.length} problem(s)\n${problems.map((p) => `  - ${p}`).join('\n')}\n`);
  process.exit(1);
}
const outputs = await renderCoverageFiles(root, guidelineItems, byItem);

if (process.argv.includes('--check')) {
  const stale = outputs.filter(([file, text]) => readFileSync(path.join(root, file), 'utf8') !== text).map(([file]) => file);
  if (stale.length > 0) {
    process.stderr.write(`guideline coverage: out of date: ${stale.join(', ')} — run \`npm run guideline\`\n`);
    process.exit(1);
  }
} else {
  for (const [file, text] of outputs) writeFileSync(path.join(root, file), text);
  const tested = guidelineItems.filter((item) => (byItem[item.id]?.length ?? 0) > 0).length;
  process.stdout.write(
    `guideline coverage: ${tested} of ${guidelineItems.length} items tested, the rest out of reach; wrote ${COVERAGE_DOC} and ${COVERAGE_JSON}\n`,
  );
}
