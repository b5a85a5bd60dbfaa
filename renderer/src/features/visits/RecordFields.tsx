/**
 * The form generated from a step's fields: text → Input, multiline → Textarea, datetime → a
 * date and a 24-hour time in Japan time, choice → radio buttons, yes → a checkbox that must be ticked,
 * account → the system's maintenance accounts by user name (never a password), count → a
 * number, sha256 → a hash. Required fields are marked; a `requiredWhen` field appears only
 * while its condition holds.
 */
import { Checkbox, Field, Input, Link, Radio, RadioGroup, Select, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { TemplateId } from '@shared/visits';
import type { MaintenanceAccount } from '../sites/use-sites';
import { isShown, type Draft, type DraftValue } from './field-values';
import { useVisitTexts } from './use-visit-texts';
import type { TextKey } from '../../i18n/text-key';
import type { FieldTemplate } from './use-visits';
import { DateTimeField } from '../../components/DateTimeField';

const useStyles = makeStyles({
  fields: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '44em' },
  short: { maxWidth: '22em' },
  mono: { fontFamily: tokens.fontFamilyMonospace },
});

export interface RecordFieldsProps {
  readonly templateId: TemplateId;
  readonly stepId: string;
  readonly fields: readonly FieldTemplate[];
  readonly draft: Draft;
  /** i18n keys by field, shown after the first attempt to send. */
  readonly problems: Readonly<Record<string, TextKey>>;
  readonly accounts: readonly MaintenanceAccount[];
  /** Where the system's accounts are kept, for when there is none to choose. */
  readonly accountsHref: string | null;
  readonly onChange: (fieldId: string, value: DraftValue) => void;
}

export function fieldElementId(stepId: string, fieldId: string): string {
  return `visit-field-${stepId}-${fieldId}`;
}

export function RecordFields({ templateId, stepId, fields, draft, problems, accounts, accountsHref, onChange }: RecordFieldsProps) {
  const styles = useStyles();
  const { t } = useTranslation();
  const texts = useVisitTexts();

  return (
    <div className={styles.fields}>
      {fields
        .filter((field) => isShown(field, draft))
        .map((field) => {
          const label = texts.fieldLabel(templateId, stepId, field.id);
          const problem = problems[field.id];
          const required = field.required || field.requiredWhen !== undefined;
          const id = fieldElementId(stepId, field.id);
          const value = draft[field.id];
          const text = typeof value === 'string' ? value : '';
          const common = {
            validationState: problem ? ('error' as const) : ('none' as const),
            validationMessage: problem ? t(problem) : undefined,
            required,
          };
          switch (field.type) {
            case 'text':
              return (
                <Field key={field.id} label={label} {...common}>
                  <Input id={id} value={text} maxLength={400} autoComplete="off" onChange={(_e, d) => onChange(field.id, d.value)} />
                </Field>
              );
            case 'multiline':
              return (
                <Field key={field.id} label={label} {...common}>
                  <Textarea
                    id={id}
                    value={text}
                    maxLength={4000}
                    rows={3}
                    resize="vertical"
                    onChange={(_e, d) => onChange(field.id, d.value)}
                  />
                </Field>
              );
            case 'datetime':
              return (
                <DateTimeField
                  key={field.id}
                  id={id}
                  label={label}
                  required={required}
                  value={text}
                  error={problem ? t(problem) : undefined}
                  onChange={(next) => onChange(field.id, next)}
                />
              );
            case 'count':
              return (
                <Field key={field.id} label={label} className={styles.short} {...common}>
                  <Input
                    id={id}
                    type="number"
                    min={0}
                    step={1}
                    inputMode="numeric"
                    value={text}
                    onChange={(_e, d) => onChange(field.id, d.value)}
                  />
                </Field>
              );
            case 'sha256':
              return (
                <Field key={field.id} label={label} hint={t('visits.form.sha256Hint')} {...common}>
                  <Input
                    id={id}
                    className={styles.mono}
                    value={text}
                    maxLength={64}
                    spellCheck={false}
                    autoComplete="off"
                    onChange={(_e, d) => onChange(field.id, d.value)}
                  />
                </Field>
              );
            case 'choice':
              return (
                <Field key={field.id} label={label} {...common}>
                  <RadioGroup id={id} value={text} onChange={(_e, d) => onChange(field.id, d.value)}>
                    {(field.options ?? []).map((option) => (
                      <Radio key={option} value={option} label={texts.optionLabel(templateId, stepId, field.id, option)} />
                    ))}
                  </RadioGroup>
                </Field>
              );
            case 'yes':
              return (
                <Field key={field.id} {...common}>
                  <Checkbox
                    id={id}
                    checked={value === true}
                    label={label}
                    required
                    onChange={(_e, d) => onChange(field.id, d.checked === true)}
                  />
                </Field>
              );
            case 'account':
              return (
                <Field
                  key={field.id}
                  label={label}
                  className={styles.short}
                  hint={
                    accounts.length === 0 ? (
                      <>
                        {t('visits.form.noAccounts')} {accountsHref && <Link href={accountsHref}>{t('visits.form.openAccounts')}</Link>}
                      </>
                    ) : (
                      t('visits.form.accountHint')
                    )
                  }
                  {...common}
                >
                  <Select id={id} value={text} onChange={(_e, d) => onChange(field.id, d.value)}>
                    <option value="">{t('visits.form.chooseAccount')}</option>
                    {accounts.map((account) => (
                      <option key={account.id} value={account.id}>
                        {account.userName}
                      </option>
                    ))}
                  </Select>
                </Field>
              );
          }
        })}
    </div>
  );
}
