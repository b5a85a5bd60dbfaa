/**
 * The last step before an erasure: the engineer types the number of files to be erased, so
 * that nothing is erased by a slip of the mouse (E.3 c). Full-width digits count too. It is
 * the confirm dialog every destructive step uses (components/ConfirmDialog.tsx): the red
 * 消去する first, やめる beside it, as in every other dialog that cannot be taken back.
 */
import { useState } from 'react';
import { Field, Input, Text } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { formatBytes } from '@shared/format-bytes';
import type { Language } from '@shared/locale';
import { ConfirmDialog } from '../../components/ConfirmDialog';

export interface ConfirmErasureDialogProps {
  readonly files: number;
  readonly bytes: number;
  /** Called with what was typed, once it is the number of files. */
  readonly onConfirm: (typed: string) => void;
  readonly onCancel: () => void;
}

/** What was typed is the number of files, in half- or full-width digits. */
export function confirmsFileCount(typed: string, files: number): boolean {
  return typed.normalize('NFKC').trim() === String(files);
}

export function ConfirmErasureDialog({ files, bytes, onConfirm, onCancel }: ConfirmErasureDialogProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const [typed, setTyped] = useState('');

  return (
    <ConfirmDialog
      title={t('erasure.confirm.title', { count: files })}
      confirmLabel={t('erasure.confirm.submit')}
      pendingLabel={t('erasure.confirm.submit')}
      cancelLabel={t('erasure.confirm.cancel')}
      destructive
      describedBy={{ id: 'erasure-confirm-body' }}
      pending={false}
      error={null}
      confirmDisabled={!confirmsFileCount(typed, files)}
      onConfirm={() => onConfirm(typed)}
      onCancel={onCancel}
      testId="erasure-confirm-dialog"
    >
      <Text block id="erasure-confirm-body">
        {t('erasure.confirm.body', { count: files, bytes: formatBytes(bytes, language) })}
      </Text>
      <Field label={t('erasure.confirm.type', { count: files })} required>
        <Input value={typed} onChange={(_e, d) => setTyped(d.value)} inputMode="numeric" autoComplete="off" autoFocus />
      </Field>
    </ConfirmDialog>
  );
}
