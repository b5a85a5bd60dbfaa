/** A definition list of label/value pairs, as screen readers expect them read. A value may be marked up (e.g. a fingerprint in a monospace font). */
import type { ReactNode } from 'react';
import { makeStyles, tokens } from '@fluentui/react-components';
import { strictLineBreaking } from './table-cells';

const useStyles = makeStyles({
  list: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    columnGap: tokens.spacingHorizontalXL,
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
  },
  term: { fontWeight: tokens.fontWeightSemibold },
  // Broken the Japanese way like table text; a long unbroken value (a hash, a number) only where nothing else fits.
  value: { ...strictLineBreaking, margin: 0 },
});

export function FactList({ facts }: { facts: ReadonlyArray<readonly [string, ReactNode]> }) {
  const styles = useStyles();
  return (
    <dl className={styles.list}>
      {facts.map(([term, value]) => (
        <div key={term} style={{ display: 'contents' }}>
          <dt className={styles.term}>{term}</dt>
          <dd className={styles.value}>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
