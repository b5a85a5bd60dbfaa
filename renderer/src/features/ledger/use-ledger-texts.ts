/**
 * The ledger's words and formats for the screen: types, statuses, encryption, return states
 * and disposal methods from the texts the signed reports and the CSV use (so a status reads the
 * same everywhere), calendar dates and times in Japan time, sizes in binary units.
 */
import { useTranslation } from 'react-i18next';
import { formatBytes } from '@shared/format-bytes';
import { formatDateTime } from '@shared/format-date';
import { disposalMethodNames, encryptionNames, mediumStatusNames, mediumTypeNames, returnStateNames } from '@shared/ledger-texts';
import type { DisposalMethod, EncryptionState, MediumStatus, MediumType, ReturnState } from '@shared/ledger';
import type { Language } from '@shared/locale';

/** A `YYYY-MM-DD` day as people read it: 2026/11/26 in Japanese, 26 Nov 2026 in English (the day itself, no time zone shift). */
export function formatCalendarDate(date: string, language: Language): string {
  return new Intl.DateTimeFormat(language === 'ja' ? 'ja-JP' : 'en-GB', {
    timeZone: 'UTC',
    year: 'numeric',
    month: language === 'ja' ? '2-digit' : 'short',
    day: '2-digit',
  }).format(new Date(`${date}T00:00:00Z`));
}

/** Today in Japan time as `YYYY-MM-DD` (the screen's default dates; the main process decides what is overdue). */
export function todayInJapan(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** `YYYY-MM-DD` plus some days. */
export function addDays(date: string, days: number): string {
  const value = new Date(`${date}T00:00:00Z`);
  value.setUTCDate(value.getUTCDate() + days);
  return value.toISOString().slice(0, 10);
}

export function useLedgerTexts() {
  const { i18n } = useTranslation();
  const language: Language = i18n.language === 'en' ? 'en' : 'ja';
  return {
    language,
    type: (type: MediumType) => mediumTypeNames[language][type],
    status: (status: MediumStatus) => mediumStatusNames[language][status],
    encryption: (state: EncryptionState) => encryptionNames[language][state],
    returnState: (state: ReturnState) => returnStateNames[language][state],
    disposal: (method: DisposalMethod) => disposalMethodNames[language][method],
    date: (date: string | null) => (date === null ? '—' : formatCalendarDate(date, language)),
    dateTime: (iso: string | null) => (iso === null ? '—' : formatDateTime(iso, language)),
    bytes: (bytes: number | null) => (bytes === null ? '—' : formatBytes(bytes, language)),
    or: (value: string) => (value.trim() === '' ? '—' : value),
  };
}
