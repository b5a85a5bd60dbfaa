/**
 * The data-erasure certificate (データ消去証明書, 10-1, E.3 b–d): the erasure evidence of a
 * finished job, rendered for the site in Japanese with English captions, signed with the
 * engineer's key, and kept in the vault. It says exactly what was done, in NIST SP 800-88
 * words, and never more: file-level overwriting is Clear and partial sanitization, and every
 * residual risk the evidence lists is printed. File names are masked on the page (they may
 * hold patient names); the full list with SHA-256 before erasure is in the signed evidence.
 *
 * Issue 14: the page also says what is easy to get wrong about links — a file with several
 * names (hard links) is listed once with all its names and the bytes actually written to it;
 * a file with a name outside the job is an exception, with its reason in Japanese first; each
 * symbolic link is listed with where it pointed and that only the link was removed; and a file
 * whose SHA-256 before erasure could not be known says 不明（消去中に中断）.
 */
import { createHash } from 'node:crypto';
import os from 'node:os';
import { formatBytes } from '../../shared/format-bytes';
import { formatDateTime } from '../../shared/format-date';
import type { DataFolderReport } from '../../shared/data-folder';
import type { MediumAfter, SiteDetails } from '../../shared/erasure';
import { cryptoEraseStatement, type CryptoEraseStatement } from './crypto-erase-statement';
import { performerText, type Bilingual, type CertificateDocument, type CertificateSection } from '../certificates/certificate-document';
import { issueReport, signedFacts } from '../certificates/report-document';
import type { VaultSession } from '../vault/vault-session';
import { SHA256_BEFORE_UNKNOWN, type ErasureEvidence, type EvidenceItem, type HardLinkedFile, type TargetMedium } from './erasure-evidence';
import type { DeviceFacts, Medium } from './medium';
import { NIST_GRADE_LABELS, NIST_REFERENCE } from './nist-grade';
import { deviceErasureSections, deviceSanitizeResult } from './whole-medium/device-certificate-sections';
import type { ErasureRun } from './erasure-journal';

const STATUS = {
  erased: { ja: '消去完了', en: 'Erased' },
  'erased-with-exceptions': {
    ja: '一部例外あり（下記の項目は消去されていません）',
    en: 'Erased with exceptions (items listed below were not erased)',
  },
  aborted: { ja: '取り消し（消去済みと記載された項目のみ消去済み）', en: 'Cancelled (only items marked erased were erased)' },
  abandoned: {
    ja: '中断後に中止（消去済みと記載された項目のみ消去済み）',
    en: 'Abandoned after an interruption (only items marked erased were erased)',
  },
} as const;

const METHOD = {
  'random-verify': { ja: '擬似乱数による上書き 1 回 + 読み戻し検証', en: '1 pass of a keyed pseudo-random stream, read-back verified' },
  'zeros-verify': { ja: 'ゼロによる上書き 1 回 + 読み戻し検証', en: '1 pass of zeros, read-back verified' },
  'three-pass': { ja: '上書き 3 回（乱数・乱数・ゼロ）+ 最終回の読み戻し検証', en: '3 passes (random, random, zeros), last pass verified' },
} as const;

/** What happens to the medium after the erasure, as Rev. 2 §4.6 asks it to be recorded. */
const MEDIUM_AFTER: Record<MediumAfter, Bilingual> = {
  returned: { ja: '施設へ返却', en: 'returned to the site' },
  reused: { ja: '再利用', en: 'reused' },
  disposed: { ja: '廃棄', en: 'disposed of' },
  kept: { ja: '保守会社で保管', en: 'kept by the maintenance company' },
};

/** File names may hold patient names: the page shows only the first character and the extension. */
export function maskFileName(name: string): string {
  const dot = name.lastIndexOf('.');
  const stem = dot > 0 ? name.slice(0, dot) : name;
  const extension = dot > 0 ? name.slice(dot) : '';
  const first = [...stem][0] ?? '';
  return `${first}${'＊'.repeat(Math.min(Math.max([...stem].length - 1, 2), 8))}${extension}`;
}

