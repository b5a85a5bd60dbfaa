/**
 * Making a strong password for a maintenance account: its length and which kinds of
 * characters, then "Generate" asks the main process (the same generator as the CLI). Symbols
 * are limited to those at the same place on Japanese (JIS) and US keyboards, so that what is
 * typed at a site's console is what was generated; look-alike characters are left out.
 */
import { useState } from 'react';
import { Button, Checkbox, Field, SpinButton, Text, makeStyles, tokens } from '@fluentui/react-components';
import { Sparkle20Regular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import { PasswordRules as PasswordRulesSchema } from '@shared/sites';
import { ErrorState } from '../../components/ErrorState';
import { PolicyFieldset } from '../settings/PolicyFieldset';
import { generatePassword, useSecretCall, type PasswordRules } from './account-secrets';

const MIN = PasswordRulesSchema.shape.length.minValue ?? 12;
const MAX = PasswordRulesSchema.shape.length.maxValue ?? 64;
const DEFAULT_LENGTH = 20;
const sets = ['lower', 'upper', 'digits', 'symbols'] as const;
type CharacterSet = (typeof sets)[number];

const useStyles = makeStyles({
  // A box of its own inside the dialog: these controls make a password, they are not the password.
  box: {
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  row: { display: 'flex', gap: tokens.spacingHorizontalL, flexWrap: 'wrap', alignItems: 'flex-end' },
  length: { width: '12em' },
  sets: { display: 'grid', gridTemplateColumns: 'repeat(2, minmax(0, 1fr))', columnGap: tokens.spacingHorizontalM },
  hint: { color: tokens.colorNeutralForeground2 },
});

export function PasswordGenerator({ onGenerated }: { onGenerated: (password: string) => void }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const [length, setLength] = useState<number | null>(DEFAULT_LENGTH);
  const [chosen, setChosen] = useState<Readonly<Record<CharacterSet, boolean>>>({ lower: true, upper: true, digits: true, symbols: true });
  const [made, setMade] = useState<number | null>(null);
  const generate = useSecretCall(generatePassword);
  const lengthValid = length !== null && Number.isInteger(length) && length >= MIN && length <= MAX;
  const anySet = sets.some((set) => chosen[set]);

  const run = async () => {
    if (!lengthValid || !anySet) return;
    const rules: PasswordRules = { length, ...chosen };
    const password = await generate.run(rules);
    if (password === undefined) return;
    onGenerated(password);
    setMade(password.length);
  };

  return (
    <div className={styles.box}>
      <PolicyFieldset
        legend={t('sites.generator.legend')}
        hint={
          <Text size={200} className={styles.hint}>
            {t('sites.generator.hint')}
          </Text>
        }
      >
        <div className={styles.row}>
          <Field
            className={styles.length}
            label={t('sites.generator.length', { min: MIN, max: MAX })}
            validationState={lengthValid ? 'none' : 'error'}
            validationMessage={lengthValid ? undefined : t('sites.generator.lengthInvalid', { min: MIN, max: MAX })}
          >
            <SpinButton
              min={MIN}
              max={MAX}
              value={length}
              onChange={(_event, data) => {
                if (data.value !== undefined) setLength(data.value);
                else if (data.displayValue !== undefined) {
                  const typed = data.displayValue.normalize('NFKC').trim();
                  setLength(/^\d+$/.test(typed) ? Number(typed) : null);
                }
              }}
            />
          </Field>
          <Button icon={<Sparkle20Regular />} disabledFocusable={!lengthValid || !anySet || generate.pending} onClick={() => void run()}>
            {t('sites.generator.generate')}
          </Button>
        </div>
        <div className={styles.sets} role="group" aria-label={t('sites.generator.setsLabel')}>
          {sets.map((set) => (
            <Checkbox
              key={set}
              label={t(`sites.generator.sets.${set}`)}
              checked={chosen[set]}
              onChange={(_event, data) => setChosen((current) => ({ ...current, [set]: data.checked === true }))}
            />
          ))}
        </div>
        {!anySet && (
          <Text size={200} role="alert">
            {t('sites.generator.noSet')}
          </Text>
        )}
        <div role="status">{made !== null && <Text size={200}>{t('sites.generator.made', { count: made })}</Text>}</div>
        {generate.error !== null && <ErrorState error={generate.error} />}
      </PolicyFieldset>
    </div>
  );
}
