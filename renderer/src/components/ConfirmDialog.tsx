/**
 * The one dialog that asks before a step is taken: removing a site, system or account,
 * recording a review, every ledger step, a reason for the record (a step "not applicable",
 * going on without a passing self-check, abandoning a run), a cryptographic erase.
 *
 * What they share, and so what lives here once: a modal whose form submits with Enter or the
 * primary button; the primary button red for what cannot be taken back; while the request
 * runs the dialog stays open, the button says so and Cancel, Escape and a second submit do
 * nothing; the request's error shows inside the dialog; Cancel or Escape otherwise closes it
 * and changes nothing. With `reason`, a required reason is asked for and handed to
 * `onConfirm`, trimmed.
 */
import { useId, useState, type SubmitEvent, type ReactElement, type ReactNode } from 'react';
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Spinner,
  Textarea,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import { ErrorState } from './ErrorState';

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  danger: {
    backgroundColor: tokens.colorStatusDangerBackground3,
    color: tokens.colorNeutralForegroundOnBrand,
    ':hover': { backgroundColor: tokens.colorStatusDangerBackground3Hover, color: tokens.colorNeutralForegroundOnBrand },
    ':hover:active': { backgroundColor: tokens.colorStatusDangerBackground3Pressed, color: tokens.colorNeutralForegroundOnBrand },
  },
});

export interface ConfirmDialogProps {
  readonly title: string;
  readonly children?: ReactNode;
  readonly confirmLabel: string;
  readonly pendingLabel: string;
  readonly cancelLabel: string;
  /** The primary button in red: for a step that cannot be taken back. */
  readonly destructive?: boolean;
  /**
   * 'alert' (the default) where the dialog asks before something for the record; 'modal'
   * for a plain form that is only filled in.
   */
  readonly modalType?: 'alert' | 'modal';
  /**
   * What the dialog's description (aria-describedby) is: 'children' — the message passed
   * as children; 'content' — everything inside the dialog under its title, a request's
   * error included; `{ id }` — one element within the children; absent — none, for a dialog
   * that is a form whose fields speak for themselves.
   */
  readonly describedBy?: 'children' | 'content' | { readonly id: string };
  /** Asks for a required reason, which is passed to `onConfirm`. */
  readonly reason?: { readonly label: string; readonly requiredMessage: string };
  readonly pending: boolean;
  readonly error: unknown;
  /** The primary button can be focused but does nothing (e.g. until what must be typed is typed). */
  readonly confirmDisabled?: boolean;
  /** Shown on the primary button while no request runs (a spinner replaces it while one does). */
  readonly confirmIcon?: ReactElement;
  /** The reason typed, trimmed; the empty string for a dialog without `reason`. */
  readonly onConfirm: (reason: string) => void;
  readonly onCancel: () => void;
  readonly testId?: string;
  readonly surfaceClassName?: string;
  readonly contentClassName?: string;
}

export function ConfirmDialog({
  title,
  children,
  confirmLabel,
  pendingLabel,
  cancelLabel,
  destructive = false,
  modalType = 'alert',
  describedBy,
  reason,
  pending,
  error,
  confirmDisabled = false,
  confirmIcon,
  onConfirm,
  onCancel,
  testId,
  surfaceClassName,
  contentClassName,
}: ConfirmDialogProps) {
  const styles = useStyles();
  const ownId = useId();
  const [text, setText] = useState('');
  const [checked, setChecked] = useState(false);
  const missing = reason !== undefined && text.trim() === '';
  const descriptionId = describedBy === undefined ? undefined : typeof describedBy === 'object' ? describedBy.id : ownId;

  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    setChecked(true);
    if (pending || confirmDisabled || missing) return;
    onConfirm(text.trim());
  };

  return (
    <Dialog open modalType={modalType} onOpenChange={(_event, data) => !data.open && !pending && onCancel()}>
      <DialogSurface className={surfaceClassName} aria-describedby={descriptionId} data-testid={testId}>
        <form onSubmit={submit} noValidate>
          <DialogBody>
            <DialogTitle>{title}</DialogTitle>
            <DialogContent id={describedBy === 'content' ? ownId : undefined} className={mergeClasses(styles.content, contentClassName)}>
              {/* Its own element only when it alone describes the dialog: otherwise the children stay items of the content's column. */}
              {describedBy === 'children' ? <div id={ownId}>{children}</div> : children}
              {reason !== undefined && (
                <Field
                  label={reason.label}
                  required
                  validationState={checked && missing ? 'error' : 'none'}
                  validationMessage={checked && missing ? reason.requiredMessage : undefined}
                >
                  <Textarea
                    value={text}
                    maxLength={1000}
                    rows={3}
                    resize="vertical"
                    autoFocus
                    onChange={(_event, data) => setText(data.value)}
                  />
                </Field>
              )}
              {error !== null && error !== undefined && <ErrorState error={error} />}
            </DialogContent>
            <DialogActions>
              <Button
                type="submit"
                appearance="primary"
                // Red only while it can be pressed: until then it looks disabled like any other button.
                className={destructive && !pending && !confirmDisabled ? styles.danger : undefined}
                disabledFocusable={pending || confirmDisabled}
                icon={pending ? <Spinner size="tiny" /> : confirmIcon}
              >
                {pending ? pendingLabel : confirmLabel}
              </Button>
              <Button onClick={onCancel} disabled={pending}>
                {cancelLabel}
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
