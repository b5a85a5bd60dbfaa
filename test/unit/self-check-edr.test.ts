/**
 * The EDR / anti-malware agent check: not applicable unless the company policy names an agent
 * for this OS; where it does, the agent must be running. From the fixtures in
 * test/fixtures/self-check/<os>/ through the real parsers and evaluator; a list that could not be
 * read never passes; the names come from a company policy file.
 */
import { describe, expect, it } from 'vitest';
import { evaluateSelfCheck } from '../../electron/core/self-check/evaluate-self-check';
import { parsePolicyFile } from '../../electron/core/self-check/self-check-policy-store';
import type { EdrObservation, ProbeOutcome } from '../../electron/core/self-check/self-check-observations';
import { parseUnits } from '../../electron/platform/self-check/linux/edr';
import { parseProcesses } from '../../electron/platform/self-check/macos/edr';
import { EDR_SCRIPT, parseEdr } from '../../electron/platform/self-check/windows/edr';
import { DEFAULT_SELF_CHECK_POLICY, SelfCheckPolicy, type CheckResult, type SelfCheckOs } from '../../electron/shared/self-check';
import { reasonText } from '../../electron/shared/self-check-texts';
import { readSelfCheckFixture, splitSections, nothingObserved } from '../support/self-check-fixtures';

const NOW = new Date('2026-11-26T03:00:00Z');
const NOTHING = nothingObserved();
const COMPANY: SelfCheckPolicy = {
  ...DEFAULT_SELF_CHECK_POLICY,
  edrServices: { windows: ['Sense', 'CSFalconService'], macos: ['falcond'], linux: ['falcon-sensor'] },
};

const judge = (outcome: ProbeOutcome<EdrObservation>, os: SelfCheckOs, policy = COMPANY): CheckResult =>
  evaluateSelfCheck({ ...NOTHING, edr: outcome }, os, policy, NOW).find((r) => r.id === 'edr')!;
const linuxUnits = (part: string) => ({
  ok: true as const,
  stdout: splitSections(readSelfCheckFixture('linux', 'systemctl-list-units.txt'))[part] ?? '',
  stderr: '',
  exitCode: 0,
  source: 'systemctl list-units',
});
const macProcesses = (part: string) => splitSections(readSelfCheckFixture('macos', 'ps-processes.txt'))[part] ?? '';

describe('the EDR check', () => {
  it('does not apply when the policy names no agent for this OS, even when the probe failed', () => {
    const result = judge(NOTHING.edr, 'windows', DEFAULT_SELF_CHECK_POLICY);
    expect(result).toMatchObject({ status: 'notApplicable', reason: 'edrNotRequired' });
    expect(reasonText(result, 'ja')).toBe('会社のポリシーがこの OS の EDR エージェントを指定していないため、この項目は対象外です。');
  });

  it('Windows: Sense running passes, Sense stopped fails (any listed name running is enough; names are case-insensitive)', () => {
    expect(judge(parseEdr(readSelfCheckFixture('windows', 'edr-services-sense-running.txt'), NOW), 'windows')).toMatchObject({
      status: 'pass',
      params: { names: 'Sense' },
    });
    const stopped = judge(parseEdr(readSelfCheckFixture('windows', 'edr-services-sense-stopped.txt'), NOW), 'windows');
    expect(stopped).toMatchObject({ status: 'fail', reason: 'edrNotRunning', required: true });
    expect(
      judge(parseEdr(readSelfCheckFixture('windows', 'edr-services-sense-running.txt'), NOW), 'windows', {
        ...COMPANY,
        edrServices: { ...COMPANY.edrServices, windows: ['CSFalconService'] },
      }),
    ).toMatchObject({ status: 'fail', reason: 'edrMissing', params: { names: 'CSFalconService' } });
    expect(EDR_SCRIPT).toContain('-ErrorAction SilentlyContinue');
  });

  it('macOS and Linux: the agent process or unit running passes, missing or stopped fails', () => {
    expect(judge(parseProcesses(macProcesses('with-falcon'), NOW), 'macos')).toMatchObject({ status: 'pass' });
    expect(judge(parseProcesses(macProcesses('without'), NOW), 'macos')).toMatchObject({ status: 'fail', reason: 'edrMissing' });
    expect(judge(parseUnits(linuxUnits('running'), NOW), 'linux')).toMatchObject({
      status: 'pass',
      params: { names: 'falcon-sensor.service' },
    });
    expect(judge(parseUnits(linuxUnits('stopped'), NOW), 'linux')).toMatchObject({ status: 'fail', reason: 'edrNotRunning' });
  });

  it('never passes a list it could not read or believe', () => {
    expect(judge(parseEdr('{"services":[]}', NOW), 'windows')).toMatchObject({ status: 'unknown', reason: 'probe.unparseable' });
    expect(judge(parseProcesses('ps: illegal option', NOW), 'macos').status).toBe('unknown');
    expect(
      judge(
        parseUnits(
          {
            ...linuxUnits('running'),
            stdout: 'falcon-sensor.service loaded active running Falcon\nSystem has not been booted with systemd',
          },
          NOW,
        ),
        'linux',
      ).status,
    ).toBe('unknown');
    expect(judge({ ok: false, problem: 'timeout', evidence: [] }, 'linux')).toMatchObject({ status: 'unknown', reason: 'probe.timeout' });
  });
});

describe('the agent names in the policy', () => {
  it('come from a company file, default to none for older policies, and are refused when they could be anything but a name', () => {
    const imported = parsePolicyFile(JSON.stringify({ name: 'Company', edrServices: { windows: ['Sense'] } }));
    expect(imported.edrServices).toEqual({ windows: ['Sense'], macos: [], linux: [] });
    const { edrServices: _e, ...older } = DEFAULT_SELF_CHECK_POLICY;
    expect(SelfCheckPolicy.parse(older).edrServices).toEqual({ windows: [], macos: [], linux: [] });
    expect(() => parsePolicyFile(JSON.stringify({ edrServices: { windows: ['Sense; Stop-Service WinDefend'] } }))).toThrow();
  });
});
