/**
 * The ledger's words in both languages, for what the main process writes itself — the signed
 * inventory and ledger reports, the CSV export, the CLI — so a status reads the same in each.
 */
import type { Language } from './locale';
import type { DisposalMethod, EncryptionState, MediumStatus, MediumType, ReturnState } from './ledger';

type Names<K extends string> = Readonly<Record<Language, Readonly<Record<K, string>>>>;

export const mediumTypeNames: Names<MediumType> = {
  ja: {
    laptop: 'ノートPC',
    'usb-memory': 'USBメモリ',
    'external-hdd': '外付けHDD',
    'external-ssd': '外付けSSD',
    'sd-card': 'SDカード',
    'optical-disc': '光ディスク',
    other: 'その他',
  },
  en: {
    laptop: 'Laptop',
    'usb-memory': 'USB memory',
    'external-hdd': 'External HDD',
    'external-ssd': 'External SSD',
    'sd-card': 'SD card',
    'optical-disc': 'Optical disc',
    other: 'Other',
  },
};

export const mediumStatusNames: Names<MediumStatus> = {
  ja: {
    'in-store': '保管中',
    'checked-out': '持ち出し中',
    'at-site': '施設に設置中',
    lost: '紛失',
    erased: '消去済み',
    disposed: '廃棄済み',
  },
  en: {
    'in-store': 'In store',
    'checked-out': 'Checked out',
    'at-site': 'At a site',
    lost: 'Lost',
    erased: 'Erased',
    disposed: 'Disposed',
  },
};

export const encryptionNames: Names<EncryptionState> = {
  ja: { hardware: '暗号化（ハードウェア）', software: '暗号化（ソフトウェア）', none: '暗号化なし', unknown: '不明' },
  en: { hardware: 'Encrypted (hardware)', software: 'Encrypted (software)', none: 'Not encrypted', unknown: 'Unknown' },
};

export const returnStateNames: Names<ReturnState> = {
  ja: { good: '異常なし', damaged: '破損あり', 'holds-data': '医療情報が残存（要消去）' },
  en: { good: 'Good', damaged: 'Damaged', 'holds-data': 'Still holds medical data (erase)' },
};

export const disposalMethodNames: Names<DisposalMethod> = {
  ja: {
    'physical-destruction': '物理破壊',
    degaussing: '磁気消去',
    'disposal-contractor': '廃棄業者に委託',
    'returned-to-lessor': 'リース会社へ返却',
    other: 'その他',
  },
  en: {
    'physical-destruction': 'Physical destruction',
    degaussing: 'Degaussing',
    'disposal-contractor': 'Disposal contractor',
    'returned-to-lessor': 'Returned to lessor',
    other: 'Other',
  },
};

/** "保管中 / In store": how the bilingual reports show a status. */
export function bothNames<K extends string>(names: Names<K>, key: K): string {
  return `${names.ja[key]} / ${names.en[key]}`;
}