/**
 * Folders every system has, which name no one: kept readable so that a masked path still shows
 * where it was. Any other folder — a user's, a visit's, a patient's — is masked like a file.
 */
const WELL_KNOWN_FOLDERS = new Set([
  '',
  '.',
  '..',
  'home',
  'Users',
  'media',
  'mnt',
  'Volumes',
  'run',
  'tmp',
  'var',
  'private',
  'Desktop',
  'Documents',
  'Downloads',
  'デスクトップ',
  'ドキュメント',
  'ダウンロード',
]);

function maskPart(part: string): string {
  if (WELL_KNOWN_FOLDERS.has(part) || /^[A-Za-z]:$/.test(part)) return part;
  return maskFileName(part);
}

/** A whole path masked, every folder included: a folder above a file may be named after the patient too. */
function maskPath(path: string): string {
  return path.split(/[\\/]/).map(maskPart).join(separatorOf(path));
}

/** A path's separator as it was recorded: Windows paths use backslashes. */
function separatorOf(path: string): '\\' | '/' {
  return path.includes('\\') ? '\\' : '/';
}

/**
 * An entry's path on the page: its target as the targets table shows it, and below it every
 * folder and name masked as well — a folder inside a target may be named after the patient
 * too. A path outside every target (where a link pointed) is masked like a target.
 */
function maskEntryPath(entry: string, targets: readonly string[]): string {
  const separator = separatorOf(entry);
  const target = targets.find((t) => entry === t || entry.startsWith(t.endsWith(separator) ? t : `${t}${separator}`));
  if (target === undefined) return maskPath(entry);
  const below = entry.slice(target.length).split(/[\\/]/).filter(Boolean);
  return [maskPath(target).replace(/[\\/]$/, ''), ...below.map(maskPart)].join(separator);
}

/** Where a link pointed, masked: an absolute target like any path, a relative one name by name ('.' and '..' kept). */
function maskLinkTarget(target: string | null, targets: readonly string[]): string {
  if (target === null) return '記録なし / not recorded';
  if (/^([A-Za-z]:)?[\\/]/.test(target)) return maskEntryPath(target, targets);
  return target.split(/[\\/]/).map(maskPart).join(separatorOf(target));
}

/** Long lists stop after this many rows on the page; the signed evidence has every one. */
const MAX_TABLE_ROWS = 100;

function capped(rows: readonly (readonly string[])[], width: number): string[][] {
  const shown = rows.slice(0, MAX_TABLE_ROWS).map((row) => [...row]);
  if (rows.length > MAX_TABLE_ROWS) {
    const more = `他 ${rows.length - MAX_TABLE_ROWS} 件（evidence.json に記載）/ ${rows.length - MAX_TABLE_ROWS} more in evidence.json`;
    shown.push([more, ...Array.from({ length: width - 1 }, () => '')]);
  }
  return shown;
}

/** A vault file destroyed by cryptographic erase: what the certificate records of it. */
export interface CryptoErasedItem {
  readonly itemId: string;
  readonly collection: string;
  readonly path: string;
  readonly size: number;
  readonly sha256: string;
  readonly erasedAt: string;
}

/** What one erasure did: files and media overwritten (a journaled job), vault data crypto-erased, or both. */
export interface ErasureRecord {
  readonly files: ErasureEvidence | null;
  readonly vault: readonly CryptoErasedItem[];
  readonly toolVersion: string;
  /** What was known of copies of the data folder just before the vault data was crypto-erased; null when not recorded. */
  readonly dataFolder?: DataFolderReport | null;
}

/** Japanese, then English on its own line: how the page prints every sentence a site reads. */
function bilingual(text: Bilingual): string {
  return `${text.ja}\n${text.en}`;
}

/**
 * What a crypto-erase record holds of the data folder when nothing was recorded (an erase made
 * before the check existed): no copy can be ruled out, so the statement grades it partial.
 */
