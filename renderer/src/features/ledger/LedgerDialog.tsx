/**
 * The form every ledger step is asked in (check-out, return, permission, loss, erasure,
 * disposal): the shared ConfirmDialog, as the ledger uses it. Its steps are forms with
 * several fields, hence the wider surface and more space between them; only a step that
 * cannot be taken back (loss, disposal) is red and an alert dialog, and none has a
 * description other than its fields.
 */
import type { ReactNode } from 'react';
import { makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../components/ConfirmDialog';

const useStyles = makeStyles({
  surface: { maxWidth: '640px' },
  content: { gap: tokens.spacingVerticalL },
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

export function LedgerDialog({
  title,
  children,
  submitLabel,
  pendingLabel,
  pending,
  error,
  destructive = false,
  submitDisabled = false,
  onSubmit,
  onClose,
  testId,
}: LedgerDialogProps) {
  const styles = useStyles();
  const { t } = useTranslation();
  return (
    <ConfirmDialog
      title={title}
      confirmLabel={submitLabel}
      pendingLabel={pendingLabel}
      cancelLabel={t('ledger.dialog.cancel')}
      destructive={destructive}
      modalType={destructive ? 'alert' : 'modal'}
      pending={pending}
      error={error}
      confirmDisabled={submitDisabled}
      onConfirm={onSubmit}
      onCancel={onClose}
      testId={testId}
      surfaceClassName={styles.surface}
      contentClassName={styles.content}
    >
      {children}
    </ConfirmDialog>
  );
}
