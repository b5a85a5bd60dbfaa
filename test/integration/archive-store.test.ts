/**
 * The archive port against a real store with Object Lock (issue 20): a single-node Ceph RADOS
 * Gateway started for this file. What a security office relies on is shown with the store's
 * own answers: an object put with COMPLIANCE retention gets a version id and its retention; the
 * store refuses to delete that version or to shorten its retention, and a second write under
 * the same key leaves the first version's bytes untouched; a body that does not match the
 * digest sent with it is refused; a bucket created without Object Lock is reported as such.
 */
import { createHash } from 'node:crypto';
import {
  CreateBucketCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  PutObjectCommand,
  PutObjectRetentionCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createS3ArchiveStore } from '../../electron/platform/archive/s3-archive-store';
import { adminClient, cephMissing, createLockedBucket, startCephS3, type CephS3 } from '../support/ceph-s3';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const DAY = 24 * 60 * 60 * 1000;

describe.skipIf(cephMissing !== null)(cephMissing ?? 'the archive store on Ceph with Object Lock', () => {
  let s3: CephS3;
  let admin: S3Client;
  let store: ReturnType<typeof createS3ArchiveStore>;

  beforeAll(async () => {
    s3 = await startCephS3();
    admin = adminClient(s3);
    await createLockedBucket(admin, 'evidence');
    store = createS3ArchiveStore({ ...s3, bucket: 'evidence' });
  }, 120_000);
  afterAll(async () => {
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- unset when the setup failed
    store?.destroy();
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- unset when the setup failed
    admin?.destroy();
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- unset when the setup failed
    await s3?.stop();
  });

  it('puts with COMPLIANCE retention and its SHA-256 recorded, and gives a version id', async () => {
    expect(await store.objectLockEnabled()).toBe(true);
    const body = Buffer.from('%PDF-1.7 erasure certificate E-20417-ER-2026-000001');
    const retainUntil = new Date(Date.now() + 5 * 365 * DAY);
    const { versionId } = await store.putObject({
      key: 'fg/c/e/erasure/2026/12/one.pdf',
      body,
      contentType: 'application/pdf',
      sha256: sha256(body),
      retention: { mode: 'COMPLIANCE', retainUntil },
    });
    expect(versionId).not.toBe('');
    const head = await store.headObject('fg/c/e/erasure/2026/12/one.pdf');
    expect(head).toMatchObject({ versionId, size: body.length, sha256: sha256(body), legalHold: false });
    expect(head?.retention?.mode).toBe('COMPLIANCE');
    expect(Math.abs(Date.parse(head!.retention!.retainUntil) - retainUntil.getTime())).toBeLessThan(1000);
    expect(await store.getObject('fg/c/e/erasure/2026/12/one.pdf')).toEqual(body);
    expect(await store.headObject('fg/c/e/erasure/2026/12/none.pdf')).toBeNull();
    expect(await store.listObjects('fg/c/')).toEqual([
      expect.objectContaining({ key: 'fg/c/e/erasure/2026/12/one.pdf', size: body.length }),
    ]);
  });

  it('refuses to delete an archived version or shorten its retention; a new write leaves the old bytes', async () => {
    const key = 'fg/c/e/erasure/2026/12/two.pdf';
    const original = Buffer.from('original signed bytes');
    const { versionId } = await store.putObject({
      key,
      body: original,
      contentType: 'application/pdf',
      sha256: sha256(original),
      retention: { mode: 'COMPLIANCE', retainUntil: new Date(Date.now() + 30 * DAY) },
    });

    const deleted = await admin
      .send(new DeleteObjectCommand({ Bucket: 'evidence', Key: key, VersionId: versionId }))
      .catch((error: unknown) => error);
    expect(deleted).toBeInstanceOf(Error);
    expect((deleted as Error).name).toBe('AccessDenied');
    const shortened = await admin
      .send(
        new PutObjectRetentionCommand({
          Bucket: 'evidence',
          Key: key,
          VersionId: versionId,
          Retention: { Mode: 'COMPLIANCE', RetainUntilDate: new Date(Date.now() + DAY) },
          ChecksumAlgorithm: 'SHA256',
        }),
      )
      .catch((error: unknown) => error);
    expect(shortened).toBeInstanceOf(Error);

    const forged = Buffer.from('forged bytes');
    const second = await store.putObject({
      key,
      body: forged,
      contentType: 'application/pdf',
      sha256: sha256(forged),
      retention: { mode: 'COMPLIANCE', retainUntil: new Date(Date.now() + 30 * DAY) },
    });
    expect(second.versionId).not.toBe(versionId);
    const kept = await admin.send(new GetObjectCommand({ Bucket: 'evidence', Key: key, VersionId: versionId }));
    expect(Buffer.from(await kept.Body!.transformToByteArray())).toEqual(original);
    expect(await store.getObject(key, versionId)).toEqual(original);
  });

  it('a legal hold is set on a version and read back', async () => {
    const key = 'fg/c/e/visit/2026/12/held.pdf';
    const body = Buffer.from('visit report');
    const { versionId } = await store.putObject({
      key,
      body,
      contentType: 'application/pdf',
      sha256: sha256(body),
      retention: { mode: 'GOVERNANCE', retainUntil: new Date(Date.now() + DAY) },
    });
    await store.setLegalHold(key, versionId, true);
    expect((await store.headObject(key))?.legalHold).toBe(true);
  });

  it('the store checks the body against the digest sent with it (Content-MD5: Ceph 16 checks no other)', async () => {
    const body = Buffer.from('what the laptop holds');
    const refused = await admin
      .send(
        new PutObjectCommand({
          Bucket: 'evidence',
          Key: 'fg/c/e/erasure/2026/12/bad.pdf',
          Body: body,
          ContentMD5: createHash('md5').update('something else').digest('base64'),
        }),
      )
      .catch((error: unknown) => error);
    expect((refused as Error).name).toBe('BadDigest');
    expect(await store.headObject('fg/c/e/erasure/2026/12/bad.pdf')).toBeNull();
  });

  it('a bucket made without Object Lock is reported, so nothing is sent there', async () => {
    await admin.send(new CreateBucketCommand({ Bucket: 'plain' }));
    expect(await createS3ArchiveStore({ ...s3, bucket: 'plain' }).objectLockEnabled()).toBe(false);
  });
});
