/**
 * One Vite toolchain for the three Electron targets (docs/decisions.md, "Build"). The preload is
 * CommonJS because sandboxed preloads cannot be ES modules; the renderer's index.html gets
 * its CSP meta tag from the same constant the app:// protocol sends as a header.
 */
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';
import { CONTENT_SECURITY_POLICY } from './electron/main/content-security-policy';

const shared = resolve(import.meta.dirname, 'electron/shared');

function contentSecurityPolicyMeta(): Plugin {
  return {
    name: 'fieldguard-csp',
    transformIndexHtml: (html) => html.replace('%FIELDGUARD_CSP%', CONTENT_SECURITY_POLICY),
  };
}

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          index: resolve(import.meta.dirname, 'electron/main/index.ts'),
          // Erasure runs in a worker thread (electron/core/erasure/erasure-worker.ts).
          'erasure-worker': resolve(import.meta.dirname, 'electron/core/erasure/erasure-worker.ts'),
          // Certificates are verified in a worker thread too (electron/core/certificates/verify-worker.ts).
          'verify-worker': resolve(import.meta.dirname, 'electron/core/certificates/verify-worker.ts'),
          // Content disarm rebuilds files in a worker thread too (electron/core/sanitize/rebuild/rebuild-worker.ts).
          'rebuild-worker': resolve(import.meta.dirname, 'electron/core/sanitize/rebuild/rebuild-worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rollupOptions: {
        input: { index: resolve(import.meta.dirname, 'electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(import.meta.dirname, 'renderer'),
    resolve: { alias: { '@shared': shared } },
    plugins: [react(), contentSecurityPolicyMeta()],
    build: {
      outDir: resolve(import.meta.dirname, 'out/renderer'),
      rollupOptions: { input: resolve(import.meta.dirname, 'renderer/index.html') },
    },
  },
});
