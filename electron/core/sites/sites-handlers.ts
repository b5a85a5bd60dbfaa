/**
 * The `sites.*`, `systems.*` and `accounts.*` channels: the sites an engineer services, their
 * systems' §5 profiles, and the dedicated maintenance accounts (10-3, 14-2, 8-5, 14-7). A
 * password leaves the main process only through `accounts.reveal`, asked for while unlocked;
 * `accounts.copySecret` puts it on the clipboard here and clears it again. Both are audited
 * with the account id only, and both happen only after the main process's own box naming the
 * account, its system and its site was answered yes (confirm-in-main.ts): script in a
 * compromised renderer can call the channel, not answer the box.
 */
import type { AccountToReveal, ConfirmInMain } from '../confirmations/confirm-in-main';
import type { AccountDraft } from '../../shared/sites';
import type { Handlers } from '../ipc/router';
import type { VaultSession } from '../vault/vault-session';
import type { VaultService } from '../vault/vault-service';
import { recordReview, listReviews } from './account-review';
import { accountWarnings, listAccounts, readAccountSecret, removeAccount, requireAccount, saveAccount } from './account-store';
import { defaultSystemProfile } from './default-system-profile';
import { generatePassword } from './password-generator';
import type { SecretClipboard } from './secret-clipboard';
import { listSites, removeSite, requireSite, saveSite } from './site-store';
import { listSystems, removeSystem, requireSystem, saveSystem } from './system-store';

type SitesChannel = Extract<keyof Handlers, `sites.${string}` | `systems.${string}` | `accounts.${string}`>;

export interface SitesPorts {
  readonly vault: VaultService;
  readonly secretClipboard: SecretClipboard;
  readonly now: () => Date;
  /** The main process's own box before a password is shown or copied. */
  readonly confirm: ConfirmInMain;
}

/** The account as the box names it: user name, system and host, site and department. */
function accountToReveal(session: VaultSession, id: string): AccountToReveal {
  const account = requireAccount(session.db, id);
  const system = requireSystem(session.db, account.systemId);
  const site = requireSite(session.db, system.siteId);
  return {
    userName: account.userName,
    product: system.product,
    hostName: system.hostName,
    site: [site.name, site.department].filter(Boolean).join(' '),
  };
}

/** The account a save will write, as the box names it: its system and site as stored, its user name as given. */
function accountToSave(session: VaultSession, draft: AccountDraft): AccountToReveal {
  if (draft.id !== undefined) requireAccount(session.db, draft.id);
  const system = requireSystem(session.db, draft.systemId);
  const site = requireSite(session.db, system.siteId);
  return {
    userName: draft.userName,
    product: system.product,
    hostName: system.hostName,
    site: [site.name, site.department].filter(Boolean).join(' '),
  };
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
    // Saving decides the password a site's system is entered with, removing drops one: the main process asks, naming the account.
    'accounts.save': async (draft) => {
      const s = session();
      await ports.confirm({
        kind: 'save-account',
        account: accountToSave(s, draft),
        isNew: draft.id === undefined,
        secretChanged: draft.secret !== undefined,
      });
      return saveAccount(s, draft, ports.now());
    },
    'accounts.remove': async ({ id }) => {
      const s = session();
      // An account that is not there is nothing to remove, and nothing to ask about.
      if (!listAccounts(s.db).some((account) => account.id === id)) return { removed: false };
      await ports.confirm({ kind: 'remove-account', account: accountToReveal(s, id) });
      return { removed: removeAccount(s, id) };
    },
    'accounts.reveal': async ({ id }) => {
      const s = session();
      // An account without a password is refused as such, before any box.
      const secret = readAccountSecret(s, id);
      await ports.confirm({ kind: 'reveal-secret', account: accountToReveal(s, id) });
      // Audited before it is returned: a reveal that the log cannot record does not happen.
      s.audit.append('account.revealed', s.actor(), { accountId: id });
      return { secret };
    },
    'accounts.copySecret': async ({ id }) => {
      const s = session();
      const secret = readAccountSecret(s, id);
      await ports.confirm({
        kind: 'copy-secret',
        account: accountToReveal(s, id),
        clearsInSeconds: ports.secretClipboard.clearAfterSeconds,
      });
      // Audited before it happens: a copy that the log cannot record does not happen.
      s.audit.append('account.copied', s.actor(), { accountId: id, clearsInSeconds: ports.secretClipboard.clearAfterSeconds });
      return { clearsInSeconds: await ports.secretClipboard.copy(secret) };
    },
    // Needs no vault either: nothing is stored until the engineer saves it as an account's password.
    'accounts.generatePassword': (rules) => ({ password: generatePassword(rules) }),
    'accounts.warnings': () => accountWarnings(session().db, ports.now()),
    'accounts.recordReview': async ({ decisions }) => {
      const s = session();
      // Disabling or deleting accounts is destructive: the main process's box names each one. Unknown
      // accounts are left to recordReview's own refusal (nothing to name, nothing to ask about).
      const known = new Set(listAccounts(s.db).map((account) => account.id));
      const named = (decision: string) =>
        decisions.filter((d) => d.decision === decision && known.has(d.accountId)).map((d) => accountToReveal(s, d.accountId));
      const disable = named('disable');
      const remove = named('delete');
      if (disable.length + remove.length > 0 && decisions.every((d) => known.has(d.accountId)))
        await ports.confirm({ kind: 'review-accounts', disable, remove });
      return recordReview(s, decisions, ports.now());
    },
    'accounts.reviews': () => ({ reviews: listReviews(session().db) }),
  };
}
