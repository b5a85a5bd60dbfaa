/**
 * Replacing the vault's master key. The dialog first shows the new recovery key the rotation
 * draws (the old one stops working, so a past holder of it is locked out — issue 17) on the
 * same key screen as setup; then two of its groups and the password are asked; then it shows
 * each step of the rotation (a `job.progress` event with kind 'rotate' and a `step`) and
 * closes when it is done. An interrupted rotation is finished or undone at the next unlock.
 */
import { useState, type SubmitEvent } from 'react';
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Subtitle1,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { KeyReset20Regular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import type { JobProgress } from '@shared/vault';
import { ErrorState } from '../../components/ErrorState';
import { useJob } from '../../lib/use-job';
import { readBackAnswers, readBackComplete, RecoveryKeyGroups, RecoveryKeyReadBack, type ReadBack } from '../vault/RecoveryKeyPanels';
import { usePrepareRotation, useRotateMasterKey } from './use-settings';

const useStyles = makeStyles({
  description: { display: 'block', marginBottom: tokens.spacingVerticalM, maxWidth: '60em' },
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  message: { marginTop: tokens.spacingVerticalM, maxWidth: '60em' },
});

const STEPS = ['prepare', 'files', 'keys', 'audit', 'database', 'done'] as const;
type Step = (typeof STEPS)[number];

function isStep(value: string | null): value is Step {
  return value !== null && (STEPS as readonly string[]).includes(value);
}

/** The share of the bar each step has reached; re-wrapping the files is the long part. */
function fraction(progress: JobProgress | null): number | undefined {
  if (!progress || !isStep(progress.step)) return undefined;
  switch (progress.step) {
    case 'prepare':
      return 0.05;
    case 'files':
      return 0.05 + 0.6 * (progress.filesTotal > 0 ? progress.filesDone / progress.filesTotal : 1);
    case 'keys':
      return 0.7;
    case 'audit':
      return 0.8;
    case 'database':
      return 0.9;
    case 'done':
      return 1;
  }
}

export function RotateKeySection({ className }: { className: string }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const job = useJob();
  const rotate = useRotateMasterKey(job);
  const prepare = usePrepareRotation();
  const [open, setOpen] = useState(false);
  const [stage, setStage] = useState<'key' | 'confirm'>('key');
  const [keptCopy, setKeptCopy] = useState(false);
  const [answers, setAnswers] = useState<ReadBack>(['', '']);
  const [password, setPassword] = useState('');
  const [checked, setChecked] = useState(false);
  const [done, setDone] = useState(false);
  const missing = password === '';
  const prepared = prepare.data ?? null;
  const progress = job.current?.progress ?? null;
  const stepText =
    progress && isStep(progress.step)
      ? t(`settings.rotate.steps.${progress.step}`, { done: progress.filesDone, total: progress.filesTotal })
      : t('settings.rotate.steps.starting');

  const close = () => {
    if (rotate.isPending) return;
    setOpen(false);
    setPassword('');
    setChecked(false);
    setAnswers(['', '']);
    rotate.reset();
  };

  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    setChecked(true);
    if (missing || !prepared || !readBackComplete(answers) || rotate.isPending) return;
    rotate.mutate(
      { password, answers: readBackAnswers(prepared.confirmGroups, answers) },
      {
        onSuccess: () => {
          setOpen(false);
          setPassword('');
          setChecked(false);
          setDone(true);
        },
      },
    );
  };

  return (
    <section className={className} aria-labelledby="settings-rotate-heading">
      <Subtitle1 as="h2" id="settings-rotate-heading" block>
        {t('settings.rotate.title')}
      </Subtitle1>
      <Text className={styles.description}>{t('settings.rotate.description')}</Text>
      <Button
        icon={<KeyReset20Regular />}
        onClick={() => {
          setDone(false);
          rotate.reset();
          setStage('key');
          setKeptCopy(false);
          setAnswers(['', '']);
          prepare.mutate();
          setOpen(true);
        }}
      >
        {t('settings.rotate.button')}
      </Button>
      {done && (
        <MessageBar className={styles.message} intent="success" role="status">
          <MessageBarBody>{t('settings.rotate.success')}</MessageBarBody>
        </MessageBar>
      )}
      <Dialog open={open} modalType="alert" onOpenChange={(_event, data) => !data.open && close()}>
        <DialogSurface aria-describedby="rotate-dialog-description">
          {stage === 'key' ? (
            <DialogBody>
              <DialogTitle>{t('settings.rotate.dialog.title')}</DialogTitle>
              <DialogContent className={styles.content}>
                <Text id="rotate-dialog-description">{t('settings.rotate.dialog.newRecoveryKey')}</Text>
                {prepared && <RecoveryKeyGroups groups={prepared.groups} keptCopy={keptCopy} onKeptCopy={setKeptCopy} />}
                {prepare.isError && <ErrorState error={prepare.error} />}
              </DialogContent>
              <DialogActions>
                <Button appearance="primary" disabled={!prepared || !keptCopy} onClick={() => setStage('confirm')}>
                  {t('settings.rotate.dialog.next')}
                </Button>
                <Button onClick={close}>{t('settings.rotate.dialog.cancel')}</Button>
              </DialogActions>
            </DialogBody>
          ) : (
            <form onSubmit={submit} noValidate>
              <DialogBody>
                <DialogTitle>{t('settings.rotate.dialog.title')}</DialogTitle>
                <DialogContent className={styles.content}>
                  <Text id="rotate-dialog-description">{t('settings.rotate.dialog.description')}</Text>
                  <Text>{t('vault.setup.confirmIntro')}</Text>
                  {prepared && (
                    <RecoveryKeyReadBack
                      confirmGroups={prepared.confirmGroups}
                      answers={answers}
                      disabled={rotate.isPending}
                      onAnswers={(next) => {
                        if (rotate.isError) rotate.reset();
                        setAnswers(next);
                      }}
                    />
                  )}
                  <Field
                    label={t('settings.rotate.dialog.password')}
                    required
                    validationState={checked && missing ? 'error' : 'none'}
                    validationMessage={checked && missing ? t('settings.rotate.dialog.passwordRequired') : undefined}
                  >
                    <Input
                      type="password"
                      autoComplete="current-password"
                      value={password}
                      disabled={rotate.isPending}
                      onChange={(_event, data) => {
                        if (rotate.isError) rotate.reset();
                        setPassword(data.value);
                      }}
                    />
                  </Field>
                  {rotate.isPending && (
                    <Field label={t('settings.rotate.dialog.progress')} hint={stepText}>
                      <ProgressBar value={fraction(progress)} max={1} thickness="large" aria-valuetext={stepText} />
                    </Field>
                  )}
                  {rotate.isError && <ErrorState error={rotate.error} />}
                </DialogContent>
                <DialogActions>
                  <Button appearance="primary" type="submit" disabled={rotate.isPending || !readBackComplete(answers)}>
                    {rotate.isPending ? t('settings.rotate.dialog.working') : t('settings.rotate.dialog.confirm')}
                  </Button>
                  <Button onClick={() => setStage('key')} disabled={rotate.isPending}>
                    {t('settings.rotate.dialog.back')}
                  </Button>
                  <Button onClick={close} disabled={rotate.isPending}>
                    {t('settings.rotate.dialog.cancel')}
                  </Button>
                </DialogActions>
              </DialogBody>
            </form>
          )}
        </DialogSurface>
      </Dialog>
    </section>
  );
}
