/** The `app.*` channels: what the app is and what it runs on (shown on the System page). */
import { z } from 'zod';
import { defineChannel, noRequest } from './ipc/define';

export const AppInfo = z.object({
  name: z.string(),
  version: z.string(),
  platform: z.enum(['win32', 'darwin', 'linux', 'other']),
  arch: z.string(),
  hostname: z.string(),
  versions: z.object({
    electron: z.string().nullable(),
    chrome: z.string().nullable(),
    node: z.string(),
  }),
  dataDir: z.string(),
  /** Where this installation's own SBOM (CycloneDX JSON, `npm run sbom`) is; null when it carries none (a development run). */
  sbomPath: z.string().nullable(),
});
export type AppInfo = z.infer<typeof AppInfo>;

/** 「ログを保存」: the app's log file (no secrets or patient data by construction) saved where the engineer chooses, for support. */
export const SaveLogResult = z.object({ saved: z.boolean() });

export const appChannels = {
  'app.info': defineChannel({ request: noRequest, response: AppInfo }),
  'app.saveLog': defineChannel({ request: noRequest, response: SaveLogResult }),
};
