/**
 * The company archive as the integration tests of issue 20 need it, set up once per file: a
 * single-node Ceph with an Object Lock bucket (test/support/ceph-s3.ts), an administrator's S3
 * client, and an engineer's vault enrolled with a company authority made for the test. What a
 * failed set-up had already started is stopped before the error goes on, so that a file's
 * afterAll has either everything or nothing to take down.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { S3Client } from '@aws-sdk/client-s3';
import type { ArchiveSettingsInput } from '../../electron/shared/archive';
import { adminClient, createLockedBucket, startCephS3, type CephS3 } from './ceph-s3';
import { enrollWithNewAuthority, type TestAuthority } from './company-authority';
import { createTestCore, type TestCore } from './test-core';

export interface ArchiveOnCeph {
  readonly work: string;
  readonly s3: CephS3;
  readonly admin: S3Client;
  readonly core: TestCore;
  readonly authority: TestAuthority;
  /** What the company policy names for this bucket: the settings an engineer's vault saves. */
  readonly settings: ArchiveSettingsInput;
}

/** `name` names the scratch folder; the vault is created and left unlocked. */
export async function openArchiveOnCeph(name: string, bucket: string): Promise<ArchiveOnCeph> {
  const work = await mkdtemp(path.join(os.tmpdir(), `fieldguard-${name}-`));
  const started: Partial<Omit<ArchiveOnCeph, 'work' | 'settings' | 'authority'>> & { work: string } = { work };
  try {
    const s3 = await startCephS3();
    Object.assign(started, { s3 });
    const admin = adminClient(s3);
    Object.assign(started, { admin });
    await createLockedBucket(admin, bucket);
    const core = await createTestCore();
    Object.assign(started, { core });
    await core.createVault({ passwordOnly: true });
    const authority = await enrollWithNewAuthority(core.vault.session(), path.join(work, 'authority'), new Date());
    const settings = {
      endpoint: s3.endpoint,
      region: s3.region,
      bucket,
      prefix: 'fieldguard',
      company: 'toto-medical',
      accessKeyId: s3.accessKeyId,
      secretAccessKey: s3.secretAccessKey,
    };
    return { work, s3, admin, core, authority, settings };
  } catch (error) {
    await closeArchiveOnCeph(started);
    throw error;
  }
}

/** Takes down what openArchiveOnCeph started (nothing when it was never opened). */
export async function closeArchiveOnCeph(
  archive: Partial<Pick<ArchiveOnCeph, 'work' | 's3' | 'admin' | 'core'>> | undefined,
): Promise<void> {
  await archive?.core?.cleanup();
  archive?.admin?.destroy();
  await archive?.s3?.stop();
  if (archive?.work) await rm(archive.work, { recursive: true, force: true });
}
