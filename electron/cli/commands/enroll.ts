/**
 * `fieldguard enroll request|import|status`: the engineer's side of the company signing
 * authority (issue 13). `request` makes a new signing key in the vault and writes the
 * enrollment request to hand to the security office; `import` takes their reply, after
 * which every new document is signed with the company certificate; `status` shows which
 * certificate signs now.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { AppError } from '../../core/app-error';
import { createEnrollmentRequest, importEnrollmentReply, pendingEnrollmentRequests } from '../../core/certificates/enrollment';
import { engineerCertificateStatus } from '../../core/certificates/engineer-certificate-status';
import { queuedTimestamps } from '../../core/certificates/timestamp-queue';
import { formatDateTime } from '../../shared/format-date';
import { ExitCode, type Command } from '../command';
import { printJson, unlockedVault, vaultContext, vaultOptions } from '../vault-context';

const TEXT = {
  ja: {
    out: '--out で申請ファイルの保存先を指定してください。',
    requested: '登録申請ファイルを作成しました。会社のセキュリティ担当に渡してください',
    reply: '登録応答ファイル（REPLY）を指定してください。',
    imported: '会社の証明書を取り込みました。これから発行する文書はこの証明書で署名します。',
    root: '会社ルート証明書の指紋 (SHA-256) — 契約書・通知の値と一致することを確認してください',
    until: '有効期限',
    company: '会社の証明書',
    selfSigned: '会社の認証なし（自己署名の証明書）',
    expiresSoon: (days: number) => `あと ${days} 日で期限が切れます。新しい登録申請を作成してください。`,
    pending: (n: number) => `回答待ちの登録申請: ${n} 件`,
  },
  en: {
    out: 'Give where to save the request with --out.',
    requested: 'Wrote the enrollment request. Hand it to the company security office',
    reply: 'Give the enrollment reply file (REPLY).',
    imported: 'Imported the company certificate. Documents issued from now on are signed with it.',
    root: 'Company root fingerprint (SHA-256) — check that it matches your contract or letter',
    until: 'Valid until',
    company: 'Company certificate',
    selfSigned: 'Not certified by the company (self-signed certificate)',
    expiresSoon: (days: number) => `It expires in ${days} days. Create a new enrollment request.`,
    pending: (n: number) => `Enrollment requests awaiting a reply: ${n}`,
  },
};

export const enrollRequestCommand: Command = {
  name: 'enroll request',
  summary: { ja: '会社の認証局への登録申請ファイルを作成します', en: 'Create an enrollment request for the company signing authority' },
  usage: 'enroll request --out REQUEST.pem [--data-dir DIR] [--password-stdin] [--json]',
  options: { ...vaultOptions, out: { type: 'string' } },
  async run(args, io) {
    const text = TEXT[io.language];
    const out = typeof args.values.out === 'string' ? args.values.out : null;
    if (!out) {
      io.stderr(`${text.out}\n`);
      return ExitCode.error;
    }
    const context = vaultContext(args, io);
    const vault = await unlockedVault(context, io);
    try {
      const request = await createEnrollmentRequest(vault.session(), new Date());
      await writeFile(out, request, { mode: 0o600 }).catch(() => {
        throw new AppError('VAULT_DESTINATION_UNWRITABLE');
      });
      if (context.json) printJson(io, { request: out });
      else io.stdout(`${text.requested}: ${out}\n`);
      return ExitCode.ok;
    } finally {
      vault.lock('manual');
    }
  },
};

export const enrollImportCommand: Command = {
  name: 'enroll import',
  summary: { ja: '会社の認証局からの登録応答を取り込みます', en: 'Import the enrollment reply from the company signing authority' },
  usage: 'enroll import REPLY [--data-dir DIR] [--password-stdin] [--json]',
  options: vaultOptions,
  async run(args, io) {
    const text = TEXT[io.language];
    const [file] = args.positionals;
    if (!file) {
      io.stderr(`${text.reply}\n`);
      return ExitCode.error;
    }
    const reply = await readFile(file).catch(() => {
      throw new AppError('ENROLLMENT_REPLY_INVALID');
    });
    const context = vaultContext(args, io);
    const vault = await unlockedVault(context, io);
    try {
      const imported = await importEnrollmentReply(vault.session(), reply, new Date());
      if (context.json) printJson(io, imported);
      else
        io.stdout(
          `${text.imported}\n${text.until}: ${formatDateTime(imported.notAfter, io.language)}\n${text.root}:\n    ${imported.rootFingerprint}\n    ${imported.rootLabel}\n`,
        );
      return ExitCode.ok;
    } finally {
      vault.lock('manual');
    }
  },
};

export const enrollStatusCommand: Command = {
  name: 'enroll status',
  summary: { ja: '文書に署名する証明書を表示します', en: 'Show the certificate documents are signed with' },
  usage: 'enroll status [--data-dir DIR] [--password-stdin] [--json]',
  options: vaultOptions,
  async run(args, io) {
    const text = TEXT[io.language];
    const context = vaultContext(args, io);
    const vault = await unlockedVault(context, io);
    try {
      const session = vault.session();
      const status = await engineerCertificateStatus(session, new Date(), {
        pendingRequests: pendingEnrollmentRequests(session),
        queuedTimestamps: queuedTimestamps(session),
      });
      if (context.json) printJson(io, status);
      else {
        const lines = [
          `${status.companyCertified ? text.company : text.selfSigned}: ${status.subject}`,
          `${text.until}: ${formatDateTime(status.notAfter, io.language)}`,
          ...(status.rootFingerprint ? [`${text.root}:\n    ${status.rootFingerprint}`] : []),
          ...(status.expiresSoon ? [text.expiresSoon(status.daysLeft)] : []),
          ...(status.pendingRequests > 0 ? [text.pending(status.pendingRequests)] : []),
        ];
        io.stdout(`${lines.join('\n')}\n`);
      }
      return ExitCode.ok;
    } finally {
      vault.lock('manual');
    }
  },
};
