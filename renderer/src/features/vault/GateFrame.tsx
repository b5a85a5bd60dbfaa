/** The frame of the screens shown before the vault is open: title, language switch, one centred card. */
import type { ReactNode } from 'react';
import { Card, Title2, makeStyles, tokens } from '@fluentui/react-components';
import { LockClosed24Regular } from '@fluentui/react-icons';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../../app/LanguageSwitch';
import { TitleBar } from '../../components/TitleBar';

const useStyles = makeStyles({
  root: { minHeight: '100vh', display: 'flex', flexDirection: 'column', backgroundColor: tokens.colorNeutralBackground2 },
  main: { flexGrow: 1, display: 'flex', justifyContent: 'center', alignItems: 'flex-start', padding: tokens.spacingVerticalXXXL },
  card: {
    width: 'min(640px, 100%)',
    padding: tokens.spacingHorizontalXXL,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
  },
  title: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
});

export function GateFrame({ title, children }: { title: string; children: ReactNode }) {
  const styles = useStyles();
  const { t } = useTranslation();
  useEffect(() => {
    document.title = `${title} — ${t('app.title')}`;
  }, [title, t]);
  return (
    <div className={styles.root}>
      <TitleBar>
        <LanguageSwitch />
      </TitleBar>
      <main className={styles.main}>
        <Card className={styles.card}>
          <div className={styles.title}>
            <LockClosed24Regular aria-hidden />
            <Title2 as="h1">{title}</Title2>
          </div>
          {children}
        </Card>
      </main>
    </div>
  );
}
