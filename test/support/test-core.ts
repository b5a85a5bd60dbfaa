/**
 * The core as the app builds it, for tests: a temporary data folder, the real OS keychain
 * (gnome-keyring in the private D-Bus session scripts/test.sh starts, under a service name
 * of its own), Argon2id at its floor, scripted answers for the native dialogs, and a logger
 * and an event sink that record what would have been written or sent.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createCore, type Core, type CorePorts } from '../../electron/core/handlers';
import { erasureWorkerFromSource } from '../../electron/core/erasure/run-erasure-in-worker';
import { verifyWorkerFromSource } from '../../electron/core/certificates/verify-in-worker';
import { createSelfCheckProbes } from '../../electron/platform/self-check/probes-for-this-os';
import { observeDataFolderForThisOs } from '../../electron/platform/data-folder/data-folder-for-this-os';
import { createClamavEngine } from '../../electron/platform/antivirus/clamav-engine';
import { writeClamavTestDatabase } from './clamav-test-database';
import type { Clipboard } from '../../electron/core/clipboard';
import type { Confirmation, Dialogs } from '../../electron/core/dialogs';
import { createFileLogger, teeLogger } from '../../electron/core/log-file';
import type { Logger } from '../../electron/core/logger';
import { KDF_FLOOR } from '../../electron/core/vault/password-kdf';
import { readVolumes } from '../../electron/platform/disks/read-volumes';
import { readDeviceDetails } from '../../electron/platform/devices/read-device-details';
import { readMedium } from '../../electron/platform/media/read-medium';
import { createKeytarKeyStore } from '../../electron/platform/keychain/keytar-key-store';

/** What the "user" picks in the next native dialog of each kind. */
export interface ScriptedDialogs {
  /**
   * The answer to every main-process confirmation box from now on: 'yes' only when the test says
   * so; null (not scripted) is a refusal, as is 'no'. Each box shown is kept in `confirmations`.
   */
  confirm: 'yes' | 'no' | null;
  readonly confirmations: Confirmation[];
  importSources: string[] | null;
  exportFolder: string | null;
  saveFile: string | null;
  certificateFile: string | null;
  policyFile: string | null;
  releaseList: string | null;
  /** Every file 「フォルダーを開く」 opened the file manager at, in order. */
  readonly shownInFolder: string[];
}

export const TEST_PASSWORD = '湯呑みと珈琲 horse battery 42';
export const TEST_PROFILE = { name: '山田 太郎', company: '東都メディカル株式会社', employeeId: 'E-20417' };

export interface TestCore extends Core {
  /** Creates the vault (as the wizard would) and leaves it unlocked; returns the recovery key. */
  createVault(options?: { passwordOnly?: boolean }): Promise<string>;
  /**
   * Draws a rotation's new recovery key (as the rotate dialog does) and returns the request the dialog would
   * send once the engineer typed two groups back, with the key itself.
   */
  prepareRotation(
    password?: string,
  ): Promise<{ request: { password: string; jobId: string; answers: Array<{ group: number; digits: string }> }; recoveryKey: string }>;
  readonly dataDir: string;
  readonly dialogs: ScriptedDialogs;
  readonly logLines: string[];
  readonly events: Array<[string, unknown]>;
  readonly keychainService: string;
  /** What the core logs: the lines kept in `logLines` and written to the log file, as the app writes it. */
  readonly log: Logger;
  readonly logFile: string;
  /** The clipboard the core writes to (unless a test passed its own). */
  readonly clipboard: MemoryClipboard;
  cleanup(): Promise<void>;
}

/** A logger that keeps each line as the JSON the app would write. */
export function recordingLogger(lines: string[]): Logger {
  const record =
    (level: string): Logger['info'] =>
    (event, fields) =>
      void lines.push(JSON.stringify({ level, event, ...fields }));
  return { info: record('info'), warn: record('warn'), error: record('error') };
}

/** A clipboard in memory that remembers every write, so a test can see what was copied and when it was cleared. */
export interface MemoryClipboard extends Clipboard {
  text: string;
  readonly writes: string[];
  clears: number;
}

