/**
 * The unlock screen (7-3): the password, or the recovery key. It says how many wrong tries
 * there were and how many remain before only the recovery key unlocks (in one banner), counts
 * down the wait after the fifth, and after the tenth — or when the keychain no longer holds
 * this vault's device secret — offers only the recovery key.
 */
import { useState, type SubmitEvent } from 'react';
import { Badge, Button, Field, Input, MessageBar, MessageBarBody, Tab, TabList, makeStyles, tokens } from '@fluentui/react-components';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { VaultStatus } from '@shared/vault';
import { ErrorState, useSentenceGap } from '../../components/ErrorState';
import { BridgeError, invoke } from '../../lib/bridge';
import { GateFrame } from './GateFrame';
import { RecoveryForm } from './RecoveryForm';
import { useSecondsUntil } from './use-countdown';
import { useApplyVaultStatus } from './use-vault';

const useStyles = makeStyles({ form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM } });

export function UnlockScreen({ status }: { status: VaultStatus }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const apply = useApplyVaultStatus();
  const recoveryOnly = status.recoveryRequired || status.deviceSecret === 'missing';
  const [mode, setMode] = useState<'password' | 'recovery'>(recoveryOnly ? 'recovery' : 'password');
  const [password, setPassword] = useState('');
  const wait = useSecondsUntil(status.retryAt);
  const gap = useSentenceGap();
  const unlock = useMutation({
    mutationFn: () => invoke('vault.unlock', { password }),
    onSuccess: apply,
    onError: () => {
      setPassword('');
      void invoke('vault.status', {}).then(apply);
    },
  });
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    if (password && wait === 0) unlock.mutate();
  };
  const shownMode = recoveryOnly ? 'recovery' : mode;
  // The core counts the tries; it says with a wrong password how many remain before only the recovery key unlocks.
  const triesLeft =
    unlock.error instanceof BridgeError && unlock.error.code === 'VAULT_WRONG_PASSWORD' ? (unlock.error.params.triesLeft ?? 0) : 0;

  return (
    <GateFrame title={t('vault.unlock.title')}>
      {status.protection === 'password-only' && (
        <Badge appearance="tint" color="warning">
          {t('vault.passwordOnly.badge')}
        </Badge>
      )}
      {status.deviceSecret === 'missing' && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{t('errors.VAULT_DEVICE_SECRET_MISSING')}</MessageBarBody>
        </MessageBar>
      )}
      {status.throttleTampered ? (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{t('errors.VAULT_THROTTLE_TAMPERED')}</MessageBarBody>
        </MessageBar>
      ) : (
        status.recoveryRequired && (
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>{t('errors.VAULT_RECOVERY_REQUIRED')}</MessageBarBody>
          </MessageBar>
        )
      )}
      {!recoveryOnly && (
        <TabList selectedValue={shownMode} onTabSelect={(_e, d) => setMode(d.value as 'password' | 'recovery')}>
          <Tab value="password">{t('vault.unlock.withPassword')}</Tab>
          <Tab value="recovery">{t('vault.unlock.withRecoveryKey')}</Tab>
        </TabList>
      )}
      {shownMode === 'password' ? (
        <form className={styles.form} onSubmit={submit} aria-label={t('vault.unlock.title')}>
          <Field label={t('vault.unlock.password')} required>
            <Input type="password" value={password} onChange={(_e, d) => setPassword(d.value)} autoComplete="current-password" autoFocus />
          </Field>
          {/* One banner: the refusal just now with the tries left, or else the count kept from before. */}
          {unlock.isError ? (
            <ErrorState error={unlock.error}>
              {triesLeft > 0 && t('vault.unlock.triesLeft', { count: triesLeft })}
              {wait > 0 && `${triesLeft > 0 ? gap : ''}${t('vault.unlock.wait', { seconds: wait })}`}
            </ErrorState>
          ) : (
            status.failures > 0 && (
              <MessageBar intent="warning" role="status">
                <MessageBarBody>
                  {t('vault.unlock.failures', { count: status.failures })}
                  {wait > 0 && ` ${t('vault.unlock.wait', { seconds: wait })}`}
                </MessageBarBody>
              </MessageBar>
            )
          )}
          <Button type="submit" appearance="primary" disabled={unlock.isPending || !password || wait > 0}>
            {unlock.isPending ? t('vault.unlock.working') : t('vault.unlock.submit')}
          </Button>
        </form>
      ) : (
        <RecoveryForm />
      )}
    </GateFrame>
  );
}
