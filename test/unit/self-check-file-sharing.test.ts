/**
 * The file-sharing check (Windows shared folders, macOS File Sharing and AirDrop "Everyone",
 * Linux Samba/NFS services), from the fixtures in test/fixtures/self-check/<os>/ through the real
 * parsers and evaluator; and a share list, netstat table or AirDrop answer it could not read or
 * did not understand never passes.
 */
import { describe, expect, it } from 'vitest';
import { evaluateSelfCheck } from '../../electron/core/self-check/evaluate-self-check';
import type { FileSharingObservation, ProbeOutcome } from '../../electron/core/self-check/self-check-observations';
import { parseFileSharing as parseLinuxSharing } from '../../electron/platform/self-check/linux/file-sharing';
import type { CommandReading } from '../../electron/platform/self-check/linux/linux-context';
import { parseFileSharing as parseMacSharing } from '../../electron/platform/self-check/macos/file-sharing';
import type { Answer } from '../../electron/platform/self-check/macos/macos-answers';
import { SHARING_SCRIPT, parseFileSharing } from '../../electron/platform/self-check/windows/file-sharing';
import { DEFAULT_SELF_CHECK_POLICY, type CheckResult, type SelfCheckOs } from '../../electron/shared/self-check';
import { reasonText } from '../../electron/shared/self-check-texts';
import { readSelfCheckFixture, splitSections, nothingObserved } from '../support/self-check-fixtures';

const NOW = new Date('2026-11-26T03:00:00Z');
const NOTHING = nothingObserved();

const judge = (outcome: ProbeOutcome<FileSharingObservation>, os: SelfCheckOs): CheckResult =>
  evaluateSelfCheck({ ...NOTHING, fileSharing: outcome }, os, DEFAULT_SELF_CHECK_POLICY, NOW).find((r) => r.id === 'fileSharing')!;
const answered = (text: string): Answer => ({ ok: true, text });
const mac = (name: string) => readSelfCheckFixture('macos', name);
const airdrop = (part: string) => splitSections(mac('airdrop-discoverable.txt'))[part] ?? '';
const units = (part: string): CommandReading => ({
  ok: true,
  stdout: splitSections(readSelfCheckFixture('linux', 'systemctl-sharing.txt'))[part] ?? '',
  stderr: '',
  exitCode: 3,
  source: 'systemctl is-active smbd nmbd nfs-server',
});

describe('Windows (Server service, Win32_Share types)', () => {
  it.each([
    ['file-sharing-admin-shares-only.txt', 'pass', 'fileSharingOff'],
    ['file-sharing-server-stopped.txt', 'pass', 'fileSharingOff'],
    ['file-sharing-shared-folder.txt', 'fail', 'fileSharingOn'],
    ['file-sharing-shares-denied-ja.txt', 'unknown', 'fileSharingUnrecognized'],
  ])('%s → %s', (name, status, reason) => {
    expect(judge(parseFileSharing(readSelfCheckFixture('windows', name), NOW), 'windows')).toMatchObject({
      status,
      reason,
      required: false,
    });
  });

  it('says how many folders are shared, never their names, and does not pass a service state it does not know', () => {
    const shared = judge(parseFileSharing(readSelfCheckFixture('windows', 'file-sharing-shared-folder.txt'), NOW), 'windows');
    expect(reasonText(shared, 'ja')).toBe(
      'ネットワークにファイルを共有しています（1 shared folder(s)）。施設のネットワークからノートPCの中が見えるおそれがあります。',
    );
    expect(SHARING_SCRIPT).not.toMatch(/\.Name|\.Path/);
    expect(judge(parseFileSharing('{"server":{"status":"StartPending"},"shares":{"list":[]}}', NOW), 'windows').status).toBe('unknown');
    expect(judge(parseFileSharing('{"server":{"status":"Running"}}', NOW), 'windows').status).toBe('unknown');
  });
});

describe('macOS (netstat port 445, AirDrop mode)', () => {
  it('passes no SMB listener with AirDrop for contacts, fails SMB or AirDrop for everyone', () => {
    expect(
      judge(parseMacSharing({ netstat: answered(mac('netstat-quiet.txt')), airdrop: answered(airdrop('contacts')) }, NOW), 'macos'),
    ).toMatchObject({ status: 'pass' });
    expect(
      judge(parseMacSharing({ netstat: answered(mac('netstat-quiet.txt')), airdrop: answered(airdrop('off')) }, NOW), 'macos'),
    ).toMatchObject({ status: 'pass' });
    expect(
      judge(parseMacSharing({ netstat: answered(mac('netstat-smb.txt')), airdrop: answered(airdrop('off')) }, NOW), 'macos'),
    ).toMatchObject({ status: 'fail', params: { raw: 'SMB file sharing (port 445)' } });
    expect(
      judge(parseMacSharing({ netstat: answered(mac('netstat-quiet.txt')), airdrop: answered(airdrop('everyone')) }, NOW), 'macos'),
    ).toMatchObject({ status: 'fail', params: { raw: 'AirDrop: Everyone' } });
  });

  it('does not pass an AirDrop setting never written, or a netstat table it does not believe', () => {
    expect(
      judge(
        parseMacSharing(
          { netstat: answered(mac('netstat-quiet.txt')), airdrop: { ok: false, problem: 'unparseable', text: airdrop('missing') } },
          NOW,
        ),
        'macos',
      ).status,
    ).toBe('unknown');
    expect(
      judge(
        parseMacSharing({ netstat: answered('netstat: sysctl: Operation not permitted'), airdrop: answered(airdrop('contacts')) }, NOW),
        'macos',
      ),
    ).toMatchObject({ status: 'unknown', params: { raw: 'netstat not understood' } });
  });
});

describe('Linux (smbd, nmbd, nfs-server)', () => {
  it('passes none running, fails Samba running, does not pass without systemd', () => {
    expect(judge(parseLinuxSharing(units('none'), NOW), 'linux')).toMatchObject({ status: 'pass' });
    expect(judge(parseLinuxSharing(units('samba'), NOW), 'linux')).toMatchObject({
      status: 'fail',
      params: { raw: 'running: smbd, nmbd' },
    });
    const noSystemd: CommandReading = {
      ok: true,
      stdout: "System has not been booted with systemd as init system (PID 1). Can't operate.\n",
      stderr: '',
      exitCode: 1,
      source: 'systemctl',
    };
    expect(judge(parseLinuxSharing(noSystemd, NOW), 'linux')).toMatchObject({ status: 'unknown', reason: 'fileSharingUnrecognized' });
  });
});
