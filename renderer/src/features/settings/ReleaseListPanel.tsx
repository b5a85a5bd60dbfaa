/**
 * The vendor's release list (SHA256SUMS format): software packages pass sanitization only
 * when their SHA-256 is on it. Shows how many entries are loaded and reads a new list, chosen
 * in a native dialog, in place of the old one.
 */
import { Body1Strong, Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowUpload20Regular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  heading: { margin: 0 },
  row: { display: 'flex', gap: tokens.spacingHorizontalL, alignItems: 'center', flexWrap: 'wrap' },
  count: { fontVariantNumeric: 'tabular-nums' },
});

export function ReleaseListPanel({ releases, busy, onImport }: { releases: number; busy: boolean; onImport: () => void }) {
  const styles = useStyles();
  const { t } = useTranslation();
  return (
    <div className={styles.panel} role="group" aria-labelledby="settings-release-list-heading">
      <Body1Strong as="h3" id="settings-release-list-heading" className={styles.heading}>
        {t('settings.sanitizePolicy.releases.title')}
      </Body1Strong>
      <Text size={200}>{t('settings.sanitizePolicy.releases.hint')}</Text>
      <div className={styles.row}>
        <Text className={styles.count} data-testid="sanitize-release-count">
          {releases === 0 ? t('settings.sanitizePolicy.releases.none') : t('settings.sanitizePolicy.releases.loaded', { count: releases })}
        </Text>
        <Button icon={<ArrowUpload20Regular />} disabledFocusable={busy} onClick={onImport}>
          {t('settings.sanitizePolicy.releases.import')}
        </Button>
      </div>
    </div>
  );
}
