/**
 * The vault's life: first-run setup, unlock and lock, throttled password tries, recovery
 * with the recovery key (also on a new laptop whose keychain lacks the device secret),
 * password change and master-key rotation. Everything FieldGuard stores lives behind it
 * (7-3); it holds keys only while unlocked (docs/decisions.md, "Keys only in memory while
 * unlocked"), and every step is crash-safe: the header is replaced atomically and a rotation
 * interrupted at any point is finished or undone at the next unlock.
 */
import { randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { access, mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../app-error';
import type { Logger } from '../logger';
import type { KeyStore } from './key-store';
import {
  deriveKeyEncryptionKey,
  deriveRecoveryKey,
  deriveThrottleKey,
  deriveVaultKeys,
  newKey,
  unwrapKey,
  wipe,
  wipeVaultKeys,
  wrapKey,
} from './key-hierarchy';
import { assessPassword, normalizePassword, type PasswordContext } from './password-policy';
import { calibrateKdf, stretchPassword, type KdfParameters } from './password-kdf';
import { confirmsRecoveryKey, generateRecoveryKey, parseRecoveryKey, pickConfirmationGroups, type RecoveryKey } from './recovery-key';
import { createSigningKey } from './signing-key';
import { createThrottleStore, judgeThrottle, type ThrottleState } from './unlock-throttle';
import { tryPassword } from './password-attempt';
import { createOwnerOnlyFile, OWNER_ONLY_FOLDER, restrictToOwner } from './owner-only';
import { compareWithAnchor, mirroredThrottleStore, readAuditAnchor, writeAuditAnchor, type RollbackFinding } from './rollback-anchor';
import { writeFileAtomically } from './atomic-file';
import {
  headerPath,
  masterKeyContext,
  readHeader,
  writeHeader,
  type MasterKeyCopies,
  type Protection,
  type VaultHeader,
} from './vault-header';
import { completeRotation, rotateMasterKeyOf, type RotationProgress } from './master-key-rotation';
import { databasePath, filesDir, insertProfile, openSession, type Profile, type VaultSession } from './vault-session';
import { recoverInterruptedWork } from './vault-recovery-sweep';
import { insertVaultMeta } from './vault-meta';

/** Why the vault was locked; 'crash' and 'renderer-gone' come from the safety net (crash-safety.ts). */
export type LockReason = 'manual' | 'idle' | 'os-lock' | 'suspend' | 'shutdown' | 'crash' | 'renderer-gone';

export interface VaultStatus {
  readonly state: 'uninitialized' | 'locked' | 'unlocked';
  readonly protection: Protection | null;
  /** Whether the OS keychain holds this vault's device secret ('not-used' for password-only vaults). */
  readonly deviceSecret: 'present' | 'missing' | 'not-used' | null;
  readonly failures: number;
  readonly retryAt: string | null;
  readonly recoveryRequired: boolean;
  readonly throttleTampered: boolean;
  readonly profile: Profile | null;
}

export interface SetupRequest {
  readonly profile: { readonly name: string; readonly company: string; readonly employeeId: string };
  readonly password: string;
  readonly passwordConfirmation: string;
  readonly passwordOnly: boolean;
}

export interface VaultPorts {
  readonly dataDir: string;
  readonly keyStore: KeyStore;
  readonly log: Logger;
  readonly now?: () => Date;
  /** Argon2id parameters for a new vault or a new password: calibrated by default. */
  readonly chooseKdf?: () => Promise<KdfParameters>;
  readonly onLocked?: (reason: LockReason) => void;
}

export interface VaultService {
  status(): Promise<VaultStatus>;
  prepareSetup(request: SetupRequest): Promise<{ readonly recoveryKey: RecoveryKey; readonly confirmGroups: readonly [number, number] }>;
  completeSetup(answers: ReadonlyArray<{ readonly group: number; readonly digits: string }>): Promise<void>;
  unlock(password: string): Promise<void>;
  recover(recoveryKey: string, newPassword: string): Promise<void>;
  lock(reason: LockReason): void;
  changePassword(currentPassword: string, newPassword: string): Promise<void>;
  /**
   * Draws the recovery key a rotation will wrap the new master key for (shown once, like setup's): the
   * old recovery key stops opening the vault once the rotation is done.
   */
  prepareRotation(): { readonly recoveryKey: RecoveryKey; readonly confirmGroups: readonly [number, number] };
  /** Needs two groups of the prepared recovery key typed back, then the password. */
  rotateMasterKey(
    password: string,
    answers: ReadonlyArray<{ readonly group: number; readonly digits: string }>,
    onProgress?: (progress: RotationProgress) => void,
  ): Promise<void>;
  /** The unlocked session; VAULT_LOCKED when there is none. */
  session(): VaultSession;
  isUnlocked(): boolean;
}

/** The header fields a password-wrapped master key depends on. */
type PasswordBinding = Pick<VaultHeader, 'vaultId' | 'protection' | 'kdf' | 'passwordSalt'>;

interface PendingSetup {
  readonly request: SetupRequest;
  readonly recoveryKey: RecoveryKey;
}

export function createVaultService(ports: VaultPorts): VaultService {
  const now = ports.now ?? (() => new Date());
  const chooseKdf = ports.chooseKdf ?? (() => calibrateKdf());
  let current: VaultSession | null = null;
  let pendingSetup: PendingSetup | null = null;
  /** The recovery key the next rotation wraps for; dropped (and wiped) at lock. */
  let pendingRotationKey: RecoveryKey | null = null;
  /** The vault whose audit head the keychain anchors at lock (a keychain-bound vault only). */
  let anchorTarget: string | null = null;
  /** What this unlock found against the anchor; shown in the status until the vault is locked. */
  let rollback: RollbackFinding | null = null;

  async function requireHeader(): Promise<VaultHeader> {
    const header = await readHeader(ports.dataDir);
    if (!header) throw new AppError('VAULT_NOT_INITIALIZED');
    return header;
  }

  /** The device secret, or null for a password-only vault; VAULT_DEVICE_SECRET_MISSING when the keychain lacks it. */
  async function deviceSecretOf(header: VaultHeader): Promise<Buffer | null> {
    if (header.protection === 'password-only') return null;
    let secret: Buffer | null;
    try {
      secret = await ports.keyStore.get(header.vaultId);
    } catch {
      throw new AppError('VAULT_DEVICE_SECRET_MISSING');
    }
    if (!secret || secret.length !== 32) throw new AppError('VAULT_DEVICE_SECRET_MISSING');
    return secret;
  }

  function throttleStoreFor(header: VaultHeader, deviceSecret: Buffer | null) {
    const macSource = deviceSecret ?? Buffer.from(`${header.vaultId}|${header.passwordSalt}`);
    const file = createThrottleStore(ports.dataDir, deriveThrottleKey(macSource), () => true);
    // Bound to the keychain: a counter file put back from an older copy never reads lower than the keychain's.
    return deviceSecret ? mirroredThrottleStore(file, ports.keyStore, header.vaultId) : file;
  }

  /** The vault whose audit head the keychain anchors: a keychain-bound vault only. */
  function anchoredVault(header: Pick<VaultHeader, 'protection' | 'vaultId'>): string | null {
    return header.protection === 'password+device' ? header.vaultId : null;
  }

  /**
   * Records the audit head in the keychain (the anchor a rolled-back database is found by); never
   * fails the caller. The head is read at once, so the session may be closed before the write ends.
   */
  function anchorAuditHead(session: VaultSession, vaultId: string | null): Promise<void> {
    const head = session.audit.head();
    if (vaultId === null || head === null) return Promise.resolve();
    return writeAuditAnchor(ports.keyStore, vaultId, head, now()).catch(() => ports.log.warn('vault.anchor-not-written'));
  }

  async function keyEncryptionKey(header: PasswordBinding, password: string, deviceSecret: Buffer | null): Promise<Buffer> {
    const stretched = await stretchPassword(normalizePassword(password), Buffer.from(header.passwordSalt, 'base64'), header.kdf);
    try {
      return deriveKeyEncryptionKey(stretched, deviceSecret, Buffer.from(header.passwordSalt, 'base64'));
    } finally {
      wipe(stretched);
    }
  }

  /** Unwraps the current master key and, during a rotation, the pending one. */
  function unwrapMasters(header: VaultHeader, wrappingKey: Buffer, by: 'password' | 'recovery') {
    const unwrapCopy = (copies: MasterKeyCopies) =>
      unwrapKey(wrappingKey, by === 'password' ? copies.byPassword : copies.byRecovery, masterKeyContext(header, copies.generation, by));
    const master = unwrapCopy(header.masterKey);
    const pending = header.pending ? unwrapCopy(header.pending) : null;
    return { master, pending };
  }

  /** The key was right (AES-GCM said so): whatever fails from here on is damage, not a wrong password. */
  async function openUnlocked(header: VaultHeader, master: Buffer, pending: Buffer | null): Promise<VaultSession> {
    const session = await completeRotation(ports.dataDir, header, master, pending, now);
    try {
      // A data folder made by an older FieldGuard (or loosened since) becomes the engineer's alone again.
      await restrictToOwner(ports.dataDir).catch(() => ports.log.warn('vault.permissions-not-restricted'));
      // Before anything is swept: is this database older than what this laptop last saw?
      const vaultId = anchoredVault(header);
      const anchor = vaultId === null ? null : await readAuditAnchor(ports.keyStore, vaultId);
      rollback = compareWithAnchor(anchor, session.audit.head(), (seq) => session.audit.hashAt(seq));
      await recoverInterruptedWork(session, ports.log, { keepOrphans: rollback !== null });
      if (rollback) {
        session.audit.append('vault.rollback-detected', session.actor(), { ...rollback });
        ports.log.warn('vault.rollback-detected', { kind: rollback.kind, anchorSeq: rollback.anchorSeq, foundSeq: rollback.foundSeq });
      }
      return session;
    } catch (error) {
      session.close();
      if (error instanceof AppError) throw error;
      throw new AppError('VAULT_DATABASE_DAMAGED');
    }
  }

  function assertPasswordAcceptable(password: string, context: PasswordContext): void {
    if (!assessPassword(password, context).acceptable) throw new AppError('VAULT_PASSWORD_REJECTED');
  }

  async function wrapForPassword(
    header: PasswordBinding,
    copies: { generation: number; key: Buffer },
    password: string,
    deviceSecret: Buffer | null,
  ) {
    const kek = await keyEncryptionKey(header, password, deviceSecret);
    try {
      return wrapKey(kek, copies.key, masterKeyContext(header, copies.generation, 'password'));
    } finally {
      wipe(kek);
    }
  }

  function lockNow(reason: LockReason): void {
    if (!current) return;
    try {
      current.audit.append('vault.locked', current.actor(), { reason });
      // Written once the keys are gone: the keychain call must not hold the lock up.
      void anchorAuditHead(current, anchorTarget);
    } catch {
      // A failing audit write must not keep the keys in memory.
    }
    rollback = null;
    wipe(pendingRotationKey?.secret);
    pendingRotationKey = null;
    current.close();
    current = null;
    ports.log.info('vault.locked', { reason });
    ports.onLocked?.(reason);
  }

  return {
    async status() {
      const header = await readHeader(ports.dataDir);
      if (!header) {
        return {
          state: 'uninitialized',
          protection: null,
          deviceSecret: null,
          failures: 0,
          retryAt: null,
          recoveryRequired: false,
          throttleTampered: false,
          profile: null,
        };
      }
      let deviceSecret: Buffer | null = null;
      let deviceState: VaultStatus['deviceSecret'] = 'not-used';
      if (header.protection === 'password+device') {
        try {
          deviceSecret = await deviceSecretOf(header);
          deviceState = 'present';
        } catch {
          deviceState = 'missing';
        }
      }
      let throttle: ThrottleState = { failures: 0, lastFailureAt: null, tampered: false };
      if (deviceState !== 'missing') throttle = await throttleStoreFor(header, deviceSecret).read();
      wipe(deviceSecret);
      const verdict = judgeThrottle(throttle);
      return {
        state: current ? 'unlocked' : 'locked',
        protection: header.protection,
        deviceSecret: deviceState,
        failures: throttle.failures,
        retryAt: verdict.retryAt,
        recoveryRequired: verdict.recoveryRequired,
        throttleTampered: throttle.tampered,
        profile: current ? current.profile() : null,
        rollback: current ? rollback : null,
      };
    },

    async prepareSetup(request) {
      if (await readHeader(ports.dataDir)) throw new AppError('VAULT_ALREADY_INITIALIZED');
      if (request.password !== request.passwordConfirmation) throw new AppError('VAULT_PASSWORDS_DIFFER');
      assertPasswordAcceptable(request.password, request.profile);
      if (!request.passwordOnly && !(await ports.keyStore.isAvailable())) throw new AppError('VAULT_KEYCHAIN_UNAVAILABLE');
      pendingSetup = { request, recoveryKey: generateRecoveryKey() };
      return { recoveryKey: pendingSetup.recoveryKey, confirmGroups: pickConfirmationGroups() };
    },

    async completeSetup(answers) {
      const setup = pendingSetup;
      if (!setup) throw new AppError('VAULT_NOT_INITIALIZED');
      if (await readHeader(ports.dataDir)) throw new AppError('VAULT_ALREADY_INITIALIZED');
      if (!confirmsRecoveryKey(setup.recoveryKey, answers)) throw new AppError('VAULT_RECOVERY_CONFIRMATION_MISMATCH');
      const { request, recoveryKey } = setup;

      // Leftovers of a setup that crashed before its header was written cannot be opened by anyone: clear them —
      // but only a setup's own (its marker says so). A database or items without a header are a vault whose
      // vault.json went missing: never deleted here; the engineer is told to put vault.json back or move them away.
      const leftovers = [
        databasePath(ports.dataDir),
        `${databasePath(ports.dataDir)}-wal`,
        `${databasePath(ports.dataDir)}-shm`,
        filesDir(ports.dataDir),
      ];
      const setupMarker = path.join(ports.dataDir, SETUP_MARKER_FILE);
      if (!(await exists(setupMarker)) && (await anyExists(leftovers))) throw new AppError('VAULT_DATA_WITHOUT_HEADER');
      await mkdir(ports.dataDir, { recursive: true, mode: OWNER_ONLY_FOLDER });
      await writeFileAtomically(setupMarker, `${now().toISOString()}\n`);
      for (const leftover of leftovers) await rm(leftover, { recursive: true, force: true });
      await mkdir(filesDir(ports.dataDir), { recursive: true, mode: OWNER_ONLY_FOLDER });
      await createOwnerOnlyFile(databasePath(ports.dataDir));
      await restrictToOwner(ports.dataDir);

      const protection: Protection = request.passwordOnly ? 'password-only' : 'password+device';
      const partial = {
        vaultId: randomUUID(),
        protection,
        kdf: await chooseKdf(),
        passwordSalt: randomBytes(16).toString('base64'),
        recoverySalt: randomBytes(16).toString('base64'),
      };
      const deviceSecret = protection === 'password+device' ? randomBytes(32) : null;
      if (deviceSecret) {
        try {
          await ports.keyStore.set(partial.vaultId, deviceSecret);
        } catch {
          throw new AppError('VAULT_KEYCHAIN_UNAVAILABLE');
        }
      }
      const master = newKey();
      const recoveryKek = deriveRecoveryKey(recoveryKey.secret, Buffer.from(partial.recoverySalt, 'base64'));
      const headerBase = { format: 1 as const, createdAt: now().toISOString(), ...partial, pending: null };
      const header: VaultHeader = {
        ...headerBase,
        masterKey: {
          generation: 1,
          byPassword: await wrapForPassword(headerBase, { generation: 1, key: master }, request.password, deviceSecret),
          byRecovery: wrapKey(recoveryKek, master, masterKeyContext(partial, 1, 'recovery')),
        },
      };

      const session = openSession(ports.dataDir, master, 1, { create: true, now });
      try {
        session.db.transaction(() => {
          insertProfile(session.db, request.profile);
          insertVaultMeta(session.db, 'vault_id', partial.vaultId);
          insertVaultMeta(session.db, 'master_generation', '1');
          // The recovery KEK is not kept in the database: whoever once held the database key could unwrap every
          // later master key with it. A rotation draws a new recovery key instead (issue 17).
        })();
        await createSigningKey(session.db, session.keys.signingWrap, now());
        session.audit.append('vault.created', session.actor(), {
          protection,
          kdfMemoryKiB: partial.kdf.memoryKiB,
          kdfIterations: partial.kdf.iterations,
        });
        await throttleStoreFor(header, deviceSecret).write({ failures: 0, lastFailureAt: null, tampered: false });
        // Written last: until this rename the vault does not exist.
        await writeHeader(ports.dataDir, header);
        await rm(setupMarker, { force: true });
      } catch (error) {
        session.close();
        throw error;
      } finally {
        wipe(master, recoveryKek, deviceSecret);
      }
      pendingSetup = null;
      current = session;
      anchorTarget = anchoredVault(header);
      ports.log.info('vault.created', { protection });
    },

    async unlock(password) {
      const header = await requireHeader();
      if (current) return;
      const deviceSecret = await deviceSecretOf(header);
      const throttle = throttleStoreFor(header, deviceSecret);
      let attempt: Awaited<ReturnType<typeof tryPassword<{ master: Buffer | null; pending: Buffer | null }>>>;
      try {
        attempt = await tryPassword(
          ports.dataDir,
          throttle,
          now,
          async () => {
            const kek = await keyEncryptionKey(header, password, deviceSecret);
            const keys = unwrapMasters(header, kek, 'password');
            wipe(kek);
            return keys.master || keys.pending ? keys : null;
          },
          // Another try of this process may have unlocked the vault while this one waited its turn.
          { settledMeanwhile: () => (current ? { master: null, pending: null } : null) },
        );
      } catch (error) {
        if (error instanceof AppError && error.code === 'VAULT_WRONG_PASSWORD') ports.log.warn('vault.unlock-failed', {});
        throw error;
      } finally {
        wipe(deviceSecret);
      }
      const { master, pending } = attempt.value;
      if (!master && !pending) return;
      const state = attempt.before;
      const session = await openUnlocked(header, master ?? (pending as Buffer), master ? pending : null);
      wipe(master, pending);
      if (state.failures > 0)
        session.audit.append('vault.unlock-failed', session.actor(), { failures: state.failures, lastFailureAt: state.lastFailureAt });
      session.audit.append('vault.unlocked', session.actor(), { method: 'password' });
      anchorTarget = anchoredVault(header);
      await anchorAuditHead(session, anchorTarget);
      current = session;
      ports.log.info('vault.unlocked');
    },

    async recover(recoveryText, newPassword) {
      const header = await requireHeader();
      const parsed = parseRecoveryKey(recoveryText);
      if (!parsed.ok) throw new AppError('VAULT_RECOVERY_KEY_INVALID');
      const recoveryKek = deriveRecoveryKey(parsed.key.secret, Buffer.from(header.recoverySalt, 'base64'));
      const { master, pending } = unwrapMasters(header, recoveryKek, 'recovery');
      wipe(recoveryKek);
      if (!master && !pending) throw new AppError('VAULT_RECOVERY_KEY_WRONG');
      lockNow('manual');

      const session = await openUnlocked(header, master ?? (pending as Buffer), master ? pending : null);
      // An interrupted rotation was finished or undone on opening: the key in effect is the one the session was opened with.
      const masterKey = [master, pending].find((key) => key !== null && sameMaster(key, session)) ?? null;
      const inEffect = masterKey ? Buffer.from(masterKey) : null;
      wipe(master, pending);
      try {
        if (!inEffect) throw new AppError('VAULT_DATABASE_DAMAGED');
        assertPasswordAcceptable(newPassword, session.profile());
        // Bind to this computer again: keep the keychain's device secret if it is still there, else make a new one.
        const latest = await requireHeader();
        let deviceSecret: Buffer | null = null;
        let rebound = false;
        if (latest.protection === 'password+device') {
          deviceSecret = await ports.keyStore.get(latest.vaultId).catch(() => null);
          if (!deviceSecret || deviceSecret.length !== 32) {
            deviceSecret = randomBytes(32);
            await ports.keyStore.set(latest.vaultId, deviceSecret);
            rebound = true;
          }
        }
        const withNewSalt: VaultHeader = { ...latest, passwordSalt: randomBytes(16).toString('base64'), kdf: await chooseKdf() };
        const updated: VaultHeader = {
          ...withNewSalt,
          masterKey: {
            ...latest.masterKey,
            byPassword: await wrapForPassword(
              withNewSalt,
              { generation: latest.masterKey.generation, key: inEffect },
              newPassword,
              deviceSecret,
            ),
          },
        };
        await writeHeader(ports.dataDir, updated);
        await throttleStoreFor(updated, deviceSecret).write({ failures: 0, lastFailureAt: null, tampered: false });
        wipe(deviceSecret);
        session.audit.append('vault.recovery-used', session.actor(), { passwordReset: true });
        if (rebound) session.audit.append('vault.device-rebound', session.actor(), {});
        current = session;
        anchorTarget = anchoredVault(latest);
        ports.log.info('vault.recovered', { rebound });
      } catch (error) {
        session.close();
        throw error;
      } finally {
        wipe(inEffect);
      }
    },

    lock: lockNow,

    async changePassword(currentPassword, newPassword) {
      const session = this.session();
      const first = await requireHeader();
      const deviceSecret = await deviceSecretOf(first);
      try {
        await tryPassword(
          ports.dataDir,
          throttleStoreFor(first, deviceSecret),
          now,
          async () => {
            // The header as it is in this turn: a change that went first has already replaced it.
            const header = await requireHeader();
            const kek = await keyEncryptionKey(header, currentPassword, deviceSecret);
            const candidate = unwrapMasters(header, kek, 'password').master;
            wipe(kek);
            if (candidate && sameMaster(candidate, session)) return { header, master: candidate };
            wipe(candidate);
            return null;
          },
          {
            andThen: async ({ header, master }) => {
              try {
                assertPasswordAcceptable(newPassword, session.profile());
                const withNewSalt: VaultHeader = { ...header, passwordSalt: randomBytes(16).toString('base64'), kdf: await chooseKdf() };
                await writeHeader(ports.dataDir, {
                  ...withNewSalt,
                  masterKey: {
                    ...header.masterKey,
                    byPassword: await wrapForPassword(
                      withNewSalt,
                      { generation: header.masterKey.generation, key: master },
                      newPassword,
                      deviceSecret,
                    ),
                  },
                });
              } finally {
                wipe(master);
              }
            },
          },
        );
      } finally {
        wipe(deviceSecret);
      }
      // The throttle key does not depend on the password; the counter stays valid.
      session.audit.append('vault.password-changed', session.actor(), {});
    },

    prepareRotation() {
      this.session();
      wipe(pendingRotationKey?.secret);
      pendingRotationKey = generateRecoveryKey();
      return { recoveryKey: pendingRotationKey, confirmGroups: pickConfirmationGroups() };
    },

    async rotateMasterKey(password, answers, onProgress) {
      const session = this.session();
      const recoveryKey = pendingRotationKey;
      if (!recoveryKey) throw new AppError('VAULT_ROTATION_NOT_PREPARED');
      // Checked before the password is tested: a key not written down must not become the only way back.
      if (!confirmsRecoveryKey(recoveryKey, answers)) throw new AppError('VAULT_RECOVERY_CONFIRMATION_MISMATCH');
      const header = await requireHeader();
      const deviceSecret = await deviceSecretOf(header);
      let kek: Buffer;
      try {
        ({ value: kek } = await tryPassword(ports.dataDir, throttleStoreFor(header, deviceSecret), now, async () => {
          const candidateKek = await keyEncryptionKey(header, password, deviceSecret);
          const { master } = unwrapMasters(header, candidateKek, 'password');
          const right = master !== null && sameMaster(master, session);
          wipe(master);
          if (right) return candidateKek;
          wipe(candidateKek);
          return null;
        }));
      } finally {
        wipe(deviceSecret);
      }
      current = null;
      try {
        current = await rotateMasterKeyOf(session, header, { password: kek, recovery: recoveryKey.secret }, now, onProgress);
      } finally {
        wipe(kek);
        if (!current) session.close();
      }
      // Shown once: from here on only the engineer's copy of the new key exists.
      wipe(recoveryKey.secret);
      pendingRotationKey = null;
      current.audit.append('vault.master-key-rotated', current.actor(), { generation: current.masterGeneration });
    },

    session() {
      if (!current) throw new AppError('VAULT_LOCKED');
      return current;
    },

    isUnlocked: () => current !== null,
  };
}

function sameMaster(candidate: Buffer, session: VaultSession): boolean {
  const keys = deriveVaultKeys(candidate);
  const same = timingSafeEqual(keys.database, session.keys.database);
  wipeVaultKeys(keys);
  return same;
}

export { headerPath };

/** Written before a setup creates anything and removed once its header exists: what a crashed setup left may be cleared. */
const SETUP_MARKER_FILE = 'setup-in-progress';

async function exists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  );
}

async function anyExists(files: readonly string[]): Promise<boolean> {
  for (const file of files) if (await exists(file)) return true;
  return false;
}
