/**
 * The grade an erasure has earned in the terms of NIST SP 800-88 Rev. 2 (September 2025),
 * decided only on positive evidence about the medium (medium.ts): a certificate never says
 * more than the facts carry. Rev. 2 treats erasing chosen files rather than the whole medium
 * as partial sanitization, and host overwrite cannot reach flash cells the device has remapped
 * or keeps in reserve; so a file overwrite is Clear (for the erased files' own locations) only
 * when the disk is known to be rotational and the file system is known to write file data in
 * place, and everything unknown, flash, virtual, journaling-data or copy-on-write is partial.
 * Purge is only for the device's own sanitize or a cryptographic erase whose preconditions hold.
 * Every reason and residual risk is in Japanese and English, for the page a site reads.
 */
import type { Bilingual } from '../certificates/certificate-document';
import { fileSystemFamily, type DeviceFacts, type Medium, type VolumeFacts } from './medium';

export type NistGrade = 'clear' | 'partial' | 'purge';

// One bilingual text type for every certificate sentence.
export type { Bilingual };

export interface GradeResult<G extends NistGrade = NistGrade> {
  readonly grade: G;
  /** Why this grade, one sentence per fact that decided it. */
  readonly reasons: readonly Bilingual[];
  /** What may still hold the data or its names after this erasure. */
  readonly residualRisks: readonly Bilingual[];
}

export const NIST_REFERENCE: Bilingual = { ja: 'NIST SP 800-88 Rev. 2（2025年9月）', en: 'NIST SP 800-88 Rev. 2 (September 2025)' };

export const NIST_GRADE_LABELS: Readonly<Record<NistGrade, Bilingual>> = {
  clear: { ja: 'Clear（消去）', en: 'Clear' },
  partial: { ja: '部分的なサニタイズ（partial sanitization）', en: 'Partial sanitization' },
  purge: { ja: 'Purge（除去）', en: 'Purge' },
};

/** What each grade means, in the words of Rev. 2's method definitions. */
export const NIST_GRADE_MEANINGS: Readonly<Record<NistGrade, Bilingual>> = {
  clear: {
    ja: '通常の読み書きコマンドによる論理的な手法で、対象の利用者がアクセスできる記憶場所を上書きし、簡易な非破壊的復元手法からデータを保護する。',
    en: 'Logical techniques through the standard read and write commands overwrite the user-addressable storage locations of the target, protecting against simple non-invasive data recovery techniques.',
  },
  partial: {
    ja: '媒体全体ではなく選んだデータだけを対象とするサニタイズ、または媒体が上書きを確実に受け止めない場合のサニタイズ。下記の残存リスクに記した場所にデータが残りうる。',
    en: 'Sanitization of chosen data rather than the whole medium, or on a medium that does not reliably take the overwrite in place: the data may remain where the residual risks below say.',
  },
  purge: {
    ja: '物理的または論理的な手法により、最先端の研究所レベルの手法でも対象データの復元を実行不可能にする。',
    en: 'Physical or logical techniques that render target data recovery infeasible using state-of-the-art laboratory techniques.',
  },
};

const FLASH_OVERWRITE_RISK: Bilingual = {
  ja: 'フラッシュメモリでは、ホストからの上書きは以前のデータをすべてサニタイズできない（NIST SP 800-88 Rev. 2）。書き込みは別のセルに振り替えられ、置き換えられたセル・予備領域（オーバープロビジョニング）・不良ブロックに元のデータが残りうる。',
  en: 'On flash memory, host overwrite cannot sanitize all previous data (NIST SP 800-88 Rev. 2): writes are redirected to other cells, and the original data may remain in remapped cells, over-provisioned space and retired blocks.',
};

const VIRTUAL_RISK: Bilingual = {
  ja: '仮想ディスク・ループデバイス・ディスクイメージでは、実際にデータを保持するのは背後のファイルやホストの記憶装置であり、その媒体の種類・スナップショット・コピーにデータが残りうる。',
  en: 'On a virtual disk, loop device or disk image the data is really held by the backing file or the host’s storage; its medium, snapshots and copies may keep the data.',
};

