/**
 * The vocabulary of the sanitization pipeline (10-5, 8-1): what a file truly is, what was
 * found in it, and the verdict. Analyzers (true type, archives, active content, DICOM) and
 * anti-virus engines only report findings; `decide-verdict.ts` turns findings into a verdict,
 * so the rule "anything doubtful is blocked" lives in one place.
 */

/** A file's type from its content, never from its name. */
export interface TrueType {
  /** Stable id, e.g. 'dicom', 'png', 'jpeg', 'tiff', 'pdf', 'docx', 'xlsm', 'doc', 'zip', 'txt', 'csv', 'json', 'xml', 'html', 'svg', 'pe', 'elf', 'macho', 'lnk', 'script', 'unknown'. */
  readonly id: string;
  readonly mime: string | null;
  /** The extensions this type legitimately has, lower case without dot, e.g. ['docx']. */
  readonly extensions: readonly string[];
}

/** Why a file was blocked or changed; each has a text in both languages (`sanitize.reason.<code>`). */
export const findingCodes = [
  // Type and policy
  'EXTENSION_MISMATCH', // params: extension, type
  'TYPE_NOT_ALLOWED', // params: type
  'SOFTWARE_NOT_ON_RELEASE_LIST', // params: sha256
  'UNREADABLE',
  'NOT_A_REGULAR_FILE', // a link, device or FIFO among the chosen files: never followed, never delivered
  'CHANGED_DURING_SCAN', // the file changed while it was being copied for scanning
  'NAME_NOT_UTF8', // a name that is not valid UTF-8 (the path shows it escaped, e.g. caf<0xE9>.txt): never read, never delivered
  // Active content
  'EXECUTABLE', // params: format (PE, ELF, Mach-O)
  'SHORTCUT', // Windows .lnk
  'SCRIPT', // params: language
  'OFFICE_MACRO',
  'OFFICE_ACTIVEX',
  'OFFICE_EMBEDDED_OBJECT', // OLE objects embedded in Office documents
  'PDF_JAVASCRIPT',
  'PDF_AUTO_ACTION', // /OpenAction, /AA
  'PDF_LAUNCH',
  'PDF_EMBEDDED_FILE',
  'PDF_UNPARSEABLE_STREAM', // a stream we could not decode: cannot be cleared
  'HTML_SCRIPT', // <script>, on* handlers, javascript: URLs
  'SVG_SCRIPT',
  'OFFICE_EXTERNAL_OBJECT', // params: part, target — an OLE object linked from outside (CVE-2017-0199)
  'OFFICE_REMOTE_TEMPLATE', // params: part, target — a template fetched when the document opens
  'OFFICE_EXTERNAL_RELATIONSHIP', // params: part, relationship, target — other content fetched from outside (frames, linked images, sub-documents)
  'OFFICE_DANGEROUS_LINK', // params: part, target — a link or action that starts a program or opens file:/UNC (ppaction://program)
  'OFFICE_ALTCHUNK', // params: part — an imported chunk (HTML, RTF, MHT) rendered into the document
  'OFFICE_DDE', // params: part — DDE/DDEAUTO fields (docx) or ddeLink / DDE formulas (xlsx)
  'RTF_EMBEDDED_OBJECT', // \object / \objdata in an RTF file
  'XML_SCRIPT', // an (X)HTML <script>, handler or javascript: URL inside an XML file
  'XML_REMOTE_STYLESHEET', // params: target — <?xml-stylesheet?> fetched from another host
  'PDF_XFA', // an XFA form (it may carry JavaScript)
  'CSV_FORMULA', // a cell that a spreadsheet would run as a formula (=cmd|' /C calc'!A0)
  'CONTAINER_NOT_INSPECTABLE', // params: format — ISO, VHD(X), disk image, OneNote, CAB, 7z, RAR: cannot be opened here
  // Archives
  'ARCHIVE_TOO_DEEP', // params: limit
  'ARCHIVE_TOO_MANY_ENTRIES', // params: limit
  'ARCHIVE_TOO_LARGE', // params: limit (bytes expanded)
  'ARCHIVE_RATIO', // params: limit (expansion ratio)
  'ARCHIVE_ENCRYPTED',
  'ARCHIVE_PATH_TRAVERSAL', // params: entry
  'ARCHIVE_LINK', // a symbolic-link entry
  'ARCHIVE_CORRUPT',
  // DICOM (CVE-2019-11687)
  'DICOM_PREAMBLE_ZEROED', // the output copy's 128-byte preamble was zeroed: verdict 'sanitized'
  'DICOM_PREAMBLE_TIFF', // a TIFF header in the preamble (a legitimate dual-format file): the engineer decides
  'DICOM_TRAILING_DATA', // params: offset — bytes after the end of the DICOM data set
  // Content disarm (rebuild/)
  'REBUILD_FAILED', // params: reason (rebuild/rebuild-types.ts cannotRebuildReasons) — the file could not be rebuilt, its findings stand
  // Anti-virus
  'MALWARE', // params: name, engine
  'SCAN_FAILED', // params: engine — no result line, an engine error, no database: fail closed
  'ANTIVIRUS_DATABASE_OLD', // params: days, limit — only when the policy blocks on an old signature database
  'ANTIVIRUS_DATABASE_SMALL', // params: signatures, minimum — only when the policy blocks on a suspiciously small database
] as const;
export type FindingCode = (typeof findingCodes)[number];

