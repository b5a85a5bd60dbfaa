/**
 * What every OS's medium probe takes and how it fails, kept apart so the probes and
 * read-medium.ts share them without importing each other.
 */

export interface MediumOptions {
  /** The app's data folder: the disk holding it is marked holdsSystem (never offered for whole-medium erasure). */
  readonly dataFolder?: string;
}

/** The device list itself could not be read (its tool missing, denied or unparseable); `problems` says why, in English. */
export class MediaUnreadableError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`the devices of this computer could not be read: ${problems.join('; ')}`);
    this.name = 'MediaUnreadableError';
  }
}
