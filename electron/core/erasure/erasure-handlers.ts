/**
 * The `erasure.*` channels. Targets are opaque handles this module issues after a native
 * dialog, or after checking that a mount point is a removable volume the OS lists — a
 * compromised renderer cannot name a path to erase (docs/decisions.md, "IPC"). Starting a job needs
 * the confirmation the screen asks for — the number of files about to be erased — and then the
 * main process's own box (confirm-in-main.ts), which names the volume by label, model and serial,
 * the picked paths and the vault's collections: a compromised renderer can add targets and type
 * the count, but not answer that box. What the dialog
 * returns is resolved as `fieldguard erase` resolves its arguments (resolve-targets.ts): a link,
 * a missing or empty folder, or a mount point is refused with its code as soon as it is picked.
 */
import { randomUUID } from 'node:crypto';
import { lstat, readdir } from 'node:fs/promises';
import path from 'node:path';
import type { DataFolderReport } from '../../shared/data-folder';
import { ErasureSummary, type ErasureTarget, type SiteDetails } from '../../shared/erasure';
import type { JobProgress } from '../../shared/vault';
import { AppError } from '../app-error';
import type { ConfirmInMain, Question, VolumeToErase } from '../confirmations/confirm-in-main';
import type { Dialogs } from '../dialogs';
import type { ReadVolumes } from '../disks/list-volumes';
import type { EmitEvent } from '../events';
import type { Handlers } from '../ipc/router';
import { isCancellation, throttleProgress, type JobRegistry } from '../jobs/job-registry';
import type { VaultService } from '../vault/vault-service';
import { eraseItem, listItems } from '../vault/vault-items';
import { readVaultMeta, writeVaultMeta } from '../vault/vault-meta';
import type { VaultSession } from '../vault/vault-session';
import { withIssueLock } from '../certificates/issue-lock';
import { countersignaturePng, issueErasureCertificate, thisLaptop, type CryptoErasedItem } from './erasure-certificate';
import { erasureEvidence } from './erasure-evidence';
import type { ReadMedium } from './medium';
import { abandonJob, getJob, listJobItems } from './erasure-journal';
import { auditErasureEnd, auditErasureStart, planAndAuditErasure, siteFromReference, type ErasureRunner } from './erasure-workflow';
import {
  erasureResultOf,
  markErasureResultIssued,
  pendingErasureResults,
  recordErasureResult,
  type KeptErasureResult,
} from './erasure-results';
import { resolveTargets } from './resolve-targets';
import { erasedDeviceOf, linkIssuedDeviceErasure } from './whole-medium/erased-device';
import { findInterruptedJobs, summarize } from './run-erasure-job';

type ErasureChannel = Extract<keyof Handlers, `erasure.${string}`>;

interface RegisteredTarget extends ErasureTarget {
  readonly paths: readonly string[];
  /** For a vault collection: the items to crypto-erase. */
  readonly itemIds: readonly string[];
  /** For a volume: its label as the OS lists it, for the confirmation box. */
  readonly volumeLabel?: string | null;
}

export interface ErasurePorts {
  readonly vault: VaultService;
  readonly jobs: JobRegistry;
  readonly dialogs: Dialogs;
  readonly readVolumes: ReadVolumes;
  readonly emit: EmitEvent;
  readonly now: () => Date;
  readonly toolVersion: string;
  readonly fontPath?: string;
  /** Runs a job to its end: in a worker thread (erasure-workflow.ts). */
  readonly runErasure: ErasureRunner;
  /** Reads the medium under each target when a job is planned; it is journaled with the plan and graded on the certificate. */
  readonly readMedium: ReadMedium;
  /** What might copy the data folder, checked just before vault data is crypto-erased: the certificate's precondition. */
  readonly inspectDataFolder: () => Promise<DataFolderReport>;
  /** The main process's own confirmation box, the last step before anything is erased. */
  readonly confirm: ConfirmInMain;
}

/** Files and bytes under the chosen paths, links not followed: what the screen shows before erasing. */
async function countTree(paths: readonly string[]): Promise<{ files: number; bytes: number }> {
  let files = 0;
  let bytes = 0;
  const visit = async (file: string): Promise<void> => {
    const info = await lstat(file).catch(() => null);
    if (!info) return;
    if (info.isDirectory()) {
      for (const entry of await readdir(file).catch(() => [] as string[])) await visit(path.join(file, entry));
    } else if (info.isFile()) {
      files += 1;
      bytes += info.size;
    }
  };
  for (const chosen of paths) await visit(chosen);
  return { files, bytes };
}

