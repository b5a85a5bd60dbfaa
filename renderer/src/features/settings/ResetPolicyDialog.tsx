/**
 * Asks before the policy goes back to the defaults: an edited or imported policy is lost, so it
 * is the confirm dialog every destructive step uses (components/ConfirmDialog.tsx) — the red
 * button first, Cancel beside it.
 */
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../components/ConfirmDialog';

export function ResetPolicyDialog({ open, onCancel, onConfirm }: { open: boolean; onCancel: () => void; onConfirm: () => void }) {
  const { t } = useTranslation();
  if (!open) return null;
  return (
    <ConfirmDialog
      title={t('settings.selfCheckPolicy.reset.title')}
      confirmLabel={t('settings.selfCheckPolicy.reset.confirm')}
      pendingLabel={t('settings.selfCheckPolicy.reset.confirm')}
      cancelLabel={t('settings.selfCheckPolicy.reset.cancel')}
      destructive
      describedBy="children"
      pending={false}
      error={null}
      onConfirm={() => onConfirm()}
      onCancel={onCancel}
    >
      {t('settings.selfCheckPolicy.reset.body')}
    </ConfirmDialog>
  );
}
