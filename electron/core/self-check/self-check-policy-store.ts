/**
 * The self-check policy kept in the vault's settings (editable in Settings, or imported from
 * a company file) and whose device this is (company or BYOD, 8-9). A company file may give
 * only the values it cares about; the rest come from the defaults. Changes are audited.
 */
import { DEFAULT_SELF_CHECK_POLICY, SelfCheckPolicy, type DeviceOwnership } from '../../shared/self-check';
import { AppError } from '../app-error';
import { deleteSetting, readSetting as readVaultSetting, writeSetting as writeVaultSetting } from '../vault/vault-settings';
import type { VaultSession } from '../vault/vault-session';

export type PolicySource = 'default' | 'edited' | 'imported';

export interface PolicySetting {
  readonly policy: SelfCheckPolicy;
  readonly source: PolicySource;
  readonly ownership: DeviceOwnership;
}

const POLICY_KEY = 'self_check_policy';
const OWNERSHIP_KEY = 'device_ownership';

function readSetting(session: VaultSession, key: string): string | null {
  return readVaultSetting(session.db, key);
}

function writeSetting(session: VaultSession, key: string, value: string): void {
  writeVaultSetting(session.db, key, value);
}

export function loadPolicySetting(session: VaultSession): PolicySetting {
  const ownership: DeviceOwnership = readSetting(session, OWNERSHIP_KEY) === 'byod' ? 'byod' : 'company';
  const stored = readSetting(session, POLICY_KEY);
  if (stored) {
    const parsed = SelfCheckPolicy.safeParse((JSON.parse(stored) as { policy?: unknown }).policy);
    const source = (JSON.parse(stored) as { source?: PolicySource }).source ?? 'edited';
    if (parsed.success) return { policy: parsed.data, source, ownership };
  }
  return { policy: DEFAULT_SELF_CHECK_POLICY, source: 'default', ownership };
}

export function savePolicySetting(
  session: VaultSession,
  policy: SelfCheckPolicy,
  source: PolicySource,
  ownership: DeviceOwnership,
): PolicySetting {
  const before = loadPolicySetting(session);
  session.db.transaction(() => {
    if (source === 'default') deleteSetting(session.db, POLICY_KEY);
    else writeSetting(session, POLICY_KEY, JSON.stringify({ policy, source }));
    writeSetting(session, OWNERSHIP_KEY, ownership);
    session.audit.append('settings.changed', session.actor(), {
      setting: 'selfCheckPolicy',
      from: before.policy.name,
      to: policy.name,
      source,
      ownership,
    });
  })();
  return loadPolicySetting(session);
}

/** A company policy file: JSON with any of the policy's fields (the rest default), `required` merged per check. */
export function parsePolicyFile(text: string): SelfCheckPolicy {
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    throw new AppError('SELF_CHECK_POLICY_INVALID');
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new AppError('SELF_CHECK_POLICY_INVALID');
  // Trust settings in the same file (company-trust-policy.ts) are applied separately.
  const {
    timestampAuthority: _timestampAuthority,
    revocationLists: _revocationLists,
    ...given
  } = raw as Partial<Record<keyof SelfCheckPolicy | 'timestampAuthority' | 'revocationLists', unknown>>;
  const merged = {
    ...DEFAULT_SELF_CHECK_POLICY,
    ...given,
    minimumOsVersion: { ...DEFAULT_SELF_CHECK_POLICY.minimumOsVersion, ...(given.minimumOsVersion as object | undefined) },
    required: { ...DEFAULT_SELF_CHECK_POLICY.required, ...(given.required as object | undefined) },
    edrServices: { ...DEFAULT_SELF_CHECK_POLICY.edrServices, ...(given.edrServices as object | undefined) },
  };
  const parsed = SelfCheckPolicy.safeParse(merged);
  if (!parsed.success) throw new AppError('SELF_CHECK_POLICY_INVALID');
  return parsed.data;
}
