/**
 * Asks before something is removed for good (a site, a system, an account) or a review is
 * recorded. The destructive button is red and says what it does; Cancel or Escape changes
 * nothing. While the request runs the dialog stays open and its error shows inside it.
 */
import type { ReactNode } from 'react';
import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../components/ErrorState';

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
  readonly children: ReactNode;
  readonly confirmLabel: string;
  readonly pendingLabel: string;
  /** Removal is shown in red; recording a review in the usual primary colour. */
  readonly destructive?: boolean;
  readonly pending: boolean;
  readonly error: unknown;
  readonly onConfirm: () => void;
  readonly onCancel: () => void;
  readonly testId?: string;
}

export function ConfirmDialog({ title, children, confirmLabel, pendingLabel, destructive = true, pending, error, onConfirm, onCancel, testId }: ConfirmDialogProps) {
  const styles = useStyles();
  const { t } = useTranslation();
  return (
    <Dialog open modalType="alert" onOpenChange={(_event, data) => !data.open && !pending && onCancel()}>
      <DialogSurface aria-describedby="sites-confirm-body" data-testid={testId}>
        <DialogBody>
          <DialogTitle>{title}</DialogTitle>
          <DialogContent id="sites-confirm-body" className={styles.content}>
            {children}
            {error !== null && error !== undefined && <ErrorState error={error} />}
          </DialogContent>
          <DialogActions>
            <Button
              appearance="primary"
              className={destructive ? styles.danger : undefined}
              disabledFocusable={pending}
              icon={pending ? <Spinner size="tiny" /> : undefined}
              onClick={onConfirm}
            >
              {pending ? pendingLabel : confirmLabel}
            </Button>
            <Button onClick={onCancel} disabled={pending}>{t('sites.confirm.cancel')}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
