/**
 * The frame every screen sits in: a skip link, the title area with the navigation toggle and
 * the language switch, the navigation pane built from `screens`, and the main region — one
 * content width for every screen, on a layer with Windows 11's rounded corner. Moving to
 * another screen puts keyboard and screen-reader focus on its heading.
 */
import { useEffect, useRef } from 'react';
import { Hamburger, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { ErrorBoundary } from '../components/ErrorBoundary';
import { Outlet, useLocation } from 'react-router';
import { TitleBar } from '../components/TitleBar';
import { LockButton } from '../features/vault/LockButton';
import { LanguageSwitch } from './LanguageSwitch';
import { NavigationPane, useNavigationFolded } from './NavigationPane';
import { WINDOW_GROUND } from './theme';

const useStyles = makeStyles({
  root: {
    display: 'grid',
    gridTemplateRows: 'auto 1fr',
    gridTemplateColumns: 'auto 1fr',
    height: '100vh',
    backgroundColor: WINDOW_GROUND,
  },
  header: { gridColumn: '1 / 3' },
  main: {
    overflow: 'auto',
    outline: 'none',
    backgroundColor: tokens.colorNeutralBackground2,
    borderTopLeftRadius: tokens.borderRadiusXLarge,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderLeft: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  // One content width for every screen (pages set none of their own): Windows 11 Settings' 1000 px,
  // about what a 1366-px laptop leaves beside the menu.
  content: { maxWidth: '1000px', padding: `${tokens.spacingVerticalXXL} ${tokens.spacingHorizontalXXL}` },
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
  const [folded, setFolded] = useNavigationFolded();
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
      <TitleBar
        className={styles.header}
        withSubtitle
        start={
          <Hamburger
            aria-label={t(folded ? 'shell.unfoldNavigation' : 'shell.foldNavigation')}
            aria-expanded={!folded}
            onClick={() => setFolded(!folded)}
          />
        }
      >
        <LanguageSwitch />
        <LockButton />
      </TitleBar>
      <NavigationPane folded={folded} current={current.split('/')[0] ?? ''} />
      <main id="main" ref={mainRef} tabIndex={-1} className={styles.main}>
        <div className={styles.content}>
          <ErrorBoundary key={location.pathname}>
            <Outlet />
          </ErrorBoundary>
        </div>
      </main>
    </div>
  );
}
