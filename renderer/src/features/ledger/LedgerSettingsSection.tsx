/**
 * How often an inventory is due (7-7) and when a medium should be migrated (12-5): every how
 * many months, after how many years from purchase, and how many days ahead the reminder comes.
 * The bounds are the contract's; a value out of them is shown at its field, not changed.
 */
import { useState, type SubmitEvent } from 'react';
import { Button, MessageBar, MessageBarBody, Spinner, Subtitle1, Text, makeStyles, tokens } from '@fluentui/react-components';
import { Save20Regular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import { LedgerSettings } from '@shared/ledger';
import { ErrorState } from '../../components/ErrorState';
import { QueryView } from '../../components/QueryView';
import { PolicyNumberField } from '../settings/PolicyNumberField';
import { useLedgerSettings, useLedgerStep } from './use-ledger';

type Settings = LedgerSettings;
type Key = keyof Settings;
const KEYS: readonly Key[] = ['inventoryIntervalMonths', 'migrationAgeYears', 'reminderLeadDays'];
const bounds = (key: Key) => ({ min: LedgerSettings.shape[key].minValue ?? 0, max: LedgerSettings.shape[key].maxValue ?? 0 });

const useStyles = makeStyles({
  section: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    marginBottom: tokens.spacingVerticalXXL,
    maxWidth: '48em',
  },
  heading: { margin: 0 },
  fields: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(14em, 1fr))', gap: tokens.spacingHorizontalL },
  actions: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'center' },
});

export function LedgerSettingsSection() {
  const styles = useStyles();
  const { t } = useTranslation();
  const settings = useLedgerSettings();
  return (
    <section className={styles.section} aria-labelledby="ledger-settings-heading">
      <Subtitle1 as="h2" id="ledger-settings-heading" className={styles.heading}>
        {t('ledger.settings.title')}
      </Subtitle1>
      <Text>{t('ledger.settings.intro')}</Text>
      <QueryView query={settings}>{(current) => <SettingsForm current={current} />}</QueryView>
    </section>
  );
}

function SettingsForm({ current }: { current: Settings }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const save = useLedgerStep('ledger.saveSettings');
  const [values, setValues] = useState<Record<Key, number | null>>(current);
  const [saved, setSaved] = useState(false);
  const invalid = (key: Key) => {
    const value = values[key];
    const { min, max } = bounds(key);
    return value === null || !Number.isInteger(value) || value < min || value > max;
  };
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    setSaved(false);
    if (KEYS.some(invalid) || save.isPending) return;
    save.mutate(
      {
        inventoryIntervalMonths: values.inventoryIntervalMonths ?? 0,
        migrationAgeYears: values.migrationAgeYears ?? 0,
        reminderLeadDays: values.reminderLeadDays ?? 0,
      },
      { onSuccess: () => setSaved(true) },
    );
  };
  return (
    <form onSubmit={submit} noValidate aria-labelledby="ledger-settings-heading">
      <div className={styles.fields}>
        {KEYS.map((key) => (
          <PolicyNumberField
            key={key}
            label={t(`ledger.settings.${key}`)}
            value={values[key]}
            bounds={bounds(key)}
            invalid={invalid(key)}
            onChange={(value) => {
              setSaved(false);
              setValues((previous) => ({ ...previous, [key]: value }));
            }}
          />
        ))}
      </div>
      {save.isError && <ErrorState error={save.error} />}
      <div className={styles.actions} style={{ marginTop: tokens.spacingVerticalM }}>
        <Button type="submit" icon={save.isPending ? <Spinner size="tiny" /> : <Save20Regular />} disabledFocusable={save.isPending}>
          {t('ledger.settings.save')}
        </Button>
        <div aria-live="polite">
          {saved && (
            <MessageBar intent="success">
              <MessageBarBody>{t('ledger.settings.saved')}</MessageBarBody>
            </MessageBar>
          )}
        </div>
      </div>
    </form>
  );
}
