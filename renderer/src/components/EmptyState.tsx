/**
 * What a screen or list shows before its first entry (Sites, Ledger, Visits, the vault, the
 * self-check): a card, named by its heading as a region, with the screen's icon, then what
 * the screen is for and how to begin. The icon is only decoration: hidden from screen
 * readers, the heading says it all.
 */
import { useId, type ReactNode } from 'react';
import { Body1, Card, Subtitle1, makeStyles, tokens } from '@fluentui/react-components';
import type { FluentIcon } from '@fluentui/react-icons';

const useStyles = makeStyles({
  card: { maxWidth: '48em', padding: tokens.spacingHorizontalXL },
  header: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, color: tokens.colorBrandForeground1 },
  title: { margin: 0 },
  text: { margin: 0 },
});

export interface EmptyStateProps {
  readonly icon: FluentIcon;
  readonly title: string;
  /** h2 where the card stands directly under the screen's h1, h3 where it sits under a section's h2. */
  readonly headingLevel: 'h2' | 'h3';
  readonly testId: string;
  readonly children: ReactNode;
}

export function EmptyState({ icon: Icon, title, headingLevel, testId, children }: EmptyStateProps) {
  const styles = useStyles();
  const titleId = useId();
  return (
    <Card className={styles.card} role="region" aria-labelledby={titleId} data-testid={testId}>
      <div className={styles.header}>
        <Icon aria-hidden />
        <Subtitle1 as={headingLevel} id={titleId} className={styles.title}>
          {title}
        </Subtitle1>
      </div>
      {children}
    </Card>
  );
}

/** A paragraph of an empty state, without the margins a <p> would add to the card's own spacing. */
export function EmptyStateText({ children }: { children: ReactNode }) {
  const styles = useStyles();
  return (
    <Body1 as="p" className={styles.text}>
      {children}
    </Body1>
  );
}
