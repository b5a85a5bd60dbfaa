/**
 * The data folder's ACL on Windows is the engineer's alone (issue 17): inherited entries
 * (SYSTEM, Administrators, and whatever a managed profile adds) are removed and one entry gives
 * the user full control of the folder and everything in it:
 *   icacls <folder> /inheritance:r /grant:r *<user SID>:(OI)(CI)F
 * The user is named by SID (`whoami /user`), never by a name a locale could change, and every
 * command runs through the command runner with its arguments as a list — no shell string, so
 * no folder name can break the quoting. `icacls <folder>` read back afterwards says whether it
 * took: only positive evidence of another entry is a failure; output that cannot be read is
 * unknown.
 *
 * Both tools write in the console's OEM code page (CP932 on Japanese Windows), which the runner
 * decodes as UTF-8: a non-ASCII account name comes out the same (mangled) way from both, so the
 * name comparison still holds; the SID, when icacls prints one, is ASCII.
 */
import path from 'node:path';
import { z } from 'zod';
import { runProbeCommand, type CommandOutcome, type RunOptions } from '../self-check/run-probe-command';

export type CommandRunner = (file: string, args: readonly string[], options?: RunOptions) => Promise<CommandOutcome>;

const SID = /^S-1-\d+(-\d+){1,15}$/;

function system32(tool: string, env: NodeJS.ProcessEnv = process.env): string {
  return path.win32.join(env.SystemRoot ?? 'C:\\Windows', 'System32', tool);
}

export interface WindowsUser {
  /** DOMAIN\name as whoami prints it. */
  readonly name: string;
  readonly sid: string;
}

/** `whoami /user /fo csv /nh`: one line `"domain\name","S-1-5-21-…"` (the same in every display language). */
export function parseWhoamiUser(stdout: string): WindowsUser | null {
  const line = stdout.split(/\r?\n/).find((l) => l.trim().startsWith('"'));
  const match = line ? /^"(?<name>[^"]+)","(?<sid>[^"]+)"\s*$/.exec(line.trim()) : null;
  const parsed = z.object({ name: z.string().min(1), sid: z.string().regex(SID) }).safeParse(match?.groups ?? {});
  return parsed.success ? parsed.data : null;
}

/** The command that leaves only the user's entry on the folder, inherited by everything below it. */
export function restrictFolderCommand(
  folder: string,
  sid: string,
  env?: NodeJS.ProcessEnv,
): { readonly file: string; readonly args: readonly string[] } {
  if (!SID.test(sid)) throw new Error('not a SID');
  return { file: system32('icacls.exe', env), args: [folder, '/inheritance:r', '/grant:r', `*${sid}:(OI)(CI)F`] };
}

export interface AccessEntry {
  /** DOMAIN\name, or the SID when the account cannot be resolved. */
  readonly principal: string;
  /** The parenthesised groups in order: inheritance flags, then the rights, e.g. ['OI', 'CI', 'F']. */
  readonly flags: readonly string[];
  readonly inherited: boolean;
}

/**
 * The entries `icacls <folder>` lists. The first entry follows the folder's path on its first
 * line; the others are indented below it; the closing summary line (its wording depends on the
 * display language) and blank lines are not entries.
 */
export function parseIcaclsListing(stdout: string, folder: string): AccessEntry[] | null {
  const lines = stdout.split(/\r?\n/);
  const first = lines.findIndex((line) => line.toLowerCase().startsWith(folder.toLowerCase()));
  if (first === -1) return null;
  const entries: AccessEntry[] = [];
  const candidates = [(lines[first] ?? '').slice(folder.length), ...lines.slice(first + 1)];
  for (const raw of candidates) {
    const line = raw.trim();
    if (line === '') break;
    const match = /^(?<principal>.+?):(?<flags>(?:\([A-Z,]+\))+)$/.exec(line);
    const principal = match?.groups?.principal;
    const groups = match?.groups?.flags;
    if (!principal || !groups) return null;
    const flags = [...groups.matchAll(/\(([A-Z,]+)\)/g)].flatMap((m) => (m[1] ? [m[1]] : []));
    entries.push({ principal, flags, inherited: flags.includes('I') });
  }
  return entries.length > 0 ? entries : null;
}

export type FolderAclVerdict =
  | { readonly state: 'owner-only' }
  | { readonly state: 'others-have-access'; readonly principals: readonly string[] }
  | { readonly state: 'unknown' };

/** Owner-only: every entry is the user's (by name or SID) and none is inherited from above. */
export function judgeFolderAcl(entries: readonly AccessEntry[] | null, user: WindowsUser): FolderAclVerdict {
  if (!entries || entries.length === 0) return { state: 'unknown' };
  const isUser = (principal: string) =>
    principal.toLowerCase() === user.name.toLowerCase() || principal.toUpperCase() === user.sid.toUpperCase();
  const others = entries.filter((entry) => !isUser(entry.principal) || entry.inherited).map((entry) => entry.principal);
  return others.length === 0 ? { state: 'owner-only' } : { state: 'others-have-access', principals: [...new Set(others)] };
}

/**
 * Restricts the folder to the user and reads the result back. Throws when a command fails or the
 * folder is seen still open to others; an unreadable read-back is returned as unknown.
 */
export async function restrictWindowsFolderToUser(folder: string, run: CommandRunner = runProbeCommand): Promise<FolderAclVerdict> {
  const whoami = await run(system32('whoami.exe'), ['/user', '/fo', 'csv', '/nh']);
  const user = whoami.ok ? parseWhoamiUser(whoami.stdout) : null;
  if (!user) throw new Error('the user SID could not be read');
  const command = restrictFolderCommand(folder, user.sid);
  const set = await run(command.file, command.args);
  if (!set.ok) throw new Error(`icacls failed: ${set.problem}`);
  const listing = await run(system32('icacls.exe'), [folder]);
  const verdict = judgeFolderAcl(listing.ok ? parseIcaclsListing(listing.stdout, folder) : null, user);
  if (verdict.state === 'others-have-access')
    throw new Error(`the data folder is still open to ${verdict.principals.length} other entries`);
  return verdict;
}
