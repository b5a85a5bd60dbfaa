/**
 * `fieldguard erase TARGET… --site HOSPITAL [--certificate OUT.pdf]`: verified erasure of
 * files and folders (10-1) from the command line, with the same journal, evidence and signed
 * certificate as the Erasure screen. Exit 0 only when every target was erased and verified;
 * 1 when something was not (exceptions are listed) or was refused; 2 on error.
 *
 * Nothing is written before every target is resolved (resolve-targets.ts: no link, nothing
 * missing or empty, no other volume's mount point) and the certificate's path is known to be
 * writable (issue 14: a verdict only on positive evidence). A refusal is exit 1 and leaves
 * everything as it was. A certificate that cannot be written after erasing is never lost: it
 * is already in the vault, and `erase --export-certificate NUMBER --out FILE` writes it out.
 *
 * An interrupted job (a crash, a power cut, `kill -9`) is never forgotten: a new erasure is
 * refused until it is resumed (`--resume JOB`) or abandoned with a reason (`--abandon JOB
 * --reason TEXT`); `--list-jobs` lists every job (erase-jobs.ts).
 */
import { getCertificate, listCertificates } from '../../core/certificates/certificate-store';
import { ErasureError } from '../../core/erasure/erasure-exceptions';
import { isErasureMethod } from '../../core/erasure/erasure-methods';
import { auditErasureEnd, planAndAuditErasure, workerErasureRunner } from '../../core/erasure/erasure-workflow';
import { ErasureTargetError, resolveTargets, type TargetProblem } from '../../core/erasure/resolve-targets';
import { erasureWorkerNextTo } from '../../core/erasure/run-erasure-in-worker';
import type { VaultSession } from '../../core/vault/vault-session';
import { SiteDetails, type MediumAfter } from '../../shared/erasure';
import { readMedium } from '../../platform/media/read-medium';
import packageJson from '../../../package.json' with { type: 'json' };
import { ExitCode, type CliIo, type Command, type ParsedArgs } from '../command';
import { printJson, unlockedVault, vaultContext, vaultOptions } from '../vault-context';
import { deviceErasureOptions, listDevicesCommand, runDeviceErasureCommand } from './erase-device';
import { abandonCommand, interruptedJobs, listJobsCommand, refuseWhileInterrupted, resumeCommand } from './erase-jobs';
import { certificateTarget, checkCertificatePath, refuse, reportErasure, reportNotSaved, saveCertificate } from './erase-output';

const TEXT = {
  ja: {
    usage: '消去する対象、--site、正しい --method（と --medium-after）を指定してください。\n',
    exportUsage: '--export-certificate には証明書番号と --out だけを指定してください（消去する対象は指定しません）。\n',
    jobUsage: '--resume・--abandon・--list-jobs には消去する対象を指定しません。どれか一つだけを指定してください。\n',
    certificate: '証明書',
  },
  en: {
    usage: 'Give the targets, --site, and a valid --method (and --medium-after).\n',
    exportUsage: 'With --export-certificate give only the certificate number and --out (no targets).\n',
    jobUsage: 'With --resume, --abandon or --list-jobs give no targets, and only one of them.\n',
    certificate: 'Certificate',
  },
} as const;

function isMediumAfter(value: string): value is MediumAfter {
  return (SiteDetails.shape.mediumAfter.unwrap().options as readonly string[]).includes(value);
}

/** The refused target and, for a link, where it points: the engineer's own paths, printed for them and logged nowhere. */
function problemLine(problem: TargetProblem): string {
  return problem.linkTarget === null ? problem.path : `${problem.path} → ${problem.linkTarget}`;
}

/** Every refused target under its own code and message, so that each says what is wrong with it; exit 1. */
function refuseTargets(io: CliIo, error: ErasureTargetError): ExitCode {
  const codes = [...new Set(error.problems.map((p) => p.code))];
  for (const code of codes) refuse(io, new ErasureError(code), error.problems.filter((p) => p.code === code).map(problemLine));
  return ExitCode.refused;
}

/** Runs `work` with the vault unlocked, and locks it again whatever happens. */
async function withVault(args: ParsedArgs, io: CliIo, work: (session: VaultSession) => Promise<ExitCode> | ExitCode): Promise<ExitCode> {
  const vault = await unlockedVault(vaultContext(args, io), io);
  try {
    return await work(vault.session());
  } finally {
    vault.lock('manual');
  }
}

/** `erase --export-certificate NUMBER --out FILE`: a data-erasure certificate kept in the vault, written to a file. */
async function exportCertificate(args: ParsedArgs, io: CliIo, number: string, out: string): Promise<ExitCode> {
  let isNew: boolean;
  try {
    ({ isNew } = await checkCertificatePath(out));
  } catch (error) {
    if (error instanceof ErasureError) return refuse(io, error, [out]);
    throw error;
  }
  return withVault(args, io, async (session) => {
    const found = listCertificates(session.db, { kind: 'erasure' }).find((c) => c.number === number);
    const stored = found ? getCertificate(session.db, found.id) : null;
    if (!stored) return refuse(io, new ErasureError('ERASURE_CERTIFICATE_NOT_FOUND'), [number]);
    if (!(await saveCertificate(out, stored.pdf, isNew))) return reportNotSaved(io, args, number);
    if (args.values.json === true) printJson(io, { certificate: number, file: out });
    else io.stdout(`${TEXT[io.language].certificate}: ${number} → ${out}\n`);
    return ExitCode.ok;
  });
}

