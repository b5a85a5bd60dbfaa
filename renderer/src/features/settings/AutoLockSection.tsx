/**
 * How long the vault may stay open without use before it locks itself (1–30 minutes). The
 * value is kept inside the vault; each change is audited.
 */
import { useState, type FormEvent } from 'react';
import { Button, Field, MessageBar, MessageBarBody, SpinButton, Subtitle1, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../components/ErrorState';
import { QueryView } from '../../components/QueryView';
import { useVaultStatus } from '../vault/use-vault';
import { useSetAutoLock } from './use-settings';

const MIN = 1;
const MAX = 30;

const useStyles = makeStyles({
  form: { display: 'flex', alignItems: 'flex-start', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  field: { width: '260px' },
  save: { marginTop: '26px' },
  description: { display: 'block', marginBottom: tokens.spacingVerticalM },
  message: { marginTop: tokens.spacingVerticalM, maxWidth: '40em' },
});

function valid(minutes: number | null): minutes is number {
  return minutes !== null && Number.isInteger(minutes) && minutes >= MIN && minutes <= MAX;
}

export function AutoLockSection({ className }: { className: string }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const status = useVaultStatus();
  const save = useSetAutoLock();
  const [draft, setDraft] = useState<number | null | undefined>(undefined);
  const current = status.data?.autoLockMinutes ?? null;
  const value = draft === undefined ? current : draft;
  const invalid = !valid(value);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!valid(value)) return;
    save.mutate(value, { onSuccess: () => setDraft(undefined) });
  };

  return (
    <section className={className} aria-labelledby="settings-autolock-heading">
      <Subtitle1 as="h2" id="settings-autolock-heading" block>{t('settings.autoLock.title')}</Subtitle1>
      <Text className={styles.description}>{t('settings.autoLock.description')}</Text>
      <QueryView query={status}>
        {() => (
          <form className={styles.form} onSubmit={submit} noValidate>
            <Field
              className={styles.field}
              label={t('settings.autoLock.label')}
              validationState={invalid ? 'error' : 'none'}
              validationMessage={invalid ? t('settings.autoLock.invalid', { min: MIN, max: MAX }) : undefined}
              hint={invalid ? undefined : t('settings.autoLock.hint', { min: MIN, max: MAX })}
            >
              <SpinButton
                min={MIN}
                max={MAX}
                value={value}
                onChange={(_event, data) => {
                  save.reset();
                  if (data.value !== undefined) setDraft(data.value);
                  else if (data.displayValue !== undefined) {
                    const typed = data.displayValue.normalize('NFKC').trim();
                    setDraft(/^\d+$/.test(typed) ? Number(typed) : null);
                  }
                }}
              />
            </Field>
            <Button className={styles.save} appearance="primary" type="submit" disabled={invalid || value === current || save.isPending}>
              {t('settings.autoLock.save')}
            </Button>
          </form>
        )}
      </QueryView>
      {save.isSuccess && (
        <MessageBar className={styles.message} intent="success" role="status">
          <MessageBarBody>{t('settings.autoLock.saved', { minutes: save.data.autoLockMinutes ?? value })}</MessageBarBody>
        </MessageBar>
      )}
      {save.isError && (
        <div className={styles.message}>
          <ErrorState error={save.error} />
        </div>
      )}
    </section>
  );
}
