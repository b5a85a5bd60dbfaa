/**
 * A whole-number field of the policy form with its range. What was typed is kept even when it
 * is not a number (as null), so the field can say what is wrong instead of silently changing it.
 */
import { Field, SpinButton } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';

/** The range a number field accepts (read from the contract's schema by the form that uses it). */
export interface Bounds {
  readonly min: number;
  readonly max: number;
}

export interface PolicyNumberFieldProps {
  readonly label: string;
  readonly value: number | null;
  readonly bounds: Bounds;
  readonly invalid: boolean;
  readonly onChange: (value: number | null) => void;
}

export function PolicyNumberField({ label, value, bounds, invalid, onChange }: PolicyNumberFieldProps) {
  const { t } = useTranslation();
  return (
    <Field
      label={label}
      required
      validationState={invalid ? 'error' : 'none'}
      validationMessage={invalid ? t('settings.selfCheckPolicy.numberInvalid', { ...bounds }) : undefined}
      hint={invalid ? undefined : t('settings.selfCheckPolicy.numberHint', { ...bounds })}
    >
      <SpinButton
        min={bounds.min}
        max={bounds.max}
        value={value}
        onChange={(_event, data) => {
          if (data.value !== undefined) onChange(data.value);
          else if (data.displayValue !== undefined) {
            // Full-width digits from a Japanese IME count as digits.
            const typed = data.displayValue.normalize('NFKC').trim();
            onChange(/^\d+$/.test(typed) ? Number(typed) : null);
          }
        }}
      />
    </Field>
  );
}
