/**
 * Certificates, with the common task first (issue 19): the certificates and reports issued from
 * this vault (10-1 erasure, the visit, self-check, sanitization and ledger reports), searchable by
 * site and visit and saved as PDF in place; then, on their own tabs, the checks one makes of
 * documents from others — a certificate put through the same check `fieldguard verify` and the
 * hospital's PDF reader make, and a delivered folder against its sanitization report — and the
 * company roots (issuers) this vault trusts. Every tab stays mounted while hidden, so a result
 * on one is still there after a look at another.
 */
import { useState } from 'react';
import { Tab, TabList, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { PageHeading } from '../../components/PageHeading';
import { IssuedCertificates } from './IssuedCertificates';
import { ReceivedCheckSection } from './ReceivedCheckSection';
import { TrustedRoots } from './TrustedRoots';
import { VerifySection } from './VerifySection';

const TABS = ['issued', 'verify', 'trusted'] as const;
type CertificatesTab = (typeof TABS)[number];

const useStyles = makeStyles({
  tabs: { marginBottom: tokens.spacingVerticalL },
});

export function CertificatesPage() {
  const styles = useStyles();
  const { t } = useTranslation();
  const [tab, setTab] = useState<CertificatesTab>('issued');
  return (
    <>
      <PageHeading>{t('certificates.title')}</PageHeading>
      <TabList
        className={styles.tabs}
        selectedValue={tab}
        onTabSelect={(_event, data) => setTab(data.value as CertificatesTab)}
        aria-label={t('certificates.tabs.label')}
      >
        {TABS.map((value) => (
          <Tab key={value} value={value} id={`certificates-tab-${value}`} aria-controls={`certificates-panel-${value}`}>
            {t(`certificates.tabs.${value}`)}
          </Tab>
        ))}
      </TabList>
      <div role="tabpanel" id="certificates-panel-issued" aria-labelledby="certificates-tab-issued" hidden={tab !== 'issued'}>
        <IssuedCertificates />
      </div>
      <div role="tabpanel" id="certificates-panel-verify" aria-labelledby="certificates-tab-verify" hidden={tab !== 'verify'}>
        <VerifySection />
        <ReceivedCheckSection />
      </div>
      <div role="tabpanel" id="certificates-panel-trusted" aria-labelledby="certificates-tab-trusted" hidden={tab !== 'trusted'}>
        <TrustedRoots />
      </div>
    </>
  );
}
