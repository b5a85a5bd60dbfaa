/**
 * The whole IPC contract: every channel and event of every feature. A feature adds its
 * `electron/shared/<feature>.ts` and one spread line here; the router, the typed client and
 * the fuzz test pick it up from this object.
 */
import type { z } from 'zod';
import { appChannels } from './app';
import { auditChannels } from './audit';
import { dataFolderChannels } from './data-folder';
import { certificateChannels } from './certificates';
import { erasureChannels } from './erasure';
import { wholeMediumChannels } from './whole-medium';
import { diskChannels } from './disks';
import { preferenceChannels, preferenceEvents } from './preferences';
import { selfCheckChannels } from './self-check';
import { sanitizeChannels } from './sanitize';
import { visitsChannels } from './visits';
import { plannedVisitsChannels } from './planned-visits';
import { sitesChannels } from './sites';
import { ledgerChannels } from './ledger';
import { archiveChannels } from './archive-ipc';
import { vaultChannels, vaultEvents } from './vault';

export const contract = {
  ...appChannels,
  ...dataFolderChannels,
  ...diskChannels,
  ...preferenceChannels,
  ...vaultChannels,
  ...auditChannels,
  ...certificateChannels,
  ...erasureChannels,
  ...wholeMediumChannels,
  ...selfCheckChannels,
  ...sanitizeChannels,
  ...sitesChannels,
  ...visitsChannels,
  ...plannedVisitsChannels,
  ...ledgerChannels,
  ...archiveChannels,
};

export const events = {
  ...preferenceEvents,
  ...vaultEvents,
};

export type Contract = typeof contract;
export type ChannelName = keyof Contract;
export type RequestOf<C extends ChannelName> = z.input<Contract[C]['request']>;
export type ResponseOf<C extends ChannelName> = z.output<Contract[C]['response']>;

export type Events = typeof events;
export type EventName = keyof Events;
export type PayloadOf<E extends EventName> = z.output<Events[E]['payload']>;

export function isChannelName(value: unknown): value is ChannelName {
  return typeof value === 'string' && Object.hasOwn(contract, value);
}

export function isEventName(value: unknown): value is EventName {
  return typeof value === 'string' && Object.hasOwn(events, value);
}
