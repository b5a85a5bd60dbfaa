/**
 * The ledger's words and formats for the screen: types, statuses, encryption, return states
 * and disposal methods from the texts the signed reports and the CSV use (so a status reads the
 * same everywhere), calendar dates and times in Japan time, sizes in binary units.
 */
import { useTranslation } from 'react-i18next';
import { formatBytes } from '@shared/format-bytes';
import { formatCalendarDate, formatDateTime } from '@shared/format-date';
import { disposalMethodNames, encryptionNames, mediumStatusNames, mediumTypeNames, returnStateNames } from '@shared/ledger-texts';
import type { DisposalMethod, EncryptionState, MediumStatus, MediumType, ReturnState } from '@shared/ledger';
import type { Language } from '@shared/locale';

// One calendar-date format for every screen; the ledger's screens import it from here as before.
export { addDays, formatCalendarDate, todayInJapan } from '../../lib/calendar-date';

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
