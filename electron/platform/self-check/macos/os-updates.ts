/**
 * macOS version, last OS update, and whether updates install themselves; no admin rights.
 *
 * - `sw_vers`: ProductName, ProductVersion, BuildVersion, and on macOS 13+ after a Rapid Security
 *   Response, ProductVersionExtra ("(a)"). The version stays dotted so it compares; the extra goes
 *   into the evidence.
 * - The install history (see install-history.ts): the newest entry that is an OS update or a
 *   security update for the OS, never an app, font pack or XProtect data.
 * - `defaults read /Library/Preferences/com.apple.SoftwareUpdate`: the whole domain in one read,
 *   for AutomaticallyInstallMacOSUpdates ("Install macOS updates") and CriticalUpdateInstall
 *   ("Install Security Responses and system files"). A key that was never changed in System
 *   Settings is absent from the file and reported as unknown, not as its presumed default.
 *   Settings pushed by MDM live in /Library/Managed Preferences and are not read here.
 */
import type { OsUpdateObservation, ProbeEvidence, ProbeOutcome } from '../../../core/self-check/self-check-observations';
import { evidence } from '../run-probe-command';
import { INSTALL_HISTORY_SOURCE, latestRecord, parseInstallHistory, type InstallRecord } from './install-history';
import {
  REFUSED,
  answerOf,
  commandLine,
  excerpt,
  notObserved,
  observed,
  problemEvidence,
  type Answer,
  type CommandRunner,
} from './macos-answers';

const SW_VERS = '/usr/bin/sw_vers';
const DEFAULTS = '/usr/bin/defaults';
const PREFS_ARGS = ['read', '/Library/Preferences/com.apple.SoftwareUpdate'];
export const SW_VERS_SOURCE = SW_VERS;
export const SOFTWARE_UPDATE_PREFS_SOURCE = commandLine(DEFAULTS, PREFS_ARGS);

export interface OsUpdateAnswers {
  readonly swVers: Answer;
  /** system_profiler -json SPInstallHistoryDataType. */
  readonly installHistory: Answer;
  /** defaults read /Library/Preferences/com.apple.SoftwareUpdate. */
  readonly softwareUpdatePrefs: Answer;
}

interface SwVers {
  readonly name: string;
  readonly version: string;
  readonly build: string | null;
  readonly extra: string | null;
}

function swVersField(text: string, key: string): string | null {
  return new RegExp(`^\\s*${key}:\\s*(.+?)\\s*$`, 'm').exec(text)?.[1] ?? null;
}

/** `sw_vers` prints "ProductName:\tmacOS" lines (older releases: "Mac OS X"). */
export function parseSwVers(text: string): SwVers | null {
  const name = swVersField(text, 'ProductName');
  const version = swVersField(text, 'ProductVersion');
  if (name === null || version === null || !/^\d+(\.\d+)*$/.test(version)) return null;
  return { name, version, build: swVersField(text, 'BuildVersion'), extra: swVersField(text, 'ProductVersionExtra') };
}

/**
 * Titles of OS updates in the install history. English titles are what Software Update
 * records on an English Mac; the Japanese ones are Apple Japan's names for the same updates
 * (セキュリティアップデート = Security Update, 緊急セキュリティ対応 = Rapid Security Response),
 * which a Mac set to Japanese may have recorded; their exact spelling in the history is not verified.
 */
const OS_UPDATE_TITLES: readonly RegExp[] = [
  /^macOS\b/i, // "macOS 15.2", "macOS Sonoma 14.6.1", "macOS Ventura 13.4.1 (a)"
  /^(Mac )?OS X\b/i,
  /\bSecurity Update \d{4}-\d{3}\b/i, // for the two previous releases: "Security Update 2024-004 Ventura"
  /\bRapid Security Response\b/i,
  /\bBackground Security Improvement/i, // macOS 26's successor to Rapid Security Responses
  /セキュリティアップデート/,
  /緊急セキュリティ対応/,
  /バックグラウンドセキュリティ/,
];

/** Apple packages whose titles start with "macOS" but install no OS code. */
const NOT_OS_UPDATE = /installer|notification/i;

export function isOsUpdate(record: InstallRecord): boolean {
  if (record.fromApple === false) return false;
  return OS_UPDATE_TITLES.some((title) => title.test(record.name)) && !NOT_OS_UPDATE.test(record.name);
}

