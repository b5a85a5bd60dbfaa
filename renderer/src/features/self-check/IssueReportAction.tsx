/**
 * Issuing the signed self-check report for the run on screen. The report is kept in the
 * vault with the other certificates; the message says its number, and its PDF is saved right
 * here (「PDF を保存」, then 「フォルダーを開く」, as in every flow). A run whose report was
 * already issued shows that number instead of issuing a second one.
 */
import { Button, Link, MessageBar, MessageBarBody, Text, makeStyles, tokens } from '@fluentui/react-components';
import { Certificate20Regular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../components/ErrorState';
import { SavePdfAction } from '../../components/SavePdf';
import { useIssueReport } from './use-self-check';

const useStyles = makeStyles({
  area: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, alignItems: 'flex-start', maxWidth: '60em' },
});

export interface IssuedReport {
  readonly certificateId: string;
  readonly number: string;
}

export function IssueReportAction({ runId, issued }: { runId: string; issued: IssuedReport | null }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const issue = useIssueReport();
  const justIssued = issue.data ?? null;
  const report = justIssued ?? issued;

  return (
    <div className={styles.area}>
      {report === null ? (
        <>
          <Text>{t('selfCheck.report.intro')}</Text>
          <Button icon={<Certificate20Regular />} onClick={() => issue.mutate(runId)} disabledFocusable={issue.isPending}>
            {issue.isPending ? t('selfCheck.report.issuing') : t('selfCheck.report.issue')}
          </Button>
        </>
      ) : (
        <>
          <MessageBar intent="success" role="status" layout="multiline" data-testid="self-check-report-issued">
            <MessageBarBody>
              {t(justIssued ? 'selfCheck.report.issued' : 'selfCheck.report.alreadyIssued', { number: report.number })}{' '}
              <Link href="#/certificates">{t('selfCheck.report.openCertificates')}</Link>
            </MessageBarBody>
          </MessageBar>
          <SavePdfAction certificateId={report.certificateId} number={report.number} />
        </>
      )}
      {issue.isError && <ErrorState error={issue.error} />}
    </div>
  );
}