function unrecordedDataFolder(): DataFolderReport {
  return { dataDir: '記録なし / not recorded', local: null, backups: [], observedAt: '記録なし / not recorded' };
}

/**
 * The crypto-erase of vault data: Purge only when no copy of the data folder was known at the
 * time (crypto-erase-statement.ts), the precondition always stated, the checks listed.
 */
function cryptoEraseSection(items: readonly CryptoErasedItem[], statement: CryptoEraseStatement, toolVersion: string): CertificateSection {
  const collections = [...new Set(items.map((i) => i.collection))];
  return {
    heading: { ja: '保管庫内データの暗号消去', en: 'Cryptographic erase of vault data' },
    rows: [
      ...statement.rows,
      { label: { ja: 'ツール', en: 'Tool' }, value: `FieldGuard ${toolVersion}` },
      {
        label: { ja: '件数・容量', en: 'Files, bytes' },
        value: `${items.length} 件 / ${formatBytes(
          items.reduce((sum, i) => sum + i.size, 0),
          'ja',
        )}`,
      },
    ],
    table: {
      columns: [
        { ja: '訪問・案件', en: 'Visit / case' },
        { ja: 'ファイル数', en: 'Files' },
        { ja: '容量', en: 'Bytes' },
      ],
      rows: collections.map((c) => {
        const inCollection = items.filter((i) => i.collection === c);
        return [
          c,
          String(inCollection.length),
          formatBytes(
            inCollection.reduce((sum, i) => sum + i.size, 0),
            'ja',
          ),
        ];
      }),
      widths: [5, 1.2, 1.5],
    },
  };
}

export function erasureCertificateDocument(
  record: ErasureRecord,
  site: SiteDetails,
  engineer: { name: string; company: string; employeeId: string; title: string },
  laptop: string,
  number: string,
  issuedAt: Date,
  countersignature: Uint8Array | null,
  /** Who countersigned, as typed by them on the result view; null when not given. */
  countersigner: string | null = null,
): CertificateDocument {
  const when = (iso: string | null) => (iso ? formatDateTime(iso, 'ja') : '—');
  const evidence = record.files;
  const status = evidence ? evidence.status : 'erased';
  const sections: CertificateSection[] = [
    {
      heading: { ja: '作業と当事者', en: 'Work and parties' },
      rows: [
        { label: { ja: '施設', en: 'Site' }, value: [site.hospital, site.department].filter(Boolean).join(' ') },
        {
          label: { ja: '施設のシステム管理者（確認者）', en: 'Site system administrator (validator)' },
          value: `${site.administrator || '—'}（下の欄に確認署名、または紙で署名 / countersigned below, on screen or on paper）`,
        },
        { label: { ja: '訪問・作業指示番号', en: 'Visit / work order' }, value: site.reference || '—' },
        { label: { ja: '作業者', en: 'Performed by' }, value: performerText(engineer) },
        { label: { ja: '使用した端末', en: 'Laptop used' }, value: laptop },
        { label: { ja: '状態', en: 'Status' }, value: `${STATUS[status].ja} / ${STATUS[status].en}` },
        {
          label: { ja: '消去後の媒体の扱い', en: 'Medium afterwards' },
          value: site.mediumAfter ? `${MEDIUM_AFTER[site.mediumAfter].ja} / ${MEDIUM_AFTER[site.mediumAfter].en}` : '記載なし / not stated',
        },
        ...(evidence?.abandonReason ? [{ label: { ja: '中止の理由', en: 'Reason for abandoning' }, value: evidence.abandonReason }] : []),
      ],
    },
  ];
  const crypto = record.vault.length > 0 ? cryptoEraseStatement(record.dataFolder ?? unrecordedDataFolder()) : null;
  if (crypto) sections.push(cryptoEraseSection(record.vault, crypto, record.toolVersion));
  if (evidence)
    sections.push(...(evidence.scope === 'whole-medium' ? wholeMediumSections(evidence, when) : fileErasureSections(evidence, when)));
  const risks: Bilingual[] = [...(evidence?.residualRisks ?? []), ...(crypto?.residualRisks ?? [])];
  sections.push({
    heading: { ja: '残存リスク', en: 'Residual risks' },
    rows: risks.map((risk, i) => ({ label: { ja: `${i + 1}`, en: '' }, value: bilingual(risk) })),
  });
  const notes = evidence?.notes ?? [];
  if (notes.length > 0)
    sections.push({
      heading: { ja: '補足', en: 'Notes' },
      rows: notes.map((note, i) => ({ label: { ja: `${i + 1}`, en: '' }, value: bilingual(note) })),
    });
  return {
    kind: 'erasure',
    number,
    issuedAt: issuedAt.toISOString(),
    title: { ja: 'データ消去証明書', en: 'Data Erasure Certificate' },
    sections,
    signatureLines: [
      {
        label: countersignatureLabel(countersigner),
        ...(countersignature ? { image: countersignature } : {}),
      },
    ],
    summary: {
      site: [site.hospital, site.department].filter(Boolean).join(' '),
      status,
      counts: { erased: (evidence?.totals.filesErased ?? 0) + record.vault.length, exceptions: evidence?.exceptions.length ?? 0 },
    },
  };
}