export function memoryClipboard(): MemoryClipboard {
  const clipboard: MemoryClipboard = {
    text: '',
    writes: [],
    clears: 0,
    async writeText(text) {
      clipboard.text = text;
      clipboard.writes.push(text);
    },
    readText: async () => clipboard.text,
    async clear() {
      clipboard.text = '';
      clipboard.clears += 1;
    },
  };
  return clipboard;
}

export interface TestCoreOptions {
  /** Reopen an existing data folder (and its keychain entries) instead of a new one. */
  readonly dataDir?: string;
  readonly keychainService?: string;
}

export async function createTestCore(overrides: Partial<CorePorts> = {}, options: TestCoreOptions = {}): Promise<TestCore> {
  const dataDir = options.dataDir ?? (await mkdtemp(path.join(os.tmpdir(), 'fieldguard-test-')));
  const logLines: string[] = [];
  const fileLog = createFileLogger({ dir: `${dataDir}-logs` });
  const log = teeLogger(recordingLogger(logLines), fileLog);
  const events: Array<[string, unknown]> = [];
  const scripted: ScriptedDialogs = {
    confirm: null,
    confirmations: [],
    importSources: null,
    exportFolder: null,
    saveFile: null,
    certificateFile: null,
    policyFile: null,
    releaseList: null,
    shownInFolder: [],
  };
  const dialogs: Dialogs = {
    pickImportSources: async () => scripted.importSources,
    pickExportFolder: async () => scripted.exportFolder,
    pickSaveFile: async () => scripted.saveFile,
    pickCertificateFile: async () => scripted.certificateFile,
    pickPolicyFile: async () => scripted.policyFile,
    pickReleaseList: async () => scripted.releaseList,
    showInFolder: async (file) => void scripted.shownInFolder.push(file),
    async confirm(confirmation) {
      scripted.confirmations.push(confirmation);
      return scripted.confirm === 'yes';
    },
  };
  const keychainService = options.keychainService ?? `FieldGuard test ${path.basename(dataDir)}`;
  const clipboard = memoryClipboard();
  const core = createCore({
    identity: { name: 'FieldGuard', version: '0.0.0-test', dataDir, runtimeVersions: process.versions },
    readVolumes,
    readDeviceDetails,
    readMedium: (target) => readMedium(target, { dataFolder: dataDir }),
    keyStore: createKeytarKeyStore(keychainService),
    dialogs,
    chooseKdf: async () => KDF_FLOOR,
    erasureWorker: erasureWorkerFromSource,
    verifyWorker: verifyWorkerFromSource,
    // This machine's real probes; a test that needs a given laptop passes recorded ones.
    selfCheckProbes: createSelfCheckProbes(),
    // This machine's own answer about copies of the (temporary) data folder.
    observeDataFolder: observeDataFolderForThisOs(),
    // Real clamscan with a signature database written for the test (the machine is offline): it knows EICAR.
    antivirus: createClamavEngine({ databaseDir: await writeClamavTestDatabase(`${dataDir}-clamav`) }),
    log,
    readLog: () => fileLog.collect(),
    emit: (event, payload) => void events.push([event, payload]),
    clipboard,
    ...overrides,
  });
  return {
    ...core,
    async createVault(options = {}) {
      const prepared = await core.handlers['vault.prepareSetup']({
        profile: TEST_PROFILE,
        password: TEST_PASSWORD,
        passwordConfirmation: TEST_PASSWORD,
        passwordOnly: options.passwordOnly ?? false,
      });
      await core.handlers['vault.completeSetup']({
        answers: prepared.confirmGroups.map((group) => ({ group, digits: prepared.groups[group]! })),
      });
      return prepared.recoveryKey;
    },
    async prepareRotation(password = TEST_PASSWORD) {
      const prepared = await core.handlers['vault.prepareRotation']({});
      const answers = prepared.confirmGroups.map((group) => ({ group, digits: prepared.groups[group]! }));
      return { request: { password, jobId: crypto.randomUUID(), answers }, recoveryKey: prepared.recoveryKey };
    },
    dataDir,
    dialogs: scripted,
    logLines,
    log,
    logFile: fileLog.file,
    events,
    keychainService,
    clipboard,
    async cleanup() {
      core.vault.lock('shutdown');
      await rm(dataDir, { recursive: true, force: true });
      await rm(`${dataDir}-clamav`, { recursive: true, force: true });
      await rm(`${dataDir}-logs`, { recursive: true, force: true });
    },
  };
}
