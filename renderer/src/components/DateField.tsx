/**
 * A date field for every form: Fluent's DatePicker, showing the date the way the rest of the
 * app writes it (2026/12/06 in Japanese, 6 Dec 2026 in English — shared/format-date.ts) and a
 * calendar in the UI language. Chromium's own `<input type="date">` followed the operating
 * system's locale instead, so a Japanese screen showed mm/dd/yyyy. The value stays a calendar
 * day, `YYYY-MM-DD` ('' for none), as the forms and the IPC contract carry it; the calendar's
 * Date objects are local midnights, read back by their local day, never as instants.
 */
import { useCallback, useMemo, type Ref } from 'react';
import { DatePicker, type DatePickerProps } from '@fluentui/react-datepicker-compat';
import { useTranslation } from 'react-i18next';
import { formatCalendarDate, parseCalendarDate } from '@shared/format-date';
import type { Language } from '@shared/locale';

function toDay(date: Date): string {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

function fromDay(day: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  return match ? new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : null;
}

/** Month and weekday names from the platform's own calendar data for the UI language. */
function calendarNames(language: Language) {
  const locale = language === 'ja' ? 'ja-JP' : 'en-GB';
  const month = (style: 'long' | 'short') =>
    Array.from({ length: 12 }, (_, i) => new Intl.DateTimeFormat(locale, { month: style }).format(new Date(2026, i, 1)));
  // 4 January 2026 was a Sunday: the calendar's weeks start on Sunday, as Japanese calendars do.
  const weekday = (style: 'long' | 'narrow') =>
    Array.from({ length: 7 }, (_, i) => new Intl.DateTimeFormat(locale, { weekday: style }).format(new Date(2026, 0, 4 + i)));
  return { months: month('long'), shortMonths: month('short'), days: weekday('long'), shortDays: weekday('narrow') };
}

export interface DateFieldProps extends Pick<
  DatePickerProps,
  'id' | 'aria-label' | 'aria-describedby' | 'aria-invalid' | 'required' | 'disabled' | 'className'
> {
  /** The day, `YYYY-MM-DD`, or '' for none. */
  readonly value: string;
  /**
   * The chosen day, or '' when the field was cleared or holds text that is not a day. There are
   * no min/max bounds here on purpose: the DatePicker silently drops a typed day outside them,
   * so each form checks the range itself and says what is wrong at the field.
   */
  readonly onChange: (day: string) => void;
  /** The text box, to put focus on it when its value is at fault. */
  readonly ref?: Ref<HTMLInputElement>;
}

export function DateField({ value, onChange, ...rest }: DateFieldProps) {
  const { t, i18n } = useTranslation();
  const language: Language = i18n.language === 'en' ? 'en' : 'ja';
  const strings = useMemo(
    () => ({
      ...calendarNames(language),
      goToToday: t('dateField.today'),
      prevMonthAriaLabel: t('dateField.previousMonth'),
      nextMonthAriaLabel: t('dateField.nextMonth'),
      prevYearAriaLabel: t('dateField.previousYear'),
      nextYearAriaLabel: t('dateField.nextYear'),
      closeButtonAriaLabel: t('dateField.close'),
    }),
    [language, t],
  );
  // Stable between renders on purpose: the DatePicker writes the formatted value back into the
  // text box whenever `value` or `formatDate` change identity, so a new Date each render wiped a
  // day being typed as soon as anything else on the page re-rendered (a list refreshing).
  const selected = useMemo(() => fromDay(value), [value]);
  const formatDate = useCallback((date?: Date) => (date ? formatCalendarDate(toDay(date), language) : ''), [language]);
  return (
    <DatePicker
      {...rest}
      value={selected}
      onSelectDate={(date) => onChange(date ? toDay(date) : '')}
      formatDate={formatDate}
      parseDateFromString={(text) => {
        const day = parseCalendarDate(text);
        return day === null ? null : fromDay(day);
      }}
      allowTextInput
      placeholder={t('dateField.placeholder')}
      strings={strings}
      onValidationResult={(result) => {
        if (result.error !== undefined) onChange('');
      }}
      showGoToToday
    />
  );
}
