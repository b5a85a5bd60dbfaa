/**
 * The last step before an erasure: the engineer types the number of files to be erased, so
 * that nothing is erased by a slip of the mouse (E.3 c). Full-width digits count too.
 */
import { useState } from 'react';
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  Text,
} from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { formatBytes } from '@shared/format-bytes';
import type { Language } from '@shared/locale';

export interface ConfirmErasureDialogProps {
  readonly files: number;
  readonly bytes: number;
  /** Called with what was typed, once it is the number of files. */
  readonly onConfirm: (typed: string) => void;
  readonly onCancel: () => void;
}

export function ConfirmErasureDialog({ files, bytes, onConfirm, onCancel }: ConfirmErasureDialogProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const [typed, setTyped] = useState('');

  return (
    <Dialog
      open
      onOpenChange={(_e, d) => {
        if (!d.open) onCancel();
      }}
      modalType="alert"
    >
      <DialogSurface>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            onConfirm(typed);
          }}
        >
          <DialogBody>
            <DialogTitle>{t('erasure.confirm.title', { count: files })}</DialogTitle>
            <DialogContent>
              <Text block>{t('erasure.confirm.body', { count: files, bytes: formatBytes(bytes, language) })}</Text>
              <Field label={t('erasure.confirm.type', { count: files })} required>
                <Input value={typed} onChange={(_e, d) => setTyped(d.value)} inputMode="numeric" autoFocus />
              </Field>
            </DialogContent>
            <DialogActions>
              <Button onClick={onCancel}>{t('erasure.confirm.cancel')}</Button>
              <Button type="submit" appearance="primary" disabled={typed.normalize('NFKC').trim() !== String(files)}>
                {t('erasure.confirm.submit')}
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
