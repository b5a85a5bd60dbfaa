/**
 * `fieldguard authority …`: the company signing authority, run by the vendor's security
 * office (issue 13). `init` creates the root and prints its fingerprint for contracts and
 * letters to hospitals; `issue` answers an engineer's enrollment request; `revoke` and `crl`
 * take a certificate back and publish the signed revocation list; `list` shows what was
 * issued. The passphrase comes from a prompt or, with --passphrase-stdin, standard input.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { AppError } from '../../core/app-error';
import {
  authorityAlgorithms,
  createRevocationList,
  describeAuthority,
  initAuthority,
  issueEngineerCertificate,
  revocationReasons,
  revokeEngineerCertificate,
  type AuthorityAlgorithm,
  type RevocationReason,
} from '../../core/authority/company-authority';
import { formatDateTime } from '../../shared/format-date';
import { ExitCode, type CliIo, type Command, type ParsedArgs } from '../command';
import { secretsFromStdin, secretsFromTerminal, type SecretSource } from '../read-secret';
import { printJson } from '../vault-context';

const TEXT = {
  ja: {
    dir: '--dir で認証局のフォルダーを指定してください。',
    passphrase: '認証局のパスフレーズ: ',
    newPassphrase: '新しい認証局のパスフレーズ（12 文字以上）: ',
    again: 'もう一度入力してください: ',
    differ: 'パスフレーズが一致しません。',
    company: '--company で会社名を指定してください。',
    created: '会社のルート証明書を作成しました',
    fingerprint: 'ルート証明書の指紋 (SHA-256) — 契約書や病院への通知に記載してください',
    keep: 'root-key.json はパスフレーズで暗号化されていますが、オフラインの安全な場所に保管してください。',
    request: '登録申請ファイル（REQUEST）と --out を指定してください。',
    issued: (name: string, until: string) =>
      `${name} さんの証明書を発行しました（有効期限 ${until}）。登録応答ファイルを本人に渡してください`,
    reference: '--serial、--fingerprint または --certificate で失効させる証明書を指定してください。',
    revoked: (name: string) => `${name} さんの証明書を失効させました。失効リストを「authority crl」で発行し、配布してください。`,
    crl: '失効リストを書き出しました',
    out: '--out で出力先を指定してください。',
    issuedList: '発行済みの証明書',
    revokedMark: '（失効）',
  },
  en: {
    dir: 'Give the authority folder with --dir.',
    passphrase: 'Authority passphrase: ',
    newPassphrase: 'New authority passphrase (12 characters or more): ',
    again: 'Repeat it: ',
    differ: 'The passphrases differ.',
    company: 'Give the company name with --company.',
    created: 'Created the company root certificate',
    fingerprint: 'Root certificate fingerprint (SHA-256) — quote it in contracts and letters to hospitals',
    keep: 'root-key.json is encrypted with the passphrase; still keep it offline, somewhere safe.',
    request: 'Give the enrollment request file (REQUEST) and --out.',
    issued: (name: string, until: string) => `Issued a certificate for ${name} (valid until ${until}); hand the enrollment reply to them`,
    reference: 'Name the certificate to revoke with --serial, --fingerprint or --certificate.',
    revoked: (name: string) => `Revoked ${name}'s certificate. Publish the revocation list with "authority crl" and distribute it.`,
    crl: 'Wrote the revocation list',
    out: 'Give the output file with --out.',
    issuedList: 'Certificates issued',
    revokedMark: ' (revoked)',
  },
};

const common = { dir: { type: 'string' }, 'passphrase-stdin': { type: 'boolean' }, json: { type: 'boolean' } } as const;

function dirOf(args: ParsedArgs, io: CliIo): string | null {
  const dir = typeof args.values.dir === 'string' ? args.values.dir : null;
  if (!dir) io.stderr(`${TEXT[io.language].dir}\n`);
  return dir;
}

function secrets(args: ParsedArgs): SecretSource {
  return args.values['passphrase-stdin'] ? secretsFromStdin() : secretsFromTerminal();
}

function numberOption(value: unknown): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!Number.isInteger(number)) throw new AppError('AUTHORITY_INVALID_OPTION');
  return number;
}

export const authorityInitCommand: Command = {
  name: 'authority init',
  summary: { ja: '会社の認証局（ルート証明書）を作成します', en: 'Create the company signing authority (its root certificate)' },
  usage: `authority init --dir DIR --company NAME [--algorithm ${authorityAlgorithms.join('|')}] [--passphrase-stdin] [--json]`,
  options: { ...common, company: { type: 'string' }, algorithm: { type: 'string' } },
  async run(args, io) {
    const text = TEXT[io.language];
    const dir = dirOf(args, io);
    if (!dir) return ExitCode.error;
    const company = typeof args.values.company === 'string' ? args.values.company.trim() : '';
    if (!company) {
      io.stderr(`${text.company}\n`);
      return ExitCode.error;
    }
    const algorithm = (args.values.algorithm ?? 'ecdsa-p256') as AuthorityAlgorithm;
    if (!authorityAlgorithms.includes(algorithm)) throw new AppError('AUTHORITY_INVALID_OPTION');
    const source = secrets(args);
    const passphrase = await source.next(text.newPassphrase);
    if (!args.values['passphrase-stdin'] && (await source.next(text.again)) !== passphrase) {
      io.stderr(`${text.differ}\n`);
      return ExitCode.refused;
    }
    const summary = await initAuthority(dir, { company, passphrase, algorithm }, new Date());
    if (args.values.json)
      printJson(io, { dir, rootFingerprint: summary.rootFingerprint, rootSubject: summary.rootSubject, rootFile: `${dir}/root.pem` });
    else
      io.stdout(
        `${text.created}: ${dir}/root.pem\n${summary.rootSubject}\n\n${text.fingerprint}:\n    ${summary.rootFingerprint}\n\n${text.keep}\n`,
      );
    return ExitCode.ok;
  },
};

export const authorityIssueCommand: Command = {
  name: 'authority issue',
  summary: { ja: '技術者の登録申請に証明書を発行します', en: 'Issue an engineer certificate for an enrollment request' },
  usage: 'authority issue REQUEST --dir DIR --out REPLY [--days 730] [--passphrase-stdin] [--json]',
  options: { ...common, out: { type: 'string' }, days: { type: 'string' } },
  async run(args, io) {
    const text = TEXT[io.language];
    const dir = dirOf(args, io);
    if (!dir) return ExitCode.error;
    const [requestFile] = args.positionals;
    const out = typeof args.values.out === 'string' ? args.values.out : null;
    if (!requestFile || !out) {
      io.stderr(`${text.request}\n`);
      return ExitCode.error;
    }
    const request = await readFile(requestFile).catch(() => {
      throw new AppError('ENROLLMENT_REQUEST_INVALID');
    });
    const days = numberOption(args.values.days);
    const passphrase = await secrets(args).next(text.passphrase);
    const reply = await issueEngineerCertificate(dir, passphrase, request, days === undefined ? {} : { days }, new Date());
    await writeFile(out, reply.replyPem);
    if (args.values.json) printJson(io, { ...reply.entry, reply: out });
    else
      io.stdout(
        `${text.issued(`${reply.entry.name} (${reply.entry.company}, ${reply.entry.employeeId})`, formatDateTime(reply.entry.notAfter, io.language))}: ${out}\n`,
      );
    return ExitCode.ok;
  },
};

export const authorityRevokeCommand: Command = {
  name: 'authority revoke',
  summary: { ja: '発行した証明書を失効させます', en: 'Revoke an issued certificate' },
  usage: `authority revoke --dir DIR (--serial HEX | --fingerprint SHA256 | --certificate FILE) [--reason ${revocationReasons.join('|')}] [--passphrase-stdin]`,
  options: {
    ...common,
    serial: { type: 'string' },
    fingerprint: { type: 'string' },
    certificate: { type: 'string' },
    reason: { type: 'string' },
  },
  async run(args, io) {
    const text = TEXT[io.language];
    const dir = dirOf(args, io);
    if (!dir) return ExitCode.error;
    const file = typeof args.values.certificate === 'string' ? args.values.certificate : null;
    const reference = file ? await readFile(file, 'utf8').catch(() => '') : String(args.values.serial ?? args.values.fingerprint ?? '');
    if (!reference) {
      io.stderr(`${text.reference}\n`);
      return ExitCode.error;
    }
    const reason = (args.values.reason ?? 'unspecified') as RevocationReason;
    if (!revocationReasons.includes(reason)) throw new AppError('AUTHORITY_INVALID_OPTION');
    const passphrase = await secrets(args).next(text.passphrase);
    const entry = await revokeEngineerCertificate(dir, passphrase, reference, reason, new Date());
    if (args.values.json) printJson(io, { revoked: entry, reason });
    else io.stdout(`${text.revoked(`${entry.name} (${entry.employeeId}, serial ${entry.serial})`)}\n`);
    return ExitCode.ok;
  },
};

export const authorityCrlCommand: Command = {
  name: 'authority crl',
  summary: { ja: '署名付きの失効リスト (CRL) を発行します', en: 'Publish the signed certificate revocation list (CRL)' },
  usage: 'authority crl --dir DIR --out CRL.pem [--days 30] [--passphrase-stdin]',
  options: { ...common, out: { type: 'string' }, days: { type: 'string' } },
  async run(args, io) {
    const text = TEXT[io.language];
    const dir = dirOf(args, io);
    if (!dir) return ExitCode.error;
    const out = typeof args.values.out === 'string' ? args.values.out : null;
    if (!out) {
      io.stderr(`${text.out}\n`);
      return ExitCode.error;
    }
    const days = numberOption(args.values.days);
    const passphrase = await secrets(args).next(text.passphrase);
    const pem = await createRevocationList(dir, passphrase, days === undefined ? {} : { days }, new Date());
    await writeFile(out, pem);
    io.stdout(`${text.crl}: ${out}\n`);
    return ExitCode.ok;
  },
};

export const authorityListCommand: Command = {
  name: 'authority list',
  summary: { ja: '認証局のルート証明書と発行済みの証明書を表示します', en: 'Show the authority’s root and the certificates it issued' },
  usage: 'authority list --dir DIR [--json]',
  options: { dir: { type: 'string' }, json: { type: 'boolean' } },
  async run(args, io) {
    const text = TEXT[io.language];
    const dir = dirOf(args, io);
    if (!dir) return ExitCode.error;
    const summary = await describeAuthority(dir);
    if (args.values.json) {
      printJson(io, {
        rootFingerprint: summary.rootFingerprint,
        rootSubject: summary.rootSubject,
        issued: summary.issued,
        revoked: summary.revoked,
      });
      return ExitCode.ok;
    }
    const revoked = new Set(summary.revoked.map((r) => r.serial));
    const lines = [summary.rootSubject, `${text.fingerprint}: ${summary.rootFingerprint}`, '', `${text.issuedList}:`];
    for (const entry of summary.issued) {
      lines.push(
        `  ${entry.serial}  ${entry.name} (${entry.company}, ${entry.employeeId})  ${formatDateTime(entry.notBefore, io.language)} – ${formatDateTime(entry.notAfter, io.language)}${revoked.has(entry.serial) ? text.revokedMark : ''}`,
      );
    }
    io.stdout(`${lines.join('\n')}\n`);
    return ExitCode.ok;
  },
};
