/** `fieldguard vault status`: whether a vault exists, how it is protected, and the throttle state. */
import { formatDateTime } from '../../shared/format-date';
import { ExitCode, type Command } from '../command';
import { printJson, vaultContext, vaultOptions } from '../vault-context';

export const vaultStatusCommand: Command = {
  name: 'vault status',
  summary: { ja: '保管庫の状態を表示します', en: 'Show the state of the vault' },
  usage: 'vault status [--data-dir DIR] [--json]',
  options: vaultOptions,
  async run(args, io) {
    const context = vaultContext(args, io);
    const status = await context.vault.status();
    if (context.json) {
      printJson(io, { dataDir: context.dataDir, ...status });
      return ExitCode.ok;
    }
    const ja = io.language === 'ja';
    const lines = [
      `${ja ? 'データフォルダー' : 'Data folder'}: ${context.dataDir}`,
      `${ja ? '状態' : 'State'}: ${status.state === 'uninitialized' ? (ja ? '未作成' : 'not set up') : ja ? 'ロック中' : 'locked'}`,
    ];
    if (status.protection) {
      lines.push(
        `${ja ? '保護' : 'Protection'}: ${status.protection === 'password-only' ? (ja ? 'パスワードのみ' : 'password only') : ja ? 'パスワード + 端末キー' : 'password + device key'}`,
      );
      lines.push(`${ja ? '端末キー' : 'Device key'}: ${String(status.deviceSecret)}`);
      lines.push(`${ja ? '連続誤入力' : 'Failed attempts'}: ${status.failures}`);
      if (status.retryAt) lines.push(`${ja ? '次に試せる時刻' : 'Next try at'}: ${formatDateTime(status.retryAt, io.language)}`);
      if (status.recoveryRequired) lines.push(ja ? '回復キーでのみ解除できます。' : 'Only the recovery key can unlock.');
    }
    io.stdout(`${lines.join('\n')}\n`);
    return ExitCode.ok;
  },
};
