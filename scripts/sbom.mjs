#!/usr/bin/env node
// Usage: node scripts/sbom.mjs [output-file]   (npm run sbom; default dist/sbom/fieldguard.cdx.json)
//
// FieldGuard's own SBOM (CycloneDX 1.6, JSON): what the installer ships, so that a hospital's
// security office can check it against advisories the way FieldGuard asks of every product.
// The generator is the CycloneDX project's own (@cyclonedx/cyclonedx-npm): it reads the
// installed tree through `npm ls` and needs no network. Two facts it cannot give here are
// added from package-lock.json, which is what `npm ci` verified every package against:
// - hashes: the lock has no "resolved" URLs, so the generator leaves the tarball hashes out;
//   each component gets its lock `integrity` (SHA-512 of the npm tarball) as hex;
// - production only: `--omit dev` still lists optional peers that are installed only for
//   development (typescript for i18next, @types/react), which `npm ci --omit=dev` would not
//   install; the lock marks them dev/devOptional, and they are dropped with their edges.
// Electron is a devDependency (it is the build tool's download), but its runtime is in every
// installer: it is listed as the application's framework, with its version.
// The result is validated against the CycloneDX 1.6 schema before it is written.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { Spec, Validation } from '@cyclonedx/cyclonedx-library';

const root = resolve(dirname(new URL(import.meta.url).pathname), '..');
const output = resolve(root, process.argv[2] ?? 'dist/sbom/fieldguard.cdx.json');
const PATH_PROPERTY = 'cdx:npm:package:path';

const raw = generate();
const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8'));
const bom = keepProductionOnly(raw, lock);
addLockHashes(bom, lock);
addElectronRuntime(bom);

const text = `${JSON.stringify(bom, null, 2)}\n`;
const problem = await new Validation.JsonValidator(Spec.Version.v1dot6).validate(text);
if (problem !== null) {
  console.error('sbom: the generated SBOM does not pass the CycloneDX 1.6 schema:');
  console.error(JSON.stringify(problem, null, 2));
  process.exit(1);
}
mkdirSync(dirname(output), { recursive: true });
writeFileSync(output, text);
console.log(`sbom: ${bom.components.length} components → ${output}`);

/** Runs the CycloneDX generator into a temporary file; flat components keep the edits below simple. */
function generate() {
  const folder = mkdtempSync(join(tmpdir(), 'fieldguard-sbom-'));
  try {
    const file = join(folder, 'bom.json');
    const bin = join(root, 'node_modules', '@cyclonedx', 'cyclonedx-npm', 'bin', 'cyclonedx-npm-cli.js');
    execFileSync(
      process.execPath,
      [
        bin,
        '--omit',
        'dev',
        '--spec-version',
        '1.6',
        '--output-format',
        'JSON',
        '--flatten-components',
        '--output-reproducible',
        '--mc-type',
        'application',
        '--output-file',
        file,
        join(root, 'package.json'),
      ],
      { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] },
    );
    return JSON.parse(readFileSync(file, 'utf8'));
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

function lockEntry(component, lockFile) {
  const path = component.properties?.find((p) => p.name === PATH_PROPERTY)?.value;
  return path === undefined ? undefined : lockFile.packages?.[path];
}

function keepProductionOnly(document, lockFile) {
  const dropped = new Set();
  const components = (document.components ?? []).filter((component) => {
    const entry = lockEntry(component, lockFile);
    const devOnly = entry === undefined || entry.dev === true || entry.devOptional === true;
    if (devOnly) dropped.add(component['bom-ref']);
    return !devOnly;
  });
  const dependencies = (document.dependencies ?? [])
    .filter((edge) => !dropped.has(edge.ref))
    .map((edge) => ({ ...edge, ...(edge.dependsOn ? { dependsOn: edge.dependsOn.filter((ref) => !dropped.has(ref)) } : {}) }));
  return { ...document, components, dependencies };
}

/** `sha512-<base64>` (Subresource Integrity, as npm writes it) → CycloneDX `{ alg, content: hex }`. */
function addLockHashes(document, lockFile) {
  const algorithms = { sha512: 'SHA-512', sha384: 'SHA-384', sha256: 'SHA-256', sha1: 'SHA-1' };
  for (const component of document.components) {
    const integrity = lockEntry(component, lockFile)?.integrity;
    if (typeof integrity !== 'string') continue;
    const hashes = integrity.split(/\s+/).flatMap((item) => {
      const [, name, base64] = /^(sha512|sha384|sha256|sha1)-([A-Za-z0-9+/=]+)$/.exec(item) ?? [];
      return name && base64 ? [{ alg: algorithms[name], content: Buffer.from(base64, 'base64').toString('hex') }] : [];
    });
    if (hashes.length > 0) component.hashes = hashes;
  }
}

function addElectronRuntime(document) {
  const electron = JSON.parse(readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8'));
  const ref = `electron-runtime@${electron.version}`;
  document.components.push({
    type: 'framework',
    name: 'electron',
    version: electron.version,
    'bom-ref': ref,
    description: 'Electron runtime (Chromium and Node.js) packaged into every FieldGuard installer',
    licenses: [{ license: { id: electron.license } }],
    purl: `pkg:npm/electron@${electron.version}`,
    properties: [{ name: 'fieldguard:shipped-as', value: 'application runtime (electron-builder)' }],
  });
  const main = document.metadata?.component?.['bom-ref'];
  const edge = document.dependencies.find((e) => e.ref === main);
  if (edge) edge.dependsOn = [...(edge.dependsOn ?? []), ref];
}
