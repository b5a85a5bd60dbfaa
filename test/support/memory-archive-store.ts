/**
 * An in-memory stand-in for the company's write-once store, for tests of what the app does
 * around a sync (the IPC handlers, the screens' harness) — not of S3 itself: the real store
 * with Object Lock is exercised against Ceph in test/integration/archive-*.test.ts. Like the
 * real one it never overwrites: every put is a new version, and the newest is current.
 */
import type { ArchiveObjectToPut, ArchiveStore, ArchivedObject } from '../../electron/core/archive/archive-store';
import type { ArchiveConnection } from '../../electron/core/archive/archive-store';
import { AppError } from '../../electron/core/app-error';

export interface MemoryArchiveStore extends ArchiveStore {
  readonly versions: Map<string, ArchiveObjectToPut[]>;
  /** The connections the app opened the store with (to check which secret it used). */
  readonly opened: ArchiveConnection[];
  /** Called before each put: a test can cancel the job there, or fail the put. */
  beforePut: (key: string) => void;
  destroy(): void;
}

export function memoryArchiveStore(): MemoryArchiveStore {
  const versions = new Map<string, ArchiveObjectToPut[]>();
  const current = (key: string) => versions.get(key)?.at(-1) ?? null;
  const facts = (key: string, object: ArchiveObjectToPut, index: number): ArchivedObject => ({
    key,
    versionId: `v${index + 1}`,
    size: object.body.length,
    sha256: object.sha256,
    retention: { mode: object.retention.mode, retainUntil: object.retention.retainUntil.toISOString() },
    legalHold: false,
    lastModified: null,
  });
  const store: MemoryArchiveStore = {
    versions,
    opened: [],
    beforePut: () => undefined,
    destroy: () => undefined,
    objectLockEnabled: async () => true,
    async putObject(object, signal) {
      store.beforePut(object.key);
      // As the S3 client does: a request whose job was cancelled before the store answered is not kept.
      if (signal?.aborted) throw new AppError('JOB_CANCELLED');
      const list = versions.get(object.key) ?? [];
      list.push(object);
      versions.set(object.key, list);
      return { versionId: `v${list.length}` };
    },
    async headObject(key) {
      const object = current(key);
      return object ? facts(key, object, (versions.get(key)?.length ?? 1) - 1) : null;
    },
    async getObject(key) {
      return current(key)?.body ?? null;
    },
    async listObjects(prefix) {
      return [...versions.keys()]
        .filter((key) => key.startsWith(prefix))
        .sort()
        .map((key) => ({ key, size: current(key)?.body.length ?? 0, lastModified: null }));
    },
    async setLegalHold() {},
  };
  return store;
}
