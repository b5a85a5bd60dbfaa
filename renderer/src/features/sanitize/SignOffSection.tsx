/**
 * The sign-off (10-5): the engineer named in the vault's profile approves the run, with an
 * optional second reviewer, and the signed sanitization report is issued once through the
 * certificate service. A run already signed off shows its report number instead. The report's
 * PDF is saved right here (「PDF を保存」, then 「フォルダーを開く」, as in every flow).
 * Where the files are handed over — the site, its administrator, the visit number — is printed
 * on the report; opened from a visit's step (`#/sanitize?visit=<run id>`), it is filled from
 * that visit, and the screen says so (issue 19).
 *
 * The action itself sits in a bar at the top of the result (`SignOffBar`), inside the first
 * viewport of a 1366×768 laptop; the optional reviewer and recipient stay here, under the
 * files, where they are read after the verdicts. Both share one `SignOff` state, and the
 * confirmation box shows everything that will be signed before anything is.
 */
import { useState } from 'react';
import { SanitizeRecipient } from '@shared/sanitize';
import { Button, Field, Input, Link, MessageBar, MessageBarBody, Subtitle2, Text, makeStyles, tokens } from '@fluentui/react-components';
import { Certificate20Regular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../components/ErrorState';
import { FactList } from '../../components/FactList';
import { SavePdfAction } from '../../components/SavePdf';
import { StickyActionBar } from '../../components/StickyActionBar';
import { useVaultStatus } from '../vault/use-vault';
import { FromVisitNote } from '../visits/FromVisitNote';
import { useSiteOfVisit } from '../visits/use-site-of-visit';
import { countVerdicts } from './RunSummary';
import { SignOffDialog } from './SignOffDialog';
import { useSignOff, type SanitizationRun } from './use-sanitize';

/** The contract's limit on the reviewer's name. */
const REVIEWER_MAX = 100;

const useStyles = makeStyles({
  area: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    alignItems: 'flex-start',
    maxWidth: '60em',
    padding: tokens.spacingHorizontalL,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  heading: { margin: 0 },
  reviewer: { width: '24em', maxWidth: '100%' },
  recipient: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, border: 'none', margin: 0, padding: 0 },
  legend: { fontWeight: tokens.fontWeightSemibold, padding: 0 },
  recipientFields: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalL },
});

const NO_RECIPIENT: SanitizeRecipient = { hospital: '', department: '', administrator: '', reference: '' };
/** The contract's limits on each field of the recipient, read from its schema. */
const RECIPIENT_MAX: Readonly<Record<keyof SanitizeRecipient, number>> = {
  hospital: SanitizeRecipient.shape.hospital.maxLength ?? 200,
  department: SanitizeRecipient.shape.department.maxLength ?? 200,
  administrator: SanitizeRecipient.shape.administrator.maxLength ?? 100,
  reference: SanitizeRecipient.shape.reference.maxLength ?? 200,
};

/** A report already issued: its id (to save the PDF) and number. */
export interface IssuedReport {
  readonly certificateId: string;
  readonly number: string;
}

/** What the bar and the fields share: the draft of the sign-off, its confirmation and its outcome. */
export interface SignOff {
  readonly run: SanitizationRun;
  readonly engineer: string;
  readonly reviewer: string;
  readonly setReviewer: (value: string) => void;
  readonly recipient: SanitizeRecipient;
  readonly setRecipient: (value: SanitizeRecipient) => void;
  readonly fromVisit: ReturnType<typeof useSiteOfVisit>;
  readonly confirming: boolean;
  readonly setConfirming: (value: boolean) => void;
  readonly mutation: ReturnType<typeof useSignOff>;
  /** The report of this run, issued now or before; null until it is. */
  readonly report: IssuedReport | null;
  readonly justIssued: boolean;
}

export function useSignOffState(run: SanitizationRun, issued: IssuedReport | null): SignOff {
  const { t } = useTranslation();
  const status = useVaultStatus();
  const mutation = useSignOff();
  const [reviewer, setReviewer] = useState('');
  const [recipient, setRecipient] = useState<SanitizeRecipient>(NO_RECIPIENT);
  // Opened from a visit: its site, administrator and visit number are filled in once, while the fields are still empty.
  const fromVisit = useSiteOfVisit();
  const [filledFor, setFilledFor] = useState<string | null>(null);
  if (fromVisit && filledFor !== fromVisit.reference) {
    setFilledFor(fromVisit.reference);
    if (recipient.hospital === '' && recipient.reference === '') setRecipient(fromVisit);
  }
  const [confirming, setConfirming] = useState(false);
  const profile = status.data?.profile;
  const engineer = profile
    ? t('sanitize.signOff.engineerValue', { name: profile.name, company: profile.company, employeeId: profile.employeeId })
    : '—';
  const justIssued = mutation.data ?? null;
  return {
    run,
    engineer,
    reviewer,
    setReviewer,
    recipient,
    setRecipient,
    fromVisit,
    confirming,
    setConfirming,
    mutation,
    report: justIssued ?? issued,
    justIssued: justIssued !== null,
  };
}

