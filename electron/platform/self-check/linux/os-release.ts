/**
 * Which Linux this is, from /etc/os-release (os-release(5); /usr/lib/os-release is the
 * fallback the spec names). VERSION_ID is only the major release on Debian ("12"), so the point
 * release comes from /etc/debian_version ("12.7"); Ubuntu's VERSION ("24.04.1 LTS (Noble
 * Numbat)") carries its point release. /etc/debian_version is ignored on Ubuntu and other
 * derivatives, where it names the Debian base ("bookworm/sid"), not their own version.
 */

export const OS_RELEASE_FILES = ['/etc/os-release', '/usr/lib/os-release'] as const;
export const DEBIAN_VERSION_FILE = '/etc/debian_version';

export interface OsIdentity {
  readonly osName: string;
  /** Dotted version when known, e.g. "12.7", "24.04.1"; "" for rolling releases without one. */
  readonly osVersion: string;
}

/** KEY=value lines, shell-quoted values unquoted ("\" and "\\" escapes inside double quotes). */
export function parseOsRelease(text: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const m = /^\s*([A-Z0-9_]+)=(.*)$/.exec(line);
    if (!m?.[1]) continue;
    fields[m[1]] = unquote((m[2] ?? '').trim());
  }
  return fields;
}

function unquote(value: string): string {
  const quoted = /^"(.*)"$/.exec(value) ?? /^'(.*)'$/.exec(value);
  if (!quoted) return value;
  return value.startsWith('"') ? (quoted[1] ?? '').replace(/\\(["\\$`])/g, '$1') : (quoted[1] ?? '');
}

const DOTTED = /^\d+(\.\d+)*$/;

/** /etc/debian_version: "12.7" on stable; "trixie/sid" on testing, which is not a version. */
export function parseDebianVersion(text: string): string | null {
  const value = text.trim();
  return DOTTED.test(value) ? value : null;
}

export function osIdentity(fields: Record<string, string>, debianVersion: string | null): OsIdentity {
  const osName = fields.PRETTY_NAME ?? fields.NAME ?? 'Linux';
  const versionId = fields.VERSION_ID ?? '';
  if (fields.ID === 'debian' && debianVersion !== null) return { osName, osVersion: debianVersion };
  // "24.04.1 LTS (Noble Numbat)": take the point release only when it extends VERSION_ID.
  const pointRelease = /^(\d+(?:\.\d+)+)/.exec(fields.VERSION ?? '')?.[1];
  if (pointRelease && versionId && pointRelease.startsWith(`${versionId}.`)) return { osName, osVersion: pointRelease };
  return { osName, osVersion: versionId };
}
