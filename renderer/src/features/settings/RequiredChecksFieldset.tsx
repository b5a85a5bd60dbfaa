/** Which checks must pass for the overall verdict: one checkbox per check, named as on the Self-check screen. */
import { Checkbox, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { checkIds, type CheckId } from '@shared/self-check';
import { useSelfCheckTexts } from '../self-check/use-self-check-texts';
import { PolicyFieldset } from './PolicyFieldset';

const useStyles = makeStyles({
  grid: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(300px, 1fr))', columnGap: tokens.spacingHorizontalL },
});

export function RequiredChecksFieldset({
  required,
  onChange,
}: {
  required: Readonly<Record<CheckId, boolean>>;
  onChange: (id: CheckId, value: boolean) => void;
}) {
  const styles = useStyles();
  const { t } = useTranslation();
  const texts = useSelfCheckTexts();
  return (
    <PolicyFieldset
      legend={t('settings.selfCheckPolicy.required.legend')}
      hint={<Text size={200}>{t('settings.selfCheckPolicy.required.hint')}</Text>}
    >
      <div className={styles.grid}>
        {checkIds.map((id) => (
          <Checkbox
            key={id}
            checked={required[id]}
            label={texts.checkName(id)}
            onChange={(_event, data) => onChange(id, data.checked === true)}
          />
        ))}
      </div>
    </PolicyFieldset>
  );
}
