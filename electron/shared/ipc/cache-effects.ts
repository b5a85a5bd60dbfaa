/**
 * What each channel does to the data the screens keep (issue 18, "cache effects declared
 * once"). A channel either only reads — a query channel, whose answers the renderer may keep —
 * or it changes something, and then it says here which query channels answer differently
 * afterwards. The renderer's one mutation hook reads them again from this table, so a screen
 * cannot forget to refresh a list, and a new channel cannot be added without saying what it
 * changes: the table must name every channel of the contract (a missing or misspelt name fails
 * the type check, and ipc-cache-effects.test.ts checks the same at run time).
 */
import type { ChannelName } from '../contract';

/** Channels that only read. Their answers are what the renderer caches, keyed by channel name. */
export const queryChannels = [
  'app.info',
  'app.dataFolder',
  'disks.list',
  'prefs.get',
  'vault.status',
  'vault.assessPassword',
  'vault.items.list',
  'audit.list',
  'certificates.trustedRoots',
  'certificates.engineerCertificate',
  'certificates.list',
  'erasure.targets',
  'erasure.interrupted',
  'erasure.pendingResults',
  'wholeMedium.devices',
  'selfCheck.history',
  'selfCheck.get',
  'selfCheck.policy',
  'selfCheck.readiness',
  'sanitize.selection',
  'sanitize.history',
  'sanitize.get',
  'sanitize.policy',
  'sites.list',
  'systems.defaultProfile',
  'systems.list',
  'accounts.list',
  'accounts.warnings',
  'accounts.reviews',
  'visits.templates',
  'visits.list',
  'visits.get',
  'visits.attention',
  'plannedVisits.list',
  'plannedVisits.get',
  'plannedVisits.next',
  'ledger.list',
  'ledger.get',
  'ledger.detect',
  'ledger.warnings',
  'ledger.settings',
  'ledger.currentInventory',
  'ledger.inventories',
  'archive.status',
] as const satisfies readonly ChannelName[];

export type QueryChannel = (typeof queryChannels)[number];
export type MutatingChannel = Exclude<ChannelName, QueryChannel>;

/** A visit's changes show on its own page, the list of visits and the dashboard's attention list; each is audited. */
const visitViews = ['visits.get', 'visits.list', 'visits.attention', 'audit.list'] as const;
/** A plan shows in the list of plans, on its own form and on the dashboard's next-visit checklist. */
const plannedVisitLists = ['plannedVisits.list', 'plannedVisits.get', 'plannedVisits.next'] as const;
const plannedVisitViews = [...plannedVisitLists, 'audit.list'] as const;
/** Every ledger step may change any ledger view (the reminders too), the certificates it issues, and the audit log. */
const ledgerViews = [
  'ledger.list',
  'ledger.get',
  'ledger.detect',
  'ledger.warnings',
  'ledger.settings',
  'ledger.currentInventory',
  'ledger.inventories',
  'certificates.list',
  'audit.list',
  // The media checked out for the next planned visit.
  'plannedVisits.next',
] as const;
// The next planned visit's checklist counts its site's account warnings.
const accountViews = ['accounts.list', 'accounts.warnings', 'plannedVisits.next', 'audit.list'] as const;
const trustViews = ['certificates.trustedRoots', 'certificates.engineerCertificate', 'audit.list'] as const;

/**
 * The query channels each changing channel makes stale. An empty list says, on purpose, that
 * nothing the screens keep changes (a dialog that only reads, a file written elsewhere).
 */