/**
 * The countersignature's caption: what the person confirms — the statement the result view
 * shows above the pad — and their name when they typed it.
 */
function countersignatureLabel(countersigner: string | null): Bilingual {
  const ja = '施設のシステム管理者 確認署名';
  const en = 'Site system administrator countersignature';
  if (countersigner === null) return { ja, en };
  return {
    ja: `${ja}（${countersigner}）：上記の消去結果を確認しました`,
    en: `${en} (${countersigner}): I confirm the erasure results above`,
  };
}

/** A device as the page names it: make and model, serial, size, interface and kind — what the OS reported, nothing guessed. */
function deviceText(device: DeviceFacts | null): string {
  if (device === null) return '読み取れず / could not be read';
  const kind =
    device.transport === 'virtual'
      ? '仮想ディスク / virtual disk'
      : device.rotational === true
        ? '回転式ディスク / spinning disk'
        : device.rotational === false
          ? 'SSD・フラッシュ / solid-state'
          : '種類不明 / kind unknown';
  return [
    [device.vendor, device.model].filter(Boolean).join(' ') || 'メーカー・型番不明 / make and model unknown',
    `シリアル番号 / serial: ${device.serial ?? '取得できず / not obtainable'}`,
    `${device.sizeBytes === null ? '容量不明 / size unknown' : formatBytes(device.sizeBytes, 'ja')}・${device.transport ?? '接続不明 / bus unknown'}・${kind}`,
    device.backingFile ? `イメージファイル / image file: ${maskPath(device.backingFile)}` : '',
    `${device.path}（${device.source}）`,
  ]
    .filter(Boolean)
    .join('\n');
}

/** The volume: its file system and how it is mounted (options such as ext4 data=journal decide the grade). */
function volumeText(medium: Medium | null): string {
  const volume = medium?.volume ?? null;
  if (volume === null) return '読み取れず / could not be read';
  return [`${volume.fileSystem ?? '種類不明 / unknown'}（${maskPath(volume.mountPoint)}）`, volume.mountOptions.join(',')]
    .filter(Boolean)
    .join('\n');
}

