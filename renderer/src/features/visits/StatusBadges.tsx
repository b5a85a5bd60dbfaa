/** A run's and a step's status as an icon and a word — never colour alone (the list's icons differ in shape too). */
import { Badge, makeStyles, tokens } from '@fluentui/react-components';
import {
  ArrowCircleRight16Filled,
  CheckmarkCircle16Filled,
  Circle16Regular,
  CircleHint16Regular,
  Clock16Regular,
  DismissCircle16Filled,
  LockClosed16Regular,
  SubtractCircle16Regular,
} from '@fluentui/react-icons';
import type { RunStatus, StepStatus } from '@shared/visits';
import { useVisitTexts } from './use-visit-texts';

export function RunStatusBadge({ status }: { status: RunStatus }) {
  const texts = useVisitTexts();
  const look = {
    'in-progress': { color: 'informative', icon: <Clock16Regular /> },
    completed: { color: 'success', icon: <CheckmarkCircle16Filled /> },
    abandoned: { color: 'warning', icon: <DismissCircle16Filled /> },
  } as const;
  return (
    <Badge appearance="tint" shape="rounded" color={look[status].color} icon={look[status].icon} data-status={status}>
      {texts.runStatusName(status)}
    </Badge>
  );
}

const useStyles = makeStyles({
  // A waiting step reads as quieter than an open one, but still with enough contrast.
  locked: { color: tokens.colorNeutralForeground2 },
});

export function StepStatusBadge({ status, locked, lockedLabel }: { status: StepStatus; locked: boolean; lockedLabel: string }) {
  const styles = useStyles();
  const texts = useVisitTexts();
  if (status === 'open' && locked) {
    return (
      <Badge
        appearance="outline"
        shape="rounded"
        color="informative"
        className={styles.locked}
        icon={<LockClosed16Regular />}
        data-status="locked"
      >
        {lockedLabel}
      </Badge>
    );
  }
  const look = {
    open: { color: 'informative', icon: <CircleHint16Regular /> },
    done: { color: 'success', icon: <CheckmarkCircle16Filled /> },
    'not-applicable': { color: 'informative', icon: <SubtractCircle16Regular /> },
  } as const;
  return (
    <Badge appearance="tint" shape="rounded" color={look[status].color} icon={look[status].icon} data-status={status}>
      {texts.stepStatusName(status)}
    </Badge>
  );
}

const useIconStyles = makeStyles({
  done: { color: tokens.colorPaletteGreenForeground1 },
  current: { color: tokens.colorBrandForeground1 },
  quiet: { color: tokens.colorNeutralForeground2 },
});

/**
 * The step list's icon: a tick (done), a bar (not applicable), an arrow (the current step), an
 * empty circle (open, may be done now), a lock (waits). Decorative: the list says the word.
 */
export function StepStatusIcon({ status, locked, current }: { status: StepStatus; locked: boolean; current: boolean }) {
  const styles = useIconStyles();
  if (status === 'done') return <CheckmarkCircle16Filled className={styles.done} />;
  if (status === 'not-applicable') return <SubtractCircle16Regular className={styles.quiet} />;
  if (locked) return <LockClosed16Regular className={styles.quiet} />;
  return current ? <ArrowCircleRight16Filled className={styles.current} /> : <Circle16Regular className={styles.quiet} />;
}
