/**
 * The security boundary for destructive and secret-revealing operations (issue 17): before a
 * volume, a file or a vault item is erased, or a maintenance password leaves the vault, the main
 * process shows its own message box (Dialogs.confirm) saying what will happen and to what — the
 * volume's label, model and serial, the number of files, the account — in the app's language.
 * The renderer's confirm dialogs stay as UX; they cannot be trusted, since script in a
 * compromised renderer calls the channel directly. Anything but an explicit yes is a refusal.
 * Resuming an interrupted erasure and saving or removing a maintenance account (which decides
 * the password a site's system is entered with) are asked the same way.
 */
import type { Language } from '../../shared/locale';
import { formatBytes } from '../../shared/format-bytes';
import { formatDateTime } from '../../shared/format-date';
import { interpolate } from '../../shared/interpolate';
import { AppError } from '../app-error';
import type { Confirmation, Dialogs } from '../dialogs';
import { confirmationTexts } from './confirmation-texts';

/** A volume as the OS and its device report it; null where they did not say. */
export interface VolumeToErase {
  readonly mount: string;
  readonly label: string | null;
  readonly vendor: string | null;
  readonly model: string | null;
  readonly serial: string | null;
}

/** What the main process is about to do, in facts it gathered itself (never a text from the renderer but names the user gave). */
export type Question =
  | {
      readonly kind: 'erase';
      /** Files on disk and in the vault, as the erasure screen counts them. */
      readonly files: number;
      readonly volumes: readonly VolumeToErase[];
      /** Files and folders picked in the native dialog. */
      readonly paths: readonly string[];
      /** Vault items to crypto-erase, by collection. */
      readonly vaultItems: ReadonlyMap<string, number>;
    }
  | { readonly kind: 'erase-vault-items'; readonly byCollection: ReadonlyMap<string, number> }
  | { readonly kind: 'reveal-secret' | 'copy-secret'; readonly account: AccountToReveal; readonly clearsInSeconds?: number }
  /** An erasure left interrupted: what it still has to overwrite, as its journal says. */
  | { readonly kind: 'resume-erasure'; readonly remaining: number; readonly targets: readonly string[]; readonly startedAt: string }
  /** A whole device about to be overwritten or sanitized: every partition and file system on it, as the OS names the device. */
  | { readonly kind: 'erase-device'; readonly device: DeviceToErase }
  | { readonly kind: 'save-account'; readonly account: AccountToReveal; readonly isNew: boolean; readonly secretChanged: boolean }
  | { readonly kind: 'remove-account'; readonly account: AccountToReveal }
  /**
   * Where signed documents will be sent (issue 20): a compromised renderer that could point the
   * archive at its own server would carry every certificate off the laptop through the main process.
   */
  | { readonly kind: 'archive-destination'; readonly destination: ArchiveDestination; readonly previous: ArchiveDestination | null }
  /** An account review that disables or deletes accounts: each one named. */
  | { readonly kind: 'review-accounts'; readonly disable: readonly AccountToReveal[]; readonly remove: readonly AccountToReveal[] };

export interface DeviceToErase {
  readonly path: string;
  readonly vendor: string | null;
  readonly model: string | null;
  readonly serial: string | null;
  readonly sizeBytes: number | null;
}

export interface ArchiveDestination {
  readonly endpoint: string;
  readonly region: string;
  readonly bucket: string;
  readonly prefix: string;
}

export interface AccountToReveal {
  readonly userName: string;
  readonly product: string;
  readonly hostName: string;
  readonly site: string;
}

/** Asks; resolves when the user said yes, throws CONFIRMATION_REFUSED otherwise. */
export type ConfirmInMain = (question: Question) => Promise<void>;

/** At most this many paths or collections are listed; the rest are counted. */
const LISTED = 5;

export function confirmInMain(dialogs: Dialogs, language: () => Promise<Language>): ConfirmInMain {
  return async (question) => {
    const confirmation = wordConfirmation(question, await language());
    if (!(await dialogs.confirm(confirmation))) throw new AppError('CONFIRMATION_REFUSED');
  };
}