/** The sign-off's action at the top of the result: 承認して報告書を発行, or the issued report and 「PDF を保存」. */
export function SignOffBar({ signOff }: { signOff: SignOff }) {
  const { t } = useTranslation();
  const { report, mutation } = signOff;
  const counts = countVerdicts(signOff.run);
  const summary =
    report !== null
      ? {
          id: 'sanitize-signoff-summary',
          text: t(signOff.justIssued ? 'sanitize.signOff.issued' : 'sanitize.signOff.alreadyIssued', { number: report.number }),
        }
      : { id: 'sanitize-signoff-summary', text: t('sanitize.signOff.barHint', { count: counts.passed + counts.sanitized }) };
  return (
    <StickyActionBar summary={summary} testId="sanitize-signoff-bar">
      {report !== null ? (
        <>
          <Link href="#/certificates">{t('sanitize.signOff.openCertificates')}</Link>
          <SavePdfAction certificateId={report.certificateId} number={report.number} appearance="primary" />
        </>
      ) : (
        <Button
          appearance="primary"
          icon={<Certificate20Regular />}
          disabledFocusable={mutation.isPending}
          aria-describedby="sanitize-signoff-summary"
          onClick={() => signOff.setConfirming(true)}
        >
          {mutation.isPending ? t('sanitize.signOff.issuing') : t('sanitize.signOff.submit')}
        </Button>
      )}
    </StickyActionBar>
  );
}

/** The sign-off's details under the files: who signs, the optional reviewer and recipient, and the confirmation box. */
export function SignOffSection({ signOff }: { signOff: SignOff }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const { run, report, mutation, recipient, setRecipient, reviewer } = signOff;
  return (
    <section className={styles.area} aria-labelledby="sanitize-signoff-heading" data-testid="sanitize-signoff">
      <Subtitle2 as="h3" id="sanitize-signoff-heading" className={styles.heading}>
        {t('sanitize.signOff.title')}
      </Subtitle2>
      {report !== null ? (
        <MessageBar intent="success" role="status" layout="multiline" data-testid="sanitize-report-issued">
          <MessageBarBody>
            {t(signOff.justIssued ? 'sanitize.signOff.issued' : 'sanitize.signOff.alreadyIssued', { number: report.number })}{' '}
            <Link href="#/certificates">{t('sanitize.signOff.openCertificates')}</Link>
          </MessageBarBody>
        </MessageBar>
      ) : (
        <>
          <Text>{t('sanitize.signOff.intro')}</Text>
          <FactList facts={[[t('sanitize.signOff.engineer'), signOff.engineer]]} />
          <Field className={styles.reviewer} label={t('sanitize.signOff.reviewer')} hint={t('sanitize.signOff.reviewerHint')}>
            <Input
              value={reviewer}
              maxLength={REVIEWER_MAX}
              onChange={(_event, data) => signOff.setReviewer(data.value)}
              autoComplete="off"
            />
          </Field>
          <fieldset className={styles.recipient} aria-describedby="sanitize-recipient-hint">
            <legend className={styles.legend}>{t('sanitize.signOff.recipient')}</legend>
            <Text size={200} id="sanitize-recipient-hint">
              {t('sanitize.signOff.recipientHint')}
            </Text>
            {signOff.fromVisit && <FromVisitNote visit={signOff.fromVisit} />}
            <div className={styles.recipientFields}>
              {(['hospital', 'department', 'administrator', 'reference'] as const).map((field) => (
                <Field key={field} label={t(`erasure.site.${field}`)}>
                  <Input
                    value={recipient[field]}
                    maxLength={RECIPIENT_MAX[field]}
                    onChange={(_event, data) => setRecipient({ ...recipient, [field]: data.value })}
                    autoComplete="off"
                  />
                </Field>
              ))}
            </div>
          </fieldset>
          <Text size={200}>{t('sanitize.signOff.fromBar')}</Text>
        </>
      )}
      {mutation.isError && <ErrorState error={mutation.error} />}
      <SignOffDialog
        open={signOff.confirming}
        engineer={signOff.engineer}
        reviewer={reviewer.trim()}
        recipient={[recipient.hospital, recipient.department, recipient.reference]
          .map((part) => part.trim())
          .filter(Boolean)
          .join(' ')}
        counts={countVerdicts(run)}
        onCancel={() => signOff.setConfirming(false)}
        onConfirm={() => {
          signOff.setConfirming(false);
          mutation.mutate({ id: run.id, reviewer: reviewer.trim(), recipient });
        }}
      />
    </section>
  );
}
