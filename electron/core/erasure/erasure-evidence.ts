/**
 * The evidence of a finished erasure job (10-1), as the certificate service needs it: method
 * in NIST SP 800-88 terms (Rev. 1 Appendix G / Rev. 2 §4.6 fields), tool, times, per-target
 * summaries, every entry with its SHA-256 before erasure and what was done to it, exceptions
 * with their codes, and the residual risks stated plainly. Nothing is reported erased that was
 * not overwritten by every pass AND read back in full — the rule is applied here, from the
 * journal's numbers, not taken from its state alone.
 *
 * Issue 14 ("erasure evidence that is always true"): nothing here may be wrong in the unsafe
 * direction. A file with several names in the job (hard links) is one file: listed once, as
 * its device and inode with all its names, with its content's SHA-256 and bytes from the one
 * name it was overwritten through; every name says it is that file. A file with a name outside
 * the job was not erased and says why, in Japanese and English. A link says where it pointed.
 * A file written to before its SHA-256 was recorded says the hash is unknown.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { VaultDatabase } from '../../db/open-vault-database';
import type { Bilingual } from '../certificates/certificate-document';
import { describePasses, passPatterns, type ErasureMethod } from './erasure-methods';
import { ErasureError, exceptionDescriptions, type ExceptionCode } from './erasure-exceptions';
import { gradeFileOverwrite, type NistGrade } from './nist-grade';
import { deviceSanitizeResult, wholeMediumGrade } from './whole-medium/device-certificate-sections';
import type { Medium } from './medium';
import {
  contentErased,
  contentHolder,
  getJob,
  listJobItems,
  listRuns,
  type DeviceSanitizeRecord,
  type ErasureItem,
  type ErasureJob,
  type ErasureRun,
  type ErasureScope,
  type ItemKind,
  type ItemObservation,
  type ItemState,
} from './erasure-journal';
import type { ReadBack } from './direct-io';

/**
 * Format 2 (issue 14): every run of the job with how it ended, an abandoned job's reason, the
 * medium under each target with the claim's NIST SP 800-88 Rev. 2 grade, and residual risks
 * and notes in Japanese and English. Format 1 documents stay verifiable: the evidence is
 * signed as it was issued, and readers take it as it is.
 */
export const ERASURE_EVIDENCE_SCHEMA = 'fieldguard/erasure-evidence/2';
export const STREAM_DESCRIPTION = 'AES-256-CTR keystream, per-job random key, not stored';
export const CACHED_VERIFICATION = 'read-back (may be served from the OS cache)';
export const DIRECT_VERIFICATION = 'read-back with O_DIRECT, bypassing the OS page cache (the device’s own cache may still have answered)';
export const VOLUME_STATEMENT =
  'file-level erasure plus free-space overwrite: the most a file-level tool can do; remapped/over-provisioned flash blocks are not reached (NIST SP 800-88: Clear at best)';

/**
 * The medium under one target as read when the job was planned, and what a file-level
 * overwrite on it earns in NIST SP 800-88 Rev. 2 terms: Clear only on a spinning disk whose
 * file system writes in place, partial sanitization otherwise — and partial whenever the
 * medium could not be read (nist-grade.ts).
 */
export interface TargetMedium {
  readonly target: string;
  /** null for a job planned before media were recorded (migration 0012), or planned without a reader. */
  readonly medium: Medium | null;
  /** A file-level overwrite is Clear or partial; a whole device can earn Purge (its own sanitize). */
  readonly grade: NistGrade;
  readonly reasons: readonly Bilingual[];
}

/** The job's grade: the weakest of its targets' (partial < Clear < Purge); partial when there is none. */
function overallGrade(media: readonly TargetMedium[]): NistGrade {
  const rank: Record<NistGrade, number> = { partial: 0, clear: 1, purge: 2 };
  return media.length === 0
    ? 'partial'
    : media.map((m) => m.grade).reduce((weakest, grade) => (rank[grade] < rank[weakest] ? grade : weakest));
}

