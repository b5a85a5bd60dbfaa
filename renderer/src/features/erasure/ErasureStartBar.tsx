/**
 * The Erasure form's primary action at its top (issue 19): 消去を開始 with what it will erase —
 * or what is still missing — in the bar that stays at the top of the window while the engineer
 * scrolls through targets, method and site. On a 1366×768 laptop the button was below the first
 * viewport, under the whole form; here it is never out of sight, and still only starts after
 * the typed confirmation of the number of files.
 */
import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { Delete20Regular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import { formatBytes } from '@shared/format-bytes';
import type { Language } from '@shared/locale';
import { StickyActionBar } from '../../components/StickyActionBar';

const useStyles = makeStyles({
  bar: { marginBottom: tokens.spacingVerticalL },
});

export interface ErasureStartBarProps {
  readonly files: number;
  readonly bytes: number;
  /** Targets chosen and the site named: only then can the erasure start. */
  readonly ready: boolean;
  /** An erasure is running: the button waits for it. */
  readonly busy: boolean;
  readonly onStart: () => void;
}

export function ErasureStartBar({ files, bytes, ready, busy, onStart }: ErasureStartBarProps) {
  const styles = useStyles();
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const summary = ready ? t('erasure.startBar.ready', { count: files, bytes: formatBytes(bytes, language) }) : t('erasure.startBar.hint');
  return (
    <StickyActionBar className={styles.bar} summary={{ id: 'erasure-start-summary', text: summary }} testId="erasure-start-bar">
      <Button
        appearance="primary"
        icon={<Delete20Regular />}
        disabled={!ready || busy}
        aria-describedby="erasure-start-summary"
        onClick={onStart}
      >
        {t('erasure.start')}
      </Button>
    </StickyActionBar>
  );
}
