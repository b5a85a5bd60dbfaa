/**
 * Reading the self-check's recorded outputs (test/fixtures/self-check/<os>/): every file starts
 * with a "# Source:" line saying where its shape comes from; recordings of several outputs are
 * split into "--- name ---" sections. One reader for the fixture-driven tests and for the
 * round trip of `fieldguard selfcheck --record`, which writes the same shape.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Observations } from '../../electron/core/self-check/evaluate-self-check';
import type { ProbeEvidence, ProbeOutcome } from '../../electron/core/self-check/self-check-observations';

export const SELF_CHECK_FIXTURES = path.join(import.meta.dirname, '../fixtures/self-check');

/** The text after the "# Source:" line; throws when the header is missing (a fixture must say where it comes from). */
export function fixtureBody(text: string, name = 'fixture'): string {
  if (!text.startsWith('# Source: ')) throw new Error(`${name} does not start with its "# Source:" line`);
  return text.slice(text.indexOf('\n') + 1);
}

export function readSelfCheckFixture(os: 'windows' | 'macos' | 'linux', name: string): string {
  return fixtureBody(readFileSync(path.join(SELF_CHECK_FIXTURES, os, name), 'utf8'), name);
}

/** "--- name ---" sections of a body, each without its heading line. */
export function splitSections(body: string): Readonly<Record<string, string>> {
  const parts = body.split(/^--- (.+?) ---\n/m);
  const found: Record<string, string> = {};
  for (let i = 1; i + 1 < parts.length; i += 2) found[parts[i]!] = parts[i + 1]!;
  return found;
}

/** Observations where no probe could run (its command missing): a test puts in the ones it is about. */
export function nothingObserved(evidence: readonly ProbeEvidence[] = []): Observations {
  const nothing: ProbeOutcome<never> = { ok: false, problem: 'commandMissing', evidence };
  return {
    firewall: nothing,
    antivirus: nothing,
    osUpdates: nothing,
    diskEncryption: nothing,
    screenLock: nothing,
    wifi: nothing,
    remoteAccess: nothing,
    bootProtection: nothing,
    clockSync: nothing,
    autoRun: nothing,
    autoLogin: nothing,
    adminAccount: nothing,
    fileSharing: nothing,
    edr: nothing,
    bluetooth: nothing,
  };
}