const MEDIUM_NOT_RECORDED: Bilingual = {
  ja: 'この作業の計画時に媒体（ファイルシステム・装置）の情報が記録されていないため、判定できません。',
  en: 'Nothing was recorded of the medium (file system, device) when this job was planned, so nothing better can be claimed.',
};

/**
 * Each target's medium and grade, from the journal; the residual risks of every medium, each
 * once. Files and volumes are graded as file-level overwrites; a whole device by what was done
 * to every sector of it (whole-medium/device-certificate-sections.ts).
 */
function gradedMedia(job: ErasureJob, device: Parameters<typeof wholeMediumGrade>[0]): { media: TargetMedium[]; risks: Bilingual[] } {
  const risks = new Map<string, Bilingual>();
  const media = job.targets.map((target, index): TargetMedium => {
    const medium = (job.media?.[index] ?? null) as Medium | null;
    if (medium === null) return { target, medium: null, grade: 'partial', reasons: [MEDIUM_NOT_RECORDED] };
    const graded =
      job.scope === 'whole-medium' ? (medium.device ? wholeMediumGrade(device, medium.device) : null) : gradeFileOverwrite(medium);
    if (graded === null) return { target, medium, grade: 'partial', reasons: [MEDIUM_NOT_RECORDED] };
    for (const risk of graded.residualRisks) risks.set(risk.en, risk);
    return { target, medium, grade: graded.grade, reasons: graded.reasons };
  });
  return { media, risks: [...risks.values()] };
}

export type ItemOutcome = 'erased' | 'removed' | 'exception' | 'not-erased';

/** The exceptions' reasons in Japanese, for the site: the certificate prints them first. */
export const exceptionDescriptionsJa: Record<ExceptionCode, string> = {
  HARD_LINKED:
    'このファイルには消去対象の外に別の名前（ハードリンク）があるため、内容を上書きすると対象外のファイルも壊れます。消去していません。',
  NOT_A_REGULAR_FILE: 'デバイス・FIFO・ソケットで、データを持つファイルではありません。変更していません。',
  VANISHED: '上書きする前にファイルがなくなりました。この作業では消去していません。',
  UNREADABLE: '消去前の SHA-256 を記録するための読み取りができませんでした。変更していません。',
  PERMISSION_DENIED: 'OS が開くこと・削除することを拒否しました（権限、または変更不可の属性）。',
  LOCKED: '他のプログラムが開いている、またはロックしていました。',
  CHANGED_SINCE_PLAN: '計画時とは別のファイル（またはリンク）になっていました。変更していません。',
  VERIFY_MISMATCH: '読み戻した内容が書き込んだ内容と一致しませんでした。調査のためファイルを残しています。',
  NOT_EMPTY: 'フォルダーの中に消去されなかった項目が残っています。',
  OTHER_FILE_SYSTEM: '別のファイルシステムがマウントされています。中には入っていません。',
  READ_ONLY_FILE_SYSTEM: 'ファイルシステムが読み取り専用でマウントされています。',
  NO_SPACE: 'スパースファイルを埋める途中で装置の空き容量がなくなりました。',
  IO_ERROR: '装置が入出力エラーを報告しました。',
  SANITIZE_NOT_COMPLETED:
    '装置自身のサニタイズの完了を、装置のサニタイズ状態（ログ）で確認できませんでした（失敗・実行不可・未確認）。消去されていません。',
};

/** What the evidence and the certificate say where the SHA-256 before erasure is unknown. */
export const SHA256_BEFORE_UNKNOWN = {
  ja: '不明（消去中に中断）',
  en: 'unknown (the erasure was interrupted before it was recorded)',
} as const;

