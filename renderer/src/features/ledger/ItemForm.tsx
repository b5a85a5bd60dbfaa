/**
 * Registering or editing an item: asset number (required, unique), type, make, model, serial,
 * capacity, encryption, owner, where it is kept, purchase date, warranty end and notes.
 * Problems are shown at the field after the first save attempt, and focus moves to the first
 * field to fix; a taken asset number is shown at its field too.
 */
import { useRef, useState, type SubmitEvent } from 'react';
import { Button, Field, Input, Select, Spinner, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { Save20Regular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import { encryptionStates, mediumTypes } from '@shared/ledger';
import { ErrorState } from '../../components/ErrorState';
import { BridgeError } from '../../lib/bridge';
import { checkItem, draftOf, itemMaxLength, type ItemField, type ItemFormValues } from './item-draft';
import { useLedgerStep, type LedgerItem } from './use-ledger';
import { useLedgerTexts } from './use-ledger-texts';
import { DateField } from '../../components/DateField';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '48em' },
  pair: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(15em, 1fr))',
    gap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalL,
  },
  actions: { display: 'flex', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  mono: { fontFamily: tokens.fontFamilyMonospace },
});

export interface ItemFormProps {
  /** The item to edit, or null for a new one. */
  readonly item: LedgerItem | null;
  readonly initial: ItemFormValues;
  /** The capacity read from the hardware or on record, kept to the byte while the GB shown is unchanged. */
  readonly initialBytes: number | null;
  readonly label: string;
  readonly onSaved: (item: LedgerItem) => void;
  readonly onCancel: () => void;
}

export function ItemForm({ item, initial, initialBytes, label, onSaved, onCancel }: ItemFormProps) {
  const styles = useStyles();
  const { t } = useTranslation();
  const texts = useLedgerTexts();
  const save = useLedgerStep('ledger.save');
  const [values, setValues] = useState<ItemFormValues>(initial);
  const [checked, setChecked] = useState(false);
  const refs = {
    label: useRef<HTMLInputElement>(null),
    capacityGb: useRef<HTMLInputElement>(null),
    warrantyEnd: useRef<HTMLInputElement>(null),
  };
  const problems = checkItem(values);
  const labelTaken = save.error instanceof BridgeError && save.error.code === 'LEDGER_LABEL_TAKEN';
  const shown = (field: ItemField): string | undefined => {
    if (field === 'label' && labelTaken) return t('errors.LEDGER_LABEL_TAKEN');
    const problem = problems[field];
    return checked && problem ? t(problem) : undefined;
  };

  const set = (field: ItemField) => (_event: unknown, data: { value: string }) => {
    if (save.isError) save.reset();
    setValues((current) => ({ ...current, [field]: data.value }));
  };

  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    setChecked(true);
    const first = (['label', 'capacityGb', 'warrantyEnd'] as const).find((field) => problems[field]);
    if (first) {
      refs[first].current?.focus();
      return;
    }
    if (save.isPending) return;
    save.mutate(
      { item: draftOf(values, item?.id, { capacityGb: initial.capacityGb, bytes: initialBytes }) },
      {
        onSuccess: onSaved,
        onError: (error) => {
          if (error instanceof BridgeError && error.code === 'LEDGER_LABEL_TAKEN') refs.label.current?.focus();
        },
      },
    );
  };

  const text = (
    field: ItemField,
    fieldLabel: string,
    options: { required?: boolean; hint?: string; type?: 'text' | 'date'; mono?: boolean; inputMode?: 'decimal' } = {},
  ) => (
    <Field
      label={fieldLabel}
      required={options.required}
      hint={options.hint}
      validationState={shown(field) ? 'error' : 'none'}
      validationMessage={shown(field)}
    >
      {options.type === 'date' ? (
        <DateField
          ref={field === 'warrantyEnd' ? refs.warrantyEnd : undefined}
          value={values[field]}
          onChange={(day) => set(field)(null, { value: day })}
        />
      ) : (
        <Input
          ref={
            field === 'label'
              ? refs.label
              : field === 'capacityGb'
                ? refs.capacityGb
                : field === 'warrantyEnd'
                  ? refs.warrantyEnd
                  : undefined
          }
          type={options.type ?? 'text'}
          value={values[field]}
          maxLength={itemMaxLength[field]}
          inputMode={options.inputMode}
          autoComplete="off"
          spellCheck={false}
          input={options.mono ? { className: styles.mono } : undefined}
          onChange={set(field)}
        />
      )}
    </Field>
  );

  return (
    <form className={styles.form} onSubmit={submit} noValidate aria-label={label} data-testid="ledger-item-form">
      <div className={styles.pair}>
        {text('label', t('ledger.form.label'), { required: true, hint: t('ledger.form.labelHint') })}
        <Field label={t('ledger.form.type')}>
          <Select value={values.type} onChange={set('type')}>
            {mediumTypes.map((type) => (
              <option key={type} value={type}>
                {texts.type(type)}
              </option>
            ))}
          </Select>
        </Field>
        {text('make', t('ledger.form.make'))}
        {text('model', t('ledger.form.model'))}
        {text('serial', t('ledger.form.serial'), { mono: true, hint: t('ledger.form.serialHint') })}
        {text('capacityGb', t('ledger.form.capacity'), { inputMode: 'decimal', hint: t('ledger.form.capacityHint') })}
        <Field label={t('ledger.form.encryption')} hint={t('ledger.form.encryptionHint')}>
          <Select value={values.encryption} onChange={set('encryption')}>
            {encryptionStates.map((state) => (
              <option key={state} value={state}>
                {texts.encryption(state)}
              </option>
            ))}
          </Select>
        </Field>
        {text('owner', t('ledger.form.owner'), { hint: t('ledger.form.ownerHint') })}
        {text('storageLocation', t('ledger.form.storageLocation'))}
        {text('purchaseDate', t('ledger.form.purchaseDate'), { type: 'date' })}
        {text('warrantyEnd', t('ledger.form.warrantyEnd'), { type: 'date' })}
      </div>
      <Field label={t('ledger.form.notes')}>
        <Textarea value={values.notes} maxLength={itemMaxLength.notes} rows={3} resize="vertical" onChange={set('notes')} />
      </Field>
      {save.isError && !labelTaken && <ErrorState error={save.error} />}
      <div className={styles.actions}>
        <Button
          appearance="primary"
          type="submit"
          icon={save.isPending ? <Spinner size="tiny" /> : <Save20Regular />}
          disabledFocusable={save.isPending}
        >
          {save.isPending ? t('ledger.form.saving') : t(item ? 'ledger.form.save' : 'ledger.form.register')}
        </Button>
        <Button onClick={onCancel} disabled={save.isPending}>
          {t('ledger.dialog.cancel')}
        </Button>
      </div>
    </form>
  );
}
