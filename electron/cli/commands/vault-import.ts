/** `fieldguard vault import PATH... --collection NAME`: encrypts files and folders into the vault. */
import { importPaths } from '../../core/vault/vault-items';
import { ExitCode, type Command } from '../command';
import { printJson, unlockedVault, vaultContext, vaultOptions } from '../vault-context';

export const vaultImportCommand: Command = {
  name: 'vault import',
  summary: { ja: 'ファイルやフォルダーを保管庫に暗号化して取り込みます', en: 'Encrypt files and folders into the vault' },
  usage: 'vault import PATH... --collection NAME [--data-dir DIR] [--password-stdin] [--json]',
  options: { ...vaultOptions, collection: { type: 'string' } },
  async run(args, io) {
    const collection = typeof args.values.collection === 'string' ? args.values.collection.trim() : '';
    if (args.positionals.length === 0 || !collection) {
      io.stderr(
        io.language === 'ja' ? '取り込むパスと --collection を指定してください。\n' : 'Give the paths to import and --collection.\n',
      );
      return ExitCode.error;
    }
    const context = vaultContext(args, io);
    const vault = await unlockedVault(context, io);
    try {
      const items = await importPaths(vault.session(), args.positionals, collection);
      if (context.json) printJson(io, { items });
      else
        io.stdout(
          `${io.language === 'ja' ? '取り込んだファイル' : 'Imported files'}: ${items.length}\n${items.map((i) => `${i.id}\t${i.relativePath}\t${i.sha256}`).join('\n')}\n`,
        );
      return ExitCode.ok;
    } finally {
      vault.lock('manual');
    }
  },
};
