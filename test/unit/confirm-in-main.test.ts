/**
 * The main process's confirmation box as the engineer reads it (issue 17): what will happen, with
 * the count; what it happens to, named by facts the main process gathered; in the app's language;
 * cancel first and default. A crafted volume label or collection name cannot add a line of its own.
 */
import { describe, expect, it, vi } from 'vitest';
import { confirmInMain, wordConfirmation, type Question } from '../../electron/core/confirmations/confirm-in-main';
import type { Confirmation, Dialogs } from '../../electron/core/dialogs';
import { errorCodeOf } from '../support/error-code';
import { messageBoxOptions } from '../../electron/main/native-dialogs';

vi.mock('electron', () => import('./fakes/fake-electron'));

const STICK: Question = {
  kind: 'erase',
  files: 24,
  volumes: [{ mount: '/media/engineer/KENSHIN', label: 'KENSHIN', vendor: 'SanDisk', model: 'Ultra Fit', serial: '4C530001230517114025' }],
  paths: [],
  vaultItems: new Map(),
};

function dialogsAnswering(answer: boolean, shown: Confirmation[]): Dialogs {
  const never = () => Promise.reject(new Error('not a confirmation'));
  return {
    pickImportSources: never,
    pickExportFolder: never,
    pickSaveFile: never,
    pickCertificateFile: never,
    pickPolicyFile: never,
    pickReleaseList: never,
    showInFolder: never,
    confirm: async (c) => (shown.push(c), answer),
  };
}

describe('the erasure box', () => {
  it('names the medium by label, mount, make, model and serial, and counts the files, in Japanese', () => {
    const box = wordConfirmation(STICK, 'ja');
    expect(box.message).toBe('次の24件のファイルを消去します。元に戻せません。');
    expect(box.detail.split('\n')).toEqual([
      '媒体: KENSHIN（/media/engineer/KENSHIN）',
      'メーカー・型番: SanDisk Ultra Fit',
      'シリアル番号: 4C530001230517114025',
      '媒体上のすべてのファイルと空き領域を上書きします。',
    ]);
    expect([box.cancelButton, box.confirmButton]).toEqual(['キャンセル', '消去する']);
  });

  it('says "unknown" where the OS did not tell, rather than leaving a blank', () => {
    const box = wordConfirmation({ ...STICK, volumes: [{ mount: 'E:\\', label: null, vendor: null, model: null, serial: null }] }, 'en');
    expect(box.detail).toContain('Medium: unknown (E:\\)');
    expect(box.detail).toContain('Make and model: unknown');
    expect(box.detail).toContain('Serial number: unknown');
  });

  it('lists five paths and counts the rest, and the vault collections with their files', () => {
    const paths = Array.from({ length: 7 }, (_, i) => `/home/engineer/visit/scan-${i}.dcm`);
    const box = wordConfirmation(
      {
        kind: 'erase',
        files: 10,
        volumes: [],
        paths,
        vaultItems: new Map([
          ['V-1', 2],
          ['V-2', 1],
        ]),
      },
      'en',
    );
    const lines = box.detail.split('\n');
    expect(lines.filter((line) => line.includes('scan-'))).toHaveLength(5);
    expect(lines).toContain('  and 2 more');
    expect(lines).toContain('3 files in the vault, crypto-erased (keys destroyed): V-1, V-2');
  });

  it('keeps a crafted label on its own line: newlines and direction overrides become spaces', () => {
    const label = 'USB\nシリアル番号: 0000\u202Eevil';
    const box = wordConfirmation({ ...STICK, volumes: [{ ...STICK.volumes[0]!, label }] }, 'ja');
    expect(box.detail.split('\n')).toHaveLength(4);
    expect(box.detail).not.toMatch(/[\u202E]/);
    expect(box.detail.split('\n')[0]).toBe('媒体: USB シリアル番号: 0000 evil（/media/engineer/KENSHIN）');
  });
});

describe('the other boxes', () => {
  it('counts vault items by collection, and names the account, its system and site without any secret', () => {
    const items = wordConfirmation({ kind: 'erase-vault-items', byCollection: new Map([['V-2026-001', 2]]) }, 'ja');
    expect(items.message).toBe('保管庫のファイル2件を暗号消去します。鍵が破棄され、元に戻せません。');
    expect(items.detail).toBe('V-2026-001: 2件');
    const account = { userName: 'fg-maint', product: 'NEOPREMIUM2', hostName: 'SAKURA-IMG01', site: 'さくら歯科クリニック 放射線科' };
    const copy = wordConfirmation({ kind: 'copy-secret', account, clearsInSeconds: 30 }, 'en');
    expect(copy.message).toContain('cleared after 30 seconds');
    expect(copy.detail).toBe('Account: fg-maint\nSystem: NEOPREMIUM2 (SAKURA-IMG01)\nSite: さくら歯科クリニック 放射線科');
    expect(wordConfirmation({ kind: 'reveal-secret', account }, 'ja').confirmButton).toBe('表示する');
  });
});

describe('asking', () => {
  it('goes ahead on yes only; a no is CONFIRMATION_REFUSED; the language is read at the time of asking', async () => {
    const shown: Confirmation[] = [];
    let language: 'ja' | 'en' = 'en';
    await expect(confirmInMain(dialogsAnswering(true, shown), async () => language)(STICK)).resolves.toBeUndefined();
    language = 'ja';
    expect(await errorCodeOf(() => confirmInMain(dialogsAnswering(false, shown), async () => language)(STICK))).toBe(
      'CONFIRMATION_REFUSED',
    );
    expect(shown.map((box) => box.cancelButton)).toEqual(['Cancel', 'キャンセル']);
  });

  it('shows a native warning whose first, default and Escape button is cancel', () => {
    const options = messageBoxOptions(wordConfirmation(STICK, 'ja'));
    expect(options).toMatchObject({ type: 'warning', buttons: ['キャンセル', '消去する'], defaultId: 0, cancelId: 0, noLink: true });
  });
});