export interface EvidenceItem {
  readonly seq: number;
  readonly path: string;
  readonly kind: ItemKind;
  readonly size: number;
  readonly sha256Before: string | null;
  readonly state: ItemState;
  readonly outcome: ItemOutcome;
  readonly passes: number;
  readonly bytesWritten: number;
  readonly bytesVerified: number;
  readonly readBack: ReadBack | null;
  readonly exceptionCode: ExceptionCode | null;
  readonly observations: readonly ItemObservation[];
  readonly startedAt: string | null;
  readonly finishedAt: string | null;
  /** device:inode when planned (files, links and folders). */
  readonly fileId: string | null;
  /** For a whole device: the sectors it refused to write or read back; null for anything else. */
  readonly badSectors: number | null;
  /** Every name this file has in the job (hard links), in job order; for anything else its own path. */
  readonly names: readonly string[];
  /**
   * For a name of a file whose content was overwritten through another of its names: that
   * name's seq. This name's own bytes are what was written through it (none); its SHA-256
   * before erasure and outcome are the file's.
   */
  readonly sameFileAs: number | null;
  /** A file's number of names (st_nlink) when planned or when the run refused it; null if not recorded. */
  readonly linkCount: number | null;
  /** Where a link pointed (read from the link, never followed); null for other kinds or if not recorded. */
  readonly linkTarget: string | null;
  /** For a whole device erased by its own sanitize: the technique and the runner's result; null otherwise (absent in evidence made before it). */
  readonly sanitize?: DeviceSanitizeRecord | null;
}

/** One file with more than one name: in the job, or with names outside it (then not erased). */
export interface HardLinkedFile {
  readonly fileId: string;
  readonly device: string;
  readonly inode: string;
  /** Its names when planned or refused (st_nlink); null if not recorded. */
  readonly linkCount: number | null;
  readonly names: readonly string[];
  readonly seqs: readonly number[];
  /** How many of its names lie outside the job (null if the link count was not recorded). */
  readonly namesOutsideJob: number | null;
  readonly size: number;
  readonly sha256Before: string | null;
  readonly passes: number;
  /** Bytes written to this file through all its names: once, not once per name. */
  readonly bytesWritten: number;
  readonly bytesVerified: number;
  readonly readBack: ReadBack | null;
  /** Erased: its content overwritten and verified, and every one of its names removed. */
  readonly outcome: ItemOutcome;
  readonly exceptionCode: ExceptionCode | null;
}

export interface EvidenceException {
  readonly seq: number;
  readonly path: string;
  readonly kind: ItemKind;
  readonly code: ExceptionCode;
  readonly description: string;
  readonly descriptionJa: string;
  /** The names this exception is about: a file's names in the job that it kept, or the entry's own path. */
  readonly names: readonly string[];
  readonly linkCount: number | null;
}

export interface TargetSummary {
  readonly path: string;
  readonly files: number;
  readonly folders: number;
  readonly links: number;
  readonly bytes: number;
  readonly filesErased: number;
  readonly bytesErased: number;
  readonly exceptions: number;
}

export interface ErasureEvidence {
  readonly schema: typeof ERASURE_EVIDENCE_SCHEMA;
  readonly jobId: string;
  readonly status: 'erased' | 'erased-with-exceptions' | 'aborted' | 'abandoned';
  readonly scope: ErasureScope;
  /** Why the engineer abandoned an interrupted job; null otherwise. */
  readonly abandonReason: string | null;
  readonly siteReference: string | null;
  /** `build`: SHA-256 of the code file that built this evidence (the bundle in a release), or null when it could not be read. */
  readonly tool: { readonly name: 'FieldGuard'; readonly version: string; readonly build?: string | null };
  readonly method: {
    readonly id: ErasureMethod;
    /**
     * NIST SP 800-88 Rev. 2 grade of the whole job: 'clear' only when every target's medium
     * earns it (a spinning disk, a file system that writes in place), else 'partial'.
     */
    readonly category: NistGrade;
    /** File-level erasure sanitizes part of a medium, never all of it. */
    readonly sanitization: 'partial';
    readonly technique: 'overwrite';
    readonly passes: number;
    readonly pattern: string;
    readonly prng: typeof STREAM_DESCRIPTION | null;
    readonly verification: string;
  };
  readonly startedAt: string | null;
  readonly finishedAt: string | null;
  readonly durationSeconds: number | null;
  /**
   * Every run: the first, and each resumption after an interruption (each under a new key),
   * with how it ended — 'interrupted' for a crash or a kill, its last journaled step the last
   * thing known of it. Empty for a job journaled before runs were (migration 0012).
   */
  readonly runs: readonly ErasureRun[];
  /** How many times the job was started, as the journal counted it since format 1. */
  readonly runCount: number;
  readonly targets: readonly TargetSummary[];
  readonly items: readonly EvidenceItem[];
  /** Files with several names (hard links), each once with all its names in the job. */
  readonly hardLinks: readonly HardLinkedFile[];
  /** One per entry and reason: a file's names kept for the same reason are one exception. */
  readonly exceptions: readonly EvidenceException[];
  readonly freeSpace: {
    readonly bytesWritten: number;
    readonly bytesVerified: number;
    readonly outcome: ItemOutcome;
    readonly readBack: ReadBack | null;
  } | null;
  readonly totals: {
    /** Files, each counted once however many names it had in the job. */
    readonly files: number;
    readonly filesErased: number;
    readonly bytesErased: number;
    readonly bytesWritten: number;
    readonly bytesVerified: number;
    readonly entriesRemoved: number;
    readonly exceptions: number;
    readonly notErased: number;
  };
  /** The medium under each target and its grade, in target order. */
  readonly media: readonly TargetMedium[];
  readonly residualRisks: readonly Bilingual[];
  readonly notes: readonly Bilingual[];
}

