/**
 * The confirmation of a cryptographic erase (10-1): says what will happen and that it cannot
 * be undone, names the files, and asks for the number of files to be typed before the
 * destructive button is enabled. Full-width digits typed with a Japanese IME count too.
 */
import { useState } from 'react';
import { Field, Input, MessageBar, MessageBarBody, MessageBarTitle, Text, makeStyles, tokens } from '@fluentui/react-components';
import { Delete20Regular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import type { VaultItem } from '@shared/vault';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { strictLineBreaking } from '../../components/table-cells';

const useStyles = makeStyles({
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalXL, maxHeight: '8em', overflowY: 'auto', ...strictLineBreaking },
});

const SHOWN = 5;

export function EraseDialog({
  items,
  pending,
  error,
  onConfirm,
  onDismiss,
}: {
  items: readonly VaultItem[];
  pending: boolean;
  error: unknown;
  onConfirm: () => void;
  onDismiss: () => void;
}) {
  const styles = useStyles();
  const { t } = useTranslation();
  const [typed, setTyped] = useState('');
  const count = items.length;
  const confirmed = typed.normalize('NFKC').trim() === String(count);

  return (
    <ConfirmDialog
      title={t('vaultFiles.eraseDialog.title', { count })}
      confirmLabel={t('vaultFiles.eraseDialog.confirm')}
      pendingLabel={t('vaultFiles.eraseDialog.erasing')}
      cancelLabel={t('vaultFiles.eraseDialog.cancel')}
      // Red only once the count is typed: until then the button cannot erase anything.
      destructive={confirmed}
      describedBy={{ id: 'erase-dialog-warning' }}
      pending={pending}
      error={error}
      confirmDisabled={!confirmed}
      confirmIcon={<Delete20Regular />}
      onConfirm={onConfirm}
      onCancel={onDismiss}
      testId="erase-dialog"
    >
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody id="erase-dialog-warning">
          <MessageBarTitle>{t('vaultFiles.eraseDialog.warningTitle')}</MessageBarTitle>
          {t('vaultFiles.eraseDialog.warning')}
        </MessageBarBody>
      </MessageBar>
      <div>
        <Text weight="semibold" id="erase-dialog-list-label">
          {t('vaultFiles.eraseDialog.listLabel')}
        </Text>
        <ul className={styles.list} aria-labelledby="erase-dialog-list-label">
          {items.slice(0, SHOWN).map((item) => (
            <li key={item.id}>{item.relativePath}</li>
          ))}
          {count > SHOWN && <li>{t('vaultFiles.eraseDialog.more', { count: count - SHOWN })}</li>}
        </ul>
      </div>
      <Field label={t('vaultFiles.eraseDialog.confirmLabel', { count })} required>
        <Input value={typed} onChange={(_event, data) => setTyped(data.value)} inputMode="numeric" autoComplete="off" disabled={pending} />
      </Field>
    </ConfirmDialog>
  );
}
