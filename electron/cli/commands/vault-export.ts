/** `fieldguard vault export ITEM_ID... --out DIR`: writes decrypted copies (audited). */
import { exportItems } from '../../core/vault/vault-items';
import { ExitCode, type Command } from '../command';
import { printJson, unlockedVault, vaultContext, vaultOptions } from '../vault-context';

export const vaultExportCommand: Command = {
  name: 'vault export',
  summary: {
    ja: '保管庫のファイルを復号してフォルダーに書き出します（監査ログに記録）',
    en: 'Write decrypted copies to a folder (audited)',
  },
  usage: 'vault export ITEM_ID... --out DIR [--data-dir DIR] [--password-stdin] [--json]',
  options: { ...vaultOptions, out: { type: 'string' } },
  async run(args, io) {
    const out = typeof args.values.out === 'string' ? args.values.out : '';
    if (args.positionals.length === 0 || !out) {
      io.stderr(io.language === 'ja' ? '項目の ID と --out を指定してください。\n' : 'Give the item ids and --out.\n');
      return ExitCode.error;
    }
    const context = vaultContext(args, io);
    const vault = await unlockedVault(context, io);
    try {
      const written = await exportItems(vault.session(), args.positionals, out);
      if (context.json) printJson(io, { files: written });
      else io.stdout(`${written.map((w) => w.file).join('\n')}\n`);
      return ExitCode.ok;
    } finally {
      vault.lock('manual');
    }
  },
};
