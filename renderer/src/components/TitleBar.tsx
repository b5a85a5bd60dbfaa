/**
 * The title area at the top of every screen, drawn as Windows 11 draws an app's own title bar:
 * on the window's neutral ground, the app's name in caption text, controls on the right. On
 * Windows the window has no system title bar (`titleBarOverlay`, electron/main/window.ts):
 * this area is where the window is dragged from, and it leaves room on the right for the
 * minimise, maximise and close buttons the overlay draws (the `titlebar-area-*` CSS variables;
 * elsewhere they are unset and the room is nil).
 */
import type { CSSProperties, ReactNode } from 'react';
import { Caption1, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { TITLE_AREA_HEIGHT, WINDOW_GROUND } from '../app/theme';

const useStyles = makeStyles({
  header: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    height: `${TITLE_AREA_HEIGHT}px`,
    boxSizing: 'border-box',
    paddingLeft: tokens.spacingHorizontalS,
    // The overlay's buttons sit over the right end of the area; without an overlay this is just the padding.
    paddingRight: `calc(${tokens.spacingHorizontalL} + 100vw - env(titlebar-area-x, 0px) - env(titlebar-area-width, 100vw))`,
    backgroundColor: WINDOW_GROUND,
    color: tokens.colorNeutralForeground1,
  },
  start: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexGrow: 1, minWidth: 0 },
  brand: { display: 'flex', alignItems: 'baseline', gap: tokens.spacingHorizontalM, minWidth: 0, paddingLeft: tokens.spacingHorizontalS },
  title: { fontWeight: tokens.fontWeightSemibold, whiteSpace: 'nowrap' },
  subtitle: { color: tokens.colorNeutralForeground3, whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' },
  controls: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM },
});

// Chromium's property for the window's drag region; not in the CSS type definitions.
const DRAG = { WebkitAppRegion: 'drag' } as CSSProperties;
const NO_DRAG = { WebkitAppRegion: 'no-drag' } as CSSProperties;

export function TitleBar({
  className,
  start,
  children,
  withSubtitle = false,
}: {
  className?: string;
  /** Controls before the app's name (the navigation toggle). */
  start?: ReactNode;
  children: ReactNode;
  withSubtitle?: boolean;
}) {
  const styles = useStyles();
  const { t } = useTranslation();
  return (
    <header className={mergeClasses(styles.header, className)} style={DRAG}>
      <div className={styles.start}>
        {start && <div style={NO_DRAG}>{start}</div>}
        <div className={styles.brand}>
          <Text as="span" className={styles.title}>
            {t('app.title')}
          </Text>
          {withSubtitle && <Caption1 className={styles.subtitle}>{t('app.subtitle')}</Caption1>}
        </div>
      </div>
      <div className={styles.controls} style={NO_DRAG}>
        {children}
      </div>
    </header>
  );
}
