/** `fieldguard vault erase-item ITEM_ID...`: cryptographic erase of vault items (10-1). */
import { eraseItem } from '../../core/vault/vault-items';
import { ExitCode, type Command } from '../command';
import { printJson, unlockedVault, vaultContext, vaultOptions } from '../vault-context';

export const vaultEraseItemCommand: Command = {
  name: 'vault erase-item',
  summary: {
    ja: '保管庫の項目を暗号消去します（鍵を破棄し、暗号文を上書き削除）',
    en: 'Crypto-erase vault items (key destroyed, ciphertext overwritten and removed)',
  },
  usage: 'vault erase-item ITEM_ID... [--data-dir DIR] [--password-stdin] [--json]',
  options: vaultOptions,
  async run(args, io) {
    if (args.positionals.length === 0) {
      io.stderr(io.language === 'ja' ? '消去する項目の ID を指定してください。\n' : 'Give the ids of the items to erase.\n');
      return ExitCode.error;
    }
    const context = vaultContext(args, io);
    const vault = await unlockedVault(context, io);
    try {
      for (const id of args.positionals) await eraseItem(vault.session(), id);
      if (context.json) printJson(io, { erased: args.positionals });
      else io.stdout(`${io.language === 'ja' ? '消去しました' : 'Erased'}: ${args.positionals.length}\n`);
      return ExitCode.ok;
    } finally {
      vault.lock('manual');
    }
  },
};
