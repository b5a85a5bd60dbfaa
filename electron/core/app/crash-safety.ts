/**
 * What the main process does when something goes wrong that no code path expected (issue 18,
 * "a safety net"). Without it an uncaught exception ends the app with a raw stack in a system
 * dialog, or — worse for evidence — an unhandled rejection is ignored and the vault stays
 * unlocked in a process whose state nobody knows. Here:
 * - an uncaught exception is logged (the error's name and code only: a message may hold a path
 *   or a name), the vault is locked at once (its keys dropped), and a calm dialog lets the
 *   engineer restart or quit: the process does not go on in an unknown state;
 * - an unhandled rejection is logged and shown once per run (the work it belonged to failed;
 *   everything else goes on), with a restart offered;
 * - a renderer that goes away (crash, killed, out of memory) is logged, the vault locked — the
 *   page that held the unlocked session is gone — and the window reloaded to the lock screen.
 * Everything Electron-specific (dialogs, relaunch, reload) comes in as ports, so this runs
 * and is tested under plain Node.
 */
import type { Confirmation } from '../dialogs';
import type { Logger } from '../logger';
import type { Language } from '../../shared/locale';

export type CrashKind = 'exception' | 'rejection';

export interface CrashSafetyPorts {
  readonly log: Logger;
  /** Drops every key now (the vault's lock). */
  lockVault(): void;
  /** The calm dialog: the engineer's answer. Rejections may be continued; exceptions may not. */
  tellUser(kind: CrashKind): Promise<'restart' | 'quit' | 'continue'>;
  restart(): void;
  quit(): void;
}

/** Names only: an error's message or stack may carry a path, a patient's name or a secret. */
export function describeError(error: unknown): { errorName: string; errorCode?: string } {
  if (!(error instanceof Error)) return { errorName: typeof error };
  const code = (error as NodeJS.ErrnoException).code;
  return { errorName: error.name, ...(typeof code === 'string' && /^[A-Z0-9_]{1,40}$/.test(code) ? { errorCode: code } : {}) };
}

export interface CrashSafety {
  onUncaughtException(error: unknown): Promise<void>;
  onUnhandledRejection(reason: unknown): Promise<void>;
}

export function createCrashSafety(ports: CrashSafetyPorts): CrashSafety {
  let exiting = false;
  let rejectionShown = false;
  const settle = async (kind: CrashKind) => {
    const answer = await ports.tellUser(kind).catch(() => 'quit' as const);
    if (answer === 'restart') {
      exiting = true;
      ports.restart();
    } else if (answer === 'quit' || kind === 'exception') {
      exiting = true;
      ports.quit();
    }
  };
  return {
    async onUncaughtException(error) {
      ports.log.error('app.uncaught-exception', describeError(error));
      ports.lockVault();
      // A second failure while the dialog is up is logged; one dialog is enough.
      if (exiting) return;
      exiting = true;
      await settle('exception');
    },
    async onUnhandledRejection(reason) {
      ports.log.error('app.unhandled-rejection', describeError(reason));
      if (exiting || rejectionShown) return;
      rejectionShown = true;
      await settle('rejection');
    },
  };
}

const CRASH_TEXTS: Readonly<Record<Language, Readonly<Record<CrashKind, Confirmation>>>> = {
  ja: {
    exception: {
      title: 'FieldGuard',
      message: '予期しないエラーが発生したため、保管庫をロックしました。',
      detail:
        'データは暗号化されたまま保管庫にあります。FieldGuard を再起動してから、もう一度ロックを解除してください。エラーの記録はログに残しました（設定 →「ログを保存」でサポートに送れます）。',
      confirmButton: '再起動',
      cancelButton: '終了',
    },
    rejection: {
      title: 'FieldGuard',
      message: '処理の一部が予期しないエラーで終わりました。',
      detail:
        '保管庫とほかの作業はそのまま続けられます。同じ操作がまた失敗するときは、FieldGuard を再起動してください。エラーの記録はログに残しました（設定 →「ログを保存」）。',
      confirmButton: '再起動',
      cancelButton: '続行',
    },
  },
  en: {
    exception: {
      title: 'FieldGuard',
      message: 'An unexpected error occurred, so the vault has been locked.',
      detail:
        'Your data stays encrypted in the vault. Restart FieldGuard, then unlock it again. The error was recorded in the log (Settings → "Save log" to send it to support).',
      confirmButton: 'Restart',
      cancelButton: 'Quit',
    },
    rejection: {
      title: 'FieldGuard',
      message: 'Part of an operation ended with an unexpected error.',
      detail:
        'The vault and other work can go on. If the same operation fails again, restart FieldGuard. The error was recorded in the log (Settings → "Save log").',
      confirmButton: 'Restart',
      cancelButton: 'Continue',
    },
  },
};

/** The calm dialog's texts: restart is the confirm button; the other is quit (exception) or continue (rejection). */
export function crashConfirmation(kind: CrashKind, language: Language): Confirmation {
  return CRASH_TEXTS[language][kind];
}

/** Installs the handlers on `process` (the main process's own). */
export function installCrashSafety(target: NodeJS.EventEmitter, safety: CrashSafety): void {
  target.on('uncaughtException', (error: unknown) => void safety.onUncaughtException(error));
  target.on('unhandledRejection', (reason: unknown) => void safety.onUnhandledRejection(reason));
}

export interface RendererGoneDetails {
  readonly reason: string;
  readonly exitCode: number;
}

/** The page that held the session is gone: lock, log, and reload to the lock screen (not after a clean exit, which is the app quitting). */
export function onRendererGone(details: RendererGoneDetails, ports: { readonly log: Logger; lockVault(): void; reload(): void }): void {
  ports.log.warn('window.renderer-gone', {
    reason: /^[a-z-]{1,32}$/.test(details.reason) ? details.reason : 'other',
    exitCode: details.exitCode,
  });
  ports.lockVault();
  if (details.reason !== 'clean-exit') ports.reload();
}
