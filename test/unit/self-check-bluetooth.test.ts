/**
 * The Bluetooth-discoverable check: read from BlueZ on Linux (fixtures through the real parser
 * and evaluator); on Windows and macOS, which are discoverable only while their Bluetooth
 * settings page is open, the check says it does not apply and passes nothing. An answer it
 * cannot read never passes.
 */
import { describe, expect, it } from 'vitest';
import { evaluateSelfCheck } from '../../electron/core/self-check/evaluate-self-check';
import type { BluetoothObservation, ProbeOutcome } from '../../electron/core/self-check/self-check-observations';
import { bluetoothDiscoverableOnlyInSettings } from '../../electron/platform/self-check/bluetooth-settings-page';
import { parseBluetooth } from '../../electron/platform/self-check/linux/bluetooth';
import type { CommandReading } from '../../electron/platform/self-check/linux/linux-context';
import { DEFAULT_SELF_CHECK_POLICY, type CheckResult, type SelfCheckOs } from '../../electron/shared/self-check';
import { reasonText } from '../../electron/shared/self-check-texts';
import { readSelfCheckFixture, splitSections, nothingObserved } from '../support/self-check-fixtures';

const NOW = new Date('2026-11-26T03:00:00Z');
const NOTHING = nothingObserved();
const judge = (outcome: ProbeOutcome<BluetoothObservation>, os: SelfCheckOs): CheckResult =>
  evaluateSelfCheck({ ...NOTHING, bluetooth: outcome }, os, DEFAULT_SELF_CHECK_POLICY, NOW).find((r) => r.id === 'bluetooth')!;
const show = (part: string): CommandReading => ({
  ok: true,
  stdout: splitSections(readSelfCheckFixture('linux', 'bluetoothctl-show.txt'))[part] ?? '',
  stderr: '',
  exitCode: 0,
  source: 'bluetoothctl show',
});
const hci0 = { source: '/sys/class/bluetooth', ok: true as const, value: ['hci0'] };

describe('Bluetooth discoverable', () => {
  it('Linux: hidden or powered off passes, discoverable fails, no adapter does not apply', () => {
    expect(judge(parseBluetooth(hci0, show('hidden'), NOW), 'linux')).toMatchObject({
      status: 'pass',
      params: { raw: 'Powered: yes, Discoverable: no' },
    });
    expect(judge(parseBluetooth(hci0, show('off'), NOW), 'linux')).toMatchObject({ status: 'pass' });
    expect(judge(parseBluetooth(hci0, show('discoverable'), NOW), 'linux')).toMatchObject({
      status: 'fail',
      reason: 'bluetoothDiscoverable',
      required: false,
    });
    expect(
      judge(parseBluetooth({ source: '/sys/class/bluetooth', ok: false, problem: 'missing', code: 'ENOENT' }, null, NOW), 'linux'),
    ).toMatchObject({ status: 'notApplicable', reason: 'bluetoothNoAdapter' });
  });

  it('Linux: no controller, a cut answer or bluetoothd not answering is unknown, and the address is never kept', () => {
    expect(judge(parseBluetooth(hci0, show('no-controller'), NOW), 'linux')).toMatchObject({
      status: 'unknown',
      reason: 'bluetoothUnrecognized',
    });
    const cut = { ...show('hidden'), stdout: show('hidden').stdout.split('\tDiscoverable')[0] ?? '' };
    expect(judge(parseBluetooth(hci0, cut, NOW), 'linux').status).toBe('unknown');
    expect(
      judge(
        parseBluetooth(
          hci0,
          {
            ok: false,
            problem: 'timeout',
            stdout: 'Waiting to connect to bluetoothd...',
            stderr: '',
            exitCode: null,
            source: 'bluetoothctl show',
          },
          NOW,
        ),
        'linux',
      ),
    ).toMatchObject({ status: 'unknown', reason: 'probe.timeout' });
    expect(JSON.stringify(judge(parseBluetooth(hci0, show('discoverable'), NOW), 'linux'))).not.toContain('00:1A:7D');
  });

  it('Windows and macOS: does not apply, and says why', async () => {
    const windows = judge(await bluetoothDiscoverableOnlyInSettings('Windows', NOW), 'windows');
    expect(windows).toMatchObject({ status: 'notApplicable', reason: 'bluetoothOnlyWhileSettingsOpen' });
    expect(reasonText(windows, 'ja')).toContain('設定画面を開いている間だけ検出可能');
    expect(judge(await bluetoothDiscoverableOnlyInSettings('macOS', NOW), 'macos').status).toBe('notApplicable');
  });
});
