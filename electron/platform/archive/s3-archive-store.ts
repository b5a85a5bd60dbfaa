/**
 * The archive port on @aws-sdk/client-s3 (issue 20): AWS S3 or any store that speaks S3 with
 * Object Lock (Ceph's RADOS Gateway on premises). Path-style addressing, because on-premises
 * stores are reached by an IP or a host name without wildcard DNS. The SDK's default CRC32
 * checksums are turned off in favour of the one FieldGuard asks for on every write: SHA-256,
 * the hash the vault and the evidence already use, also kept as object metadata so that a
 * store that does not return checksums still tells what it holds. Content-MD5 goes with it:
 * AWS checks both, but Ceph before Reef (Debian's 16.2) ignores x-amz-checksum-sha256 and
 * checks only Content-MD5, so the body is checked in transit on either.
 */
import { createHash } from 'node:crypto';
import {
  GetObjectCommand,
  GetObjectLockConfigurationCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  PutObjectLegalHoldCommand,
  S3Client,
  S3ServiceException,
  type ListObjectsV2CommandOutput,
} from '@aws-sdk/client-s3';
import type { ArchiveConnection, ArchiveListing, ArchiveStore, ArchivedObject, RetentionMode } from '../../core/archive/archive-store';
import { AppError } from '../../core/app-error';

/** The metadata key (x-amz-meta-sha256) that repeats the checksum. */
const SHA256_METADATA = 'sha256';

function isNotFound(error: unknown): boolean {
  return (
    error instanceof S3ServiceException &&
    (error.$metadata.httpStatusCode === 404 || error.name === 'NoSuchKey' || error.name === 'NotFound' || error.name === 'NoSuchVersion')
  );
}

/** What went wrong, as an error code a user can act on; never the store's message (it may echo keys). */
function storeError(error: unknown): Error {
  if (error instanceof AppError) return error;
  if (error instanceof Error && error.name === 'AbortError') return new AppError('JOB_CANCELLED');
  if (error instanceof S3ServiceException) {
    const status = error.$metadata.httpStatusCode ?? 0;
    if (error.name === 'InvalidAccessKeyId' || error.name === 'SignatureDoesNotMatch') return new AppError('ARCHIVE_CREDENTIALS_REJECTED');
    if (status === 403 || error.name === 'AccessDenied') return new AppError('ARCHIVE_ACCESS_DENIED');
    if (error.name === 'NoSuchBucket') return new AppError('ARCHIVE_BUCKET_NOT_FOUND');
    if (error.name === 'BadDigest' || /checksum/i.test(error.name)) return new AppError('ARCHIVE_CHECKSUM_REJECTED');
    return new AppError('ARCHIVE_STORE_ERROR', { status });
  }
  return new AppError('ARCHIVE_UNREACHABLE');
}

async function guarded<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw storeError(error);
  }
}

const modeOf = (value: string | undefined): RetentionMode | null => (value === 'COMPLIANCE' || value === 'GOVERNANCE' ? value : null);

export function createS3ArchiveStore(connection: ArchiveConnection): ArchiveStore & { destroy(): void } {
  const client = new S3Client({
    endpoint: connection.endpoint,
    region: connection.region,
    forcePathStyle: true,
    credentials: { accessKeyId: connection.accessKeyId, secretAccessKey: connection.secretAccessKey },
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    maxAttempts: 3,
  });
  const Bucket = connection.bucket;
  const options = (signal?: AbortSignal) => (signal ? { abortSignal: signal } : {});

  return {
    async objectLockEnabled(signal) {
      try {
        const answer = await client.send(new GetObjectLockConfigurationCommand({ Bucket }), options(signal));
        return answer.ObjectLockConfiguration?.ObjectLockEnabled === 'Enabled';
      } catch (error) {
        if (error instanceof S3ServiceException && error.name === 'ObjectLockConfigurationNotFoundError') return false;
        throw storeError(error);
      }
    },

    putObject(object, signal) {
      return guarded(async () => {
        const answer = await client.send(
          new PutObjectCommand({
            Bucket,
            Key: object.key,
            Body: object.body,
            ContentType: object.contentType,
            ContentLength: object.body.length,
            ChecksumAlgorithm: 'SHA256',
            ChecksumSHA256: Buffer.from(object.sha256, 'hex').toString('base64'),
            ContentMD5: createHash('md5').update(object.body).digest('base64'),
            Metadata: { [SHA256_METADATA]: object.sha256 },
            ObjectLockMode: object.retention.mode,
            ObjectLockRetainUntilDate: object.retention.retainUntil,
          }),
          options(signal),
        );
        // A store without versioning gives no version id: without one nothing proves which bytes were kept.
        if (!answer.VersionId) throw new AppError('ARCHIVE_NOT_VERSIONED');
        return { versionId: answer.VersionId };
      });
    },

    async headObject(key, signal): Promise<ArchivedObject | null> {
      try {
        const head = await client.send(new HeadObjectCommand({ Bucket, Key: key }), options(signal));
        const mode = modeOf(head.ObjectLockMode);
        const sha256 = head.Metadata?.[SHA256_METADATA];
        return {
          key,
          versionId: head.VersionId ?? '',
          size: head.ContentLength ?? 0,
          sha256: sha256 && /^[0-9a-f]{64}$/.test(sha256) ? sha256 : null,
          retention: mode && head.ObjectLockRetainUntilDate ? { mode, retainUntil: head.ObjectLockRetainUntilDate.toISOString() } : null,
          legalHold: head.ObjectLockLegalHoldStatus === 'ON',
          lastModified: head.LastModified?.toISOString() ?? null,
        };
      } catch (error) {
        if (isNotFound(error)) return null;
        throw storeError(error);
      }
    },

    async getObject(key, versionId, signal) {
      try {
        const answer = await client.send(
          new GetObjectCommand({ Bucket, Key: key, ...(versionId ? { VersionId: versionId } : {}) }),
          options(signal),
        );
        const bytes = await answer.Body?.transformToByteArray();
        return bytes ? Buffer.from(bytes) : Buffer.alloc(0);
      } catch (error) {
        if (isNotFound(error)) return null;
        throw storeError(error);
      }
    },

    listObjects(prefix, signal) {
      return guarded(async () => {
        const listed: ArchiveListing[] = [];
        let token: string | undefined;
        do {
          const page: ListObjectsV2CommandOutput = await client.send(
            new ListObjectsV2Command({ Bucket, Prefix: prefix, ...(token ? { ContinuationToken: token } : {}) }),
            options(signal),
          );
          for (const item of page.Contents ?? [])
            if (item.Key) listed.push({ key: item.Key, size: item.Size ?? 0, lastModified: item.LastModified?.toISOString() ?? null });
          token = page.IsTruncated ? page.NextContinuationToken : undefined;
        } while (token);
        return listed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
      });
    },

    setLegalHold(key, versionId, on, signal) {
      return guarded(async () => {
        await client.send(
          new PutObjectLegalHoldCommand({
            Bucket,
            Key: key,
            VersionId: versionId,
            LegalHold: { Status: on ? 'ON' : 'OFF' },
            ChecksumAlgorithm: 'SHA256',
          }),
          options(signal),
        );
      });
    },

    destroy() {
      client.destroy();
    },
  };
}
