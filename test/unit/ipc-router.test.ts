import { describe, expect, it } from 'vitest';
import { AppError } from '../../electron/core/app-error';
import { createRouter, type Handlers } from '../../electron/core/ipc/router';
import type { Logger } from '../../electron/core/logger';
import { contract } from '../../electron/shared/contract';
import { recordingLogger as recordLines } from '../support/test-core';

function recordingLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  return { lines, ...recordLines(lines) };
}

const volumes = { volumes: [], readAt: '2026-11-26T00:00:00.000Z' };

/** The four channels these tests use; every other channel answers INTERNAL. */
function handlers(overrides: Partial<Handlers> = {}): Handlers {
  const unused = Object.fromEntries(
    Object.keys(contract).map((channel) => [
      channel,
      () => {
        throw new AppError('INTERNAL');
      },
    ]),
  ) as unknown as Handlers;
  return {
    ...unused,
    'app.info': () => ({
      name: 'FieldGuard',
      version: '0.1.0',
      platform: 'linux',
      arch: 'x64',
      hostname: 'h',
      versions: { electron: null, chrome: null, node: '20' },
      dataDir: '/tmp/x',
      sbomPath: null,
    }),
    'disks.list': () => volumes,
    'prefs.get': () => ({ language: 'ja' }),
    'prefs.setLanguage': ({ language }) => ({ language }),
    ...overrides,
  };
}

describe('the IPC router', () => {
  it('answers a valid request with the handler’s validated value', async () => {
    const router = createRouter(handlers(), recordingLogger());
    await expect(router.handle('prefs.setLanguage', { language: 'en' })).resolves.toEqual({ ok: true, value: { language: 'en' } });
  });

  it('refuses a channel that is not in the contract', async () => {
    const reply = await createRouter(handlers(), recordingLogger()).handle('fs.readFile', { path: '/etc/passwd' });
    expect(reply).toEqual({ ok: false, error: { code: 'IPC_UNKNOWN_CHANNEL', messageKey: 'errors.IPC_UNKNOWN_CHANNEL' } });
  });

  it('refuses inherited object keys as channel names', async () => {
    const reply = await createRouter(handlers(), recordingLogger()).handle('constructor', {});
    expect(reply.ok).toBe(false);
    expect(!reply.ok && reply.error.code).toBe('IPC_UNKNOWN_CHANNEL');
  });

  it('refuses an invalid request, naming the field but never echoing the value', async () => {
    const reply = await createRouter(handlers(), recordingLogger()).handle('prefs.setLanguage', { language: '山田太郎' });
    expect(reply).toEqual({
      ok: false,
      error: {
        code: 'IPC_INVALID_REQUEST',
        messageKey: 'errors.IPC_INVALID_REQUEST',
        issues: [{ path: 'language', code: 'invalid_value' }],
      },
    });
    expect(JSON.stringify(reply)).not.toContain('山田太郎');
  });

  it('refuses unknown extra keys in a request', async () => {
    const reply = await createRouter(handlers(), recordingLogger()).handle('disks.list', { path: '/' });
    expect(!reply.ok && reply.error.code).toBe('IPC_INVALID_REQUEST');
  });

  it('passes a service’s refusal through as its typed code', async () => {
    const router = createRouter(
      handlers({
        'disks.list': () => {
          throw new AppError('DISKS_UNAVAILABLE');
        },
      }),
      recordingLogger(),
    );
    await expect(router.handle('disks.list', {})).resolves.toEqual({
      ok: false,
      error: { code: 'DISKS_UNAVAILABLE', messageKey: 'errors.DISKS_UNAVAILABLE' },
    });
  });

  it('turns an unexpected failure into INTERNAL without its message, in the reply or the log', async () => {
    const log = recordingLogger();
    const router = createRouter(
      handlers({
        'disks.list': async () => {
          throw new Error('EACCES: /home/yamada/患者一覧.csv');
        },
      }),
      log,
    );
    const reply = await router.handle('disks.list', {});
    expect(reply).toEqual({ ok: false, error: { code: 'INTERNAL', messageKey: 'errors.INTERNAL' } });
    expect(log.lines.join('\n')).not.toContain('患者');
    expect(log.lines.join('\n')).toContain('ipc.internal-error');
  });

  it('never lets a handler return something the contract does not allow', async () => {
    const router = createRouter(handlers({ 'prefs.get': () => ({ language: 'ja', secret: 'x' }) as never }), recordingLogger());
    // zod strips unknown keys of non-strict response objects: the extra field never crosses.
    await expect(router.handle('prefs.get', {})).resolves.toEqual({ ok: true, value: { language: 'ja' } });
    const broken = createRouter(handlers({ 'prefs.get': () => ({ language: 'fr' }) as never }), recordingLogger());
    const reply = await broken.handle('prefs.get', {});
    expect(!reply.ok && reply.error.code).toBe('IPC_INVALID_RESPONSE');
  });

  it('treats a hostile request object as invalid instead of crashing', async () => {
    const hostile = new Proxy(
      {},
      {
        get() {
          throw new Error('boom');
        },
        ownKeys() {
          throw new Error('boom');
        },
      },
    );
    const reply = await createRouter(handlers(), recordingLogger()).handle('prefs.setLanguage', hostile);
    expect(!reply.ok && reply.error.code).toBe('IPC_INVALID_REQUEST');
  });
});
