/**
 * The port to the company's write-once object store (issue 20): any S3-compatible store with
 * Object Lock — AWS S3, Ceph's RADOS Gateway. The archive's logic (what to send, under which
 * key, when) lives in core; the S3 calls live in electron/platform/archive, so that core never
 * depends on one SDK and the tests can check the logic against the real store.
 */

import { retentionModes } from '../../shared/archive';

export { retentionModes };
/** COMPLIANCE: nobody, not even the bucket's administrator, can shorten it or delete early. GOVERNANCE: a privileged user can. */
export type RetentionMode = (typeof retentionModes)[number];

export interface ArchiveObjectToPut {
  readonly key: string;
  readonly body: Buffer;
  readonly contentType: string;
  /** SHA-256 of `body`, lowercase hex: sent as the checksum the store checks, and kept as metadata. */
  readonly sha256: string;
  readonly retention: { readonly mode: RetentionMode; readonly retainUntil: Date };
}

export interface ArchivedObject {
  readonly key: string;
  readonly versionId: string;
  readonly size: number;
  /** The SHA-256 recorded with the object (lowercase hex), or null for an object FieldGuard did not put. */
  readonly sha256: string | null;
  readonly retention: { readonly mode: RetentionMode; readonly retainUntil: string } | null;
  readonly legalHold: boolean;
  readonly lastModified: string | null;
}

export interface ArchiveListing {
  readonly key: string;
  readonly size: number;
  readonly lastModified: string | null;
}

export interface ArchiveStore {
  /** Checks the bucket exists and has Object Lock enabled (it can only be enabled when the bucket is created). */
  objectLockEnabled(signal?: AbortSignal): Promise<boolean>;
  /** Writes a new version with its retention; returns the version id the store gave it. */
  putObject(object: ArchiveObjectToPut, signal?: AbortSignal): Promise<{ versionId: string }>;
  /** The current version's facts, or null when there is no object under the key. */
  headObject(key: string, signal?: AbortSignal): Promise<ArchivedObject | null>;
  /** The bytes of the current version (or of `versionId`), or null when there is none. */
  getObject(key: string, versionId?: string, signal?: AbortSignal): Promise<Buffer | null>;
  /** Every current object under the prefix, in key order. */
  listObjects(prefix: string, signal?: AbortSignal): Promise<ArchiveListing[]>;
  /** Sets or clears a legal hold on one version: while held it cannot be deleted whatever its retention. */
  setLegalHold(key: string, versionId: string, on: boolean, signal?: AbortSignal): Promise<void>;
}

/** Where the archive is and who the engineer is to it (the company's policy; the secret stays in the vault). */
export interface ArchiveConnection {
  readonly endpoint: string;
  readonly region: string;
  readonly bucket: string;
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
}
