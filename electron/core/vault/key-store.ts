/**
 * The port to the OS keychain, which holds the vault's random device secret (docs/decisions.md,
 * "OS keychain"). Binding the vault to the device means a copied data folder is useless
 * without this computer's keychain, even with the password (7-3).
 */
export interface KeyStore {
  /** False when the OS has no usable keychain at all (no Secret Service, no Keychain, no Credential Manager). */
  isAvailable(): Promise<boolean>;
  /** Null when the entry is absent — or when the keychain is locked: callers must not read null as "never created". */
  get(account: string): Promise<Buffer | null>;
  set(account: string, secret: Buffer): Promise<void>;
  delete(account: string): Promise<void>;
}
