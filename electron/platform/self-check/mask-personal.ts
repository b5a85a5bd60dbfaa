/**
 * Masks personal names in text a probe keeps: the raw value of an answer it did not recognize
 * (shown in the evidence and stored with the run and the signed report) and the recordings of
 * `fieldguard selfcheck --record` (sent to developers). The signed-in user's name, this laptop's
 * host name and any user's home folder (/home/x, /Users/x, C:\Users\x) are replaced with
 * placeholders; callers add what only they know is personal (SSIDs, serial numbers).
 */
import os from 'node:os';

export const MASKS = { user: '<user>', host: '<host>', ssid: '<ssid>', serial: '<serial>' } as const;

const HOME_FOLDERS = [/(\/home\/)([^/\s:"']+)/g, /(\/Users\/)([^/\s:"']+)/g, /([A-Za-z]:\\{1,2}Users\\{1,2})([^\\\s:"']+)/gi];
/** Folder names under /Users or C:\Users that are not a person. */
const NOT_A_PERSON = new Set(['shared', 'public', 'default', 'default user', 'all users', '<user>']);

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** This laptop's names: the signed-in user (several spellings) and the host (long and short). */
export function localNames(): { readonly users: readonly string[]; readonly hosts: readonly string[] } {
  let user: string | undefined;
  try {
    user = os.userInfo().username;
  } catch {
    user = undefined;
  }
  // root and SYSTEM are accounts, not people; masking them would rewrite ordinary tool output.
  const users = [user, process.env['USER'], process.env['USERNAME'], process.env['LOGNAME']].filter(
    (u): u is string => typeof u === 'string' && u.length >= 2 && !/^(root|system)$/i.test(u),
  );
  const host = os.hostname();
  const hosts = [host, host.split('.')[0] ?? ''].filter((h) => h.length >= 2);
  return { users: [...new Set(users)], hosts: [...new Set(hosts)] };
}

export interface MaskOptions {
  /** Other values to hide, each with its placeholder (e.g. an SSID the parser found). */
  readonly extra?: readonly { readonly value: string; readonly mask: string }[];
  readonly names?: ReturnType<typeof localNames>;
}

/**
 * The text with personal names replaced. Short values (one character) are never replaced: they
 * would mangle unrelated text. Names are matched as whole words, case-insensitively.
 */
export function maskPersonal(text: string, options: MaskOptions = {}): string {
  const names = options.names ?? localNames();
  let out = text;
  for (const pattern of HOME_FOLDERS) {
    out = out.replace(pattern, (whole, prefix: string, name: string) =>
      NOT_A_PERSON.has(name.toLowerCase()) ? whole : `${prefix}${MASKS.user}`,
    );
  }
  const pairs = [
    ...(options.extra ?? []).filter((e) => e.value.trim().length >= 2),
    ...names.hosts.map((value) => ({ value, mask: MASKS.host })),
    ...names.users.map((value) => ({ value, mask: MASKS.user })),
  ].sort((a, b) => b.value.length - a.value.length);
  for (const { value, mask } of pairs) {
    out = out.replace(new RegExp(`(?<![\\p{L}\\p{N}_-])${escapeRegExp(value)}(?![\\p{L}\\p{N}_-])`, 'giu'), mask);
  }
  return out;
}
