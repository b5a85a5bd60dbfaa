/** `fieldguard audit verify`: checks the hash chain and MACs; exit 1 and the broken entry when it is not intact. */
import { errorMessage } from '../../shared/error-messages';
import { ExitCode, type Command } from '../command';
import { printJson, unlockedVault, vaultContext, vaultOptions } from '../vault-context';

export const auditVerifyCommand: Command = {
  name: 'audit verify',
  summary: { ja: '監査ログの改ざんを検証します', en: 'Verify that the audit log has not been altered' },
  usage: 'audit verify [--data-dir DIR] [--password-stdin] [--json]',
  options: vaultOptions,
  async run(args, io) {
    const context = vaultContext(args, io);
    const vault = await unlockedVault(context, io);
    try {
      const result = vault.session().audit.verify();
      if (context.json) printJson(io, result);
      else if (result.intact) io.stdout(io.language === 'ja' ? `監査ログは完全です（${result.entries} 件）。\n` : `The audit log is intact (${result.entries} entries).\n`);
      else io.stdout(`${result.problem}: ${errorMessage(result.problem, io.language)} (seq ${result.brokenAt})\n`);
      return result.intact ? ExitCode.ok : ExitCode.refused;
    } finally {
      vault.lock('manual');
    }
  },
};
