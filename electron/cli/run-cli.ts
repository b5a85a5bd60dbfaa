/**
 * The `fieldguard` command line over the core services: global flags, help in Japanese or
 * English (following LC_ALL / LC_MESSAGES / LANG), dispatch to one subcommand, and the exit
 * codes every subcommand shares. Errors print a stable code and a translated message, never
 * a stack trace.
 */
import { parseArgs } from 'node:util';
import { AppError } from '../core/app-error';
import { errorMessage } from '../shared/error-messages';
import type { ErrorCode } from '../shared/errors';
import { languageFromEnvironment, type Language } from '../shared/locale';
import { ExitCode, type CliIo, type Command } from './command';
import { commands as allCommands } from './commands/index';

export interface CliContext {
  readonly version: string;
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly commands?: readonly Command[];
}

/** Refusals (exit 1) as opposed to errors (exit 2): the user can fix these by giving other input. */
const REFUSALS = new Set<ErrorCode>([
  'VAULT_WRONG_PASSWORD',
  'VAULT_PASSWORD_REJECTED',
  'VAULT_PASSWORDS_DIFFER',
  'VAULT_THROTTLED',
  'VAULT_RECOVERY_REQUIRED',
  'VAULT_THROTTLE_TAMPERED',
  'VAULT_RECOVERY_KEY_INVALID',
  'VAULT_RECOVERY_KEY_WRONG',
  'VAULT_RECOVERY_CONFIRMATION_MISMATCH',
  'AUTHORITY_WRONG_PASSPHRASE',
  'AUTHORITY_PASSPHRASE_TOO_SHORT',
  'AUTHORITY_EXISTS',
  'ENROLLMENT_REQUEST_INVALID',
  'ENROLLMENT_REPLY_INVALID',
  'ENROLLMENT_REPLY_NOT_REQUESTED',
  'ARCHIVE_VISIT_IN_PROGRESS',
  'ARCHIVE_ROLLBACK_DETECTED',
  'ARCHIVE_DOCUMENT_NOT_FOUND',
]);

const TEXT = {
  ja: {
    usageLabel: '使い方:',
    usage: '使い方: fieldguard <コマンド> [オプション]',
    intro: 'フィールドガード — 医療機器保守エンジニアのためのセキュリティ・ツール (医療情報システムの安全管理に関するガイドライン 6.0)',
    commands: 'コマンド:',
    globals: '共通オプション:\n  --help, -h     このヘルプを表示します\n  --version, -v  バージョンを表示します',
    unknownCommand: (name: string) => `不明なコマンドです: ${name}`,
    badArguments: (detail: string) => `引数が正しくありません: ${detail}`,
    seeHelp: '「fieldguard --help」で使い方を確認してください。',
  },
  en: {
    usageLabel: 'Usage:',
    usage: 'Usage: fieldguard <command> [options]',
    intro: 'FieldGuard — security companion for medical-device field engineers (MHLW guideline 6.0)',
    commands: 'Commands:',
    globals: 'Global options:\n  --help, -h     Show this help\n  --version, -v  Show the version',
    unknownCommand: (name: string) => `Unknown command: ${name}`,
    badArguments: (detail: string) => `Invalid arguments: ${detail}`,
    seeHelp: 'Run "fieldguard --help" for usage.',
  },
} as const;

export async function runCli(argv: readonly string[], context: CliContext): Promise<ExitCode> {
  const language = languageFromEnvironment(context.env);
  const text = TEXT[language];
  const commands = context.commands ?? allCommands;
  const io: CliIo = { stdout: context.stdout, stderr: context.stderr, env: context.env, language };
  const [first] = argv;

  if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
    context.stdout(helpText(language, commands));
    return ExitCode.ok;
  }
  if (first === '--version' || first === '-v') {
    context.stdout(`fieldguard ${context.version}\n`);
    return ExitCode.ok;
  }
  // Commands may have two words ("vault init"): the longest name that starts argv wins.
  const command = [...commands]
    .sort((a, b) => b.name.split(' ').length - a.name.split(' ').length)
    .find((c) => c.name.split(' ').every((word, i) => argv[i] === word));
  if (!command) {
    context.stderr(
      `${text.unknownCommand(
        argv
          .slice(0, 2)
          .filter((a) => !a.startsWith('-'))
          .join(' '),
      )}\n${text.seeHelp}\n`,
    );
    return ExitCode.error;
  }
  const rest = argv.slice(command.name.split(' ').length);
  if (rest.includes('--help') || rest.includes('-h')) {
    context.stdout(`${text.usageLabel} fieldguard ${command.usage}\n  ${command.summary[language]}\n`);
    return ExitCode.ok;
  }
  let parsed;
  try {
    parsed = parseArgs({ args: [...rest], options: command.options, allowPositionals: true, strict: true });
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    context.stderr(`${text.badArguments(detail)}\n${text.seeHelp}\n`);
    return ExitCode.error;
  }
  try {
    return await command.run(parsed, io);
  } catch (error) {
    const code = error instanceof AppError ? error.code : 'INTERNAL';
    context.stderr(`${code}: ${errorMessage(code, language, error instanceof AppError ? error.params : undefined)}\n`);
    return REFUSALS.has(code) ? ExitCode.refused : ExitCode.error;
  }
}

function helpText(language: Language, commands: readonly Command[]): string {
  const text = TEXT[language];
  const lines = commands.map((c) => `  ${c.usage}\n      ${c.summary[language]}`);
  return `${text.intro}\n\n${text.usage}\n\n${text.commands}\n${lines.join('\n')}\n\n${text.globals}\n`;
}
