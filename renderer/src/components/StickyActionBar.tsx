/**
 * A form's primary action at its top, kept in sight (issue 19): a bar that stays at the top of
 * the window while the engineer scrolls through a long form, so the action is inside the first
 * viewport of a 1366×768 laptop and never needs a scroll back to find. On the left what the
 * action will do or what it still needs; on the right the buttons. Put it inside the <form>, so
 * a submit button in it still submits with Enter.
 */
import type { ReactNode } from 'react';
import { Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  bar: {
    position: 'sticky',
    top: 0,
    zIndex: 1,
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalL,
    paddingBlock: tokens.spacingVerticalS,
    backgroundColor: tokens.colorNeutralBackground2,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM },
  // Beside a summary the buttons go to the right end, as in a command bar; alone they start the line.
  end: { marginInlineStart: 'auto' },
});

export interface StickyActionBarProps {
  /** What the action will do, or what it still needs; its id lets the primary button point at it (aria-describedby). */
  readonly summary?: { readonly id: string; readonly text: string } | undefined;
  readonly className?: string | undefined;
  readonly testId?: string | undefined;
  readonly children: ReactNode;
}

export function StickyActionBar({ summary, className, testId, children }: StickyActionBarProps) {
  const styles = useStyles();
  return (
    <div className={mergeClasses(styles.bar, className)} data-testid={testId}>
      {summary && <Text id={summary.id}>{summary.text}</Text>}
      <div className={mergeClasses(styles.actions, summary && styles.end)}>{children}</div>
    </div>
  );
}
