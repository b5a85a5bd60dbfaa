/**
 * Archive entry names that would write outside the folder they are extracted to
 * ("zip slip"): parent segments, absolute paths, drive letters, backslashes (a separator on
 * Windows, which extractors treat differently). Checked on every name an extractor might
 * use — the raw header bytes and the decoded name, which can differ when a Unicode-path
 * extra field is present.
 */

export function isUnsafeEntryName(name: string): boolean {
  if (name.length === 0) return true;
  if (name.includes('\\')) return true;
  if (name.includes('\0')) return true;
  if (name.startsWith('/')) return true;
  if (/^[A-Za-z]:/.test(name)) return true;
  return name.split('/').some((segment) => segment === '..');
}