const UNKNOWN_DEVICE_RISK: Bilingual = {
  ja: '媒体の種類（回転式ディスクかフラッシュか）が確認できないため、上書きが元の記憶場所に届いたとは言えない。',
  en: 'The kind of medium (spinning disk or flash) could not be established, so it cannot be said that the overwrite reached the data’s original locations.',
};

const UNKNOWN_FILE_SYSTEM_RISK: Bilingual = {
  ja: 'ファイルシステムが確認できないため、ファイルのデータがその場で上書きされたとは言えない。コピー・ジャーナル・スナップショットに残りうる。',
  en: 'The file system could not be established, so it cannot be said that the file data was overwritten in place; copies, a journal or snapshots may keep it.',
};

interface FileSystemProfile {
  /** True only for file systems known to overwrite a file's existing data blocks where they are. */
  readonly writesInPlace: boolean;
  readonly label: string;
  readonly risks: readonly Bilingual[];
}

const EXT_NAMES_RISK: Bilingual = {
  ja: 'ext2/3/4：ファイル名は解放されたディレクトリブロックに、ext3/4 ではジャーナルに写されたディレクトリブロックやiノードにも残りうる。ごく小さいファイルは inline_data によりiノード内に保存されることがある。',
  en: 'ext2/3/4: file names may remain in freed directory blocks and, on ext3/4, in directory blocks and inodes copied to the journal; very small files may be stored inside the inode (inline_data).',
};

const DATA_JOURNAL_RISK: Bilingual = {
  ja: 'ext3/4 の data=journal：ファイルの内容はまずジャーナルに書かれるため、消去前の内容と上書きの両方がジャーナルに残りうる。上書きはその場で行われたと言えない。',
  en: 'ext3/4 with data=journal: file content is written to the journal first, so content from before the erasure may remain in the journal; the overwrite cannot be said to have happened in place.',
};

const COPY_ON_WRITE_RISK = (name: string, snapshots: Bilingual): Bilingual => ({
  ja: `${name}：コピーオンライト方式のため、上書きは新しいブロックに書かれ、元のデータを持つブロックは再利用されるまで残る。${snapshots.ja}があれば元の内容がそのまま残る。`,
  en: `${name}: copy-on-write, so the overwrite goes to new blocks and the blocks holding the original data remain until reused; ${snapshots.en} keep the original content whole.`,
});

const LOG_STRUCTURED_RISK = (name: string): Bilingual => ({
  ja: `${name}：ログ構造のため、上書きはログの末尾に追記され、元のデータはガベージコレクションまで残る。`,
  en: `${name}: log-structured, so the overwrite is appended to the log and the original data remains until garbage collection.`,
});

const FAT_RISK: Bilingual = {
  ja: 'FAT/exFAT：削除したファイルのディレクトリエントリは削除済みの印（FAT は先頭1バイトの書き換え、exFAT は使用中ビットのクリア）が付くだけで、名前（長いファイル名のエントリを含む）・サイズ・開始クラスタが残りうる。',
  en: 'FAT/exFAT: a deleted file’s directory entry is only marked deleted (FAT changes its first byte, exFAT clears its in-use bit); its name (long-file-name entries included), size and first cluster may remain.',
};

const NTFS_RISK: Bilingual = {
  ja: 'NTFS：おおむね 700 バイト未満の小さいファイルは内容がMFTレコード内に置かれ、MFTレコード・$LogFile・USNジャーナルに名前や内容の写しが残りうる。ボリュームシャドウコピー（システムの復元、バックアップ）があれば上書き前のブロックが保存される。',
  en: 'NTFS: small files (under about 700 bytes) keep their content inside the MFT record, and copies of names or content may remain in MFT records, $LogFile and the USN journal; a Volume Shadow Copy (System Restore, backups) preserves blocks from before the overwrite.',
};