export interface Erasure {
  readonly handlers: Pick<Handlers, ErasureChannel>;
  /**
   * Runs a job planned in this process by a screen that asked its own main-process question
   * first (a whole device: `erase-device`), as `erasure.resume` runs an interrupted one but
   * without asking "resume?" of a job that was never interrupted.
   */
  readonly runPlanned: (uiJobId: string, erasureJobId: string) => Promise<ErasureSummary>;
}

export function createErasure(ports: ErasurePorts): Erasure {
  const targets = new Map<string, RegisteredTarget>();
  /** Jobs running in this process right now: not "interrupted", and never started twice. */
  const active = new Set<string>();
  const list = () => ({
    targets: [...targets.values()].map(({ paths: _paths, itemIds: _itemIds, volumeLabel: _volumeLabel, ...target }) => target),
  });

  async function run(uiJobId: string, erasureJobId: string): Promise<ErasureSummary> {
    const session = ports.vault.session();
    const progress = throttleProgress<JobProgress>((value) => ports.emit('job.progress', value));
    return ports.jobs.run(uiJobId, async (signal) => {
      if (active.has(erasureJobId)) throw new AppError('ERASURE_JOB_NOT_RUNNABLE');
      active.add(erasureJobId);
      try {
        await ports.runErasure(session, erasureJobId, {
          signal,
          onProgress: (p) =>
            progress.report({
              jobId: uiJobId,
              kind: 'erase',
              filesDone: p.filesDone,
              filesTotal: p.filesTotal,
              bytesDone: p.bytesDone,
              bytesTotal: p.bytesTotal,
              step: p.phase,
              currentPass: p.currentPass,
              passes: p.passes,
              throughputBytesPerSecond: p.throughputBytesPerSecond,
              secondsLeft: p.secondsLeft,
            }),
        });
      } catch (error) {
        if (!isCancellation(error)) throw error;
      } finally {
        active.delete(erasureJobId);
      }
      progress.flush();
      return summaryOf(session, erasureJobId);
    });
  }

  /**
   * A finished, cancelled or abandoned job as the screen shows it, its end in the audit log,
   * and its result kept in the vault until its certificate is issued (issue 19).
   */
  function summaryOf(session: VaultSession, erasureJobId: string): ErasureSummary {
    if (!getJob(session.db, erasureJobId)) throw new AppError('INTERNAL');
    auditErasureEnd(session, erasureJobId, { toolVersion: ports.toolVersion });
    return keepResult(session, erasureJobId);
  }

  /** Keeps the job's measured result when it has ended (a job left running is interrupted, not a result). */
  function keepResult(session: VaultSession, erasureJobId: string): ErasureSummary {
    const summary = measuredSummary(session, erasureJobId, ports.toolVersion);
    if (summary.ended) {
      recordErasureResult(session.db, {
        summary: summary.summary,
        site: recordedSite(session, erasureJobId),
        finishedAt: ports.now().toISOString(),
      });
    }
    return summary.summary;
  }

  /** Jobs whose certificate is being issued right now: a second issue of the same result waits for nothing, it is refused. */
  const issuing = new Set<string>();

  /** A job not ended and not running here: planned and never started, or interrupted. */
  function runnable(erasureJobId: string) {
    const job = findInterruptedJobs(ports.vault.session().db).find((candidate) => candidate.id === erasureJobId);
    if (!job || active.has(erasureJobId)) throw new AppError('ERASURE_JOB_NOT_RUNNABLE');
    return job;
  }

  const runPlanned = async (uiJobId: string, erasureJobId: string) => {
    runnable(erasureJobId);
    return run(uiJobId, erasureJobId);
  };

  const handlers: Pick<Handlers, ErasureChannel> = {
    'erasure.addTargets': async ({ pick }) => {
      const chosen = await ports.dialogs.pickImportSources(pick);
      if (!chosen || chosen.length === 0) return list();
      const picked = pick === 'folder' ? chosen.map((p) => [p]) : [chosen];
      // Every pick resolved before any is added, so a refused one adds nothing; only its code reaches the screen and the log.
      const groups = await Promise.all(
        picked.map(async (paths) => ({ first: paths[0] ?? '', paths: (await resolveTargets(paths)).map((t) => t.path) })),
      );
      for (const { first, paths } of groups) {
        const { files, bytes } = await countTree(paths);
        const label = paths.length === 1 ? first : `${path.dirname(first)}（${paths.length}）`;
        const id = randomUUID();
        targets.set(id, {
          id,
          kind: pick === 'folder' ? 'folder' : 'files',
          label,
          files,
          bytes,
          fileSystem: null,
          removable: null,
          paths,
          itemIds: [],
        });
      }
      return list();
    },
    'erasure.addVolume': async ({ mount }) => {
      const volume = (await ports.readVolumes()).find((v) => v.mount === mount);
      // Only a removable volume the OS lists right now: never the system disk, never a typed path.
      if (!volume || volume.removable !== true) throw new AppError('ERASURE_TARGET_REFUSED');
      const { files, bytes } = await countTree([mount]);
      const id = randomUUID();
      targets.clear();
      targets.set(id, {
        id,
        kind: 'volume',
        label: mount,
        files,
        bytes,
        fileSystem: volume.fileSystem,
        removable: true,
        paths: [mount],
        itemIds: [],
        volumeLabel: volume.label,
      });
      return list();
    },
    'erasure.addVaultCollection': ({ collection }) => {
      const items = listItems(ports.vault.session(), collection);
      if (items.length === 0) throw new AppError('ERASURE_TARGET_NOT_FOUND');
      if ([...targets.values()].some((t) => t.kind === 'vault' && t.label === collection)) return list();
      const id = randomUUID();
      const bytes = items.reduce((sum, item) => sum + item.size, 0);
      targets.set(id, {
        id,
        kind: 'vault',
        label: collection,
        files: items.length,
        bytes,
        fileSystem: null,
        removable: null,
        paths: [],
        itemIds: items.map((i) => i.id),
      });
      return list();
    },
    'erasure.removeTarget': ({ id }) => {
      targets.delete(id);
      return list();
    },
    'erasure.targets': () => list(),
    'erasure.start': async ({ jobId, method, site, confirmation }) => {
      const session = ports.vault.session();
      const chosen = [...targets.values()];
      if (chosen.length === 0) throw new AppError('ERASURE_TARGET_NOT_FOUND');
      const files = chosen.reduce((sum, t) => sum + t.files, 0);
      if (confirmation.normalize('NFKC').trim() !== String(files)) throw new AppError('ERASURE_CONFIRMATION_MISMATCH');
      await ports.confirm(await eraseQuestion(chosen, files, ports.readMedium));
      const volume = chosen.find((t) => t.kind === 'volume');
      const onDisk = chosen.filter((t) => t.kind !== 'vault');
      let erasureJobId: string;
      if (volume || onDisk.length > 0) {
        erasureJobId = await planAndAuditErasure(session, volume ? { volume: volume.label } : { paths: onDisk.flatMap((t) => t.paths) }, {
          method,
          site,
          files,
          readMedium: ports.readMedium,
        });
      } else {
        erasureJobId = `vault-${randomUUID()}`;
        auditErasureStart(session, erasureJobId, { method, targets: chosen.length, files, site });
      }
      targets.clear();
      // Vault data first, by cryptographic erase: its record is kept for the certificate, with
      // what was known of copies of the data folder right before the keys were destroyed.
      const itemIds = chosen.flatMap((t) => t.itemIds);
      const dataFolder = itemIds.length > 0 ? await ports.inspectDataFolder() : null;
      const cryptoErased = await cryptoEraseCollections(session, itemIds);
      saveVaultErasure(session, erasureJobId, { site, items: cryptoErased, dataFolder });
      if (onDisk.length === 0) {
        session.audit.append('erasure.finished', session.actor(), {
          erasureJobId,
          status: 'erased',
          filesErased: cryptoErased.length,
          exceptions: 0,
        });
        return keepResult(session, erasureJobId);
      }
      return run(jobId, erasureJobId);
    },
    'erasure.interrupted': () => {
      // A job another process (the CLI) is running now is not interrupted, nor is one running here.
      const jobs = findInterruptedJobs(ports.vault.session().db).filter((job) => !active.has(job.id) && job.runningIn === null);
      return {
        jobs: jobs.map((job) => ({
          erasureJobId: job.id,
          createdAt: job.createdAt,
          remaining: job.itemsLeft,
          total: job.itemsTotal,
          runs: job.runs,
          targets: [...job.targets],
        })),
      };
    },
    'erasure.abandon': ({ erasureJobId, reason }) => {
      const session = ports.vault.session();
      const interrupted = findInterruptedJobs(session.db).find((job) => job.id === erasureJobId);
      if (!interrupted || active.has(erasureJobId)) throw new AppError('ERASURE_JOB_NOT_RUNNABLE');
      if (interrupted.runningIn !== null) throw new AppError('ERASURE_JOB_RUNNING_ELSEWHERE');
      abandonJob(session.db, erasureJobId, reason);
      session.audit.append('erasure.abandoned', session.actor(), { erasureJobId, runs: interrupted.runs });
      return summaryOf(session, erasureJobId);
    },
    'erasure.resume': async ({ jobId, erasureJobId }) => {
      // Overwriting starts again on a word from the renderer alone otherwise: the main process names the job and asks.
      const interrupted = runnable(erasureJobId);
      await ports.confirm({
        kind: 'resume-erasure',
        remaining: interrupted.itemsLeft,
        targets: interrupted.targets,
        startedAt: interrupted.createdAt,
      });
      return run(jobId, erasureJobId);
    },
    'erasure.pendingResults': () => {
      const { db } = ports.vault.session();
      // A whole device's result says which device, and whether every byte of it was shown erased.
      return {
        results: pendingErasureResults(db).map((result) => {
          const device = erasedDeviceOf(db, result.summary.erasureJobId, ports.toolVersion);
          return device ? { ...result, device } : result;
        }),
      };
    },
    'erasure.issueCertificate': async ({ erasureJobId, countersignature, signerName }) => {
      const session = ports.vault.session();
      if (issuing.has(erasureJobId)) throw new AppError('ERASURE_RESULT_ALREADY_ISSUED');
      issuing.add(erasureJobId);
      // The app and `fieldguard` may both be asked: the check below, the signature and the mark are one turn (issue-lock.ts).
      try {
        return await withIssueLock(session.dataDir, async () => {
          const kept = erasureResultOf(session.db, erasureJobId) ?? keptNow(session, erasureJobId);
          if (kept.certificateId !== null) throw new AppError('ERASURE_RESULT_ALREADY_ISSUED');
          // What is signed is what was shown: the journal, read again now, must still say exactly the kept result.
          const measured = measuredSummary(session, erasureJobId, ports.toolVersion);
          if (!measured.ended || !sameSummary(measured.summary, kept.summary)) throw new AppError('ERASURE_RESULT_CHANGED');
          const job = getJob(session.db, erasureJobId);
          const vaultErasure = loadVaultErasure(session, erasureJobId);
          const evidence = job ? erasureEvidence(session.db, erasureJobId, { toolVersion: ports.toolVersion }) : null;
          const now = ports.now();
          const { id, number } = await issueErasureCertificate(
            session,
            {
              files: evidence,
              vault: vaultErasure?.items ?? [],
              toolVersion: ports.toolVersion,
              dataFolder: vaultErasure?.dataFolder ?? null,
            },
            recordedSite(session, erasureJobId),
            thisLaptop(),
            countersignaturePng(countersignature),
            now,
            ports.fontPath,
            signerName === undefined || signerName === '' ? null : signerName,
          );
          markErasureResultIssued(session.db, erasureJobId, id, now);
          const ledgerItem = evidence ? linkIssuedDeviceErasure(session, erasureJobId, id, evidence, now) : null;
          return { certificateId: id, number, ledgerItem };
        });
      } finally {
        issuing.delete(erasureJobId);
      }
    },
  };

  /**
   * A job that ended without its result being kept here (finished by `fieldguard erase`, or
   * before results were kept): its result is kept now, from the journal, then issued like any.
   */
  function keptNow(session: VaultSession, erasureJobId: string): KeptErasureResult {
    if (!getJob(session.db, erasureJobId) && !loadVaultErasure(session, erasureJobId)) throw new AppError('ERASURE_JOB_NOT_FOUND');
    const measured = measuredSummary(session, erasureJobId, ports.toolVersion);
    if (!measured.ended) throw new AppError('ERASURE_JOB_NOT_FINISHED');
    keepResult(session, erasureJobId);
    const kept = erasureResultOf(session.db, erasureJobId);
    if (!kept) throw new AppError('INTERNAL');
    return kept;
  }

  return { handlers, runPlanned };
}