/** Rev. 2 §4.6's media information per target, and the grade a file overwrite earned on it, with why. */
function mediaSection(media: readonly TargetMedium[]): CertificateSection {
  return {
    heading: { ja: '媒体と判定（NIST SP 800-88 Rev. 2）', en: 'Medium and grade (NIST SP 800-88 Rev. 2)' },
    table: {
      columns: [
        { ja: '対象', en: 'Target' },
        { ja: 'ファイルシステム・マウントオプション', en: 'File system, mount options' },
        { ja: '装置', en: 'Device' },
        { ja: '判定と理由', en: 'Grade and why' },
      ],
      rows: capped(
        media.map((m) => [
          maskPath(m.target),
          volumeText(m.medium),
          deviceText(m.medium?.device ?? null),
          [
            `${NIST_GRADE_LABELS[m.grade].ja} / ${NIST_GRADE_LABELS[m.grade].en}`,
            ...m.reasons.map(bilingual),
            ...(m.medium?.problems ?? []).map((p) => `読み取れなかった情報 / not read: ${p}`),
          ].join('\n'),
        ]),
        4,
      ),
      widths: [2.2, 2.4, 3, 4.4],
    },
    note: {
      ja: 'Clear は回転式ディスク上で、データをその場で書き換えるファイルシステムの場合に限ります。SSD・フラッシュ、ジャーナリング（data=journal）やコピーオンライトのファイルシステム、情報を読み取れなかった媒体では「部分的なサニタイズ」です。',
      en: 'Clear only on a spinning disk with a file system that rewrites data in place; on SSDs and flash, journaling (data=journal) or copy-on-write file systems, or a medium that could not be read, it is partial sanitization.',
    },
  };
}

/** The tool as Rev. 2 §4.6 asks: name, version, and the SHA-256 of the build that ran the erasure. */
function toolText(evidence: ErasureEvidence): string {
  const build = evidence.tool.build
    ? `ビルド / build SHA-256 ${evidence.tool.build.slice(0, 16)}…`
    : 'ビルドのハッシュ：取得できず / build hash not obtainable';
  return `${evidence.tool.name} ${evidence.tool.version}（${build}）`;
}

/** How the last pass was read back, in the words of the page: bypassing the OS cache, or possibly from it. */
function verificationText(evidence: ErasureEvidence): Bilingual {
  const readBacks = evidence.items.map((i) => i.readBack).filter((r) => r !== null);
  const cached = readBacks.filter((r) => r === 'cached').length;
  const direct = {
    ja: '最後の上書きの全バイトを、OS のページキャッシュを通さずに（O_DIRECT）読み戻して照合（装置自身のキャッシュが応答した可能性は残ります）',
    en: evidence.method.verification,
  };
  if (cached === 0) return direct;
  if (cached === readBacks.length)
    return {
      ja: '最後の上書きの全バイトを読み戻して照合（OS のキャッシュから返された可能性があります）',
      en: evidence.method.verification,
    };
  return {
    ja: `最後の上書きの全バイトを読み戻して照合（${readBacks.length} 件中 ${cached} 件は OS のキャッシュから返された可能性があります）`,
    en: evidence.method.verification,
  };
}

const RUN_OUTCOME: Record<NonNullable<ErasureRun['outcome']>, Bilingual> = {
  completed: { ja: '完了', en: 'completed' },
  cancelled: { ja: '取り消し', en: 'cancelled' },
  interrupted: { ja: '中断（クラッシュ・強制終了・電源断）', en: 'interrupted (crash, kill or power cut)' },
  abandoned: { ja: '中止', en: 'abandoned' },
};

/** Every run of a job that was interrupted: when each started, how it ended, and the last step known of an interrupted one. */
function runsSection(evidence: ErasureEvidence, when: (iso: string | null) => string): CertificateSection {
  return {
    heading: { ja: '実行の経過（中断と再開）', en: 'Runs (interruptions and resumptions)' },
    table: {
      columns: [
        { ja: '回', en: 'Run' },
        { ja: '実行元', en: 'Run by' },
        { ja: '開始', en: 'Started' },
        { ja: '終了・最後の記録', en: 'Ended / last step' },
        { ja: '結果', en: 'Outcome' },
      ],
      rows: evidence.runs.map((run) => [
        String(run.run),
        run.runner === 'cli' ? 'fieldguard erase（CLI）' : 'アプリ / app',
        when(run.startedAt),
        run.endedAt ? when(run.endedAt) : run.lastStepAt ? `最後の記録 / last step ${when(run.lastStepAt)}` : '—',
        run.outcome ? `${RUN_OUTCOME[run.outcome].ja} / ${RUN_OUTCOME[run.outcome].en}` : '実行中 / running',
      ]),
      widths: [0.6, 1.8, 2.2, 2.6, 2.8],
    },
    note: {
      ja: 'すべての実行は 1 つの作業記録（ジャーナル）に記録され、この証明書は中断前に消去した項目を含めて作業全体を記載します。',
      en: 'Every run is recorded in one journal; this certificate covers the whole job, items erased before an interruption included.',
    },
  };
}

