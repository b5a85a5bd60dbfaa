/** Dates and times as the engineers and the sites read them: always Japan time, marked JST. */
import { DISPLAY_TIME_ZONE, type Language } from './locale';

export function formatDateTime(iso: string, language: Language): string {
  const formatted = new Intl.DateTimeFormat(language === 'ja' ? 'ja-JP' : 'en-GB', {
    timeZone: DISPLAY_TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hour12: false,
  }).format(new Date(iso));
  return `${formatted} JST`;
}
