/**
 * The `archive.*` channels (issue 20): the archive's state for Settings and the dashboard, its
 * settings (the secret goes in, never out), and 「会社へ保管」 as a cancellable job. Apart from
 * archive.ts because the error codes (errors.ts) are built from archive.ts's list.
 */
import { z } from 'zod';
import { ArchiveSettingsInput, ArchiveSettingsView } from './archive';
import { ErrorCode } from './errors';
import { defineChannel, noRequest } from './ipc/define';

/** `archive.status`: the state Settings shows, the settings without the secret, and whether a visit holds the sync back. */
export const ArchiveStatus = z.object({
  configured: z.boolean(),
  settings: ArchiveSettingsView.nullable(),
  lastSyncAt: z.string().nullable(),
  waiting: z.number().int().nonnegative(),
  archived: z.number().int().nonnegative(),
  refused: z.number().int().nonnegative(),
  failed: z.array(z.object({ number: z.string(), error: ErrorCode })),
  incident: z.object({ detectedAt: z.string(), archiveSeq: z.number().int(), localSeq: z.number().int() }).nullable(),
  visitInProgress: z.boolean(),
});
export type ArchiveStatus = z.infer<typeof ArchiveStatus>;

export const ArchiveSyncSummary = z.object({
  archived: z.number().int().nonnegative(),
  alreadyThere: z.number().int().nonnegative(),
  refused: z.array(z.string()),
  failed: z.array(z.object({ number: z.string(), error: ErrorCode })),
});
export type ArchiveSyncSummary = z.infer<typeof ArchiveSyncSummary>;

export const archiveChannels = {
  'archive.status': defineChannel({ request: noRequest, response: ArchiveStatus }),
  // The secret may be left out to keep the one stored: the screen never holds it to send it back.
  'archive.saveSettings': defineChannel({
    request: ArchiveSettingsInput.extend({ secretAccessKey: ArchiveSettingsInput.shape.secretAccessKey.optional() }),
    response: ArchiveStatus,
  }),
  'archive.sync': defineChannel({ request: z.object({ jobId: z.uuid() }).strict(), response: ArchiveSyncSummary }),
};
