/**
 * The self-check policy (7-4, 8-2, 8-3, 7-3, 8-9): the limits the checks are judged against,
 * which checks must pass, and whose laptop this is. It can be edited here, replaced by the
 * company's policy file, or put back to the defaults (after a confirmation). Where the policy
 * on record came from — the defaults, an edit, or an import — is shown above the form.
 */
import { useState, type SubmitEvent } from 'react';
import {
  Button,
  Checkbox,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Subtitle1,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { ArrowReset20Regular, ArrowUpload20Regular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import { deviceOwnerships, type DeviceOwnership, type SelfCheckPolicy } from '@shared/self-check';
import { ErrorState } from '../../components/ErrorState';
import { QueryView } from '../../components/QueryView';
import { MinimumOsVersionFieldset } from './MinimumOsVersionFieldset';
import { PolicyNumberField } from './PolicyNumberField';
import {
  checkDraft,
  draftOf,
  nameMaxLength,
  numberBounds,
  numberFields,
  sameDraft,
  type DraftField,
  type NumberField,
  type PolicyDraft,
} from './policy-draft';
import { RequiredChecksFieldset } from './RequiredChecksFieldset';
import { ResetPolicyDialog } from './ResetPolicyDialog';
import { useImportPolicy, useResetPolicy, useSavePolicy, useSelfCheckPolicy } from './use-self-check-policy';
import { useActionNotice } from '../../lib/use-action-notice';

const useStyles = makeStyles({
  description: { display: 'block', marginBottom: tokens.spacingVerticalM, maxWidth: '60em' },
  source: { display: 'block', marginBottom: tokens.spacingVerticalM },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '60em' },
  name: { maxWidth: '28em' },
  numbers: { display: 'grid', gridTemplateColumns: 'repeat(2, minmax(240px, 1fr))', gap: tokens.spacingHorizontalL },
  actions: { display: 'flex', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  message: { marginTop: tokens.spacingVerticalM, maxWidth: '60em' },
});

type Notice = 'saved' | 'imported' | 'notImported' | 'reset';

export function SelfCheckPolicySection({ className }: { className: string }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const setting = useSelfCheckPolicy();
  const save = useSavePolicy();
  const importFile = useImportPolicy();
  const reset = useResetPolicy();
  // Null while nothing was edited: the form shows the policy on record.
  const [edited, setEdited] = useState<PolicyDraft | null>(null);
  const { notice, setNotice, beginAction } = useActionNotice<{ kind: Notice; name: string }>(save, importFile, reset);
  const [confirmingReset, setConfirmingReset] = useState(false);

  const busy = save.isPending || importFile.isPending || reset.isPending;
  const error = save.error ?? importFile.error ?? reset.error;

  const settled = (kind: Notice) => (result: { policy: SelfCheckPolicy }) => {
    setEdited(null);
    setNotice({ kind, name: result.policy.name });
  };

  return (
    <section className={className} aria-labelledby="settings-selfcheck-heading" data-testid="settings-self-check-policy">
      <Subtitle1 as="h2" id="settings-selfcheck-heading" block>
        {t('settings.selfCheckPolicy.title')}
      </Subtitle1>
      <Text className={styles.description}>{t('settings.selfCheckPolicy.description')}</Text>
      <QueryView query={setting}>
        {(stored) => {
          const recorded = draftOf(stored.policy, stored.ownership);
          const draft = edited ?? recorded;
          const check = checkDraft(draft);
          const invalid = (field: DraftField) => !check.ok && check.invalid.has(field);
          const change = (next: PolicyDraft) => {
            if (notice || error) beginAction();
            setEdited(next);
          };
          const setNumber = (field: NumberField, value: number | null) =>
            change({ ...draft, numbers: { ...draft.numbers, [field]: value } });

          const submit = (event: SubmitEvent) => {
            event.preventDefault();
            if (!check.ok || busy) return;
            beginAction();
            save.mutate({ policy: check.policy, ownership: draft.ownership }, { onSuccess: settled('saved') });
          };

          return (
            <>
              <Text className={styles.source} data-testid="self-check-policy-source" data-source={stored.source}>
                {t('settings.selfCheckPolicy.current', {
                  name: stored.policy.name,
                  source: t(`settings.selfCheckPolicy.source.${stored.source}`),
                })}
              </Text>
              <form className={styles.form} onSubmit={submit} noValidate aria-labelledby="settings-selfcheck-heading">
                <Field
                  className={styles.name}
                  label={t('settings.selfCheckPolicy.name')}
                  required
                  validationState={invalid('name') ? 'error' : 'none'}
                  validationMessage={invalid('name') ? t('settings.selfCheckPolicy.nameInvalid', { max: nameMaxLength }) : undefined}
                >
                  <Input value={draft.name} maxLength={nameMaxLength} onChange={(_event, data) => change({ ...draft, name: data.value })} />
                </Field>
                <div className={styles.numbers}>
                  {numberFields.map((field) => (
                    <PolicyNumberField
                      key={field}
                      label={t(`settings.selfCheckPolicy.numbers.${field}`)}
                      value={draft.numbers[field]}
                      bounds={numberBounds[field]}
                      invalid={invalid(field)}
                      onChange={(value) => setNumber(field, value)}
                    />
                  ))}
                </div>
                <MinimumOsVersionFieldset
                  versions={draft.minimumOsVersion}
                  invalid={(os) => invalid(`minimumOsVersion.${os}`)}
                  onChange={(os, value) => change({ ...draft, minimumOsVersion: { ...draft.minimumOsVersion, [os]: value } })}
                />
                <RequiredChecksFieldset
                  required={draft.required}
                  onChange={(id, value) => change({ ...draft, required: { ...draft.required, [id]: value } })}
                />
                <Field hint={t('settings.selfCheckPolicy.linuxOnAccessScanRequired.hint')}>
                  <Checkbox
                    checked={draft.linuxOnAccessScanRequired}
                    label={t('settings.selfCheckPolicy.linuxOnAccessScanRequired.label')}
                    onChange={(_event, data) => change({ ...draft, linuxOnAccessScanRequired: data.checked === true })}
                  />
                </Field>
                <Field label={t('settings.selfCheckPolicy.ownership.label')} hint={t('settings.selfCheckPolicy.ownership.hint')}>
                  <RadioGroup
                    value={draft.ownership}
                    onChange={(_event, data) => change({ ...draft, ownership: data.value as DeviceOwnership })}
                  >
                    {deviceOwnerships.map((ownership) => (
                      <Radio key={ownership} value={ownership} label={t(`settings.selfCheckPolicy.ownership.options.${ownership}`)} />
                    ))}
                  </RadioGroup>
                </Field>
                <div className={styles.actions}>
                  <Button appearance="primary" type="submit" disabled={!check.ok || sameDraft(draft, recorded) || busy}>
                    {t('settings.selfCheckPolicy.save')}
                  </Button>
                  <Button
                    icon={<ArrowUpload20Regular />}
                    disabled={busy}
                    onClick={() => {
                      beginAction();
                      importFile.mutate(undefined, {
                        onSuccess: (result) =>
                          result.imported ? settled('imported')(result) : setNotice({ kind: 'notImported', name: '' }),
                      });
                    }}
                  >
                    {t('settings.selfCheckPolicy.import')}
                  </Button>
                  <Button icon={<ArrowReset20Regular />} disabled={busy} onClick={() => setConfirmingReset(true)}>
                    {t('settings.selfCheckPolicy.reset.button')}
                  </Button>
                </div>
              </form>
            </>
          );
        }}
      </QueryView>
      {notice && (
        <MessageBar className={styles.message} intent={notice.kind === 'notImported' ? 'info' : 'success'} role="status">
          <MessageBarBody>{t(`settings.selfCheckPolicy.notice.${notice.kind}`, { name: notice.name })}</MessageBarBody>
        </MessageBar>
      )}
      {error && (
        <div className={styles.message}>
          <ErrorState error={error} />
        </div>
      )}
      <ResetPolicyDialog
        open={confirmingReset}
        onCancel={() => setConfirmingReset(false)}
        onConfirm={() => {
          setConfirmingReset(false);
          beginAction();
          reset.mutate(undefined, { onSuccess: settled('reset') });
        }}
      />
    </section>
  );
}
