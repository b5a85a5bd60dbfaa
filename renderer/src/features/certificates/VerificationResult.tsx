/** What a certificate check found, said plainly: genuine or not, who signed, and each check. */
import { MessageBar, MessageBarBody, MessageBarTitle, Text, makeStyles, tokens } from '@fluentui/react-components';
import { CheckmarkCircle16Filled, DismissCircle16Filled } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import type { CertificateVerification } from '@shared/certificates';
import { formatDateTime } from '@shared/format-date';
import type { Language } from '@shared/locale';
import { FactList } from '../../components/FactList';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  checks: { listStyle: 'none', padding: 0, margin: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  check: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'flex-start' },
  ok: { color: tokens.colorPaletteGreenForeground1, flexShrink: 0, marginTop: '2px' },
  bad: { color: tokens.colorPaletteRedForeground1, flexShrink: 0, marginTop: '2px' },
});

const INTENT = { valid: 'success', 'valid-untrusted': 'warning', invalid: 'error', unreadable: 'error' } as const;

export function VerificationResult({ fileName, result }: { fileName: string; result: CertificateVerification }) {
  const styles = useStyles();
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const facts: Array<[string, string]> = [[t('certificates.verify.file'), fileName]];
  if (result.number) facts.push([t('certificates.columns.number'), result.number]);
  if (result.kind) facts.push([t('certificates.columns.kind'), t(`certificates.kinds.${result.kind}`)]);
  if (result.issuedAt) facts.push([t('certificates.columns.issuedAt'), formatDateTime(result.issuedAt, language)]);
  if (result.signer) {
    facts.push([t('certificates.verify.signer'), t('certificates.verify.signerValue', { ...result.signer })]);
    facts.push([t('certificates.verify.fingerprint'), result.signer.fingerprint]);
  }
  return (
    <section className={styles.root} aria-label={t('certificates.verify.resultTitle')}>
      <MessageBar intent={INTENT[result.status]} layout="multiline" role="status">
        <MessageBarBody>
          <MessageBarTitle>{t(`certificates.verify.status.${result.status}`)}</MessageBarTitle>
          {t(`certificates.verify.explain.${result.status}`)}
        </MessageBarBody>
      </MessageBar>
      <FactList facts={facts} />
      {result.checks.length > 0 && (
        <ul className={styles.checks} aria-label={t('certificates.verify.checksTitle')}>
          {result.checks.map((check) => (
            <li key={check.check} className={styles.check}>
              {check.ok ? <CheckmarkCircle16Filled className={styles.ok} aria-hidden /> : <DismissCircle16Filled className={styles.bad} aria-hidden />}
              <Text>
                {t('certificates.verify.checkLine', {
                  check: t(`certificates.verify.checks.${check.check}`),
                  result: check.ok ? t('certificates.verify.ok') : t('certificates.verify.failed'),
                })}
                {check.reason && <> — {t(`errors.${check.reason}`)}</>}
              </Text>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