/** The box's texts for a question, in one language. */
export function wordConfirmation(question: Question, language: Language): Confirmation {
  const t = confirmationTexts[language];
  switch (question.kind) {
    case 'erase': {
      const lines: string[] = [];
      for (const volume of question.volumes) {
        lines.push(
          interpolate(t.erase.volume, {
            label: shown(volume.label, t.unknown),
            mount: shown(volume.mount, t.unknown),
            model: shown([volume.vendor, volume.model].filter(Boolean).join(' '), t.unknown),
            serial: shown(volume.serial, t.unknown),
          }),
        );
      }
      if (question.paths.length > 0) lines.push(t.erase.paths, ...listed(question.paths, t.erase.more).map((line) => `  ${line}`));
      const items = [...question.vaultItems.values()].reduce((sum, n) => sum + n, 0);
      if (items > 0)
        lines.push(interpolate(t.erase.vault, { items, collections: listed([...question.vaultItems.keys()], t.erase.more).join(', ') }));
      return {
        title: t.erase.title,
        message: interpolate(t.erase.message, { files: question.files }),
        detail: lines.join('\n'),
        confirmButton: t.erase.confirm,
        cancelButton: t.cancel,
      };
    }
    case 'erase-vault-items': {
      const items = [...question.byCollection.values()].reduce((sum, n) => sum + n, 0);
      const collections = [...question.byCollection].map(([collection, n]) =>
        interpolate(t.eraseItems.collection, { collection: shown(collection, t.unknown), items: n }),
      );
      return {
        title: t.eraseItems.title,
        message: interpolate(t.eraseItems.message, { items }),
        detail: listed(collections, t.erase.more).join('\n'),
        confirmButton: t.eraseItems.confirm,
        cancelButton: t.cancel,
      };
    }
    case 'resume-erasure': {
      const detail = [
        interpolate(t.resume.startedAt, { startedAt: formatDateTime(question.startedAt, language) }),
        t.erase.paths,
        ...listed(question.targets, t.erase.more).map((line) => `  ${line}`),
      ];
      return {
        title: t.resume.title,
        message: interpolate(t.resume.message, { remaining: question.remaining }),
        detail: detail.join('\n'),
        confirmButton: t.resume.confirm,
        cancelButton: t.cancel,
      };
    }
    case 'erase-device': {
      const { device } = question;
      return {
        title: t.eraseDevice.title,
        message: t.eraseDevice.message,
        detail: interpolate(t.eraseDevice.detail, {
          path: device.path,
          model: shown([device.vendor, device.model].filter(Boolean).join(' '), t.unknown),
          serial: shown(device.serial, t.unknown),
          size: device.sizeBytes === null ? t.unknown : formatBytes(device.sizeBytes, language),
        }),
        confirmButton: t.eraseDevice.confirm,
        cancelButton: t.cancel,
      };
    }
    case 'save-account': {
      const message = `${question.isNew ? t.account.saveNewMessage : t.account.saveMessage}${question.secretChanged ? t.account.saveSecret : ''}`;
      return {
        title: t.account.saveTitle,
        message,
        detail: accountDetail(question.account, t),
        confirmButton: t.account.saveConfirm,
        cancelButton: t.cancel,
      };
    }
    case 'review-accounts': {
      const named = (accounts: readonly AccountToReveal[]) =>
        listed(
          accounts.map((a) =>
            interpolate(t.account.reviewLine, { userName: a.userName, product: a.product, hostName: a.hostName, site: a.site }),
          ),
          t.erase.more,
        ).map((line) => `  ${line}`);
      const detail = [
        ...(question.disable.length > 0 ? [t.account.reviewDisable, ...named(question.disable)] : []),
        ...(question.remove.length > 0 ? [t.account.reviewRemove, ...named(question.remove)] : []),
      ];
      return {
        title: t.account.reviewTitle,
        message: interpolate(t.account.reviewMessage, { disable: question.disable.length, remove: question.remove.length }),
        detail: detail.join('\n'),
        confirmButton: t.account.reviewConfirm,
        cancelButton: t.cancel,
      };
    }
    case 'archive-destination': {
      const place = (d: ArchiveDestination) => ({
        endpoint: shown(d.endpoint, t.unknown),
        bucket: shown(d.bucket, t.unknown),
        prefix: shown(d.prefix, t.unknown),
        region: shown(d.region, t.unknown),
      });
      const detail = [interpolate(t.archive.destination, place(question.destination))];
      if (question.previous) detail.push(interpolate(t.archive.previous, place(question.previous)));
      return {
        title: t.archive.title,
        message: t.archive.message,
        detail: detail.join('\n'),
        confirmButton: t.archive.confirm,
        cancelButton: t.cancel,
      };
    }
    case 'remove-account':
      return {
        title: t.account.removeTitle,
        message: t.account.removeMessage,
        detail: accountDetail(question.account, t),
        confirmButton: t.account.removeConfirm,
        cancelButton: t.cancel,
      };
    case 'reveal-secret':
    case 'copy-secret': {
      const detail = accountDetail(question.account, t);
      return question.kind === 'reveal-secret'
        ? {
            title: t.account.revealTitle,
            message: t.account.revealMessage,
            detail,
            confirmButton: t.account.revealConfirm,
            cancelButton: t.cancel,
          }
        : {
            title: t.account.copyTitle,
            message: interpolate(t.account.copyMessage, { seconds: question.clearsInSeconds ?? 0 }),
            detail,
            confirmButton: t.account.copyConfirm,
            cancelButton: t.cancel,
          };
    }
  }
}

function accountDetail(account: AccountToReveal, t: (typeof confirmationTexts)[Language]): string {
  return interpolate(t.account.detail, {
    userName: shown(account.userName, t.unknown),
    product: shown(account.product, t.unknown),
    hostName: shown(account.hostName, t.unknown),
    site: shown(account.site, t.unknown),
  });
}

/**
 * A name as one line of the box: control and direction characters (a newline or a right-to-left
 * override in a crafted volume label or collection name could fake a line of the box) become spaces, and a long one is cut.
 */
function shown(value: string | null, unknown: string): string {
  // eslint-disable-next-line no-control-regex
  const line = (value ?? '').replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u2028-\u202e\u2066-\u2069]/g, ' ').trim();
  if (line === '') return unknown;
  return line.length > 120 ? `${line.slice(0, 119)}…` : line;
}

function listed(values: readonly string[], more: string): string[] {
  const lines = values.slice(0, LISTED).map((value) => shown(value, '?'));
  if (values.length > LISTED) lines.push(interpolate(more, { count: values.length - LISTED }));
  return lines;
}
