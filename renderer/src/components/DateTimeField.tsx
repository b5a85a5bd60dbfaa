/**
 * A date and a time of day in Japan time, for the forms that record when something happened (a
 * visit step's login or disposal, a site administrator's permission). Chromium's own
 * `<input type="datetime-local">` followed the operating system's locale, so a Japanese screen
 * showed mm/dd/yyyy and, on some systems, a 12-hour clock; here the day is the app's DateField
 * (2026/12/06, 6 Dec 2026) and the time a 24-hour `HH:mm` box beside it, read by
 * `parseTimeOfDay`. The value keeps the shape the forms and the contract carry,
 * `YYYY-MM-DDTHH:mm` in Japan time, and is '' while the day or the time is missing or not one —
 * a time that is not one is said in words at the field, never sent as a guess.
 */
import { useId, useState } from 'react';
import { Field, Input, Label, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { parseTimeOfDay } from '@shared/format-date';
import { joinDateTime, splitDateTime } from '../lib/date-time-value';
import { DateField } from './DateField';

const useStyles = makeStyles({
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalS },
  day: { width: '12em' },
  time: { width: '6.5em' },
  timePart: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
});

export interface DateTimeFieldProps {
  /** On the day's text box: the form puts focus there when the field is at fault. */
  readonly id?: string;
  readonly label: string;
  readonly required?: boolean;
  /** `YYYY-MM-DDTHH:mm` in Japan time, or '' for none. */
  readonly value: string;
  readonly onChange: (value: string) => void;
  /** The form's own problem with the value (e.g. required), shown once it has tried to send. */
  readonly error?: string;
  readonly className?: string;
}

export function DateTimeField({ id, label, required = false, value, onChange, error, className }: DateTimeFieldProps) {
  const styles = useStyles();
  const { t } = useTranslation();
  const labelId = useId();
  const ownDayId = useId();
  const ownTimeId = useId();
  const timeLabelId = useId();
  const [day, setDay] = useState(() => splitDateTime(value).day);
  const [timeText, setTimeText] = useState(() => splitDateTime(value).time);
  // `id` names the box a form focuses when the field is at fault: the time's once the day is
  // there but the time is not one (forms focus in the same event that finds the fault, so this
  // follows what is typed, not the error shown).
  const idOnTime = id !== undefined && day !== '' && parseTimeOfDay(timeText) === null;
  const dayId = idOnTime ? ownDayId : (id ?? ownDayId);
  const timeId = idOnTime ? id : ownTimeId;
  const [timeLeft, setTimeLeft] = useState(false);
  // A value set by the form (a reset, a draft restored) replaces what is typed; the '' this
  // field gives for a time that is not one does not wipe the typed text.
  const [shown, setShown] = useState(value);
  if (value !== shown) {
    setShown(value);
    if (value !== joinDateTime(day, timeText)) {
      setDay(splitDateTime(value).day);
      setTimeText(splitDateTime(value).time);
    }
  }

  const timeIsBad = timeText.trim() !== '' && parseTimeOfDay(timeText) === null;
  const timeProblem = timeIsBad && (timeLeft || error !== undefined) ? t('dateField.timeInvalid') : undefined;
  const problem = timeProblem ?? error;
  const timeAtFault = timeProblem !== undefined || (error !== undefined && day !== '' && timeText.trim() === '');
  const change = (nextDay: string, nextTime: string) => {
    const next = joinDateTime(nextDay, nextTime);
    setShown(next);
    onChange(next);
  };

  return (
    <Field
      className={className}
      label={{ id: labelId, htmlFor: dayId, children: label }}
      required={required}
      validationState={problem === undefined ? 'none' : 'error'}
      validationMessage={problem}
      hint={t('dateField.japanTime')}
    >
      <div className={styles.row}>
        <DateField
          id={dayId}
          className={styles.day}
          value={day}
          aria-invalid={problem !== undefined && !timeAtFault}
          onChange={(nextDay) => {
            setDay(nextDay);
            change(nextDay, timeText);
          }}
        />
        <span className={styles.timePart}>
          <Label id={timeLabelId} htmlFor={timeId}>
            {t('dateField.time')}
          </Label>
          <Input
            id={timeId}
            className={styles.time}
            aria-labelledby={`${labelId} ${timeLabelId}`}
            aria-invalid={timeAtFault}
            value={timeText}
            placeholder={t('dateField.timePlaceholder')}
            autoComplete="off"
            spellCheck={false}
            onChange={(_event, data) => {
              setTimeText(data.value);
              change(day, data.value);
            }}
            onBlur={() => {
              setTimeLeft(true);
              // What was typed as 905 or 9時5分 is shown back as 09:05, the way it is read.
              const time = parseTimeOfDay(timeText);
              if (time !== null) setTimeText(time);
            }}
          />
        </span>
      </div>
    </Field>
  );
}
