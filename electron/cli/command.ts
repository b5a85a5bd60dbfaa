/**
 * What a `fieldguard` subcommand is. Adding one is one file in `commands/` exporting a
 * `Command`, plus its line in `commands/index.ts`; parsing, help, language and exit codes
 * are handled once, in `run-cli.ts`.
 */
import type { ParseArgsConfig } from 'node:util';
import type { Language } from '../shared/locale';

/** 0 success; 1 refused (wrong password, verification failed, rule not met); 2 error. */
export const ExitCode = { ok: 0, refused: 1, error: 2 } as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly language: Language;
}

export interface ParsedArgs {
  readonly values: Readonly<Record<string, string | boolean | (string | boolean)[] | undefined>>;
  readonly positionals: readonly string[];
}

export interface Command {
  readonly name: string;
  readonly summary: Readonly<Record<Language, string>>;
  /** The usage line after `fieldguard`, e.g. `disks [--json]`. */
  readonly usage: string;
  readonly options: NonNullable<ParseArgsConfig['options']>;
  run(args: ParsedArgs, io: CliIo): Promise<ExitCode>;
}
