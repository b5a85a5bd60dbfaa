/**
 * `fieldguard verify FILE [--trust FILE]… [--json]`: checks a FieldGuard certificate (PDF or
 * evidence JSON) offline, as a hospital would — no vault, no password. Exit 0 when genuine
 * (also when intact but signed by someone not in the trusted list, which is said plainly),
 * 1 when not genuine, 2 when it could not be checked.
 */
import { readFile } from 'node:fs/promises';
import { signersInFile } from '../../core/certificates/trusted-signers';
import { verifyCertificate } from '../../core/certificates/verify-certificate';
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

export const verifyCommand: Command = {
  name: 'verify',
  summary: { ja: '証明書 (PDF または証拠 JSON) が正規のものか検証します', en: 'Check whether a certificate (PDF or evidence JSON) is genuine' },
  usage: 'verify FILE [--trust CERT_PDF_OR_FINGERPRINTS]... [--json]',
  options: { trust: { type: 'string', multiple: true }, json: { type: 'boolean' } },
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
    if (args.values.json) printJson(io, result);
    else printResult(io, result);
    if (result.status === 'unreadable') return ExitCode.error;
    return result.status === 'invalid' ? ExitCode.refused : ExitCode.ok;
  },
};
