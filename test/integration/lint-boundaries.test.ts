/**
 * The layer boundaries (docs/decisions.md, "Layout") fail lint when crossed: this lints small offending
 * files placed (virtually) in each layer with the project's real ESLint configuration. The import rules
 * need no types, and a virtual file is in no tsconfig: the type-aware rules are left out here.
 */
import path from 'node:path';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: path.resolve(import.meta.dirname, '../..'), overrideConfig: [tseslint.configs.disableTypeChecked] });

async function ruleIdsFor(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: file });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

describe('layer boundaries', () => {
  for (const layer of ['core', 'db', 'platform', 'shared', 'cli']) {
    it(`electron/${layer} may not import electron`, async () => {
      expect(await ruleIdsFor(`electron/${layer}/offender.ts`, "import { app } from 'electron';\nexport const x = app;\n")).toContain(
        'no-restricted-imports',
      );
    });
  }

  it('electron/main and electron/preload may import electron', async () => {
    expect(await ruleIdsFor('electron/main/fine.ts', "import { app } from 'electron';\nexport const x = app;\n")).toEqual([]);
    expect(
      await ruleIdsFor('electron/preload/fine.ts', "import { contextBridge } from 'electron';\nexport const x = contextBridge;\n"),
    ).toEqual([]);
  });

  it('core may not reach into the main process', async () => {
    expect(
      await ruleIdsFor('electron/core/offender.ts', "import { registerIpc } from '../main/ipc';\nexport const x = registerIpc;\n"),
    ).toContain('no-restricted-imports');
  });

  it('the renderer may import electron/shared but nothing else of electron/', async () => {
    expect(
      await ruleIdsFor(
        'renderer/src/offender.ts',
        "import { createRouter } from '../../electron/core/ipc/router';\nexport const x = createRouter;\n",
      ),
    ).toContain('no-restricted-imports');
    expect(await ruleIdsFor('renderer/src/offender.ts', "import fs from 'node:fs';\nexport const x = fs;\n")).toContain(
      'no-restricted-imports',
    );
    expect(
      await ruleIdsFor('renderer/src/fine.ts', "import { contract } from '../../electron/shared/contract';\nexport const x = contract;\n"),
    ).toEqual([]);
  });

  it('only renderer/src/lib/bridge.ts touches window.fieldguard', async () => {
    const code = 'export const x = window.fieldguard;\n';
    expect(await ruleIdsFor('renderer/src/features/system/offender.ts', code)).toContain('no-restricted-syntax');
    expect(await ruleIdsFor('renderer/src/lib/bridge.ts', code)).not.toContain('no-restricted-syntax');
  });

  it('only electron/main/ipc.ts registers IPC handlers', async () => {
    const code = "import { ipcMain } from 'electron';\nexport const x = ipcMain;\n";
    expect(await ruleIdsFor('electron/main/window.ts', code)).toContain('no-restricted-imports');
    expect(await ruleIdsFor('electron/main/ipc.ts', code)).toEqual([]);
  });

  it('electron/shared stays pure: no Node modules (the renderer imports it)', async () => {
    expect(await ruleIdsFor('electron/shared/offender.ts', "import fs from 'node:fs';\nexport const x = fs;\n")).toContain(
      'no-restricted-imports',
    );
  });

  describe('npm packages by where they run', () => {
    const importOf = (pkg: string) => `import * as m from '${pkg}';\nexport const x = m;\n`;

    for (const pkg of ['node-forge', 'node-disk-info', 'better-sqlite3-multiple-ciphers', 'keytar', '@aws-sdk/client-s3', 'fs']) {
      it(`electron/shared and the renderer may not import the Node-only ${pkg}`, async () => {
        expect(await ruleIdsFor('electron/shared/offender.ts', importOf(pkg))).toContain('local/package-boundaries');
        expect(await ruleIdsFor('renderer/src/offender.ts', importOf(pkg))).toContain('local/package-boundaries');
      });
    }

    for (const layer of ['core', 'platform', 'db', 'cli']) {
      it(`electron/${layer} may not import DOM-only packages`, async () => {
        expect(await ruleIdsFor(`electron/${layer}/offender.ts`, importOf('react'))).toContain('local/package-boundaries');
        expect(await ruleIdsFor(`electron/${layer}/offender.ts`, importOf('@fluentui/react-components'))).toContain(
          'local/package-boundaries',
        );
      });
    }

    it('a package in no list fails wherever it is imported, until it is classified', async () => {
      const [result] = await eslint.lintText(importOf('left-pad'), { filePath: 'electron/core/offender.ts' });
      expect(result?.messages.map((m) => m.message)).toContain(
        "'left-pad' is in no package list: add it to the Node-only, DOM-only or portable list in eslint.config.js.",
      );
      expect(await ruleIdsFor('renderer/src/offender.tsx', "const m = await import('left-pad');\nexport const x = m;\n")).toContain(
        'local/package-boundaries',
      );
    });

    it('each side imports its own kind and the portable ones', async () => {
      expect(await ruleIdsFor('electron/shared/fine.ts', importOf('zod'))).toEqual([]);
      expect(await ruleIdsFor('electron/core/fine.ts', importOf('node-forge'))).toEqual([]);
      expect(await ruleIdsFor('electron/core/fine.ts', importOf('canonicalize'))).toEqual([]);
      expect(await ruleIdsFor('renderer/src/fine.tsx', importOf('@fluentui/react-components'))).toEqual([]);
      expect(await ruleIdsFor('renderer/src/fine.ts', importOf('i18next'))).toEqual([]);
    });
  });
});