const XFS_RISK: Bilingual = {
  ja: 'XFS：ファイル名は解放されたディレクトリブロックとメタデータのログに残りうる。reflink で共有されたデータは上書き時に新しいブロックへ書かれる。',
  en: 'XFS: file names may remain in freed directory blocks and the metadata log; data shared by reflink is written to new blocks when overwritten.',
};

const HFS_RISK: Bilingual = {
  ja: 'HFS+：ファイル名はカタログB-treeの解放されたノードとジャーナルに残りうる。',
  en: 'HFS+: file names may remain in freed nodes of the catalog B-tree and in the journal.',
};

const FILE_SYSTEMS: Readonly<Record<string, FileSystemProfile>> = {
  ext2: { writesInPlace: true, label: 'ext2', risks: [EXT_NAMES_RISK] },
  ext3: { writesInPlace: true, label: 'ext3', risks: [EXT_NAMES_RISK] },
  ext4: { writesInPlace: true, label: 'ext4', risks: [EXT_NAMES_RISK] },
  xfs: { writesInPlace: true, label: 'XFS', risks: [XFS_RISK] },
  ntfs: { writesInPlace: true, label: 'NTFS', risks: [NTFS_RISK] },
  hfs: { writesInPlace: true, label: 'HFS+', risks: [HFS_RISK] },
  vfat: { writesInPlace: true, label: 'FAT', risks: [FAT_RISK] },
  exfat: { writesInPlace: true, label: 'exFAT', risks: [FAT_RISK] },
  btrfs: {
    writesInPlace: false,
    label: 'Btrfs',
    risks: [COPY_ON_WRITE_RISK('Btrfs', { ja: 'スナップショット（snapper、Timeshift 等）', en: 'snapshots (snapper, Timeshift)' })],
  },
  zfs: { writesInPlace: false, label: 'ZFS', risks: [COPY_ON_WRITE_RISK('ZFS', { ja: 'スナップショット', en: 'snapshots' })] },
  apfs: {
    writesInPlace: false,
    label: 'APFS',
    risks: [
      COPY_ON_WRITE_RISK('APFS', {
        ja: 'スナップショット（Time Machine のローカルスナップショット等）',
        en: 'snapshots (Time Machine local snapshots among them)',
      }),
    ],
  },
  refs: {
    writesInPlace: false,
    label: 'ReFS',
    risks: [COPY_ON_WRITE_RISK('ReFS', { ja: 'ボリュームシャドウコピー', en: 'Volume Shadow Copies' })],
  },
  bcachefs: {
    writesInPlace: false,
    label: 'bcachefs',
    risks: [COPY_ON_WRITE_RISK('bcachefs', { ja: 'スナップショット', en: 'snapshots' })],
  },
  f2fs: { writesInPlace: false, label: 'F2FS', risks: [LOG_STRUCTURED_RISK('F2FS')] },
  nilfs2: { writesInPlace: false, label: 'NILFS2', risks: [LOG_STRUCTURED_RISK('NILFS2')] },
};

function hasDataJournal(volume: VolumeFacts): boolean {
  return volume.mountOptions.includes('data=journal');
}

/** Make and model when the OS gave a model (a vendor alone may be a PCI id such as 0x1af4), else the device path. */
function deviceName(device: DeviceFacts): string {
  return device.model ? [device.vendor, device.model].filter(Boolean).join(' ') : device.path;
}

