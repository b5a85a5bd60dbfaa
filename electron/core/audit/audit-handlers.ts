/** The `audit.*` channels: list with filters, verify the chain, export as CSV (each audited). */
import { writeFile } from 'node:fs/promises';
import { AppError } from '../app-error';
import type { Dialogs } from '../dialogs';
import type { Handlers } from '../ipc/router';
import type { VaultService } from '../vault/vault-service';

type AuditChannel = Extract<keyof Handlers, `audit.${string}`>;

export function createAuditHandlers(vault: VaultService, dialogs: Dialogs): Pick<Handlers, AuditChannel> {
  return {
    'audit.list': (filter) => {
      const { entries, total } = vault.session().audit.list(filter);
      return { entries: [...entries], total };
    },
    'audit.verify': () => {
      const session = vault.session();
      const result = session.audit.verify();
      // Recorded after checking, so the record itself is part of the next verification.
      session.audit.append(
        'audit.verified',
        session.actor(),
        result.intact ? { intact: true, entries: result.entries } : { intact: false, brokenAt: result.brokenAt, problem: result.problem },
      );
      return result;
    },
    'audit.exportCsv': async (filter) => {
      const session = vault.session();
      const file = await dialogs.pickSaveFile('FieldGuard-audit-log.csv', 'csv');
      if (!file) return { saved: false };
      const whole = { ...filter, limit: undefined, offset: undefined };
      const csv = session.audit.toCsv(whole);
      await writeFile(file, csv, { mode: 0o600 }).catch(() => {
        throw new AppError('VAULT_DESTINATION_UNWRITABLE');
      });
      session.audit.append('audit.exported', session.actor(), { entries: session.audit.list({ ...whole, limit: 1 }).total });
      return { saved: true };
    },
  };
}