/** The site as recorded when the job started: in the crypto-erase record, or in the journal. */
function recordedSite(session: VaultSession, erasureJobId: string): SiteDetails {
  return loadVaultErasure(session, erasureJobId)?.site ?? siteFromReference(getJob(session.db, erasureJobId)?.siteReference ?? null);
}

/**
 * A job's result as the journal (or the crypto-erase record) says it now, and whether the job
 * has ended: a job still planned or running — interrupted — has no result yet.
 */
function measuredSummary(session: VaultSession, erasureJobId: string, toolVersion: string): { summary: ErasureSummary; ended: boolean } {
  const job = getJob(session.db, erasureJobId);
  if (job) {
    const ended = job.state === 'completed' || job.state === 'aborted' || job.state === 'abandoned';
    const summary = summarize(job, listJobItems(session.db, erasureJobId));
    const status = ended ? erasureEvidence(session.db, erasureJobId, { toolVersion }).status : 'aborted';
    return {
      ended,
      summary: {
        erasureJobId,
        state: summary.state,
        status,
        filesErased: summary.filesErased,
        exceptions: summary.exceptions,
        notErased: summary.notErased,
        bytesWritten: summary.bytesWritten,
        bytesVerified: summary.bytesVerified,
      },
    };
  }
  const items = loadVaultErasure(session, erasureJobId)?.items ?? [];
  return { ended: items.length > 0, summary: vaultErasureSummary(erasureJobId, items) };
}

