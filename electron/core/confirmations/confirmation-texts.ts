/**
 * The words of the main process's own confirmation boxes (confirm-in-main.ts), in Japanese and
 * English: the box follows the app's language, and says what will happen and to what in plain
 * terms, because it is the one thing a compromised renderer cannot draw or answer.
 */
import type { Language } from '../../shared/locale';

export const confirmationTexts = {
  ja: {
    unknown: '不明',
    cancel: 'キャンセル',
    erase: {
      title: 'FieldGuard — 消去の確認',
      message: '次の{{files}}件のファイルを消去します。元に戻せません。',
      volume:
        '媒体: {{label}}（{{mount}}）\nメーカー・型番: {{model}}\nシリアル番号: {{serial}}\n媒体上のすべてのファイルと空き領域を上書きします。',
      paths: 'ファイル・フォルダー:',
      vault: '保管庫のファイル{{items}}件を暗号消去（鍵を破棄）: {{collections}}',
      more: 'ほか{{count}}件',
      confirm: '消去する',
    },
    eraseItems: {
      title: 'FieldGuard — 暗号消去の確認',
      message: '保管庫のファイル{{items}}件を暗号消去します。鍵が破棄され、元に戻せません。',
      collection: '{{collection}}: {{items}}件',
      confirm: '暗号消去する',
    },
    account: {
      detail: 'アカウント: {{userName}}\nシステム: {{product}}（{{hostName}}）\n施設: {{site}}',
      revealTitle: 'FieldGuard — パスワードの表示',
      revealMessage: 'この保守アカウントのパスワードを画面に表示します。',
      revealConfirm: '表示する',
      copyTitle: 'FieldGuard — パスワードのコピー',
      copyMessage: 'この保守アカウントのパスワードをクリップボードにコピーします（{{seconds}}秒後に消去）。',
      copyConfirm: 'コピーする',
      saveTitle: 'FieldGuard — 保守アカウントの保存',
      saveNewMessage: 'この保守アカウントを保管庫に追加します。',
      saveMessage: 'この保守アカウントの記録を変更します。',
      saveSecret: 'パスワードも保存します（以前のパスワードは置き換えられます）。',
      saveConfirm: '保存する',
      removeTitle: 'FieldGuard — 保守アカウントの削除',
      removeMessage: 'この保守アカウントと、保管庫にあるそのパスワードを削除します。元に戻せません。',
      removeConfirm: '削除する',
      reviewTitle: 'FieldGuard — アカウント棚卸しの記録',
      reviewMessage: '棚卸しを記録し、保守アカウント{{disable}}件を無効化、{{remove}}件を削除します。削除したパスワードは元に戻せません。',
      reviewDisable: '無効化:',
      reviewRemove: '削除:',
      reviewLine: '{{userName}} — {{product}}（{{hostName}}）、{{site}}',
      reviewConfirm: '記録して実行',
    },
    eraseDevice: {
      title: 'FieldGuard — 媒体全体の消去の確認',
      message: '次の媒体全体を消去します。すべてのパーティションとファイルが失われ、元に戻せません。',
      detail: 'デバイス: {{path}}\nメーカー・型番: {{model}}\nシリアル番号: {{serial}}\n容量: {{size}}',
      confirm: '媒体全体を消去する',
    },
    resume: {
      title: 'FieldGuard — 中断された消去の再開',
      message: '中断された消去を再開し、残りの{{remaining}}件を消去します。元に戻せません。',
      startedAt: '開始日時: {{startedAt}}',
      confirm: '再開する',
    },
    archive: {
      title: 'FieldGuard — 会社の保管先の設定',
      message: '証明書・報告書の保管先を次にします。以後「会社へ保管」で、署名済みの文書がここへ送られます。',
      destination: '送り先: {{endpoint}}\nバケット: {{bucket}}\nパス: {{prefix}}\nリージョン: {{region}}',
      previous: 'これまでの送り先: {{endpoint}}（バケット {{bucket}}、パス {{prefix}}）',
      confirm: '保管先にする',
    },
  },
  en: {
    unknown: 'unknown',
    cancel: 'Cancel',
    erase: {
      title: 'FieldGuard — Confirm erasure',
      message: 'Erase the {{files}} files below? This cannot be undone.',
      volume:
        'Medium: {{label}} ({{mount}})\nMake and model: {{model}}\nSerial number: {{serial}}\nEvery file on the medium and its free space are overwritten.',
      paths: 'Files and folders:',
      vault: '{{items}} files in the vault, crypto-erased (keys destroyed): {{collections}}',
      more: 'and {{count}} more',
      confirm: 'Erase',
    },
    eraseItems: {
      title: 'FieldGuard — Confirm crypto-erase',
      message: 'Crypto-erase {{items}} files in the vault? Their keys are destroyed; this cannot be undone.',
      collection: '{{collection}}: {{items}} files',
      confirm: 'Crypto-erase',
    },
    account: {
      detail: 'Account: {{userName}}\nSystem: {{product}} ({{hostName}})\nSite: {{site}}',
      revealTitle: 'FieldGuard — Show password',
      revealMessage: "Show this maintenance account's password on screen?",
      revealConfirm: 'Show',
      copyTitle: 'FieldGuard — Copy password',
      copyMessage: "Copy this maintenance account's password to the clipboard? It is cleared after {{seconds}} seconds.",
      copyConfirm: 'Copy',
      saveTitle: 'FieldGuard — Save maintenance account',
      saveNewMessage: 'Add this maintenance account to the vault?',
      saveMessage: "Change this maintenance account's record?",
      saveSecret: ' Its password is saved too (replacing the previous one).',
      saveConfirm: 'Save',
      removeTitle: 'FieldGuard — Remove maintenance account',
      removeMessage: 'Remove this maintenance account and its password from the vault? This cannot be undone.',
      removeConfirm: 'Remove',
      reviewTitle: 'FieldGuard — Record the account review',
      reviewMessage:
        'Record the review, disable {{disable}} maintenance accounts and remove {{remove}}? Removed passwords cannot be restored.',
      reviewDisable: 'Disable:',
      reviewRemove: 'Remove:',
      reviewLine: '{{userName}} — {{product}} ({{hostName}}), {{site}}',
      reviewConfirm: 'Record and apply',
    },
    eraseDevice: {
      title: 'FieldGuard — Confirm erasing a whole device',
      message: 'Erase the whole device below? Every partition and file on it is lost. This cannot be undone.',
      detail: 'Device: {{path}}\nMaker and model: {{model}}\nSerial number: {{serial}}\nSize: {{size}}',
      confirm: 'Erase the whole device',
    },
    resume: {
      title: 'FieldGuard — Resume interrupted erasure',
      message: 'Resume the interrupted erasure and erase the {{remaining}} items left? This cannot be undone.',
      startedAt: 'Started: {{startedAt}}',
      confirm: 'Resume',
    },
    archive: {
      title: 'FieldGuard — Company archive destination',
      message:
        'Make this the destination of your certificates and reports? From now on, "Archive to the company" sends signed documents here.',
      destination: 'Endpoint: {{endpoint}}\nBucket: {{bucket}}\nPath: {{prefix}}\nRegion: {{region}}',
      previous: 'Until now: {{endpoint}} (bucket {{bucket}}, path {{prefix}})',
      confirm: 'Use this destination',
    },
  },
} as const satisfies Record<Language, unknown>;
