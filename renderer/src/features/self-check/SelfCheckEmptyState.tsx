/** What the screen shows before the first run: what the self-check looks at, and how to start it. */
import { Body1, Card, Subtitle1, makeStyles, tokens } from '@fluentui/react-components';
import { ShieldCheckmark24Regular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import { checkIds } from '@shared/posture';
import { useSelfCheckTexts } from './use-self-check-texts';

const useStyles = makeStyles({
  card: { maxWidth: '48em', padding: tokens.spacingHorizontalXL },
  header: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, color: tokens.colorBrandForeground1 },
  title: { margin: 0 },
  text: { margin: 0 },
  checks: { margin: 0, paddingInlineStart: tokens.spacingHorizontalXXL, columns: 2, columnGap: tokens.spacingHorizontalXXL },
});

export function SelfCheckEmptyState() {
  const styles = useStyles();
  const { t } = useTranslation();
  const texts = useSelfCheckTexts();
  return (
    <Card className={styles.card} role="region" aria-labelledby="self-check-empty-title" data-testid="self-check-empty">
      <div className={styles.header}>
        <ShieldCheckmark24Regular aria-hidden />
        <Subtitle1 as="h3" id="self-check-empty-title" className={styles.title}>{t('selfCheck.empty.title')}</Subtitle1>
      </div>
      <Body1 as="p" className={styles.text}>{t('selfCheck.empty.purpose')}</Body1>
      <ul className={styles.checks} aria-label={t('selfCheck.empty.checksLabel')}>
        {checkIds.map((id) => (
          <li key={id}><Body1>{texts.checkName(id)}</Body1></li>
        ))}
      </ul>
      <Body1 as="p" className={styles.text}>{t('selfCheck.empty.start')}</Body1>
    </Card>
  );
}
