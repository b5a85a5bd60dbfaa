/**
 * After how many days visit data still in the vault turns red on the dashboard (1–365, by
 * default 7): a reminder to erase what was carried from a site (10-1). Kept in the vault;
 * each change is audited.
 */
import { useState, type FormEvent } from 'react';
import { Button, Field, MessageBar, MessageBarBody, SpinButton, Subtitle1, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../components/ErrorState';
import { QueryView } from '../../components/QueryView';
import { useAttention, useSetHeldDataWarnDays } from '../visits/use-visits';

const MIN = 1;
const MAX = 365;

const useStyles = makeStyles({
  form: { display: 'flex', alignItems: 'flex-start', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  field: { width: '260px' },
  save: { marginTop: '26px' },
  description: { display: 'block', marginBottom: tokens.spacingVerticalM, maxWidth: '60em' },
  message: { marginTop: tokens.spacingVerticalM, maxWidth: '40em' },
});

function valid(days: number | null): days is number {
  return days !== null && Number.isInteger(days) && days >= MIN && days <= MAX;
}

export function HeldDataSection({ className }: { className: string }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const attention = useAttention();
  const save = useSetHeldDataWarnDays();
  const [draft, setDraft] = useState<number | null | undefined>(undefined);
  const current = attention.data?.warnAfterDays ?? null;
  const value = draft === undefined ? current : draft;
  const invalid = !valid(value);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!valid(value)) return;
    save.mutate(value, { onSuccess: () => setDraft(undefined) });
  };

  return (
    <section className={className} aria-labelledby="settings-held-data-heading" data-testid="settings-held-data">
      <Subtitle1 as="h2" id="settings-held-data-heading" block>{t('visits.settings.title')}</Subtitle1>
      <Text className={styles.description}>{t('visits.settings.description')}</Text>
      <QueryView query={attention}>
        {() => (
          <form className={styles.form} onSubmit={submit} noValidate>
            <Field
              className={styles.field}
              label={t('visits.settings.label')}
              validationState={invalid ? 'error' : 'none'}
              validationMessage={invalid ? t('visits.settings.invalid', { min: MIN, max: MAX }) : undefined}
              hint={invalid ? undefined : t('visits.settings.hint', { min: MIN, max: MAX })}
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
              {t('visits.settings.save')}
            </Button>
          </form>
        )}
      </QueryView>
      {save.isSuccess && (
        <MessageBar className={styles.message} intent="success" role="status">
          <MessageBarBody>{t('visits.settings.saved', { count: save.data.warnAfterDays })}</MessageBarBody>
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
