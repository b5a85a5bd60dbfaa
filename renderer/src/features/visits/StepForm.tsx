/**
 * The active step's form for the kinds the engineer closes by entering something: *record*
 * (its fields, and files where it takes them), *evidence* (files from the visit's vault
 * folder) and *signature* (its fields, the signer's name and title — filled in with the
 * site's system administrator — and the drawn signature). Everything is checked before it is
 * sent; the main process checks it again, and its refusal is shown under the button.
 */
import { useMemo, useState, type SubmitEvent } from 'react';
import { Button, Checkbox, Field, Input, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { Checkmark20Regular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../components/ErrorState';
import { SignaturePad, type SignaturePadTextKeys } from '../../components/SignaturePad';
import type { TextKey } from '../../i18n/text-key';
import { hrefOf as sitesHrefOf } from '../sites/sites-route';
import { useAccounts, useSites } from '../sites/use-sites';
import { AttachmentsPicker } from './AttachmentsPicker';
import { checkDraft, initialDraft, valuesOf, type Draft, type DraftValue } from './field-values';
import { RecordFields, fieldElementId } from './RecordFields';
import type { VisitRun, StepTemplate, useRunMutations } from './use-visits';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  pair: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(16em, 1fr))', gap: tokens.spacingHorizontalL, maxWidth: '44em' },
  signature: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  actions: { display: 'flex', gap: tokens.spacingHorizontalM, flexWrap: 'wrap', alignItems: 'center' },
  problem: { color: tokens.colorPaletteRedForeground1 },
});

const padKeys: SignaturePadTextKeys = {
  empty: 'visits.signature.padEmpty',
  drawn: 'visits.signature.padDrawn',
  clear: 'visits.signature.clear',
};

export interface StepFormProps {
  readonly run: VisitRun;
  readonly step: StepTemplate;
  readonly mutations: ReturnType<typeof useRunMutations>;
}

