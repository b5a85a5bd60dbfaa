/**
 * Unit and integration tests under Node, against real files, real SQLCipher and real keytar.
 * Two projects: `unit` is the fast loop (`npm run test:unit`: logic, parsers,
 * small real files), `integration` the rest (`npm run test:integration`: vaults, the CLI,
 * clamscan, loop devices, LibreOffice); `npm test` runs both.
 */
import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { alias: { '@shared': resolve(import.meta.dirname, 'electron/shared') } },
  test: {
    projects: [
      // Every core: unit files are CPU-bound and independent, and vitest's default (one core fewer)
      // runs them one at a time on a 2-core laptop while its main process idles. Projects with
      // different worker counts must run as separate groups: the unit loop first, then the rest.
      { extends: true, test: { name: 'unit', include: ['test/unit/**/*.test.ts'], maxWorkers: '100%', sequence: { groupOrder: 0 } } },
      { extends: true, test: { name: 'integration', include: ['test/integration/**/*.test.ts'], sequence: { groupOrder: 1 } } },
    ],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    reporters: ['default', ['json', { outputFile: 'test-results/vitest-report.json' }]],
  },
});
