/**
 * The form every ledger step is asked in (check-out, return, permission, loss, erasure,
 * disposal): a modal dialog whose form submits with Enter or the primary button, a red
 * primary button for what cannot be taken back, the request's error inside the dialog, and
 * Cancel or Escape changing nothing. While the request runs the dialog stays open.
 */
import type { FormEvent, ReactNode } from 'react';
import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../components/ErrorState';

const useStyles = makeStyles({
  surface: { maxWidth: '640px' },
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  danger: {
    backgroundColor: tokens.colorStatusDangerBackground3,
    color: tokens.colorNeutralForegroundOnBrand,
    ':hover': { backgroundColor: tokens.colorStatusDangerBackground3Hover, color: tokens.colorNeutralForegroundOnBrand },
    ':hover:active': { backgroundColor: tokens.colorStatusDangerBackground3Pressed, color: tokens.colorNeutralForegroundOnBrand },
  },
});

export interface LedgerDialogProps {
  readonly title: string;
  readonly children: ReactNode;
  readonly submitLabel: string;
  readonly pendingLabel: string;
  readonly pending: boolean;
  readonly error: unknown;
  /** Red, and an alert dialog: for a step that cannot be taken back (loss, disposal). */
  readonly destructive?: boolean;
  readonly submitDisabled?: boolean;
  readonly onSubmit: () => void;
  readonly onClose: () => void;
  readonly testId: string;
}

export function LedgerDialog({ title, children, submitLabel, pendingLabel, pending, error, destructive = false, submitDisabled = false, onSubmit, onClose, testId }: LedgerDialogProps) {
  const styles = useStyles();
  const { t } = useTranslation();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!pending && !submitDisabled) onSubmit();
  };
  return (
    <Dialog open modalType={destructive ? 'alert' : 'modal'} onOpenChange={(_event, data) => !data.open && !pending && onClose()}>
      <DialogSurface className={styles.surface} data-testid={testId}>
        <form onSubmit={submit} noValidate>
          <DialogBody>
            <DialogTitle>{title}</DialogTitle>
            <DialogContent className={styles.content}>
              {children}
              {error !== null && error !== undefined && <ErrorState error={error} />}
            </DialogContent>
            <DialogActions>
              <Button
                type="submit"
                appearance="primary"
                className={destructive ? styles.danger : undefined}
                disabledFocusable={pending || submitDisabled}
                icon={pending ? <Spinner size="tiny" /> : undefined}
              >
                {pending ? pendingLabel : submitLabel}
              </Button>
              <Button onClick={onClose} disabled={pending}>{t('ledger.dialog.cancel')}</Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