/** Two results alike in every number and word the screen showed. */
function sameSummary(a: ErasureSummary, b: ErasureSummary): boolean {
  return JSON.stringify(ErasureSummary.parse(a)) === JSON.stringify(ErasureSummary.parse(b));
}

/** What the confirmation box names: each volume by label, make, model and serial (read now), the picked paths, the collections. */
async function eraseQuestion(chosen: readonly RegisteredTarget[], files: number, readMedium: ReadMedium): Promise<Question> {
  const volumes: VolumeToErase[] = [];
  for (const target of chosen.filter((t) => t.kind === 'volume')) {
    const { device } = await readMedium(target.label);
    volumes.push({
      mount: target.label,
      label: target.volumeLabel ?? null,
      vendor: device?.vendor ?? null,
      model: device?.model ?? null,
      serial: device?.serial ?? null,
    });
  }
  const vaultItems = new Map<string, number>();
  for (const target of chosen.filter((t) => t.kind === 'vault'))
    vaultItems.set(target.label, (vaultItems.get(target.label) ?? 0) + target.itemIds.length);
  const paths = chosen.filter((t) => t.kind === 'files' || t.kind === 'folder').flatMap((t) => t.paths);
  return { kind: 'erase', files, volumes, paths, vaultItems };
}

/** Crypto-erases vault items (their keys destroyed, ciphertext overwritten and removed), keeping what the certificate must say. */
async function cryptoEraseCollections(session: VaultSession, itemIds: readonly string[]): Promise<CryptoErasedItem[]> {
  const byId = new Map(listItems(session).map((item) => [item.id, item]));
  const erased: CryptoErasedItem[] = [];
  for (const id of itemIds) {
    const item = byId.get(id);
    if (!item) continue;
    await eraseItem(session, id);
    erased.push({
      itemId: id,
      collection: item.collection,
      path: item.relativePath,
      size: item.size,
      sha256: item.sha256,
      erasedAt: new Date().toISOString(),
    });
  }
  return erased;
}

interface VaultErasureRecord {
  readonly site: SiteDetails;
  readonly items: readonly CryptoErasedItem[];
  /** null in records made before the check existed: the certificate then rules out no copy. */
  readonly dataFolder?: DataFolderReport | null;
}

function saveVaultErasure(session: VaultSession, erasureJobId: string, record: VaultErasureRecord): void {
  if (record.items.length === 0) return;
  writeVaultMeta(session.db, `erasure_vault:${erasureJobId}`, JSON.stringify(record));
}

function loadVaultErasure(session: VaultSession, erasureJobId: string): VaultErasureRecord | null {
  const value = readVaultMeta(session.db, `erasure_vault:${erasureJobId}`);
  return value !== null ? (JSON.parse(value) as VaultErasureRecord) : null;
}

/** Vault data crypto-erased by a job with nothing on disk: every item recorded was erased. */
function vaultErasureSummary(erasureJobId: string, items: readonly CryptoErasedItem[]): ErasureSummary {
  return {
    erasureJobId,
    state: 'completed',
    status: 'erased',
    filesErased: items.length,
    exceptions: 0,
    notErased: 0,
    bytesWritten: 0,
    bytesVerified: 0,
  };
}
