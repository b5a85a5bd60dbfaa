/** `fieldguard vault change-password`: current password, then the new one (twice on a terminal; one line each with --password-stdin). */
import { ExitCode, type Command } from '../command';
import { printJson, unlockedVault, vaultContext, vaultOptions } from '../vault-context';

export const vaultChangePasswordCommand: Command = {
  name: 'vault change-password',
  summary: {
    ja: '保管庫のパスワードを変更します（標準入力では 1 行目が現在、2 行目が新しいパスワード）',
    en: 'Change the vault password (stdin: current on line 1, new on line 2)',
  },
  usage: 'vault change-password [--data-dir DIR] [--password-stdin] [--json]',
  options: vaultOptions,
  async run(args, io) {
    const context = vaultContext(args, io);
    const ja = io.language === 'ja';
    const current = await context.secrets.next(ja ? '現在のパスワード: ' : 'Current password: ');
    const { secrets } = context;
    const replay = { next: async () => current };
    const vault = await unlockedVault({ ...context, secrets: replay }, io);
    try {
      const next = await secrets.next(ja ? '新しいパスワード: ' : 'New password: ');
      if (!args.values['password-stdin']) {
        const again = await secrets.next(ja ? 'もう一度入力してください: ' : 'Repeat it: ');
        if (again !== next) {
          io.stderr(
            ja
              ? 'VAULT_PASSWORDS_DIFFER: 確認用のパスワードが一致しません。\n'
              : 'VAULT_PASSWORDS_DIFFER: The two passwords do not match.\n',
          );
          return ExitCode.refused;
        }
      }
      await vault.changePassword(current, next);
      if (context.json) printJson(io, { changed: true });
      else io.stdout(ja ? 'パスワードを変更しました。\n' : 'The password was changed.\n');
      return ExitCode.ok;
    } finally {
      vault.lock('manual');
    }
  },
};
