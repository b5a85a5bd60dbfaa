/**
 * Property: every channel of the contract, sent random and malformed requests, answers
 * with a typed reply — a validation error when the schema refuses the request — and never
 * crashes, hangs, rejects or returns a stack trace. The test enumerates the contract, so
 * channels added later are covered without touching it.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRouter, type Router } from '../../electron/core/ipc/router';
import { silentLogger } from '../../electron/core/logger';
import { contract } from '../../electron/shared/contract';
import { ErrorCode, type IpcReply } from '../../electron/shared/errors';
import { createTestCore, type TestCore } from '../support/test-core';

let core: TestCore;
let router: Router;
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => void unhandled.push(reason);

beforeAll(async () => {
  core = await createTestCore();
  router = createRouter(core.handlers, silentLogger);
  process.on('unhandledRejection', onUnhandled);
});

afterAll(async () => {
  process.off('unhandledRejection', onUnhandled);
  await core.cleanup();
});

const hostileValues = fc.oneof(
  fc.anything({
    withBigInt: true,
    withDate: true,
    withMap: true,
    withSet: true,
    withTypedArray: true,
    withNullPrototype: true,
    withSparseArray: true,
  }),
  fc.constantFrom('__proto__', 'constructor', { __proto__: { polluted: true } }, { toString: 'x' }, '\u0000', 'a'.repeat(100_000)),
);
const malformedRequests = fc.oneof(hostileValues, fc.dictionary(fc.string(), hostileValues), fc.record({ language: hostileValues }));

function withDeadline<T>(promise: Promise<T>, ms: number): Promise<T> {
  return Promise.race([promise, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`no reply within ${ms} ms`)), ms))]);
}

function expectTypedReply(reply: IpcReply<unknown>): void {
  expect(typeof reply).toBe('object');
  expect(JSON.stringify(reply)).not.toMatch(/\n\s+at |Error:|node:internal/);
  if (!reply.ok) {
    expect(ErrorCode.options).toContain(reply.error.code);
    expect(reply.error.messageKey).toBe(`errors.${reply.error.code}`);
  }
}

describe('every channel of the contract under random and malformed requests', () => {
  for (const [channel, definition] of Object.entries(contract)) {
    it(`${channel} answers a typed validation error, never a crash`, async () => {
      await fc.assert(
        fc.asyncProperty(malformedRequests, async (request) => {
          const reply = await withDeadline(router.handle(channel, request), 5_000);
          expectTypedReply(reply);
          if (!definition.request.safeParse(request).success) {
            expect(reply).toMatchObject({ ok: false, error: { code: 'IPC_INVALID_REQUEST' } });
          }
        }),
        { numRuns: 150 },
      );
      expect(unhandled).toEqual([]);
    });
  }

  it('a channel name that is not in the contract gets IPC_UNKNOWN_CHANNEL', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string(), hostileValues), malformedRequests, async (channel, request) => {
        fc.pre(!(typeof channel === 'string' && Object.hasOwn(contract, channel)));
        const reply = await withDeadline(router.handle(channel, request), 5_000);
        expect(reply).toMatchObject({ ok: false, error: { code: 'IPC_UNKNOWN_CHANNEL' } });
      }),
      { numRuns: 300 },
    );
  });

  it('no prototype was polluted on the way', () => {
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
