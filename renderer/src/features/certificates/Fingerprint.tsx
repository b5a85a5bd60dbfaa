/** A SHA-256 fingerprint as it is compared with a contract: lowercase hex in groups of four, in a monospace font. */
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { groupFingerprint } from './certificate-text';

const useStyles = makeStyles({
  fingerprint: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase300, overflowWrap: 'normal', wordBreak: 'normal' },
  small: { fontSize: tokens.fontSizeBase200 },
});

/** `small` in a table, where it shares the row with plain text. */
export function Fingerprint({ value, small = false, testId }: { value: string; small?: boolean; testId?: string }) {
  const styles = useStyles();
  return (
    <span className={mergeClasses(styles.fingerprint, small && styles.small)} data-testid={testId}>
      {groupFingerprint(value)}
    </span>
  );
}
