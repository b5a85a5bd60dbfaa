/** `fieldguard vault init`: creates the vault, with the wizard's password rule; prints the recovery key once. */
import { AppError } from '../../core/app-error';
import { assessPassword } from '../../core/vault/password-policy';
import { passwordTexts } from '../../shared/password-texts';
import { ExitCode, type Command } from '../command';
import { printJson, vaultContext, vaultOptions } from '../vault-context';

const TEXT = {
  ja: {
    missing: '--name、--company、--employee-id をすべて指定してください。',
    password: '新しい保管庫のパスワード: ',
    again: 'もう一度入力してください: ',
    created: '保管庫を作成しました。',
    recovery: '回復キー（この一度だけ表示します。ノートPCとは別の安全な場所に控えてください）:',
    passwordOnly: '注意: パスワードのみで保護された保管庫です（OS キーチェーンと結び付いていません）。',
  },
  en: {
    missing: 'Give all of --name, --company and --employee-id.',
    password: 'New vault password: ',
    again: 'Repeat it: ',
    created: 'The vault was created.',
    recovery: 'Recovery key (shown this once only; keep it somewhere safe, apart from the laptop):',
    passwordOnly: 'Note: this vault is protected by the password only (not bound to the OS keychain).',
  },
};

export const vaultInitCommand: Command = {
  name: 'vault init',
  summary: {
    ja: '保管庫を作成します（パスワードは標準入力か端末から）',
    en: 'Create the vault (password from standard input or the terminal)',
  },
  usage: 'vault init --name NAME --company COMPANY --employee-id ID [--password-only] [--data-dir DIR] [--password-stdin] [--json]',
  options: {
    ...vaultOptions,
    name: { type: 'string' },
    company: { type: 'string' },
    'employee-id': { type: 'string' },
    'password-only': { type: 'boolean' },
  },
  async run(args, io) {
    const text = TEXT[io.language];
    const profile = {
      name: String(args.values.name ?? '').trim(),
      company: String(args.values.company ?? '').trim(),
      employeeId: String(args.values['employee-id'] ?? '').trim(),
    };
    if (!profile.name || !profile.company || !profile.employeeId) {
      io.stderr(`${text.missing}\n`);
      return ExitCode.error;
    }
    const context = vaultContext(args, io);
    const password = await context.secrets.next(text.password);
    const assessment = assessPassword(password, profile);
    if (!assessment.acceptable) {
      const reasons = assessment.problems.map((p) => passwordTexts[io.language].problems[p]);
      if (context.json) printJson(io, { created: false, problems: assessment.problems, score: assessment.score });
      io.stderr(`VAULT_PASSWORD_REJECTED: ${reasons.join(' ')}\n${passwordTexts[io.language].rule}\n`);
      return ExitCode.refused;
    }
    const confirmation = args.values['password-stdin'] ? password : await context.secrets.next(text.again);
    const passwordOnly = args.values['password-only'] === true;
    const { recoveryKey } = await context.vault.prepareSetup({ profile, password, passwordConfirmation: confirmation, passwordOnly });
    // The terminal user sees the key printed below; the wizard's read-back step is a UI affordance.
    await context.vault.completeSetup([0, 1].map((group) => ({ group, digits: recoveryKey.groups[group] ?? '' })));
    const status = await context.vault.status();
    context.vault.lock('manual');
    if (!status.protection) throw new AppError('INTERNAL');
    if (context.json) {
      printJson(io, { created: true, dataDir: context.dataDir, protection: status.protection, recoveryKey: recoveryKey.text });
    } else {
      io.stdout(`${text.created}\n${text.recovery}\n\n    ${recoveryKey.text}\n\n`);
      if (passwordOnly) io.stdout(`${text.passwordOnly}\n`);
    }
    return ExitCode.ok;
  },
};
