/**
 * The left pane of a visit run: its steps in the template's order as one compact line each —
 * a status icon (its shape differs per status and a hidden word says it, so status is never
 * colour alone), the number and the title — under "手順 8 / 14", with the completion as the
 * last line. A step can be worked on once every required step before it is closed; the steps
 * after the current one are grey lines with a lock, and ONE sentence under the list says which
 * step they wait for (instead of repeating it on every line). The available lines are buttons:
 * Tab or the arrow keys move between them, Enter (or a click) opens that step on the right.
 */
import { useEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { LockClosed16Regular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import { StepStatusIcon } from './StatusBadges';
import { useVisitTexts } from './use-visit-texts';
import type { VisitRun } from './use-visits';

/** What the right pane shows: a step by its id, or the completion. */
export const COMPLETE_ITEM = 'complete';

const useStyles = makeStyles({
  pane: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  heading: {
    margin: 0,
    display: 'flex',
    justifyContent: 'space-between',
    alignItems: 'baseline',
    fontSize: tokens.fontSizeBase400,
    lineHeight: tokens.lineHeightBase400,
    fontWeight: tokens.fontWeightSemibold,
  },
  count: { fontVariantNumeric: 'tabular-nums', fontWeight: tokens.fontWeightRegular, color: tokens.colorNeutralForeground2 },
  list: {
    listStyle: 'none',
    margin: 0,
    padding: '3px',
    display: 'flex',
    flexDirection: 'column',
    gap: '2px',
    // On a 768 px high laptop a long procedure scrolls inside the list, so the page does not.
    position: 'relative',
    maxHeight: 'max(16rem, calc(100vh - 22rem))',
    overflowY: 'auto',
  },
  line: {
    display: 'grid',
    gridTemplateColumns: '16px 1fr',
    gap: tokens.spacingHorizontalS,
    alignItems: 'start',
    width: '100%',
    boxSizing: 'border-box',
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid transparent`,
    backgroundColor: 'transparent',
    color: tokens.colorNeutralForeground1,
    fontFamily: 'inherit',
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    textAlign: 'start',
    lineBreak: 'strict',
  },
  button: {
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorSubtleBackgroundHover },
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: '1px' },
  },
  selected: {
    backgroundColor: tokens.colorSubtleBackgroundSelected,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    ':hover': { backgroundColor: tokens.colorSubtleBackgroundSelected },
  },
  current: { fontWeight: tokens.fontWeightSemibold },
  locked: { color: tokens.colorNeutralForeground2 },
  icon: { display: 'inline-flex', paddingTop: '2px' },
  optional: { color: tokens.colorNeutralForeground2, fontWeight: tokens.fontWeightRegular, whiteSpace: 'nowrap' },
  note: { color: tokens.colorNeutralForeground2, display: 'flex', gap: tokens.spacingHorizontalXS, alignItems: 'start' },
  /** Read by screen readers, not shown: the icon shows it. */
  hidden: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clipPath: 'inset(50%)', whiteSpace: 'nowrap' },
});

export interface StepListProps {
  readonly run: VisitRun;
  /** The step (or COMPLETE_ITEM) open on the right. */
  readonly selected: string;
  readonly onOpen: (item: string) => void;
}

/** ↑/↓ (and Home/End) move focus between the list's buttons; Tab still walks them in order. */
function moveFocus(event: KeyboardEvent<HTMLOListElement>): void {
  const buttons = [...event.currentTarget.querySelectorAll<HTMLButtonElement>('button')];
  const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
  const to = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: buttons.length - 1 }[event.key];
  if (to === undefined || at < 0) return;
  event.preventDefault();
  buttons[Math.max(0, Math.min(buttons.length - 1, to))]?.focus();
}

export function StepList({ run, selected, onOpen }: StepListProps) {
  const styles = useStyles();
  const { t } = useTranslation();
  const texts = useVisitTexts();
  const inProgress = run.status === 'in-progress';
  const steps = run.template.steps;
  const statusOf = (stepId: string) => run.steps.find((s) => s.stepId === stepId)?.status ?? 'open';
  // Every required step is closed in order, so what the later steps wait for is the current step.
  const blockerIndex = steps.findIndex((s) => s.required && statusOf(s.id) === 'open');
  const blocker = steps[blockerIndex];
  const lockedNote = 'visit-steps-locked-note';
  const listRef = useRef<HTMLOListElement>(null);

  useEffect(() => {
    // The current step's line scrolled into the list's view (the list alone, not the page).
    const list = listRef.current;
    const item = list?.querySelector<HTMLElement>('li[aria-current="step"]');
    if (!list || !item) return;
    if (item.offsetTop < list.scrollTop || item.offsetTop + item.offsetHeight > list.scrollTop + list.clientHeight) {
      list.scrollTop = item.offsetTop - list.clientHeight / 2;
    }
  }, [run.currentStepId]);
  const showsNote = inProgress && blocker !== undefined && blockerIndex < steps.length - 1;

  const line = (item: {
    id: string;
    label: string;
    statusWord: string;
    icon: ReactNode;
    available: boolean;
    isCurrent: boolean;
    optional: boolean;
    dataStatus?: string;
  }) => {
    const content = (
      <>
        <span className={styles.icon} aria-hidden>
          {item.icon}
        </span>
        <span>
          {item.label}
          {item.optional && <span className={styles.optional}>{t('visits.step.optionalTag')}</span>}
          <span className={styles.hidden}>
            {t(item.isCurrent ? 'visits.step.statusHiddenCurrent' : 'visits.step.statusHidden', { status: item.statusWord })}
          </span>
        </span>
      </>
    );
    return (
      <li
        key={item.id}
        data-step-id={item.id === COMPLETE_ITEM ? undefined : item.id}
        data-testid={item.id === COMPLETE_ITEM ? 'visit-complete-item' : undefined}
        data-status={item.dataStatus}
        aria-current={item.isCurrent ? 'step' : undefined}
        aria-describedby={!item.available && showsNote ? lockedNote : undefined}
      >
        {item.available ? (
          <button
            type="button"
            className={mergeClasses(styles.line, styles.button, item.isCurrent && styles.current, selected === item.id && styles.selected)}
            aria-pressed={selected === item.id}
            aria-controls="visit-step-pane"
            onClick={() => onOpen(item.id)}
          >
            {content}
          </button>
        ) : (
          <div className={mergeClasses(styles.line, styles.locked)}>{content}</div>
        )}
      </li>
    );
  };

  return (
    <nav className={styles.pane} aria-labelledby="visit-steps-heading">
      <h2 id="visit-steps-heading" className={styles.heading}>
        <span>{t('visits.run.steps')}</span>{' '}
        <span className={styles.count}>{t('visits.progress', { done: run.stepsDone, total: run.stepsTotal })}</span>
      </h2>
      <ol ref={listRef} className={styles.list} data-testid="visit-steps" onKeyDown={moveFocus}>
        {steps.map((step, index) => {
          const status = statusOf(step.id);
          const locked = status === 'open' && (!inProgress || (blockerIndex >= 0 && blockerIndex < index));
          const isCurrent = run.currentStepId === step.id;
          return line({
            id: step.id,
            label: `${t('visits.step.number', { n: index + 1 })} ${texts.stepTitle(run.templateId, step.id)}`,
            statusWord: locked ? t('visits.step.locked') : texts.stepStatusName(status),
            icon: <StepStatusIcon status={status} locked={locked} current={isCurrent} />,
            available: !locked,
            isCurrent,
            optional: !step.required,
            dataStatus: locked ? 'locked' : status,
          });
        })}
        {inProgress &&
          line({
            id: COMPLETE_ITEM,
            label: t('visits.complete.title'),
            statusWord: run.currentStepId === null ? texts.stepStatusName('open') : t('visits.step.locked'),
            icon: run.currentStepId === null ? <StepStatusIcon status="open" locked={false} current /> : <LockClosed16Regular />,
            available: run.currentStepId === null,
            isCurrent: run.currentStepId === null,
            optional: false,
          })}
      </ol>
      {showsNote && (
        <Text id={lockedNote} size={200} className={styles.note} data-testid="visit-step-locked">
          <LockClosed16Regular aria-hidden style={{ flexShrink: 0, marginTop: 2 }} />
          <span>{t('visits.step.lockedBecause', { n: blockerIndex + 1, title: texts.stepTitle(run.templateId, blocker.id) })}</span>
        </Text>
      )}
    </nav>
  );
}
