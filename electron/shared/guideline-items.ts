/**
 * The guideline items FieldGuard serves, in one place: the vendor's Security Hardening
 * Guideline, written after the MHLW 「医療情報システムの安全管理に関するガイドライン 第6.0版
 * システム運用編」, numbers its requirements by the ministry's items (7-1, 10-1, E.3 b …).
 * For each item: its title in Japanese and English, what FieldGuard does for it, and where
 * (screens, core services, signed reports) — or, for an item that is the site's own duty, why
 * it is out of FieldGuard's reach. Tests name the items they prove in their titles ('[10-1] …');
 * `npm run guideline` joins both into docs/guideline-coverage.md and the About screen shows the
 * same table, so an auditor and the next engineer read one list.
 */
import type { certificateKinds } from './certificates';
import type { Language } from './locale';

export type Bilingual = Readonly<Record<Language, string>>;

/** The guideline's three parts the items belong to, in its order. */
export const guidelineParts = ['operation', 'accounts', 'endOfUse'] as const;
export type GuidelinePart = (typeof guidelineParts)[number];

export const guidelinePartTitles: Readonly<Record<GuidelinePart, Bilingual>> = {
  operation: { ja: 'セキュアな運用', en: 'Secure operation' },
  accounts: { ja: 'アカウント管理', en: 'Accounts' },
  endOfUse: { ja: 'セキュアな使用停止', en: 'Secure end of use' },
};

/** A screen of the app by its route below `#/` (renderer/src/app/screens.tsx); its name is the navigation label. */
export type GuidelineScreen =
  'self-check' | 'sites' | 'visits' | 'vault' | 'erasure' | 'sanitize' | 'certificates' | 'ledger' | 'audit' | 'settings';

/** The i18n key of a screen's navigation label: the route 'self-check' is `nav.selfCheck`. */
export function screenLabelKey(screen: GuidelineScreen): string {
  return `nav.${screen.replace(/-([a-z])/g, (_match, letter: string) => letter.toUpperCase())}`;
}

export interface GuidelineItem {
  /** The ministry's item number as the guideline writes it: '7-1', '10-5', 'E.3 b'. Tests cite it as '[7-1]'. */
  readonly id: string;
  readonly part: GuidelinePart;
  readonly title: Bilingual;
  /** What FieldGuard does for the item (or, for the site's own duty, what it records). */
  readonly fieldGuard: Bilingual;
  readonly screens: readonly GuidelineScreen[];
  /** The core modules that do it, relative to the repository (the generator checks they exist). */
  readonly services: readonly string[];
  /** The signed documents that show it, by certificate kind. */
  readonly reports: readonly (typeof certificateKinds)[number][];
  /** Why no FieldGuard test can prove the item; null when tests prove it. */
  readonly outOfReach: Bilingual | null;
}

const SITE_DUTY = (what: Bilingual): Bilingual => ({
  ja: `施設（医療機関）の責務であり、FieldGuard の機能では満たせません。${what.ja}`,
  en: `The site's own duty, which no FieldGuard function can fulfil. ${what.en}`,
});

