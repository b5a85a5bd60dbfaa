/** The `vault.*` and `jobs.*` channels, wired to the vault service, its items and settings. */
import { writeFile } from 'node:fs/promises';
import type { JobProgress } from '../../shared/vault';
import { AppError } from '../app-error';
import type { ConfirmInMain } from '../confirmations/confirm-in-main';
import type { Dialogs } from '../dialogs';
import type { EmitEvent } from '../events';
import type { Handlers } from '../ipc/router';
import { isCancellation, throttleProgress, type JobRegistry } from '../jobs/job-registry';
import { assessPassword } from './password-policy';
import { recoveryKeyDocument } from './recovery-key-document';
import type { VaultSession } from './vault-session';
import { eraseItem, exportItems, importPaths, listItems, type TransferProgress } from './vault-items';
import type { VaultService } from './vault-service';
import { autoLockMinutes, setAutoLockMinutes } from './vault-settings';

type VaultChannel = Extract<keyof Handlers, `vault.${string}` | 'jobs.cancel'>;

/** Asked before files are imported into a folder; throws to refuse (a visit's folder needs the site's permission first, 7-2). */
export type ImportGuard = (session: VaultSession, collection: string) => void;

export function createVaultHandlers(
  vault: VaultService,
  jobs: JobRegistry,
  dialogs: Dialogs,
  emit: EmitEvent,
  now: () => Date,
  guardImport: ImportGuard = () => undefined,
  /** The main process's own box before vault items are crypto-erased; without it nothing is erased. */
  confirm: ConfirmInMain = () => Promise.reject(new AppError('CONFIRMATION_REFUSED')),
): Pick<Handlers, VaultChannel> {
  /** The recovery key last shown (setup's or a rotation's), for 'vault.saveRecoveryKey'; dropped once it is in effect. */
  let shownKey: { text: string; profile: { name: string; employeeId: string } } | null = null;

  async function status() {
    const base = await vault.status();
    return { ...base, autoLockMinutes: vault.isUnlocked() ? autoLockMinutes(vault.session()) : null };
  }

  function progressOf(jobId: string, kind: JobProgress['kind']) {
    const throttled = throttleProgress<JobProgress>((value) => emit('job.progress', value));
    return {
      report: (p: TransferProgress, step: string | null = null) => throttled.report({ jobId, kind, ...p, step }),
      flush: () => throttled.flush(),
    };
  }

  return {
    'vault.status': status,
    'vault.assessPassword': ({ password, profile }) => {
      const result = assessPassword(password, profile ?? {});
      return { ...result, problems: [...result.problems], suggestions: [...result.suggestions] };
    },
    'vault.prepareSetup': async (request) => {
      const { recoveryKey, confirmGroups } = await vault.prepareSetup(request);
      shownKey = { text: recoveryKey.text, profile: request.profile };
      return { recoveryKey: recoveryKey.text, groups: [...recoveryKey.groups], confirmGroups: [confirmGroups[0], confirmGroups[1]] };
    },
    'vault.saveRecoveryKey': async () => {
      if (!shownKey) throw new AppError('VAULT_NOT_INITIALIZED');
      const file = await dialogs.pickSaveFile('FieldGuard-recovery-key.txt', 'text');
      if (!file) return { saved: false };
      await writeFile(file, recoveryKeyDocument(shownKey.text, shownKey.profile, now()), { mode: 0o600 }).catch(() => {
        throw new AppError('VAULT_DESTINATION_UNWRITABLE');
      });
      return { saved: true };
    },
    'vault.completeSetup': async ({ answers }) => {
      await vault.completeSetup(answers);
      shownKey = null;
      return status();
    },
    'vault.unlock': async ({ password }) => {
      await vault.unlock(password);
      return status();
    },
    'vault.recover': async ({ recoveryKey, newPassword, newPasswordConfirmation }) => {
      if (newPassword !== newPasswordConfirmation) throw new AppError('VAULT_PASSWORDS_DIFFER');
      await vault.recover(recoveryKey, newPassword);
      return status();
    },
    'vault.lock': async () => {
      vault.lock('manual');
      return status();
    },
    'vault.changePassword': async ({ currentPassword, newPassword, newPasswordConfirmation }) => {
      if (newPassword !== newPasswordConfirmation) throw new AppError('VAULT_PASSWORDS_DIFFER');
      await vault.changePassword(currentPassword, newPassword);
      return { ok: true as const };
    },
    'vault.prepareRotation': () => {
      const { recoveryKey, confirmGroups } = vault.prepareRotation();
      shownKey = { text: recoveryKey.text, profile: vault.session().profile() };
      return { recoveryKey: recoveryKey.text, groups: [...recoveryKey.groups], confirmGroups: [confirmGroups[0], confirmGroups[1]] };
    },
    'vault.rotateMasterKey': ({ password, jobId, answers }) =>
      jobs.run(jobId, async () => {
        const progress = progressOf(jobId, 'rotate');
        await vault.rotateMasterKey(password, answers, (p) =>
          progress.report({ filesDone: p.done, filesTotal: p.total, bytesDone: 0, bytesTotal: 0 }, p.step),
        );
        shownKey = null;
        progress.flush();
        return { ok: true as const };
      }),
    'vault.setAutoLock': async ({ minutes }) => {
      setAutoLockMinutes(vault.session(), minutes);
      return status();
    },
    'vault.items.list': ({ collection }) => ({ items: listItems(vault.session(), collection) }),
    'vault.items.import': ({ jobId, collection, pick }) =>
      jobs.run(jobId, async (signal) => {
        const session = vault.session();
        guardImport(session, collection);
        const sources = await dialogs.pickImportSources(pick);
        if (!sources || sources.length === 0) return { cancelled: true, items: [] };
        const progress = progressOf(jobId, 'import');
        try {
          const items = await importPaths(session, sources, collection, { signal, onProgress: (p) => progress.report(p), now });
          progress.flush();
          return { cancelled: false, items };
        } catch (error) {
          if (isCancellation(error)) return { cancelled: true, items: [] };
          throw error;
        }
      }),
    'vault.items.export': ({ jobId, itemIds }) =>
      jobs.run(jobId, async (signal) => {
        const session = vault.session();
        const destination = await dialogs.pickExportFolder();
        if (!destination) return { cancelled: true, files: 0, destination: null };
        const progress = progressOf(jobId, 'export');
        try {
          const written = await exportItems(session, itemIds, destination, { signal, onProgress: (p) => progress.report(p) });
          progress.flush();
          return { cancelled: false, files: written.length, destination };
        } catch (error) {
          if (isCancellation(error)) return { cancelled: true, files: 0, destination };
          throw error;
        }
      }),
    'vault.items.erase': async ({ itemIds }) => {
      const session = vault.session();
      // Unknown ids are refused as such before the box; the box counts what will be erased, by collection.
      const stored = new Map(listItems(session).map((item) => [item.id, item]));
      const byCollection = new Map<string, number>();
      const unique = [...new Set(itemIds)];
      for (const id of unique) {
        const item = stored.get(id);
        if (!item) throw new AppError('VAULT_ITEM_NOT_FOUND');
        byCollection.set(item.collection, (byCollection.get(item.collection) ?? 0) + 1);
      }
      await confirm({ kind: 'erase-vault-items', byCollection });
      for (const id of unique) await eraseItem(session, id);
      return { erased: unique.length };
    },
    'jobs.cancel': ({ jobId }) => ({ cancelled: jobs.cancel(jobId) }),
  };
}
