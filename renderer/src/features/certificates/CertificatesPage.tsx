/**
 * Certificates: those issued from this vault (10-1 erasure, the self-check and sanitization
 * reports), each re-exportable as its signed PDF and marked 「会社の認証なし」 when it was
 * signed without a company certificate; a check anyone's certificate can be put through —
 * the same check `fieldguard verify` and the hospital's own PDF reader make, with its three
 * answers (issue 13); the receiving side's check of a delivered folder against its
 * sanitization report; and the company roots this vault trusts.
 */
import { useState } from 'react';
import {
  Badge,
  Button,
  MessageBar,
  MessageBarBody,
  Subtitle1,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { ArrowDownload20Regular, ShieldCheckmark20Regular, ShieldError16Regular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '@shared/format-date';
import type { Language } from '@shared/locale';
import { ErrorState } from '../../components/ErrorState';
import { PageHeading } from '../../components/PageHeading';
import { QueryView } from '../../components/QueryView';
import { ReceivedCheckSection } from './ReceivedCheckSection';
import { TrustedRoots } from './TrustedRoots';
import { useCertificatesList, useExportCertificate, useVerifyFile } from './use-certificates';
import { VerificationResult } from './VerificationResult';

const useStyles = makeStyles({
  section: { marginBottom: tokens.spacingVerticalXXL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  intro: { display: 'block', maxWidth: '60em' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalM },
  nowrap: { whiteSpace: 'nowrap' },
  // The column is wide enough for a whole number; a narrow window breaks it rather than let it run into the next column.
  number: { overflowWrap: 'anywhere', fontVariantNumeric: 'tabular-nums' },
});

export function CertificatesPage() {
  const styles = useStyles();
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const certificates = useCertificatesList();
  const verify = useVerifyFile();
  const [exported, setExported] = useState<string | null>(null);
  const exportOne = useExportCertificate();

  return (
    <>
      <PageHeading>{t('certificates.title')}</PageHeading>
      <section className={styles.section} aria-labelledby="certificates-verify-heading">
        <Subtitle1 as="h2" id="certificates-verify-heading">
          {t('certificates.verify.title')}
        </Subtitle1>
        <Text className={styles.intro}>{t('certificates.verify.intro')}</Text>
        <div className={styles.actions}>
          <Button appearance="primary" icon={<ShieldCheckmark20Regular />} onClick={() => verify.mutate()} disabled={verify.isPending}>
            {verify.isPending ? t('certificates.verify.working') : t('certificates.verify.choose')}
          </Button>
        </div>
        {verify.isError && <ErrorState error={verify.error} />}
        {verify.data?.cancelled && <Text role="status">{t('certificates.verify.cancelled')}</Text>}
        {verify.data?.result && verify.data.fileName && <VerificationResult fileName={verify.data.fileName} result={verify.data.result} />}
      </section>
      <ReceivedCheckSection />
      <section className={styles.section} aria-labelledby="certificates-list-heading">
        <Subtitle1 as="h2" id="certificates-list-heading">
          {t('certificates.list.title')}
        </Subtitle1>
        {exported && (
          <MessageBar intent="success">
            <MessageBarBody>{t('certificates.list.exported')}</MessageBarBody>
          </MessageBar>
        )}
        {exportOne.isError && <ErrorState error={exportOne.error} />}
        <QueryView query={certificates}>
          {({ certificates: list }) =>
            list.length === 0 ? (
              <Text role="status">{t('certificates.list.empty')}</Text>
            ) : (
              <Table aria-labelledby="certificates-list-heading">
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell style={{ width: '250px' }}>{t('certificates.columns.number')}</TableHeaderCell>
                    <TableHeaderCell>{t('certificates.columns.kind')}</TableHeaderCell>
                    <TableHeaderCell style={{ width: '200px' }}>{t('certificates.columns.issuedAt')}</TableHeaderCell>
                    <TableHeaderCell style={{ width: '190px' }}>{t('certificates.columns.signedWith')}</TableHeaderCell>
                    <TableHeaderCell style={{ width: '130px' }}>{t('certificates.columns.actions')}</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {list.map((certificate) => (
                    <TableRow key={certificate.id}>
                      <TableCell className={styles.number}>{certificate.number}</TableCell>
                      <TableCell>{language === 'ja' ? certificate.title.ja : certificate.title.en}</TableCell>
                      <TableCell className={styles.nowrap}>{formatDateTime(certificate.issuedAt, language)}</TableCell>
                      <TableCell data-company-certified={certificate.companyCertified}>
                        {certificate.companyCertified ? (
                          t('certificates.list.companyCertified')
                        ) : (
                          <Badge
                            className={styles.nowrap}
                            appearance="tint"
                            shape="rounded"
                            color="warning"
                            icon={<ShieldError16Regular />}
                          >
                            {t('certificates.notCertified')}
                          </Badge>
                        )}
                      </TableCell>
                      <TableCell>
                        <Button
                          size="small"
                          icon={<ArrowDownload20Regular />}
                          onClick={() =>
                            exportOne.mutate(certificate.id, { onSuccess: (result) => setExported(result.saved ? certificate.id : null) })
                          }
                          aria-label={t('certificates.list.exportOne', { number: certificate.number })}
                        >
                          {t('certificates.list.export')}
                        </Button>
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            )
          }
        </QueryView>
      </section>
      <TrustedRoots />
    </>
  );
}