export const guidelineItems: readonly GuidelineItem[] = [
  {
    id: '7-1',
    part: 'operation',
    title: {
      ja: '医療情報及び情報機器の持出しはシステム管理者の許諾を得る',
      en: "Taking medical information or devices out needs the site system administrator's permission",
    },
    fieldGuard: {
      ja: '作業ごとに、誰がいつ何の持出しを許諾したかを署名付きで記録します。台帳の持出しも許諾がなければできません。',
      en: 'Each visit records who at the site granted permission, when and for what, with their signature; a ledger check-out of site data needs the permission too.',
    },
    screens: ['visits', 'ledger'],
    services: ['electron/core/visits/templates/maintenance-visit.ts', 'electron/core/ledger/custody.ts'],
    reports: ['visit', 'ledger'],
    outOfReach: null,
  },
  {
    id: '7-2',
    part: 'operation',
    title: {
      ja: '保守で個人情報を含むデータを持出す場合はシステム管理者の許諾を得る',
      en: 'Taking out data with personal information for maintenance needs the same permission',
    },
    fieldGuard: {
      ja: '持ち出すデータごとに許諾を記録し、許諾の署名がなければ作業のデータを保管庫に取り込めません。',
      en: "The permission is recorded per data set carried; nothing is taken into the visit's vault folder before it is signed.",
    },
    screens: ['visits', 'vault', 'ledger'],
    services: ['electron/core/visits/visit-import-guard.ts', 'electron/core/ledger/custody.ts'],
    reports: ['visit'],
    outOfReach: null,
  },
  {
    id: '7-3',
    part: 'operation',
    title: {
      ja: '持出す情報・機器の暗号化とパスワード設定（盗難・置き忘れ対策）',
      en: 'Carried data and devices encrypted and password-protected against theft or loss',
    },
    fieldGuard: {
      ja: '保管庫はすべてのデータを暗号化して保存し、パスワードと端末の鍵で開きます。セルフチェックがノートPCのディスク暗号化と画面ロックを確かめます。',
      en: "The vault keeps all data encrypted at rest, opened by password and device key; the self-check verifies the laptop's disk encryption and screen lock.",
    },
    screens: ['vault', 'self-check', 'settings'],
    services: [
      'electron/core/vault/file-cipher.ts',
      'electron/core/vault/vault-service.ts',
      'electron/core/self-check/evaluate-self-check.ts',
    ],
    reports: ['self-check'],
    outOfReach: null,
  },
  {
    id: '7-4',
    part: 'operation',
    title: {
      ja: '外部ネットワーク・媒体に接続する持出し機器の不正ソフトウェア対策とパーソナルファイアウォール',
      en: 'Anti-malware and a personal firewall on a carried device connected to outside networks or media',
    },
    fieldGuard: {
      ja: '訪問前のセルフチェックがファイアウォールとウイルス対策を確かめ、合格していなければ作業の開始に理由の記録を求めます。',
      en: 'The pre-visit self-check verifies the firewall and anti-virus; a visit starts past a failed check only with a written reason.',
    },
    screens: ['self-check', 'visits'],
    services: ['electron/core/self-check/evaluate-self-check.ts', 'electron/core/self-check/readiness-gate.ts'],
    reports: ['self-check', 'visit'],
    outOfReach: null,
  },
  {
    id: '7-7',
    part: 'operation',
    title: {
      ja: '可搬媒体・情報機器の台帳管理と定期的な棚卸',
      en: 'A ledger of portable media and devices, check-out by it, and a regular inventory',
    },
    fieldGuard: {
      ja: '媒体管理台帳、持出し・返却、棚卸の予定と期限切れの通知、署名付きの棚卸報告書。',
      en: 'The media ledger, check-out and check-in, the inventory schedule with overdue alerts, and a signed inventory report.',
    },
    screens: ['ledger'],
    services: ['electron/core/ledger/custody.ts', 'electron/core/ledger/inventory.ts', 'electron/core/ledger/ledger-warnings.ts'],
    reports: ['ledger', 'inventory'],
    outOfReach: null,
  },
  {
    id: '7-12',
    part: 'operation',
    title: {
      ja: 'リモートログインは保守に必要な場合に限り、適切に管理された経路のみとする',
      en: 'Remote login only when needed for maintenance, through managed channels',
    },
    fieldGuard: {
      ja: '作業の記録に、リモートアクセスを使ったか、どの経路か、いつ閉じたかを残します。セルフチェックはノートPCで待ち受けているリモートアクセスを知らせます。',
      en: 'The visit records whether remote access was used, through which channel and when it was closed; the self-check reports remote access listening on the laptop.',
    },
    screens: ['visits', 'self-check'],
    services: ['electron/core/visits/templates/maintenance-visit.ts', 'electron/core/self-check/evaluate-self-check.ts'],
    reports: ['visit', 'self-check'],
    outOfReach: null,
  },
  {
    id: '8-1',
    part: 'operation',
    title: {
      ja: '管理されていない媒体や外部から受け取った情報の不正ソフトウェア確認',
      en: 'Check for malware in unmanaged media and data received from outside',
    },
    fieldGuard: {
      ja: '施設のシステムに触れる前に、媒体とファイルをウイルス対策エンジンで検査します。',
      en: "Media and files are scanned with the anti-virus engine before they touch the site's system.",
    },
    screens: ['sanitize', 'visits'],
    services: ['electron/core/sanitize/run-sanitization.ts', 'electron/platform/antivirus/clamav-engine.ts'],
    reports: ['sanitization'],
    outOfReach: null,
  },
  {
    id: '8-2',
    part: 'operation',
    title: { ja: '常時の不正ソフトウェア対策とパターンファイルの更新', en: 'Always-on malware protection with current pattern files' },
    fieldGuard: {
      ja: 'セルフチェックがリアルタイム保護の有効と定義ファイルの古さを確かめます。',
      en: 'The self-check verifies that real-time protection is on and how old the definitions are.',
    },
    screens: ['self-check'],
    services: ['electron/core/self-check/evaluate-self-check.ts'],
    reports: ['self-check'],
    outOfReach: null,
  },
  {
    id: '8-3',
    part: 'operation',
    title: { ja: 'パターンファイルや OS のセキュリティ・パッチの適用', en: 'Apply anti-virus patterns and OS security patches' },
    fieldGuard: {
      ja: 'セルフチェックが OS のセキュリティ更新の日付、OS のバージョンとサポート期限を確かめます。',
      en: "The self-check verifies the date of the OS's last security update, its version and its end of support.",
    },
    screens: ['self-check'],
    services: ['electron/core/self-check/evaluate-self-check.ts', 'electron/core/self-check/os-support.ts'],
    reports: ['self-check'],
    outOfReach: null,
  },
  {
    id: '8-5',
    part: 'operation',
    title: {
      ja: 'サーバのアカウントは出荷時のパスワードから変更し、推定しやすいものを避ける',
      en: 'Server accounts: change vendor default passwords, avoid guessable ones, rotate where needed',
    },
    fieldGuard: {
      ja: '施設のアカウント一覧で出荷時パスワードを見つけて警告し、作業では変更するまで先へ進めません。強いパスワードを生成し、見直しの期日を管理します。',
      en: 'The site account inventory flags vendor-default passwords and a visit cannot pass them; it generates strong passwords and keeps review due dates.',
    },
    screens: ['sites', 'visits'],
    services: [
      'electron/core/sites/account-store.ts',
      'electron/core/sites/password-generator.ts',
      'electron/core/visits/automatic-checks.ts',
    ],
    reports: ['visit'],
    outOfReach: null,
  },
  {
    id: '8-9',
    part: 'operation',
    title: { ja: 'BYOD でも管理された機器と同等の対策を講じる', en: 'BYOD gets the same measures as managed devices' },
    fieldGuard: {
      ja: 'セルフチェックはどのノートPCでも同じ基準で動き、会社所有か個人所有（BYOD）かを記録して報告書に載せます。',
      en: 'The self-check runs on whatever laptop is used, to the same policy, and records (and prints) whose device it is.',
    },
    screens: ['settings', 'self-check'],
    services: ['electron/core/self-check/self-check-policy-store.ts', 'electron/core/self-check/self-check-report.ts'],
    reports: ['self-check'],
    outOfReach: null,
  },
  {
    id: '10-1',
    part: 'operation',
    title: {
      ja: '保守で個人情報を含むデータを使ったら、終了後に確実に消去する',
      en: 'After maintenance work that used personal data, erase it for certain',
    },
    fieldGuard: {
      ja: '読み戻しで検証する消去と、署名付きのデータ消去証明書。作業は、持ち込んだデータが消去されるまで完了できません。',
      en: 'Erasure verified by reading back, and a signed data-erasure certificate; a visit cannot complete while its data is still held.',
    },
    screens: ['erasure', 'vault', 'visits', 'certificates'],
    services: [
      'electron/core/erasure/erasure-workflow.ts',
      'electron/core/erasure/erasure-certificate.ts',
      'electron/core/visits/held-visit-data.ts',
    ],
    reports: ['erasure', 'visit'],
    outOfReach: null,
  },
  {
    id: '10-3',
    part: 'operation',
    title: {
      ja: '保守要員はサーバに保守要員専用のアカウントでアクセスする',
      en: "Maintenance staff use a dedicated maintenance account on the site's servers",
    },
    fieldGuard: {
      ja: '作業の手順で、そのシステムに登録された専用の保守アカウントの使用とログイン・ログアウトを記録します。',
      en: "The visit records the use of the system's own dedicated maintenance account, with the login and logout.",
    },
    screens: ['visits', 'sites'],
    services: ['electron/core/visits/templates/maintenance-visit.ts', 'electron/core/visits/step-values.ts'],
    reports: ['visit'],
    outOfReach: null,
  },
  {
    id: '10-5',
    part: 'operation',
    title: {
      ja: '事業者が医療機関へ送るファイルは送信側で無害化する',
      en: 'Files the vendor sends to the site are sanitized on the sending side',
    },
    fieldGuard: {
      ja: '無害化の処理と、ファイルと一緒に渡す署名付きの無害化報告書。受け取った側はフォルダーを報告書と照合できます。',
      en: 'The sanitization pipeline and a signed sanitization report that travels with the files; the receiver checks the folder against it.',
    },
    screens: ['sanitize', 'certificates', 'visits'],
    services: [
      'electron/core/sanitize/run-sanitization.ts',
      'electron/core/sanitize/sanitization-report.ts',
      'electron/core/sanitize/check-received-files.ts',
    ],
    reports: ['sanitization'],
    outOfReach: null,
  },
  {
    id: '12-1',
    part: 'operation',
    title: {
      ja: '医療情報システムの保管場所の選定（災害への備え）',
      en: 'Choosing where medical information systems are kept (disaster resilience)',
    },
    fieldGuard: {
      ja: '廃棄の作業では、施設の許諾とともに作業範囲を記録します。',
      en: "The decommissioning records the site's permission with the scope of the work.",
    },
    screens: ['visits'],
    services: ['electron/core/visits/templates/decommissioning.ts'],
    reports: ['visit'],
    outOfReach: SITE_DUTY({
      ja: '場所の選定は施設が企画管理者と決めることで、ノートPCのアプリが確かめられるものではありません。',
      en: 'Where servers stand is decided by the site with its planning manager; a laptop app cannot verify it.',
    }),
  },
  {
    id: '12-2',
    part: 'operation',
    title: { ja: '設置場所の入退管理と不正侵入の防止', en: 'Physical entry control and intrusion prevention where servers stand' },
    fieldGuard: { ja: 'なし。', en: 'Nothing.' },
    screens: [],
    services: [],
    reports: [],
    outOfReach: SITE_DUTY({
      ja: '入退管理や防犯カメラは施設の設備で、FieldGuard からは見えません。',
      en: "Entry control and cameras are the site's building equipment, invisible to FieldGuard.",
    }),
  },
  {
    id: '12-3',
    part: 'operation',
    title: { ja: '個人情報を保管する重要な情報機器の盗難防止', en: 'Theft prevention for important devices holding personal data' },
    fieldGuard: {
      ja: '台帳がノートPCと媒体を誰が持っているかを記録し、紛失は監査される操作として記録します。',
      en: 'The ledger records who holds the laptop and each medium; a loss is its own audited step.',
    },
    screens: ['ledger'],
    services: ['electron/core/ledger/custody.ts', 'electron/core/ledger/item-transitions.ts'],
    reports: ['ledger'],
    outOfReach: null,
  },
  {
    id: '12-5',
    part: 'operation',
    title: { ja: '記録媒体が劣化する前に新たな媒体へ複写する', en: 'Copy data to new media before the old media degrades' },
    fieldGuard: {
      ja: '台帳が媒体の保証期限と使用年数を管理し、移行の時期を知らせます。',
      en: 'The ledger tracks media warranty and age and raises a migration reminder.',
    },
    screens: ['ledger'],
    services: ['electron/core/ledger/ledger-warnings.ts'],
    reports: ['ledger'],
    outOfReach: null,
  },
  {
    id: '13-13',
    part: 'operation',
    title: {
      ja: '無線 LAN では ANY 接続拒否・通信の暗号化などの不正利用防止策',
      en: 'Wireless LAN: refuse ANY connections and encrypt traffic',
    },
    fieldGuard: {
      ja: 'セルフチェックが、暗号化されていない Wi-Fi や WEP への接続を不合格にします。',
      en: 'The self-check fails an open or WEP Wi-Fi connection.',
    },
    screens: ['self-check'],
    services: ['electron/core/self-check/evaluate-self-check.ts'],
    reports: ['self-check'],
    outOfReach: null,
  },
  {
    id: '18-1',
    part: 'operation',
    title: {
      ja: 'インシデント対応（外部ネットワークの切断・隔離・業務システムの停止・バックアップからの復元）',
      en: 'Incident response: disconnect, isolate, stop to survey the damage, restore from backup',
    },
    fieldGuard: {
      ja: 'インシデント対応の手順を時刻・実施者・証跡とともに記録し、署名付きの報告書にします。作業中の媒体の紛失はインシデント対応を始めます。',
      en: 'The incident-response procedure, with times, who acted and evidence, ends in a signed report; a medium lost during a visit starts one.',
    },
    screens: ['visits', 'ledger'],
    services: ['electron/core/visits/templates/incident-response.ts', 'electron/core/visits/incident-for-lost-medium.ts'],
    reports: ['visit'],
    outOfReach: null,
  },
  {
    id: '14-2',
    part: 'accounts',
    title: { ja: 'ID とパスワードを本人しか知り得ない状態に保つ', en: 'IDs and passwords kept known only to their owner' },
    fieldGuard: {
      ja: '施設のパスワードは保管庫に暗号化して保存し、ロック解除なしには表示せず、ログや報告書に載せません。',
      en: 'Site credentials are stored encrypted in the vault, never shown without unlock, and never logged or printed.',
    },
    screens: ['sites', 'audit'],
    services: ['electron/core/sites/account-secrets.ts', 'electron/core/sites/secret-clipboard.ts'],
    reports: [],
    outOfReach: null,
  },
  {
    id: '14-6',
    part: 'accounts',
    title: { ja: '類推されやすいパスワードを使用しない', en: 'No guessable passwords' },
    fieldGuard: {
      ja: '保管庫のパスワードに強度の基準（NIST SP 800-63B）を課し、施設のパスワードは強いものを生成します。',
      en: "A strength policy (NIST SP 800-63B) for the vault password, and strong generated passwords for the sites' accounts.",
    },
    screens: ['settings', 'sites'],
    services: ['electron/core/vault/password-policy.ts', 'electron/core/sites/password-generator.ts'],
    reports: [],
    outOfReach: null,
  },
  {
    id: '14-7',
    part: 'accounts',
    title: { ja: 'ID を定期的に棚卸し、不要なものを削除する', en: 'Review IDs regularly and delete those no longer needed' },
    fieldGuard: {
      ja: '施設ごとのアカウント一覧に見直しの期日を持たせ、見直しでは残す・無効化・削除を一つずつ決めて記録します。',
      en: 'The per-site account inventory carries review dates; a review decides keep, disable or delete for every account and records who decided.',
    },
    screens: ['sites'],
    services: ['electron/core/sites/account-review.ts', 'electron/core/sites/review-schedule.ts'],
    reports: [],
    outOfReach: null,
  },
  {
    id: 'E.3 a',
    part: 'endOfUse',
    title: { ja: '医療機関のネットワークからサーバを隔離する', en: "Isolate the server from the site's network" },
    fieldGuard: {
      ja: '廃棄の手順で、隔離の時刻・実施者・内容を証跡とともに記録します。',
      en: 'The decommissioning records when, by whom and how the server was isolated, with evidence.',
    },
    screens: ['visits'],
    services: ['electron/core/visits/templates/decommissioning.ts'],
    reports: ['visit'],
    outOfReach: null,
  },
  {
    id: 'E.3 b',
    part: 'endOfUse',
    title: {
      ja: 'システムに保存されている患者データ及び設定データを削除する',
      en: 'Delete the patient data and settings stored in the system',
    },
    fieldGuard: {
      ja: 'システムのデータ保存場所をすべて消去し、データ消去証明書で示すまで、廃棄の手順は先へ進めません。',
      en: "Every data location of the system's profile is erased, with a certificate, before the decommissioning goes on.",
    },
    screens: ['visits', 'erasure'],
    services: ['electron/core/visits/automatic-checks.ts', 'electron/core/visits/data-location-match.ts'],
    reports: ['erasure', 'visit'],
    outOfReach: null,
  },
  {
    id: 'E.3 c',
    part: 'endOfUse',
    title: { ja: '保存されているデータの転送・移行・アーカイブ・削除', en: 'Transfer, migrate, archive or delete the stored data' },
    fieldGuard: {
      ja: 'データをどこへ移したか（移行・保管・削除のみ）、ファイル数、合計サイズ、目録の SHA-256、確認者を記録します。',
      en: "The decommissioning records where the data went (migrated, archived, deleted only), file count, total size, the manifest's SHA-256 and who verified it.",
    },
    screens: ['visits'],
    services: ['electron/core/visits/templates/decommissioning.ts', 'electron/core/visits/step-values.ts'],
    reports: ['visit'],
    outOfReach: null,
  },
  {
    id: 'E.3 d',
    part: 'endOfUse',
    title: {
      ja: '専門的な知識を有する者による廃棄と、読み出し可能な医療情報が残っていないことの確認',
      en: 'Disposal by a qualified person, then confirm no readable medical information remains',
    },
    fieldGuard: {
      ja: '廃棄の実施者・資格・方法と「読み取り可能な情報が残っていない」ことの確認を記録し、施設の署名を受けます。',
      en: 'Records who disposed of it, their qualification and method, and the confirmation that nothing readable remains, countersigned by the site.',
    },
    screens: ['visits', 'ledger'],
    services: ['electron/core/visits/templates/decommissioning.ts', 'electron/core/ledger/lifecycle.ts'],
    reports: ['visit', 'ledger'],
    outOfReach: null,
  },
  {
    id: '7-10',
    part: 'endOfUse',
    title: {
      ja: '情報処理機器の破棄は専門的な知識を有する者が行い、破棄後に読み出し可能な情報がないことを確認する',
      en: 'Devices are disposed of by a qualified person, who confirms afterwards that nothing readable remains',
    },
    fieldGuard: {
      ja: '台帳の廃棄は「読み取り可能な情報が残っていない」確認なしには記録できません。媒体全体の消去には証明書を発行します。',
      en: 'A ledger disposal cannot be recorded without the confirmation that nothing readable remains; erasing a whole medium issues a certificate.',
    },
    screens: ['ledger', 'erasure', 'visits'],
    services: ['electron/core/ledger/lifecycle.ts', 'electron/core/erasure/whole-medium'],
    reports: ['ledger', 'erasure'],
    outOfReach: null,
  },
];

/** The item with this id, or undefined for an id the catalogue does not have. */
export function guidelineItem(id: string): GuidelineItem | undefined {
  return guidelineItems.find((item) => item.id === id);
}
