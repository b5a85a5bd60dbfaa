/**
 * The sections a data-erasure certificate prints for a whole-medium erasure (issue 14): the
 * device as NIST SP 800-88 Rev. 2 §4.6 asks it to be recorded (manufacturer, model, serial,
 * capacity, interface, media type, where the facts came from), the technique and its
 * verification, the result with the bad sectors, and the grade earned — Clear for a verified
 * host overwrite of every addressable sector (on flash as well: never Purge for an overwrite),
 * Purge only for the device's own crypto or block erase that its sanitize log says completed,
 * partial sanitization for anything not done in full. Every line Japanese first, English beside
 * it. The result is decided from the journal's numbers (every pass over every byte, all of it
 * read back and matched, no bad sector), never from a state alone.
 */
import { formatBytes } from '../../../shared/format-bytes';
import { formatDateTime } from '../../../shared/format-date';
import type { CertificateRow, CertificateSection } from '../../certificates/certificate-document';
import type { ErasureEvidence, EvidenceItem } from '../erasure-evidence';
import { passPatterns, type ErasureMethod } from '../erasure-methods';
import type { DeviceFacts, DeviceTransport } from '../medium';
import {
  gradeDeviceSanitize,
  NIST_GRADE_LABELS,
  NIST_GRADE_MEANINGS,
  NIST_REFERENCE,
  type Bilingual,
  type GradeResult,
} from '../nist-grade';
import type { SanitizeRunResult } from '../../../platform/sanitize/run-device-sanitize';

/** The device item as the evidence lists it; `badSectors` once the evidence carries the journal's count. */
export type DeviceEvidenceItem = EvidenceItem & { readonly badSectors?: number | null };

/** What the sections read of the job's evidence; a device sanitize run, when one was the technique. */
export type DeviceEvidence = Pick<ErasureEvidence, 'status' | 'tool' | 'startedAt' | 'finishedAt' | 'durationSeconds'> & {
  /** How many runs the job took (1, or more after an interruption and resumption). */
  readonly runCount: number;
  readonly method: Pick<ErasureEvidence['method'], 'id' | 'prng'>;
  readonly items: readonly DeviceEvidenceItem[];
  readonly sanitize?: SanitizeRunResult | null;
};

/** Japanese, then English beside it (once, where both are the same word, e.g. USB). */
const both = (text: Bilingual) => (text.ja === text.en ? text.ja : `${text.ja} / ${text.en}`);

const TRANSPORT: Readonly<Record<DeviceTransport, Bilingual>> = {
  usb: { ja: 'USB', en: 'USB' },
  sata: { ja: 'SATA', en: 'SATA' },
  sas: { ja: 'SAS', en: 'SAS' },
  nvme: { ja: 'NVMe', en: 'NVMe' },
  sd: { ja: 'SD カード', en: 'SD card' },
  mmc: { ja: 'eMMC', en: 'eMMC' },
  scsi: { ja: 'SCSI', en: 'SCSI' },
  virtual: { ja: '仮想ディスク・ループデバイス', en: 'virtual disk or loop device' },
  other: { ja: 'その他', en: 'other' },
};

const UNKNOWN: Bilingual = { ja: '不明', en: 'unknown' };

function mediaType(device: DeviceFacts): Bilingual {
  if (device.transport === 'virtual')
    return { ja: '仮想（実体は背後のファイル・記憶装置）', en: 'virtual (held by a backing file or storage)' };
  if (device.rotational === true) return { ja: '回転式ディスク（HDD）', en: 'rotating disk (HDD)' };
  if (device.rotational === false) return { ja: 'フラッシュメモリ（SSD・USB メモリ・カード）', en: 'flash memory (SSD, USB stick, card)' };
  return UNKNOWN;
}

const METHOD: Readonly<Record<ErasureMethod, Bilingual>> = {
  'random-verify': { ja: '全セクタを擬似乱数で 1 回上書き', en: '1 pass of a keyed pseudo-random stream over every sector' },
  'zeros-verify': { ja: '全セクタをゼロで 1 回上書き', en: '1 pass of zeros over every sector' },
  'three-pass': { ja: '全セクタを 3 回上書き（乱数・乱数・ゼロ）', en: '3 passes over every sector (random, random, zeros)' },
};