/** Why the device does not let a host overwrite reach the data's own sectors; null when it is a known spinning disk. */
function deviceShortfall(device: DeviceFacts | null): { reason: Bilingual; risk: Bilingual } | null {
  if (!device) {
    return {
      reason: { ja: '対象の下にあるデバイスを特定できなかった。', en: 'The device under the target could not be identified.' },
      risk: UNKNOWN_DEVICE_RISK,
    };
  }
  const name = deviceName(device);
  if (device.transport === 'virtual' || device.backingFile) {
    const behind = device.backingFile ? `（背後のファイル ${device.backingFile}）` : '';
    const behindEn = device.backingFile ? ` (backing file ${device.backingFile})` : '';
    return {
      reason: {
        ja: `${name} は仮想デバイス${behind}であり、物理媒体の種類が確認できない。`,
        en: `${name} is a virtual device${behindEn}; the physical medium under it is not known.`,
      },
      risk: VIRTUAL_RISK,
    };
  }
  if (device.transport === 'sd' || device.transport === 'mmc') {
    return {
      reason: { ja: `${name} はSDカード／eMMC（フラッシュメモリ）である。`, en: `${name} is an SD card or eMMC (flash memory).` },
      risk: FLASH_OVERWRITE_RISK,
    };
  }
  if (device.transport === 'usb') {
    // USB bridges commonly report flash sticks as rotational, so "rotational" over USB proves nothing.
    return {
      reason: {
        ja: `${name} はUSB接続であり、USBブリッジはフラッシュメモリも回転式と報告することが多いため、回転式ディスクであることを確認できない。`,
        en: `${name} is attached over USB, and USB bridges often report flash memory as rotational, so a spinning disk cannot be confirmed.`,
      },
      risk: FLASH_OVERWRITE_RISK,
    };
  }
  if (device.transport === 'nvme' || device.rotational === false) {
    return {
      reason: { ja: `${name} はSSD／フラッシュメモリである。`, en: `${name} is an SSD or other flash memory.` },
      risk: FLASH_OVERWRITE_RISK,
    };
  }
  if (device.rotational !== true) {
    return {
      reason: {
        ja: `${name} が回転式ディスクかフラッシュメモリかをOSが報告しなかった。`,
        en: `The OS did not report whether ${name} is a spinning disk or flash memory.`,
      },
      risk: UNKNOWN_DEVICE_RISK,
    };
  }
  return null;
}

/** Why the file system does not let a file overwrite land on the data's own blocks; null when it writes in place. */
function fileSystemShortfall(volume: VolumeFacts | null, profile: FileSystemProfile | null): Bilingual | null {
  if (!volume || !volume.fileSystem) {
    return { ja: '対象のファイルシステムを特定できなかった。', en: 'The file system of the target could not be identified.' };
  }
  if (!profile) {
    return {
      ja: `ファイルシステム ${volume.fileSystem} がファイルのデータをその場で上書きすることは確認されていない。`,
      en: `The file system ${volume.fileSystem} is not known to overwrite file data in place.`,
    };
  }
  if (hasDataJournal(volume)) {
    return {
      ja: `${profile.label} が data=journal でマウントされており、ファイルの内容がジャーナルにも書かれる。`,
      en: `${profile.label} is mounted with data=journal, so file content is also written to the journal.`,
    };
  }
  if (!profile.writesInPlace) {
    return {
      ja: `${profile.label} はコピーオンライト／ログ構造のファイルシステムであり、上書きは元のブロックに書かれない。`,
      en: `${profile.label} is a copy-on-write or log-structured file system: the overwrite does not land on the original blocks.`,
    };
  }
  return null;
}

function problemsAsReasons(problems: readonly string[]): Bilingual[] {
  return problems.map((problem) => ({ ja: `読み取れなかった情報：${problem}`, en: `Could not be read: ${problem}` }));
}

const SELECTED_FILES_RISK: Bilingual = {
  ja: '選んだファイルだけを消去したため、媒体の他の場所（以前のコピー、一時ファイル、空き領域、スワップ）にある同じデータは対象外である。',
  en: 'Only the chosen files were erased: the same data elsewhere on the medium (earlier copies, temporary files, free space, swap) is outside this erasure.',
};

/**
 * The grade of overwriting files through the file system on this medium. Clear only when the
 * device is known rotational (not virtual, USB, SD or eMMC) and the file system is known to
 * write file data in place; partial otherwise, with every reason that applies.
 */