/**
 * Erased means: every pass written over the whole length, that length read back and matched,
 * and the entry gone. For a name of a file with several names, the content is the file's:
 * recorded on `holder`, the name it was overwritten through.
 */
function outcomeOf(item: ErasureItem, holder: ErasureItem, passes: number): ItemOutcome {
  if (item.state === 'exception') return 'exception';
  if (item.state !== 'removed') return 'not-erased';
  if (item.kind === 'link' || item.kind === 'folder') return 'removed';
  return contentErased(holder, passes) ? 'erased' : 'not-erased';
}

/** An entry as the engineer thinks of it: a file once with all its names in the job, anything else on its own. */
interface Entry {
  readonly kind: ItemKind;
  readonly names: readonly ErasureItem[];
  /** The name whose row records the content (for anything but a file: the one row). */
  readonly holder: ErasureItem;
}

function entriesOf(rows: readonly ErasureItem[]): Entry[] {
  const files = new Map<number, ErasureItem[]>();
  const entries: Array<{ kind: ItemKind; names: ErasureItem[] }> = [];
  for (const row of rows) {
    const first = row.otherNameOf;
    const names = first === null ? null : files.get(first);
    if (names) {
      names.push(row);
      continue;
    }
    const entry = { kind: row.kind, names: [row] };
    if (row.kind === 'file') files.set(row.seq, entry.names);
    entries.push(entry);
  }
  return entries.map((entry) => ({ ...entry, holder: contentHolder(entry.names) ?? (entry.names[0] as ErasureItem) }));
}

/** A file's outcome: erased only if its content was and every one of its names is gone. */
function fileOutcome(entry: Entry, outcomes: ReadonlyMap<number, ItemOutcome>): ItemOutcome {
  const mine = entry.names.map((name) => outcomes.get(name.seq));
  if (mine.includes('exception')) return 'exception';
  return mine.every((outcome) => outcome === 'erased') ? 'erased' : 'not-erased';
}

function linkCountOf(entry: Entry): number | null {
  const counts = entry.names.map((name) => name.linkCount).filter((count): count is number => count !== null);
  return counts.length > 0 ? Math.max(...counts) : null;
}

function hardLinkedFile(entry: Entry, outcome: ItemOutcome): HardLinkedFile | null {
  const linkCount = linkCountOf(entry);
  const fileId = entry.holder.fileId;
  if (fileId === null || (entry.names.length < 2 && (linkCount ?? 1) < 2)) return null;
  const [device = '', inode = ''] = fileId.split(':');
  return {
    fileId,
    device,
    inode,
    linkCount,
    names: entry.names.map((name) => name.path),
    seqs: entry.names.map((name) => name.seq),
    namesOutsideJob: linkCount === null ? null : Math.max(0, linkCount - entry.names.length),
    size: entry.holder.size,
    sha256Before: entry.holder.sha256Before,
    passes: entry.holder.passesDone,
    bytesWritten: entry.names.reduce((sum, name) => sum + name.bytesWritten, 0),
    bytesVerified: entry.names.reduce((sum, name) => sum + name.bytesVerified, 0),
    readBack: entry.holder.readBack,
    outcome,
    exceptionCode: entry.names.find((name) => name.exceptionCode !== null)?.exceptionCode ?? null,
  };
}

