/**
 * Unlocking with the recovery key: after a forgotten password, 10 wrong passwords, or on a
 * laptop whose keychain lacks the device secret. A new password is always set, and the
 * vault is bound to this laptop again.
 */
import { useState, type SubmitEvent } from 'react';
import { Button, Field, Input, makeStyles, tokens } from '@fluentui/react-components';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../components/ErrorState';
import { NewPasswordFields, passwordsDiffer } from '../../components/NewPasswordFields';
import { invoke } from '../../lib/bridge';
import { useApplyVaultStatus } from './use-vault';

const useStyles = makeStyles({ form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM } });

export function RecoveryForm() {
  const styles = useStyles();
  const { t } = useTranslation();
  const apply = useApplyVaultStatus();
  const [recoveryKey, setRecoveryKey] = useState('');
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const recover = useMutation({
    mutationFn: () => invoke('vault.recover', { recoveryKey, newPassword: password, newPasswordConfirmation: confirmation }),
    onSuccess: apply,
  });
  const mismatch = passwordsDiffer(password, confirmation);
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    if (!mismatch) recover.mutate();
  };
  return (
    <form className={styles.form} onSubmit={submit} aria-label={t('vault.recover.title')}>
      <Field label={t('vault.recover.key')} hint={t('vault.recover.keyHint')} required>
        <Input
          value={recoveryKey}
          onChange={(_e, d) => setRecoveryKey(d.value)}
          autoComplete="off"
          spellCheck={false}
          inputMode="numeric"
        />
      </Field>
      <NewPasswordFields
        password={password}
        confirmation={confirmation}
        onPassword={setPassword}
        onConfirmation={setConfirmation}
        passwordLabel={t('vault.recover.newPassword')}
        confirmationLabel={t('vault.recover.confirmPassword')}
      />
      {recover.isError && <ErrorState error={recover.error} />}
      <Button type="submit" appearance="primary" disabled={recover.isPending || !recoveryKey || !password || !confirmation}>
        {recover.isPending ? t('vault.recover.working') : t('vault.recover.submit')}
      </Button>
    </form>
  );
}
