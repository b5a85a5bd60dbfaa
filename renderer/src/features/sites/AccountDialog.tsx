/**
 * Adding or editing a maintenance account (10-3, 8-5): the user name of the site's dedicated
 * maintenance account, a new password (typed, or made by the generator; left empty it keeps
 * the stored one), whether it is still the vendor's default password, and — when editing —
 * whether the account is disabled at the site. The password lives in this dialog's state
 * only: closing the dialog drops it.
 */
import { useRef, useState, type SubmitEvent } from 'react';
import {
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  Spinner,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { Eye20Regular, EyeOff20Regular, Save20Regular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import { MaintenanceAccount as AccountSchema } from '@shared/sites';
import { ErrorState } from '../../components/ErrorState';
import { useSaveAccount, useSecretCall } from './account-secrets';
import { PasswordGenerator } from './PasswordGenerator';
import type { MaintenanceAccount } from './use-sites';

const USER_MAX = AccountSchema.shape.userName.maxLength ?? 200;
/** The contract's limit on a password. */
const SECRET_MAX = 256;

const useStyles = makeStyles({
  surface: { maxWidth: '640px' },
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  secret: { fontFamily: tokens.fontFamilyMonospace },
});

export interface AccountDialogProps {
  readonly systemId: string;
  /** The account to edit, or null for a new one. */
  readonly account: MaintenanceAccount | null;
  readonly onSaved: (account: MaintenanceAccount) => void;
  readonly onClose: () => void;
}

export function AccountDialog({ systemId, account, onSaved, onClose }: AccountDialogProps) {
  const styles = useStyles();
  const { t } = useTranslation();
  const saveAccount = useSaveAccount();
  const save = useSecretCall(saveAccount);
  const [userName, setUserName] = useState(account?.userName ?? '');
  const [password, setPassword] = useState('');
  const [visible, setVisible] = useState(false);
  const [vendorDefault, setVendorDefault] = useState(account?.vendorDefault ?? false);
  const [disabled, setDisabled] = useState(account?.disabled ?? false);
  const [checked, setChecked] = useState(false);
  const userRef = useRef<HTMLInputElement>(null);
  const userProblem = checked && userName.trim() === '' ? t('sites.accountForm.userRequired') : undefined;
  const passwordHint =
    account === null
      ? 'sites.accountForm.passwordHintNew'
      : account.hasSecret
        ? 'sites.accountForm.passwordHintKeep'
        : 'sites.accountForm.passwordHintNone';

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    setChecked(true);
    if (userName.trim() === '') {
      userRef.current?.focus();
      return;
    }
    if (save.pending) return;
    const saved = await save.run({
      ...(account ? { id: account.id, disabled } : {}),
      systemId,
      userName: userName.trim(),
      ...(password === '' ? {} : { secret: password }),
      vendorDefault,
    });
    if (saved) onSaved(saved);
  };

  return (
    <Dialog open modalType="modal" onOpenChange={(_event, data) => !data.open && !save.pending && onClose()}>
      <DialogSurface className={styles.surface} data-testid="account-dialog">
        <form onSubmit={(event) => void submit(event)} noValidate>
          <DialogBody>
            <DialogTitle>
              {account ? t('sites.accountForm.editTitle', { user: account.userName }) : t('sites.accountForm.addTitle')}
            </DialogTitle>
            <DialogContent className={styles.content}>
              <Field
                label={t('sites.accountForm.userName')}
                required
                hint={t('sites.accountForm.userNameHint')}
                validationState={userProblem ? 'error' : 'none'}
                validationMessage={userProblem}
              >
                <Input
                  ref={userRef}
                  value={userName}
                  maxLength={USER_MAX}
                  autoComplete="off"
                  spellCheck={false}
                  onChange={(_event, data) => setUserName(data.value)}
                />
              </Field>
              <Field
                label={account?.hasSecret ? t('sites.accountForm.newPassword') : t('sites.accountForm.password')}
                hint={t(passwordHint)}
              >
                <Input
                  type={visible ? 'text' : 'password'}
                  value={password}
                  maxLength={SECRET_MAX}
                  autoComplete="new-password"
                  spellCheck={false}
                  input={{ className: styles.secret }}
                  onChange={(_event, data) => setPassword(data.value)}
                  contentAfter={
                    <Button
                      appearance="transparent"
                      size="small"
                      icon={visible ? <EyeOff20Regular /> : <Eye20Regular />}
                      aria-label={t(visible ? 'sites.accountForm.hideTyped' : 'sites.accountForm.showTyped')}
                      aria-pressed={visible}
                      onClick={() => setVisible((current) => !current)}
                    />
                  }
                />
              </Field>
              <PasswordGenerator onGenerated={setPassword} />
              <Field hint={t('sites.accountForm.vendorDefaultHint')}>
                <Checkbox
                  label={t('sites.accountForm.vendorDefault')}
                  checked={vendorDefault}
                  onChange={(_event, data) => setVendorDefault(data.checked === true)}
                />
              </Field>
              {account && (
                <Field hint={t('sites.accountForm.disabledHint')}>
                  <Checkbox
                    label={t('sites.accountForm.disabled')}
                    checked={disabled}
                    onChange={(_event, data) => setDisabled(data.checked === true)}
                  />
                </Field>
              )}
              {save.error !== null && <ErrorState error={save.error} />}
            </DialogContent>
            <DialogActions>
              <Button
                type="submit"
                appearance="primary"
                icon={save.pending ? <Spinner size="tiny" /> : <Save20Regular />}
                disabledFocusable={save.pending}
              >
                {save.pending ? t('sites.form.saving') : t('sites.accountForm.save')}
              </Button>
              <Button onClick={onClose} disabled={save.pending}>
                {t('sites.form.cancel')}
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
