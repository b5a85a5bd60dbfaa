/**
 * A new password and its confirmation, with the strength meter between them (14-6): the
 * setup wizard and the recovery form ask for a new password the same way.
 */
import { Field, Input } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { Profile } from '@shared/vault';
import { PasswordStrength } from './PasswordStrength';

export interface NewPasswordFieldsProps {
  readonly password: string;
  readonly confirmation: string;
  readonly onPassword: (value: string) => void;
  readonly onConfirmation: (value: string) => void;
  readonly passwordLabel: string;
  readonly confirmationLabel: string;
  readonly profile?: Partial<Profile>;
  readonly autoFocus?: boolean;
}

/** True when a confirmation has been typed and differs from the password. */
export function passwordsDiffer(password: string, confirmation: string): boolean {
  return confirmation.length > 0 && confirmation !== password;
}

export function NewPasswordFields(props: NewPasswordFieldsProps) {
  const { t } = useTranslation();
  const mismatch = passwordsDiffer(props.password, props.confirmation);
  return (
    <>
      <Field label={props.passwordLabel} required>
        <Input
          type="password"
          value={props.password}
          onChange={(_e, d) => props.onPassword(d.value)}
          autoComplete="new-password"
          autoFocus={props.autoFocus}
        />
      </Field>
      <PasswordStrength password={props.password} profile={props.profile} />
      <Field
        label={props.confirmationLabel}
        required
        validationState={mismatch ? 'error' : 'none'}
        validationMessage={mismatch ? t('errors.VAULT_PASSWORDS_DIFFER') : undefined}
      >
        <Input type="password" value={props.confirmation} onChange={(_e, d) => props.onConfirmation(d.value)} autoComplete="new-password" />
      </Field>
    </>
  );
}
