/**
 * XProtect, the malware scanner built into macOS, read without admin rights.
 *
 * - Its definitions version is the bundle's CFBundleShortVersionString, read with
 *   `plutil -extract CFBundleShortVersionString raw -o - <Info.plist>` (plutil reads binary and
 *   XML plists alike; `raw` needs macOS 12, which Electron requires anyway). Since macOS 15 the
 *   copy XProtect uses is /var/protected/xprotect/XProtect.bundle, updated over iCloud, while
 *   Software Update still writes /Library/Apple/System/Library/CoreServices/XProtect.bundle; both
 *   are read and the higher version counts. Before macOS 15 only the second exists.
 * - When its definitions were updated comes from the install history: the newest
 *   "XProtectPlistConfigData" (the rules) or "XProtectPayloads" (XProtect Remediator) entry.
 *   Updates that macOS 15+ takes over iCloud are not recorded there, so that date can be older
 *   than the version: when the bundle's version is above the history's, the date is marked a
 *   lower bound (recent enough still passes; too old is unknown, never fail). With neither a
 *   bundle version nor a dated history entry the probe reports nothing observed (unknown).
 *
 * XProtect checks code when it is opened and runs without any switch a user can turn off, so
 * when present it is reported as active with real-time protection. Third-party engines
 * (Microsoft Defender for Endpoint, Sophos, …) have no common registry on macOS that a non-admin
 * can query: they are out of scope here, and only XProtect is reported.
 */
import type {
  AntivirusObservation,
  AntivirusProduct,
  ProbeEvidence,
  ProbeOutcome,
  ProbeProblem,
} from '../../../core/self-check/self-check-observations';
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

const PLUTIL = '/usr/bin/plutil';
export const PROTECTED_BUNDLE_PLIST = '/var/protected/xprotect/XProtect.bundle/Contents/Info.plist';
export const CORESERVICES_BUNDLE_PLIST = '/Library/Apple/System/Library/CoreServices/XProtect.bundle/Contents/Info.plist';

function plutilArgs(plist: string): string[] {
  return ['-extract', 'CFBundleShortVersionString', 'raw', '-o', '-', plist];
}

export const PROTECTED_BUNDLE_SOURCE = commandLine(PLUTIL, plutilArgs(PROTECTED_BUNDLE_PLIST));
export const CORESERVICES_BUNDLE_SOURCE = commandLine(PLUTIL, plutilArgs(CORESERVICES_BUNDLE_PLIST));

export interface XprotectAnswers {
  /** plutil on the macOS 15+ bundle in /var/protected/xprotect. */
  readonly protectedBundle: Answer;
  /** plutil on the bundle in /Library/Apple/System/Library/CoreServices. */
  readonly coreServicesBundle: Answer;
  /** system_profiler -json SPInstallHistoryDataType. */
  readonly installHistory: Answer;
}

type BundleReading =
  | { readonly kind: 'version'; readonly version: string }
  | { readonly kind: 'absent' }
  | { readonly kind: 'problem'; readonly problem: ProbeProblem };

/**
 * plutil prints the bare version ("5287"). For a missing file it says "file does not exist or is
 * not readable"; it cannot tell those apart, and either way this copy gives no version.
 */
function readBundle(answer: Answer): BundleReading {
  const text = answer.text.trim();
  if (answer.ok && /^\d+(\.\d+)*$/.test(text)) return { kind: 'version', version: text };
  if (/does not exist|no such file|not readable/i.test(text)) return { kind: 'absent' };
  if (REFUSED.test(text)) return { kind: 'problem', problem: 'accessDenied' };
  return { kind: 'problem', problem: answer.ok ? 'unparseable' : answer.problem };
}

function bundleEvidence(source: string, reading: BundleReading, answer: Answer, observedAt: Date): ProbeEvidence {
  if (reading.kind === 'problem') return problemEvidence(source, reading.problem, answer.text, observedAt);
  return evidence(source, { version: reading.kind === 'version' ? reading.version : null, found: reading.kind === 'version' }, observedAt);
}

/** Compares dotted numeric versions ("5287" < "5288", "1.10" > "1.9"). */
function newerVersion(a: string | null, b: string | null): string | null {
  if (a === null || b === null) return a ?? b;
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const diff = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (diff !== 0) return diff > 0 ? a : b;
  }
  return a;
}

