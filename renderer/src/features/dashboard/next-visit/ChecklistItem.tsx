/**
 * One line of the next-visit checklist: done or to do — said with an icon and a word, never by
 * colour alone — what was found, and the one action that fixes it. While its data loads the
 * line says so; when it cannot be read the line shows the error, never "done".
 */
import { Spinner, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { CheckmarkCircle20Filled, Warning20Filled } from '@fluentui/react-icons';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../../components/ErrorState';

const useStyles = makeStyles({
  item: {
    display: 'grid',
    gridTemplateColumns: 'auto minmax(0, 1fr) auto',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXS,
    paddingBlock: tokens.spacingVerticalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  state: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXS, minWidth: '6.5em' },
  done: { color: tokens.colorPaletteGreenForeground1 },
  todo: { color: tokens.colorPaletteDarkOrangeForeground1 },
  body: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, minWidth: 0 },
  action: { justifySelf: 'end' },
  wide: { gridColumn: '1 / -1' },
});

export type ChecklistState = 'done' | 'todo';

export interface ChecklistItemProps {
  readonly testId: string;
  readonly state: ChecklistState;
  readonly children: ReactNode;
  /** The one action that fixes it (or opens what it is about). */
  readonly action?: ReactNode;
}

export function ChecklistItem({ testId, state, children, action }: ChecklistItemProps) {
  const styles = useStyles();
  const { t } = useTranslation();
  return (
    <li className={styles.item} data-testid={testId} data-state={state}>
      <span className={mergeClasses(styles.state, state === 'done' ? styles.done : styles.todo)}>
        {state === 'done' ? <CheckmarkCircle20Filled aria-hidden /> : <Warning20Filled aria-hidden />}
        <Text weight="semibold">{t(state === 'done' ? 'dashboard.next.done' : 'dashboard.next.todo')}</Text>
      </span>
      <div className={styles.body}>{children}</div>
      <div className={styles.action}>{action}</div>
    </li>
  );
}

/** A line whose data is still being read, or could not be read. */
export function ChecklistPending({
  testId,
  query,
}: {
  testId: string;
  query: { isError: boolean; error: unknown; refetch: () => unknown };
}) {
  const styles = useStyles();
  const { t } = useTranslation();
  return (
    <li className={styles.item} data-testid={testId} data-state={query.isError ? 'error' : 'loading'}>
      <div className={styles.wide}>
        {query.isError ? (
          <ErrorState error={query.error} onRetry={() => void query.refetch()} />
        ) : (
          <Spinner size="tiny" labelPosition="after" label={t('app.loading')} />
        )}
      </div>
    </li>
  );
}
