/**
 * `npm run sbom` (scripts/sbom.mjs): the SBOM a hospital's security office receives must be
 * one a CycloneDX tool accepts, list exactly what the installer ships (every production
 * package, none of the build and test tools), and carry each package's licence and the hash
 * npm verified it against. Runs the real generator, offline.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { Spec, Validation } from '@cyclonedx/cyclonedx-library';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SBOM_FILE_NAME } from '../../electron/core/app/describe-app';

const run = promisify(execFile);
const root = resolve(import.meta.dirname, '../..');

interface Component {
  name: string;
  group?: string;
  version: string;
  type: string;
  licenses?: unknown[];
  hashes?: { alg: string; content: string }[];
  properties?: { name: string; value: string }[];
}
interface Bom {
  bomFormat: string;
  specVersion: string;
  metadata: { component: { name: string; 'bom-ref': string } };
  components: Component[];
  dependencies: { ref: string; dependsOn?: string[] }[];
}
interface LockEntry {
  version?: string;
  integrity?: string;
  dev?: boolean;
  devOptional?: boolean;
  link?: boolean;
}

const fullName = (c: Component): string => (c.group ? `${c.group}/${c.name}` : c.name);
const lockPath = (c: Component): string | undefined => c.properties?.find((p) => p.name === 'cdx:npm:package:path')?.value;

describe('npm run sbom', () => {
  let folder: string;
  let text: string;
  let bom: Bom;
  const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as { packages: Record<string, LockEntry> };
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    dependencies: Record<string, string>;
    devDependencies: Record<string, string>;
  };

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'fieldguard-sbom-test-'));
    const output = join(folder, 'fieldguard.cdx.json');
    // The generator's only outside call is `npm ls`; an unreachable registry proves it needs none.
    await run(process.execPath, [join(root, 'scripts/sbom.mjs'), output], {
      cwd: root,
      env: { ...process.env, npm_config_registry: 'http://127.0.0.1:9/', npm_config_offline: 'true' },
      timeout: 120_000,
    });
    text = readFileSync(output, 'utf8');
    bom = JSON.parse(text) as Bom;
  }, 150_000);

  afterAll(() => {
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  it('is a CycloneDX 1.6 document that the CycloneDX JSON schema accepts', async () => {
    expect(bom.bomFormat).toBe('CycloneDX');
    expect(bom.specVersion).toBe('1.6');
    expect(bom.metadata.component.name).toBe('fieldguard');
    const validator = new Validation.JsonValidator(Spec.Version.v1dot6);
    expect(await validator.validate(text)).toBeNull();
    // The validator is not a rubber stamp: a hash in the wrong form is rejected.
    const broken = structuredClone(bom);
    broken.components[0]!.hashes = [{ alg: 'SHA-512', content: 'not hex' }];
    expect(await validator.validate(JSON.stringify(broken))).not.toBeNull();
  });

  it('lists the production dependencies, and every production package npm installed', () => {
    const names = new Set(bom.components.map(fullName));
    for (const direct of Object.keys(manifest.dependencies)) expect(names, direct).toContain(direct);
    const listed = new Set(bom.components.map(lockPath));
    const installedProduction = Object.entries(lock.packages).filter(
      ([path, entry]) =>
        path.startsWith('node_modules/') && !entry.dev && !entry.devOptional && !entry.link && existsSync(join(root, path, 'package.json')),
    );
    expect(installedProduction.length).toBeGreaterThan(50);
    const missing = installedProduction.map(([path]) => path).filter((path) => !listed.has(path));
    expect(missing).toEqual([]);
  });

  it('lists no build or test tool, only the Electron runtime the installer carries', () => {
    const names = new Set(bom.components.map(fullName));
    for (const tool of [
      'vitest',
      '@playwright/test',
      'playwright',
      'electron-builder',
      'typescript',
      'eslint',
      '@cyclonedx/cyclonedx-npm',
    ]) {
      expect(names, tool).not.toContain(tool);
    }
    for (const component of bom.components.filter((c) => c.type !== 'framework')) {
      const entry = lock.packages[lockPath(component) ?? ''];
      expect(entry, fullName(component)).toBeDefined();
      expect(entry?.dev ?? entry?.devOptional ?? false, fullName(component)).toBe(false);
    }
    const electron = bom.components.find((c) => c.name === 'electron');
    expect(electron?.type).toBe('framework');
    expect(electron?.version).toBe(manifest.devDependencies.electron);
  });

  it('gives every package its licence and the SHA-512 that package-lock.json pins', () => {
    for (const component of bom.components) expect(component.licenses?.length ?? 0, fullName(component)).toBeGreaterThan(0);
    for (const component of bom.components.filter((c) => c.type !== 'framework')) {
      const entry = lock.packages[lockPath(component) ?? ''];
      const sha512 = component.hashes?.find((h) => h.alg === 'SHA-512')?.content;
      expect(sha512, fullName(component)).toBe(Buffer.from(entry?.integrity?.replace(/^sha512-/, '') ?? '', 'base64').toString('hex'));
      expect(component.version).toBe(entry?.version);
    }
    // The dependency graph names only components that are in the document.
    const refs = new Set([
      bom.metadata.component['bom-ref'],
      ...bom.components.map((c) => (c as unknown as { 'bom-ref': string })['bom-ref']),
    ]);
    for (const edge of bom.dependencies) {
      expect(refs).toContain(edge.ref);
      for (const target of edge.dependsOn ?? []) expect(refs).toContain(target);
    }
  });
});

describe('the installer', () => {
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
  const builder = createRequire(import.meta.url)(join(root, 'electron-builder.config.cjs')) as {
    extraResources: { from: string; to: string; filter: string[] }[];
  };

  it('is built after the SBOM is written, and carries it where the System page looks for it', () => {
    const dist = manifest.scripts.dist ?? '';
    expect(dist.indexOf('npm run sbom')).toBeGreaterThan(-1);
    expect(dist.indexOf('npm run sbom')).toBeLessThan(dist.indexOf('electron-builder'));
    const sbom = builder.extraResources.find((resource) => resource.to === 'sbom');
    expect(sbom?.from).toBe('dist/sbom');
    expect(SBOM_FILE_NAME).toMatch(new RegExp(`^${(sbom?.filter[0] ?? '').replaceAll('.', '\\.').replaceAll('*', '.*')}$`));
  });
});
