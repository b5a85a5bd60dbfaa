/**
 * The Windows data folder's ACL (issue 17): the exact command that restricts it to the user's SID
 * (arguments as a list, never a shell string), the reading of `whoami /user` and of the listing
 * `icacls` prints (English and Japanese Windows), and the verdict — owner-only only on positive
 * evidence, another entry a failure, unreadable output unknown.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CommandOutcome } from '../../electron/platform/self-check/run-probe-command';
import {
  judgeFolderAcl,
  parseIcaclsListing,
  parseWhoamiUser,
  restrictFolderCommand,
  restrictWindowsFolderToUser,
} from '../../electron/platform/data-folder/windows-folder-acl';

const fixture = (name: string) => readFileSync(path.join(import.meta.dirname, '../fixtures/data-folder', name), 'utf8');
const SID = 'S-1-5-21-1004336348-1177238915-682003330-1001';
const EN_FOLDER = 'C:\\Users\\yamada\\AppData\\Local\\FieldGuard';
const JA_FOLDER = 'C:\\Users\\山田\\AppData\\Local\\FieldGuard';
const EN_USER = { name: 'desktop-ab12cd\\yamada', sid: SID };
const JA_USER = { name: 'desktop-ab12cd\\山田', sid: SID };
const answered = (stdout: string): CommandOutcome => ({ ok: true, stdout, stderr: '', exitCode: 0 });

describe('the command that restricts the folder', () => {
  it('removes inheritance and grants only the user SID full control, inherited by files and folders', () => {
    const folder = 'C:\\Users\\山田 & co\\AppData\\Local\\FieldGuard "x"';
    expect(restrictFolderCommand(folder, SID, { SystemRoot: 'C:\\WINDOWS' })).toEqual({
      file: 'C:\\WINDOWS\\System32\\icacls.exe',
      args: [folder, '/inheritance:r', '/grant:r', `*${SID}:(OI)(CI)F`],
    });
  });

  it('refuses anything that is not a SID, so no name reaches the grant', () => {
    expect(() => restrictFolderCommand(EN_FOLDER, 'Everyone')).toThrow();
    expect(() => restrictFolderCommand(EN_FOLDER, `${SID}:(F) /grant Everyone`)).toThrow();
  });
});

describe('whoami /user', () => {
  it('gives the account and its SID', () => {
    expect(parseWhoamiUser(fixture('whoami-user-csv.txt'))).toEqual(EN_USER);
  });
  it('anything else is no user', () => {
    expect(parseWhoamiUser('')).toBeNull();
    expect(parseWhoamiUser('"desktop-ab12cd\\yamada","not-a-sid"')).toBeNull();
  });
});

describe('the icacls listing', () => {
  it('English, before: three inherited entries — others have access', () => {
    const entries = parseIcaclsListing(fixture('icacls-en-inherited.txt'), EN_FOLDER);
    expect(entries?.map((e) => [e.principal, e.inherited])).toEqual([
      ['NT AUTHORITY\\SYSTEM', true],
      ['BUILTIN\\Administrators', true],
      ['DESKTOP-AB12CD\\yamada', true],
    ]);
    expect(judgeFolderAcl(entries, EN_USER)).toEqual({
      state: 'others-have-access',
      principals: ['NT AUTHORITY\\SYSTEM', 'BUILTIN\\Administrators', 'DESKTOP-AB12CD\\yamada'],
    });
  });

  it('English, after: the user alone, explicit, full control of folder and contents', () => {
    const entries = parseIcaclsListing(fixture('icacls-en-owner-only.txt'), EN_FOLDER);
    expect(entries).toEqual([{ principal: 'DESKTOP-AB12CD\\yamada', flags: ['OI', 'CI', 'F'], inherited: false }]);
    expect(judgeFolderAcl(entries, EN_USER)).toEqual({ state: 'owner-only' });
  });

  it('Japanese, after: the same verdict with a Japanese user name and a Japanese summary line', () => {
    expect(judgeFolderAcl(parseIcaclsListing(fixture('icacls-ja-owner-only.txt'), JA_FOLDER), JA_USER)).toEqual({ state: 'owner-only' });
  });

  it('Japanese, not taken: an unnamed group (shown as its SID) and inherited entries are others', () => {
    expect(judgeFolderAcl(parseIcaclsListing(fixture('icacls-ja-others.txt'), JA_FOLDER), JA_USER)).toEqual({
      state: 'others-have-access',
      principals: ['S-1-5-21-1004336348-1177238915-682003330-1105', 'NT AUTHORITY\\SYSTEM', 'DESKTOP-AB12CD\\山田'],
    });
  });

  it('a listing of another folder, or lines that are not entries, are unknown — never owner-only', () => {
    expect(judgeFolderAcl(parseIcaclsListing(fixture('icacls-en-owner-only.txt'), 'C:\\Other'), EN_USER)).toEqual({ state: 'unknown' });
    expect(judgeFolderAcl(parseIcaclsListing(`${EN_FOLDER} Access is denied.\r\n`, EN_FOLDER), EN_USER)).toEqual({ state: 'unknown' });
  });
});

describe('restricting the folder', () => {
  it('asks whoami, runs the icacls grant with the SID, reads the folder back; every command as a file and a list', async () => {
    const calls: Array<[string, readonly string[]]> = [];
    const verdict = await restrictWindowsFolderToUser(EN_FOLDER, async (file, args) => {
      calls.push([path.win32.basename(file), args]);
      if (file.endsWith('whoami.exe')) return answered(fixture('whoami-user-csv.txt'));
      return answered(
        args.length === 1
          ? fixture('icacls-en-owner-only.txt')
          : 'processed file: C:\\Users\\yamada\\AppData\\Local\\FieldGuard\r\nSuccessfully processed 1 files; Failed processing 0 files\r\n',
      );
    });
    expect(verdict).toEqual({ state: 'owner-only' });
    expect(calls).toEqual([
      ['whoami.exe', ['/user', '/fo', 'csv', '/nh']],
      ['icacls.exe', [EN_FOLDER, '/inheritance:r', '/grant:r', `*${SID}:(OI)(CI)F`]],
      ['icacls.exe', [EN_FOLDER]],
    ]);
  });

  it('fails when the folder is still open to others afterwards, or the SID cannot be read', async () => {
    await expect(
      restrictWindowsFolderToUser(EN_FOLDER, async (file, args) =>
        answered(
          file.endsWith('whoami.exe') ? fixture('whoami-user-csv.txt') : args.length === 1 ? fixture('icacls-en-inherited.txt') : '',
        ),
      ),
    ).rejects.toThrow(/still open/);
    let icaclsRan = false;
    await expect(
      restrictWindowsFolderToUser(EN_FOLDER, async (file) => {
        if (file.endsWith('icacls.exe')) icaclsRan = true;
        return answered('');
      }),
    ).rejects.toThrow(/SID/);
    expect(icaclsRan).toBe(false);
  });
});