/** A whole device: what it is, how it was erased, the result and the grade (device-certificate-sections.ts), and every run. */
function wholeMediumSections(evidence: ErasureEvidence, when: (iso: string | null) => string): CertificateSection[] {
  const device = evidence.media[0]?.medium?.device ?? null;
  const sections: CertificateSection[] =
    device === null
      ? [
          {
            heading: { ja: '消去した媒体（装置全体）', en: 'Medium erased (whole device)' },
            rows: [{ label: { ja: '装置', en: 'Device' }, value: '記録なし / not recorded' }],
          },
        ]
      : deviceErasureSections({ ...evidence, sanitize: deviceSanitizeResult(evidence.items) }, device);
  if (evidence.runs.length > 1 || evidence.status === 'abandoned') sections.push(runsSection(evidence, when));
  return sections;
}

/** The overwrite job's sections: method, medium, targets (names masked), exceptions. */
function fileErasureSections(evidence: ErasureEvidence, when: (iso: string | null) => string): CertificateSection[] {
  const sections: CertificateSection[] = [
    {
      heading: { ja: '消去方法（NIST SP 800-88）', en: 'Method (NIST SP 800-88)' },
      rows: [
        {
          label: { ja: '区分', en: 'Category' },
          value: `${NIST_GRADE_LABELS[evidence.method.category].ja}（${NIST_REFERENCE.ja}、ファイル単位の上書き。判定の理由は「媒体と判定」）\n${NIST_GRADE_LABELS[evidence.method.category].en} (${NIST_REFERENCE.en}, file-level overwrite; the reasons under “Medium and grade”)`,
        },
        { label: { ja: '方式', en: 'Technique' }, value: `${METHOD[evidence.method.id].ja} / ${METHOD[evidence.method.id].en}` },
        {
          label: { ja: '擬似乱数', en: 'PRNG' },
          value: evidence.method.prng ? `AES-256-CTR（作業ごとのランダム鍵、保存しない）/ ${evidence.method.prng}` : '—',
        },
        { label: { ja: '検証', en: 'Verification' }, value: bilingual(verificationText(evidence)) },
        { label: { ja: 'ツール', en: 'Tool' }, value: toolText(evidence) },
        {
          label: { ja: '開始・終了', en: 'Start – end' },
          value: `${when(evidence.startedAt)} – ${when(evidence.finishedAt)}（${evidence.durationSeconds ?? '—'} 秒 / s）`,
        },
        {
          label: { ja: '書き込み・検証バイト数', en: 'Bytes written / verified' },
          value: `${formatBytes(evidence.totals.bytesWritten, 'ja')} / ${formatBytes(evidence.totals.bytesVerified, 'ja')}`,
        },
      ],
    },
  ];
  if (evidence.runs.length > 1 || evidence.status === 'abandoned') sections.push(runsSection(evidence, when));
  if (evidence.media.length > 0) sections.push(mediaSection(evidence.media));
  sections.push({
    heading: { ja: '消去対象', en: 'Targets' },
    table: {
      columns: [
        { ja: '対象', en: 'Target' },
        { ja: 'ファイル数', en: 'Files' },
        { ja: '容量', en: 'Bytes' },
        { ja: '消去済み', en: 'Erased' },
        { ja: '例外', en: 'Exceptions' },
      ],
      rows: evidence.targets.map((t) => [
        maskPath(t.path),
        String(t.files),
        formatBytes(t.bytes, 'ja'),
        String(t.filesErased),
        String(t.exceptions),
      ]),
      widths: [5, 1.2, 1.5, 1.2, 1.2],
    },
    note: {
      ja: 'ファイル名は患者氏名を含むことがあるため伏せ字にしています。全ファイルの一覧と消去前の SHA-256 は、署名付きの添付データ（evidence.json）にあります。',
      en: 'File names are masked as they may contain patient names; the full list with SHA-256 before erasure is in the signed attachment (evidence.json).',
    },
  });
  const targets = evidence.targets.map((t) => t.path);
  const masked = (paths: readonly string[]) => paths.map((p) => maskEntryPath(p, targets)).join('\n');
  if (evidence.exceptions.length > 0) {
    sections.push({
      heading: { ja: '例外（消去されていない項目）', en: 'Exceptions (not erased)' },
      table: {
        columns: [
          { ja: '番号', en: '#' },
          { ja: '項目', en: 'Item' },
          { ja: '理由', en: 'Reason' },
        ],
        rows: capped(
          evidence.exceptions.map((e) => [String(e.seq), masked(e.names), `${e.code}: ${e.descriptionJa}\n${e.description}`]),
          3,
        ),
        widths: [0.8, 4, 5],
      },
    });
  }
  if (evidence.hardLinks.length > 0) sections.push(hardLinkSection(evidence.hardLinks, masked));
  const links = evidence.items.filter((i) => i.kind === 'link');
  if (links.length > 0) sections.push(symbolicLinkSection(links, targets, masked));
  const unknown = evidence.items.filter(
    (i) => i.kind === 'file' && i.sameFileAs === null && i.observations.includes('sha256-before-unknown'),
  );
  if (unknown.length > 0) sections.push(unknownHashSection(unknown, masked));
  return sections;
}

