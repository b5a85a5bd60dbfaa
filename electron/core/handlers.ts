/**
 * Builds the core — services and the handlers of every contract channel — from ports. The
 * main process, the CLI and the browser harness all build it here, from the same code, so
 * what the tests exercise is what the app runs.
 */
import { writeFile } from 'node:fs/promises';
import { AppError } from './app-error';
import type { Language } from '../shared/locale';
import { workerErasureRunner } from './erasure/erasure-workflow';
import { describeApp, type AppIdentity } from './app/describe-app';
import { dataFolderInspector, type ObserveDataFolder } from './app/data-folder-backups';
import { createAuditHandlers } from './audit/audit-handlers';
import { createCertificateHandlers } from './certificates/certificate-handlers';
import { createSavedFiles } from './files/saved-files';
import { timestampQueuedDocuments } from './certificates/timestamp-queue';
import { verifierFor } from './certificates/verify-in-worker';
import { createErasure } from './erasure/erasure-handlers';
import { createWholeMediumHandlers } from './erasure/whole-medium/whole-medium-handlers';
import { listWholeDevices } from '../platform/media/read-medium';
import { recordThisLaptop } from '../platform/self-check/probes-for-this-os';
import type { GrantOutcome } from '../platform/elevation/device-access-grant';
import type { DeviceFacts } from './erasure/medium';
import type { ReadMedium } from './erasure/medium';
import type { Clipboard } from './clipboard';
import type { Dialogs } from './dialogs';
import { confirmInMain } from './confirmations/confirm-in-main';
import { listVolumes, type ReadVolumes } from './disks/list-volumes';
import type { EmitEvent } from './events';
import type { Handlers } from './ipc/router';
import { createJobRegistry } from './jobs/job-registry';
import type { Logger } from './logger';
import { createPreferencesStore } from './preferences/preferences-store';
import type { KeyStore } from './vault/key-store';
import type { KdfParameters } from './vault/password-kdf';
import { createVaultHandlers } from './vault/vault-handlers';
import { createVaultService, type VaultService } from './vault/vault-service';
import type { SelfCheckProbes } from './self-check/self-check-observations';
import { createSelfCheckHandlers } from './self-check/self-check-handlers';
import { analyzeFile } from './sanitize/analyze/analyze-file';
import { createSanitizeHandlers } from './sanitize/sanitize-handlers';
import type { AntivirusEngine } from './sanitize/sanitize-types';
import { createSecretClipboard } from './sites/secret-clipboard';
import { createSitesHandlers } from './sites/sites-handlers';
import type { ReadDeviceDetails } from './ledger/device-details';
import { createLedgerHandlers } from './ledger/ledger-handlers';
import { createVisitsHandlers } from './visits/visit-handlers';
import { createPlannedVisitsHandlers } from './visits/planned-visit-handlers';
import { startIncidentForLostMedium } from './visits/incident-for-lost-medium';
import { guardVisitImport } from './visits/visit-import-guard';
import { createArchiveHandlers, type OpenArchiveStore } from './archive/archive-handlers';
import { createS3ArchiveStore } from '../platform/archive/s3-archive-store';

export type { EmitEvent } from './events';

