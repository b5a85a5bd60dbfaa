/** `fieldguard audit list`: the audit log, newest first, with the same filters as the Audit page. */
import { auditEventTypes } from '../../shared/audit';
import { formatDateTime } from '../../shared/format-date';
import { ExitCode, type Command } from '../command';
import { printJson, unlockedVault, vaultContext, vaultOptions } from '../vault-context';

type EventType = (typeof auditEventTypes)[number];

export const auditListCommand: Command = {
  name: 'audit list',
  summary: { ja: '監査ログを新しい順に表示します', en: 'Show the audit log, newest first' },
  usage: 'audit list [--type TYPE]... [--text TEXT] [--limit N] [--data-dir DIR] [--password-stdin] [--json]',
  options: { ...vaultOptions, type: { type: 'string', multiple: true }, text: { type: 'string' }, limit: { type: 'string' } },
  async run(args, io) {
    const types = (Array.isArray(args.values.type) ? args.values.type : []).map(String);
    const unknown = types.filter((t) => !(auditEventTypes as readonly string[]).includes(t));
    if (unknown.length > 0) {
      io.stderr(`${io.language === 'ja' ? '不明な種類' : 'Unknown type'}: ${unknown.join(', ')}\n${auditEventTypes.join(' ')}\n`);
      return ExitCode.error;
    }
    const limit = args.values.limit === undefined ? 100 : Number(args.values.limit);
    if (!Number.isInteger(limit) || limit < 1) {
      io.stderr('--limit\n');
      return ExitCode.error;
    }
    const context = vaultContext(args, io);
    const vault = await unlockedVault(context, io);
    try {
      const { entries, total } = vault.session().audit.list({
        types: types as EventType[],
        text: typeof args.values.text === 'string' ? args.values.text : undefined,
        limit,
      });
      if (context.json) printJson(io, { entries, total });
      else
        io.stdout(
          entries
            .map((e) => `${e.seq}\t${formatDateTime(e.time, io.language)}\t${e.type}\t${e.actor}\t${JSON.stringify(e.details)}`)
            .join('\n') + (entries.length ? '\n' : ''),
        );
      return ExitCode.ok;
    } finally {
      vault.lock('manual');
    }
  },
};