const SANITIZE_TECHNIQUE = {
  'sanitize-crypto': { ja: '装置自身のサニタイズ（暗号化消去）', en: 'the device’s own sanitize (crypto erase)' },
  'sanitize-block': { ja: '装置自身のサニタイズ（ブロック消去）', en: 'the device’s own sanitize (block erase)' },
} as const;

const SANITIZE_OUTCOME: Readonly<Record<SanitizeRunResult['outcome'], Bilingual>> = {
  completed: { ja: '装置のサニタイズ記録が完了を示した', en: 'the device’s sanitize status reported completion' },
  failed: { ja: '装置がサニタイズの失敗を報告した', en: 'the device reported that the sanitize failed' },
  unconfirmed: { ja: '完了を確認できなかった', en: 'completion could not be confirmed' },
  refused: { ja: 'サニタイズ命令を実行できなかった', en: 'the sanitize command could not be run' },
};

/** Erased by the numbers: every pass over every byte, all of it read back and matched, no bad sector, no exception. */
export function deviceOverwriteErased(item: DeviceEvidenceItem, method: ErasureMethod): boolean {
  const passes = passPatterns(method).length;
  return (
    item.exceptionCode === null &&
    (item.badSectors ?? 0) === 0 &&
    item.passes === passes &&
    item.readBack !== null &&
    item.bytesVerified >= item.size &&
    item.bytesWritten === item.bytesVerified * passes
  );
}

/**
 * The device's own sanitize of the job's device item, when it was the technique: the runner's
 * result as journaled; for one started whose result was never journaled (the job ended first),
 * an 'unconfirmed' run — never taken for a completed one. null for an overwrite.
 */
export function deviceSanitizeResult(items: readonly DeviceEvidenceItem[]): SanitizeRunResult | null {
  const item = items.find((i) => i.kind === 'device');
  const record = item?.sanitize ?? null;
  if (!item || record === null) return null;
  if (record.result !== null) return record.result;
  const at = item.finishedAt ?? item.startedAt ?? '';
  const tool = item.path.startsWith('/dev/nvme') ? 'nvme' : 'hdparm';
  return {
    technique: record.technique,
    tool,
    outcome: 'unconfirmed',
    detail: 'the job ended before the sanitize result was recorded',
    startedAt: item.startedAt ?? at,
    finishedAt: at,
    commands: [],
  };
}

/** Whether a finished job erased its device: the job not cancelled, and its device item erased by the numbers (or by its own sanitize, completed). */
export function deviceErasedIn(evidence: Pick<DeviceEvidence, 'status' | 'method' | 'items'>): boolean {
  const item = evidence.items.find((i) => i.kind === 'device');
  if (evidence.status !== 'erased' || item === undefined) return false;
  if (item.sanitize) return item.exceptionCode === null && deviceSanitizeResult(evidence.items)?.outcome === 'completed';
  return deviceOverwriteErased(item, evidence.method.id);
}

/** What the grade is decided from: the job's status, method, device item and sanitize result — nothing of the page. */
type GradeFacts = Pick<DeviceEvidence, 'status' | 'method' | 'items' | 'sanitize'>;

function gradeOf(evidence: GradeFacts, item: DeviceEvidenceItem, device: DeviceFacts): GradeResult {
  if (evidence.sanitize) {
    const done = evidence.sanitize.outcome === 'completed' && evidence.status !== 'aborted';
    return gradeDeviceSanitize({
      technique: evidence.sanitize.technique === 'sanitize-crypto' ? 'crypto-erase' : 'block-erase',
      completed: done,
      verified: done,
      device,
    });
  }
  const erased = deviceOverwriteErased(item, evidence.method.id) && evidence.status !== 'aborted';
  return gradeDeviceSanitize({
    technique: 'host-overwrite',
    completed: erased || item.passes === passPatterns(evidence.method.id).length,
    verified: item.readBack !== null && item.bytesVerified >= item.size && item.exceptionCode !== 'VERIFY_MISMATCH',
    everySectorWritten: (item.badSectors ?? 0) === 0 && item.bytesWritten >= item.size * passPatterns(evidence.method.id).length,
    device,
  });
}

