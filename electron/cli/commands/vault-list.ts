/** `fieldguard vault list`: the files in the vault, with their ids for export and erase. */
import { listItems } from '../../core/vault/vault-items';
import { formatBytes } from '../../shared/format-bytes';
import { ExitCode, type Command } from '../command';
import { printJson, unlockedVault, vaultContext, vaultOptions } from '../vault-context';

export const vaultListCommand: Command = {
  name: 'vault list',
  summary: { ja: '保管庫内のファイルを一覧表示します', en: 'List the files in the vault' },
  usage: 'vault list [--collection NAME] [--data-dir DIR] [--password-stdin] [--json]',
  options: { ...vaultOptions, collection: { type: 'string' } },
  async run(args, io) {
    const context = vaultContext(args, io);
    const vault = await unlockedVault(context, io);
    try {
      const items = listItems(vault.session(), typeof args.values.collection === 'string' ? args.values.collection : undefined);
      if (context.json) printJson(io, { items });
      else
        io.stdout(
          items.map((i) => `${i.id}\t${i.collection}\t${i.relativePath}\t${formatBytes(i.size, io.language)}\t${i.sha256}`).join('\n') +
            (items.length ? '\n' : ''),
        );
      return ExitCode.ok;
    } finally {
      vault.lock('manual');
    }
  },
};
