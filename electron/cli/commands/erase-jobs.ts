/**
 * Interruptions are never lost (issue 14): after a crash, a power cut or a `kill -9` of
 * `fieldguard erase`, the job stays in the vault's journal until the engineer resumes it or
 * abandons it with a reason — from the command line here, or in the app. A new erasure is
 * refused while one is interrupted, naming it and the two commands, so that the files erased
 * before the interruption always end up on a certificate. Either way the job's one certificate
 * covers every run: it is built from the journal, never from what one process remembers.
 */
import { ErasureError } from '../../core/erasure/erasure-exceptions';
import { abandonJob, getJob, listJobs, type ErasureJob } from '../../core/erasure/erasure-journal';
import { auditErasureEnd, siteFromReference, workerErasureRunner } from '../../core/erasure/erasure-workflow';
import { erasureWorkerNextTo } from '../../core/erasure/run-erasure-in-worker';
import { findInterruptedJobs, runningElsewhere, type InterruptedJob } from '../../core/erasure/run-erasure-job';
import { formatDateTime } from '../../shared/format-date';
import type { VaultSession } from '../../core/vault/vault-session';
import packageJson from '../../../package.json' with { type: 'json' };
import { ExitCode, type CliIo, type ParsedArgs } from '../command';
import { printJson } from '../vault-context';
import { certificateTarget, dataDirOption, refuse, reportErasure, shellWord } from './erase-output';

const TEXT = {
  ja: {
    interrupted: (job: InterruptedJob) =>
      `${job.id}（${formatDateTime(job.createdAt, 'ja')} 開始、残り ${job.itemsLeft} / ${job.itemsTotal} 項目、実行 ${job.runs} 回）`,
    runningIn: (pid: number) => `プロセス ${pid} で実行中`,
    resume: '再開する:',
    abandon: '中止する（理由を証明書に記載）:',
    noJobs: '消去作業はありません。\n',
    state: { planned: '計画済み', running: '実行中または中断', completed: '完了', aborted: '取り消し', abandoned: '中止' },
    ambiguous: (prefix: string) => `「${prefix}」に当てはまる消去作業が複数あります。ID をもっと長く指定してください。\n`,
  },
  en: {
    interrupted: (job: InterruptedJob) =>
      `${job.id} (started ${formatDateTime(job.createdAt, 'en')}, ${job.itemsLeft} of ${job.itemsTotal} items left, ${job.runs} run(s))`,
    runningIn: (pid: number) => `running in process ${pid}`,
    resume: 'Resume:',
    abandon: 'Abandon (the reason goes on the certificate):',
    noJobs: 'No erasure jobs.\n',
    state: { planned: 'planned', running: 'running or interrupted', completed: 'completed', aborted: 'cancelled', abandoned: 'abandoned' },
    ambiguous: (prefix: string) => `More than one erasure job starts with "${prefix}". Give more of its ID.\n`,
  },
} as const;

/** Interrupted jobs of this vault, those another live process is running left out. */
export function interruptedJobs(session: VaultSession): InterruptedJob[] {
  return findInterruptedJobs(session.db).filter((job) => job.runningIn === null);
}

/** Refuses a new erasure while a job is interrupted, naming each and how to resume or abandon it; exit 1. */
export function refuseWhileInterrupted(io: CliIo, args: ParsedArgs, jobs: readonly InterruptedJob[]): ExitCode {
  const text = TEXT[io.language];
  const lines = jobs.flatMap((job) => [
    text.interrupted(job),
    ...job.targets.map((target) => `    ${target}`),
    `  ${text.resume} fieldguard erase --resume ${job.id} [--certificate OUT.pdf]${dataDirOption(args)}`,
    `  ${text.abandon} fieldguard erase --abandon ${job.id} --reason ${shellWord(io.language === 'ja' ? '理由' : 'REASON')} [--certificate OUT.pdf]${dataDirOption(args)}`,
  ]);
  return refuse(io, new ErasureError('ERASURE_JOB_INTERRUPTED'), lines);
}