/** An entry's exceptions, one per reason: the names of one file kept for one reason are listed together. */
function exceptionsOf(entry: Entry): EvidenceException[] {
  const byCode = new Map<ExceptionCode, ErasureItem[]>();
  for (const name of entry.names)
    if (name.exceptionCode !== null) byCode.set(name.exceptionCode, [...(byCode.get(name.exceptionCode) ?? []), name]);
  return [...byCode].map(([code, names]) => {
    const first = names[0] as ErasureItem;
    return {
      seq: first.seq,
      path: first.path,
      kind: first.kind,
      code,
      description: exceptionDescriptions[code],
      descriptionJa: exceptionDescriptionsJa[code],
      names: names.map((name) => name.path),
      linkCount: entry.kind === 'file' ? linkCountOf(entry) : null,
    };
  });
}

function verificationOf(items: readonly ErasureItem[]): string {
  const readBacks = items.map((i) => i.readBack).filter((r): r is ReadBack => r !== null);
  const cached = readBacks.filter((r) => r === 'cached').length;
  if (cached === 0) return DIRECT_VERIFICATION;
  if (cached === readBacks.length) return CACHED_VERIFICATION;
  return `${CACHED_VERIFICATION} for ${cached} of ${readBacks.length} entries; the others: ${DIRECT_VERIFICATION}`;
}

const FILE_LEVEL_RISKS: readonly Bilingual[] = [
  {
    ja: 'ファイル単位の消去は、選んだファイルだけが対象です。媒体全体のサニタイズではありません（媒体全体は「媒体全体の消去」で行います）。',
    en: 'File-level erasure reaches only the chosen files: it never sanitizes the whole medium (whole-medium erasure does).',
  },
  {
    ja: 'ファイル名はファイルシステムのメタデータに残ることがあります。削除前に各項目を同じ長さのランダムな名前に変えていますが、解放されたディレクトリブロックやジャーナルに元の名前が残る場合があります。',
    en: 'File names can remain in file-system metadata: every entry was renamed to a random name of the same length before removal, but freed directory blocks and the file-system journal may still hold the old name.',
  },
  {
    ja: '検証では最後の上書きの全バイトを読み戻して照合しました。各ファイルが現在割り当てられているブロックに新しい内容があることの証明であり、ほかの複製が存在しないことの証明ではありません。',
    en: 'Verification read back every byte of the last pass and compared it with the expected pattern: it proves the file system returned the new content for each file’s current blocks, not that no other copy exists.',
  },
];