const FILE_RESULT: Record<HardLinkedFile['outcome'], string> = {
  erased: '消去済み（内容を 1 回上書き・検証し、すべての名前を削除）/ erased: content overwritten and verified once, every name removed',
  removed: '削除済み / removed',
  exception: '例外：消去していません / exception: not erased',
  'not-erased': '消去していません / not erased',
};

/** Files with several names: each once, its names together, the bytes written to it once. */
function hardLinkSection(files: readonly HardLinkedFile[], masked: (paths: readonly string[]) => string): CertificateSection {
  return {
    heading: { ja: '複数の名前を持つファイル（ハードリンク）', en: 'Files with several names (hard links)' },
    table: {
      columns: [
        { ja: '名前（伏せ字）', en: 'Names (masked)' },
        { ja: '対象内 / 全体の名前の数', en: 'Names in job / in all' },
        { ja: '書き込み', en: 'Bytes written' },
        { ja: '結果', en: 'Result' },
      ],
      rows: capped(
        files.map((f) => [
          masked(f.names),
          `${f.names.length} / ${f.linkCount ?? '不明 unknown'}`,
          formatBytes(f.bytesWritten, 'ja'),
          FILE_RESULT[f.outcome],
        ]),
        4,
      ),
      widths: [4, 1.4, 1.3, 3],
    },
    note: {
      ja: '同じファイルに付いた複数の名前は 1 つのファイルとして扱い、内容を 1 回だけ上書き・検証してから、すべての名前を削除しました。消去対象の外にも名前があるファイルは、対象外のファイルを壊さないよう消去していません（例外）。',
      en: 'The names of one file were treated as one file: its content was overwritten and verified once, then every name removed. A file that also has a name outside the job was not erased (an exception), so as not to destroy a file outside it.',
    },
  };
}

const LINK_ACTION: Record<EvidenceItem['outcome'], string> = {
  removed: 'リンクのみ削除（リンク先はたどらず、変更なし）/ link removed; not followed, target unchanged',
  erased: 'リンクのみ削除（リンク先はたどらず、変更なし）/ link removed; not followed, target unchanged',
  exception: '例外：削除していません / exception: not removed',
  'not-erased': '削除していません / not removed',
};

