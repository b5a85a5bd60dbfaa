/**
 * The PowerShell scaffold every Windows probe runs in: the command line powershell.exe gets,
 * the script around a probe's body, and how what the script prints is read — the value, the
 * script's own error, or output not understood — the same way for the self-check's probes and
 * for volumes, devices and media. The probes' parsers are tested on recorded output in their
 * own tests; this one holds the shared rules.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { WINDOWS_VOLUMES_SCRIPT, parseWindowsVolumes } from '../../electron/platform/disks/windows-volumes';
import { EDR_SCRIPT } from '../../electron/platform/self-check/windows/edr';
import {
  oneOrMany,
  parseScriptOutput,
  powerShellCommand,
  powerShellJsonScript,
  readScriptOutput,
} from '../../electron/platform/windows/powershell-script';

const Schema = z.object({ disks: oneOrMany(z.object({ n: z.number() })) });

describe('the PowerShell command line', () => {
  it('runs Windows PowerShell without profile or prompts, the script encoded with a prelude that stops on errors and prints UTF-8', () => {
    const command = powerShellCommand('Get-Date');
    expect(command.file).toBe('powershell.exe');
    expect(command.args.slice(0, -1)).toEqual(['-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-EncodedCommand']);
    const script = Buffer.from(command.args.at(-1) ?? '', 'base64').toString('utf16le');
    expect(script).toMatch(/^\$ErrorActionPreference = 'Stop';.*\[Console\]::OutputEncoding = \[System\.Text\.Encoding\]::UTF8/);
    expect(script.endsWith('\nGet-Date')).toBe(true);
  });
});

describe('a probe script', () => {
  it('is its body run by Invoke-Probe after the shared helpers, printing JSON only there', () => {
    const script = powerShellJsonScript('\n  return [ordered]@{ n = 1 }\n');
    expect(script).toMatch(/function Invoke-Probe\(\[scriptblock\]\$Body\)/);
    expect(script.trimEnd().endsWith('Invoke-Probe {\n  return [ordered]@{ n = 1 }\n}')).toBe(true);
    // Every Windows probe, the self-check's and the others, prints through the scaffold, never its own ConvertTo-Json.
    for (const probe of [EDR_SCRIPT, WINDOWS_VOLUMES_SCRIPT]) expect(probe.match(/ConvertTo-Json/g)).toHaveLength(2);
  });
});

describe('what a script printed', () => {
  it('is read past a byte-order mark and a warning printed before the JSON, one object read as a list of one', () => {
    expect(parseScriptOutput('\uFEFFWARNING: module loaded\r\n{"disks":{"n":1}}\r\n', Schema)).toEqual({
      ok: true,
      value: { disks: [{ n: 1 }] },
    });
  });

  it('is the script’s own error when it printed one, and output not understood otherwise', () => {
    expect(parseScriptOutput('{"error":"accessDenied","message":"アクセスが拒否されました。"}', Schema)).toEqual({
      ok: false,
      error: { error: 'accessDenied', message: 'アクセスが拒否されました。' },
    });
    expect(parseScriptOutput('', Schema)).toMatchObject({ ok: false, error: null, detail: 'empty output' });
    expect(parseScriptOutput('{"disks":[{"n":"one"}]}', Schema)).toMatchObject({
      ok: false,
      error: null,
      detail: expect.stringMatching(/^disks: /) as unknown,
    });
  });

  it('throws, for a reader with no partial answer, a one-line reason without the user’s folder', () => {
    const stdout = '{"error":"failed","message":"Cannot find C:\\\\Users\\\\tanaka\\\\AppData\\n on this computer"}';
    expect(() => readScriptOutput(stdout, Schema, 'Get-Disk')).toThrow(
      /^Get-Disk: failed: Cannot find C:\\+Users\\+<user>\\+AppData on this computer$/,
    );
    expect(() => parseWindowsVolumes('{"error":"notApplicable","message":"Invalid class"}')).toThrow(/Win32_LogicalDisk: notApplicable/);
  });
});
