/**
 * Issuing the signed self-check report for the run on screen. The report is kept in the
 * vault with the other certificates; the message says its number and where to save the PDF.
 * A run whose report was already issued shows that number instead of issuing a second one.
 */
import { Button, Link, MessageBar, MessageBarBody, Text, makeStyles, tokens } from '@fluentui/react-components';
import { Certificate20Regular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../components/ErrorState';
import { useIssueReport } from './use-self-check';

const useStyles = makeStyles({
  area: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, alignItems: 'flex-start', maxWidth: '60em' },
});

export function IssueReportAction({ runId, issuedNumber }: { runId: string; issuedNumber: string | null }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const issue = useIssueReport();
  const justIssued = issue.data?.number ?? null;
  const number = justIssued ?? issuedNumber;

  return (
    <div className={styles.area}>
      {number === null ? (
        <>
          <Text>{t('selfCheck.report.intro')}</Text>
          <Button icon={<Certificate20Regular />} onClick={() => issue.mutate(runId)} disabledFocusable={issue.isPending}>
            {issue.isPending ? t('selfCheck.report.issuing') : t('selfCheck.report.issue')}
          </Button>
        </>
      ) : (
        <MessageBar intent="success" role="status" layout="multiline" data-testid="self-check-report-issued">
          <MessageBarBody>
            {t(justIssued ? 'selfCheck.report.issued' : 'selfCheck.report.alreadyIssued', { number })}{' '}
            <Link href="#/certificates">{t('selfCheck.report.openCertificates')}</Link>
          </MessageBarBody>
        </MessageBar>
      )}
      {issue.isError && <ErrorState error={issue.error} />}
    </div>
  );
}