function residualRisks(scope: ErasureScope, status: ErasureEvidence['status'], items: readonly ErasureItem[]): Bilingual[] {
  const risks = [...FILE_LEVEL_RISKS];
  if (items.some((i) => i.readBack === 'cached')) {
    risks.push({
      ja: '一部の読み戻しは OS のキャッシュから返された可能性があります。フラッシュ後にキャッシュが保持していた内容の証明であり、装置が返した内容の証明ではありません。',
      en: `Some read-backs may have been served from the operating system’s cache (${CACHED_VERIFICATION}): they prove what the cache held after the flush, not what the device returned.`,
    });
  }
  if (items.some((i) => i.observations.includes('sparse-filled'))) {
    risks.push({
      ja: 'スパースファイルは論理サイズ全体を上書きしました。以前に解放されたブロックはファイルからたどれません。',
      en: 'Sparse files were written over their whole logical size; blocks they had released before cannot be found from the file.',
    });
  }
  if (scope === 'removable-volume') {
    risks.push({
      ja: 'ファイル単位の消去と空き領域の上書き：ファイル単位の道具でできる最大限です。フラッシュの代替ブロック・予備領域には届きません（NIST SP 800-88：最大でも Clear）。',
      en: VOLUME_STATEMENT,
    });
    risks.push({
      ja: 'ファイルシステムが自身のために確保する領域（メタデータ、ジャーナル、管理者権限なしで実行した場合の予約ブロック）は上書きしていません。',
      en: 'Space the file system keeps for itself (metadata, its journal, and blocks reserved for the administrator when run without admin rights) is not overwritten.',
    });
  } else if (scope === 'files') {
    risks.push({
      ja: '消去したのは一覧の項目だけです。ほかの場所の複製（バックアップ、同期フォルダー、ごみ箱、一時ファイル・サムネイル、スワップ・休止状態ファイル）や、以前の削除で解放された領域はこの作業の対象外です。',
      en: 'Only the listed entries were erased: copies elsewhere (backups, synchronised folders, the recycle bin, temporary and thumbnail files, swap and hibernation files) and space freed earlier by other deletions are outside this job.',
    });
  }
  if (status === 'aborted') {
    risks.push({
      ja: '作業は取り消されました。「消去していません」の項目にはデータが残っています（一部上書きされている場合があります）。',
      en: 'The job was cancelled: entries marked not erased still hold their data, possibly partly overwritten.',
    });
  }
  if (status === 'abandoned') {
    risks.push({
      ja: '作業は中断後に中止されました。「消去していません」の項目にはデータが残っています（中断時に上書き中だった項目は一部上書きされています）。',
      en: 'The job was abandoned after an interruption: entries marked not erased still hold their data (the one being overwritten when it was interrupted partly overwritten).',
    });
  }
  return risks;
}

/**
 * One journal row as evidence. A later name of a file carries the file's SHA-256 before
 * erasure (never its own: an earlier version hashed the emptied file through it) and points at
 * the name whose row holds the content record.
 */
function evidenceItem(row: ErasureItem, entry: Entry | undefined, passes: number): EvidenceItem {
  const holder = entry?.holder ?? row;
  const unknown = holder.observations.includes('sha256-before-unknown') && !row.observations.includes('sha256-before-unknown');
  return {
    seq: row.seq,
    path: row.path,
    kind: row.kind,
    size: holder.size,
    sha256Before: holder.sha256Before,
    state: row.state,
    outcome: outcomeOf(row, holder, passes),
    passes: row.passesDone,
    bytesWritten: row.bytesWritten,
    bytesVerified: row.bytesVerified,
    readBack: row.readBack,
    exceptionCode: row.exceptionCode,
    observations: unknown ? [...row.observations, 'sha256-before-unknown'] : row.observations,
    startedAt: row.startedAt,
    finishedAt: row.finishedAt,
    fileId: row.fileId,
    names: entry ? entry.names.map((name) => name.path) : [row.path],
    sameFileAs: holder.seq === row.seq ? null : holder.seq,
    linkCount: row.kind === 'file' && entry ? linkCountOf(entry) : row.linkCount,
    linkTarget: row.kind === 'link' ? row.linkTarget : null,
    badSectors: row.badSectors,
    sanitize: row.sanitize,
  };
}

/** What the notes say about hard links, symbolic links, and hashes that could not be known. */
function linkNotes(items: readonly EvidenceItem[], hardLinks: readonly HardLinkedFile[]): Bilingual[] {
  const notes: Bilingual[] = [];
  const inJob = hardLinks.filter((file) => file.names.length > 1 && file.outcome === 'erased').length;
  if (inJob > 0) {
    notes.push({
      ja: `${inJob} 件のファイルは作業内に複数の名前（ハードリンク）がありました。それぞれ 1 つの名前から 1 回だけハッシュ・上書き・検証し、すべての名前を削除しました。`,
      en: `${inJob} file(s) had several names (hard links) in the job: each was hashed, overwritten and verified once, through one name, and every name was removed.`,
    });
  }
  const links = items.filter((i) => i.kind === 'link' && i.outcome === 'removed').length;
  if (links > 0) {
    notes.push({
      ja: `${links} 件のシンボリックリンクはたどらずに削除しました。削除したのはリンク自体だけで、リンク先（一覧に記載）は変更していません。`,
      en: `${links} symbolic link(s) were removed without being followed: only the link itself; what each pointed to (listed) was not changed.`,
    });
  }
  const unknown = items.filter(
    (i) => i.kind === 'file' && i.sameFileAs === null && i.observations.includes('sha256-before-unknown'),
  ).length;
  if (unknown > 0) {
    notes.push({
      ja: `${unknown} 件のファイルは消去前の SHA-256 が不明です。記録される前に書き込みが始まっていた（中断された消去）ため、上書き後の内容のハッシュは消去した内容のものではありません。null としています。`,
      en: `The SHA-256 before erasure is unknown for ${unknown} file(s): they had been written to before it was recorded (an interrupted erasure), and a hash of what the overwrite left would not be the content erased. It is given as null.`,
    });
  }
  return notes;
}

