/**
 * Lint, including the layer boundaries (docs/decisions.md, "Layout"), enforced here rather than by hope:
 * - `electron` may be imported only in electron/main and electron/preload;
 * - core, db, platform, shared and cli never import electron or the main process;
 * - the renderer imports only electron/shared (through `@shared/…`);
 * - only renderer/src/lib/bridge.ts touches `window.fieldguard`;
 * - only electron/main/ipc.ts registers IPC handlers (ipcMain).
 */
import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const electronImport = { name: 'electron', message: 'Only electron/main and electron/preload may import electron (docs/decisions.md, "Layout").' };

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'tools/**', 'test-results/**', 'playwright-report/**', 'bin/**'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'error',
    },
  },
  {
    files: ['electron/core/**', 'electron/db/**', 'electron/platform/**', 'electron/shared/**', 'electron/cli/**'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [electronImport],
        patterns: [{ group: ['**/main/**', '**/preload/**'], message: 'Core layers must not depend on the Electron shell.' }],
      }],
    },
  },
  {
    files: ['electron/shared/**'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [electronImport],
        patterns: [{ group: ['../core/**', '../db/**', '../platform/**', '../cli/**', '../main/**', 'node:*'], message: 'electron/shared is imported by the renderer: pure TypeScript only.' }],
      }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', {
        paths: [electronImport],
        patterns: [
          { regex: '(^|/)electron(/(?!shared/)|$)', message: 'The renderer may import only electron/shared (as @shared/…).' },
          { group: ['node:*'], message: 'The renderer is sandboxed: no Node modules.' },
        ],
      }],
      'no-restricted-syntax': ['error', {
        selector: "MemberExpression[object.name='window'][property.name='fieldguard']",
        message: 'Only renderer/src/lib/bridge.ts touches window.fieldguard.',
      }],
    },
  },
  {
    files: ['renderer/src/lib/bridge.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    files: ['electron/main/**/*.ts'],
    ignores: ['electron/main/ipc.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'electron', importNames: ['ipcMain', 'ipcRenderer'], message: 'Register IPC only in electron/main/ipc.ts.' }],
      }],
    },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['test/**', 'scripts/**', '*.config.*'],
    rules: { 'no-console': 'off', '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
