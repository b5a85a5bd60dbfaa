/**
 * An audit entry's details as a person reads them: each key translated, sizes in binary
 * units, times in JST, yes/no for booleans, and the known enumerated values (erase method,
 * lock reason, protection, …) translated. Anything unknown is shown as it is.
 */
import type { TFunction } from 'i18next';
import type { AuditEntry } from '@shared/audit';
import { formatBytes } from '@shared/format-bytes';
import { formatDateTime } from '@shared/format-date';
import type { Language } from '@shared/locale';

/** Keys whose values are one of a few words the log writes, translated under audit.details.values.<key>. */
const ENUMERATED = new Set(['method', 'reason', 'protection', 'setting', 'problem']);
const BYTES = new Set(['bytes']);
/** Identifiers and hashes: shown in a monospace font, so that they can be compared character by character. */
const CODE = new Set(['itemId', 'sha256', 'evidenceSha256', 'fingerprint', 'rootFingerprint', 'issuerFingerprint', 'requestId']);
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

export interface DetailLine {
  readonly key: string;
  readonly label: string;
  readonly value: string;
  readonly code: boolean;
}

export function describeDetails(details: AuditEntry['details'], t: TFunction, language: Language): DetailLine[] {
  return Object.entries(details).map(([key, raw]) => ({
    key,
    label: t(`audit.details.keys.${key}`, { defaultValue: key }),
    value: describeValue(key, raw, t, language),
    code: CODE.has(key),
  }));
}

function describeValue(key: string, raw: string | number | boolean | null, t: TFunction, language: Language): string {
  if (raw === null) return '—';
  if (typeof raw === 'boolean') return t(raw ? 'audit.details.yes' : 'audit.details.no');
  if (typeof raw === 'number') {
    if (BYTES.has(key)) return formatBytes(raw, language);
    return new Intl.NumberFormat(language === 'ja' ? 'ja-JP' : 'en-US').format(raw);
  }
  if (ENUMERATED.has(key) && /^[\w+-]+$/.test(raw)) return t(`audit.details.values.${key}.${raw}`, { defaultValue: raw });
  if (ISO_TIME.test(raw)) return formatDateTime(raw, language);
  return raw;
}
