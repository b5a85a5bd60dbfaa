/**
 * The layer boundaries (docs/decisions.md, "Layout") fail lint when crossed: this lints small offending
 * files placed (virtually) in each layer with the project's real ESLint configuration.
 */
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: path.resolve(import.meta.dirname, '../..') });

async function ruleIdsFor(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: file });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

describe('layer boundaries', () => {
  for (const layer of ['core', 'db', 'platform', 'shared', 'cli']) {
    it(`electron/${layer} may not import electron`, async () => {
      expect(await ruleIdsFor(`electron/${layer}/offender.ts`, "import { app } from 'electron';\nexport const x = app;\n")).toContain('no-restricted-imports');
    });
  }

  it('electron/main and electron/preload may import electron', async () => {
    expect(await ruleIdsFor('electron/main/fine.ts', "import { app } from 'electron';\nexport const x = app;\n")).toEqual([]);
    expect(await ruleIdsFor('electron/preload/fine.ts', "import { contextBridge } from 'electron';\nexport const x = contextBridge;\n")).toEqual([]);
  });

  it('core may not reach into the main process', async () => {
    expect(await ruleIdsFor('electron/core/offender.ts', "import { registerIpc } from '../main/ipc';\nexport const x = registerIpc;\n")).toContain('no-restricted-imports');
  });

  it('the renderer may import electron/shared but nothing else of electron/', async () => {
    expect(await ruleIdsFor('renderer/src/offender.ts', "import { createRouter } from '../../electron/core/ipc/router';\nexport const x = createRouter;\n")).toContain('no-restricted-imports');
    expect(await ruleIdsFor('renderer/src/offender.ts', "import fs from 'node:fs';\nexport const x = fs;\n")).toContain('no-restricted-imports');
    expect(await ruleIdsFor('renderer/src/fine.ts', "import { contract } from '../../electron/shared/contract';\nexport const x = contract;\n")).toEqual([]);
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
    expect(await ruleIdsFor('electron/shared/offender.ts', "import fs from 'node:fs';\nexport const x = fs;\n")).toContain('no-restricted-imports');
  });
});