export function StepForm({ run, step, mutations }: StepFormProps) {
  const styles = useStyles();
  const { t } = useTranslation();
  const sites = useSites();
  const site = sites.data?.sites.find((candidate) => candidate.id === run.siteId);
  const accounts = useAccounts(run.systemId ?? undefined);
  const inUse = useMemo(
    () => (run.systemId ? (accounts.data?.accounts ?? []).filter((a) => !a.disabled && a.systemId === run.systemId) : []),
    [accounts.data, run.systemId],
  );
  const [draft, setDraft] = useState<Draft>(() => initialDraft(step.fields, new Date()));
  const [attachments, setAttachments] = useState<Set<string>>(() => new Set());
  const [signer, setSigner] = useState<{ name: string; title: string } | null>(null);
  const [signature, setSignature] = useState<string | null>(null);
  // Without a mouse or pen (or by the signer's choice), they sign the printed report by hand instead.
  const [onPaper, setOnPaper] = useState(false);
  const [checked, setChecked] = useState(false);
  const complete = mutations.completeStep;
  const signs = step.kind === 'signature';
  const shownSigner = signer ?? { name: site?.administrator.name ?? '', title: site?.administrator.title ?? '' };

  const fieldContext = { accountIds: new Set(inUse.map((a) => a.id)) };
  const problems = checkDraft(step.fields, draft, fieldContext);
  const attachmentsProblem = step.attachments === 'required' && attachments.size === 0 ? 'visits.attachments.requiredProblem' : null;
  const signerProblem = signs && shownSigner.name.trim() === '' ? 'visits.signature.nameRequired' : null;
  const signatureProblem = signs && !onPaper && signature === null ? 'visits.signature.padRequired' : null;
  const shown = (problem: TextKey | null | undefined) => (checked && problem ? t(problem) : undefined);

  const change = (fieldId: string, value: DraftValue) => {
    if (complete.isError) complete.reset();
    setDraft((current) => ({ ...current, [fieldId]: value }));
  };

  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    setChecked(true);
    const firstField = step.fields.find((field) => problems[field.id]);
    if (firstField) {
      document.getElementById(fieldElementId(step.id, firstField.id))?.focus();
      return;
    }
    if (attachmentsProblem) {
      document.getElementById(`visit-attachments-${step.id}`)?.scrollIntoView({ block: 'center' });
      return;
    }
    if (signerProblem) {
      document.getElementById(`visit-signer-name-${step.id}`)?.focus();
      return;
    }
    if (signatureProblem || complete.isPending) return;
    complete.mutate({
      stepId: step.id,
      ...(step.fields.length > 0 ? { values: valuesOf(step.fields, draft, fieldContext) } : {}),
      ...(step.attachments !== 'none' ? { attachments: [...attachments] } : {}),
      ...(signs
        ? {
            signer: { name: shownSigner.name.trim(), title: shownSigner.title.trim() },
            ...(onPaper ? { signedOnPaper: true as const } : { signature: signature ?? '' }),
          }
        : {}),
    });
  };

  const submitKey = signs
    ? 'visits.step.submitSignature'
    : step.kind === 'evidence'
      ? 'visits.step.submitEvidence'
      : 'visits.step.submitRecord';

  return (
    <form className={styles.form} onSubmit={submit} noValidate aria-label={t('visits.step.formLabel')} data-testid="visit-step-form">
      {step.fields.length > 0 && (
        <RecordFields
          templateId={run.templateId}
          stepId={step.id}
          fields={step.fields}
          draft={draft}
          problems={checked ? problems : {}}
          accounts={inUse}
          accountsHref={run.systemId ? sitesHrefOf({ view: 'system', siteId: run.siteId, systemId: run.systemId }) : null}
          onChange={change}
        />
      )}
      {step.attachments !== 'none' && (
        <AttachmentsPicker
          collection={run.reference}
          stepId={step.id}
          required={step.attachments === 'required'}
          selected={attachments}
          onSelectedChange={setAttachments}
          problem={checked ? attachmentsProblem : null}
        />
      )}
      {signs && (
        <section className={styles.signature} aria-labelledby={`visit-signature-${step.id}`}>
          <Text as="h4" style={{ margin: 0 }} id={`visit-signature-${step.id}`} weight="semibold" size={400}>
            {t('visits.signature.title')}
          </Text>
          <Text>{t('visits.signature.intro')}</Text>
          <div className={styles.pair}>
            <Field
              label={t('visits.signature.name')}
              required
              validationState={shown(signerProblem) ? 'error' : 'none'}
              validationMessage={shown(signerProblem)}
            >
              <Input
                id={`visit-signer-name-${step.id}`}
                value={shownSigner.name}
                maxLength={100}
                autoComplete="off"
                onChange={(_e, d) => setSigner({ ...shownSigner, name: d.value })}
              />
            </Field>
            <Field label={t('visits.signature.signerTitle')}>
              <Input
                value={shownSigner.title}
                maxLength={100}
                autoComplete="off"
                onChange={(_e, d) => setSigner({ ...shownSigner, title: d.value })}
              />
            </Field>
          </div>
          <Checkbox checked={onPaper} onChange={(_e, d) => setOnPaper(d.checked === true)} label={t('visits.signature.onPaper')} />
          {onPaper ? <Text>{t('visits.signature.onPaperNote')}</Text> : <SignaturePad onChange={setSignature} textKeys={padKeys} />}
          {shown(signatureProblem) && (
            <Text role="alert" className={styles.problem}>
              {shown(signatureProblem)}
            </Text>
          )}
        </section>
      )}
      {complete.isError && complete.variables.stepId === step.id && <ErrorState error={complete.error} />}
      <div className={styles.actions}>
        <Button
          type="submit"
          appearance="primary"
          icon={complete.isPending ? <Spinner size="tiny" /> : <Checkmark20Regular />}
          disabledFocusable={complete.isPending}
        >
          {complete.isPending ? t('visits.step.saving') : t(submitKey)}
        </Button>
      </div>
    </form>
  );
}
