/** The ledger's schedule: inventory every 3 months, migrate media after 5 years, remind 90 days ahead — unless changed. */
import type { VaultDatabase } from '../../db/open-vault-database';
import { LedgerSettings } from '../../shared/ledger';
import { parseDraft } from '../sites/parse-draft';
import type { VaultSession } from '../vault/vault-session';
import { readSetting, writeSetting } from '../vault/vault-settings';

const KEY = 'ledger_settings';

export const DEFAULT_LEDGER_SETTINGS: LedgerSettings = { inventoryIntervalMonths: 3, migrationAgeYears: 5, reminderLeadDays: 90 };

export function readLedgerSettings(db: VaultDatabase): LedgerSettings {
  const value = readSetting(db, KEY);
  const parsed = value !== null ? LedgerSettings.safeParse(JSON.parse(value)) : null;
  return parsed?.success ? parsed.data : DEFAULT_LEDGER_SETTINGS;
}

export function saveLedgerSettings(session: VaultSession, input: LedgerSettings): LedgerSettings {
  const settings = parseDraft(LedgerSettings, input);
  session.db.transaction(() => {
    writeSetting(session.db, KEY, JSON.stringify(settings));
    session.audit.append('ledger.settings-changed', session.actor(), { ...settings });
  })();
  return settings;
}