let buildHash: string | null | undefined;

/**
 * The build that ran: SHA-256 of this module's file — in a release, the bundle the erasure
 * code is part of (electron-vite inlines it), from source the module itself. Read once.
 */
function toolBuild(): string | null {
  if (buildHash === undefined) {
    try {
      buildHash = createHash('sha256')
        .update(readFileSync(fileURLToPath(import.meta.url)))
        .digest('hex');
    } catch {
      buildHash = null;
    }
  }
  return buildHash;
}

export interface EvidenceOptions {
  /** FieldGuard's version, from package.json, as the caller knows it. */
  readonly toolVersion: string;
}

/** The evidence of a completed or aborted job; a job still planned or running has none yet. */
export function erasureEvidence(db: VaultDatabase, jobId: string, options: EvidenceOptions): ErasureEvidence {
  const job = getJob(db, jobId);
  if (!job) throw new ErasureError('ERASURE_JOB_NOT_FOUND');
  if (job.state !== 'completed' && job.state !== 'aborted' && job.state !== 'abandoned') throw new ErasureError('ERASURE_JOB_NOT_FINISHED');
  const passes = passPatterns(job.method);
  const rows = listJobItems(db, jobId);
  const entries = entriesOf(rows);
  const entryOf = new Map(entries.flatMap((entry) => entry.names.map((name) => [name.seq, entry] as const)));
  const items: EvidenceItem[] = rows.map((row) => evidenceItem(row, entryOf.get(row.seq), passes.length));
  const outcomes = new Map(items.map((item) => [item.seq, item.outcome]));
  const summaries = entries.map((entry) => ({
    entry,
    outcome: entry.kind === 'file' ? fileOutcome(entry, outcomes) : (outcomes.get(entry.holder.seq) ?? 'not-erased'),
  }));
  const hardLinks = summaries.flatMap(({ entry, outcome }) => (entry.kind === 'file' ? (hardLinkedFile(entry, outcome) ?? []) : []));
  const exceptions = entries.flatMap(exceptionsOf).sort((a, b) => a.seq - b.seq);
  const status: ErasureEvidence['status'] =
    job.state === 'abandoned'
      ? 'abandoned'
      : job.state === 'aborted'
        ? 'aborted'
        : exceptions.length > 0
          ? 'erased-with-exceptions'
          : 'erased';
  const files = summaries.filter((s) => s.entry.kind === 'file');
  const erasedFiles = files.filter((s) => s.outcome === 'erased');
  const freeSpaceItem = items.find((i) => i.kind === 'free-space');
  // A file counts in the target of its first name, once, however many names it had.
  const targetOf = new Map(rows.map((row) => [row.seq, row.targetIndex]));
  const targetOfEntry = new Map(entries.map((entry) => [entry, (entry.names[0] as ErasureItem).targetIndex]));
  const targets: TargetSummary[] = job.targets.map((target, index) => {
    const mine = summaries.filter((s) => s.entry.kind !== 'free-space' && targetOfEntry.get(s.entry) === index);
    const mineFiles = mine.filter((s) => s.entry.kind === 'file');
    const mineErased = mineFiles.filter((s) => s.outcome === 'erased');
    return {
      path: target,
      files: mineFiles.length,
      folders: mine.filter((s) => s.entry.kind === 'folder').length,
      links: mine.filter((s) => s.entry.kind === 'link').length,
      bytes: mineFiles.reduce((sum, s) => sum + s.entry.holder.size, 0),
      filesErased: mineErased.length,
      bytesErased: mineErased.reduce((sum, s) => sum + s.entry.holder.size, 0),
      exceptions: exceptions.filter((e) => targetOf.get(e.seq) === index).length,
    };
  });
  const startedMs = job.startedAt ? Date.parse(job.startedAt) : NaN;
  const finishedMs = job.finishedAt ? Date.parse(job.finishedAt) : NaN;
  const graded = gradedMedia(job, { status, method: { id: job.method, prng: null }, items, sanitize: deviceSanitizeResult(items) });
  const notes: Bilingual[] = [];
  if (job.runs > 1 && items.some((i) => i.sanitize)) {
    notes.push({
      ja: `この作業は中断され、再開されました（実行 ${job.runs} 回）。装置のサニタイズ命令は再送せず、装置のサニタイズ状態（ログ）を読んで結果を確認しました。完了を確認できない場合は「消去されていません」と記載します。`,
      en: `The job was interrupted and resumed (${job.runs} runs); the device’s sanitize command was not sent again: its sanitize status log was read for the result, and a result it cannot confirm is reported not erased.`,
    });
  } else if (job.runs > 1) {
    notes.push({
      ja: `この作業は中断され、再開されました（実行 ${job.runs} 回）。中断時に処理中だった項目は、新しい実行の鍵で最初から上書きし直しました。中断前に消去した項目もこの証明書に含まれます。`,
      en: `The job was interrupted and resumed (${job.runs} runs); entries in progress at an interruption were overwritten again from the start under the new run’s key. Entries erased before the interruption are on this certificate too.`,
    });
  }
  const madeWritable = items.filter((i) => i.observations.includes('made-writable')).length;
  if (madeWritable > 0)
    notes.push({
      ja: `${madeWritable} 件の読み取り専用ファイルは、上書きの前に書き込み可能にしました（chmod）。`,
      en: `${madeWritable} read-only file(s) were made writable (chmod) before being overwritten.`,
    });
  notes.push(...linkNotes(items, hardLinks));
  return {
    schema: ERASURE_EVIDENCE_SCHEMA,
    jobId: job.id,
    status,
    scope: job.scope,
    abandonReason: job.abandonReason,
    siteReference: job.siteReference,
    tool: { name: 'FieldGuard', version: options.toolVersion, build: toolBuild() },
    method: {
      id: job.method,
      category: overallGrade(graded.media),
      sanitization: 'partial',
      technique: 'overwrite',
      passes: passes.length,
      pattern: describePasses(job.method),
      prng: passes.includes('random') ? STREAM_DESCRIPTION : null,
      verification: verificationOf(rows),
    },
    startedAt: job.startedAt,
    finishedAt: job.finishedAt,
    durationSeconds: Number.isFinite(startedMs) && Number.isFinite(finishedMs) ? (finishedMs - startedMs) / 1000 : null,
    runs: listRuns(db, jobId),
    runCount: job.runs,
    targets,
    items,
    hardLinks,
    exceptions,
    freeSpace: freeSpaceItem
      ? {
          bytesWritten: freeSpaceItem.bytesWritten,
          bytesVerified: freeSpaceItem.bytesVerified,
          outcome: freeSpaceItem.outcome,
          readBack: freeSpaceItem.readBack,
        }
      : null,
    totals: {
      files: files.length,
      filesErased: erasedFiles.length,
      bytesErased: erasedFiles.reduce((sum, s) => sum + s.entry.holder.size, 0),
      bytesWritten: items.reduce((sum, i) => sum + i.bytesWritten, 0),
      bytesVerified: items.reduce((sum, i) => sum + i.bytesVerified, 0),
      entriesRemoved: items.filter((i) => i.outcome === 'removed').length,
      exceptions: exceptions.length,
      notErased: summaries.filter((s) => s.outcome === 'not-erased').length,
    },
    media: graded.media,
    residualRisks: [...graded.risks, ...residualRisks(job.scope, status, rows)],
    notes,
  };
}
