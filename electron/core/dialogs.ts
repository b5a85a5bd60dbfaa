/**
 * The port to the OS's file dialogs. Destructive and reading operations never take a path
 * typed by the renderer (DESIGN.md "IPC"): the main process asks the user here and uses the
 * answer itself. The browser harness answers with a scripted choice.
 */
export interface Dialogs {
  /** Files, or one folder, to import into the vault; null when the user cancels. */
  pickImportSources(pick: 'files' | 'folder'): Promise<string[] | null>;
  /** The folder decrypted copies are written to; null when the user cancels. */
  pickExportFolder(): Promise<string | null>;
  /** Where to save a document FieldGuard writes (the recovery key, a CSV export, a certificate); null when cancelled. */
  pickSaveFile(defaultName: string, kind: 'text' | 'csv' | 'pdf' | 'pem'): Promise<string | null>;
  /** A certificate PDF or evidence JSON to verify, a root certificate, an enrollment reply or a CRL; null when cancelled. */
  pickCertificateFile(): Promise<string | null>;
  /** A company self-check policy (JSON) to import; null when cancelled. */
  pickPolicyFile(): Promise<string | null>;
  /** A vendor release list (SHA256SUMS text) to import; null when cancelled. */
  pickReleaseList(): Promise<string | null>;
}