/** Symbolic links: where each pointed, and that only the link itself was removed. */
function symbolicLinkSection(
  links: readonly EvidenceItem[],
  targets: readonly string[],
  masked: (paths: readonly string[]) => string,
): CertificateSection {
  return {
    heading: { ja: 'シンボリックリンク', en: 'Symbolic links' },
    table: {
      columns: [
        { ja: 'リンク（伏せ字）', en: 'Link (masked)' },
        { ja: 'リンク先（伏せ字）', en: 'Pointed to (masked)' },
        { ja: '処置', en: 'Action' },
      ],
      rows: capped(
        links.map((l) => [
          masked([l.path]),
          maskLinkTarget(l.linkTarget, targets),
          l.exceptionCode ? `${LINK_ACTION.exception}（${l.exceptionCode}）` : LINK_ACTION[l.outcome],
        ]),
        3,
      ),
      widths: [3.5, 3.5, 3],
    },
    note: {
      ja: 'シンボリックリンクはたどらず、リンクそのものだけを削除しました。リンク先のファイルやフォルダーは消去の対象ではなく、変更していません。',
      en: 'Symbolic links were not followed: only each link itself was removed; what it pointed to was not part of the job and was not changed.',
    },
  };
}

/** Files written to before their SHA-256 before erasure was recorded: unknown, never a hash of the overwrite. */
function unknownHashSection(items: readonly EvidenceItem[], masked: (paths: readonly string[]) => string): CertificateSection {
  return {
    heading: { ja: '消去前の SHA-256 が不明な項目', en: 'Items whose SHA-256 before erasure is unknown' },
    table: {
      columns: [
        { ja: '番号', en: '#' },
        { ja: '項目', en: 'Item' },
        { ja: '消去前の SHA-256', en: 'SHA-256 before erasure' },
      ],
      rows: capped(
        items.map((i) => [String(i.seq), masked(i.names), `${SHA256_BEFORE_UNKNOWN.ja} / ${SHA256_BEFORE_UNKNOWN.en}`]),
        3,
      ),
      widths: [0.8, 4, 5],
    },
    note: {
      ja: '消去が中断される前に上書きが始まっていて、消去前の SHA-256 が記録されていなかったファイルです。上書き後の内容から求めた値は、消去前の値として記載しません。',
      en: 'These files had been written to before their SHA-256 before erasure was recorded (the erasure was interrupted). A hash of what the overwrite left is never given as the SHA-256 before erasure.',
    },
  };
}

/** The laptop the erasure ran on, as every erasure certificate names it (the app's and the CLI's). */
export function thisLaptop(): string {
  return `${os.hostname()} (${process.platform} ${os.release()})`;
}

/** The site administrator's countersignature as the screen sends it (a PNG data URL), as PNG bytes; null when none was drawn. */
export function countersignaturePng(dataUrl: string | null): Buffer | null {
  return dataUrl ? Buffer.from(dataUrl.slice(dataUrl.indexOf(',') + 1), 'base64') : null;
}

/** Issues, signs and stores the certificate of a finished erasure job; returns its id and number. */
export async function issueErasureCertificate(
  session: VaultSession,
  record: ErasureRecord,
  site: SiteDetails,
  laptop: string,
  countersignature: Uint8Array | null,
  now: Date,
  fontPath?: string,
  /** Who countersigned (typed on the result view); null when not given. */
  countersigner: string | null = null,
): Promise<{ id: string; number: string }> {
  const { id, number } = await issueReport(
    session,
    {
      kind: 'erasure',
      document: (number, engineer) =>
        erasureCertificateDocument(record, site, engineer, laptop, number, now, countersignature, countersigner),
      facts: () =>
        signedFacts({
          erasure: record.files,
          cryptoErase: record.vault,
          dataFolder: record.dataFolder ?? null,
          site,
          laptop,
          countersignatureSha256: countersignature ? createHash('sha256').update(countersignature).digest('hex') : null,
          ...(countersigner === null ? {} : { countersignedBy: countersigner }),
        }),
      location: site.hospital,
      visitReference: site.reference,
    },
    now,
    fontPath,
  );
  return { id, number };
}
