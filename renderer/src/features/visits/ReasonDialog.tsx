/**
 * Asks for a reason before something that goes into the record for good: marking a step "not
 * applicable", going ahead without a passing self-check, abandoning a run. The shared
 * ConfirmDialog as the Visits screen uses it: the reason is required, the message says where
 * it will be kept and is the dialog's description, and Cancel uses the screen's own words.
 */
import { useTranslation } from 'react-i18next';
import { ConfirmDialog, type ConfirmDialogProps } from '../../components/ConfirmDialog';

export interface ReasonDialogProps extends Pick<
  ConfirmDialogProps,
  'title' | 'children' | 'confirmLabel' | 'pendingLabel' | 'destructive' | 'pending' | 'error' | 'onConfirm' | 'onCancel'
> {
  readonly reasonLabel: string;
  readonly testId: string;
}

export function ReasonDialog({ reasonLabel, ...props }: ReasonDialogProps) {
  const { t } = useTranslation();
  return (
    <ConfirmDialog
      {...props}
      reason={{ label: reasonLabel, requiredMessage: t('visits.reason.required') }}
      cancelLabel={t('visits.reason.cancel')}
      describedBy="children"
    />
  );
}