export function gradeFileOverwrite(medium: Medium): GradeResult<'clear' | 'partial'> {
  const family = fileSystemFamily(medium.volume?.fileSystem);
  const profile = family ? (FILE_SYSTEMS[family] ?? null) : null;
  const device = deviceShortfall(medium.device);
  const fileSystem = fileSystemShortfall(medium.volume, profile);

  const residualRisks: Bilingual[] = [];
  if (device) residualRisks.push(device.risk);
  if (!medium.volume?.fileSystem || !profile) residualRisks.push(UNKNOWN_FILE_SYSTEM_RISK);
  if (medium.volume && profile && hasDataJournal(medium.volume)) residualRisks.push(DATA_JOURNAL_RISK);
  if (profile) residualRisks.push(...profile.risks);
  residualRisks.push(SELECTED_FILES_RISK);

  if (device || fileSystem || medium.problems.length > 0 || !medium.device || !profile) {
    return {
      grade: 'partial',
      reasons: [...(device ? [device.reason] : []), ...(fileSystem ? [fileSystem] : []), ...problemsAsReasons(medium.problems)],
      residualRisks,
    };
  }
  const name = deviceName(medium.device);
  return {
    grade: 'clear',
    reasons: [
      {
        ja: `回転式ディスク ${name} 上の ${profile.label}（ファイルのデータをその場で上書きする）で、消去したファイルの記憶場所を上書きした。Clear は消去したファイルの記憶場所についてであり、媒体全体ではない。`,
        en: `The erased files’ locations were overwritten on the spinning disk ${name} with ${profile.label}, which overwrites file data in place. Clear applies to the erased files’ locations, not to the whole medium.`,
      },
    ],
    residualRisks,
  };
}

/**
 * Cryptographic erase (the vault's keys destroyed): Purge only when its preconditions hold —
 * the data was never stored in plaintext, the keys were strong and every copy of them (and of
 * the encrypted data folder under another protection) is gone; `unmet` names those that do not.
 */
export function gradeCryptoErase(preconditionsHold: boolean, unmet: readonly Bilingual[] = []): GradeResult<'purge' | 'partial'> {
  if (preconditionsHold && unmet.length === 0) {
    return {
      grade: 'purge',
      reasons: [
        {
          ja: '暗号鍵を破棄した（暗号化消去）。平文で保存されたことがなく、鍵とデータフォルダの写しが他にないという前提条件が満たされている。',
          en: 'The encryption keys were destroyed (cryptographic erase), with its preconditions met: the data was never stored in plaintext, and no other copy of the keys or of the data folder exists.',
        },
      ],
      residualRisks: [
        {
          ja: '暗号文は媒体に残る。将来その暗号方式が破られた場合の保護は鍵の強度に依存する。',
          en: 'The ciphertext stays on the medium; its protection rests on the strength of the keys.',
        },
      ],
    };
  }
  return {
    grade: 'partial',
    reasons: [
      {
        ja: '暗号化消去の前提条件が満たされていることを確認できない。',
        en: 'The preconditions of cryptographic erase could not be confirmed.',
      },
      ...unmet,
    ],
    residualRisks: [
      {
        ja: '消去前に作られたデータフォルダの写し（Time Machine、ファイル履歴、シャドウコピー、移動プロファイル、バックアップ）は、同じパスワードで開けて内容を取り出せる。',
        en: 'A copy of the data folder made before the erasure (Time Machine, File History, shadow copies, a roaming profile, a backup) still opens with the same password and gives the data back.',
      },
    ],
  };
}

/**
 * The device's own sanitize as its interface defines it: crypto erase and block erase (NVMe
 * Sanitize or Format with crypto erase, ATA/SCSI Sanitize), the device's sanitize overwrite,
 * ATA Security Erase Unit; and `host-overwrite`, FieldGuard writing every addressable sector.
 */
export type DeviceSanitizeTechnique = 'crypto-erase' | 'block-erase' | 'device-overwrite' | 'ata-security-erase' | 'host-overwrite';

export interface DeviceSanitizeOutcome {
  readonly technique: DeviceSanitizeTechnique;
  /** The device (or FieldGuard) reported the operation finished without error. */
  readonly completed: boolean;
  /** The result was checked afterwards (sanitize log status, a read-back of every sector or of a sample). */
  readonly verified: boolean;
  /** For host-overwrite: every addressable sector was written (none skipped or failed). */
  readonly everySectorWritten?: boolean;
  readonly device: DeviceFacts;
}

