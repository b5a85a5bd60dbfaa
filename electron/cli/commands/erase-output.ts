/**
 * What every form of `fieldguard erase` shares once the vault knows the outcome: refusals
 * printed the way run-cli.ts prints any error, the certificate path checked before anything is
 * erased, the certificate issued from the journal and written out (never lost: it is stored in
 * the vault first), and the result printed as text or JSON. Erasing targets, resuming or
 * abandoning a job, and erasing a whole device all end here, so they say the same things.
 */
import { constants } from 'node:fs';
import { access, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { SiteDetails } from '../../shared/erasure';
import { errorMessage } from '../../shared/error-messages';
import { getCertificate } from '../../core/certificates/certificate-store';
import { issueErasureCertificate, thisLaptop } from '../../core/erasure/erasure-certificate';
import { ErasureError } from '../../core/erasure/erasure-exceptions';
import type { ErasureEvidence } from '../../core/erasure/erasure-evidence';
import type { VaultSession } from '../../core/vault/vault-session';
import packageJson from '../../../package.json' with { type: 'json' };
import { ExitCode, type CliIo, type ParsedArgs } from '../command';
import { printJson } from '../vault-context';

const TEXT = {
  ja: {
    certificate: '証明書',
    storedOnly: (number: string) => `証明書 ${number} は保管庫に保存されています。`,
    status: '状態',
    files: '消去・検証済みファイル',
    job: '消去作業',
  },
  en: {
    certificate: 'Certificate',
    storedOnly: (number: string) => `Certificate ${number} is stored in the vault.`,
    status: 'Status',
    files: 'Files erased and verified',
    job: 'Erasure job',
  },
} as const;

/** Prints a refusal — code and message, then what it is about, one per line; exit 1. */
export function refuse(io: CliIo, error: ErasureError, details: readonly string[]): ExitCode {
  io.stderr(`${error.code}: ${errorMessage(error.code, io.language)}\n${details.map((line) => `  ${line}\n`).join('')}`);
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
export async function checkCertificatePath(file: string): Promise<{ isNew: boolean }> {
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

/** The `--certificate` option checked up front: null when none was asked for; exit 1 when it cannot be written. */
export async function certificateTarget(args: ParsedArgs, io: CliIo): Promise<{ file: string; isNew: boolean } | null | ExitCode> {
  const file = typeof args.values.certificate === 'string' ? args.values.certificate : null;
  if (file === null) return null;
  try {
    return { file, ...(await checkCertificatePath(file)) };
  } catch (error) {
    if (error instanceof ErasureError) return refuse(io, error, [file]);
    throw error;
  }
}

/**
 * Writes the PDF; false when it could not be (the disk filled, the medium was pulled). A new
 * file is created exclusively and removed again if the write failed half way: no truncated
 * certificate is left looking like one.
 */
export async function saveCertificate(file: string, pdf: Buffer, isNew: boolean): Promise<boolean> {
  try {
    // Owner-only: it names the site, the engineer and what was erased (issue 17).
    await writeFile(file, pdf, { flag: isNew ? 'wx' : 'w', mode: 0o600 });
    return true;
  } catch (error) {
    // EEXIST: someone else's file appeared at that path meanwhile; it is not ours to remove.
    if (isNew && (error as NodeJS.ErrnoException).code !== 'EEXIST') await rm(file, { force: true }).catch(() => undefined);
    return false;
  }
}

/** A path as one shell word, for a command line the engineer copies. */
export function shellWord(value: string): string {
  return /^[\w@%+=:,./-]+$/.test(value) ? value : `'${value.replaceAll("'", `'\\''`)}'`;
}

/** ` --data-dir DIR` when the engineer gave one, so that a command printed for them opens the same vault. */
export function dataDirOption(args: ParsedArgs): string {
  return typeof args.values['data-dir'] === 'string' ? ` --data-dir ${shellWord(args.values['data-dir'])}` : '';
}

/** Says that the certificate is in the vault but not in the file, and how to get it out; exit 2. */
export function reportNotSaved(io: CliIo, args: ParsedArgs, number: string): ExitCode {
  const code = 'ERASURE_CERTIFICATE_NOT_SAVED';
  io.stderr(
    `${code}: ${errorMessage(code, io.language)}\n  ${TEXT[io.language].storedOnly(number)}\n  fieldguard erase --export-certificate ${number} --out OUT.pdf${dataDirOption(args)}\n`,
  );
  return ExitCode.error;
}

/**
 * Issues the certificate of a finished job and writes it to the `--certificate` file. Issuing
 * stores it in the vault before any file is written, so `saved: false` never loses it.
 */
export async function issueAndSave(
  session: VaultSession,
  evidence: ErasureEvidence,
  site: SiteDetails,
  target: { file: string; isNew: boolean },
): Promise<{ issued: { id: string; number: string }; saved: boolean }> {
  const issued = await issueErasureCertificate(
    session,
    { files: evidence, vault: [], toolVersion: packageJson.version },
    site,
    thisLaptop(),
    null,
    new Date(),
  );
  const stored = getCertificate(session.db, issued.id);
  return { issued, saved: stored !== null && (await saveCertificate(target.file, stored.pdf, target.isNew)) };
}

/**
 * Issues the certificate of a finished job when one was asked for, writes it out, and prints
 * the result. Exit 0 only when everything was erased and verified (and the file written).
 */
export async function reportErasure(
  session: VaultSession,
  io: CliIo,
  args: ParsedArgs,
  outcome: { evidence: ErasureEvidence; site: SiteDetails; certificate: { file: string; isNew: boolean } | null },
): Promise<ExitCode> {
  const { evidence, site } = outcome;
  const text = TEXT[io.language];
  let certificate: { id: string; number: string } | null = null;
  let saved = false;
  if (outcome.certificate !== null) ({ issued: certificate, saved } = await issueAndSave(session, evidence, site, outcome.certificate));
  if (args.values.json === true) {
    printJson(io, {
      erasureJobId: evidence.jobId,
      status: evidence.status,
      runs: evidence.runs,
      totals: evidence.totals,
      exceptions: evidence.exceptions,
      certificate: certificate?.number ?? null,
      certificateFile: saved ? (outcome.certificate?.file ?? null) : null,
    });
  } else {
    io.stdout(
      `${text.job}: ${evidence.jobId}\n` +
        `${text.status}: ${evidence.status}\n` +
        `${text.files}: ${evidence.totals.filesErased} / ${evidence.totals.files}\n` +
        evidence.exceptions.map((e) => `  ✗ ${e.path}: ${e.code} ${io.language === 'ja' ? e.descriptionJa : e.description}\n`).join('') +
        (certificate ? `${text.certificate}: ${certificate.number}${saved ? ` → ${String(outcome.certificate?.file)}` : ''}\n` : ''),
    );
  }
  if (certificate && !saved) return reportNotSaved(io, args, certificate.number);
  return evidence.status === 'erased' ? ExitCode.ok : ExitCode.refused;
}
