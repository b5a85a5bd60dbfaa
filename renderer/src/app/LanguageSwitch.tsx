/** The language switch in the title bar; the choice is saved and survives a restart. */
import { Field, Select, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { Language } from '@shared/locale';
import { usePreferences, useSetLanguage } from './use-preferences';

const useStyles = makeStyles({
  field: { display: 'flex', flexDirection: 'row', alignItems: 'center', gap: tokens.spacingHorizontalS },
  label: { color: tokens.colorNeutralForeground2 },
});

export function LanguageSwitch() {
  const styles = useStyles();
  const { t } = useTranslation();
  const preferences = usePreferences();
  const setLanguage = useSetLanguage();
  const value = preferences.data?.language ?? 'ja';

  return (
    <Field
      className={styles.field}
      label={{ children: t('shell.language'), className: styles.label }}
      validationState={setLanguage.isError ? 'error' : 'none'}
      validationMessage={setLanguage.isError ? t('errors.PREFERENCES_UNWRITABLE') : undefined}
    >
      <Select
        value={value}
        disabled={setLanguage.isPending}
        onChange={(_event, data) => {
          const parsed = Language.safeParse(data.value);
          if (parsed.success) setLanguage.mutate(parsed.data);
        }}
      >
        {Language.options.map((language) => (
          <option key={language} value={language} lang={language}>
            {t(`shell.languages.${language}`)}
          </option>
        ))}
      </Select>
    </Field>
  );
}
