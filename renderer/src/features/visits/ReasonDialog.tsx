/**
 * Asks for a reason before something that goes into the record for good: marking a step "not
 * applicable", going ahead without a passing self-check, abandoning a run. The reason is
 * required; the dialog says where it will be kept. The action button is red when the step
 * cannot be undone; Cancel or Escape changes nothing. While the request runs the dialog
 * stays open, and a refusal shows inside it.
 */
import { useState, type FormEvent, type ReactNode } from 'react';
import {
  Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Field, Spinner, Textarea, makeStyles, tokens,
} from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../components/ErrorState';

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  danger: {
    backgroundColor: tokens.colorStatusDangerBackground3,
    color: tokens.colorNeutralForegroundOnBrand,
    ':hover': { backgroundColor: tokens.colorStatusDangerBackground3Hover, color: tokens.colorNeutralForegroundOnBrand },
    ':hover:active': { backgroundColor: tokens.colorStatusDangerBackground3Pressed, color: tokens.colorNeutralForegroundOnBrand },
  },
});

export interface ReasonDialogProps {
  readonly title: string;
  readonly children: ReactNode;
  readonly reasonLabel: string;
  readonly confirmLabel: string;
  readonly pendingLabel: string;
  readonly destructive?: boolean;
  readonly pending: boolean;
  readonly error: unknown;
  readonly onConfirm: (reason: string) => void;
  readonly onCancel: () => void;
  readonly testId: string;
}

export function ReasonDialog({ title, children, reasonLabel, confirmLabel, pendingLabel, destructive = false, pending, error, onConfirm, onCancel, testId }: ReasonDialogProps) {
  const styles = useStyles();
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [checked, setChecked] = useState(false);
  const missing = reason.trim() === '';

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (missing || pending) return;
    onConfirm(reason.trim());
  };

  return (
    <Dialog open modalType="alert" onOpenChange={(_event, data) => !data.open && !pending && onCancel()}>
      <DialogSurface aria-describedby={`${testId}-body`} data-testid={testId}>
        <form onSubmit={submit} noValidate>
          <DialogBody>
            <DialogTitle>{title}</DialogTitle>
            <DialogContent className={styles.content}>
              <div id={`${testId}-body`}>{children}</div>
              <Field
                label={reasonLabel}
                required
                validationState={checked && missing ? 'error' : 'none'}
                validationMessage={checked && missing ? t('visits.reason.required') : undefined}
              >
                <Textarea value={reason} maxLength={1000} rows={3} resize="vertical" autoFocus onChange={(_e, d) => setReason(d.value)} />
              </Field>
              {error !== null && error !== undefined && <ErrorState error={error} />}
            </DialogContent>
            <DialogActions>
              <Button type="submit" appearance="primary" className={destructive ? styles.danger : undefined} disabledFocusable={pending} icon={pending ? <Spinner size="tiny" /> : undefined}>
                {pending ? pendingLabel : confirmLabel}
              </Button>
              <Button onClick={onCancel} disabled={pending}>{t('visits.reason.cancel')}</Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
