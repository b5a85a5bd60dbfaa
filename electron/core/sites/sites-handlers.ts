/**
 * The `sites.*`, `systems.*` and `accounts.*` channels: the sites an engineer services, their
 * systems' §5 profiles, and the dedicated maintenance accounts (10-3, 14-2, 8-5, 14-7). A
 * password leaves the main process only through `accounts.reveal`, asked for while unlocked;
 * `accounts.copySecret` puts it on the clipboard here and clears it again. Both are audited
 * with the account id only.
 */
import type { Handlers } from '../ipc/router';
import type { VaultService } from '../vault/vault-service';
import { recordReview, listReviews } from './account-review';
import { accountWarnings, listAccounts, readAccountSecret, removeAccount, saveAccount } from './account-store';
import { defaultSystemProfile } from './default-system-profile';
import { generatePassword } from './password-generator';
import type { SecretClipboard } from './secret-clipboard';
import { listSites, removeSite, saveSite } from './site-store';
import { listSystems, removeSystem, saveSystem } from './system-store';

type SitesChannel = Extract<keyof Handlers, `sites.${string}` | `systems.${string}` | `accounts.${string}`>;

export interface SitesPorts {
  readonly vault: VaultService;
  readonly secretClipboard: SecretClipboard;
  readonly now: () => Date;
}

export function createSitesHandlers(ports: SitesPorts): Pick<Handlers, SitesChannel> {
  const session = () => ports.vault.session();
  return {
    'sites.list': () => ({ sites: listSites(session().db) }),
    'sites.save': ({ site }) => saveSite(session(), site, ports.now()),
    'sites.remove': ({ id }) => ({ removed: removeSite(session(), id) }),
    // The standard profile is public knowledge (the vendor's guideline): no vault needed.
    'systems.defaultProfile': () => defaultSystemProfile(),
    'systems.list': ({ siteId }) => ({ systems: listSystems(session().db, siteId) }),
    'systems.save': ({ system }) => saveSystem(session(), system, ports.now()),
    'systems.remove': ({ id }) => ({ removed: removeSystem(session(), id) }),
    'accounts.list': ({ systemId }) => ({ accounts: listAccounts(session().db, systemId) }),
    'accounts.save': (draft) => saveAccount(session(), draft, ports.now()),
    'accounts.remove': ({ id }) => ({ removed: removeAccount(session(), id) }),
    'accounts.reveal': ({ id }) => {
      const s = session();
      const secret = readAccountSecret(s, id);
      // Audited before it is returned: a reveal that the log cannot record does not happen.
      s.audit.append('account.revealed', s.actor(), { accountId: id });
      return { secret };
    },
    'accounts.copySecret': async ({ id }) => {
      const s = session();
      const secret = readAccountSecret(s, id);
      // Audited before it happens: a copy that the log cannot record does not happen.
      s.audit.append('account.copied', s.actor(), { accountId: id, clearsInSeconds: ports.secretClipboard.clearAfterSeconds });
      return { clearsInSeconds: await ports.secretClipboard.copy(secret) };
    },
    // Needs no vault either: nothing is stored until the engineer saves it as an account's password.
    'accounts.generatePassword': (rules) => ({ password: generatePassword(rules) }),
    'accounts.warnings': () => accountWarnings(session().db, ports.now()),
    'accounts.recordReview': ({ decisions }) => recordReview(session(), decisions, ports.now()),
    'accounts.reviews': () => ({ reviews: listReviews(session().db) }),
  };
}
