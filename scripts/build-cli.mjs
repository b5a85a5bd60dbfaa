// Bundles the `fieldguard` CLI into out/cli/index.js for the package's `bin`; runtime
// dependencies (native addons among them) stay external and come from node_modules.
import { build } from 'esbuild';

await build({
  entryPoints: ['electron/cli/index.ts'],
  outfile: 'out/cli/index.js',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  packages: 'external',
  logLevel: 'warning',
});
