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
 */
import { constants } from 'node:fs';
import { access, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { getCertificate, listCertificates } from '../../core/certificates/certificate-store';
import { issueErasureCertificate } from '../../core/erasure/erasure-certificate';
import { ErasureError } from '../../core/erasure/erasure-exceptions';
import { isErasureMethod } from '../../core/erasure/erasure-methods';
import { auditErasureEnd, planAndAuditErasure, workerErasureRunner } from '../../core/erasure/erasure-workflow';
import { ErasureTargetError, resolveTargets, type TargetProblem } from '../../core/erasure/resolve-targets';
import { erasureWorkerNextTo } from '../../core/erasure/run-erasure-in-worker';
import { errorMessage } from '../../shared/error-messages';
import packageJson from '../../../package.json' with { type: 'json' };
import { ExitCode, type CliIo, type Command, type ParsedArgs } from '../command';
import { printJson, unlockedVault, vaultContext, vaultOptions } from '../vault-context';

const TEXT = {
  ja: {
    usage: '消去する対象、--site、正しい --method を指定してください。\n',
    exportUsage: '--export-certificate には証明書番号と --out だけを指定してください（消去する対象は指定しません）。\n',
    certificate: '証明書',
    storedOnly: (number: string) => `証明書 ${number} は保管庫に保存されています。`,
  },
  en: {
    usage: 'Give the targets, --site and a valid --method.\n',
    exportUsage: 'With --export-certificate give only the certificate number and --out (no targets).\n',
    certificate: 'Certificate',
    storedOnly: (number: string) => `Certificate ${number} is stored in the vault.`,
  },
} as const;

/** Prints a refusal the way run-cli.ts prints any error — code and message — then what it is about; exit 1. */
function refuse(io: CliIo, error: ErasureError, details: readonly string[]): ExitCode {
  io.stderr(`${error.code}: ${errorMessage(error.code, io.language)}\n${details.map((line) => `  ${line}\n`).join('')}`);
  return ExitCode.refused;
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

/** A path that names an existing folder (or ends like one) is a folder, not a certificate file. */
function namesAFolder(file: string): boolean {
  return /[\\/]$/.test(file);
}

/**
 * Refuses, before anything is erased, a certificate path that could not be written: its
 * folder missing or not writable, or the path a folder. Returns whether the file is new, so
 * that a failed write removes only what this command created.
 */
async function checkCertificatePath(file: string): Promise<{ isNew: boolean }> {
  const unwritable = new ErasureError('ERASURE_CERTIFICATE_PATH_UNWRITABLE');
  if (namesAFolder(file)) throw unwritable;
  const existing = await stat(file).catch(() => null);
  if (existing?.isDirectory()) throw unwritable;
  try {
    if (existing) {
      await access(file, constants.W_OK);
    } else {
      if (!(await stat(path.dirname(path.resolve(file)))).isDirectory()) throw unwritable;
      await access(path.dirname(path.resolve(file)), constants.W_OK);
    }
  } catch {
    throw unwritable;
  }
  return { isNew: existing === null };
}

/**
 * Writes the PDF; false when it could not be (the disk filled, the medium was pulled). A new
 * file is created exclusively and removed again if the write failed half way: no truncated
 * certificate is left looking like one.
 */
async function saveCertificate(file: string, pdf: Buffer, isNew: boolean): Promise<boolean> {
  try {
    await writeFile(file, pdf, { flag: isNew ? 'wx' : 'w' });
    return true;
  } catch (error) {
    // EEXIST: someone else's file appeared at that path meanwhile; it is not ours to remove.
    if (isNew && (error as NodeJS.ErrnoException).code !== 'EEXIST') await rm(file, { force: true }).catch(() => undefined);
    return false;
  }
}

/** A path as one shell word, for a command line the engineer copies. */
function shellWord(value: string): string {
  return /^[\w@%+=:,./-]+$/.test(value) ? value : `'${value.replaceAll("'", `'\\''`)}'`;
}

/** The command that writes a stored certificate out, with the same data folder. */
function exportCommand(args: ParsedArgs, number: string): string {
  const dataDir = typeof args.values['data-dir'] === 'string' ? ` --data-dir ${shellWord(args.values['data-dir'])}` : '';
  return `fieldguard erase --export-certificate ${number} --out OUT.pdf${dataDir}`;
}

/** Says that the certificate is in the vault but not in the file, and how to get it out; exit 2. */
function reportNotSaved(io: CliIo, args: ParsedArgs, number: string): ExitCode {
  const code = 'ERASURE_CERTIFICATE_NOT_SAVED';
  io.stderr(`${code}: ${errorMessage(code, io.language)}\n  ${TEXT[io.language].storedOnly(number)}\n  ${exportCommand(args, number)}\n`);
  return ExitCode.error;
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
  const context = vaultContext(args, io);
  const vault = await unlockedVault(context, io);
  try {
    const db = vault.session().db;
    const found = listCertificates(db, { kind: 'erasure' }).find((c) => c.number === number);
    const stored = found ? getCertificate(db, found.id) : null;
    if (!stored) return refuse(io, new ErasureError('ERASURE_CERTIFICATE_NOT_FOUND'), [number]);
    if (!(await saveCertificate(out, stored.pdf, isNew))) return reportNotSaved(io, args, number);
    if (context.json) printJson(io, { certificate: number, file: out });
    else io.stdout(`${TEXT[io.language].certificate}: ${number} → ${out}\n`);
    return ExitCode.ok;
  } finally {
    vault.lock('manual');
  }
}

export const eraseCommand: Command = {
  name: 'erase',
  summary: {
    ja: 'ファイルやフォルダーを上書き消去・検証し、データ消去証明書を発行します（保管庫の証明書の書き出しも）',
    en: 'Overwrite, verify and remove files and folders, and issue the data-erasure certificate (or write a stored one out)',
  },
  usage:
    'erase (TARGET... --site HOSPITAL [--department D] [--administrator NAME] [--reference REF] [--method random-verify|zeros-verify|three-pass] [--certificate OUT.pdf] | --export-certificate NUMBER --out OUT.pdf) [--data-dir DIR] [--password-stdin] [--json]',
  options: {
    ...vaultOptions,
    method: { type: 'string' },
    site: { type: 'string' },
    department: { type: 'string' },
    administrator: { type: 'string' },
    reference: { type: 'string' },
    certificate: { type: 'string' },
    'export-certificate': { type: 'string' },
    out: { type: 'string' },
  },
  async run(args, io) {
    const ja = io.language === 'ja';
    const text = (name: string) => (typeof args.values[name] === 'string' ? String(args.values[name]).trim() : '');
    if (args.values['export-certificate'] !== undefined) {
      if (args.positionals.length > 0 || !text('export-certificate') || !text('out')) {
        io.stderr(TEXT[io.language].exportUsage);
        return ExitCode.error;
      }
      return exportCertificate(args, io, text('export-certificate'), String(args.values.out));
    }
    const method = typeof args.values.method === 'string' ? args.values.method : 'random-verify';
    const hospital = text('site');
    if (args.positionals.length === 0 || !hospital || !isErasureMethod(method)) {
      io.stderr(TEXT[io.language].usage);
      return ExitCode.error;
    }
    const site = { hospital, department: text('department'), administrator: text('administrator'), reference: text('reference') };
    const certificateFile = typeof args.values.certificate === 'string' ? args.values.certificate : null;
    // Everything the engineer named is checked before the vault is even opened: a refusal writes nothing.
    let certificatePath = { isNew: false };
    try {
      await resolveTargets(args.positionals);
    } catch (error) {
      if (error instanceof ErasureTargetError) return refuseTargets(io, error);
      if (error instanceof ErasureError) return refuse(io, error, []);
      throw error;
    }
    if (certificateFile !== null) {
      try {
        certificatePath = await checkCertificatePath(certificateFile);
      } catch (error) {
        if (error instanceof ErasureError) return refuse(io, error, [certificateFile]);
        throw error;
      }
    }
    const context = vaultContext(args, io);
    const vault = await unlockedVault(context, io);
    try {
      const session = vault.session();
      let jobId: string;
      try {
        // Resolved once more right before planning: the targets may have changed while the password was typed.
        jobId = await planAndAuditErasure(session, { paths: args.positionals }, { method, site });
      } catch (error) {
        if (error instanceof ErasureTargetError) return refuseTargets(io, error);
        throw error;
      }
      // Built, the CLI finds erasure-worker.js next to its bundle; from source, the TypeScript worker.
      await workerErasureRunner(erasureWorkerNextTo(import.meta.url))(session, jobId);
      const evidence = auditErasureEnd(session, jobId, { toolVersion: packageJson.version });
      let certificate: { id: string; number: string } | null = null;
      let saved = false;
      if (certificateFile !== null) {
        // Issuing stores the certificate in the vault before any file is written.
        certificate = await issueErasureCertificate(session, { files: evidence, vault: [], toolVersion: packageJson.version }, site, `${os.hostname()} (${process.platform} ${os.release()})`, null, new Date());
        const stored = getCertificate(session.db, certificate.id);
        saved = stored !== null && (await saveCertificate(certificateFile, stored.pdf, certificatePath.isNew));
      }
      if (context.json) {
        printJson(io, {
          erasureJobId: jobId,
          status: evidence.status,
          totals: evidence.totals,
          exceptions: evidence.exceptions,
          certificate: certificate?.number ?? null,
          certificateFile: saved ? certificateFile : null,
        });
      } else {
        io.stdout(
          `${ja ? '状態' : 'Status'}: ${evidence.status}\n` +
            `${ja ? '消去・検証済みファイル' : 'Files erased and verified'}: ${evidence.totals.filesErased} / ${evidence.totals.files}\n` +
            evidence.exceptions.map((e) => `  ✗ ${e.path}: ${e.code} ${e.description}\n`).join('') +
            (certificate ? `${TEXT[io.language].certificate}: ${certificate.number}${saved ? ` → ${String(certificateFile)}` : ''}\n` : ''),
        );
      }
      if (certificate && !saved) return reportNotSaved(io, args, certificate.number);
      return evidence.status === 'erased' ? ExitCode.ok : ExitCode.refused;
    } finally {
      vault.lock('manual');
    }
  },
};
