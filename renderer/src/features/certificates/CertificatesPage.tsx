/**
 * Certificates: those issued from this vault (10-1 erasure, the self-check and sanitization
 * reports), each re-exportable as its signed PDF, a check anyone's certificate can be put
 * through — the same check `fieldguard verify` and the hospital's own PDF reader make — and
 * the receiving side's check of a delivered folder against its sanitization report.
 */
import { useState } from 'react';
import {
  Button, MessageBar, MessageBarBody, Subtitle1, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, makeStyles, tokens,
} from '@fluentui/react-components';
import { ArrowDownload20Regular, ShieldCheckmark20Regular } from '@fluentui/react-icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '@shared/format-date';
import type { Language } from '@shared/locale';
import { ErrorState } from '../../components/ErrorState';
import { PageHeading } from '../../components/PageHeading';
import { QueryView } from '../../components/QueryView';
import { invoke } from '../../lib/bridge';
import { ReceivedCheckSection } from './ReceivedCheckSection';
import { TrustedSigners } from './TrustedSigners';
import { VerificationResult } from './VerificationResult';

const useStyles = makeStyles({
  section: { marginBottom: tokens.spacingVerticalXXL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  intro: { display: 'block', maxWidth: '60em' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalM },
});

export function CertificatesPage() {
  const styles = useStyles();
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const certificates = useQuery({ queryKey: ['certificates.list'], queryFn: () => invoke('certificates.list', {}) });
  const verify = useMutation({ mutationFn: () => invoke('certificates.verifyFile', {}) });
  const [exported, setExported] = useState<string | null>(null);
  const exportOne = useMutation({
    mutationFn: (id: string) => invoke('certificates.export', { id }),
    onSuccess: (result, id) => setExported(result.saved ? id : null),
  });

  return (
    <>
      <PageHeading>{t('certificates.title')}</PageHeading>
      <section className={styles.section} aria-labelledby="certificates-verify-heading">
        <Subtitle1 as="h2" id="certificates-verify-heading">{t('certificates.verify.title')}</Subtitle1>
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
        <Subtitle1 as="h2" id="certificates-list-heading">{t('certificates.list.title')}</Subtitle1>
        {exported && <MessageBar intent="success"><MessageBarBody>{t('certificates.list.exported')}</MessageBarBody></MessageBar>}
        {exportOne.isError && <ErrorState error={exportOne.error} />}
        <QueryView query={certificates}>
          {({ certificates: list }) =>
            list.length === 0 ? (
              <Text role="status">{t('certificates.list.empty')}</Text>
            ) : (
              <Table aria-labelledby="certificates-list-heading">
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell>{t('certificates.columns.number')}</TableHeaderCell>
                    <TableHeaderCell>{t('certificates.columns.kind')}</TableHeaderCell>
                    <TableHeaderCell>{t('certificates.columns.issuedAt')}</TableHeaderCell>
                    <TableHeaderCell>{t('certificates.columns.actions')}</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {list.map((certificate) => (
                    <TableRow key={certificate.id}>
                      <TableCell>{certificate.number}</TableCell>
                      <TableCell>{language === 'ja' ? certificate.title.ja : certificate.title.en}</TableCell>
                      <TableCell>{formatDateTime(certificate.issuedAt, language)}</TableCell>
                      <TableCell>
                        <Button size="small" icon={<ArrowDownload20Regular />} onClick={() => exportOne.mutate(certificate.id)} aria-label={t('certificates.list.exportOne', { number: certificate.number })}>
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
      <TrustedSigners />
    </>
  );
}
