// Bundles the `fieldguard` CLI into out/cli/index.js for the package's `bin`; runtime
// dependencies (native addons among them) stay external and come from node_modules.
import { build } from 'esbuild';

await build({
  // The erasure worker is its own entry: `fieldguard erase` runs the job in a worker thread;
  // so is the verifier's: `fieldguard archive sync` checks each document in one.
  entryPoints: {
    index: 'electron/cli/index.ts',
    'erasure-worker': 'electron/core/erasure/erasure-worker.ts',
    'verify-worker': 'electron/core/certificates/verify-worker.ts',
  },
  outdir: 'out/cli',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  packages: 'external',
  logLevel: 'warning',
});
