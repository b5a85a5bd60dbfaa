/**
 * What a crypto-erase certificate says, read as an auditor would: Purge only when every copy
 * check came back "no copy" and the folder is on a local disk; otherwise partial sanitization
 * with the reason (a Time Machine backup, a shadow copy that could not be ruled out, a
 * network folder); the precondition always stated in Japanese and English; never
 * "wherever fragments survive".
 */
import { describe, expect, it } from 'vitest';
import {
  cryptoEraseStatement,
  CRYPTO_ERASE_PRECONDITION,
  unmetPreconditions,
  type CryptoErasePreconditions,
} from '../../electron/core/erasure/crypto-erase-statement';
import type { BackupFinding } from '../../electron/shared/data-folder';

const excluded = (tool: BackupFinding['tool']): BackupFinding => ({
  tool,
  state: 'excluded',
  detail: { ja: `${tool} 除外`, en: `${tool} excluded` },
});

function snapshot(overrides: Partial<CryptoErasePreconditions> = {}): CryptoErasePreconditions {
  return {
    dataDir: '/Users/yamada/Library/Application Support/FieldGuard',
    local: true,
    backups: [excluded('time-machine'), excluded('icloud-drive')],
    observedAt: '2026-12-06T03:00:00.000Z',
    ...overrides,
  };
}

const value = (statement: ReturnType<typeof cryptoEraseStatement>, en: string) => statement.rows.find((row) => row.label.en === en)?.value;

describe('the crypto-erase statement', () => {
  it('is Purge when the folder is local and every check found no copy, and still states the precondition', () => {
    const statement = cryptoEraseStatement(snapshot());
    expect(statement.grade).toBe('purge');
    expect(value(statement, 'Category')).toMatch(/^Purge（除去）（NIST SP 800-88 Rev\. 2（2025年9月）） \/ Purge \(NIST SP 800-88 Rev\. 2/);
    expect(value(statement, 'Precondition')).toBe(`${CRYPTO_ERASE_PRECONDITION.ja} / ${CRYPTO_ERASE_PRECONDITION.en}`);
    expect(value(statement, 'Precondition')).toContain('この暗号消去は、データフォルダーの複製（バックアップ、同期、シャドウコピー');
    expect(value(statement, 'Copy check: Time Machine')).toBe('複製なし。time-machine 除外 / No copy. time-machine excluded');
    expect(value(statement, 'Data folder')).toContain('ローカルディスク / local disk');
    // Shown in JST, as every time on the page.
    expect(value(statement, 'Copies checked at')).toBe('2026/12/06 12:00:00 JST');
    expect(statement.rows.some((row) => row.value.includes('wherever fragments'))).toBe(false);
    // What FieldGuard cannot see stays with the site, on every grade.
    expect(statement.residualRisks.map((r) => r.en).join(' ')).toContain('Copies FieldGuard cannot see');
  });

  it('is partial, with the reason in both languages, when Time Machine includes the folder', () => {
    const statement = cryptoEraseStatement(
      snapshot({
        backups: [
          { tool: 'time-machine', state: 'may-copy', detail: { ja: 'Time Machine の対象です。', en: 'Included in Time Machine.' } },
        ],
      }),
    );
    expect(statement.grade).toBe('partial');
    expect(value(statement, 'Category')).toContain('Partial sanitization');
    const reasons = statement.rows.filter((row) => row.label.en.startsWith('Reason')).map((row) => row.value);
    expect(reasons).toContain(
      'Time Machineにデータフォルダーの複製がありうる：Time Machine の対象です。 / Time Machine may hold a copy of the data folder: Included in Time Machine.',
    );
    expect(
      statement.residualRisks.some(
        (risk) => risk.ja.includes('同じパスワードで開けて') && risk.en.includes('opens with the same password'),
      ),
    ).toBe(true);
  });

  it('is partial when a check could not be made (shadow copies without administrator rights)', () => {
    const statement = cryptoEraseStatement(
      snapshot({
        backups: [
          excluded('roaming-profile'),
          { tool: 'shadow-copies', state: 'unknown', detail: { ja: '管理者権限が必要', en: 'needs administrator rights' } },
        ],
      }),
    );
    expect(statement.grade).toBe('partial');
    expect(unmetPreconditions(snapshot({ backups: [{ tool: 'shadow-copies', state: 'unknown', detail: { ja: 'x', en: 'x' } }] }))).toEqual([
      {
        ja: 'シャドウコピー（復元ポイント）に複製がないことを確認できない：x',
        en: 'Could not confirm that Shadow copies (restore points) holds no copy: x',
      },
    ]);
  });

  it('is partial when the folder is on a network share or its disk is not known', () => {
    expect(cryptoEraseStatement(snapshot({ local: false })).grade).toBe('partial');
    expect(unmetPreconditions(snapshot({ local: false }))[0]?.en).toContain('network location');
    expect(cryptoEraseStatement(snapshot({ local: null })).grade).toBe('partial');
    expect(value(cryptoEraseStatement(snapshot({ local: null })), 'Data folder')).toContain('local disk not confirmed');
  });

  it('lists one row per check, every value in Japanese and English', () => {
    const statement = cryptoEraseStatement(
      snapshot({ backups: [excluded('time-machine'), excluded('icloud-drive'), excluded('deja-dup')] }),
    );
    expect(statement.rows.filter((row) => row.label.en.startsWith('Copy check:')).map((row) => row.label.ja)).toEqual([
      '複製の確認：Time Machine',
      '複製の確認：iCloud Drive',
      '複製の確認：Déjà Dup',
    ]);
    for (const row of statement.rows.filter((r) => !['Data folder', 'Copies checked at'].includes(r.label.en))) {
      expect(row.value).toMatch(/[\u3040-\u30ff\u4e00-\u9fff].* \/ [A-Z]/);
    }
  });
});
