/**
 * The confirmation of a cryptographic erase (10-1): says what will happen and that it cannot
 * be undone, names the files, and asks for the number of files to be typed before the
 * destructive button is enabled. Full-width digits typed with a Japanese IME count too.
 */
import { useState, type FormEvent } from 'react';
import {
  Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Field, Input, MessageBar, MessageBarBody,
  MessageBarTitle, Spinner, Text, makeStyles, tokens,
} from '@fluentui/react-components';
import { Delete20Regular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import type { VaultItem } from '@shared/vault';
import { ErrorState } from '../../components/ErrorState';

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalXL, maxHeight: '8em', overflowY: 'auto', overflowWrap: 'anywhere' },
  danger: {
    backgroundColor: tokens.colorStatusDangerBackground3,
    color: tokens.colorNeutralForegroundOnBrand,
    ':hover': { backgroundColor: tokens.colorStatusDangerBackground3Hover, color: tokens.colorNeutralForegroundOnBrand },
    ':hover:active': { backgroundColor: tokens.colorStatusDangerBackground3Pressed, color: tokens.colorNeutralForegroundOnBrand },
  },
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

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (confirmed && !pending) onConfirm();
  };

  return (
    <Dialog open modalType="alert" onOpenChange={(_event, data) => !data.open && !pending && onDismiss()}>
      <DialogSurface aria-describedby="erase-dialog-warning" data-testid="erase-dialog">
        <form onSubmit={submit} noValidate>
          <DialogBody>
            <DialogTitle>{t('vaultFiles.eraseDialog.title', { count })}</DialogTitle>
            <DialogContent className={styles.content}>
              <MessageBar intent="warning" layout="multiline">
                <MessageBarBody id="erase-dialog-warning">
                  <MessageBarTitle>{t('vaultFiles.eraseDialog.warningTitle')}</MessageBarTitle>
                  {t('vaultFiles.eraseDialog.warning')}
                </MessageBarBody>
              </MessageBar>
              <div>
                <Text weight="semibold" id="erase-dialog-list-label">{t('vaultFiles.eraseDialog.listLabel')}</Text>
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
              {error !== null && error !== undefined && <ErrorState error={error} />}
            </DialogContent>
            <DialogActions>
              <Button
                type="submit"
                appearance="primary"
                className={confirmed ? styles.danger : undefined}
                disabledFocusable={!confirmed || pending}
                icon={pending ? <Spinner size="tiny" /> : <Delete20Regular />}
              >
                {pending ? t('vaultFiles.eraseDialog.erasing') : t('vaultFiles.eraseDialog.confirm')}
              </Button>
              <Button onClick={onDismiss} disabled={pending}>{t('vaultFiles.eraseDialog.cancel')}</Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
