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

/**
 * A document just saved (a certificate's or report's PDF): its name for the message, and a token
 * that 「フォルダーを開く」 sends back — the path itself stays in the main process.
 */
export const SavedFile = z.object({ token: z.string(), fileName: z.string() });
export type SavedFile = z.infer<typeof SavedFile>;

export const appChannels = {
  'app.info': defineChannel({ request: noRequest, response: AppInfo }),
  'app.saveLog': defineChannel({ request: noRequest, response: SaveLogResult }),
  /** Opens the file manager at a file saved a moment ago; false when the token is unknown. */
  'app.showSavedFile': defineChannel({ request: z.object({ token: z.uuid() }).strict(), response: z.object({ shown: z.boolean() }) }),
  /**
   * Copies a value the screen shows (a path, a number) to the clipboard: the renderer is granted
   * no clipboard permission (web-contents-guards.ts), so the main process writes it.
   */
  'app.copyText': defineChannel({
    request: z.object({ text: z.string().min(1).max(4096) }).strict(),
    response: z.object({ copied: z.boolean() }),
  }),
};
