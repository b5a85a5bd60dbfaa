/** What an empty vault shows: what the vault is for (7-3) and how to put files in it. */
import { Body1, Card, Subtitle1, makeStyles, tokens } from '@fluentui/react-components';
import { Vault24Regular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';

const useStyles = makeStyles({
  card: { maxWidth: '48em', padding: tokens.spacingHorizontalXL },
  header: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, color: tokens.colorBrandForeground1 },
  title: { margin: 0 },
  text: { margin: 0 },
  steps: { margin: 0, paddingInlineStart: tokens.spacingHorizontalXXL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
});

export function VaultEmptyState() {
  const styles = useStyles();
  const { t } = useTranslation();
  return (
    <Card className={styles.card} role="region" aria-labelledby="vault-empty-title" data-testid="vault-empty">
      <div className={styles.header}>
        <Vault24Regular aria-hidden />
        <Subtitle1 as="h2" id="vault-empty-title" className={styles.title}>{t('vaultFiles.empty.title')}</Subtitle1>
      </div>
      <Body1 as="p" className={styles.text}>{t('vaultFiles.empty.purpose')}</Body1>
      <ol className={styles.steps}>
        <li><Body1>{t('vaultFiles.empty.step1')}</Body1></li>
        <li><Body1>{t('vaultFiles.empty.step2')}</Body1></li>
        <li><Body1>{t('vaultFiles.empty.step3')}</Body1></li>
      </ol>
    </Card>
  );
}
