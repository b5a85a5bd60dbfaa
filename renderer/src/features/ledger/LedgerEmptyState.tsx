/** What the Ledger screen shows before the first item: what the ledger holds, and how to add one. */
import { Body1, Card, Subtitle1, makeStyles, tokens } from '@fluentui/react-components';
import { UsbStick24Regular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';

const useStyles = makeStyles({
  card: { maxWidth: '48em', padding: tokens.spacingHorizontalXL },
  header: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, color: tokens.colorBrandForeground1 },
  title: { margin: 0 },
  text: { margin: 0 },
});

export function LedgerEmptyState() {
  const styles = useStyles();
  const { t } = useTranslation();
  return (
    <Card className={styles.card} role="region" aria-labelledby="ledger-empty-title" data-testid="ledger-empty">
      <div className={styles.header}>
        <UsbStick24Regular aria-hidden />
        <Subtitle1 as="h3" id="ledger-empty-title" className={styles.title}>{t('ledger.empty.title')}</Subtitle1>
      </div>
      <Body1 as="p" className={styles.text}>{t('ledger.empty.body')}</Body1>
      <Body1 as="p" className={styles.text}>{t('ledger.empty.start')}</Body1>
    </Card>
  );
}
