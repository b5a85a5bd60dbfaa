/** Asks before the policy goes back to the defaults: an edited or imported policy is lost. */
import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';

export function ResetPolicyDialog({ open, onCancel, onConfirm }: { open: boolean; onCancel: () => void; onConfirm: () => void }) {
  const { t } = useTranslation();
  return (
    <Dialog open={open} modalType="alert" onOpenChange={(_event, data) => !data.open && onCancel()}>
      <DialogSurface aria-describedby="reset-policy-description">
        <DialogBody>
          <DialogTitle>{t('settings.selfCheckPolicy.reset.title')}</DialogTitle>
          <DialogContent id="reset-policy-description">{t('settings.selfCheckPolicy.reset.body')}</DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={onConfirm}>
              {t('settings.selfCheckPolicy.reset.confirm')}
            </Button>
            <Button onClick={onCancel}>{t('settings.selfCheckPolicy.reset.cancel')}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
