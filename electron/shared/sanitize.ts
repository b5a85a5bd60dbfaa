/**
 * The `sanitize.*` channels (10-5, 8-1): choose files and an output folder in native dialogs,
 * run the pipeline (verdict per file with reasons), sign off and issue the signed
 * sanitization report, keep the allow-list and the vendor release list; and, for the
 * receiving side, check a folder of files against a report.
 */
import { z } from 'zod';
import { defineChannel, noRequest } from './ipc/define';

export const sanitizeErrorCodes = [
  'SANITIZE_NOTHING_CHOSEN',
  'SANITIZE_NO_OUTPUT',
  'SANITIZE_OUTPUT_NOT_EMPTY',
  'SANITIZE_OUTPUT_OVERLAPS',
  'SANITIZE_OUTPUT_OUTSIDE',
  'SANITIZE_NOT_FOUND',
  'SANITIZE_RELEASE_LIST_INVALID',
  'SANITIZE_NOT_A_SANITIZATION_REPORT',
] as const;

/**
 * By default: DICOM, common images, PDF, plain text / CSV / XML / JSON, Office documents
 * without active content — legacy .doc/.xls/.ppt too, which sites still exchange (macros
 * and embedded objects in them are blocked as findings) — and ZIP archives of those.
 */
export const DEFAULT_ALLOWED_TYPES: readonly string[] = [
  'dicom',
  'png',
  'jpeg',
  'tiff',
  'bmp',
  'gif',
  'pdf',
  'txt',
  'csv',
  'xml',
  'json',
  'docx',
  'xlsx',
  'pptx',
  'doc',
  'xls',
  'ppt',
  'zip',
];

/**
 * The types content disarm rebuilds by default, as Settings offers them (rebuild or block);
 * templates and macro-enabled forms not listed follow the rebuild default. A type in the
 * policy's rebuildBlockTypes is not rebuilt: its active content blocks it, as before issue 15.
 */
export const REBUILD_POLICY_TYPES: readonly string[] = [
  'pdf',
  'docx',
  'docm',
  'xlsx',
  'xlsm',
  'pptx',
  'pptm',
  'png',
  'jpeg',
  'tiff',
  'bmp',
  'dicom',
  'csv',
];

export const Verdict = z.enum(['passed', 'sanitized', 'blocked']);

export const SanitizeFinding = z.object({
  code: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  entry: z.string().optional(),
});

/** One object content disarm (CDR) removed from a file (texts: sanitizeTexts.removed.<kind>). */
export const RemovedObject = z.object({
  kind: z.string(),
  location: z.string(),
  detail: z.string().optional(),
  more: z.number().optional(),
});
export type RemovedObject = z.infer<typeof RemovedObject>;

export const SanitizedFile = z.object({
  /** Where it was delivered, relative to the output folder (a file not delivered: its original path, printable). */
  path: z.string(),
  /** Only when the delivered name was changed to be safe or unique: the original, printable (`<U+202E>`, `<0xE9>`). */
  originalPath: z.string().optional(),
  size: z.number().nonnegative(),
  sha256Before: z.string().nullable(),
  sha256After: z.string().nullable(),
  type: z.string(),
  innerTypes: z.array(z.string()),
  verdict: Verdict,
  findings: z.array(SanitizeFinding),
  /** A sanitized file rebuilt by content disarm: every object that was removed (runs before issue 15 lack it). */
  removed: z.array(RemovedObject).optional(),
  quarantineItemId: z.string().nullable(),
});

export const EngineInfo = z.object({
  engine: z.string(),
  version: z.string().nullable(),
  databaseVersion: z.string().nullable(),
  databaseDate: z.string().nullable(),
  /** Where the signatures were read from; how many; how old at the start of the run (runs before issue 15 lack them). */
  databasePath: z.string().nullable().optional(),
  signatures: z.number().nullable().optional(),
  databaseAgeDays: z.number().nullable().optional(),
  /** Signatures in custom (plain-text) ClamAV files, besides the official databases in `databaseVersion` (runs before issue 19 lack it). */
  customSignatures: z.number().int().nonnegative().nullable().optional(),
});

/** The signature database judged against the policy (texts: sanitizeTexts.engine.warning.<code>). */
export const EngineWarning = z.object({
  code: z.enum(['DATABASE_OLD', 'DATABASE_DATE_UNKNOWN', 'DATABASE_SMALL']),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
});
/** Why the engine could not scan (texts: sanitizeTexts.engine.problem.<code> and .advice.<code>); detail is the adapter's own. */
export const EngineProblem = z.object({ code: z.string(), detail: z.string() });

