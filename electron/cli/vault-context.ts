/**
 * What every vault and audit subcommand shares: the data folder (--data-dir, default the
 * app's own), the password source (--password-stdin or a TTY prompt), and a vault service
 * on the real OS keychain.
 */
import { defaultDataDir } from '../core/app/default-data-dir';
import { silentLogger } from '../core/logger';
import { sweepStaging } from '../core/sanitize/sanitize-staging';
import { createVaultService, type VaultService } from '../core/vault/vault-service';
import { createKeytarKeyStore } from '../platform/keychain/keytar-key-store';
import type { CliIo, ParsedArgs } from './command';
import { secretsFromStdin, secretsFromTerminal, type SecretSource } from './read-secret';

export const vaultOptions = {
  'data-dir': { type: 'string' },
  'password-stdin': { type: 'boolean' },
  json: { type: 'boolean' },
} as const;

export interface VaultContext {
  readonly dataDir: string;
  readonly vault: VaultService;
  readonly secrets: SecretSource;
  readonly json: boolean;
}

export function vaultContext(args: ParsedArgs, io: CliIo): VaultContext {
  const dataDir = typeof args.values['data-dir'] === 'string' ? args.values['data-dir'] : defaultDataDir(io.env);
  return {
    dataDir,
    vault: createVaultService({ dataDir, keyStore: createKeytarKeyStore(), log: silentLogger }),
    secrets: args.values['password-stdin'] ? secretsFromStdin() : secretsFromTerminal(),
    json: args.values.json === true,
  };
}

/** Unlocks with the next password from the source; the caller locks when done. */
export async function unlockedVault(context: VaultContext, io: CliIo): Promise<VaultService> {
  // What a killed sanitization (of this CLI or of the app) left in staging/ is overwritten and removed first.
  await sweepStaging(context.dataDir);
  const password = await context.secrets.next(io.language === 'ja' ? '保管庫のパスワード: ' : 'Vault password: ');
  await context.vault.unlock(password);
  return context.vault;
}

export function printJson(io: CliIo, value: unknown): void {
  io.stdout(`${JSON.stringify(value, null, 2)}\n`);
}