export const listChanges = {
  'app.saveLog': [],
  'app.showSavedFile': [],
  'app.copyText': [],
  'prefs.setLanguage': ['prefs.get'],
  'vault.prepareSetup': [],
  'vault.saveRecoveryKey': [],
  'vault.completeSetup': ['vault.status', 'audit.list'],
  'vault.unlock': ['vault.status', 'audit.list'],
  'vault.recover': ['vault.status', 'audit.list'],
  'vault.lock': ['vault.status'],
  'vault.changePassword': ['audit.list'],
  'vault.prepareRotation': [],
  'vault.rotateMasterKey': ['audit.list'],
  'vault.setAutoLock': ['vault.status', 'audit.list'],
  // A cancelled or failed import may have stored some files already.
  'vault.items.import': ['vault.items.list', 'audit.list'],
  'vault.items.export': ['audit.list'],
  'vault.items.erase': ['vault.items.list', 'audit.list'],
  // The job's own call settles, and refreshes what it changed, when the job stops.
  'jobs.cancel': [],
  // Verifying and exporting record themselves ('audit.verified', 'audit.exported').
  'audit.verify': ['audit.list'],
  'audit.exportCsv': ['audit.list'],
  'certificates.previewRoot': [],
  'certificates.trustRoot': trustViews,
  'certificates.untrustRoot': trustViews,
  'certificates.importRevocationList': trustViews,
  'certificates.createEnrollmentRequest': ['certificates.engineerCertificate', 'audit.list'],
  // The new certificate signs from now on, and the company's root becomes trusted.
  'certificates.importEnrollmentReply': trustViews,
  'certificates.verifyFile': [],
  'certificates.export': [],
  'erasure.addTargets': ['erasure.targets'],
  'erasure.addVolume': ['erasure.targets'],
  'erasure.removeTarget': ['erasure.targets'],
  'erasure.addVaultCollection': ['erasure.targets'],
  // Erased vault items leave the vault; a run stopped half way is listed as interrupted.
  // A finished run's result is kept until its certificate is issued (erasure.pendingResults).
  'erasure.start': ['erasure.targets', 'erasure.interrupted', 'erasure.pendingResults', 'vault.items.list', 'audit.list'],
  'erasure.abandon': ['erasure.interrupted', 'erasure.pendingResults', 'audit.list'],
  'erasure.resume': ['erasure.interrupted', 'erasure.pendingResults', 'vault.items.list', 'audit.list'],
  // A whole device's certificate is linked to the ledger item of its serial (ledgerViews hold the certificates and audit too).
  'erasure.issueCertificate': ['erasure.pendingResults', ...ledgerViews],
  // Not the device list: each reading of it hands out new device handles, so reading it again
  // while a choice is pending (after a refusal, before the retry an administrator grant starts)
  // would leave the choice naming a handle the main process no longer knows. The engineer reads it
  // again with 「装置の一覧を更新」.
  'wholeMedium.erase': ['audit.list', 'erasure.pendingResults', 'erasure.interrupted'],
  'wholeMedium.grantAccess': ['audit.list'],
  // The certificate is linked to the ledger item of the medium's serial.
  'wholeMedium.issueCertificate': [...ledgerViews, 'erasure.pendingResults'],
  'selfCheck.run': ['selfCheck.history', 'selfCheck.readiness', 'audit.list'],
  // The readiness gate is judged against the policy.
  'selfCheck.setPolicy': ['selfCheck.policy', 'selfCheck.readiness', 'audit.list'],
  'selfCheck.importPolicy': ['selfCheck.policy', 'selfCheck.readiness', 'audit.list'],
  'selfCheck.resetPolicy': ['selfCheck.policy', 'selfCheck.readiness', 'audit.list'],
  'selfCheck.issueReport': ['selfCheck.history', 'certificates.list', 'audit.list'],
  'selfCheck.saveDiagnostics': [],
  'selfCheck.override': ['selfCheck.readiness', 'audit.list'],
  'sanitize.addSources': ['sanitize.selection'],
  'sanitize.removeSource': ['sanitize.selection'],
  'sanitize.chooseOutput': ['sanitize.selection'],
  // Blocked files are put into the vault's quarantine.
  'sanitize.start': ['sanitize.history', 'sanitize.selection', 'vault.items.list', 'audit.list'],
  'sanitize.signOff': ['sanitize.history', 'certificates.list', 'audit.list'],
  'sanitize.setAllowedTypes': ['sanitize.policy', 'audit.list'],
  'sanitize.setRebuildBlockTypes': ['sanitize.policy', 'audit.list'],
  'sanitize.importReleaseList': ['sanitize.policy', 'audit.list'],
  'sanitize.checkReceived': [],
  // Plans show their site's and system's names.
  'sites.save': ['sites.list', ...plannedVisitLists, 'audit.list'],
  'sites.remove': ['sites.list', 'audit.list'],
  'systems.save': ['systems.list', ...plannedVisitLists, 'audit.list'],
  'systems.remove': ['systems.list', 'audit.list'],
  'accounts.save': accountViews,
  'accounts.remove': accountViews,
  // Showing and copying a password are audited ('account.revealed', 'account.copied').
  'accounts.reveal': ['audit.list'],
  'accounts.copySecret': ['audit.list'],
  'accounts.generatePassword': [],
  // A review may disable or delete accounts, and it moves their next review date.
  'accounts.recordReview': ['accounts.reviews', ...accountViews],
  // A visit started from a plan closes the plan.
  'visits.start': [...visitViews, ...plannedVisitLists],
  'visits.completeStep': visitViews,
  'visits.runCheck': visitViews,
  'visits.overrideReadiness': visitViews,
  'visits.markNotApplicable': visitViews,
  // Completing a visit issues its signed report.
  'visits.complete': [...visitViews, 'certificates.list'],
  'visits.abandon': visitViews,
  'visits.setHeldDataWarnDays': ['visits.attention', 'audit.list'],
  'plannedVisits.save': plannedVisitViews,
  'plannedVisits.cancel': plannedVisitViews,
  'ledger.save': ledgerViews,
  'ledger.checkOut': ledgerViews,
  'ledger.markAtSite': ledgerViews,
  'ledger.recordPermission': ledgerViews,
  'ledger.checkIn': ledgerViews,
  'ledger.markLost': ledgerViews,
  'ledger.markFound': ledgerViews,
  'ledger.recordErasure': ledgerViews,
  'ledger.dispose': ledgerViews,
  'ledger.saveSettings': ledgerViews,
  'ledger.startInventory': ledgerViews,
  'ledger.confirmInventoryItem': ledgerViews,
  'ledger.scanInventory': ledgerViews,
  'ledger.completeInventory': ledgerViews,
  'ledger.exportCsv': ledgerViews,
  'ledger.exportReport': ledgerViews,
  'archive.saveSettings': ['archive.status', 'audit.list'],
  // A sync records what it sent, or an incident when the archive's anchor is ahead of the log.
  'archive.sync': ['archive.status', 'audit.list'],
} satisfies { readonly [C in MutatingChannel]: readonly QueryChannel[] };

/** The query channels a changing channel makes stale, as declared above. */
export function listsChangedBy(channel: MutatingChannel): readonly QueryChannel[] {
  return listChanges[channel];
}

export function isQueryChannel(value: string): value is QueryChannel {
  return (queryChannels as readonly string[]).includes(value);
}