/** `erase TARGET…`: resolve, refuse while a job is interrupted, plan, run, report. */
async function eraseTargets(args: ParsedArgs, io: CliIo, text: (name: string) => string): Promise<ExitCode> {
  const method = typeof args.values.method === 'string' ? args.values.method : 'random-verify';
  const hospital = text('site');
  if (args.positionals.length === 0 || !hospital || !isErasureMethod(method)) {
    io.stderr(TEXT[io.language].usage);
    return ExitCode.error;
  }
  const mediumAfter = text('medium-after');
  if (mediumAfter !== '' && !isMediumAfter(mediumAfter)) {
    io.stderr(TEXT[io.language].usage);
    return ExitCode.error;
  }
  const site = {
    hospital,
    department: text('department'),
    administrator: text('administrator'),
    reference: text('reference'),
    ...(mediumAfter ? { mediumAfter } : {}),
  };
  // Everything the engineer named is checked before the vault is even opened: a refusal writes nothing.
  try {
    await resolveTargets(args.positionals);
  } catch (error) {
    if (error instanceof ErasureTargetError) return refuseTargets(io, error);
    if (error instanceof ErasureError) return refuse(io, error, []);
    throw error;
  }
  const certificate = await certificateTarget(args, io);
  if (typeof certificate === 'number') return certificate;
  return withVault(args, io, async (session) => {
    const interrupted = interruptedJobs(session);
    if (interrupted.length > 0) return refuseWhileInterrupted(io, args, interrupted);
    let jobId: string;
    try {
      // Resolved once more right before planning: the targets may have changed while the password was typed.
      jobId = await planAndAuditErasure(
        session,
        { paths: args.positionals },
        { method, site, readMedium: (target) => readMedium(target, { dataFolder: session.dataDir }) },
      );
    } catch (error) {
      if (error instanceof ErasureTargetError) return refuseTargets(io, error);
      throw error;
    }
    // Built, the CLI finds erasure-worker.js next to its bundle; from source, the TypeScript worker.
    await workerErasureRunner(erasureWorkerNextTo(import.meta.url))(session, jobId, { runner: 'cli' });
    const evidence = auditErasureEnd(session, jobId, { toolVersion: packageJson.version });
    return reportErasure(session, io, args, { evidence, site, certificate });
  });
}

export const eraseCommand: Command = {
  name: 'erase',
  summary: {
    ja: 'ファイルやフォルダー、またはリムーバブル媒体全体を上書き消去・検証し、データ消去証明書を発行します（中断した作業の再開・中止、保管庫の証明書の書き出しも）',
    en: 'Overwrite, verify and remove files and folders, or a whole removable device, and issue the data-erasure certificate (or resume or abandon an interrupted job, or write a stored certificate out)',
  },
  usage:
    'erase (TARGET... --site HOSPITAL [--department D] [--administrator NAME] [--reference REF] [--medium-after returned|reused|disposed|kept] [--method random-verify|zeros-verify|three-pass] [--certificate OUT.pdf] | --resume JOB [--certificate OUT.pdf] | --abandon JOB --reason TEXT [--certificate OUT.pdf] | --list-jobs | --list-devices | --device PATH --confirm-serial LAST --site HOSPITAL [--technique overwrite|sanitize-crypto|sanitize-block] [--certificate OUT.pdf] | --export-certificate NUMBER --out OUT.pdf) [--data-dir DIR] [--password-stdin] [--json]',
  options: {
    ...vaultOptions,
    method: { type: 'string' },
    site: { type: 'string' },
    department: { type: 'string' },
    administrator: { type: 'string' },
    reference: { type: 'string' },
    'medium-after': { type: 'string' },
    certificate: { type: 'string' },
    'export-certificate': { type: 'string' },
    out: { type: 'string' },
    resume: { type: 'string' },
    abandon: { type: 'string' },
    reason: { type: 'string' },
    'list-jobs': { type: 'boolean' },
    ...deviceErasureOptions,
  },
  async run(args, io) {
    const text = (name: string) => (typeof args.values[name] === 'string' ? args.values[name].trim() : '');
    if (args.values['export-certificate'] !== undefined) {
      if (args.positionals.length > 0 || !text('export-certificate') || !text('out')) {
        io.stderr(TEXT[io.language].exportUsage);
        return ExitCode.error;
      }
      return exportCertificate(args, io, text('export-certificate'), String(args.values.out));
    }
    // A whole removable device (erase-device.ts): listed, or erased after the serial's last characters are typed.
    if (args.values['list-devices'] === true) return listDevicesCommand(args, io);
    if (args.values.device !== undefined) return runDeviceErasureCommand(args, io);
    const jobActions = [args.values.resume !== undefined, args.values.abandon !== undefined, args.values['list-jobs'] === true].filter(
      Boolean,
    ).length;
    if (jobActions > 0) {
      if (
        jobActions > 1 ||
        args.positionals.length > 0 ||
        (args.values.resume !== undefined && !text('resume')) ||
        (args.values.abandon !== undefined && !text('abandon'))
      ) {
        io.stderr(TEXT[io.language].jobUsage);
        return ExitCode.error;
      }
      // Checked before the password is asked for: the reason goes on the certificate.
      if (args.values.abandon !== undefined && !text('reason')) return refuse(io, new ErasureError('ERASURE_ABANDON_REASON_REQUIRED'), []);
      if (args.values['list-jobs'] === true) return withVault(args, io, (session) => listJobsCommand(session, io, args));
      if (args.values.resume !== undefined) return withVault(args, io, (session) => resumeCommand(session, io, args, text('resume')));
      return withVault(args, io, (session) => abandonCommand(session, io, args, text('abandon'), text('reason')));
    }
    return eraseTargets(args, io, text);
  },
};