const DEVICE_OVERWRITE_FLASH_RISK: Bilingual = {
  ja: 'フラッシュメモリまたは種類不明の媒体では、デバイス自身の上書きが退避済みのブロックや予備領域に届くとは限らない。フラッシュメモリの Purge はデバイス自身の暗号化消去またはブロック消去による。',
  en: 'On flash memory or an unknown medium, the device’s own overwrite may not reach retired blocks and over-provisioned space; Purge on flash is the device’s own crypto erase or block erase.',
};

const NOT_DONE_RISK: Bilingual = {
  ja: '操作が完了または検証されていないため、媒体のどこにデータが残っているかは分からない。',
  en: 'The operation was not completed or not verified, so where the data remains on the medium is not known.',
};

/**
 * Whole-device sanitization: Purge for the device's own crypto or block erase, completed and
 * verified (and its sanitize overwrite or ATA Security Erase on a known spinning disk); Clear for
 * overwriting every addressable sector from the host and reading it back, on a spinning disk or
 * on flash alike (on flash it is still Clear, never Purge); partial when anything was not done.
 */
export function gradeDeviceSanitize(outcome: DeviceSanitizeOutcome): GradeResult {
  const name = deviceName(outcome.device);
  if (!outcome.completed || !outcome.verified || (outcome.technique === 'host-overwrite' && outcome.everySectorWritten !== true)) {
    const what = !outcome.completed
      ? { ja: '完了しなかった', en: 'did not complete' }
      : !outcome.verified
        ? { ja: '検証されなかった', en: 'was not verified' }
        : { ja: '一部のセクタに書き込めなかった', en: 'did not write every addressable sector' };
    return {
      grade: 'partial',
      reasons: [{ ja: `${name} の消去は${what.ja}。`, en: `The erasure of ${name} ${what.en}.` }],
      residualRisks: [NOT_DONE_RISK],
    };
  }
  const flashRisks = outcome.device.rotational === true && outcome.device.transport !== 'usb' ? [] : [FLASH_OVERWRITE_RISK];
  switch (outcome.technique) {
    case 'crypto-erase':
    case 'block-erase':
      return {
        grade: 'purge',
        reasons: [
          {
            ja: `${name} 自身のサニタイズ（${outcome.technique === 'crypto-erase' ? '暗号化消去' : 'ブロック消去'}）が完了し、検証された。`,
            en: `${name}'s own sanitize (${outcome.technique === 'crypto-erase' ? 'crypto erase' : 'block erase'}) completed and was verified.`,
          },
        ],
        residualRisks: [
          {
            ja: 'デバイス自身の実装に依存する。製造元の実装が仕様どおりであることを前提とする。',
            en: 'Relies on the device’s own implementation being as its specification says.',
          },
        ],
      };
    case 'device-overwrite':
    case 'ata-security-erase': {
      const label =
        outcome.technique === 'device-overwrite'
          ? { ja: 'サニタイズの上書き', en: 'sanitize overwrite' }
          : { ja: 'ATA Security Erase', en: 'ATA Security Erase' };
      const spinning = flashRisks.length === 0;
      return {
        grade: spinning ? 'purge' : 'clear',
        reasons: [
          {
            ja: `${name} 自身の${label.ja}が完了し、検証された${spinning ? '（回転式ディスク）' : '。フラッシュメモリまたは種類不明の媒体では Clear とする'}。`,
            en: `${name}'s own ${label.en} completed and was verified${spinning ? ' (spinning disk)' : '; on flash or an unknown medium it counts as Clear'}.`,
          },
        ],
        residualRisks: spinning ? [] : [DEVICE_OVERWRITE_FLASH_RISK],
      };
    }
    case 'host-overwrite':
      return {
        grade: 'clear',
        reasons: [
          {
            ja: `${name} の利用者がアクセスできるすべてのセクタを上書きし、すべて読み戻して確認した。`,
            en: `Every user-addressable sector of ${name} was overwritten and read back to verify.`,
          },
        ],
        residualRisks: flashRisks,
      };
  }
}
