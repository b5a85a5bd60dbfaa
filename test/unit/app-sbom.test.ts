/**
 * The System page names the SBOM the installer carries (`resources/sbom/fieldguard.cdx.json`,
 * put there by electron-builder's extraResources) — and only a file that is really there: a
 * development run or a build without `npm run sbom` says it has none.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { describeApp, sbomIn } from '../../electron/core/app/describe-app';
import { AppInfo } from '../../electron/shared/app';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function resourcesFolder(): string {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'fieldguard-resources-'));
  folders.push(folder);
  return folder;
}

const identity = { name: 'FieldGuard', version: '0.1.0', dataDir: '/tmp/data', runtimeVersions: { node: '20.20.2' } };

describe('the SBOM on the System page', () => {
  it('is named where the installer put it', () => {
    const resources = resourcesFolder();
    mkdirSync(path.join(resources, 'sbom'));
    writeFileSync(path.join(resources, 'sbom', 'fieldguard.cdx.json'), '{"bomFormat":"CycloneDX"}');
    const info = AppInfo.parse(describeApp({ ...identity, sbomPath: sbomIn(resources) }));
    expect(info.sbomPath).toBe(path.join(resources, 'sbom', 'fieldguard.cdx.json'));
  });

  it('is reported missing when the build carries none, or when nobody looked (a development run)', () => {
    const resources = resourcesFolder();
    mkdirSync(path.join(resources, 'sbom'));
    writeFileSync(path.join(resources, 'sbom', 'other.json'), '{}');
    expect(sbomIn(resources)).toBeNull();
    expect(AppInfo.parse(describeApp(identity)).sbomPath).toBeNull();
  });
});
