/**
 * Removing a site, a system or an account: the shared confirm dialog, destructive, with the
 * Sites screen's own "removing…" and cancel words, described by its body text. Each caller
 * says only what is removed and what happens.
 */
import { useTranslation } from 'react-i18next';
import { ConfirmDialog, type ConfirmDialogProps } from '../../components/ConfirmDialog';

type RemoveDialogProps = Pick<ConfirmDialogProps, 'title' | 'confirmLabel' | 'pending' | 'error' | 'onCancel' | 'testId' | 'children'> & {
  readonly onConfirm: () => void;
};

export function RemoveDialog({ onConfirm, ...props }: RemoveDialogProps) {
  const { t } = useTranslation();
  return (
    <ConfirmDialog
      {...props}
      pendingLabel={t('sites.confirm.removing')}
      cancelLabel={t('sites.confirm.cancel')}
      destructive
      describedBy="content"
      onConfirm={() => onConfirm()}
    />
  );
}
