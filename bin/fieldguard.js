#!/usr/bin/env node
// The installed `fieldguard` command: runs the CLI bundle that `npm run build` writes.
import { existsSync } from 'node:fs';

const bundle = new URL('../out/cli/index.js', import.meta.url);
if (!existsSync(bundle)) {
  process.stderr.write('fieldguard: the CLI is not built. Run "npm run build" (or "npm run cli -- …" from a checkout).\n');
  process.exit(2);
}
await import(bundle.href);
