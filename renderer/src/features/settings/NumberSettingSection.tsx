/**
 * A settings section for one whole number within limits (auto-lock minutes, the held-data
 * warning days): the current value read from the vault, a spin button, Save, and what became
 * of the save. Each section passes its own query, mutation, texts and limits; the form, its
 * validation and its messages are the same for all, so they live here once.
 */
import { useState, type SubmitEvent } from 'react';
import { Button, Field, MessageBar, MessageBarBody, SpinButton, Subtitle1, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { UseMutationResult, UseQueryResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../components/ErrorState';
import { QueryView } from '../../components/QueryView';
import type { TextPrefixWith } from '../../i18n/text-key';

const useStyles = makeStyles({
  form: { display: 'flex', alignItems: 'flex-start', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  field: { width: '260px' },
  save: { marginTop: '26px' },
  description: { display: 'block', marginBottom: tokens.spacingVerticalM, maxWidth: '60em' },
  message: { marginTop: tokens.spacingVerticalM, maxWidth: '40em' },
});

export interface NumberSettingSectionProps<TSaved> {
  readonly className: string;
  /** The heading's id, which names the section as a region. */
  readonly headingId: string;
  readonly testId?: string;
  /**
   * Where the section's texts are: `title`, `description`, `label`, `save`, and `hint` and
   * `invalid` with {{min}} and {{max}} (the confirmation differs in its value, so it is
   * `savedMessage`'s).
   */
  readonly textsKey: TextPrefixWith<'title' | 'description' | 'label' | 'save' | 'hint' | 'invalid'>;
  readonly min: number;
  readonly max: number;
  /** What the current value is read from; the form shows once it has loaded. */
  readonly query: UseQueryResult;
  /** The value now kept, or null before it is known. */
  readonly current: number | null;
  readonly save: UseMutationResult<TSaved, Error, number>;
  /** The confirmation once saved, from the reply (and the value on screen, for a reply that may lack it). */
  readonly savedMessage: (saved: TSaved, value: number | null) => string;
}

export function NumberSettingSection<TSaved>({
  className,
  headingId,
  testId,
  textsKey,
  min,
  max,
  query,
  current,
  save,
  savedMessage,
}: NumberSettingSectionProps<TSaved>) {
  const styles = useStyles();
  const { t } = useTranslation();
  // undefined: nothing typed yet, so the current value shows; null: typed, but not a whole number.
  const [draft, setDraft] = useState<number | null | undefined>(undefined);
  const value = draft === undefined ? current : draft;
  const valid = (candidate: number | null): candidate is number =>
    candidate !== null && Number.isInteger(candidate) && candidate >= min && candidate <= max;
  const invalid = !valid(value);

  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    if (!valid(value)) return;
    save.mutate(value, { onSuccess: () => setDraft(undefined) });
  };

  return (
    <section className={className} aria-labelledby={headingId} data-testid={testId}>
      <Subtitle1 as="h2" id={headingId} block>
        {t(`${textsKey}.title`)}
      </Subtitle1>
      <Text className={styles.description}>{t(`${textsKey}.description`)}</Text>
      <QueryView query={query}>
        {() => (
          <form className={styles.form} onSubmit={submit} noValidate>
            <Field
              className={styles.field}
              label={t(`${textsKey}.label`)}
              validationState={invalid ? 'error' : 'none'}
              validationMessage={invalid ? t(`${textsKey}.invalid`, { min, max }) : undefined}
              hint={invalid ? undefined : t(`${textsKey}.hint`, { min, max })}
            >
              <SpinButton
                min={min}
                max={max}
                value={value}
                onChange={(_event, data) => {
                  save.reset();
                  if (data.value !== undefined) setDraft(data.value);
                  else if (data.displayValue !== undefined) {
                    // Typed rather than stepped: full-width digits from a Japanese IME count too.
                    const typed = data.displayValue.normalize('NFKC').trim();
                    setDraft(/^\d+$/.test(typed) ? Number(typed) : null);
                  }
                }}
              />
            </Field>
            <Button className={styles.save} appearance="primary" type="submit" disabled={invalid || value === current || save.isPending}>
              {t(`${textsKey}.save`)}
            </Button>
          </form>
        )}
      </QueryView>
      {save.isSuccess && (
        <MessageBar className={styles.message} intent="success" role="status">
          <MessageBarBody>{savedMessage(save.data, value)}</MessageBarBody>
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
