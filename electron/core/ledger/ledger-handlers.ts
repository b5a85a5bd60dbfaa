/**
 * The `ledger.*` channels (7-7, 7-1, 7-2, 7-10, 12-3, 12-5). Every mutation goes through a
 * service that checks the item's status and appends its audit entry in the same transaction;
 * reading attached hardware goes through the ReadVolumes and ReadDeviceDetails ports; files
 * are written only where the user picked in a native dialog.
 */
import type { SavedFiles } from '../files/saved-files';
import type { Dialogs } from '../dialogs';
import type { ReadVolumes } from '../disks/list-volumes';
import type { Handlers } from '../ipc/router';
import type { Logger } from '../logger';
import type { LedgerItem } from '../../shared/ledger';
import type { VaultService } from '../vault/vault-service';
import type { VaultSession } from '../vault/vault-session';
import { checkIn, checkOut, markAtSite, markFound, markLost, recordPermission } from './custody';
import { detectMedia } from './detect-media';
import type { ReadDeviceDetails } from './device-details';
import { completeInventory, confirmInventoryItem, currentInventory, listInventories, scanInventory, startInventory } from './inventory';
import { writeLedgerCsv, writeLedgerReport } from './ledger-export';
import { readLedgerSettings, saveLedgerSettings } from './ledger-settings';
import { checkoutsOf, listItems, requireItem, saveItem } from './ledger-store';
import { ledgerWarnings } from './ledger-warnings';
import { dispose, recordErasure } from './lifecycle';

type LedgerChannel = Extract<keyof Handlers, `ledger.${string}`>;

export interface LedgerPorts {
  readonly vault: VaultService;
  readonly dialogs: Dialogs;
  readonly readVolumes: ReadVolumes;
  readonly readDeviceDetails: ReadDeviceDetails;
  readonly log: Logger;
  readonly now: () => Date;
  /** Called after a medium is marked lost; returns the incident-response run it started, if any (issue 7's procedures). */
  readonly onLost?: (session: VaultSession, item: LedgerItem) => string | null;
  readonly fontPath?: string;
  /** Where 「フォルダーを開く」 finds the report just saved. */
  readonly savedFiles: SavedFiles;
}

export function createLedgerHandlers(ports: LedgerPorts): Pick<Handlers, LedgerChannel> {
  const session = () => ports.vault.session();
  const detection = { readVolumes: ports.readVolumes, readDeviceDetails: ports.readDeviceDetails, log: ports.log };
  return {
    'ledger.list': ({ status }) => ({ items: listItems(session().db, status) }),
    'ledger.get': ({ id }) => {
      const { db } = session();
      return { item: requireItem(db, id), checkouts: checkoutsOf(db, id) };
    },
    'ledger.save': ({ item }) => saveItem(session(), item, ports.now()),
    'ledger.detect': () => detectMedia(session().db, detection, ports.now()),
    'ledger.checkOut': (request) => checkOut(session(), request, ports.now()),
    'ledger.markAtSite': ({ itemId }) => markAtSite(session(), itemId, ports.now()),
    'ledger.recordPermission': ({ itemId, permission }) => recordPermission(session(), itemId, permission, ports.now()),
    'ledger.checkIn': (request) => checkIn(session(), request, ports.now()),
    'ledger.markLost': ({ itemId, note }) => {
      const s = session();
      const item = markLost(s, itemId, note, ports.now());
      return { ...item, incidentRunId: ports.onLost?.(s, item) ?? null };
    },
    'ledger.markFound': ({ itemId, note }) => markFound(session(), itemId, note, ports.now()),
    'ledger.recordErasure': ({ itemId, certificateId }) => recordErasure(session(), itemId, certificateId, ports.now()),
    'ledger.dispose': (request) => dispose(session(), request, ports.now()),
    'ledger.warnings': () => ledgerWarnings(session().db, ports.now()),
    'ledger.settings': () => readLedgerSettings(session().db),
    'ledger.saveSettings': (settings) => saveLedgerSettings(session(), settings),
    'ledger.startInventory': () => startInventory(session(), detection, ports.now()),
    'ledger.currentInventory': () => ({ inventory: currentInventory(session().db) }),
    'ledger.confirmInventoryItem': (request) => confirmInventoryItem(session(), request, ports.now()),
    'ledger.scanInventory': ({ inventoryId }) => scanInventory(session(), inventoryId, detection, ports.now()),
    'ledger.completeInventory': ({ inventoryId }) => completeInventory(session(), inventoryId, ports.now(), ports.fontPath),
    'ledger.inventories': () => ({ inventories: listInventories(session().db) }),
    'ledger.exportCsv': async () => {
      const s = session();
      const file = await ports.dialogs.pickSaveFile('FieldGuard-media-ledger.csv', 'csv');
      if (!file) return { saved: false };
      await writeLedgerCsv(s, file);
      return { saved: true };
    },
    'ledger.exportReport': async () => {
      const s = session();
      // Asked first: a report nobody saves should not take a certificate number.
      const file = await ports.dialogs.pickSaveFile('FieldGuard-media-ledger.pdf', 'pdf');
      if (!file) return { saved: false, certificateId: null, number: null, file: null };
      const { certificateId, number } = await writeLedgerReport(s, file, ports.now(), ports.fontPath);
      return { saved: true, certificateId, number, file: ports.savedFiles.remember(file) };
    },
  };
}
