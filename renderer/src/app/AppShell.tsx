/**
 * The frame every screen sits in: a skip link, the title bar with the language switch, the
 * navigation rail built from `screens`, and the main region. Moving to another screen puts
 * keyboard and screen-reader focus on its heading.
 */
import { useEffect, useRef } from 'react';
import { makeStyles, NavDrawer, NavDrawerBody, NavItem, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { ErrorBoundary } from '../components/ErrorBoundary';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { TitleBar } from '../components/TitleBar';
import { LockButton } from '../features/vault/LockButton';
import { LanguageSwitch } from './LanguageSwitch';
import { screens } from './screens';

const useStyles = makeStyles({
  root: { display: 'grid', gridTemplateRows: 'auto 1fr', gridTemplateColumns: 'auto 1fr', height: '100vh' },
  header: { gridColumn: '1 / 3' },
  nav: { height: '100%' },
  main: { overflow: 'auto', padding: tokens.spacingHorizontalXXL, outline: 'none' },
  skip: {
    position: 'absolute',
    left: '-10000px',
    top: 'auto',
    ':focus': {
      left: tokens.spacingHorizontalM,
      top: tokens.spacingVerticalM,
      zIndex: 100,
      padding: tokens.spacingHorizontalS,
      backgroundColor: tokens.colorNeutralBackground1,
      color: tokens.colorBrandForeground1,
    },
  },
});

export function AppShell() {
  const styles = useStyles();
  const { t } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();
  const mainRef = useRef<HTMLElement>(null);
  const firstRender = useRef(true);
  const current = location.pathname.replace(/^\//, '');

  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    mainRef.current?.querySelector<HTMLElement>('h1')?.focus();
  }, [location.pathname]);

  return (
    <div className={styles.root}>
      <a
        href="#main"
        className={styles.skip}
        onClick={(event) => {
          event.preventDefault();
          mainRef.current?.focus();
        }}
      >
        {t('shell.skipToContent')}
      </a>
      <TitleBar className={styles.header} withSubtitle>
        <LanguageSwitch />
        <LockButton />
      </TitleBar>
      <NavDrawer
        className={styles.nav}
        open
        type="inline"
        selectedValue={current}
        aria-label={t('shell.navigation')}
        onNavItemSelect={(_event, data) => void navigate(`/${data.value}`)}
      >
        <NavDrawerBody>
          {screens.map((screen) => (
            <NavItem key={screen.path} value={screen.path} icon={screen.icon} href={`#/${screen.path}`}>
              {t(screen.labelKey)}
            </NavItem>
          ))}
        </NavDrawerBody>
      </NavDrawer>
      <main id="main" ref={mainRef} tabIndex={-1} className={styles.main}>
        <ErrorBoundary key={location.pathname}>
          <Outlet />
        </ErrorBoundary>
      </main>
    </div>
  );
}
