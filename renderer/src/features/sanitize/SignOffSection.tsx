/**
 * The sign-off (10-5): the engineer named in the vault's profile approves the run, with an
 * optional second reviewer, and the signed sanitization report is issued once through the
 * certificate service. A run already signed off shows its report number instead. The report's
 * PDF is saved right here (「PDF を保存」, then 「フォルダーを開く」, as in every flow).
 * Where the files are handed over — the site, its administrator, the visit number — is printed
 * on the report; opened from a visit's step (`#/sanitize?visit=<run id>`), it is filled from
 * that visit, and the screen says so (issue 19).
 */
import { useState } from 'react';
import type { SanitizeRecipient } from '@shared/sanitize';
import { Button, Field, Input, Link, MessageBar, MessageBarBody, Subtitle2, Text, makeStyles, tokens } from '@fluentui/react-components';
import { Certificate20Regular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../components/ErrorState';
import { FactList } from '../../components/FactList';
import { SavePdfAction } from '../../components/SavePdf';
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
/** The contract's limits on each field of the recipient. */
const RECIPIENT_MAX: Readonly<Record<keyof SanitizeRecipient, number>> = {
  hospital: 200,
  department: 200,
  administrator: 100,
  reference: 200,
};

/** A report already issued: its id (to save the PDF) and number. */
export interface IssuedReport {
  readonly certificateId: string;
  readonly number: string;
}

export function SignOffSection({ run, issued }: { run: SanitizationRun; issued: IssuedReport | null }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const status = useVaultStatus();
  const signOff = useSignOff();
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
  const justIssued = signOff.data ?? null;
  const report = justIssued ?? issued;

  return (
    <section className={styles.area} aria-labelledby="sanitize-signoff-heading" data-testid="sanitize-signoff">
      <Subtitle2 as="h3" id="sanitize-signoff-heading" className={styles.heading}>
        {t('sanitize.signOff.title')}
      </Subtitle2>
      {report !== null ? (
        <>
          <MessageBar intent="success" role="status" layout="multiline" data-testid="sanitize-report-issued">
            <MessageBarBody>
              {t(justIssued ? 'sanitize.signOff.issued' : 'sanitize.signOff.alreadyIssued', { number: report.number })}{' '}
              <Link href="#/certificates">{t('sanitize.signOff.openCertificates')}</Link>
            </MessageBarBody>
          </MessageBar>
          <SavePdfAction certificateId={report.certificateId} number={report.number} appearance="primary" />
        </>
      ) : (
        <>
          <Text>{t('sanitize.signOff.intro')}</Text>
          <FactList facts={[[t('sanitize.signOff.engineer'), engineer]]} />
          <Field className={styles.reviewer} label={t('sanitize.signOff.reviewer')} hint={t('sanitize.signOff.reviewerHint')}>
            <Input value={reviewer} maxLength={REVIEWER_MAX} onChange={(_event, data) => setReviewer(data.value)} autoComplete="off" />
          </Field>
          <fieldset className={styles.recipient} aria-describedby="sanitize-recipient-hint">
            <legend className={styles.legend}>{t('sanitize.signOff.recipient')}</legend>
            <Text size={200} id="sanitize-recipient-hint">
              {t('sanitize.signOff.recipientHint')}
            </Text>
            {fromVisit && <FromVisitNote visit={fromVisit} />}
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
          <Button
            appearance="primary"
            icon={<Certificate20Regular />}
            disabledFocusable={signOff.isPending}
            onClick={() => setConfirming(true)}
          >
            {signOff.isPending ? t('sanitize.signOff.issuing') : t('sanitize.signOff.submit')}
          </Button>
        </>
      )}
      {signOff.isError && <ErrorState error={signOff.error} />}
      <SignOffDialog
        open={confirming}
        engineer={engineer}
        reviewer={reviewer.trim()}
        recipient={[recipient.hospital, recipient.department, recipient.reference]
          .map((part) => part.trim())
          .filter(Boolean)
          .join(' ')}
        counts={countVerdicts(run)}
        onCancel={() => setConfirming(false)}
        onConfirm={() => {
          setConfirming(false);
          signOff.mutate({ id: run.id, reviewer: reviewer.trim(), recipient });
        }}
      />
    </section>
  );
}