function readLastUpdate(answer: Answer, observedAt: Date): { readonly record: InstallRecord | null; readonly evidence: ProbeEvidence } {
  const parsed = answer.ok ? parseInstallHistory(answer.text) : null;
  if (parsed === null || !parsed.ok) {
    const problem = answer.ok ? 'unparseable' : answer.problem;
    return { record: null, evidence: problemEvidence(INSTALL_HISTORY_SOURCE, problem, parsed?.detail ?? answer.text, observedAt) };
  }
  const record = latestRecord(parsed.value, isOsUpdate);
  const facts = { lastUpdateTitle: record?.name ?? null, lastUpdateInstalledAt: record?.installedAt ?? null, entries: parsed.value.length };
  return { record, evidence: evidence(INSTALL_HISTORY_SOURCE, facts, observedAt) };
}

/** One key of `defaults read` output ("    CriticalUpdateInstall = 1;"); null when absent. */
function prefFlag(text: string, key: string): boolean | null {
  const value = new RegExp(`^\\s*"?${key}"?\\s*=\\s*"?([A-Za-z0-9]+)"?\\s*;`, 'm').exec(text)?.[1]?.toLowerCase();
  if (value === '1' || value === 'true' || value === 'yes') return true;
  if (value === '0' || value === 'false' || value === 'no') return false;
  return null;
}

function readAutomaticUpdates(answer: Answer, observedAt: Date): { readonly automatic: boolean | null; readonly evidence: ProbeEvidence } {
  // "Domain … does not exist": nothing was ever changed in Software Update settings.
  const domainMissing = /does not exist/i.test(answer.text);
  if (!answer.ok && !domainMissing) {
    const problem = REFUSED.test(answer.text) ? 'accessDenied' : answer.problem;
    return { automatic: null, evidence: problemEvidence(SOFTWARE_UPDATE_PREFS_SOURCE, problem, answer.text, observedAt) };
  }
  const check = domainMissing ? null : prefFlag(answer.text, 'AutomaticCheckEnabled');
  const installMacOS = domainMissing ? null : prefFlag(answer.text, 'AutomaticallyInstallMacOSUpdates');
  const critical = domainMissing ? null : prefFlag(answer.text, 'CriticalUpdateInstall');
  const facts = {
    domainMissing,
    AutomaticCheckEnabled: check,
    AutomaticallyInstallMacOSUpdates: installMacOS,
    CriticalUpdateInstall: critical,
  };
  return { automatic: automaticFrom(check, installMacOS, critical), evidence: evidence(SOFTWARE_UPDATE_PREFS_SOURCE, facts, observedAt) };
}

/**
 * Automatic only when both macOS updates and security responses install by themselves; any of
 * the three switched off means not automatic; otherwise (keys absent) unknown.
 */
function automaticFrom(check: boolean | null, installMacOS: boolean | null, critical: boolean | null): boolean | null {
  if (check === false || installMacOS === false || critical === false) return false;
  return installMacOS === true && critical === true ? true : null;
}

export function parseOsUpdates(answers: OsUpdateAnswers, observedAt: Date): ProbeOutcome<OsUpdateObservation> {
  const swVers = answers.swVers.ok ? parseSwVers(answers.swVers.text) : null;
  const last = readLastUpdate(answers.installHistory, observedAt);
  const automatic = readAutomaticUpdates(answers.softwareUpdatePrefs, observedAt);
  if (swVers === null) {
    const problem = answers.swVers.ok ? 'unparseable' : answers.swVers.problem;
    const items = [problemEvidence(SW_VERS_SOURCE, problem, answers.swVers.text, observedAt), last.evidence, automatic.evidence];
    return notObserved(problem, items, excerpt(answers.swVers.text));
  }
  const versionEvidence = evidence(
    SW_VERS_SOURCE,
    { productName: swVers.name, productVersion: swVers.version, buildVersion: swVers.build, productVersionExtra: swVers.extra },
    observedAt,
  );
  return observed(
    {
      osName: swVers.name,
      osVersion: swVers.version,
      lastUpdateInstalledAt: last.record?.installedAt ?? null,
      lastUpdateTitle: last.record?.name ?? null,
      automaticUpdates: automatic.automatic,
    },
    [versionEvidence, last.evidence, automatic.evidence],
  );
}

export async function probeOsUpdates(
  run: CommandRunner,
  installHistory: () => ReturnType<CommandRunner>,
): Promise<ProbeOutcome<OsUpdateObservation>> {
  const [swVers, history, prefs] = await Promise.all([run(SW_VERS, []), installHistory(), run(DEFAULTS, PREFS_ARGS)]);
  return parseOsUpdates(
    { swVers: answerOf(swVers), installHistory: answerOf(history, 'stdout'), softwareUpdatePrefs: answerOf(prefs) },
    new Date(),
  );
}
