/**
 * How an erasure ended, then the site administrator's countersignature and the signed
 * certificate (10-1). The page shows one of these per finished run; a new run starts with a
 * fresh one, so a certificate issued for the last run is never offered for the next.
 */
import { useState } from 'react';
import { Button, MessageBar, MessageBarBody, MessageBarTitle, Subtitle1, Text } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { ErasureSummary } from '@shared/erasure';
import { formatBytes } from '@shared/format-bytes';
import type { Language } from '@shared/locale';
import { ErrorState } from '../../components/ErrorState';
import { SignaturePad } from '../../components/SignaturePad';
import { useErasureStyles } from './erasure-styles';
import { useIssueErasureCertificate } from './use-erasure';

export function ErasureResult({ summary }: { summary: ErasureSummary }) {
  const styles = useErasureStyles();
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const [signature, setSignature] = useState<string | null>(null);
  const issue = useIssueErasureCertificate();

  return (
    <section className={styles.section} aria-labelledby="erasure-result-heading">
      <Subtitle1 as="h2" id="erasure-result-heading">
        {t('erasure.result.title')}
      </Subtitle1>
      <MessageBar intent={summary.status === 'erased' ? 'success' : 'warning'} layout="multiline" role="status">
        <MessageBarBody>
          <MessageBarTitle>{t(`erasure.result.status.${summary.status}`)}</MessageBarTitle>
          {t('erasure.result.counts', {
            files: summary.filesErased,
            exceptions: summary.exceptions,
            notErased: summary.notErased,
            verified: formatBytes(summary.bytesVerified, language),
          })}
        </MessageBarBody>
      </MessageBar>
      <Text>{t('erasure.signature.intro')}</Text>
      <SignaturePad onChange={setSignature} />
      <div className={styles.actions}>
        <Button
          appearance="primary"
          onClick={() => issue.mutate({ erasureJobId: summary.erasureJobId, countersignature: signature })}
          disabled={issue.isPending || !!issue.data}
        >
          {issue.isPending ? t('erasure.certificate.issuing') : t('erasure.certificate.issue')}
        </Button>
      </div>
      {issue.isError && <ErrorState error={issue.error} />}
      {issue.data && (
        <MessageBar intent="success" role="status">
          <MessageBarBody>{t('erasure.certificate.issued', { number: issue.data.number })}</MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
