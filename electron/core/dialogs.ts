/**
 * The port to the OS's file dialogs and message boxes. Destructive and reading operations never
 * take a path typed by the renderer (docs/decisions.md, "IPC"): the main process asks the user here and
 * uses the answer itself. Destructive and secret-revealing operations are confirmed here too, in
 * a box the main process draws and words (confirm-in-main.ts): script in a compromised renderer
 * can call any channel, but it cannot answer this box. The browser harness answers with a
 * scripted choice.
 */
export interface Dialogs {
  /** Files, or one folder, to import into the vault; null when the user cancels. */
  pickImportSources(pick: 'files' | 'folder'): Promise<string[] | null>;
  /** The folder decrypted copies are written to; null when the user cancels. */
  pickExportFolder(): Promise<string | null>;
  /** Where to save a document FieldGuard writes (the recovery key, a CSV export, a certificate); null when cancelled. */
  pickSaveFile(defaultName: string, kind: 'text' | 'csv' | 'pdf' | 'pem'): Promise<string | null>;
  /** Opens the OS file manager at a file FieldGuard just saved, with the file selected (「フォルダーを開く」). */
  showInFolder(file: string): Promise<void>;
  /** A certificate PDF or evidence JSON to verify, a root certificate, an enrollment reply or a CRL; null when cancelled. */
  pickCertificateFile(): Promise<string | null>;
  /** A company self-check policy (JSON) to import; null when cancelled. */
  pickPolicyFile(): Promise<string | null>;
  /** A vendor release list (SHA256SUMS text) to import; null when cancelled. */
  pickReleaseList(): Promise<string | null>;
  /** A message box naming what is about to happen; true only when the user chose `confirmButton` (cancel is the default). */
  confirm(confirmation: Confirmation): Promise<boolean>;
}

/** A confirmation already worded in the app's language by the main process: the box shows these texts as they are. */
export interface Confirmation {
  readonly title: string;
  /** What will happen, with its count: "次の3件のファイルを消去します。". */
  readonly message: string;
  /** What it happens to, one fact a line: the volume's label, model and serial; the collections; the account. */
  readonly detail: string;
  readonly confirmButton: string;
  readonly cancelButton: string;
}