export const SanitizationResult = z.object({
  id: z.string(),
  startedAt: z.string(),
  finishedAt: z.string(),
  outputName: z.string(),
  engine: EngineInfo.nullable(),
  engineName: z.string(),
  engineWarnings: z.array(EngineWarning).optional(),
  engineProblem: EngineProblem.optional(),
  policy: z.object({
    allowedTypes: z.array(z.string()),
    releases: z.number(),
    antivirusDatabase: z.object({ maxAgeDays: z.number(), minSignatures: z.number(), whenUnfit: z.enum(['warn', 'block']) }).optional(),
  }),
  files: z.array(SanitizedFile),
});
export type SanitizationResult = z.infer<typeof SanitizationResult>;

export const SanitizationSummary = z.object({
  id: z.string(),
  finishedAt: z.string(),
  outputName: z.string(),
  counts: z.object({ passed: z.number(), sanitized: z.number(), blocked: z.number() }),
  certificateNumber: z.string().nullable(),
  /** The issued report's id, for 「PDFを保存」 where the run is shown. */
  certificateId: z.string().nullable(),
});

export const SanitizeSelection = z.object({
  sources: z.array(z.object({ id: z.uuid(), label: z.string(), files: z.number(), bytes: z.number() })),
  output: z.string().nullable(),
});

export const ReceivedCheck = z.object({
  /** Every file in the folder is listed with the same SHA-256, and every delivered file is there. */
  matches: z.boolean(),
  matched: z.array(z.string()),
  changed: z.array(z.string()),
  missing: z.array(z.string()),
  extra: z.array(z.string()),
});
export type ReceivedCheck = z.infer<typeof ReceivedCheck>;

/** The policy as Settings shows it; rebuildBlockTypes is absent from main processes before issue 15. */
export const SanitizePolicyView = z.object({
  allowedTypes: z.array(z.string()),
  releases: z.number(),
  rebuildBlockTypes: z.array(z.string()).optional(),
});

/**
 * Where the files are handed over, when the report is issued for a visit (issue 19): the site,
 * its administrator who receives them and the visit's number, printed on the signed report.
 */
export const SanitizeRecipient = z.object({
  hospital: z.string().trim().max(200),
  department: z.string().trim().max(200),
  administrator: z.string().trim().max(100),
  reference: z.string().trim().max(200),
});
export type SanitizeRecipient = z.infer<typeof SanitizeRecipient>;

const JobId = z.uuid();

export const sanitizeChannels = {
  'sanitize.addSources': defineChannel({ request: z.object({ pick: z.enum(['files', 'folder']) }).strict(), response: SanitizeSelection }),
  'sanitize.removeSource': defineChannel({ request: z.object({ id: z.uuid() }).strict(), response: SanitizeSelection }),
  'sanitize.chooseOutput': defineChannel({ request: noRequest, response: SanitizeSelection }),
  'sanitize.selection': defineChannel({ request: noRequest, response: SanitizeSelection }),
  'sanitize.start': defineChannel({ request: z.object({ jobId: JobId }).strict(), response: SanitizationResult }),
  'sanitize.history': defineChannel({ request: noRequest, response: z.object({ runs: z.array(SanitizationSummary) }) }),
  'sanitize.get': defineChannel({ request: z.object({ id: z.string().min(1).max(100) }).strict(), response: SanitizationResult }),
  /** The engineer's sign-off (optionally with a second reviewer): issues the signed report. */
  'sanitize.signOff': defineChannel({
    request: z
      .object({ id: z.string().min(1).max(100), reviewer: z.string().trim().max(100), recipient: SanitizeRecipient.strict().optional() })
      .strict(),
    response: z.object({ certificateId: z.string(), number: z.string() }),
  }),
  'sanitize.policy': defineChannel({ request: noRequest, response: SanitizePolicyView }),
  'sanitize.setAllowedTypes': defineChannel({
    request: z.object({ allowedTypes: z.array(z.string().regex(/^[a-z0-9-]{1,20}$/)).max(100) }).strict(),
    response: SanitizePolicyView,
  }),
  /** The types content disarm does not rebuild (their active content blocks them instead). */
  'sanitize.setRebuildBlockTypes': defineChannel({
    request: z.object({ rebuildBlockTypes: z.array(z.string().regex(/^[a-z0-9-]{1,20}$/)).max(100) }).strict(),
    response: SanitizePolicyView,
  }),
  /** A vendor release list (SHA256SUMS format) chosen in a native dialog. */
  'sanitize.importReleaseList': defineChannel({
    request: noRequest,
    response: z.object({ imported: z.boolean(), allowedTypes: z.array(z.string()), releases: z.number() }),
  }),
  /** The receiving side: a report and a folder, both chosen in native dialogs. */
  'sanitize.checkReceived': defineChannel({
    request: noRequest,
    response: z.object({
      cancelled: z.boolean(),
      reportGenuine: z.boolean().nullable(),
      /** The signer is the engineer's own or in the trusted list; false: intact but from an unknown signer. */
      signerTrusted: z.boolean().nullable(),
      number: z.string().nullable(),
      check: ReceivedCheck.nullable(),
    }),
  }),
};
