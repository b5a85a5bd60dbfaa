/**
 * The port to the OS clipboard, used only to hand a site's maintenance password to the
 * engineer (14-2) without showing it: the main process writes it and clears it again; the
 * renderer never holds it. Electron's asynchronous `clipboard` in the app, an in-memory one
 * in tests.
 */
export interface Clipboard {
  writeText(text: string): Promise<void>;
  readText(): Promise<string>;
  clear(): Promise<void>;
}