export interface CorePorts {
  readonly identity: AppIdentity;
  readonly readVolumes: ReadVolumes;
  /** Make, model and serial of the devices behind the volumes (electron/platform/devices), for the media ledger. */
  readonly readDeviceDetails: ReadDeviceDetails;
  /** The volume and device under an erasure target (electron/platform/media), graded on the certificate. */
  readonly readMedium: ReadMedium;
  readonly keyStore: KeyStore;
  readonly dialogs: Dialogs;
  /** The app's log file as text (log-file.ts), for 「ログを保存」; absent where the process keeps no log file. */
  readonly readLog?: () => Promise<string>;
  readonly log: Logger;
  readonly emit: EmitEvent;
  readonly now?: () => Date;
  /** Argon2id parameters for new passwords; calibrated to 0.5–1 s unless a test passes the floor. */
  readonly chooseKdf?: () => Promise<KdfParameters>;
  /** The Japanese font certificates embed; the packaged app passes its resources path. */
  readonly fontPath?: string;
  /** The erasure worker's entry file: bundled next to the main process, or the source bootstrap in tests. */
  readonly erasureWorker: URL;
  /** The verifier worker's entry file: a PDF from anyone is parsed there, with limits, never in the main process (verify-in-worker.ts). */
  readonly verifyWorker: URL;
  /** This OS's self-check probes (electron/platform/self-check); the browser harness passes recorded ones. */
  readonly selfCheckProbes: SelfCheckProbes;
  /** Records the probes' raw answers into a folder (「診断データを保存」); this OS's probes by default. */
  readonly recordSelfCheckDiagnostics?: (folder: string) => Promise<readonly string[]>;
  /** The anti-virus engine sanitization relies on (Defender on Windows, ClamAV elsewhere); tests pass ClamAV with their own database. */
  readonly antivirus: AntivirusEngine;
  /** The OS clipboard, for copying a site's maintenance password (cleared again after 30 s or at lock). */
  readonly clipboard: Clipboard;
  /** What this OS's tools say may copy the data folder (electron/platform/data-folder); without it the disk and those tools are "unknown". */
  readonly observeDataFolder?: ObserveDataFolder;
  /** The whole devices attached now, for whole-medium erasure (electron/platform/media); this OS's by default. */
  readonly listWholeDevices?: (options: { dataFolder: string }) => Promise<DeviceFacts[]>;
  /** Unmounts a whole device and checks nothing holds it (electron/core/erasure/whole-medium/release-device); the real one by default. */
  readonly releaseWholeDevice?: (device: DeviceFacts) => Promise<readonly string[]>;
  /** The OS's own administrator prompt for one whole-medium erasure (electron/platform/elevation); absent where none can be shown. */
  readonly grantDeviceAccess?: (device: DeviceFacts) => Promise<GrantOutcome>;
  /** The company archive's store for 「会社へ保管」 (electron/platform/archive); S3 by default, a fake in tests. */
  readonly openArchiveStore?: OpenArchiveStore;
}

export interface Core {
  readonly handlers: Handlers;
  readonly vault: VaultService;
  /** The app's language now (the main process's own boxes follow it). */
  language(): Promise<Language>;
}

