/**
 * The button that runs the self-check, and what shows while it runs: a spinner with a line
 * of text, in a live region so screen readers hear it. The button stays focusable while
 * disabled, so keyboard focus is not lost during the run.
 */
import { Button, Spinner, makeStyles, tokens, type ButtonProps } from '@fluentui/react-components';
import { ShieldCheckmark20Regular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';

const useStyles = makeStyles({
  row: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalL, flexWrap: 'wrap' },
});

export function RunSelfCheckButton({
  running,
  onRun,
  appearance = 'primary',
}: {
  running: boolean;
  onRun: () => void;
  appearance?: ButtonProps['appearance'];
}) {
  const styles = useStyles();
  const { t } = useTranslation();
  return (
    <div className={styles.row}>
      <Button appearance={appearance} icon={<ShieldCheckmark20Regular />} disabledFocusable={running} onClick={onRun}>
        {t('selfCheck.run.button')}
      </Button>
      <div role="status">{running && <Spinner size="tiny" labelPosition="after" label={t('selfCheck.run.running')} />}</div>
    </div>
  );
}
