/**
 * The navigation pane, as in Windows 11's own apps: a full pane of labelled items, or folded to
 * a rail of icons (each still a named link, with its label as a tooltip) so a 1366-px laptop
 * screen keeps its width for the work. The engineer's choice is remembered on this laptop; the
 * first time, a narrow window starts folded.
 */
import { useState } from 'react';
import { Button, NavDrawer, NavDrawerBody, NavItem, Tooltip, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { WINDOW_GROUND } from './theme';
import { screens } from './screens';

const STORAGE_KEY = 'fieldguard.navigation.folded';
/** Below this window width the pane starts folded, until the engineer chooses. */
const FOLD_BELOW_PX = 1100;

/** Whether the pane is folded, and a way to change it that is remembered. */
export function useNavigationFolded(): readonly [boolean, (folded: boolean) => void] {
  const [folded, setFolded] = useState(() => {
    const stored = readStored();
    return stored ?? window.innerWidth < FOLD_BELOW_PX;
  });
  const choose = (next: boolean) => {
    setFolded(next);
    try {
      window.localStorage.setItem(STORAGE_KEY, next ? '1' : '0');
    } catch {
      // Storage can be refused; the choice then lasts until the window closes.
    }
  };
  return [folded, choose];
}

function readStored(): boolean | null {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY);
    return value === null ? null : value === '1';
  } catch {
    return null;
  }
}

const useStyles = makeStyles({
  pane: { height: '100%', backgroundColor: WINDOW_GROUND },
  rail: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalXS}`,
    backgroundColor: WINDOW_GROUND,
    margin: 0,
    listStyleType: 'none',
  },
  railItem: { position: 'relative' },
  current: {
    backgroundColor: tokens.colorSubtleBackgroundSelected,
    // Fluent's selection indicator: a short brand-coloured bar at the item's start.
    '::before': {
      content: '""',
      position: 'absolute',
      left: 0,
      top: '50%',
      transform: 'translateY(-50%)',
      width: '3px',
      height: '16px',
      borderRadius: tokens.borderRadiusCircular,
      backgroundColor: tokens.colorCompoundBrandForeground1,
    },
  },
});

export function NavigationPane({ folded, current }: { folded: boolean; current: string }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const navigate = useNavigate();

  if (folded) {
    return (
      <nav aria-label={t('shell.navigation')}>
        <ul className={styles.rail}>
          {screens.map((screen) => {
            const label = t(screen.labelKey);
            const isCurrent = screen.path === current;
            return (
              <li key={screen.path} className={styles.railItem}>
                <Tooltip content={label} relationship="label" positioning="after">
                  <Button
                    as="a"
                    href={`#/${screen.path}`}
                    appearance="subtle"
                    size="large"
                    icon={screen.icon}
                    aria-current={isCurrent ? 'page' : undefined}
                    className={mergeClasses(isCurrent && styles.current)}
                  />
                </Tooltip>
              </li>
            );
          })}
        </ul>
      </nav>
    );
  }

  return (
    <NavDrawer
      className={styles.pane}
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
  );
}
