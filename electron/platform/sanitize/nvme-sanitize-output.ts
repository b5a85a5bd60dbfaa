/**
 * Reads what nvme-cli says about an NVMe controller's own sanitize (issue 14, whole-medium
 * erasure): `nvme id-ctrl DEV -o json` for what the controller can do (SANICAP), and
 * `nvme sanitize-log DEV -o json` for how its last sanitize went. A device sanitize is the only
 * way an NVMe SSD reaches NIST SP 800-88 Purge, so these answers decide whether the
 * certificate may say Purge: anything that is not a clear "completed" is never read as one.
 *
 * Shapes, from nvme-cli's JSON printer (nvme-print-json.c, 1.x and 2.x): id-ctrl is a flat
 * object of the Identify Controller fields by their spec names (`sn`, `mn`, `fr`, `sanicap`,
 * `fna`…, numbers as JSON numbers, strings padded with spaces); sanitize-log is keyed by the
 * device name, with `sprog` (progress in 65536ths) and `sstat` — an object whose `status`
 * reads "(N) text" (2.x) — or, in some 1.x builds, the raw SSTAT number.
 */
import { z } from 'zod';

/** SANICAP (Identify Controller bytes 331:328), NVMe 1.4 §5.15.2.2. */
const SANICAP_CRYPTO_ERASE = 1 << 0;
const SANICAP_BLOCK_ERASE = 1 << 1;
const SANICAP_OVERWRITE = 1 << 2;
const SANICAP_NO_DEALLOCATE_INHIBITED = 1 << 29;
/** FNA bit 2: cryptographic erase is supported as part of a Format NVM secure erase. */
const FNA_CRYPTO_ERASE = 1 << 2;

export interface NvmeController {
  readonly model: string | null;
  readonly serial: string | null;
  readonly firmware: string | null;
  readonly sanitize: {
    readonly cryptoErase: boolean;
    readonly blockErase: boolean;
    readonly overwrite: boolean;
    /** The controller refuses No-Deallocate After Sanitize (NDI). */
    readonly noDeallocateInhibited: boolean;
    /**
     * NODMMAS (bits 31:30): whether media is modified by a No-Deallocate sanitize —
     * 'not-reported' for controllers before NVMe 1.4.
     */
    readonly noDeallocateModifiesMedia: 'not-reported' | 'no' | 'yes' | 'reserved';
  };
  readonly formatCryptoErase: boolean;
}

const paddedString = z
  .string()
  .transform((value) => value.trim())
  .transform((value) => (value === '' ? null : value))
  .nullish();

const IdCtrlJson = z.object({
  sn: paddedString,
  mn: paddedString,
  fr: paddedString,
  sanicap: z.number().int().nonnegative(),
  fna: z.number().int().nonnegative().nullish(),
});

const NODMMAS = ['not-reported', 'no', 'yes', 'reserved'] as const;

/** `nvme id-ctrl DEV -o json`; throws (zod) on anything that is not that output. */
export function parseNvmeIdCtrl(stdout: string): NvmeController {
  const json = IdCtrlJson.parse(JSON.parse(stdout));
  // JSON numbers above 2^31 are fine in JavaScript, but bitwise operators work on 32 bits: use the unsigned value.
  const sanicap = json.sanicap >>> 0;
  return {
    model: json.mn ?? null,
    serial: json.sn ?? null,
    firmware: json.fr ?? null,
    sanitize: {
      cryptoErase: (sanicap & SANICAP_CRYPTO_ERASE) !== 0,
      blockErase: (sanicap & SANICAP_BLOCK_ERASE) !== 0,
      overwrite: (sanicap & SANICAP_OVERWRITE) !== 0,
      noDeallocateInhibited: (sanicap & SANICAP_NO_DEALLOCATE_INHIBITED) !== 0,
      noDeallocateModifiesMedia: NODMMAS[(sanicap >>> 30) & 0b11] ?? 'reserved',
    },
    formatCryptoErase: ((json.fna ?? 0) & FNA_CRYPTO_ERASE) !== 0,
  };
}

/** SSTAT bits 2:0, NVMe 1.4 §5.14.1.16. */
export type NvmeSanitizeState = 'never' | 'completed' | 'in-progress' | 'failed' | 'completed-no-deallocate' | 'unknown';

const SSTAT_STATES: Readonly<Record<number, NvmeSanitizeState>> = {
  0: 'never',
  1: 'completed',
  2: 'in-progress',
  3: 'failed',
  4: 'completed-no-deallocate',
};

export interface NvmeSanitizeLog {
  readonly state: NvmeSanitizeState;
  /** 0–1 while in progress (SPROG / 65536); null otherwise. */
  readonly progress: number | null;
  /** Command Dword 10 of the most recent sanitize: its action (SANACT) is bits 2:0. */
  readonly lastAction: number | null;
  /** SSTAT bit 8: no user data has been written since the last sanitize (or ever). */
  readonly globalDataErased: boolean | null;
  readonly completedPasses: number | null;
}

const SstatObject = z.object({
  status: z.string().regex(/^\(\d+\)/),
  global_erased: z.number().int().nullish(),
  no_cmplted_passes: z.number().int().nullish(),
});

const SanitizeLogEntry = z.object({
  sprog: z.number().int().nonnegative(),
  sstat: z.union([SstatObject, z.number().int().nonnegative()]),
  cdw10_info: z.number().int().nonnegative().nullish(),
});

/** `nvme sanitize-log DEV -o json`: the one device's entry. */
export function parseNvmeSanitizeLog(stdout: string): NvmeSanitizeLog {
  const root = z.record(z.string(), z.unknown()).parse(JSON.parse(stdout));
  const entries = Object.values(root);
  if (entries.length !== 1) throw new Error('nvme sanitize-log: expected exactly one device');
  const entry = SanitizeLogEntry.parse(entries[0]);
  let code: number;
  let globalDataErased: boolean | null;
  let completedPasses: number | null;
  if (typeof entry.sstat === 'number') {
    code = entry.sstat & 0b111;
    completedPasses = (entry.sstat >> 3) & 0b11111;
    globalDataErased = (entry.sstat & 0x100) !== 0;
  } else {
    code = Number(/^\((\d+)\)/.exec(entry.sstat.status)?.[1]);
    completedPasses = entry.sstat.no_cmplted_passes ?? null;
    globalDataErased =
      entry.sstat.global_erased === null || entry.sstat.global_erased === undefined ? null : entry.sstat.global_erased === 1;
  }
  const state = SSTAT_STATES[code] ?? 'unknown';
  return {
    state,
    progress: state === 'in-progress' ? entry.sprog / 65536 : null,
    lastAction: entry.cdw10_info ?? null,
    globalDataErased,
    completedPasses,
  };
}

/** SANACT values of the Sanitize command (NVMe 1.4 Figure 372). */
export const NVME_SANACT = { 'sanitize-block': 2, 'sanitize-overwrite': 3, 'sanitize-crypto': 4 } as const;
