/**
 * Adding or editing a system at a site: product, version, serial number, server host name,
 * and its profile — ports and data locations — which starts from the vendor's standard
 * profile and is changed where the site differs. Problems are shown at their field after the
 * first save attempt, and focus moves to the first one. 保存 is in a bar at the form's top that
 * stays in sight while the long profile scrolls.
 */
import { useRef, useState, type SubmitEvent } from 'react';
import { Button, Field, Input, MessageBar, MessageBarBody, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { Save20Regular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../components/ErrorState';
import { StickyActionBar } from '../../components/StickyActionBar';
import { LocationsEditor } from './LocationsEditor';
import { PortsEditor } from './PortsEditor';
import { checkSystem, draftOf, hasProblems, systemLimits, type SystemFormValues } from './system-draft';
import { useSaveSystem, type SiteSystem } from './use-sites';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXL, maxWidth: '960px' },
  facts: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(16em, 1fr))', gap: tokens.spacingHorizontalL, maxWidth: '44em' },
  code: { fontFamily: tokens.fontFamilyMonospace },
});

export interface SystemFormProps {
  readonly siteId: string;
  /** The system's id when editing; undefined for a new one. */
  readonly systemId: string | undefined;
  readonly initial: SystemFormValues;
  /** The form's accessible name. */
  readonly label: string;
  readonly onSaved: (system: SiteSystem) => void;
  readonly onCancel: () => void;
}

type TextField = 'product' | 'version' | 'serial' | 'hostName';

export function SystemForm({ siteId, systemId, initial, label, onSaved, onCancel }: SystemFormProps) {
  const styles = useStyles();
  const { t } = useTranslation();
  const save = useSaveSystem();
  const [values, setValues] = useState<SystemFormValues>(initial);
  const [checked, setChecked] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const problems = checkSystem(values);
  const invalid = checked && hasProblems(problems);

  const change = (next: Partial<SystemFormValues>) => {
    if (save.isError) save.reset();
    setValues((current) => ({ ...current, ...next }));
  };

  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    setChecked(true);
    if (hasProblems(problems)) {
      // After React has marked the fields, the first one marked invalid takes focus.
      requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    if (save.isPending) return;
    save.mutate(draftOf(values, siteId, systemId), { onSuccess: onSaved });
  };

  const text = (field: TextField, fieldLabel: string, options: { required?: boolean; code?: boolean } = {}) => {
    const problem = field === 'product' && checked && problems.product;
    return (
      <Field
        label={fieldLabel}
        required={options.required}
        validationState={problem ? 'error' : 'none'}
        validationMessage={problem ? t('sites.systemForm.productRequired') : undefined}
      >
        <Input
          value={values[field]}
          maxLength={systemLimits[field]}
          autoComplete="off"
          input={options.code ? { className: styles.code } : undefined}
          onChange={(_event, data) => change({ [field]: data.value })}
        />
      </Field>
    );
  };

  return (
    <form ref={formRef} className={styles.form} onSubmit={submit} noValidate aria-label={label} data-testid="system-form">
      {/* At the form's top and kept in sight: under the ports and locations 保存 was far below a 1366×768 laptop's first viewport (issue 19). */}
      <StickyActionBar>
        <Button
          appearance="primary"
          type="submit"
          icon={save.isPending ? <Spinner size="tiny" /> : <Save20Regular />}
          disabledFocusable={save.isPending}
        >
          {save.isPending ? t('sites.form.saving') : t('sites.systemForm.save')}
        </Button>
        <Button onClick={onCancel} disabled={save.isPending}>
          {t('sites.form.cancel')}
        </Button>
      </StickyActionBar>
      {invalid && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{t('sites.systemForm.fixProblems')}</MessageBarBody>
        </MessageBar>
      )}
      {save.isError && <ErrorState error={save.error} />}
      <div className={styles.facts}>
        {text('product', t('sites.systemForm.product'), { required: true })}
        {text('version', t('sites.systemForm.version'))}
        {text('serial', t('sites.systemForm.serial'), { code: true })}
        {text('hostName', t('sites.systemForm.hostName'), { code: true })}
      </div>
      <PortsEditor rows={values.ports} problems={problems.ports} showProblems={checked} onChange={(ports) => change({ ports })} />
      <LocationsEditor
        rows={values.locations}
        problems={problems.locations}
        showProblems={checked}
        onChange={(locations) => change({ locations })}
      />
    </form>
  );
}
