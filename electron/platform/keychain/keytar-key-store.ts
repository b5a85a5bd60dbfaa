/**
 * KeyStore on keytar: Windows Credential Manager, macOS Keychain, Linux Secret Service
 * (gnome-keyring, KWallet). keytar is archived but works; Electron's safeStorage is the
 * drop-in successor behind the same port (docs/decisions.md).
 */
import keytar from 'keytar';
import type { KeyStore } from '../../core/vault/key-store';

export const KEYCHAIN_SERVICE = 'FieldGuard vault device secret';

export function createKeytarKeyStore(service = KEYCHAIN_SERVICE): KeyStore {
  return {
    async isAvailable() {
      try {
        await keytar.findCredentials(service);
        return true;
      } catch {
        return false;
      }
    },
    // keytar takes and returns strings only, so the device secret crosses as base64: unavoidable with this
    // binding (docs/threat-model.md "Key material in memory"); the Buffer the vault gets is the copy it wipes.
    async get(account) {
      const value = await keytar.getPassword(service, account);
      return value === null ? null : Buffer.from(value, 'base64');
    },
    async set(account, secret) {
      await keytar.setPassword(service, account, secret.toString('base64'));
    },
    async delete(account) {
      await keytar.deletePassword(service, account);
    },
  };
}
