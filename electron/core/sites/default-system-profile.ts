/**
 * The vendor system's standard profile (GUIDELINE.md §5): the ports its server uses and where
 * it keeps data on a standard Windows server. A new system starts from it and the engineer
 * edits it to what the site actually has — a changed DICOM port, the image viewer on or off,
 * the PostgreSQL version, a NAS. Decommissioning (E.3 b) erases what the profile lists, so
 * it names every location, recovery copies included. Texts are Japanese, as the product is.
 */
import type { SiteSystem } from '../../shared/sites';

export type SystemProfile = Pick<SiteSystem, 'ports' | 'dataLocations'>;

const MODALITY = 'ベンダーのモダリティ接続';
const VIEWER = '画像ビューアへのアクセス（任意）';

export function defaultSystemProfile(): SystemProfile {
  return {
    ports: [
      { direction: 'inbound', port: 5432, use: 'データベース接続（PostgreSQL）', enabled: true },
      { direction: 'inbound', port: 104, use: 'DICOM Query/Retrieve（施設により番号の変更あり）', enabled: true },
      { direction: 'inbound', port: 1025, use: MODALITY, enabled: true },
      // The image viewer is optional: off until the engineer confirms the site uses it.
      { direction: 'inbound', port: 80, use: VIEWER, enabled: false },
      { direction: 'inbound', port: 808, use: VIEWER, enabled: false },
      { direction: 'inbound', port: 8080, use: VIEWER, enabled: false },
      { direction: 'outbound', port: 7, use: MODALITY, enabled: true },
      { direction: 'outbound', port: 69, use: MODALITY, enabled: true },
      { direction: 'outbound', port: 1024, use: MODALITY, enabled: true },
    ],
    dataLocations: [
      { path: 'D:\\MainImage', holds: '撮影画像' },
      { path: 'D:\\BackupImage', holds: '撮影画像のバックアップ' },
      { path: 'D:\\RawImage', holds: '再構成前の画像' },
      { path: 'E:\\MainImage', holds: '撮影画像の復旧用コピー（バックアップディスク、終了時に差分コピー）' },
      { path: 'E:\\BackupImage', holds: '撮影画像バックアップの復旧用コピー（バックアップディスク、終了時に差分コピー）' },
      { path: 'E:\\RawImage', holds: '再構成前画像の復旧用コピー（バックアップディスク、終了時に差分コピー）' },
      { path: 'C:\\NEOPREMIUM2\\log', holds: 'システムログ' },
      {
        path: 'C:\\Program Files\\PostgreSQL\\<version>\\data',
        holds: 'ユーザー・患者データベース（PostgreSQL。<version> は導入されている版に置き換え）',
      },
    ],
  };
}
