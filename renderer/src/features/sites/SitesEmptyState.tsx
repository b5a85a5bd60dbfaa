/** What the Sites screen shows before the first site: what a site holds, and how to add one. */
import { Body1, Card, Subtitle1, makeStyles, tokens } from '@fluentui/react-components';
import { BuildingMultiple24Regular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';

const useStyles = makeStyles({
  card: { maxWidth: '48em', padding: tokens.spacingHorizontalXL },
  header: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, color: tokens.colorBrandForeground1 },
  title: { margin: 0 },
  text: { margin: 0 },
});

export function SitesEmptyState() {
  const styles = useStyles();
  const { t } = useTranslation();
  return (
    <Card className={styles.card} role="region" aria-labelledby="sites-empty-title" data-testid="sites-empty">
      <div className={styles.header}>
        <BuildingMultiple24Regular aria-hidden />
        <Subtitle1 as="h3" id="sites-empty-title" className={styles.title}>{t('sites.empty.title')}</Subtitle1>
      </div>
      <Body1 as="p" className={styles.text}>{t('sites.empty.body')}</Body1>
      <Body1 as="p" className={styles.text}>{t('sites.empty.start')}</Body1>
    </Card>
  );
}
