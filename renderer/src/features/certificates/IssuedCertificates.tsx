/**
 * The engineer's own documents, the common task of this screen (issue 19): every certificate and
 * report issued from this vault, newest first, with the site and the visit it was for, searchable
 * by either; each saved as its signed PDF in place (「PDF を保存」, then 「フォルダーを開く」) and
 * marked 「会社の認証なし」 when it was signed without a company certificate.
 */
import { useState } from 'react';
import {
  Badge,
  Caption1,
  Field,
  SearchBox,
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
import { ShieldError16Regular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import type { CertificateSummary } from '@shared/certificates';
import { formatDateTime } from '@shared/format-date';
import type { Language } from '@shared/locale';
import { QueryView } from '../../components/QueryView';
import { SavePdfAction } from '../../components/SavePdf';
import { TextCell, useTableCellStyles } from '../../components/table-cells';
import { searchCertificates } from './certificate-search';
import { useCertificatesList } from './use-certificates';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  search: { maxWidth: '32em' },
  tableWrap: { overflowX: 'auto' },
  // Below this the number and the date would break; the wrapper scrolls instead.
  table: { minWidth: '880px' },
  kind: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: tokens.spacingVerticalXXS },
  muted: { color: tokens.colorNeutralForeground3 },
});

function SignedWith({ certificate }: { certificate: CertificateSummary }) {
  const styles = useStyles();
  const cells = useTableCellStyles();
  const { t } = useTranslation();
  return certificate.companyCertified ? (
    <Caption1 className={styles.muted}>{t('certificates.list.companyCertified')}</Caption1>
  ) : (
    <Badge className={cells.nowrap} appearance="tint" shape="rounded" color="warning" icon={<ShieldError16Regular />}>
      {t('certificates.notCertified')}
    </Badge>
  );
}

function CertificateRows({ list }: { list: readonly CertificateSummary[] }) {
  const styles = useStyles();
  const cells = useTableCellStyles();
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  return (
    <div className={styles.tableWrap}>
      <Table aria-labelledby="certificates-list-heading" className={styles.table}>
        <TableHeader>
          <TableRow>
            {/* Sized to their longest content (a whole number, a JST time, the two buttons); kind and site share the rest. */}
            <TableHeaderCell style={{ width: '248px' }}>{t('certificates.columns.number')}</TableHeaderCell>
            <TableHeaderCell>{t('certificates.columns.kind')}</TableHeaderCell>
            <TableHeaderCell>{t('certificates.columns.site')}</TableHeaderCell>
            <TableHeaderCell style={{ width: '130px' }}>{t('certificates.columns.visit')}</TableHeaderCell>
            <TableHeaderCell style={{ width: '176px' }}>{t('certificates.columns.issuedAt')}</TableHeaderCell>
            <TableHeaderCell style={{ width: '160px' }}>{t('certificates.columns.actions')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {list.map((certificate) => (
            <TableRow key={certificate.id} data-certificate-id={certificate.id} data-company-certified={certificate.companyCertified}>
              <TableCell className={cells.nowrap}>{certificate.number}</TableCell>
              <TextCell>
                <div className={styles.kind}>
                  <span>{language === 'ja' ? certificate.title.ja : certificate.title.en}</span>
                  <SignedWith certificate={certificate} />
                </div>
              </TextCell>
              <TextCell>{certificate.site ?? <span className={styles.muted}>—</span>}</TextCell>
              <TextCell>{certificate.visitReference ?? <span className={styles.muted}>—</span>}</TextCell>
              <TableCell className={cells.nowrap}>{formatDateTime(certificate.issuedAt, language)}</TableCell>
              <TextCell>
                <SavePdfAction certificateId={certificate.id} number={certificate.number} compact />
              </TextCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}

export function IssuedCertificates() {
  const styles = useStyles();
  const { t } = useTranslation();
  const certificates = useCertificatesList();
  const [query, setQuery] = useState('');
  return (
    <section className={styles.section} aria-labelledby="certificates-list-heading">
      <Subtitle1 as="h2" id="certificates-list-heading">
        {t('certificates.list.title')}
      </Subtitle1>
      <QueryView query={certificates}>
        {({ certificates: list }) => {
          if (list.length === 0) return <Text role="status">{t('certificates.list.empty')}</Text>;
          const found = searchCertificates(list, query);
          return (
            <>
              <Field className={styles.search} label={t('certificates.list.search')} hint={t('certificates.list.searchHint')}>
                <SearchBox value={query} onChange={(_event, data) => setQuery(data.value)} autoComplete="off" />
              </Field>
              <Text role="status" size={200}>
                {query.trim() ? t('certificates.list.found', { count: found.length, total: list.length }) : ''}
              </Text>
              {found.length === 0 ? <Text>{t('certificates.list.noMatch')}</Text> : <CertificateRows list={found} />}
            </>
          );
        }}
      </QueryView>
    </section>
  );
}
