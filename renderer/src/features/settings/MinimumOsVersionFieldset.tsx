/** The oldest OS version the policy accepts, one field per OS; empty means no minimum. */
import { Field, Input, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { selfCheckOses, type SelfCheckOs } from '@shared/self-check';
import { PolicyFieldset } from './PolicyFieldset';

const useStyles = makeStyles({
  grid: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(220px, 1fr))', gap: tokens.spacingHorizontalL },
});

export interface MinimumOsVersionFieldsetProps {
  readonly versions: Readonly<Record<SelfCheckOs, string>>;
  readonly invalid: (os: SelfCheckOs) => boolean;
  readonly onChange: (os: SelfCheckOs, value: string) => void;
}

export function MinimumOsVersionFieldset({ versions, invalid, onChange }: MinimumOsVersionFieldsetProps) {
  const styles = useStyles();
  const { t } = useTranslation();
  return (
    <PolicyFieldset
      legend={t('settings.selfCheckPolicy.minimumOsVersion.legend')}
      hint={<Text size={200}>{t('settings.selfCheckPolicy.minimumOsVersion.hint')}</Text>}
    >
      <div className={styles.grid}>
        {selfCheckOses.map((os) => (
          <Field
            key={os}
            label={t(`settings.selfCheckPolicy.minimumOsVersion.${os}`)}
            validationState={invalid(os) ? 'error' : 'none'}
            validationMessage={invalid(os) ? t('settings.selfCheckPolicy.minimumOsVersion.invalid') : undefined}
          >
            <Input value={versions[os]} inputMode="decimal" onChange={(_event, data) => onChange(os, data.value)} />
          </Field>
        ))}
      </div>
    </PolicyFieldset>
  );
}