function resultOf(evidence: DeviceEvidence, item: DeviceEvidenceItem): Bilingual {
  if (evidence.sanitize) {
    return evidence.sanitize.outcome === 'completed' && evidence.status !== 'aborted'
      ? { ja: '消去完了（装置のサニタイズ完了）', en: 'Erased (the device’s sanitize completed)' }
      : {
          ja: `消去されていません（${SANITIZE_OUTCOME[evidence.sanitize.outcome].ja}）`,
          en: `Not erased (${SANITIZE_OUTCOME[evidence.sanitize.outcome].en})`,
        };
  }
  if (deviceOverwriteErased(item, evidence.method.id) && evidence.status !== 'aborted') {
    return {
      ja: '消去完了（全セクタを上書きし、すべて読み戻して一致を確認）',
      en: 'Erased (every sector overwritten, all read back and matched)',
    };
  }
  if (evidence.status === 'aborted')
    return {
      ja: '消去されていません（作業を中止。一部だけ上書きされている可能性があります）',
      en: 'Not erased (the job was cancelled; the device may be partly overwritten)',
    };
  if ((item.badSectors ?? 0) > 0)
    return {
      ja: '消去されていません（書き込み・読み戻しできないセクタがあり、元のデータが残りうる）',
      en: 'Not erased (some sectors could not be written or read back and may keep their data)',
    };
  if (item.exceptionCode === 'VERIFY_MISMATCH')
    return {
      ja: '消去されていません（読み戻した内容が書き込んだ内容と一致しない）',
      en: 'Not erased (the read-back did not match what was written)',
    };
  return {
    ja: '消去されていません（上書きまたは検証が完了していない）',
    en: 'Not erased (the overwrite or its verification did not complete)',
  };
}

function deviceRows(device: DeviceFacts): CertificateRow[] {
  return [
    { label: { ja: '製造元', en: 'Manufacturer' }, value: device.vendor ?? both(UNKNOWN) },
    { label: { ja: '型式', en: 'Model' }, value: device.model ?? both(UNKNOWN) },
    { label: { ja: 'シリアル番号', en: 'Serial number' }, value: device.serial ?? '装置が報告せず / not reported by the device' },
    {
      label: { ja: '容量', en: 'Capacity' },
      value:
        device.sizeBytes === null
          ? both(UNKNOWN)
          : `${formatBytes(device.sizeBytes, 'ja')}（${device.sizeBytes.toLocaleString('ja-JP')} バイト / bytes）`,
    },
    { label: { ja: '接続方式', en: 'Interface' }, value: device.transport ? both(TRANSPORT[device.transport]) : both(UNKNOWN) },
    { label: { ja: '媒体の種類', en: 'Media type' }, value: both(mediaType(device)) },
    {
      label: { ja: 'リムーバブル', en: 'Removable' },
      value: device.removable === true ? 'はい / yes' : device.removable === false ? 'いいえ / no' : both(UNKNOWN),
    },
    {
      label: { ja: '装置のパス', en: 'Device path' },
      value: device.backingFile ? `${device.path}（背後のファイル / backing file: ${device.backingFile}）` : device.path,
    },
    { label: { ja: '情報の取得元', en: 'Source of these facts' }, value: device.source },
  ];
}

function methodRows(evidence: DeviceEvidence, item: DeviceEvidenceItem): CertificateRow[] {
  const tool = `${evidence.tool.name} ${evidence.tool.version}`;
  if (evidence.sanitize) {
    const technique = SANITIZE_TECHNIQUE[evidence.sanitize.technique];
    return [
      { label: { ja: '方式', en: 'Technique' }, value: both(technique) },
      { label: { ja: '実行したコマンド', en: 'Commands run' }, value: evidence.sanitize.commands.join('\n') },
      {
        label: { ja: '検証', en: 'Verification' },
        value: '装置のサニタイズ状態（ログ）で完了を確認 / completion read from the device’s sanitize status log',
      },
      { label: { ja: 'ツール', en: 'Tool' }, value: `${tool}（${evidence.sanitize.tool}）` },
    ];
  }
  const passes = passPatterns(evidence.method.id).length;
  return [
    { label: { ja: '方式', en: 'Technique' }, value: `${both(METHOD[evidence.method.id])}（ホストからの上書き / host overwrite）` },
    { label: { ja: '上書き回数', en: 'Passes' }, value: `${item.passes} / ${passes}` },
    { label: { ja: '擬似乱数', en: 'PRNG' }, value: evidence.method.prng ?? '—' },
    {
      label: { ja: '検証', en: 'Verification' },
      value:
        item.readBack === 'direct'
          ? '最終回の全セクタを OS のキャッシュを通さず（O_DIRECT）読み戻して照合 / every sector of the last pass read back with O_DIRECT, bypassing the OS cache, and compared'
          : item.readBack === 'cached'
            ? '最終回の全セクタを読み戻して照合（OS のキャッシュから返された可能性あり）/ every sector of the last pass read back and compared (possibly served from the OS cache)'
            : '読み戻していません / not read back',
    },
    { label: { ja: 'ツール', en: 'Tool' }, value: tool },
  ];
}