/** A job named by its ID or an unambiguous start of it (at least 8 characters, as `--list-jobs` prints them). */
function findJob(session: VaultSession, io: CliIo, given: string): ErasureJob | ExitCode {
  const exact = getJob(session.db, given);
  if (exact) return exact;
  const matches = given.length >= 8 ? listJobs(session.db).filter((job) => job.id.startsWith(given)) : [];
  if (matches.length === 1 && matches[0]) return matches[0];
  if (matches.length > 1) {
    io.stderr(TEXT[io.language].ambiguous(given));
    return ExitCode.error;
  }
  return refuse(io, new ErasureError('ERASURE_JOB_NOT_FOUND'), [given]);
}

/** `erase --list-jobs`: every job of the vault, newest first, with its state and runs. */
export function listJobsCommand(session: VaultSession, io: CliIo, args: ParsedArgs): ExitCode {
  const jobs = listJobs(session.db);
  const interrupted = new Map(findInterruptedJobs(session.db).map((job) => [job.id, job]));
  if (args.values.json === true) {
    printJson(io, {
      jobs: jobs.map((job) => ({
        id: job.id,
        createdAt: job.createdAt,
        scope: job.scope,
        method: job.method,
        state: job.state,
        interrupted: interrupted.has(job.id) && interrupted.get(job.id)?.runningIn === null,
        runningIn: interrupted.get(job.id)?.runningIn ?? null,
        runs: job.runs,
        targets: job.targets,
        abandonReason: job.abandonReason,
      })),
    });
    return ExitCode.ok;
  }
  const text = TEXT[io.language];
  if (jobs.length === 0) {
    io.stdout(text.noJobs);
    return ExitCode.ok;
  }
  for (const job of jobs) {
    const pending = interrupted.get(job.id);
    const state = pending?.runningIn ? text.runningIn(pending.runningIn) : text.state[job.state];
    io.stdout(`${job.id}  ${formatDateTime(job.createdAt, io.language)}  ${state}  ${job.runs}  ${job.targets.join(', ')}\n`);
  }
  return ExitCode.ok;
}

/** The job to resume or abandon, refused when it has ended or another live process runs it. */
function interruptedJob(session: VaultSession, io: CliIo, given: string): ErasureJob | ExitCode {
  const job = findJob(session, io, given);
  if (typeof job === 'number') return job;
  if (job.state !== 'running' && job.state !== 'planned') return refuse(io, new ErasureError('ERASURE_JOB_NOT_RUNNABLE'), [job.id]);
  const elsewhere = runningElsewhere(session.db, job.id);
  if (elsewhere) return refuse(io, new ErasureError('ERASURE_JOB_RUNNING_ELSEWHERE'), [`${job.id} (pid ${elsewhere.pid})`]);
  return job;
}

/** `erase --resume JOB`: runs what is left, then reports (and certifies) the whole job, every run. */
export async function resumeCommand(session: VaultSession, io: CliIo, args: ParsedArgs, given: string): Promise<ExitCode> {
  const job = interruptedJob(session, io, given);
  if (typeof job === 'number') return job;
  const certificate = await certificateTarget(args, io);
  if (typeof certificate === 'number') return certificate;
  session.audit.append('erasure.resumed', session.actor(), { erasureJobId: job.id, runs: job.runs });
  await workerErasureRunner(erasureWorkerNextTo(import.meta.url))(session, job.id, { runner: 'cli' });
  const evidence = auditErasureEnd(session, job.id, { toolVersion: packageJson.version });
  return reportErasure(session, io, args, { evidence, site: siteFromReference(job.siteReference), certificate });
}

/** `erase --abandon JOB --reason TEXT`: ends the job as it stands; its certificate says what was and was not erased. */
export async function abandonCommand(session: VaultSession, io: CliIo, args: ParsedArgs, given: string, reason: string): Promise<ExitCode> {
  if (!reason) return refuse(io, new ErasureError('ERASURE_ABANDON_REASON_REQUIRED'), []);
  const job = interruptedJob(session, io, given);
  if (typeof job === 'number') return job;
  const certificate = await certificateTarget(args, io);
  if (typeof certificate === 'number') return certificate;
  abandonJob(session.db, job.id, reason);
  session.audit.append('erasure.abandoned', session.actor(), { erasureJobId: job.id, runs: job.runs });
  const evidence = auditErasureEnd(session, job.id, { toolVersion: packageJson.version });
  return reportErasure(session, io, args, { evidence, site: siteFromReference(job.siteReference), certificate });
}
