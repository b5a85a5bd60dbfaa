/**
 * `fieldguard verify FILE [--trust FILE]… [--json]`: checks a FieldGuard certificate (PDF or
 * evidence JSON) offline, as a hospital would — no vault, no password. Exit 0 when genuine
 * (also when intact but signed by someone not in the trusted list, which is said plainly),
 * 1 when not genuine, 2 when it could not be checked.
 */
import { readFile } from 'node:fs/promises';
import { signersInFile } from '../../core/certificates/trusted-signers';
import { readCertificateEvidence, verifyCertificate } from '../../core/certificates/verify-certificate';
import { checkReceivedFiles, deliveredFilesOf, type ReceivedCheck } from '../../core/sanitize/check-received-files';
import { errorMessage } from '../../shared/error-messages';
import { formatDateTime } from '../../shared/format-date';
import { ExitCode, type CliIo, type Command } from '../command';
import { printJson } from '../vault-context';

const TEXT = {
  ja: {
    valid: '正規の証明書です（署名は有効で、文書全体を保護しています）。',
    untrusted: '署名と内容は改ざんされていませんが、署名者は信頼済みの一覧にありません。署名者の証明書の指紋を発行元に確認してください。',
    invalid: '正規の証明書ではありません。',
    unreadable: '証明書として読み取れませんでした。',
    signer: '署名者',
    number: '証明書番号',
    issuedAt: '発行日時',
    fingerprint: '証明書の指紋 (SHA-256)',
    missing: '検証するファイルを指定してください。',
    trustUnreadable: '信頼済み一覧を読み取れません',
  },
  en: {
    valid: 'Genuine: the signature is valid and covers the whole document.',
    untrusted: 'Intact, but the signer is not in your trusted list. Check the signer certificate fingerprint with the issuer.',
    invalid: 'Not genuine.',
    unreadable: 'This file could not be read as a certificate.',
    signer: 'Signer',
    number: 'Certificate number',
    issuedAt: 'Issued',
    fingerprint: 'Certificate fingerprint (SHA-256)',
    missing: 'Give the file to verify.',
    trustUnreadable: 'Cannot read the trusted list',
  },
};

function printResult(io: CliIo, result: Awaited<ReturnType<typeof verifyCertificate>>): void {
  const text = TEXT[io.language];
  const lines = [
    result.status === 'valid' ? text.valid : result.status === 'valid-untrusted' ? text.untrusted : result.status === 'invalid' ? text.invalid : text.unreadable,
  ];
  for (const { ok, reason } of result.checks) if (!ok && reason) lines.push(`  ✗ ${reason}: ${errorMessage(reason, io.language)}`);
  if (result.status === 'unreadable' && result.problem) lines.push(`  ✗ ${result.problem}: ${errorMessage(result.problem, io.language)}`);
  if (result.number) lines.push(`${text.number}: ${result.number}`);
  if (result.issuedAt) lines.push(`${text.issuedAt}: ${formatDateTime(result.issuedAt, io.language)}`);
  if (result.signer) {
    lines.push(`${text.signer}: ${result.signer.name} (${result.signer.company}, ${result.signer.employeeId})`);
    lines.push(`${text.fingerprint}: ${result.signer.fingerprint}`);
  }
  io.stdout(`${lines.join('\n')}\n`);
}

/** The receiving side of a sanitization report: the folder against the report's signed list of delivered files. */
async function checkFolder(bytes: Buffer, folder: string): Promise<ReceivedCheck | 'not-a-report'> {
  const evidence = await readCertificateEvidence(bytes);
  const delivered = evidence?.payload.kind === 'sanitization' ? deliveredFilesOf(evidence.payload.facts) : null;
  return delivered ? checkReceivedFiles(delivered, folder) : 'not-a-report';
}

function printReceived(io: CliIo, received: ReceivedCheck | 'not-a-report'): void {
  const ja = io.language === 'ja';
  if (received === 'not-a-report') {
    io.stdout(`${errorMessage('SANITIZE_NOT_A_SANITIZATION_REPORT', io.language)}\n`);
    return;
  }
  const lines = [
    received.matches
      ? ja
        ? `フォルダーの ${received.matched.length} 件のファイルは、報告書のとおりです（追加・欠落・変更なし）。`
        : `The folder's ${received.matched.length} files are exactly as the report lists them (nothing added, missing or changed).`
      : ja
        ? 'フォルダーの中身が報告書と一致しません。'
        : 'The folder does not match the report.',
    ...received.changed.map((f) => `  ✗ ${ja ? '変更' : 'changed'}: ${f}`),
    ...received.missing.map((f) => `  ✗ ${ja ? '欠落' : 'missing'}: ${f}`),
    ...received.extra.map((f) => `  ✗ ${ja ? '報告書にない' : 'not in the report'}: ${f}`),
  ];
  io.stdout(`${lines.join('\n')}\n`);
}

export const verifyCommand: Command = {
  name: 'verify',
  summary: { ja: '証明書 (PDF または証拠 JSON) が正規のものか検証します', en: 'Check whether a certificate (PDF or evidence JSON) is genuine' },
  usage: 'verify FILE [--files RECEIVED_FOLDER] [--trust CERT_PDF_OR_FINGERPRINTS]... [--json]',
  options: { trust: { type: 'string', multiple: true }, json: { type: 'boolean' }, files: { type: 'string' } },
  async run(args, io) {
    const text = TEXT[io.language];
    const [file] = args.positionals;
    if (!file) {
      io.stderr(`${text.missing}\n`);
      return ExitCode.error;
    }
    const fingerprints: string[] = [];
    for (const trust of Array.isArray(args.values.trust) ? args.values.trust.map(String) : []) {
      try {
        fingerprints.push(...(await signersInFile(await readFile(trust))).map((signer) => signer.fingerprint));
      } catch {
        io.stderr(`${text.trustUnreadable}: ${trust}\n`);
        return ExitCode.error;
      }
    }
    let bytes: Buffer;
    try {
      bytes = await readFile(file);
    } catch {
      io.stderr(`CERT_UNREADABLE: ${errorMessage('CERT_UNREADABLE', io.language)}\n`);
      return ExitCode.error;
    }
    const result = await verifyCertificate(bytes, { fingerprints });
    const folder = typeof args.values.files === 'string' ? args.values.files : null;
    const received = folder && result.status !== 'unreadable' ? await checkFolder(bytes, folder) : null;
    if (args.values.json) printJson(io, received ? { ...result, files: received } : result);
    else {
      printResult(io, result);
      if (received) printReceived(io, received);
    }
    if (result.status === 'unreadable' || received === 'not-a-report') return ExitCode.error;
    if (result.status === 'invalid' || (received && !received.matches)) return ExitCode.refused;
    return ExitCode.ok;
  },
};