/** The whole-medium sections of the certificate for the job's one device. */
export function deviceErasureSections(evidence: DeviceEvidence, device: DeviceFacts): CertificateSection[] {
  const item = evidence.items.find((i) => i.kind === 'device');
  if (!item) return [];
  const when = (iso: string | null) => (iso ? formatDateTime(iso, 'ja') : '—');
  const grade = gradeOf(evidence, item, device);
  const badSectors = item.badSectors ?? null;
  return [
    { heading: { ja: '消去した媒体（装置全体）', en: 'Medium erased (whole device)' }, rows: deviceRows(device) },
    { heading: { ja: '消去方法', en: 'Method' }, rows: methodRows(evidence, item) },
    {
      heading: { ja: '結果', en: 'Result' },
      rows: [
        { label: { ja: '結果', en: 'Result' }, value: both(resultOf(evidence, item)) },
        {
          label: { ja: '書き込み・検証バイト数', en: 'Bytes written / verified' },
          value: `${formatBytes(item.bytesWritten, 'ja')} / ${formatBytes(item.bytesVerified, 'ja')}（容量 / capacity ${formatBytes(item.size, 'ja')}）`,
        },
        {
          label: { ja: '不良セクタ', en: 'Bad sectors' },
          value:
            badSectors === null
              ? evidence.sanitize
                ? '— （装置のサニタイズ / device sanitize）'
                : both(UNKNOWN)
              : `${badSectors}${badSectors > 0 ? '（これらのセクタには元のデータが残りうる / these sectors may keep their data）' : ''}`,
        },
        {
          label: { ja: '開始・終了', en: 'Start – end' },
          value: `${when(item.startedAt ?? evidence.startedAt)} – ${when(item.finishedAt ?? evidence.finishedAt)}`,
        },
        ...(evidence.runCount > 1
          ? [
              {
                label: { ja: '実行回数', en: 'Runs' },
                value: evidence.sanitize
                  ? `${evidence.runCount}（中断後に再開。サニタイズ命令は再送せず、装置のサニタイズ状態（ログ）を読んで確認 / resumed after an interruption; the sanitize command was not sent again, the device’s sanitize status log was read）`
                  : `${evidence.runCount}（中断後に再開。装置は先頭から上書きし直し / resumed after an interruption; the device was overwritten again from its start）`,
              },
            ]
          : []),
      ],
    },
    {
      heading: { ja: `NIST SP 800-88 Rev. 2 の区分`, en: 'NIST SP 800-88 Rev. 2 category' },
      rows: [
        { label: { ja: '区分', en: 'Category' }, value: both(NIST_GRADE_LABELS[grade.grade]) },
        { label: { ja: '意味', en: 'Meaning' }, value: `${NIST_GRADE_MEANINGS[grade.grade].ja}\n${NIST_GRADE_MEANINGS[grade.grade].en}` },
        ...grade.reasons.map((reason, i) => ({
          label: { ja: i === 0 ? '根拠' : '', en: i === 0 ? 'Why' : '' },
          value: `${reason.ja}\n${reason.en}`,
        })),
        ...grade.residualRisks.map((risk, i) => ({
          label: { ja: i === 0 ? '残存リスク' : '', en: i === 0 ? 'Residual risk' : '' },
          value: `${risk.ja}\n${risk.en}`,
        })),
        { label: { ja: '基準', en: 'Reference' }, value: both(NIST_REFERENCE) },
      ],
    },
  ];
}

/** The grade the evidence records for a whole-medium job: the one these sections print. */
export function wholeMediumGrade(evidence: GradeFacts, device: DeviceFacts): GradeResult | null {
  const item = evidence.items.find((i) => i.kind === 'device');
  return item ? gradeOf(evidence, item, device) : null;
}
