/**
 * The macOS install history (System Information → Software → Installations), read with
 * `system_profiler -json SPInstallHistoryDataType`. Two probes use it: XProtect's definition
 * updates (entries "XProtectPlistConfigData", "XProtectPayloads") and the last OS update
 * ("macOS 15.2", "Security Update 2024-004 Ventura", Rapid Security Responses).
 *
 * Each entry is `{ _name, install_date, install_version, package_source }`; `install_date` is
 * ISO 8601 UTC ("2025-01-26T01:14:30Z"). `_name` is the title the installer recorded at install
 * time, in the language the Mac had then: LC_ALL=C does not translate history, so a Japanese Mac
 * can hold Japanese titles. Matching on names must allow for that.
 */
import { z } from 'zod';
import type { CommandOutcome } from '../run-probe-command';
import {
  SYSTEM_PROFILER,
  SYSTEM_PROFILER_TIMEOUT_MS,
  commandLine,
  isoUtc,
  parseProfilerJson,
  type CommandRunner,
  type Parsed,
} from './macos-answers';

const ARGS = ['-json', 'SPInstallHistoryDataType'];
export const INSTALL_HISTORY_SOURCE = commandLine(SYSTEM_PROFILER, ARGS);

export interface InstallRecord {
  readonly name: string;
  /** ISO 8601 UTC, or null when the entry has no readable date. */
  readonly installedAt: string | null;
  readonly version: string | null;
  /** package_source_apple: installed by Apple's Software Update rather than a third-party package. */
  readonly fromApple: boolean | null;
}

const Entry = z.object({
  _name: z.string(),
  install_date: z.string().optional(),
  install_version: z.string().optional(),
  package_source: z.string().optional(),
});

// Entries are checked one by one: one odd entry (a package without a name) must not hide the rest.
const InstallHistoryReport = z.object({ SPInstallHistoryDataType: z.array(z.unknown()) });

export function parseInstallHistory(stdout: string): Parsed<readonly InstallRecord[]> {
  const report = parseProfilerJson(stdout, InstallHistoryReport);
  if (!report.ok) return report;
  const records: InstallRecord[] = [];
  for (const raw of report.value.SPInstallHistoryDataType) {
    const entry = Entry.safeParse(raw);
    if (entry.success) records.push(toRecord(entry.data));
  }
  return { ok: true, value: records };
}

function toRecord(entry: z.infer<typeof Entry>): InstallRecord {
  const source = entry.package_source;
  return {
    name: entry._name.trim(),
    installedAt: isoUtc(entry.install_date),
    version: entry.install_version?.trim() || null,
    fromApple: source === undefined ? null : source === 'package_source_apple',
  };
}

/** The newest record (by install date) among those that match; undated records never win. */
export function latestRecord(records: readonly InstallRecord[], matches: (record: InstallRecord) => boolean): InstallRecord | null {
  let latest: InstallRecord | null = null;
  for (const record of records) {
    if (!matches(record) || record.installedAt === null) continue;
    if (latest === null || (latest.installedAt !== null && record.installedAt > latest.installedAt)) latest = record;
  }
  return latest;
}

export function readInstallHistory(run: CommandRunner): Promise<CommandOutcome> {
  return run(SYSTEM_PROFILER, ARGS, { timeoutMs: SYSTEM_PROFILER_TIMEOUT_MS });
}
