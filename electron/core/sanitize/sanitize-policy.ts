/**
 * What may be handed to a site (10-5): an allow-list of true types, editable in Settings, and
 * the vendor's release list — the SHA-256 of each software package the vendor published —
 * without which no executable or installer passes. Kept in the vault's settings. The
 * allow-list judges a file on disk and every file inside its archives alike (decide-verdict.ts);
 * the default admits legacy .doc/.xls/.ppt, whose macros, objects and DDE block as findings.
 */
import { z } from 'zod';
import { DEFAULT_ALLOWED_TYPES } from '../../shared/sanitize';
import type { VaultSession } from '../vault/vault-session';
import { readSetting, writeSetting } from '../vault/vault-settings';
import { AntivirusDatabasePolicy } from './antivirus-database-policy';

// Declared with the IPC contract, so that Settings offers the same list.
export { DEFAULT_ALLOWED_TYPES };

/** Software packages: they pass only when their SHA-256 is on an imported vendor release list. */
export const SOFTWARE_TYPES: ReadonlySet<string> = new Set(['pe', 'msi', 'elf', 'macho']);

export const SanitizePolicy = z
  .object({
    allowedTypes: z.array(z.string().regex(/^[a-z0-9-]{1,20}$/)).max(100),
    /** The vendor's published packages: SHA-256 → package name. */
    releases: z.array(z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/), name: z.string().max(200) }).strict()).max(10_000),
    /** How old or small the anti-virus database may be (antivirus-database-policy.ts); absent: its defaults. */
    antivirusDatabase: AntivirusDatabasePolicy.optional(),
    /** True types content disarm does not rebuild (rebuild/disarm-staged.ts); absent: every type with a rebuilder is rebuilt. */
    rebuildBlockTypes: z
      .array(z.string().regex(/^[a-z0-9-]{1,20}$/))
      .max(100)
      .optional(),
  })
  .strict();
export type SanitizePolicy = z.infer<typeof SanitizePolicy>;

export const DEFAULT_SANITIZE_POLICY: SanitizePolicy = { allowedTypes: [...DEFAULT_ALLOWED_TYPES], releases: [] };

const KEY = 'sanitize_policy';

export function loadSanitizePolicy(session: VaultSession): SanitizePolicy {
  const value = readSetting(session.db, KEY);
  if (value === null) return DEFAULT_SANITIZE_POLICY;
  const parsed = SanitizePolicy.safeParse(JSON.parse(value));
  return parsed.success ? parsed.data : DEFAULT_SANITIZE_POLICY;
}

export function saveSanitizePolicy(session: VaultSession, policy: SanitizePolicy): SanitizePolicy {
  session.db.transaction(() => {
    writeSetting(session.db, KEY, JSON.stringify(policy));
    session.audit.append('settings.changed', session.actor(), {
      setting: 'sanitizePolicy',
      allowedTypes: policy.allowedTypes.join(' '),
      releases: policy.releases.length,
    });
  })();
  return policy;
}

/**
 * A vendor release list: one package a line, `<sha256>  <name>` (the format `sha256sum`
 * prints, so a vendor's SHA256SUMS file works as it is); blank lines and `#` comments skipped.
 */
export function parseReleaseList(text: string): SanitizePolicy['releases'] {
  const releases: { sha256: string; name: string }[] = [];
  for (const line of text.replace(/^\uFEFF/, '').split(/\r?\n/)) {
    const trimmed = line.trim();
    if (!trimmed || trimmed.startsWith('#')) continue;
    const match = /^([0-9a-fA-F]{64})\s+\*?(.+)$/.exec(trimmed);
    if (!match?.[1] || !match[2]) throw new Error('not a release list line');
    releases.push({ sha256: match[1].toLowerCase(), name: match[2].trim() });
  }
  return releases;
}
