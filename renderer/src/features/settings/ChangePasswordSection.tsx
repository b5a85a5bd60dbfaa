/**
 * Changing the vault password: the current one, the new one with a live strength meter
 * (the same rule the vault enforces), and the new one again. The vault re-wraps its master
 * key; nothing else changes, and the change is audited. A refusal is shown at the field it
 * is about (which of the three passwords is wrong), not as a banner below the form.
 */
import { useRef, useState, type SubmitEvent } from 'react';
import { Button, Field, Input, MessageBar, MessageBarBody, Spinner, Subtitle1, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { BridgeError } from '../../lib/bridge';
import { ErrorState, useSentenceGap } from '../../components/ErrorState';
import { PasswordStrength } from '../../components/PasswordStrength';
import { dynamicKey } from '../../i18n/text-key';
import { useVaultStatus } from '../vault/use-vault';
import { useChangePassword } from './use-settings';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '28em' },
  description: { display: 'block', marginBottom: tokens.spacingVerticalM, maxWidth: '60em' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalM },
});

type PasswordField = 'current' | 'next' | 'confirmation';

/** The field each refusal of the vault is about: the current password, the new one, or its repetition. */
const fieldOf: Partial<Record<string, PasswordField>> = {
  VAULT_WRONG_PASSWORD: 'current',
  VAULT_PASSWORD_REJECTED: 'next',
  VAULT_PASSWORDS_DIFFER: 'confirmation',
};

export function ChangePasswordSection({ className }: { className: string }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const status = useVaultStatus();
  const change = useChangePassword();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [checked, setChecked] = useState(false);
  const currentRef = useRef<HTMLInputElement>(null);
  const nextRef = useRef<HTMLInputElement>(null);
  const confirmationRef = useRef<HTMLInputElement>(null);
  const profile = status.data?.profile ?? undefined;

  const errors = {
    current: current === '' ? t('settings.password.currentRequired') : undefined,
    next: next === '' ? t('settings.password.newRequired') : undefined,
    confirmation:
      confirmation === '' ? t('settings.password.confirmRequired') : confirmation !== next ? t('errors.VAULT_PASSWORDS_DIFFER') : undefined,
  };
  // A refusal that belongs to one field is shown at that field, not as a banner below all three.
  const gap = useSentenceGap();
  const refusal = change.error instanceof BridgeError ? change.error : null;
  const refusedField = refusal ? fieldOf[refusal.code] : undefined;
  const refusalMessage =
    refusal && refusedField ? (
      <span data-error-code={refusal.code}>
        {refusal.code === 'VAULT_WRONG_PASSWORD' ? t('settings.password.currentWrong') : t(dynamicKey(refusal.messageKey), refusal.params)}
        {refusal.code === 'VAULT_WRONG_PASSWORD' &&
          (refusal.params.triesLeft ?? 0) > 0 &&
          `${gap}${t('vault.unlock.triesLeft', { count: refusal.params.triesLeft })}`}
      </span>
    ) : undefined;
  const refusedAt = (field: PasswordField) => (refusedField === field ? refusalMessage : undefined);

  const edit = (setter: (value: string) => void) => (value: string) => {
    if (change.isSuccess || change.isError) change.reset();
    setter(value);
  };

  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    setChecked(true);
    const firstInvalid = errors.current ? currentRef : errors.next ? nextRef : errors.confirmation ? confirmationRef : null;
    if (firstInvalid) {
      firstInvalid.current?.focus();
      return;
    }
    change.mutate(
      { currentPassword: current, newPassword: next, newPasswordConfirmation: confirmation },
      {
        onSuccess: () => {
          setCurrent('');
          setNext('');
          setConfirmation('');
          setChecked(false);
        },
        onError: (error) => {
          if (error instanceof BridgeError && error.code === 'VAULT_WRONG_PASSWORD') currentRef.current?.focus();
          else if (error instanceof BridgeError && error.code === 'VAULT_PASSWORD_REJECTED') nextRef.current?.focus();
          else if (error instanceof BridgeError && error.code === 'VAULT_PASSWORDS_DIFFER') confirmationRef.current?.focus();
        },
      },
    );
  };

  const shown = (message: string | undefined) => (checked ? message : undefined);

  return (
    <section className={className} aria-labelledby="settings-password-heading">
      <Subtitle1 as="h2" id="settings-password-heading" block>
        {t('settings.password.title')}
      </Subtitle1>
      <Text className={styles.description}>{t('settings.password.description')}</Text>
      <form className={styles.form} onSubmit={submit} noValidate aria-labelledby="settings-password-heading">
        <Field
          label={t('settings.password.current')}
          required
          validationState={shown(errors.current) || refusedAt('current') ? 'error' : 'none'}
          validationMessage={shown(errors.current) ?? refusedAt('current')}
        >
          <Input
            ref={currentRef}
            type="password"
            autoComplete="current-password"
            value={current}
            onChange={(_event, data) => edit(setCurrent)(data.value)}
          />
        </Field>
        <Field
          label={t('settings.password.new')}
          required
          hint={t('password.rule')}
          validationState={shown(errors.next) || refusedAt('next') ? 'error' : 'none'}
          validationMessage={shown(errors.next) ?? refusedAt('next')}
        >
          <Input
            ref={nextRef}
            type="password"
            autoComplete="new-password"
            value={next}
            onChange={(_event, data) => edit(setNext)(data.value)}
          />
        </Field>
        {next !== '' && <PasswordStrength password={next} profile={profile} />}
        <Field
          label={t('settings.password.confirm')}
          required
          validationState={shown(errors.confirmation) || refusedAt('confirmation') ? 'error' : 'none'}
          validationMessage={shown(errors.confirmation) ?? refusedAt('confirmation')}
        >
          <Input
            ref={confirmationRef}
            type="password"
            autoComplete="new-password"
            value={confirmation}
            onChange={(_event, data) => edit(setConfirmation)(data.value)}
          />
        </Field>
        {change.isError && !refusedField && <ErrorState error={change.error} />}
        {change.isSuccess && (
          <MessageBar intent="success" role="status" layout="multiline">
            <MessageBarBody>{t('settings.password.changed')}</MessageBarBody>
          </MessageBar>
        )}
        <div className={styles.actions}>
          <Button
            appearance="primary"
            type="submit"
            disabled={change.isPending}
            icon={change.isPending ? <Spinner size="tiny" /> : undefined}
          >
            {change.isPending ? t('settings.password.changing') : t('settings.password.submit')}
          </Button>
        </div>
      </form>
    </section>
  );
}
