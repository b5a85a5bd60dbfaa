/**
 * Which module owns each table of the vault database (issue 18, "each feature owns its
 * tables"): the store is the module the other features call; `alsoIn` lists the few modules
 * of the same feature that still name the table themselves (the journal of a custody step,
 * the master-key rotation's re-wrap). A feature that needs another feature's rows calls that
 * feature's store, so a table's rules (immutability, what a row means) live in one place.
 *
 * `test/unit/table-ownership.test.ts` reads the source tree and fails when SQL in a string
 * names a table outside these modules (migrations and `electron/db` excepted), when a table
 * made by the migrations has no owner here, or when `alsoIn` leaves the store's feature folder.
 * docs/architecture.md ("Data ownership") shows the same map with the features that call it.
 */

export interface TableOwner {
  /** The store module, from the repository root. */
  readonly store: string;
  /** Other modules of the store's own feature folder that name the table. */
  readonly alsoIn?: readonly string[];
}

const core = (file: string) => `electron/core/${file}`;

export const tableOwners: Readonly<Record<string, TableOwner>> = {
  // The vault itself.
  vault_meta: { store: core('vault/vault-meta.ts') },
  profile: { store: core('vault/vault-session.ts') },
  settings: { store: core('vault/vault-settings.ts') },
  wrapped_keys: { store: core('vault/signing-key.ts') },
  vault_items: { store: core('vault/vault-items.ts'), alsoIn: [core('vault/file-keys.ts'), core('vault/vault-recovery-sweep.ts')] },
  // The audit log.
  audit_log: { store: core('audit/audit-log.ts') },
  // Certificates and the engineer's signing identity.
  certificates: { store: core('certificates/certificate-store.ts') },
  certificate_sequences: { store: core('certificates/certificate-numbering.ts') },
  engineer_certificates: { store: core('certificates/engineer-certificate.ts') },
  enrollment_requests: { store: core('certificates/enrollment.ts') },
  trusted_roots: { store: core('certificates/vault-trust.ts') },
  revocation_lists: { store: core('certificates/vault-trust.ts') },
  timestamp_queue: { store: core('certificates/timestamp-queue.ts') },
  // Erasure.
  erasure_jobs: { store: core('erasure/erasure-journal.ts') },
  erasure_items: { store: core('erasure/erasure-journal.ts') },
  erasure_runs: { store: core('erasure/erasure-journal.ts') },
  erasure_results: { store: core('erasure/erasure-results.ts') },
  // The self-check.
  self_check_runs: { store: core('self-check/self-check-store.ts') },
  readiness_overrides: { store: core('self-check/readiness-gate.ts') },
  // Sanitization.
  sanitization_runs: { store: core('sanitize/sanitization-store.ts') },
  // Sites, systems and their maintenance accounts.
  sites: { store: core('sites/site-store.ts'), alsoIn: [core('sites/account-review.ts')] },
  systems: { store: core('sites/system-store.ts'), alsoIn: [core('sites/site-store.ts'), core('sites/account-review.ts')] },
  maintenance_accounts: {
    store: core('sites/account-store.ts'),
    alsoIn: [core('sites/account-secrets.ts'), core('sites/account-review.ts'), core('sites/system-store.ts')],
  },
  account_reviews: { store: core('sites/account-review.ts') },
  // Visits (their tables keep the historical name `procedure_*`: docs/architecture.md, "One name per concept").
  procedure_runs: { store: core('visits/run-store.ts') },
  procedure_steps: { store: core('visits/run-store.ts') },
  procedure_checks: { store: core('visits/run-store.ts') },
  planned_visits: { store: core('visits/planned-visit-store.ts') },
  // The media ledger.
  ledger_items: {
    store: core('ledger/ledger-store.ts'),
    alsoIn: [
      core('ledger/custody.ts'),
      core('ledger/detect-media.ts'),
      core('ledger/inventory.ts'),
      core('ledger/ledger-warnings.ts'),
      core('ledger/lifecycle.ts'),
    ],
  },
  ledger_checkouts: { store: core('ledger/ledger-store.ts'), alsoIn: [core('ledger/custody.ts')] },
  ledger_disposals: { store: core('ledger/ledger-store.ts'), alsoIn: [core('ledger/lifecycle.ts')] },
  ledger_inventories: { store: core('ledger/inventory.ts'), alsoIn: [core('ledger/ledger-warnings.ts')] },
  ledger_inventory_entries: { store: core('ledger/inventory.ts') },
  // The company archive: the queue's state is written by the sync as it sends each document.
  archive_settings: { store: core('archive/archive-settings.ts') },
  archive_records: { store: core('archive/archive-queue.ts'), alsoIn: [core('archive/sync-archive.ts')] },
  archive_anchors: { store: core('archive/archive-queue.ts'), alsoIn: [core('archive/sync-archive.ts')] },
  archive_incidents: { store: core('archive/archive-queue.ts'), alsoIn: [core('archive/sync-archive.ts')] },
};

/** Where SQL may name any table: the migrations and the database layer under `electron/db`. */
export const schemaLayer = 'electron/db/';