export function createCore(ports: CorePorts): Core {
  const now = ports.now ?? (() => new Date());
  const preferences = createPreferencesStore(ports.identity.dataDir, ports.log);
  const secretClipboard = createSecretClipboard(ports.clipboard);
  const vault = createVaultService({
    dataDir: ports.identity.dataDir,
    keyStore: ports.keyStore,
    log: ports.log,
    now,
    chooseKdf: ports.chooseKdf,
    onLocked: (reason) => {
      // A copied password must not outlive the keys.
      void secretClipboard.clearIfStillHeld().catch(() => ports.log.warn('clipboard.clear-failed'));
      ports.emit('vault.locked', { reason });
    },
  });
  const jobs = createJobRegistry();
  // The security boundary for erasing and revealing: a native box in the app's language (confirm-in-main.ts).
  const confirm = confirmInMain(ports.dialogs, async () => (await preferences.get()).language);
  const verifyFile = verifierFor(ports.verifyWorker);
  const savedFiles = createSavedFiles();
  // Settings shows it; a crypto-erase records it at the time of the erase.
  const inspectDataFolder = dataFolderInspector(ports.identity.dataDir, ports.observeDataFolder, now);
  const erasure = createErasure({
    vault,
    jobs,
    dialogs: ports.dialogs,
    readVolumes: ports.readVolumes,
    emit: ports.emit,
    now,
    toolVersion: ports.identity.version,
    fontPath: ports.fontPath,
    runErasure: workerErasureRunner(ports.erasureWorker),
    readMedium: ports.readMedium,
    inspectDataFolder,
    confirm,
  });
  const vaultHandlers = createVaultHandlers(vault, jobs, ports.dialogs, ports.emit, now, guardVisitImport, confirm);
  const handlers: Handlers = {
    'app.info': () => describeApp(ports.identity),
    // No vault needed: support may need the log precisely when the vault will not open.
    'app.saveLog': async () => {
      const file = await ports.dialogs.pickSaveFile('FieldGuard-log.txt', 'text');
      if (!file) return { saved: false };
      const text = (await ports.readLog?.()) ?? '';
      await writeFile(file, text, { mode: 0o600 }).catch(() => {
        throw new AppError('VAULT_DESTINATION_UNWRITABLE');
      });
      return { saved: true };
    },
    'app.showSavedFile': async ({ token }) => {
      const file = savedFiles.pathOf(token);
      if (file === null) return { shown: false };
      await ports.dialogs.showInFolder(file);
      return { shown: true };
    },
    'app.copyText': async ({ text }) => {
      await ports.clipboard.writeText(text);
      return { copied: true };
    },
    'app.dataFolder': () => inspectDataFolder(),
    'disks.list': () => listVolumes(ports.readVolumes, ports.now),
    'prefs.get': () => preferences.get(),
    'prefs.setLanguage': async ({ language }) => {
      const next = await preferences.setLanguage(language);
      ports.emit('prefs.changed', next);
      return next;
    },
    ...vaultHandlers,
    'vault.unlock': async (request) => {
      const unlocked = await vaultHandlers['vault.unlock'](request);
      // Documents signed while the timestamp authority was out of reach get their timestamp now, in the background.
      void timestampQueuedDocuments(vault, now, ports.log);
      return unlocked;
    },
    ...createAuditHandlers(vault, ports.dialogs),
    ...createCertificateHandlers(vault, ports.dialogs, now, verifyFile, savedFiles),
    ...erasure.handlers,
    ...createWholeMediumHandlers({
      vault,
      now,
      toolVersion: ports.identity.version,
      fontPath: ports.fontPath,
      listDevices: () => (ports.listWholeDevices ?? listWholeDevices)({ dataFolder: ports.identity.dataDir }),
      release: ports.releaseWholeDevice,
      grantAccess: ports.grantDeviceAccess,
      confirm,
      runJob: erasure.runPlanned,
      issueCertificate: async (request) => erasure.handlers['erasure.issueCertificate'](request),
    }),
    ...createSelfCheckHandlers({
      vault,
      dialogs: ports.dialogs,
      probes: ports.selfCheckProbes,
      now,
      fontPath: ports.fontPath,
      recordDiagnostics: ports.recordSelfCheckDiagnostics ?? ((folder) => recordThisLaptop(folder)),
    }),
    ...createSanitizeHandlers({
      vault,
      jobs,
      verify: verifyFile,
      dialogs: ports.dialogs,
      engine: ports.antivirus,
      analyze: analyzeFile,
      emit: ports.emit,
      now,
      fontPath: ports.fontPath,
    }),
    ...createSitesHandlers({ vault, secretClipboard, now, confirm }),
    ...createLedgerHandlers({
      vault,
      savedFiles,
      dialogs: ports.dialogs,
      readVolumes: ports.readVolumes,
      readDeviceDetails: ports.readDeviceDetails,
      log: ports.log,
      now,
      fontPath: ports.fontPath,
      onLost: (session, item) => startIncidentForLostMedium(session, item, now()),
    }),
    ...createVisitsHandlers({ vault, now, fontPath: ports.fontPath }),
    ...createArchiveHandlers({
      vault,
      jobs,
      emit: ports.emit,
      now,
      openStore: ports.openArchiveStore ?? createS3ArchiveStore,
      confirm,
      verifyWorker: ports.verifyWorker,
    }),
    ...createPlannedVisitsHandlers({ vault, now }),
  };
  return { handlers, vault, language: async () => (await preferences.get()).language };
}
