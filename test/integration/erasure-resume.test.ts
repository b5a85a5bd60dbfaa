/**
 * The Erasure screen's "interrupted job" banner: a job left planned or running by a crash is
 * offered for resumption and finishes; a job running right now is neither offered nor
 * started twice.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { planErasure } from '../../electron/core/erasure/plan-erasure';
import { errorCodeOf } from '../support/error-code';
import { createTestCore, type TestCore } from '../support/test-core';

let core: TestCore;
let folder: string;

beforeEach(async () => {
  core = await createTestCore();
  await core.createVault();
  folder = `${core.dataDir}-target`;
  await mkdir(folder, { recursive: true });
  await writeFile(path.join(folder, 'a.bin'), Buffer.alloc(64 * 1024, 1));
  await writeFile(path.join(folder, 'b.bin'), Buffer.alloc(64 * 1024, 2));
});
afterEach(async () => {
  await core.cleanup();
});

describe('interrupted erasure jobs', () => {
  it('a job planned before a crash is offered, resumes to the end, and is then no longer offered', async () => {
    const erasureJobId = await planErasure(core.vault.session().db, { targets: [folder], method: 'zeros-verify', siteReference: JSON.stringify({ hospital: '東都病院' }) });
    const { jobs } = await core.handlers['erasure.interrupted']({});
    expect(jobs).toEqual([expect.objectContaining({ erasureJobId, remaining: 3 })]);

    const summary = await core.handlers['erasure.resume']({ jobId: crypto.randomUUID(), erasureJobId });
    expect(summary).toMatchObject({ status: 'erased', filesErased: 2 });
    expect((await core.handlers['erasure.interrupted']({})).jobs).toEqual([]);
    expect(await errorCodeOf(() => core.handlers['erasure.resume']({ jobId: crypto.randomUUID(), erasureJobId }))).toBe('ERASURE_JOB_NOT_RUNNABLE');
  });

  it('a job running now is not offered, and a second start of it is refused', async () => {
    const erasureJobId = await planErasure(core.vault.session().db, { targets: [folder], method: 'three-pass' });
    const first = core.handlers['erasure.resume']({ jobId: crypto.randomUUID(), erasureJobId });
    expect(await errorCodeOf(() => core.handlers['erasure.resume']({ jobId: crypto.randomUUID(), erasureJobId }))).toBe('ERASURE_JOB_NOT_RUNNABLE');
    expect((await core.handlers['erasure.interrupted']({})).jobs).toEqual([]);
    await expect(first).resolves.toMatchObject({ status: 'erased' });
  });
});