const isRules = (record: InstallRecord): boolean => /^XProtectPlistConfigData\b/i.test(record.name);
const isRemediator = (record: InstallRecord): boolean => /^XProtectPayloads\b/i.test(record.name);

interface HistoryReading {
  readonly rules: InstallRecord | null;
  readonly remediator: InstallRecord | null;
  readonly evidence: ProbeEvidence;
}

function readHistory(answer: Answer, observedAt: Date): HistoryReading {
  const parsed = answer.ok ? parseInstallHistory(answer.text) : null;
  if (parsed === null || !parsed.ok) {
    const problem = answer.ok ? 'unparseable' : answer.problem;
    return {
      rules: null,
      remediator: null,
      evidence: problemEvidence(INSTALL_HISTORY_SOURCE, problem, parsed?.detail ?? answer.text, observedAt),
    };
  }
  const rules = latestRecord(parsed.value, isRules);
  const remediator = latestRecord(parsed.value, isRemediator);
  const facts = {
    rulesInstalledAt: rules?.installedAt ?? null,
    rulesVersion: rules?.version ?? null,
    remediatorInstalledAt: remediator?.installedAt ?? null,
    remediatorVersion: remediator?.version ?? null,
  };
  return { rules, remediator, evidence: evidence(INSTALL_HISTORY_SOURCE, facts, observedAt) };
}

function latestDate(a: string | null | undefined, b: string | null | undefined): string | null {
  if (!a || !b) return a || b || null;
  return a > b ? a : b;
}

export function parseXprotect(answers: XprotectAnswers, observedAt: Date): ProbeOutcome<AntivirusObservation> {
  const primary = readBundle(answers.protectedBundle);
  const secondary = readBundle(answers.coreServicesBundle);
  const history = readHistory(answers.installHistory, observedAt);
  const items = [
    bundleEvidence(PROTECTED_BUNDLE_SOURCE, primary, answers.protectedBundle, observedAt),
    bundleEvidence(CORESERVICES_BUNDLE_SOURCE, secondary, answers.coreServicesBundle, observedAt),
    history.evidence,
  ];
  const bundleVersion = newerVersion(
    primary.kind === 'version' ? primary.version : null,
    secondary.kind === 'version' ? secondary.version : null,
  );
  // Both copies missing is a definite answer: this Mac has no XProtect (it was removed).
  if (primary.kind === 'absent' && secondary.kind === 'absent') return observed({ products: [] }, items);
  if (bundleVersion === null && history.rules === null && history.remediator === null) {
    const problem = secondary.kind === 'problem' ? secondary.problem : primary.kind === 'problem' ? primary.problem : 'unparseable';
    return notObserved(problem, items, excerpt(answers.coreServicesBundle.text));
  }
  // The installed bundle is newer than the newest dated history entry (macOS 15 updates over
  // iCloud without a history entry): the history date is only "at least this recent".
  const historyVersion = history.rules?.version ?? null;
  const bundleNewerThanHistory =
    bundleVersion !== null &&
    historyVersion !== null &&
    newerVersion(bundleVersion, historyVersion) === bundleVersion &&
    bundleVersion !== historyVersion;
  const product: AntivirusProduct = {
    name: 'XProtect',
    engine: 'xprotect',
    mode: 'active',
    realTimeProtection: true,
    definitionsUpdatedAt: latestDate(history.rules?.installedAt, history.remediator?.installedAt),
    definitionsDateIsLowerBound: bundleNewerThanHistory,
    // macOS does not say whether XProtect considers itself current; the evaluator compares dates.
    definitionsUpToDate: null,
    definitionsVersion: bundleVersion ?? history.rules?.version ?? null,
  };
  return observed({ products: [product] }, items);
}

export async function probeAntivirus(
  run: CommandRunner,
  installHistory: () => ReturnType<CommandRunner>,
): Promise<ProbeOutcome<AntivirusObservation>> {
  const [protectedBundle, coreServicesBundle, history] = await Promise.all([
    run(PLUTIL, plutilArgs(PROTECTED_BUNDLE_PLIST)),
    run(PLUTIL, plutilArgs(CORESERVICES_BUNDLE_PLIST)),
    installHistory(),
  ]);
  return parseXprotect(
    {
      protectedBundle: answerOf(protectedBundle),
      coreServicesBundle: answerOf(coreServicesBundle),
      installHistory: answerOf(history, 'stdout'),
    },
    new Date(),
  );
}
