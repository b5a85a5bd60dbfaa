#!/usr/bin/env node
// Usage: node scripts/native-modules.mjs node|electron
//
// The native addons (better-sqlite3-multiple-ciphers, keytar) are built for one ABI at a
// time: Node's for the tests, the CLI and the benchmarks; Electron's for the app. npm ci
// builds them for Node. This rebuilds them for the other runtime only when the last build
// was for a different one, and remembers which it was — always from source
// (native-rebuild-command.mjs). Building for Electron downloads Electron's headers (a developer
// laptop with internet); building for Node needs nothing.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { ADDONS, rebuildCommand } from './native-rebuild-command.mjs';

const MARKER = 'node_modules/.fieldguard-native-target';
const target = process.argv[2];
if (target !== 'node' && target !== 'electron') {
  console.error('usage: node scripts/native-modules.mjs node|electron');
  process.exit(2);
}
const current = existsSync(MARKER) ? readFileSync(MARKER, 'utf8').trim() : 'node';
if (current === target) process.exit(0);

console.error(`native-modules: rebuilding ${ADDONS.join(', ')} from source for ${target} (they were built for ${current})`);
const electronVersion = target === 'electron' ? JSON.parse(readFileSync('node_modules/electron/package.json', 'utf8')).version : undefined;
const [command, args] = rebuildCommand(target, electronVersion);
execFileSync(command, args, { stdio: 'inherit' });
writeFileSync(MARKER, `${target}\n`);