export interface Finding {
  readonly code: FindingCode;
  readonly params?: Readonly<Record<string, string | number>>;
  /** Where inside an archive, e.g. "reports/2024.zip/macro.docm"; absent for the file itself. */
  readonly entry?: string;
}

/** Findings that change the output instead of blocking it. */
export const SANITIZING_FINDINGS: ReadonlySet<FindingCode> = new Set(['DICOM_PREAMBLE_ZEROED']);
/** Findings the engineer must look at and decide (the file is held until then). */
export const DECISION_FINDINGS: ReadonlySet<FindingCode> = new Set(['DICOM_PREAMBLE_TIFF']);

export type Verdict = 'passed' | 'sanitized' | 'blocked';

/** Limits on archives, counted while streaming (not only from headers). */
export interface ArchiveLimits {
  readonly maxDepth: number; // default 3 (an archive inside an archive inside an archive)
  readonly maxEntries: number; // default 10 000 over the whole tree
  readonly maxExpandedBytes: number; // default 2 GiB over the whole tree
  readonly maxRatio: number; // default 100 (expanded ÷ compressed, per entry)
}

export const DEFAULT_ARCHIVE_LIMITS: ArchiveLimits = { maxDepth: 3, maxEntries: 10_000, maxExpandedBytes: 2 * 1024 ** 3, maxRatio: 100 };

/** What the content analysis of one file found (before anti-virus). */
export interface ContentAnalysis {
  readonly type: TrueType;
  readonly findings: readonly Finding[];
  /** Set when the file passes but its output copy must be changed. */
  readonly transform: 'dicom-zero-preamble' | null;
  /** For archives: the types found inside (for the report), e.g. ['dicom', 'pdf']. */
  readonly innerTypes: readonly string[];
  /** Every file found inside, at any depth, with its path and true type: the allow-list applies to each as to a file on disk. */
  readonly members?: readonly { readonly entry: string; readonly type: string }[];
}

/** One anti-virus engine's answer for a batch of files (adapters in electron/platform/antivirus/). */
export interface EngineInfo {
  readonly engine: string; // 'ClamAV' | 'Microsoft Defender'
  readonly version: string | null;
  readonly databaseVersion: string | null;
  readonly databaseDate: string | null; // ISO UTC
  /** Where the signatures were read from (ClamAV's database folder); absent when the engine does not say. */
  readonly databasePath?: string | null;
  /** How many signatures the database holds; null when the engine does not say (Defender). */
  readonly signatures?: number | null;
  /** Signatures in custom ClamAV files, besides the official databases named in `databaseVersion`. */
  readonly customSignatures?: number | null;
}

/** Why an engine cannot scan at all: `detail` is the adapter's own finding (English, technical, e.g. the folder it looked in). */
export interface EngineProblem {
  readonly code: 'ENGINE_NOT_INSTALLED' | 'ENGINE_BROKEN' | 'ENGINE_OFF' | 'DATABASE_MISSING' | 'DATABASE_UNUSABLE' | 'ENGINE_FAILED';
  readonly detail: string;
}

export type EngineCheck = { readonly ok: true; readonly info: EngineInfo } | { readonly ok: false; readonly problem: EngineProblem };

export type ScanResult =
  | { readonly status: 'clean' }
  | { readonly status: 'infected'; readonly name: string }
  /** `problem`: set when the engine itself could not scan (not this file's fault), e.g. ClamAV refused its database. */
  | { readonly status: 'error'; readonly detail: string; readonly problem?: EngineProblem };

export interface AntivirusEngine {
  readonly name: string;
  /** Version and signature database, or null when the engine or its database is missing (then nothing can pass). */
  info(): Promise<EngineInfo | null>;
  /** As info(), but when the engine cannot scan, says why. */
  check(): Promise<EngineCheck>;
  /** Scans the files; every file must get its own result (a missing one is an error: fail closed). */
  scan(files: readonly string[], options?: { signal?: AbortSignal }): Promise<ReadonlyMap<string, ScanResult>>;
}
