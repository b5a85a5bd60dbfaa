/**
 * First run: the engineer's profile, the vault password (NIST SP 800-63B rule, 14-6) with a
 * strength meter — 次へ stays disabled until the rule accepts it — then the recovery key
 * (shown once, printable and savable) and two of its groups typed back before the vault is
 * created (7-3). Nothing is written until then.
 */
import { useState, type SubmitEvent } from 'react';
import { Button, Checkbox, Field, Input, MessageBar, MessageBarBody, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../components/ErrorState';
import { NewPasswordFields, passwordsDiffer } from '../../components/NewPasswordFields';
import { usePasswordAcceptable } from '../../components/PasswordStrength';
import { BridgeError, invoke } from '../../lib/bridge';
import { GateFrame } from './GateFrame';
import { readBackAnswers, readBackComplete, RecoveryKeyGroups, RecoveryKeyReadBack, type ReadBack } from './RecoveryKeyPanels';
import { useApplyVaultStatus } from './use-vault';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  actions: { display: 'flex', gap: tokens.spacingHorizontalM, justifyContent: 'flex-end' },
  step: { color: tokens.colorNeutralForeground3 },
});

type Step = 'profile' | 'password' | 'recovery' | 'confirm';
const STEPS: Step[] = ['profile', 'password', 'recovery', 'confirm'];

interface Prepared {
  recoveryKey: string;
  groups: string[];
  confirmGroups: [number, number];
}

export function SetupWizard() {
  const styles = useStyles();
  const { t } = useTranslation();
  const apply = useApplyVaultStatus();
  const [step, setStep] = useState<Step>('profile');
  const [profile, setProfile] = useState({ name: '', company: '', employeeId: '' });
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [passwordOnly, setPasswordOnly] = useState(false);
  const [keychainMissing, setKeychainMissing] = useState(false);
  const [prepared, setPrepared] = useState<Prepared | null>(null);
  const [keptCopy, setKeptCopy] = useState(false);
  const [answers, setAnswers] = useState<ReadBack>(['', '']);

  const prepare = useMutation({
    mutationFn: () => invoke('vault.prepareSetup', { profile, password, passwordConfirmation: confirmation, passwordOnly }),
    onSuccess: (result) => {
      setPrepared(result);
      setStep('recovery');
    },
    onError: (error) => {
      if (error instanceof BridgeError && error.code === 'VAULT_KEYCHAIN_UNAVAILABLE') setKeychainMissing(true);
    },
  });
  const complete = useMutation({
    mutationFn: (confirmGroups: readonly [number, number]) =>
      invoke('vault.completeSetup', { answers: readBackAnswers(confirmGroups, answers) }),
    onSuccess: apply,
  });

  const stepLabel = t('vault.setup.step', { current: STEPS.indexOf(step) + 1, total: STEPS.length });
  const mismatch = passwordsDiffer(password, confirmation);
  const strongEnough = usePasswordAcceptable(password, profile);
  const passwordReady = strongEnough && confirmation !== '' && !mismatch;
  const profileComplete = profile.name.trim() && profile.company.trim() && profile.employeeId.trim();

  const next = (event: SubmitEvent, action: () => void) => {
    event.preventDefault();
    action();
  };

  return (
    <GateFrame title={t('vault.setup.title')}>
      <Text className={styles.step}>
        {stepLabel} — {t(`vault.setup.steps.${step}`)}
      </Text>

      {step === 'profile' && (
        <form className={styles.form} onSubmit={(e) => next(e, () => setStep('password'))} aria-label={t('vault.setup.steps.profile')}>
          <Text>{t('vault.setup.intro')}</Text>
          <Field label={t('vault.setup.name')} required>
            <Input value={profile.name} onChange={(_e, d) => setProfile({ ...profile, name: d.value })} autoComplete="name" autoFocus />
          </Field>
          <Field label={t('vault.setup.company')} required>
            <Input value={profile.company} onChange={(_e, d) => setProfile({ ...profile, company: d.value })} autoComplete="organization" />
          </Field>
          <Field label={t('vault.setup.employeeId')} required>
            <Input value={profile.employeeId} onChange={(_e, d) => setProfile({ ...profile, employeeId: d.value })} autoComplete="off" />
          </Field>
          <div className={styles.actions}>
            <Button type="submit" appearance="primary" disabled={!profileComplete}>
              {t('vault.setup.next')}
            </Button>
          </div>
        </form>
      )}

      {step === 'password' && (
        <form
          className={styles.form}
          onSubmit={(e) => next(e, () => passwordReady && prepare.mutate())}
          aria-label={t('vault.setup.steps.password')}
        >
          <NewPasswordFields
            password={password}
            confirmation={confirmation}
            onPassword={setPassword}
            onConfirmation={setConfirmation}
            passwordLabel={t('vault.setup.password')}
            confirmationLabel={t('vault.setup.confirmPassword')}
            profile={profile}
            autoFocus
          />
          {keychainMissing && (
            <MessageBar intent="warning" layout="multiline">
              <MessageBarBody>
                {t('errors.VAULT_KEYCHAIN_UNAVAILABLE')}
                <Checkbox
                  checked={passwordOnly}
                  onChange={(_e, d) => setPasswordOnly(d.checked === true)}
                  label={t('vault.setup.passwordOnly')}
                />
              </MessageBarBody>
            </MessageBar>
          )}
          {prepare.isError && <ErrorState error={prepare.error} />}
          <div className={styles.actions}>
            <Button onClick={() => setStep('profile')}>{t('vault.setup.back')}</Button>
            <Button
              type="submit"
              appearance="primary"
              disabled={prepare.isPending || !passwordReady}
              aria-describedby={passwordReady ? undefined : 'setup-next-hint'}
            >
              {t('vault.setup.next')}
            </Button>
          </div>
          {/* A disabled button says why: 次へ opens once the rule accepts the password and it is typed twice. */}
          {!passwordReady && (
            <Text id="setup-next-hint" size={300}>
              {t(strongEnough ? 'vault.setup.nextNeedsConfirmation' : 'vault.setup.nextNeedsStrength')}
            </Text>
          )}
        </form>
      )}

      {step === 'recovery' && prepared && (
        <div className={styles.form}>
          <Text>{t('vault.setup.recoveryIntro')}</Text>
          <RecoveryKeyGroups groups={prepared.groups} keptCopy={keptCopy} onKeptCopy={setKeptCopy} />
          <div className={styles.actions}>
            <Button appearance="primary" disabled={!keptCopy} onClick={() => setStep('confirm')}>
              {t('vault.setup.next')}
            </Button>
          </div>
        </div>
      )}

      {step === 'confirm' && prepared && (
        <form
          className={styles.form}
          onSubmit={(e) => next(e, () => complete.mutate(prepared.confirmGroups))}
          aria-label={t('vault.setup.steps.confirm')}
        >
          <Text>{t('vault.setup.confirmIntro')}</Text>
          <RecoveryKeyReadBack confirmGroups={prepared.confirmGroups} answers={answers} onAnswers={setAnswers} />
          {complete.isError && <ErrorState error={complete.error} />}
          <div className={styles.actions}>
            <Button onClick={() => setStep('recovery')}>{t('vault.setup.back')}</Button>
            <Button type="submit" appearance="primary" disabled={complete.isPending || !readBackComplete(answers)}>
              {complete.isPending ? t('vault.setup.creating') : t('vault.setup.finish')}
            </Button>
          </div>
        </form>
      )}
    </GateFrame>
  );
}
