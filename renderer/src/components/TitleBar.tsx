/** The brand-coloured bar at the top of every screen: the app's name, and controls on the right. */
import type { ReactNode } from 'react';
import { Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';

const useStyles = makeStyles({
  header: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalL,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorBrandBackground,
    color: tokens.colorNeutralForegroundOnBrand,
  },
  brand: { display: 'flex', flexDirection: 'column', flexGrow: 1 },
  title: { color: tokens.colorNeutralForegroundOnBrand, fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase500 },
  subtitle: { color: tokens.colorNeutralForegroundOnBrand },
});

export function TitleBar({
  className,
  children,
  withSubtitle = false,
}: {
  className?: string;
  children: ReactNode;
  withSubtitle?: boolean;
}) {
  const styles = useStyles();
  const { t } = useTranslation();
  return (
    <header className={mergeClasses(styles.header, className)}>
      <div className={styles.brand}>
        <Text as="span" className={styles.title}>
          {t('app.title')}
        </Text>
        {withSubtitle && (
          <Text as="span" size={200} className={styles.subtitle}>
            {t('app.subtitle')}
          </Text>
        )}
      </div>
      {children}
    </header>
  );
}
