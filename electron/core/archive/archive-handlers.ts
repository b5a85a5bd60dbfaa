/**
 * The `archive.*` channels (issue 20): the same archive the CLI's `archive status|settings|sync`
 * works on (archive-queue.ts, archive-settings.ts, sync-archive.ts), for Settings and the
 * dashboard. The secret access key goes into the vault and never comes back out: the screen is
 * only told whether one is stored. 「会社へ保管」 runs as a job with progress and cancel, like an
 * import or a sanitization, and is refused while a visit is in progress.
 */
import type { ArchiveStatus, ArchiveSyncSummary } from '../../shared/archive-ipc';
import { ErrorCode } from '../../shared/errors';
import type { JobProgress } from '../../shared/vault';
import { AppError } from '../app-error';
import type { EmitEvent } from '../events';
import type { Handlers } from '../ipc/router';
import { isCancellation, throttleProgress, type JobRegistry } from '../jobs/job-registry';
import type { VaultService } from '../vault/vault-service';
import type { VaultSession } from '../vault/vault-session';
import { archiveState } from './archive-queue';
import { readArchiveSettings, requireArchiveSettings, saveArchiveSettings, type ArchiveSettings } from './archive-settings';
import type { ArchiveConnection, ArchiveStore } from './archive-store';
import { syncArchiveInWorkers, visitInProgress } from './sync-archive';
import type { ArchiveDestination, ConfirmInMain } from '../confirmations/confirm-in-main';

type ArchiveChannel = Extract<keyof Handlers, `archive.${string}`>;

/** Opens the company's store for one sync (the S3 client in electron/platform/archive; a fake in tests). */
export type OpenArchiveStore = (connection: ArchiveConnection) => ArchiveStore & { destroy(): void };

export interface ArchivePorts {
  readonly vault: VaultService;
  readonly jobs: JobRegistry;
  readonly emit: EmitEvent;
  readonly now: () => Date;
  readonly openStore: OpenArchiveStore;
  /** The verifier worker's entry: each document is checked there before it leaves (syncArchiveInWorkers). */
  readonly verifyWorker: URL;
  /** The main process's own box: asked before the destination of signed documents changes. */
  readonly confirm: ConfirmInMain;
}

/** Where documents go: what the engineer confirms; the credentials alone do not move them. */
function destinationOf(settings: { endpoint: string; region: string; bucket: string; prefix: string }): ArchiveDestination {
  return { endpoint: settings.endpoint, region: settings.region, bucket: settings.bucket, prefix: settings.prefix };
}

const sameDestination = (a: ArchiveDestination, b: ArchiveDestination) =>
  a.endpoint === b.endpoint && a.region === b.region && a.bucket === b.bucket && a.prefix === b.prefix;

/** A stored error is an AppError code; anything else (a record from an older build) is said as a store error. */
function errorCodeOf(code: string): ErrorCode {
  const parsed = ErrorCode.safeParse(code);
  return parsed.success ? parsed.data : 'ARCHIVE_STORE_ERROR';
}

/** Field by field, never a spread: the secret cannot ride along by accident. */
function settingsView(settings: ArchiveSettings): NonNullable<ArchiveStatus['settings']> {
  return {
    endpoint: settings.endpoint,
    region: settings.region,
    bucket: settings.bucket,
    prefix: settings.prefix,
    company: settings.company,
    retentionMode: settings.retentionMode,
    retentionDays: settings.retentionDays,
    accessKeyId: settings.accessKeyId,
    secretStored: settings.secretAccessKey.length > 0,
  };
}

export function archiveStatus(session: VaultSession): ArchiveStatus {
  const state = archiveState(session.db);
  const settings = readArchiveSettings(session.db);
  return {
    ...state,
    failed: state.failed.map((f) => ({ number: f.number, error: errorCodeOf(f.error) })),
    settings: settings ? settingsView(settings) : null,
    visitInProgress: visitInProgress(session),
  };
}

export function createArchiveHandlers(ports: ArchivePorts): Pick<Handlers, ArchiveChannel> {
  const session = () => ports.vault.session();
  return {
    'archive.status': () => archiveStatus(session()),
    'archive.saveSettings': async ({ secretAccessKey, ...settings }) => {
      const s = session();
      const stored = readArchiveSettings(s.db);
      // The stored secret is kept only for the same access key: a new key id without its secret would never sign right.
      const secret = secretAccessKey ?? (stored?.accessKeyId === settings.accessKeyId ? stored.secretAccessKey : undefined);
      if (!secret) throw new AppError('ARCHIVE_SECRET_MISSING');
      const destination = destinationOf(settings);
      const previous = stored ? destinationOf(stored) : null;
      if (!previous || !sameDestination(previous, destination)) await ports.confirm({ kind: 'archive-destination', destination, previous });
      saveArchiveSettings(s, { ...settings, secretAccessKey: secret }, ports.now());
      return archiveStatus(s);
    },
    'archive.sync': async ({ jobId }): Promise<ArchiveSyncSummary> => {
      const s = session();
      // Checked before the store is even opened: at a hospital, not one request leaves the laptop.
      if (visitInProgress(s)) throw new AppError('ARCHIVE_VISIT_IN_PROGRESS');
      const store = ports.openStore(requireArchiveSettings(s.db));
      const progress = throttleProgress<JobProgress>((value) => ports.emit('job.progress', value));
      try {
        const result = await ports.jobs.run(jobId, (signal) =>
          syncArchiveInWorkers(
            s,
            store,
            {
              now: ports.now,
              signal,
              onProgress: ({ done, total }) =>
                progress.report({ jobId, kind: 'archive', filesDone: done, filesTotal: total, bytesDone: 0, bytesTotal: 0, step: null }),
            },
            ports.verifyWorker,
          ).catch((error: unknown) => {
            throw isCancellation(error) ? new AppError('JOB_CANCELLED') : error;
          }),
        );
        progress.flush();
        return {
          archived: result.archived,
          alreadyThere: result.alreadyThere,
          refused: [...result.refused],
          failed: result.failed.map((f) => ({ number: f.number, error: errorCodeOf(f.error) })),
        };
      } finally {
        store.destroy();
      }
    },
  };
}
