/**
 * `fieldguard timestamp`: trusted time for documents signed offline (issue 13). `--authority
 * URL` records the company's RFC 3161 timestamp authority (`--authority none` clears it);
 * `--pending` adds a document timestamp to every document that was signed while the
 * authority could not be reached.
 */
import {
  setTimestampAuthorityUrl,
  timestampAuthorityUrl,
  timestampQueued,
  queuedTimestamps,
} from '../../core/certificates/timestamp-queue';
import { AppError } from '../../core/app-error';
import { ExitCode, type Command } from '../command';
import { printJson, unlockedVault, vaultContext, vaultOptions } from '../vault-context';

const TEXT = {
  ja: {
    nothing: '--pending または --authority URL を指定してください。',
    set: (url: string) => `タイムスタンプ局を設定しました: ${url}`,
    cleared: 'タイムスタンプ局の設定を消しました。文書の時刻はノートPCの時計だけになります。',
    noAuthority: 'タイムスタンプ局が設定されていません（--authority URL）。',
    done: (ok: number, failed: number, left: number) => `タイムスタンプを付けた文書: ${ok} 件、失敗: ${failed} 件、残り: ${left} 件`,
  },
  en: {
    nothing: 'Give --pending or --authority URL.',
    set: (url: string) => `Timestamp authority set: ${url}`,
    cleared: 'Timestamp authority cleared. Document times will be the laptop clock only.',
    noAuthority: 'No timestamp authority is set (--authority URL).',
    done: (ok: number, failed: number, left: number) => `Documents timestamped: ${ok}, failed: ${failed}, still waiting: ${left}`,
  },
};

export const timestampCommand: Command = {
  name: 'timestamp',
  summary: { ja: '文書にタイムスタンプを付けます（オフラインで署名した文書）', en: 'Add timestamps to documents signed offline' },
  usage: 'timestamp [--authority URL|none] [--pending] [--data-dir DIR] [--password-stdin] [--json]',
  options: { ...vaultOptions, authority: { type: 'string' }, pending: { type: 'boolean' } },
  async run(args, io) {
    const text = TEXT[io.language];
    const authority = typeof args.values.authority === 'string' ? args.values.authority : null;
    if (!authority && !args.values.pending) {
      io.stderr(`${text.nothing}\n`);
      return ExitCode.error;
    }
    const context = vaultContext(args, io);
    const vault = await unlockedVault(context, io);
    try {
      const session = vault.session();
      if (authority) {
        try {
          setTimestampAuthorityUrl(session, authority === 'none' ? null : authority);
        } catch {
          throw new AppError('AUTHORITY_INVALID_OPTION');
        }
        if (!context.json) io.stdout(`${authority === 'none' ? text.cleared : text.set(authority)}\n`);
      }
      if (!args.values.pending) return ExitCode.ok;
      if (!timestampAuthorityUrl(session)) {
        io.stderr(`${text.noAuthority}\n`);
        return queuedTimestamps(session) > 0 ? ExitCode.refused : ExitCode.ok;
      }
      const run = await timestampQueued(session, () => new Date());
      if (context.json) printJson(io, run);
      else io.stdout(`${text.done(run.timestamped, run.failed, run.remaining)}\n`);
      return run.failed > 0 ? ExitCode.refused : ExitCode.ok;
    } finally {
      vault.lock('manual');
    }
  },
};
