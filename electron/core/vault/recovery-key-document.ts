/**
 * The text file the setup wizard saves the recovery key into: the key, what it is for, and
 * how to keep it — in Japanese, then English. It is the only copy FieldGuard ever writes.
 */
import { formatDateTime } from '../../shared/format-date';

export function recoveryKeyDocument(recoveryKeyText: string, engineer: { name: string; employeeId: string }, createdAt: Date): string {
  const iso = createdAt.toISOString();
  return [
    'フィールドガード 保管庫 回復キー / FieldGuard vault recovery key',
    '',
    `回復キー / Recovery key:  ${recoveryKeyText}`,
    '',
    `作成者 / Engineer: ${engineer.name} (${engineer.employeeId})`,
    `作成日時 / Created: ${formatDateTime(iso, 'ja')}`,
    '',
    'この回復キーは、パスワードを忘れたとき、パスワードを 10 回続けて間違えたとき、',
    'または別のノートPC・再インストールした OS で保管庫を開くときに必要です。',
    'ノートPCとは別の、鍵のかかる場所に保管してください。このファイルをノートPCに残さないでください。',
    '',
    'You need this key if you forget the password, after 10 wrong passwords in a row, or to open',
    'the vault on another laptop or a reinstalled OS. Keep it locked away, apart from the laptop;',
    'do not leave this file on the laptop.',
    '',
  ].join('\r\n');
}
