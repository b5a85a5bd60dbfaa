/**
 * The self-check policy (7-4, 8-2, 8-3, 7-3, 8-9): the limits the checks are judged against and
 * which checks must pass. It is the company's (issue 19): shown read-only, with where it came
 * from — the defaults or the company's file — and changed only by importing the company's policy
 * file, or put back to the defaults (after a confirmation). Whose laptop this is (company or
 * BYOD) is the engineer's fact, not the company's rule: it stays editable, with its own save.
 */
import { useState, type SubmitEvent } from 'react';
import {
  Button,
  Field,
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
import { ResetPolicyDialog } from './ResetPolicyDialog';
import { SelfCheckPolicySummary } from './SelfCheckPolicySummary';
import { useImportPolicy, useResetPolicy, useSavePolicy, useSelfCheckPolicy } from './use-self-check-policy';
import { useActionNotice } from '../../lib/use-action-notice';

const useStyles = makeStyles({
  description: { display: 'block', marginBottom: tokens.spacingVerticalM, maxWidth: '60em' },
  block: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '60em' },
  ownership: { display: 'flex', alignItems: 'flex-end', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
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
  // Null while not changed: the ownership on record shows.
  const [ownership, setOwnership] = useState<DeviceOwnership | null>(null);
  const { notice, setNotice, beginAction } = useActionNotice<{ kind: Notice; name: string }>(save, importFile, reset);
  const [confirmingReset, setConfirmingReset] = useState(false);

  const busy = save.isPending || importFile.isPending || reset.isPending;
  const error = save.error ?? importFile.error ?? reset.error;

  const settled = (kind: Notice) => (result: { policy: SelfCheckPolicy }) => {
    setOwnership(null);
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
          const chosen = ownership ?? stored.ownership;
          const submitOwnership = (event: SubmitEvent) => {
            event.preventDefault();
            if (busy || chosen === stored.ownership) return;
            beginAction();
            // The policy on record goes back unchanged: the main process keeps its source (default or imported).
            save.mutate({ policy: stored.policy, ownership: chosen }, { onSuccess: settled('saved') });
          };
          return (
            <div className={styles.block}>
              <Text data-testid="self-check-policy-source" data-source={stored.source}>
                {t('settings.selfCheckPolicy.current', {
                  name: stored.policy.name,
                  source: t(`settings.selfCheckPolicy.source.${stored.source}`),
                })}
              </Text>
              <MessageBar intent="info" layout="multiline">
                <MessageBarBody>
                  {t(
                    stored.source === 'imported'
                      ? 'settings.selfCheckPolicy.readOnly.imported'
                      : 'settings.selfCheckPolicy.readOnly.notImported',
                  )}
                </MessageBarBody>
              </MessageBar>
              {/* Above the limits it replaces: in sight on a 1366×768 laptop (issue 19). */}
              <div className={styles.actions}>
                <Button
                  appearance="primary"
                  icon={<ArrowUpload20Regular />}
                  disabled={busy}
                  onClick={() => {
                    beginAction();
                    importFile.mutate(undefined, {
                      onSuccess: (result) => (result.imported ? settled('imported')(result) : setNotice({ kind: 'notImported', name: '' })),
                    });
                  }}
                >
                  {t('settings.selfCheckPolicy.import')}
                </Button>
                <Button
                  icon={<ArrowReset20Regular />}
                  disabled={busy || stored.source === 'default'}
                  onClick={() => setConfirmingReset(true)}
                >
                  {t('settings.selfCheckPolicy.reset.button')}
                </Button>
              </div>
              <SelfCheckPolicySummary policy={stored.policy} />
              <form
                className={styles.ownership}
                onSubmit={submitOwnership}
                noValidate
                aria-label={t('settings.selfCheckPolicy.ownership.label')}
              >
                <Field label={t('settings.selfCheckPolicy.ownership.label')} hint={t('settings.selfCheckPolicy.ownership.hint')}>
                  <RadioGroup value={chosen} onChange={(_event, data) => setOwnership(data.value as DeviceOwnership)}>
                    {deviceOwnerships.map((value) => (
                      <Radio key={value} value={value} label={t(`settings.selfCheckPolicy.ownership.options.${value}`)} />
                    ))}
                  </RadioGroup>
                </Field>
                <Button type="submit" disabled={busy || chosen === stored.ownership}>
                  {t('settings.selfCheckPolicy.ownership.save')}
                </Button>
              </form>
            </div>
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
