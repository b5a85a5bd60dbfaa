/**
 * Copying a maintenance password (14-2) without leaving it behind: the main process writes it
 * to the clipboard and, after 30 seconds or when the vault locks, clears the clipboard — but
 * only if it still holds that password, so whatever the engineer copied since is left alone.
 * To recognise it without keeping it, only an HMAC of it under a throw-away key is held. The
 * timer is unref'd: a pending clear never keeps the process alive (quitting locks the vault,
 * which clears at once). A clear waits for a write still in flight, so a lock right after a
 * copy cannot leave the password on the clipboard.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { CLIPBOARD_CLEAR_SECONDS } from '../../shared/sites';
import type { Clipboard } from '../clipboard';
import { wipe } from '../vault/key-hierarchy';

export interface SecretClipboard {
  readonly clearAfterSeconds: number;
  /** Writes the secret and schedules the clear; resolves with the seconds until then. */
  copy(secret: string): Promise<number>;
  /** Clears now if the clipboard still holds the last secret copied (vault lock). */
  clearIfStillHeld(): Promise<void>;
}

interface Held {
  readonly key: Buffer;
  readonly digest: Buffer;
}

export function createSecretClipboard(clipboard: Clipboard, clearAfterSeconds = CLIPBOARD_CLEAR_SECONDS): SecretClipboard {
  let held: Held | null = null;
  let writing: Promise<void> = Promise.resolve();
  let timer: NodeJS.Timeout | null = null;
  const digestOf = (key: Buffer, text: string) => createHmac('sha256', key).update(text, 'utf8').digest();

  async function clearIfStillHeld(): Promise<void> {
    if (timer) clearTimeout(timer);
    timer = null;
    await writing.catch(() => {});
    if (!held) return;
    const { key, digest } = held;
    held = null;
    let stillHeld = true;
    try {
      stillHeld = timingSafeEqual(digestOf(key, await clipboard.readText()), digest);
    } catch {
      // Unreadable: clear rather than risk leaving the password there.
    }
    wipe(key);
    if (stillHeld) await clipboard.clear();
  }

  return {
    clearAfterSeconds,
    async copy(secret) {
      if (timer) clearTimeout(timer);
      if (held) wipe(held.key);
      const key = randomBytes(32);
      held = { key, digest: digestOf(key, secret) };
      writing = clipboard.writeText(secret);
      await writing;
      timer = setTimeout(() => void clearIfStillHeld().catch(() => {}), clearAfterSeconds * 1000);
      timer.unref();
      return clearAfterSeconds;
    },
    clearIfStillHeld,
  };
}
