/**
 * Adding or editing a site: the hospital or clinic, its department and address, the site's
 * system administrator (the person who permits, watches and countersigns a visit) and notes.
 * Only the name is required. Problems are shown at the field after the first save attempt,
 * and focus moves to the first field to fix.
 */
import { useRef, useState, type SubmitEvent } from 'react';
import { Button, Field, Input, Spinner, Text, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { Save20Regular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../components/ErrorState';
import { PolicyFieldset } from '../settings/PolicyFieldset';
import { checkSite, draftOf, emptySite, siteMaxLength, valuesOf, type SiteField, type SiteFormValues } from './site-draft';
import { useSaveSite, type Site } from './use-sites';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '44em' },
  pair: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(16em, 1fr))', gap: tokens.spacingHorizontalL },
  actions: { display: 'flex', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
});

export interface SiteFormProps {
  /** The site to edit, or null for a new one. */
  readonly site: Site | null;
  /** The form's accessible name. */
  readonly label: string;
  readonly onSaved: (site: Site) => void;
  readonly onCancel: () => void;
}

export function SiteForm({ site, label, onSaved, onCancel }: SiteFormProps) {
  const styles = useStyles();
  const { t } = useTranslation();
  const save = useSaveSite();
  const [values, setValues] = useState<SiteFormValues>(() => (site ? valuesOf(site) : emptySite));
  const [checked, setChecked] = useState(false);
  const nameRef = useRef<HTMLInputElement>(null);
  const mailRef = useRef<HTMLInputElement>(null);
  const problems = checkSite(values);
  const shown = (field: SiteField) => (checked && problems[field] ? t(problems[field]) : undefined);

  const set = (field: SiteField) => (_event: unknown, data: { value: string }) => {
    if (save.isError) save.reset();
    setValues((current) => ({ ...current, [field]: data.value }));
  };

  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    setChecked(true);
    const firstInvalid = problems.name ? nameRef : problems.adminMail ? mailRef : null;
    if (firstInvalid) {
      firstInvalid.current?.focus();
      return;
    }
    if (save.isPending) return;
    save.mutate(draftOf(values, site), { onSuccess: onSaved });
  };

  const text = (field: SiteField, fieldLabel: string, options: { required?: boolean; type?: 'tel' | 'email' } = {}) => (
    <Field
      label={fieldLabel}
      required={options.required}
      validationState={shown(field) ? 'error' : 'none'}
      validationMessage={shown(field)}
    >
      <Input
        ref={field === 'name' ? nameRef : field === 'adminMail' ? mailRef : undefined}
        type={options.type ?? 'text'}
        value={values[field]}
        maxLength={siteMaxLength[field]}
        // The site's contacts, not the engineer's own: the browser's autofill would only get in the way.
        autoComplete="off"
        onChange={set(field)}
      />
    </Field>
  );

  return (
    <form className={styles.form} onSubmit={submit} noValidate aria-label={label} data-testid="site-form">
      <div className={styles.pair}>
        {text('name', t('sites.form.name'), { required: true })}
        {text('department', t('sites.form.department'))}
      </div>
      <Field label={t('sites.form.address')}>
        <Textarea value={values.address} maxLength={siteMaxLength.address} rows={2} resize="vertical" onChange={set('address')} />
      </Field>
      <PolicyFieldset legend={t('sites.form.administrator')} hint={<Text size={200}>{t('sites.form.administratorHint')}</Text>}>
        <div className={styles.pair}>
          {text('adminName', t('sites.form.adminName'))}
          {text('adminTitle', t('sites.form.adminTitle'))}
          {text('adminPhone', t('sites.form.adminPhone'), { type: 'tel' })}
          {text('adminMail', t('sites.form.adminMail'), { type: 'email' })}
        </div>
      </PolicyFieldset>
      <Field label={t('sites.form.notes')} hint={t('sites.form.notesHint')}>
        <Textarea value={values.notes} maxLength={siteMaxLength.notes} rows={3} resize="vertical" onChange={set('notes')} />
      </Field>
      {save.isError && <ErrorState error={save.error} />}
      <div className={styles.actions}>
        <Button
          appearance="primary"
          type="submit"
          icon={save.isPending ? <Spinner size="tiny" /> : <Save20Regular />}
          disabledFocusable={save.isPending}
        >
          {save.isPending ? t('sites.form.saving') : t('sites.form.save')}
        </Button>
        <Button onClick={onCancel} disabled={save.isPending}>
          {t('sites.form.cancel')}
        </Button>
      </div>
    </form>
  );
}
