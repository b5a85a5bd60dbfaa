// Adds up the test runners' JSON reports and the static checks into the one closing line
// CI reads: "tests: N passed, N failed". Exits non-zero when anything failed.
import { existsSync, readFileSync } from 'node:fs';

const failedSteps = new Set(process.argv.slice(2));
const read = (file) => (existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null);

const runners = [
  {
    step: 'unit and integration tests',
    report: 'test-results/vitest-report.json',
    count: (r) => ({ passed: r.numPassedTests, failed: r.numFailedTests, skipped: r.numPendingTests + r.numTodoTests }),
  },
  {
    step: 'browser end-to-end tests',
    report: 'test-results/e2e-report.json',
    count: (r) => ({ passed: r.stats.expected + r.stats.flaky, failed: r.stats.unexpected, skipped: r.stats.skipped }),
  },
  {
    step: 'Electron end-to-end tests',
    report: 'test-results/e2e-electron-report.json',
    count: (r) => ({ passed: r.stats.expected + r.stats.flaky, failed: r.stats.unexpected, skipped: r.stats.skipped }),
  },
];

let passed = 0;
let failed = 0;
let skipped = 0;
for (const runner of runners) {
  const report = read(runner.report);
  const counts = report ? runner.count(report) : { passed: 0, failed: 0, skipped: 0 };
  // A runner that failed without reporting a failed test (a crash, a setup error) still counts as one failure.
  if (failedSteps.has(runner.step) && counts.failed === 0) counts.failed = 1;
  passed += counts.passed;
  failed += counts.failed;
  skipped += counts.skipped;
}
// Each static check is one item of its own.
for (const step of ['typecheck', 'lint', 'electronegativity']) {
  if (failedSteps.has(step)) failed += 1;
  else passed += 1;
}
// The dependency audit counts only when it fails: where the registry cannot audit it has not passed either.
if (failedSteps.has('dependency audit')) failed += 1;

console.log('');
if (failedSteps.size > 0) console.log(`failed steps: ${[...failedSteps].join(', ')}`);
console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 ? 1 : 0);
