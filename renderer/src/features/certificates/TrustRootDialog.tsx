/**
 * Trusting a company root (issue 13): the root read from the file the engineer picked — its
 * name, fingerprint and end of validity — and a field for the fingerprint printed on the
 * contract. The main process trusts the root only if what was typed is exactly the root's
 * fingerprint; colons, spaces, upper case and full-width characters are accepted, anything
 * else that is not 64 hex digits is pointed out before asking.
 */
import { useId, useRef, useState } from 'react';
import { Field, Input, Text, makeStyles, tokens } from '@fluentui/react-components';
import { ShieldAdd20Regular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import type { ResponseOf } from '@shared/contract';
import { formatDateTime } from '@shared/format-date';
import type { Language } from '@shared/locale';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { FactList } from '../../components/FactList';
import { BridgeError } from '../../lib/bridge';
import { commonName, isFingerprint, typedFingerprint } from './certificate-text';
import { Fingerprint } from './Fingerprint';
import { useTrustRoot } from './use-certificates';

const useStyles = makeStyles({
  surface: { maxWidth: '720px', width: '100%' },
  fingerprint: { fontFamily: tokens.fontFamilyMonospace },
});

export type RootCandidate = NonNullable<ResponseOf<'certificates.previewRoot'>['candidate']>;

export function TrustRootDialog({
  candidate,
  onTrusted,
  onClose,
}: {
  candidate: RootCandidate;
  onTrusted: (label: string) => void;
  onClose: () => void;
}) {
  const styles = useStyles();
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const descriptionId = useId();
  const trust = useTrustRoot();
  const input = useRef<HTMLInputElement>(null);
  const [typed, setTyped] = useState('');
  const [checked, setChecked] = useState(false);
  const normalized = typedFingerprint(typed);
  const invalid = checked && !isFingerprint(normalized);
  const mismatch = trust.error instanceof BridgeError && trust.error.code === 'TRUST_FINGERPRINT_MISMATCH';
  const name = commonName(candidate.label);

  const confirm = () => {
    setChecked(true);
    if (!isFingerprint(normalized)) {
      input.current?.focus();
      return;
    }
    trust.mutate(
      { token: candidate.token, fingerprint: normalized },
      {
        onSuccess: () => onTrusted(name),
        onError: () => input.current?.focus(),
      },
    );
  };

  return (
    <ConfirmDialog
      title={t('certificates.roots.dialog.title')}
      confirmLabel={t('certificates.roots.dialog.confirm')}
      pendingLabel={t('certificates.roots.dialog.pending')}
      cancelLabel={t('certificates.roots.dialog.cancel')}
      confirmIcon={<ShieldAdd20Regular />}
      describedBy={{ id: descriptionId }}
      pending={trust.isPending}
      error={trust.error}
      onConfirm={confirm}
      onCancel={onClose}
      testId="trust-root-dialog"
      surfaceClassName={styles.surface}
    >
      <Text id={descriptionId}>{t('certificates.roots.dialog.description')}</Text>
      <FactList
        facts={[
          [t('certificates.roots.dialog.name'), name],
          [t('certificates.roots.dialog.subject'), candidate.label],
          [
            t('certificates.roots.dialog.fingerprint'),
            <Fingerprint key="candidate" value={candidate.fingerprint} testId="candidate-fingerprint" />,
          ],
          [t('certificates.roots.dialog.notAfter'), formatDateTime(candidate.notAfter, language)],
        ]}
      />
      <Field
        label={t('certificates.roots.dialog.typed')}
        required
        hint={t('certificates.roots.dialog.typedHint')}
        validationState={invalid || mismatch ? 'error' : 'none'}
        validationMessage={invalid ? t('certificates.roots.dialog.typedInvalid', { count: normalized.length }) : undefined}
      >
        <Input
          ref={input}
          className={styles.fingerprint}
          value={typed}
          maxLength={200}
          autoComplete="off"
          spellCheck={false}
          readOnly={trust.isPending}
          onChange={(_event, data) => {
            if (trust.isError) trust.reset();
            setTyped(data.value);
          }}
        />
      </Field>
    </ConfirmDialog>
  );
}
